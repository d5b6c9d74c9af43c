// Suite 6: the population simulation on effect/cluster runners (cluster/): the cluster run against
// the in-process run of the same population on the same cores (2 runner processes vs 2 worker
// threads, both with a durable log: Postgres rows vs SQLite files), and 1 runner against 2. Two
// local clusters (each its own embedded Postgres and runner processes on 127.0.0.1: one with 1
// runner, one with 2) and the in-process run take turns, in rounds of alternating order, so that a
// change in the shared machine's load falls on every side; the ratios are of the summed times, next
// to the load average of each run. Wall time says what 2 cores did only when nothing else ran on
// them, so every run's CPU time is read from /proc as well (bench/lib/proc-cpu.ts): each runner
// process (and its main thread), the Postgres server and the coordinator. Total CPU on 1 runner and
// on 2 should match when no runner repeats another's work, and 2 dedicated cores' speed-up is
// estimated from it. The 1M × 30-day cluster run is too long for a bench run: its last measurement
// (bench/cluster-long.ts) is shown from bench/results/cluster-long.json.
import { existsSync, readFileSync } from "node:fs"
import os from "node:os"
import type { Figure, SuiteResult } from "./lib/figures.ts"
import { simulate, type SimResult } from "../sim/run.ts"
import { simulateOnCluster, type ClusterSimResult } from "../cluster/coordinator.ts"
import { startLocalCluster, type LocalCluster } from "../cluster/local.ts"
import { LONG_RESULT, type LongRun } from "./cluster-long.ts"
import { postgresCpu, procCpu, type ProcCpu } from "./lib/proc-cpu.ts"

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
  readonly cpu: RunCpu
}

/** CPU seconds one run used, from /proc (null where it could not be read). */
interface RunCpu {
  /** Each runner process, all threads and the main thread (cluster runs; [] in-process). */
  readonly runners: Array<{ readonly address: string } & ProcCpu>
  readonly postgres: number | null
  /** This process: the coordinator of a cluster run, or the whole in-process run (its worker threads). */
  readonly self: number
}

const selfCpu = (): number => {
  const c = process.cpuUsage()
  return (c.user + c.system) / 1e6
}

/** Measure the CPU a run uses: the cluster's runners and Postgres (if any) and this process. */
const withCpu = async <A>(c: LocalCluster | null, run: () => Promise<A>): Promise<[A, RunCpu]> => {
  const pgPort = c === null ? null : Number(new URL(c.url).port)
  const read = () => ({
    runners: (c?.runners ?? []).map((r) => ({ address: r.address, cpu: procCpu(r.pid) })),
    postgres: pgPort === null ? null : postgresCpu(pgPort),
    self: selfCpu(),
  })
  const before = read()
  const out = await run()
  const after = read()
  const cpu: RunCpu = {
    runners: after.runners.flatMap((r, k) => {
      const b = before.runners[k]?.cpu
      return r.cpu === null || b === null || b === undefined
        ? []
        : [{ address: r.address, total: r.cpu.total - b.total, main: r.cpu.main - b.main }]
    }),
    postgres: after.postgres === null || before.postgres === null ? null : after.postgres - before.postgres,
    self: after.self - before.self,
  }
  return [out, cpu]
}

/** All CPU of a run: runners, Postgres and this process. */
const allCpu = (c: RunCpu): number => c.runners.reduce((a, r) => a + r.total, 0) + (c.postgres ?? 0) + c.self

/**
 * The least wall time a run's CPU needs on `cores` dedicated cores (an estimate): no runner's main
 * thread (its JavaScript) can be split, and all the CPU (helper threads, Postgres, the coordinator)
 * shares the cores.
 */
const leastWall = (c: RunCpu, cores: number): number => Math.max(...c.runners.map((r) => r.main), allCpu(c) / cores)

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
  // Large enough that the fixed costs (runner start-up is outside the times; the first message,
  // Postgres round trips per partition-day, the last partition's tail) are a small share.
  const subscribers = opts.quick ? 10_000 : 100_000
  const days = opts.quick ? 3 : opts.full ? 30 : 10
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
        const done = (r: SimResult, cpu: RunCpu): void => {
          timed.push({ side, round, seconds: r.seconds, loadBefore, loadAfter: load(), cpu })
        }
        if (side === "in-process") {
          const [r, cpu] = await withCpu(null, () => simulate({ ...run, threads: 2, log: "sqlite" }))
          results[side].push(r)
          done(r, cpu)
        } else {
          const c = side === "2 runners" ? two : one
          const [r, cpu] = await withCpu(c, () => on(c, c.runners.length, run))
          results[side].push(r)
          done(r, cpu)
        }
      }
    }
    const all = [...results["in-process"], ...results["2 runners"], ...results["1 runner"]]
    const reference = results["in-process"][0] as SimResult
    for (const r of all)
      if (r.hash !== reference.hash)
        throw new Error(`cluster: a run's hash (${r.hash}) differs from the in-process run (${reference.hash})`)
    const of = (side: Side): Timed[] => timed.filter((t) => t.side === side)
    const sum = (side: Side, f: (t: Timed) => number = (t) => t.seconds): number =>
      of(side).reduce((a, t) => a + f(t), 0)
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
    // CPU time, from /proc, says what the runs cost whatever else shared the cores: the runners'
    // (with their main threads), Postgres' and the coordinator's. Where /proc is missing, the
    // runners' own process.cpuUsage() reports stand in for the runners.
    const procOk = timed.every((t) => t.side === "in-process" || t.cpu.runners.length > 0)
    const reported = (r: ClusterSimResult): number => r.cluster.runners.reduce((a, s) => a + s.cpuSeconds, 0)
    const runnerCpu = (side: "1 runner" | "2 runners"): number =>
      procOk
        ? sum(side, (t) => t.cpu.runners.reduce((a, r) => a + r.total, 0))
        : results[side].reduce((a, r) => a + reported(r), 0)
    const cpuOne = runnerCpu("1 runner")
    const cpuTwo = runnerCpu("2 runners")
    const pgOne = sum("1 runner", (t) => t.cpu.postgres ?? 0)
    const pgTwo = sum("2 runners", (t) => t.cpu.postgres ?? 0)
    const coordTwo = sum("2 runners", (t) => t.cpu.self)
    const cpuInProcess = sum("in-process", (t) => t.cpu.self)
    const leastOne = sum("1 runner", (t) => leastWall(t.cpu, 2))
    const leastTwo = sum("2 runners", (t) => leastWall(t.cpu, 2))
    const mainOf = (side: Side): number => sum(side, (t) => t.cpu.runners.reduce((a, r) => a + r.main, 0))
    const cpuLine = (t: Timed): string =>
      `${t.side} round ${t.round + 1}: ${t.seconds.toFixed(1)} s wall; ` +
      (t.side === "in-process"
        ? `${t.cpu.self.toFixed(1)} CPU s (both threads, SQLite included)`
        : `${t.cpu.runners.map((r) => `runner ${r.address} ${r.total.toFixed(1)} CPU s (main thread ${r.main.toFixed(1)})`).join(", ")}` +
          `, Postgres ${t.cpu.postgres === null ? "?" : t.cpu.postgres.toFixed(1)}, coordinator ${t.cpu.self.toFixed(1)}`)
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
            `(${perRound("2 runners", "in-process")}); wall clock, load average in the notes`,
        },
        {
          suite: "cluster",
          name: "CPU of the cluster run (2 runners, Postgres, coordinator) vs the in-process run",
          value: (cpuTwo + pgTwo + coordTwo) / cpuInProcess,
          unit: "×",
          target: "—",
          pass: null,
          note:
            `Σ ${(cpuTwo + pgTwo + coordTwo).toFixed(1)} CPU s (runners ${cpuTwo.toFixed(1)}, Postgres ` +
            `${pgTwo.toFixed(1)}, coordinator ${coordTwo.toFixed(1)}) vs Σ ${cpuInProcess.toFixed(1)} CPU s in-process`,
        },
        {
          suite: "cluster",
          name: "speed-up, 2 runners vs 1 runner (wall clock)",
          value: speedup,
          unit: "×",
          limit: { name: "1 runner", value: (subscribers * days * rounds) / oneS, unit: "sub-days/s" },
          target: `≥ ${SPEEDUP_TARGET}× on 2 cores (meaningful only when nothing else runs on them)`,
          pass: speedup >= SPEEDUP_TARGET,
          note:
            `Σ ${oneS.toFixed(1)} s on 1 runner, Σ ${twoS.toFixed(1)} s on 2 (${perRound("1 runner", "2 runners")}); ` +
            `load average before the runs: ${timed.map((t) => t.loadBefore.split(" ")[0]).join(", ")}`,
        },
        {
          suite: "cluster",
          name: "runner CPU, Σ of 2 runners vs 1 runner (work a second runner repeats)",
          value: cpuTwo / cpuOne,
          unit: "×",
          target: "≈ 1 (no runner repeats another's work)",
          pass: null,
          note:
            `Σ ${cpuTwo.toFixed(1)} CPU s on 2 runners vs ${cpuOne.toFixed(1)} on 1` +
            (procOk
              ? `; main threads ${mainOf("2 runners").toFixed(1)} vs ${mainOf("1 runner").toFixed(1)} ` +
                "(the rest: V8's GC and compiler threads)"
              : " (the runners' own reports; no /proc)"),
        },
        {
          suite: "cluster",
          name: "speed-up on 2 dedicated cores, estimated from CPU time",
          value: leastOne / leastTwo,
          unit: "×",
          target: `≥ ${SPEEDUP_TARGET}× (estimate)`,
          pass: null,
          note:
            "each run's least wall time on 2 idle cores: its longest runner main thread, or all its CPU " +
            `(runners, Postgres, coordinator) / 2; Σ ${leastOne.toFixed(1)} s on 1 runner, ${leastTwo.toFixed(1)} s on 2` +
            (procOk ? "" : " (no /proc: not measured)"),
        },
        {
          suite: "cluster",
          name: "runner CPU per subscriber-day (2 runners, setup included)",
          value: (cpuTwo / total) * 1e6,
          unit: "µs",
          target: "—",
          pass: null,
          note:
            `${(total / cpuTwo).toFixed(0)} sub-days per CPU second; load-independent, what sizing uses; ` +
            `Postgres adds ${((pgTwo / total) * 1e6).toFixed(1)} µs (${((pgTwo / cpuTwo) * 100).toFixed(0)}% of the ` +
            `runners'; on 1 runner ${((pgOne / cpuOne) * 100).toFixed(0)}%)`,
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
        `CPU time of each run (/proc): ${timed.map(cpuLine).join(" · ")}.`,
        "Times exclude starting Postgres and the runner processes; they include creating the subscribers, " +
          "every day's commit to Postgres and the messages.",
        ...long.notes,
      ],
    }
  } finally {
    for (const c of clusters) await c.stop()
  }
}
