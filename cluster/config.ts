// Cluster settings shared by runners and the coordinator. Shards per group must be the same on
// every process of a cluster. Health checks, assignment refreshes and mailbox polls are tightened
// from the library's defaults (1 min, 3 s, 10 s), so a killed runner's partitions move in seconds
// rather than half a minute; the deadlines a busy runner must meet (a shard-lock operation, a
// peer's ping) are loosened, so a long simulated day is never taken away from a live runner.
import { NodeClusterSocket, NodeCrypto, NodeSocket } from "@effect/platform-node"
import { PgClient } from "@effect/sql-pg"
import { Effect, Layer, Option, Redacted, Schedule } from "effect"
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
import { peerWatch } from "./peer-watch.ts"

/** Shards per group: the simulation places partition p on shard (p mod shards) + 1 (cluster/coordinator.ts). */
export const DEFAULT_SHARDS = 8

/**
 * How long one shard-lock operation (refresh, acquire, release) may take before the runner gives
 * its shards up. The library derives it as min(shardLockRefreshInterval, shardLockExpiration / 3)
 * and uses it both as the refresh period and as the refresh's deadline. When a refresh misses it,
 * the runner marks its lock storage unhealthy, force-interrupts every entity it hosts (a persisted
 * request is left in storage for replay), replaces its lock session (advisory locks belong to the
 * session) and takes its shards again a moment later: the interrupted day is delivered again and
 * its partition rebuilt from Postgres. A runner whose event loop is held for longer than this (a
 * day plan, a major GC, a moved partition's replay, or simply its share of a shared CPU) misses the
 * deadline. At 2 s (a refresh every 2 s, the setting before) a 250,000-subscriber run on this
 * machine lost its shards every few seconds, and at 1M subscribers no day ever finished: each
 * re-delivery began with a replay, itself a long stall. At 60 s, a 1M run at a load average of 30
 * on 2 cores still showed a 33 s stall (a setup step of ~2 CPU s at a twentieth of a core; setup
 * now yields every 256 groups), hence 120 s. The deadline does not slow failover: a killed
 * runner's Postgres session closes with it and its locks go at once.
 */
export const SHARD_LOCK_DEADLINE = "120 seconds"

export const shardingConfig = (
  shards: number,
  address: { host: string; port: number } | null,
): Partial<ShardingConfig.ShardingConfig["Service"]> => ({
  shardsPerGroup: shards,
  shardLockRefreshInterval: SHARD_LOCK_DEADLINE,
  // Three deadlines, so the derived interval is SHARD_LOCK_DEADLINE. It is also the lock session's
  // idle_session_timeout: how long a frozen (not killed) runner keeps its locks, and so its
  // partitions, before another runner can take them; and how long a runner's registry row counts
  // without a heartbeat: a dead runner that no health check marks down keeps its shards assigned
  // that long (why every runner checks its peers, cluster/peer-watch.ts).
  shardLockExpiration: "360 seconds",
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
  // Connections are opened generously and kept: on a busy machine opening one (startup and
  // authentication) took longer than the client's default 5 s, and a pool that closes idle
  // connections after a minute opens them again in the middle of a long day.
  PgClient.layer({
    url: Redacted.make(url),
    maxConnections: 8,
    maxMessageSize: 1 << 30,
    connectTimeout: "60 seconds",
    idleTimeout: "30 minutes",
  })

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
export const PEER_SILENCE = "180 seconds"

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

/**
 * Runner health by ping, as RunnerHealth.layerPing, but a peer may take PEER_SILENCE to answer (the
 * library gives it 10 s, 6 tries): a busy runner marked unhealthy loses its shards, and its
 * running days start again elsewhere from Postgres. A killed runner refuses the connection at once,
 * so it is still found dead within seconds.
 */
const runnerHealthPing = Layer.effect(RunnerHealth.RunnerHealth)(
  Effect.gen(function* () {
    const runners = yield* Runners.Runners
    return RunnerHealth.RunnerHealth.of({
      isAlive: (address) =>
        runners
          .ping(address)
          .pipe(
            Effect.timeout(PEER_SILENCE),
            Effect.retry({ times: 5, schedule: Schedule.spaced("500 millis") }),
            Effect.isSuccess,
          ),
    })
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
 * the socket client is clientProtocol above, plus peerWatch (cluster/peer-watch.ts): the library's
 * health check runs on one runner only, and a killed runner must not take it along.
 */
export const runnerClusterLayer = (config: Partial<ShardingConfig.ShardingConfig["Service"]>) =>
  storage(
    Layer.merge(
      Layer.provide(SocketRunner.layer, [NodeClusterSocket.layerSocketServer, clientProtocol]),
      peerWatch,
    ).pipe(Layer.provide(runnerHealthPing.pipe(Layer.provide(Runners.layerRpc), Layer.provide(clientProtocol)))),
    config,
  )

/** The coordinator: the same, client only (it hosts no entities). */
export const clientClusterLayer = (config: Partial<ShardingConfig.ShardingConfig["Service"]>) =>
  storage(Layer.provide(SocketRunner.layerClientOnly, clientProtocol), config)
