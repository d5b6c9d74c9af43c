// Suite 6: the population simulation on effect/cluster runners (cluster/): the cluster run against
// the in-process run of the same population on the same cores (2 runner processes vs 2 worker
// threads, both with a durable log: Postgres rows vs SQLite files), and 1 runner against 2. One
// embedded Postgres and local runner processes on 127.0.0.1; the ratios are taken within this
// run, next to the load average (the machine is shared).
import os from "node:os"
import type { SuiteResult } from "./lib/figures.ts"
import { simulate } from "../sim/run.ts"
import { simulateOnCluster, type ClusterSimResult } from "../cluster/coordinator.ts"
import { startLocalCluster } from "../cluster/local.ts"

export const OVERHEAD_TARGET = 0.2
export const SPEEDUP_TARGET = 1.6

const load = (): string =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")

export const runClusterSuite = async (opts: { quick: boolean; full: boolean }): Promise<SuiteResult> => {
  const subscribers = opts.quick ? 10_000 : opts.full ? 100_000 : 40_000
  const days = opts.quick ? 3 : opts.full ? 30 : 5
  const partitions = 8
  const run = { seed: "1", subscribers, days, partitions }
  const loads: string[] = [`start ${load()}`]
  const cluster = await startLocalCluster({ runners: 1, shards: partitions })
  // A small run first on each new runner process: its code is compiled before the measured run.
  const warm = (runners: number): Promise<ClusterSimResult> =>
    simulateOnCluster({
      seed: "warm-up",
      subscribers: 2_000,
      days: 2,
      partitions,
      shards: partitions,
      pg: cluster.url,
      waitForRunners: runners,
    })
  try {
    await warm(1)
    const one = await simulateOnCluster({ ...run, shards: partitions, pg: cluster.url, waitForRunners: 1 })
    loads.push(`after 1 runner ${load()}`)
    await cluster.addRunner()
    await warm(2)
    const two = await simulateOnCluster({ ...run, shards: partitions, pg: cluster.url, waitForRunners: 2 })
    loads.push(`after 2 runners ${load()}`)
    const inProcess = await simulate({ ...run, threads: 2, log: "sqlite" })
    loads.push(`after in-process ${load()}`)
    for (const [name, r] of [
      ["2 runners", two],
      ["1 runner", one],
    ] as const) {
      if (r.hash !== inProcess.hash)
        throw new Error(`cluster: the hash on ${name} (${r.hash}) differs from the in-process run (${inProcess.hash})`)
    }
    const overhead = two.seconds / inProcess.seconds - 1
    // Under contention the wall clock of 1 vs 2 runners says how the shared cores were handed out;
    // CPU time says what 2 dedicated cores would do: the work of 1 runner against the busier of 2.
    const cpuOne = one.cluster.runners.reduce((a, r) => a + r.cpuSeconds, 0)
    const cpuTwo = two.cluster.runners.reduce((a, r) => a + r.cpuSeconds, 0)
    const cpuSpeedup = cpuOne / Math.max(...two.cluster.runners.map((r) => r.cpuSeconds))
    const speedup = one.seconds / two.seconds
    const placement = (r: ClusterSimResult): string =>
      r.cluster.runners
        .map((s) => `${s.runner}: partitions ${[...s.partitions].sort((a, b) => a - b).join(",")}`)
        .join("; ")
    return {
      suite: "cluster",
      title:
        `6. Population on effect/cluster: ${subscribers.toLocaleString("en-US")} subscribers × ${days} ` +
        `days, ${partitions} partitions, embedded Postgres, local runner processes`,
      figures: [
        {
          suite: "cluster",
          name: "cluster run, 2 runners (durable: Postgres)",
          value: two.subscriberDaysPerSec,
          unit: "sub-days/s",
          limit: {
            name: "in-process, 2 worker threads (durable: SQLite)",
            value: inProcess.subscriberDaysPerSec,
            unit: "sub-days/s",
          },
          ratio: two.subscriberDaysPerSec / inProcess.subscriberDaysPerSec,
          target: `overhead ≤ ${OVERHEAD_TARGET * 100}% (time ≤ ${1 + OVERHEAD_TARGET}× in-process)`,
          pass: overhead <= OVERHEAD_TARGET,
          note: `overhead ${(overhead * 100).toFixed(1)}%: ${two.seconds.toFixed(1)} s vs ${inProcess.seconds.toFixed(1)} s`,
        },
        {
          suite: "cluster",
          name: "speed-up, 2 runners vs 1 runner",
          value: speedup,
          unit: "×",
          limit: { name: "1 runner", value: one.subscriberDaysPerSec, unit: "sub-days/s" },
          target: `≥ ${SPEEDUP_TARGET}× on 2 cores`,
          pass: speedup >= SPEEDUP_TARGET,
          note: `${one.seconds.toFixed(1)} s on 1 runner, ${two.seconds.toFixed(1)} s on 2`,
        },
        {
          suite: "cluster",
          name: "speed-up on 2 dedicated cores, estimated from CPU time",
          value: cpuSpeedup,
          unit: "×",
          target: `≥ ${SPEEDUP_TARGET}× (estimate: 1 runner's CPU s / the busiest of 2 runners' CPU s)`,
          pass: null,
          note: `CPU ${cpuOne.toFixed(1)} s on 1 runner; ${two.cluster.runners.map((r) => r.cpuSeconds.toFixed(1)).join(" s + ")} s on 2`,
        },
        {
          suite: "cluster",
          name: "runner CPU per subscriber-day (2 runners, setup included)",
          value: (cpuTwo / (subscribers * days)) * 1e6,
          unit: "µs",
          target: "—",
          pass: null,
          note: `${((subscribers * days) / cpuTwo).toFixed(0)} sub-days per CPU second; load-independent, what sizing uses`,
        },
        {
          suite: "cluster",
          name: "runners' RSS per subscriber (2 runners, Σ of each runner's peak)",
          value: two.cluster.rssPerSubscriber,
          unit: "B",
          target: "—",
          pass: null,
        },
      ],
      data: { inProcess, one, two, loads },
      notes: [
        `Same combined hash on 2 runners, 1 runner and in-process: ${inProcess.hash.slice(0, 16)}…`,
        `Placement: ${placement(two)}; moved ${two.cluster.moved}.`,
        `Postgres day log: ${two.cluster.bytesPerEvent.toFixed(0)} B per event (chunk bytes / events of the simulated days).`,
        `Load average (1/5/15 min) ${loads.join(" · ")}: other sessions share these 2 cores, so the times are ` +
          `noisy; the ratios compare runs made minutes apart (order: 1 runner, 2 runners, in-process).`,
        "Times exclude starting Postgres and the runner processes; they include creating the subscribers, every " +
          "day's commit to Postgres and the messages.",
      ],
    }
  } finally {
    await cluster.stop()
  }
}
