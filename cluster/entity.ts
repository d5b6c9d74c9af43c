// The cluster protocol of the population simulation: one entity per account-group partition of a
// run, one RPC per simulated day. The messages are persisted (ClusterSchema.Persisted) with the day
// as primary key, so a day sent twice for one partition is one message, and a message whose runner
// died is delivered again to the shard's next owner (at least once; cluster/host.ts makes the
// day's effect exactly once).
import { Schema } from "effect"
import { ClusterSchema, Entity } from "effect/cluster"
import { Rpc } from "effect/rpc"

const Counts = Schema.Record(Schema.String, Schema.Number)

/** sim/partition.ts PartitionSummary, as it travels between runner and coordinator. */
export const PartitionSummarySchema = Schema.Struct({
  partition: Schema.Number,
  subscribers: Schema.Number,
  groups: Schema.Number,
  families: Schema.Number,
  corporate: Schema.Number,
  events: Schema.Number,
  commands: Schema.Number,
  charges: Counts,
  credits: Counts,
  roaming: Schema.Struct({ zabugorishche: Schema.Number, payg: Schema.Number }),
  balanceDrop: Schema.Number,
  usageRefused: Schema.Number,
  rejected: Counts,
  lockouts: Schema.Number,
  logins: Schema.Number,
  trips: Schema.Number,
  blocked: Schema.Struct({ financial: Schema.Number, voluntary: Schema.Number }),
  hash: Schema.String,
})

/** What one partition-day call reports back. */
export const DayReport = Schema.Struct({
  partition: Schema.Number,
  day: Schema.Number,
  /** host:port of the runner that answered, and its process id. */
  runner: Schema.String,
  pid: Schema.Number,
  /** Events the day recorded (read from the committed row when the day was committed before). */
  events: Schema.Number,
  /** Bytes of the day's chunk this call committed to Postgres (0 when it committed nothing). */
  chunkBytes: Schema.Number,
  subscribers: Schema.Number,
  /** The day was committed before this call (a re-delivery): nothing was applied again. */
  duplicate: Schema.Boolean,
  /** Committed days this call folded back from Postgres first (the partition moved here); -1: created here. */
  restoredDays: Schema.Number,
  /** Milliseconds spent creating the subscribers (first call only) and replaying committed days. */
  setupMs: Schema.Number,
  replayMs: Schema.Number,
  /** The runner process's CPU time (user + system, since it started) when the call began and ended, ms. */
  cpuStartMs: Schema.Number,
  cpuEndMs: Schema.Number,
  /** Resident set size of the runner process after the call. */
  rss: Schema.Number,
  /** The longest the runner's event loop was held (no timer, socket or query served) since it started, ms. */
  maxStallMs: Schema.Number,
  /** On the last day: the partition's final summary with its state hash. */
  summary: Schema.NullOr(PartitionSummarySchema),
})
export type DayReport = typeof DayReport.Type

export class SimFailed extends Schema.TaggedError<SimFailed>()("SimFailed", { message: Schema.String }) {}

/** What identifies a run and a partition in it (each call carries it: entities need no other setup). */
export const RunDayPayload = {
  run: Schema.String,
  seed: Schema.String,
  subscribers: Schema.Int,
  days: Schema.Int,
  partitions: Schema.Int,
  partition: Schema.Int,
  day: Schema.Int,
}
export type RunDayPayload = Schema.Struct<typeof RunDayPayload>["Type"]

export const RunDay = Rpc.make("RunDay", {
  payload: RunDayPayload,
  success: DayReport,
  error: SimFailed,
  primaryKey: ({ day }) => String(day),
})

export const SimPartition = Entity.make("SimPartition", [RunDay]).annotateRpcs(ClusterSchema.Persisted, true)

export const entityIdOf = (run: string, partition: number): string => `${run}/p${partition}`
