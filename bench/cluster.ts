// Suite 6: the population simulation on effect/cluster runners (cluster/): the cluster run against
// the in-process run of the same population on the same cores (2 runner processes vs 2 worker
// threads, both with a durable log: Postgres rows vs SQLite files), and 1 runner against 2. Two
// local clusters (each its own embedded Postgres and runner processes on 127.0.0.1: one with 1
// runner, one with 2) and the in-process run take turns, in rounds of alternating order, so that a
// change in the shared machine's load falls on every side; the ratios are of the summed times, next
// to the load average of each run. The 1M × 30-day cluster run is too long for a bench run: its
// last measurement (bench/cluster-long.ts) is shown from bench/results/cluster-long.json.
import { existsSync, readFileSync } from "node:fs"
import os from "node:os"
import type { Figure, SuiteResult } from "./lib/figures.ts"
import { simulate, type SimResult } from "../sim/run.ts"
import { simulateOnCluster, type ClusterSimResult } from "../cluster/coordinator.ts"
import { startLocalCluster, type LocalCluster } from "../cluster/local.ts"
import { LONG_RESULT, type LongRun } from "./cluster-long.ts"

export const OVERHEAD_TARGET = 0.2
export const SPEEDUP_TARGET = 1.6

const load = (): string =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")

type Side = "in-process" | "2 runners" | "1 runner"

interface Timed {
  readonly side: Side
  readonly round: number
  readonly seconds: number
  readonly loadBefore: string
  readonly loadAfter: string
}

/** The last long cluster run (1M × 30 days), as figures marked with where and when they were measured. */
export const longRunFigures = (): { figures: Figure[]; notes: string[] } => {
  if (!existsSync(LONG_RESULT)) return { figures: [], notes: ["No long cluster run recorded (bench/cluster-long.ts)."] }
  const l = JSON.parse(readFileSync(LONG_RESULT, "utf8")) as LongRun
  const r = l.result
  const when = `measured ${l.startedAt.slice(0, 16)} UTC by \`${l.command}\`, not in this run; load ${l.loadStart} → ${l.loadEnd}`
  const stall = Math.max(...r.cluster.runners.map((s) => s.maxStallMs))
  return {
    figures: [
      {
        suite: "cluster",
        name: `${r.subscribers.toLocaleString("en-US")} × ${r.days} days on ${r.cluster.runners.length} runners, wall time`,
        value: r.seconds,
        unit: "s",
        target: "—",
        pass: null,
        note: `${Math.round(r.subscriberDaysPerSec).toLocaleString("en-US")} sub-days/s; ${when}`,
      },
      {
        suite: "cluster",
        name: `${r.subscribers.toLocaleString("en-US")} × ${r.days} days: runners' RSS per subscriber (Σ of peaks)`,
        value: r.cluster.rssPerSubscriber,
        unit: "B",
        target: "—",
        pass: null,
        note: when,
      },
    ],
    notes: [
      `Long run: hash ${r.hash.slice(0, 16)}…; ${r.cluster.runners
        .map(
          (s) =>
            `${s.runner}: partitions ${[...s.partitions].sort((a, b) => a - b).join(",")}, ` +
            `CPU ${s.cpuSeconds.toFixed(0)} s, RSS ≤ ${(s.maxRss / 2 ** 20).toFixed(0)} MB`,
        )
        .join(
          "; ",
        )}; moved ${r.cluster.moved}, re-deliveries ${r.cluster.duplicates}, rebuilds ${r.cluster.restored}; ` +
        `longest event-loop stall ${(stall / 1000).toFixed(1)} s.`,
    ],
  }
}

export const runClusterSuite = async (opts: { quick: boolean; full: boolean }): Promise<SuiteResult> => {
  const subscribers = opts.quick ? 10_000 : opts.full ? 100_000 : 40_000
  const days = opts.quick ? 3 : opts.full ? 30 : 5
  const rounds = opts.quick ? 1 : 2
  const partitions = 8
  const run = { seed: "1", subscribers, days, partitions }
  const clusters: LocalCluster[] = []
  try {
    const one = await startLocalCluster({ runners: 1, shards: partitions })
    clusters.push(one)
    const two = await startLocalCluster({ runners: 2, shards: partitions })
    clusters.push(two)
    const on = (c: LocalCluster, runners: number, r: typeof run): Promise<ClusterSimResult> =>
      simulateOnCluster({ ...r, shards: partitions, pg: c.url, waitForRunners: runners })
    // A small run first on each new runner process: its code is compiled before the measured runs.
    const warm = { seed: "warm-up", subscribers: 2_000, days: 2, partitions }
    await on(one, 1, warm)
    await on(two, 2, warm)
    const timed: Timed[] = []
    const results: { [K in Side]: Array<K extends "in-process" ? SimResult : ClusterSimResult> } = {
      "in-process": [],
      "2 runners": [],
      "1 runner": [],
    }
    for (let round = 0; round < rounds; round++) {
      const order: Side[] =
        round % 2 === 0 ? ["in-process", "2 runners", "1 runner"] : ["1 runner", "2 runners", "in-process"]
      for (const side of order) {
        const loadBefore = load()
        if (side === "in-process") results[side].push(await simulate({ ...run, threads: 2, log: "sqlite" }))
        else if (side === "2 runners") results[side].push(await on(two, 2, run))
        else results[side].push(await on(one, 1, run))
        const r = results[side][results[side].length - 1] as SimResult
        timed.push({ side, round, seconds: r.seconds, loadBefore, loadAfter: load() })
      }
    }
    const all = [...results["in-process"], ...results["2 runners"], ...results["1 runner"]]
    const reference = results["in-process"][0] as SimResult
    for (const r of all)
      if (r.hash !== reference.hash)
        throw new Error(`cluster: a run's hash (${r.hash}) differs from the in-process run (${reference.hash})`)
    const sum = (side: Side): number => timed.filter((t) => t.side === side).reduce((a, t) => a + t.seconds, 0)
    const inProcessS = sum("in-process")
    const twoS = sum("2 runners")
    const oneS = sum("1 runner")
    const overhead = twoS / inProcessS - 1
    const speedup = oneS / twoS
    const perRound = (a: Side, b: Side): string =>
      Array.from({ length: rounds }, (_, k) => {
        const x = timed.find((t) => t.side === a && t.round === k)?.seconds ?? Number.NaN
        const y = timed.find((t) => t.side === b && t.round === k)?.seconds ?? Number.NaN
        return `round ${k + 1}: ${x.toFixed(1)} s / ${y.toFixed(1)} s = ${(x / y).toFixed(2)}`
      }).join("; ")
    // Under contention the wall clock of 1 vs 2 runners says how the shared cores were handed out;
    // CPU time says what 2 dedicated cores would do: the work of 1 runner against the busier of 2.
    const cpuOf = (r: ClusterSimResult): number => r.cluster.runners.reduce((a, s) => a + s.cpuSeconds, 0)
    const cpuOne = results["1 runner"].reduce((a, r) => a + cpuOf(r), 0)
    const cpuTwo = results["2 runners"].reduce((a, r) => a + cpuOf(r), 0)
    const busiest = results["2 runners"].reduce(
      (a, r) => a + Math.max(...r.cluster.runners.map((s) => s.cpuSeconds)),
      0,
    )
    const cpuSpeedup = cpuOne / busiest
    const lastTwo = results["2 runners"][results["2 runners"].length - 1] as ClusterSimResult
    const total = subscribers * days * rounds
    const long = longRunFigures()
    return {
      suite: "cluster",
      title:
        `6. Population on effect/cluster: ${subscribers.toLocaleString("en-US")} subscribers × ${days} days, ` +
        `${partitions} partitions, embedded Postgres, local runner processes, ${rounds} round(s)`,
      figures: [
        {
          suite: "cluster",
          name: "cluster run, 2 runners (durable: Postgres)",
          value: (subscribers * days * rounds) / twoS,
          unit: "sub-days/s",
          limit: {
            name: "in-process, 2 worker threads (durable: SQLite)",
            value: (subscribers * days * rounds) / inProcessS,
            unit: "sub-days/s",
          },
          ratio: inProcessS / twoS,
          target: `overhead ≤ ${OVERHEAD_TARGET * 100}% (time ≤ ${1 + OVERHEAD_TARGET}× in-process)`,
          pass: overhead <= OVERHEAD_TARGET,
          note:
            `overhead ${(overhead * 100).toFixed(1)}%: Σ ${twoS.toFixed(1)} s vs Σ ${inProcessS.toFixed(1)} s ` +
            `(${perRound("2 runners", "in-process")})`,
        },
        {
          suite: "cluster",
          name: "speed-up, 2 runners vs 1 runner",
          value: speedup,
          unit: "×",
          limit: { name: "1 runner", value: (subscribers * days * rounds) / oneS, unit: "sub-days/s" },
          target: `≥ ${SPEEDUP_TARGET}× on 2 cores`,
          pass: speedup >= SPEEDUP_TARGET,
          note: `Σ ${oneS.toFixed(1)} s on 1 runner, Σ ${twoS.toFixed(1)} s on 2 (${perRound("1 runner", "2 runners")})`,
        },
        {
          suite: "cluster",
          name: "speed-up on 2 dedicated cores, estimated from CPU time",
          value: cpuSpeedup,
          unit: "×",
          target: `≥ ${SPEEDUP_TARGET}× (estimate: 1 runner's CPU s / the busier of 2 runners' CPU s)`,
          pass: null,
          note: `CPU Σ ${cpuOne.toFixed(1)} s on 1 runner; Σ ${cpuTwo.toFixed(1)} s on 2, the busier ${busiest.toFixed(1)} s`,
        },
        {
          suite: "cluster",
          name: "runner CPU per subscriber-day (2 runners, setup included)",
          value: (cpuTwo / total) * 1e6,
          unit: "µs",
          target: "—",
          pass: null,
          note: `${(total / cpuTwo).toFixed(0)} sub-days per CPU second; load-independent, what sizing uses`,
        },
        {
          suite: "cluster",
          name: "runners' RSS per subscriber (2 runners, Σ of each runner's peak)",
          value: lastTwo.cluster.rssPerSubscriber,
          unit: "B",
          target: "—",
          pass: null,
        },
        ...long.figures,
      ],
      data: { timed, inProcess: results["in-process"], two: results["2 runners"], one: results["1 runner"] },
      notes: [
        `Same combined hash in every run (in-process, 1 runner, 2 runners): ${reference.hash.slice(0, 16)}…`,
        `Placement on 2 runners: ${lastTwo.cluster.runners
          .map((s) => `${s.runner}: partitions ${[...s.partitions].sort((a, b) => a - b).join(",")}`)
          .join("; ")}; moved ${lastTwo.cluster.moved}, re-deliveries ${lastTwo.cluster.duplicates}.`,
        `Postgres day log: ${lastTwo.cluster.bytesPerEvent.toFixed(0)} B per event (chunk bytes / events of the simulated days).`,
        `Runs in order, with the load average (1/5/15 min) before → after each: ${timed
          .map((t) => `${t.side} ${t.seconds.toFixed(1)} s (${t.loadBefore} → ${t.loadAfter})`)
          .join(
            " · ",
          )}. Other sessions share these 2 cores, so single times are noisy; the rounds alternate the order.`,
        "Times exclude starting Postgres and the runner processes; they include creating the subscribers, " +
          "every day's commit to Postgres and the messages.",
        ...long.notes,
      ],
    }
  } finally {
    for (const c of clusters) await c.stop()
  }
}
