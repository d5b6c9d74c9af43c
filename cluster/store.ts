// Where a cluster partition's state lives between runners: PostgreSQL, the database the cluster
// already needs for its runner registry, shard locks and message mailboxes. One row per partition
// and committed simulated day (day -1: creating the subscribers) holds that day's events as one
// chunk and the partition's running counters after it. The primary key (run, partition, day) is
// what makes a day apply once: a second commit of the same day (a handler that ran twice after a
// runner crash, or a runner that lost its shard but kept running) inserts nothing.
import { Effect } from "effect"
import { SqlClient } from "effect/sql"
import type { PartitionSummary } from "../sim/partition.ts"
import type { Chunk } from "./day-log.ts"

export const DAYS_TABLE = "twin_sim_days"

/** Create the table once per database (runners and the coordinator may race: one advisory lock). */
export const ensureSchema = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  yield* sql.withTransaction(
    Effect.gen(function* () {
      yield* sql`SELECT pg_advisory_xact_lock(2027202002)`
      const exists = yield* sql<{ t: string | null }>`SELECT to_regclass(${DAYS_TABLE})::text AS t`
      if (exists[0]?.t !== null && exists[0]?.t !== undefined) return
      yield* sql.unsafe(`CREATE TABLE ${DAYS_TABLE} (
      run text NOT NULL,
      partition integer NOT NULL,
      day integer NOT NULL,
      first_seq bigint NOT NULL,
      events integer NOT NULL,
      chunk bytea NOT NULL,
      counters text NOT NULL,
      runner text NOT NULL,
      committed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (run, partition, day)
    )`)
      // The chunks are already compact lines: stored as they are, out of line, without compression.
      yield* sql.unsafe(`ALTER TABLE ${DAYS_TABLE} ALTER COLUMN chunk SET STORAGE EXTERNAL`)
    }),
  )
})

export interface CommittedDay {
  readonly day: number
  readonly chunk: Chunk | null
  readonly events: number
  readonly counters: PartitionSummary
  readonly runner: string
}

interface Row {
  readonly day: number
  readonly first_seq: string | number | bigint
  readonly events: number
  readonly chunk: Uint8Array
  readonly counters: string
  readonly runner: string
}

const toDay = (r: Row): CommittedDay => ({
  day: r.day,
  chunk: r.events === 0 ? null : { firstSeq: Number(r.first_seq), data: r.chunk },
  events: r.events,
  counters: JSON.parse(r.counters) as PartitionSummary,
  runner: r.runner,
})

/** Every committed day of a partition, in day order (what a moved partition is rebuilt from). */
export const loadDays = (run: string, partition: number) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const rows = yield* sql<Row>`SELECT day, first_seq, events, chunk, counters, runner FROM twin_sim_days
      WHERE run = ${run} AND partition = ${partition} ORDER BY day`
    return rows.map(toDay)
  })

/** One committed day (null: not committed). */
export const loadDay = (run: string, partition: number, day: number) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const rows = yield* sql<Row>`SELECT day, first_seq, events, chunk, counters, runner FROM twin_sim_days
      WHERE run = ${run} AND partition = ${partition} AND day = ${day}`
    const r = rows[0]
    return r === undefined ? null : toDay(r)
  })

/**
 * Commit a partition's day. True: this call committed it; false: the day was committed before
 * (by this handler's earlier run or by another runner), and nothing was written.
 */
export const commitDay = (
  run: string,
  partition: number,
  day: number,
  chunk: Chunk | null,
  events: number,
  counters: PartitionSummary,
  runner: string,
) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const rows = yield* sql<{
      day: number
    }>`INSERT INTO twin_sim_days (run, partition, day, first_seq, events, chunk, counters, runner)
    VALUES (${run}, ${partition}, ${day}, ${chunk?.firstSeq ?? 0}, ${events},
      ${chunk?.data ?? new Uint8Array(0)}, ${JSON.stringify(counters)}, ${runner})
    ON CONFLICT (run, partition, day) DO NOTHING RETURNING day`
    return rows.length === 1
  })

/** Remove a finished run's rows (the coordinator does this after a successful run unless asked to keep them). */
export const dropRun = (run: string) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    yield* sql`DELETE FROM twin_sim_days WHERE run = ${run}`
  })

/** The partition's last committed day (null: nothing committed, not even the setup). */
export const lastDay = (run: string, partition: number) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const rows = yield* sql<{
      day: number | null
    }>`SELECT max(day) AS day FROM twin_sim_days WHERE run = ${run} AND partition = ${partition}`
    return rows[0]?.day ?? null
  })
