// The long cluster run (1,000,000 subscribers × 30 days by default): too long for `npm run bench`,
// so it runs on its own and leaves its result in bench/results/cluster-long.json, which suite 6
// shows with its date, command and load. The same startLocalCluster + simulateOnCluster as
// `twin simulate --cluster --runners N`, plus what a long run needs to be judged: every runner log
// line, every partition-day report (runner, re-delivery, rebuild, RSS, event-loop stall) and the
// load average each minute, in a log file.
//
//   npx tsx bench/cluster-long.ts [--subscribers 1000000] [--days 30] [--runners 2] [--log FILE]
import { appendFileSync, writeFileSync } from "node:fs"
import os from "node:os"
import { fileURLToPath, pathToFileURL } from "node:url"
import { parseArgs } from "node:util"
import { simulateOnCluster, type ClusterSimResult } from "../cluster/coordinator.ts"
import { startLocalCluster } from "../cluster/local.ts"
import { writeJson } from "./lib/figures.ts"

export const LONG_RESULT = fileURLToPath(new URL("results/cluster-long.json", import.meta.url))

export interface LongRun {
  readonly command: string
  readonly startedAt: string
  readonly loadStart: string
  readonly loadEnd: string
  /** Load average samples, one a minute: [seconds since start, 1-min load]. */
  readonly loads: Array<[number, number]>
  readonly result: ClusterSimResult
}

const load = (): string =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")

export const runLong = async (o: {
  subscribers: number
  days: number
  runners: number
  logFile: string
  command: string
}): Promise<LongRun> => {
  const log = (s: string): void => appendFileSync(o.logFile, `${new Date().toISOString()} ${s}\n`)
  const partitions = 8
  const startedAt = new Date().toISOString()
  const loadStart = load()
  const loads: Array<[number, number]> = []
  log(`${o.command}: ${o.subscribers} × ${o.days} days on ${o.runners} runners, load ${loadStart}`)
  const cluster = await startLocalCluster({ runners: o.runners, shards: partitions, onLog: log })
  const t0 = performance.now()
  const timer = setInterval(() => {
    loads.push([Math.round((performance.now() - t0) / 1000), os.loadavg()[0] as number])
    log(`load ${load()}`)
  }, 60_000)
  try {
    const result = await simulateOnCluster(
      {
        seed: "1",
        subscribers: o.subscribers,
        days: o.days,
        partitions,
        shards: partitions,
        pg: cluster.url,
        waitForRunners: o.runners,
        onRetry: (p, d, e) => log(`retry p${p} day ${d}: ${e._tag} ${e.message ?? ""}`),
      },
      (r, i) =>
        log(
          `p${r.partition} day ${r.day} on ${r.runner}: ${r.events} events, duplicate ${r.duplicate}, ` +
            `restored ${r.restoredDays}, setup ${r.setupMs.toFixed(0)} ms, replay ${r.replayMs.toFixed(0)} ms, ` +
            `CPU ${((r.cpuEndMs - r.cpuStartMs) / 1000).toFixed(1)} s, RSS ${(r.rss / 2 ** 20).toFixed(0)} MB, ` +
            `longest stall ${r.maxStallMs.toFixed(0)} ms, moved ${i.moved}`,
        ),
    )
    const out: LongRun = { command: o.command, startedAt, loadStart, loadEnd: load(), loads, result }
    log(
      `done in ${result.seconds.toFixed(1)} s, hash ${result.hash}, moved ${result.cluster.moved}, ` +
        `re-deliveries ${result.cluster.duplicates}, rebuilds ${result.cluster.restored}, ` +
        `RSS per subscriber ${result.cluster.rssPerSubscriber.toFixed(0)} B, load ${out.loadEnd}`,
    )
    return out
  } finally {
    clearInterval(timer)
    await cluster.stop()
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      subscribers: { type: "string", default: "1000000" },
      days: { type: "string", default: "30" },
      runners: { type: "string", default: "2" },
      log: { type: "string", default: "cluster-long.log" },
    },
  })
  const n = (v: string, name: string): number => {
    const x = Number(v)
    if (!Number.isSafeInteger(x) || x < 1) throw new Error(`--${name}: expected a positive integer, got ${v}`)
    return x
  }
  const command =
    `npx tsx bench/cluster-long.ts --subscribers ${values.subscribers} ` +
    `--days ${values.days} --runners ${values.runners}`
  writeFileSync(values.log, "")
  const out = await runLong({
    subscribers: n(values.subscribers, "subscribers"),
    days: n(values.days, "days"),
    runners: n(values.runners, "runners"),
    logFile: values.log,
    command,
  })
  writeJson(LONG_RESULT, out)
  console.log(`${LONG_RESULT}: ${out.result.seconds.toFixed(1)} s, hash ${out.result.hash}`)
}
