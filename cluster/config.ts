// Cluster settings shared by runners and the coordinator. Shards per group must be the same on
// every process of a cluster; the timings are tightened from the library's defaults (35 s lock
// expiration, 1 min health checks, 10 s mailbox polls), so a killed runner's partitions move in
// seconds rather than half a minute.
import { Layer, Option, Redacted } from "effect"
import { RunnerAddress, type ShardingConfig } from "effect/cluster"
import { PgClient } from "@effect/sql-pg"

/** Shards per group: the simulation places partition p on shard (p mod shards) + 1 (cluster/coordinator.ts). */
export const DEFAULT_SHARDS = 8

export const shardingConfig = (shards: number, address: { host: string; port: number } | null): Partial<ShardingConfig.ShardingConfig["Service"]> => ({
  shardsPerGroup: shards,
  shardLockRefreshInterval: "2 seconds",
  // A killed runner's Postgres session closes with it, releasing its locks at once; the expiry only
  // bounds a frozen runner. It is also the idle_session_timeout of the lock session: a runner whose
  // event loop is held longer (a day plan or a moved partition's replay is one synchronous stretch,
  // and on a shared, overloaded machine a CPU second takes ten) would lose all its shards mid-day.
  shardLockExpiration: "120 seconds",
  runnerHealthCheckInterval: "1 second",
  refreshAssignmentsInterval: "1 second",
  entityMessagePollInterval: "500 millis",
  entityReplyPollInterval: "100 millis",
  entityMaxIdleTime: "30 minutes",
  entityTerminationTimeout: "5 seconds",
  ...(address === null ? {} : { runnerAddress: Option.some(RunnerAddress.make(address.host, address.port)) }),
})

/** The Postgres client every cluster process uses (runner storage, message storage, the partitions' days). */
export const pgLayer = (url: string) => PgClient.layer({ url: Redacted.make(url), maxConnections: 8 })

/** Checks a --pg value: a postgres:// or postgresql:// URL. */
export const checkPgUrl = (url: string): string | null => {
  try {
    const u = new URL(url)
    return u.protocol === "postgres:" || u.protocol === "postgresql:" ? null : `--pg: expected a postgres:// URL, got protocol ${u.protocol}`
  } catch {
    return `--pg: not a URL: ${url}`
  }
}

export { Layer }
