// The coordinator of a cluster simulation run (`twin simulate --cluster`): a client-only member of
// the cluster that sends every partition its days in order, as persisted messages, and adds up
// what the partitions report. Partitions run in parallel wherever their shards are; a partition
// whose runner dies is picked up by the shard's next owner, which resumes it from Postgres.
import { Effect, Layer, Schedule } from "effect"
import { EntityId, Sharding } from "effect/cluster"
import { SqlClient } from "effect/sql"
import { randomBytes } from "node:crypto"
import type { PartitionSummary } from "../sim/partition.ts"
import { combinedHash, totalsOf, type SimResult } from "../sim/run.ts"
import { clientClusterLayer, pgLayer, shardingConfig } from "./config.ts"
import { entityIdOf, SimPartition, type DayReport } from "./entity.ts"
import { dropRun, ensureSchema } from "./store.ts"

export interface ClusterSimOptions {
  readonly seed: string
  readonly subscribers: number
  readonly days: number
  readonly partitions: number
  /** Shards per group of the cluster (as its runners were started with). */
  readonly shards: number
  readonly pg: string
  /** Wait until this many runners are registered and healthy before sending the first day. */
  readonly waitForRunners?: number
  /** Called when a send failed on the way and is retried (a runner gone, a shard between owners). */
  readonly onRetry?: (
    partition: number,
    day: number,
    error: { readonly _tag: string; readonly message?: string },
  ) => void
  /** Keep the run's committed days in Postgres after it finished (default: removed). */
  readonly keep?: boolean
  /**
   * Abandon the run when this is aborted (a test that timed out): its calls are interrupted and its
   * cluster client leaves, instead of sending days on behind the caller's back.
   */
  readonly signal?: AbortSignal
}

/** What one runner did in a run. */
export interface RunnerStats {
  readonly runner: string
  readonly pids: number[]
  /** Partitions it ran at least one day of, in order. */
  readonly partitions: number[]
  subscriberDays: number
  events: number
  /** CPU seconds the runner process used from the start of its first call to the end of its last. */
  cpuSeconds: number
  cpuFromMs: number
  cpuToMs: number
  /** Largest resident set size it reported (bytes). */
  maxRss: number
  /** Longest event-loop stall it reported (ms): what its shard-lock refreshes and pings waited behind. */
  maxStallMs: number
  /** Seconds between its first and last report. */
  firstAt: number
  lastAt: number
}

export interface ClusterInfo {
  readonly run: string
  readonly runners: RunnerStats[]
  /** Partition-days answered by a runner other than the one that answered the partition's previous day. */
  readonly moved: number
  /** Calls that found their day committed before (re-deliveries; nothing applied twice). */
  readonly duplicates: number
  /** Times a partition was rebuilt from its committed days in Postgres on another runner. */
  readonly restored: number
  /** Bytes of event chunks committed to Postgres for the simulated days (setup excluded), per event. */
  readonly bytesPerEvent: number
  /** Σ of the runners' largest RSS, per subscriber (bytes). */
  readonly rssPerSubscriber: number
}

export type ClusterSimResult = SimResult & { readonly cluster: ClusterInfo }

export type OnReport = (r: DayReport, info: { readonly moved: boolean }) => void

/**
 * The entity id of partition p, chosen so that partition p lives on shard (p mod shards) + 1: the
 * cluster spreads shards evenly over runners, so partitions spread evenly too (a plain id would
 * hash several partitions onto one runner's shards).
 */
export const placedEntityId = (
  getShardId: (id: EntityId.EntityId) => number,
  run: string,
  p: number,
  shards: number,
): string => {
  const want = (p % shards) + 1
  for (let k = 0; k < 100_000; k++) {
    const id = k === 0 ? entityIdOf(run, p) : `${entityIdOf(run, p)}~${k}`
    if (getShardId(EntityId.make(id)) === want) return id
  }
  throw new Error(`no entity id for partition ${p} on shard ${want}`)
}

/** Healthy runners registered in the cluster's runner table. */
const healthyRunners = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const rows = yield* sql<{ n: number | string }>`SELECT count(*)::int AS n FROM cluster_runners WHERE healthy`.pipe(
    Effect.orElseSucceed(() => [{ n: 0 }]),
  )
  return Number(rows[0]?.n ?? 0)
})

export const simulateOnCluster = (o: ClusterSimOptions, onReport: OnReport = () => {}): Promise<ClusterSimResult> => {
  const run = `${Date.now().toString(36)}-${randomBytes(4).toString("hex")}`
  const program = Effect.gen(function* () {
    yield* ensureSchema
    if (o.waitForRunners !== undefined) {
      const want = o.waitForRunners
      yield* healthyRunners.pipe(
        Effect.repeat({ schedule: Schedule.spaced("200 millis"), until: (n) => n >= want }),
        Effect.timeout("5 minutes"),
      )
      // Let the runners publish the assignment that includes all of them before the first message.
      yield* Effect.sleep("2500 millis")
    }
    const sharding = yield* Sharding.Sharding
    const client = yield* SimPartition.client
    const ids = Array.from({ length: o.partitions }, (_, p) =>
      placedEntityId((id) => sharding.getShardId(id, "default").id, run, p, o.shards),
    )
    const t0 = performance.now()
    const runners = new Map<string, RunnerStats>()
    const lastRunner: Array<string | null> = Array.from({ length: o.partitions }, () => null)
    const finals: Array<PartitionSummary | null> = Array.from({ length: o.partitions }, () => null)
    let moved = 0
    let duplicates = 0
    let restored = 0
    let setupMs = 0
    let dayBytes = 0
    let dayEvents = 0
    const record = (r: DayReport): void => {
      const now = (performance.now() - t0) / 1000
      let s = runners.get(r.runner)
      if (s === undefined) {
        s = {
          runner: r.runner,
          pids: [],
          partitions: [],
          subscriberDays: 0,
          events: 0,
          cpuSeconds: 0,
          cpuFromMs: r.cpuStartMs,
          cpuToMs: r.cpuEndMs,
          maxRss: 0,
          maxStallMs: 0,
          firstAt: now,
          lastAt: now,
        }
        runners.set(r.runner, s)
      }
      if (!s.pids.includes(r.pid)) s.pids.push(r.pid)
      if (!s.partitions.includes(r.partition)) s.partitions.push(r.partition)
      s.subscriberDays += r.subscribers
      s.events += r.events
      s.cpuFromMs = Math.min(s.cpuFromMs, r.cpuStartMs)
      s.cpuToMs = Math.max(s.cpuToMs, r.cpuEndMs)
      s.cpuSeconds = (s.cpuToMs - s.cpuFromMs) / 1000
      s.maxRss = Math.max(s.maxRss, r.rss)
      s.maxStallMs = Math.max(s.maxStallMs, r.maxStallMs)
      s.lastAt = now
      const prev = lastRunner[r.partition]
      const didMove = prev !== null && prev !== undefined && prev !== r.runner
      if (didMove) moved++
      if (r.duplicate) duplicates++
      if (r.restoredDays > 0) restored++
      setupMs = Math.max(setupMs, r.setupMs)
      if (!r.duplicate) {
        dayBytes += r.chunkBytes
        dayEvents += r.events
      }
      lastRunner[r.partition] = r.runner
      if (r.summary !== null) finals[r.partition] = r.summary as PartitionSummary
      onReport(r, { moved: didMove })
    }
    const partition = (p: number) =>
      Effect.gen(function* () {
        const entity = client(ids[p] as string)
        for (let day = 0; day < o.days; day++) {
          const payload = {
            run,
            seed: o.seed,
            subscribers: o.subscribers,
            days: o.days,
            partitions: o.partitions,
            partition: p,
            day,
          }
          // Transport and placement errors (a runner gone, a shard between owners) are retried: the
          // message is persisted under its day, so a resend is the same message, never a second day.
          const r = yield* entity.RunDay(payload).pipe(
            Effect.tapError((e) => Effect.sync(() => o.onRetry?.(p, day, e))),
            Effect.retry({ while: (e) => e._tag !== "SimFailed", schedule: Schedule.spaced("250 millis"), times: 480 }),
          )
          record(r)
        }
      })
    yield* Effect.forEach(
      Array.from({ length: o.partitions }, (_, p) => p),
      partition,
      { concurrency: "unbounded", discard: true },
    )
    const seconds = (performance.now() - t0) / 1000
    if (o.keep !== true) yield* dropRun(run)
    const summaries = finals.map((s, p) => {
      if (s === null) throw new Error(`partition ${p}: no final summary`)
      return s
    })
    const hashes = summaries.map((s) => s.hash)
    const events = summaries.reduce((a, s) => a + s.events, 0)
    const stats = [...runners.values()].sort((a, b) => (a.runner < b.runner ? -1 : 1))
    const rss = stats.reduce((a, s) => a + s.maxRss, 0)
    const result: ClusterSimResult = {
      seed: o.seed,
      subscribers: o.subscribers,
      days: o.days,
      partitions: o.partitions,
      threads: stats.length,
      log: "postgres",
      dbDir: null,
      hash: combinedHash(o.seed, o.subscribers, o.days, hashes),
      partitionHashes: hashes,
      events,
      commands: summaries.reduce((a, s) => a + s.commands, 0),
      seconds,
      setupSeconds: setupMs / 1000,
      subscriberDaysPerSec: (o.subscribers * o.days) / seconds,
      eventsPerSec: events / seconds,
      bytesPerSubscriber: null,
      heapBytes: null,
      summary: totalsOf(summaries),
      cluster: {
        run,
        runners: stats,
        moved,
        duplicates,
        restored,
        bytesPerEvent: dayBytes / Math.max(1, dayEvents),
        rssPerSubscriber: rss / o.subscribers,
      },
    }
    return result
  })
  const client = clientClusterLayer(shardingConfig(o.shards, null))
  return Effect.runPromise(program.pipe(Effect.provide(Layer.provideMerge(client, pgLayer(o.pg))), Effect.scoped), {
    signal: o.signal,
  })
}
