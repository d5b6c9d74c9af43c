// The partition entity's handler on a runner: holds the partition's twin in memory while its shard
// is here, applies each simulated day once, and rebuilds the partition from Postgres when it
// arrives from another runner.
//
// A day is applied exactly once although its message may be handled more than once (a runner
// killed after committing but before replying; a runner that lost its shard lock but still ran):
// before a day runs, the host compares the partition's last committed day in Postgres with the day
// its twin in memory is at, and reloads when they differ; the commit itself is an INSERT … ON
// CONFLICT DO NOTHING on (run, partition, day), so of two handlers racing on one day only the first
// commits, and the other throws its twin away and answers from the committed row.
import { Effect, Schedule } from "effect"
import { Entity } from "effect/cluster"
import { monitorEventLoopDelay } from "node:perf_hooks"
import { SqlClient, type SqlError } from "effect/sql"
import { Partition } from "../sim/partition.ts"
import { groupsOfPartitions } from "../sim/population.ts"
import { dayLog, type DayLog } from "./day-log.ts"
import { SimFailed, SimPartition, type DayReport, type RunDayPayload } from "./entity.ts"
import { commitDay, ensureSchema, lastDay, loadDay, loadDays } from "./store.ts"

/** Day -1 is the setup: creating the subscribers, families and autopay before the first day. */
export const SETUP_DAY = -1

interface Loaded {
  readonly restoredDays: number
  readonly setupMs: number
  readonly replayMs: number
}

interface Held {
  readonly run: string
  readonly part: Partition
  readonly log: DayLog
  /** The last committed day this twin has applied. */
  lastDay: number
  /** A day is being applied (a call interrupted half-way leaves it set: the twin is then thrown away). */
  dirty: boolean
}

const failed = (e: unknown): SimFailed => new SimFailed({ message: e instanceof Error ? e.message : String(e) })

/** Let the event loop in (shard lock refreshes, health pings, other entities' messages). */
const breathe = Effect.promise(() => new Promise<void>((resolve) => setImmediate(resolve)))

/** Run a generator's steps, yielding to the event loop between them. */
const drive = (steps: Generator<void>) =>
  Effect.gen(function* () {
    for (;;) {
      const r = yield* Effect.try({ try: () => steps.next(), catch: failed })
      if (r.done === true) return
      yield* breathe
    }
  })

/** Event-loop delay on this runner (what a shard-lock refresh or a health ping waits behind). */
const stalls = monitorEventLoopDelay({ resolution: 20 })
stalls.enable()

/** Start measuring stalls afresh (a runner does when it has joined: loading its code is not counted). */
export const resetStalls = (): void => stalls.reset()

const cpuMs = (): number => {
  const c = process.cpuUsage()
  return (c.user + c.system) / 1000
}

/** The days table exists (checked once per process). */
let schemaReady = false

const sizeOf = (p: Partition): number => p.groups.reduce((a, g) => a + g.size, 0)

export const partitionLayer = SimPartition.toLayer(
  Effect.gen(function* () {
    const address = yield* Entity.CurrentRunnerAddress
    const runner = `${address.host}:${address.port}`
    const sql = yield* SqlClient.SqlClient
    let held: Held | null = null

    const drop = (): void => {
      held?.part.close()
      held = null
    }

    /** The partition as committed in Postgres: created (and day -1 committed) when nothing is. */
    const load = (p: RunDayPayload): Effect.Effect<Loaded, SimFailed | SqlError.SqlError, SqlClient.SqlClient> =>
      Effect.gen(function* () {
        drop()
        const t0 = performance.now()
        // Only this partition's groups are built: a runner holds none of the other partitions'.
        const [groups = []] = groupsOfPartitions(p.seed, p.subscribers, p.partitions, [p.partition])
        const days = yield* loadDays(p.run, p.partition)
        const last = days[days.length - 1]
        if (last === undefined) {
          const log = dayLog()
          const part = yield* Effect.try({
            try: () => new Partition(p.seed, p.partition, p.partitions, groups, { kind: "external", log }),
            catch: failed,
          })
          yield* drive(part.setupSteps())
          const chunk = log.take()
          const counters = part.counters()
          const mine = yield* commitDay(
            p.run,
            p.partition,
            SETUP_DAY,
            chunk,
            chunk === null ? 0 : counters.events,
            counters,
            runner,
          )
          if (!mine) return yield* load(p)
          held = { run: p.run, part, log, lastDay: SETUP_DAY, dirty: false }
          return { restoredDays: -1, setupMs: performance.now() - t0, replayMs: 0 }
        }
        const chunks = days.flatMap((d) => (d.chunk === null ? [] : [d.chunk]))
        const log = dayLog(chunks)
        const part = yield* Effect.try({
          try: () =>
            new Partition(p.seed, p.partition, p.partitions, groups, { kind: "external", log, resume: last.counters }),
          catch: failed,
        })
        held = { run: p.run, part, log, lastDay: last.day, dirty: false }
        return { restoredDays: days.length, setupMs: 0, replayMs: performance.now() - t0 }
      })

    const report = (
      p: RunDayPayload,
      h: Held,
      events: number,
      chunkBytes: number,
      duplicate: boolean,
      loaded: Loaded,
      cpuStartMs: number,
    ): DayReport => {
      const summary = p.day === p.days - 1 && h.lastDay === p.day ? h.part.finish() : null
      return {
        partition: p.partition,
        day: p.day,
        runner,
        pid: process.pid,
        events,
        chunkBytes,
        subscribers: sizeOf(h.part),
        duplicate,
        restoredDays: loaded.restoredDays,
        setupMs: loaded.setupMs,
        replayMs: loaded.replayMs,
        cpuStartMs,
        cpuEndMs: cpuMs(),
        rss: process.memoryUsage().rss,
        maxStallMs: stalls.max / 1e6,
        summary,
      }
    }

    const runDay = (p: RunDayPayload): Effect.Effect<DayReport, SimFailed> =>
      Effect.gen(function* () {
        if (!schemaReady) {
          yield* ensureSchema
          schemaReady = true
        }
        const cpu0 = cpuMs()
        let loaded: Loaded = { restoredDays: 0, setupMs: 0, replayMs: 0 }
        const committed = yield* lastDay(p.run, p.partition)
        if (held === null || held.dirty || held.run !== p.run || held.lastDay !== (committed ?? Number.NaN))
          loaded = yield* load(p)
        const h = held as Held | null
        if (h === null) return yield* new SimFailed({ message: `partition ${p.partition}: not loaded` })
        if (p.day <= h.lastDay) {
          // Committed before: answer from the committed row, apply nothing.
          const row = yield* loadDay(p.run, p.partition, p.day)
          return report(p, h, row?.events ?? 0, 0, true, loaded, cpu0)
        }
        if (p.day !== h.lastDay + 1)
          return yield* new SimFailed({
            message: `partition ${p.partition}: day ${p.day} asked before day ${h.lastDay + 1} was committed`,
          })
        const before = h.part.twin.state.seq
        h.dirty = true
        yield* drive(h.part.runDaySteps(p.day))
        const chunk = h.log.take()
        const events = h.part.twin.state.seq - before
        const mine = yield* commitDay(p.run, p.partition, p.day, chunk, events, h.part.counters(), runner)
        if (!mine) {
          // Another handler committed this day first: its commit is the day; ours is discarded.
          yield* load(p)
          const again = held as Held | null
          const row = yield* loadDay(p.run, p.partition, p.day)
          if (again === null) return yield* new SimFailed({ message: `partition ${p.partition}: reload failed` })
          return report(
            p,
            again,
            row?.events ?? 0,
            0,
            true,
            { restoredDays: again.lastDay + 2, setupMs: 0, replayMs: 0 },
            cpu0,
          )
        }
        h.lastDay = p.day
        h.dirty = false
        const out = report(p, h, events, chunk?.data.byteLength ?? 0, false, loaded, cpu0)
        // The last day: the partition is done, its memory goes back (a late re-delivery rebuilds it).
        if (out.summary !== null) drop()
        return out
      }).pipe(
        // A query that failed on the way (a connection that timed out on a busy machine) is tried
        // again: every step is safe to repeat (reads, and a commit that inserts a day at most once).
        Effect.retry({
          while: (e) => !(e instanceof SimFailed),
          schedule: Schedule.spaced("1 second"),
          times: 30,
        }),
        Effect.mapError((e) => (e instanceof SimFailed ? e : failed(e))),
        Effect.provideService(SqlClient.SqlClient, sql),
      )

    return SimPartition.of({ RunDay: ({ payload }) => runDay(payload) })
  }),
  { maxIdleTime: "30 minutes" },
)
