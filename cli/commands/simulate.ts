// `twin simulate --subscribers 100000 --days 30 --seed 1 [--threads 1|2] [--partitions 8] [--db DIR] [--json]`:
// a seeded population through the core with the durable event log, a progress bar with events/s
// and ETA, a summary and the combined state hash (same seed → same hash, for any --threads).
// `--cluster [--pg URL | --runners N]`: the same population on effect/cluster runners (cluster/):
// same hash, plus which runner ran which partitions and how many moved.
import { defineCommand } from "citty"
import cliProgress from "cli-progress"
import { mkdtempSync, rmSync } from "node:fs"
import os, { tmpdir } from "node:os"
import { join } from "node:path"
import { Effect } from "effect"
import { simulate } from "../../sim/run.ts"
import { printSummary } from "../../sim/summary.ts"
import { CommandFailed, runCli } from "../startup.ts"

const int = (v: string | undefined, name: string, dflt: number): number => {
  if (v === undefined) return dflt
  const n = Number(v)
  if (!Number.isSafeInteger(n)) {
    console.error(`--${name}: expected an integer, got ${v}`)
    process.exit(2)
  }
  return n
}

const failed = (e: unknown) =>
  new CommandFailed({ line: `simulate: ${e instanceof Error ? e.message : String(e)}`, code: 1 })

/** The progress bar on stderr while the scope is open (stopped at its end, so the cursor comes back on Ctrl+C). */
const progressBar = (show: boolean, total: number) =>
  Effect.acquireRelease(
    Effect.sync(() => {
      if (!show) return null
      const bar = new cliProgress.SingleBar(
        {
          format: "{bar} {percentage}% | {value}/{total} абонент-дней | {eps} событий/с | осталось {eta_formatted}",
          hideCursor: true,
          etaBuffer: 50,
          fps: 5,
          stream: process.stderr,
        },
        cliProgress.Presets.shades_classic,
      )
      bar.start(total, 0, { eps: 0 })
      return bar
    }),
    (bar) => Effect.sync(() => bar?.stop()),
  )

/** The folder of the SQLite logs: --db (kept), or a temporary one removed when the scope ends. */
const logDir = (db: string | undefined) =>
  db !== undefined
    ? Effect.succeed({ path: db, temp: false })
    : Effect.acquireRelease(
        Effect.sync(() => ({ path: mkdtempSync(join(tmpdir(), "twin-simulate-")), temp: true })),
        (dir) => Effect.sync(() => rmSync(dir.path, { recursive: true, force: true })),
      )

export default defineCommand({
  meta: { name: "simulate", description: "Simulate a seeded population through the core with the durable event log" },
  args: {
    subscribers: { type: "string", description: "Number of subscribers", default: "100000" },
    days: { type: "string", description: "Simulated days", default: "30" },
    seed: { type: "string", description: "Seed (same seed → same state hash)", default: "1" },
    threads: {
      type: "string",
      description: "Worker threads (1 = this thread); the hash does not depend on it",
      default: String(Math.min(2, os.cpus().length)),
    },
    partitions: { type: "string", description: "Account-group partitions (part of the run's identity)", default: "8" },
    db: {
      type: "string",
      description:
        "Directory for the SQLite event logs (one file per partition); default: a temp dir, removed after the run",
    },
    log: { type: "string", description: "sqlite (durable, default), memory or null (model only)", default: "sqlite" },
    json: { type: "boolean", description: "Print the result as JSON instead of the summary", default: false },
    progress: { type: "boolean", description: "Show the progress bar", default: true },
    cluster: {
      type: "boolean",
      description: "Run the partitions as effect/cluster entities on runner processes",
      default: false,
    },
    pg: {
      type: "string",
      description:
        "With --cluster: PostgreSQL URL of a running cluster (`twin cluster runner --pg URL`); default: an " +
        "embedded Postgres and local runners",
    },
    runners: {
      type: "string",
      description: "With --cluster and no --pg: local runner processes to start on 127.0.0.1",
      default: "2",
    },
    shards: {
      type: "string",
      description:
        "With --cluster --pg: shards per group the runners were started with (default 8); local runners get one shard per partition",
    },
    keep: { type: "boolean", description: "With --cluster: keep the run's committed days in Postgres", default: false },
  },
  async run({ args }) {
    const subscribers = int(args.subscribers, "subscribers", 100_000)
    const days = int(args.days, "days", 30)
    const threads = int(args.threads, "threads", 1)
    const partitions = int(args.partitions, "partitions", 8)
    if (args.cluster) {
      const { runClusterCommand } = await import("../../cluster/simulate-command.ts")
      const cluster = Effect.tryPromise({
        try: () =>
          runClusterCommand({
            seed: args.seed,
            subscribers,
            days,
            partitions,
            runners: int(args.runners, "runners", 2),
            json: args.json,
            progress: args.progress,
            keep: args.keep,
            ...(args.pg !== undefined ? { pg: args.pg } : {}),
            ...(args.shards !== undefined ? { shards: int(args.shards, "shards", 8) } : {}),
          }),
        catch: failed,
      })
      return runCli(cluster)
    }
    if (args.log !== "sqlite" && args.log !== "memory" && args.log !== "null") {
      console.error(`--log: expected sqlite, memory or null, got ${args.log}`)
      process.exit(2)
    }
    const log = args.log
    const total = subscribers * days
    const showBar = args.progress && !args.json && process.stderr.isTTY === true
    let events = 0
    let done = 0
    const t0 = performance.now()
    let lastLog = 0
    const program = Effect.gen(function* () {
      const bar = yield* progressBar(showBar, total)
      const dir = log === "sqlite" ? yield* logDir(args.db) : null
      const r = yield* Effect.tryPromise({
        try: () =>
          simulate(
            {
              seed: args.seed,
              subscribers,
              days,
              threads,
              partitions,
              log,
              measureMemory: true,
              ...(dir !== null ? { db: dir.path } : {}),
            },
            (p) => {
              events += p.events
              done += p.subscriberDays
              const eps = Math.round(events / Math.max(0.001, (performance.now() - t0) / 1000))
              if (bar !== null) bar.update(done, { eps: eps.toLocaleString("ru-RU") })
              else if (!args.json && performance.now() - lastLog > 5000) {
                lastLog = performance.now()
                console.error(
                  `  ${Math.floor((done / total) * 100)}% · ${done.toLocaleString("ru-RU")}/` +
                    `${total.toLocaleString("ru-RU")} абонент-дней · ${eps.toLocaleString("ru-RU")} событий/с`,
                )
              }
            },
          ),
        catch: failed,
      })
      // A temporary log folder is removed with its scope and reported as none.
      return dir?.temp === true ? { ...r, dbDir: null } : r
    })
    runCli(
      Effect.scoped(program).pipe(
        Effect.map((r) => (args.json ? console.log(JSON.stringify(r, null, 2)) : printSummary(r))),
      ),
    )
  },
})
