// Worker thread entry of the simulation: runs its partitions and reports progress and results.
import { parentPort, workerData } from "node:worker_threads"
import { runPartitions, type WorkerInput, type WorkerMessage } from "./run.ts"

const port = parentPort
if (port === null) throw new Error("sim/worker.ts must run in a worker thread")
const post = (m: WorkerMessage): void => port.postMessage(m)

try {
  // Progress is batched: one message per partition-day is plenty for a progress bar.
  const out = runPartitions(workerData as WorkerInput, (p) =>
    post({ type: "progress", subscriberDays: p.subscriberDays, events: p.events }),
  )
  post({ type: "done", summaries: out.summaries, heapBytes: out.heapBytes, setupMs: out.setupMs })
} catch (e) {
  post({ type: "error", message: e instanceof Error ? `${e.message}\n${e.stack ?? ""}` : String(e) })
}
