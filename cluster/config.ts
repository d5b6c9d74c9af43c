// Cluster settings shared by runners and the coordinator. Shards per group must be the same on
// every process of a cluster; the timings are tightened from the library's defaults (35 s lock
// expiration, 1 min health checks, 10 s mailbox polls), so a killed runner's partitions move in
// seconds rather than half a minute.
import { NodeClusterSocket, NodeCrypto, NodeSocket } from "@effect/platform-node"
import { PgClient } from "@effect/sql-pg"
import { Effect, Layer, Option, Redacted } from "effect"
import {
  RunnerAddress,
  RunnerHealth,
  Runners,
  ShardingConfig,
  SocketRunner,
  SqlMessageStorage,
  SqlRunnerStorage,
} from "effect/cluster"
import { RpcClient, RpcSerialization } from "effect/rpc"
import { Socket } from "effect/socket"

/** Shards per group: the simulation places partition p on shard (p mod shards) + 1 (cluster/coordinator.ts). */
export const DEFAULT_SHARDS = 8

export const shardingConfig = (
  shards: number,
  address: { host: string; port: number } | null,
): Partial<ShardingConfig.ShardingConfig["Service"]> => ({
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
export const pgLayer = (url: string) =>
  // A day's chunk of a 125,000-subscriber partition is ~40 MB and its setup more: read back as one
  // row, it is one backend message, over the client's default 16 MiB limit (PostgreSQL's own limit
  // for a value is 1 GB).
  PgClient.layer({ url: Redacted.make(url), maxConnections: 8, maxMessageSize: 1 << 30 })

/** Checks a --pg value: a postgres:// or postgresql:// URL. */
export const checkPgUrl = (url: string): string | null => {
  try {
    const u = new URL(url)
    return u.protocol === "postgres:" || u.protocol === "postgresql:"
      ? null
      : `--pg: expected a postgres:// URL, got protocol ${u.protocol}`
  } catch {
    return `--pg: not a URL: ${url}`
  }
}

/**
 * How long a peer may stay silent before its socket is dropped. The library's socket client pings
 * every 5 s and drops a peer silent for 5 s; a runner's event loop is silent for as long as its
 * longest synchronous stretch (a day plan, a major GC, a moved partition's replay), and on a shared
 * machine a CPU second can take ten. A dropped connection interrupts the calls it carried, and a
 * partition's day then restarts from its last commit: at 1M subscribers on this machine, forever.
 * A killed runner's socket closes at once, so this does not slow failover.
 */
export const PEER_SILENCE = "120 seconds"

/** The cluster's runner-to-runner client: NodeClusterSocket's, with PEER_SILENCE for the ping timeout. */
const clientProtocol = Layer.effect(Runners.RpcClientProtocol)(
  Effect.gen(function* () {
    const serialization = yield* RpcSerialization.RpcSerialization
    return {
      codecFor: serialization.codecFor,
      make: Effect.fnUntraced(function* (address: RunnerAddress.RunnerAddress) {
        const socket = yield* NodeSocket.makeNet({ openTimeout: 1000, host: address.host, port: address.port })
        return yield* RpcClient.makeProtocolSocket({ pingInterval: "5 seconds", pingTimeout: PEER_SILENCE }).pipe(
          Effect.provideService(Socket.Socket, socket),
          Effect.provideService(RpcSerialization.RpcSerialization, serialization),
        )
      }, Effect.orDie),
    }
  }),
)

/** What both kinds of cluster process need under their transport: SQL storage, config, serialization. */
const storage = <A, E, R>(transport: Layer.Layer<A, E, R>, config: Partial<ShardingConfig.ShardingConfig["Service"]>) =>
  transport.pipe(
    Layer.provideMerge(SqlMessageStorage.layer.pipe(Layer.provide(NodeCrypto.layerDigest))),
    Layer.provide(Layer.orDie(SqlRunnerStorage.layer)),
    Layer.provide(ShardingConfig.layer(config)),
    Layer.provide(RpcSerialization.layerSchemaBinary()),
  )

/**
 * A runner: NodeClusterSocket.layer({ storage: "sql", runnerHealth: "ping" }) assembled here so that
 * the socket client is clientProtocol above.
 */
export const runnerClusterLayer = (config: Partial<ShardingConfig.ShardingConfig["Service"]>) =>
  storage(
    Layer.provide(SocketRunner.layer, [NodeClusterSocket.layerSocketServer, clientProtocol]).pipe(
      Layer.provide(RunnerHealth.layerPing.pipe(Layer.provide(Runners.layerRpc), Layer.provide(clientProtocol))),
    ),
    config,
  )

/** The coordinator: the same, client only (it hosts no entities). */
export const clientClusterLayer = (config: Partial<ShardingConfig.ShardingConfig["Service"]>) =>
  storage(Layer.provide(SocketRunner.layerClientOnly, clientProtocol), config)
