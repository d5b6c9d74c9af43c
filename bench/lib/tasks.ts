// Reading tinybench results: one task call processes `perCall` operations.
import type { Task } from "tinybench"

/** Operations per second of a completed task (perCall operations per call, mean period). */
export const taskRate = (task: Task | undefined, perCall: number): number => {
  if (task === undefined) throw new Error("bench: task missing")
  const r = task.result
  if (r.state !== "completed")
    throw new Error(`bench: task "${task.name}" ${r.state}${"error" in r ? `: ${String(r.error)}` : ""}`)
  return (perCall * 1000) / r.period
}
