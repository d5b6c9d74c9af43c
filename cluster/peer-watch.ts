// Every runner watches its peers, so a killed runner is marked unhealthy (and its shards move) even
// when it was the runner doing the watching.
//
// In effect/cluster the runner health check is a cluster singleton
// ("effect/cluster/Sharding/RunnerHealth"): it runs on whichever runner owns its shard (shard 6 of
// 6 here, shard 2 of 8) and is the only thing that marks a runner unhealthy. When the runner that
// is killed owns that shard, nobody checks anymore: the dead runner stays "healthy" in
// cluster_runners, the shards assigned to it (the singleton's among them) stay assigned to it, and
// its partitions' persisted days wait, unprocessed, until its registry row ages out: a row counts
// while its last_heartbeat is younger than shardLockExpiration (360 s here, 35 s by the library's
// default). That was the kill test's hang, one run in three (three runners, any one the victim).
//
// The watch asks the same question as the singleton (RunnerHealth.isAlive, which gives a busy peer
// PEER_SILENCE to answer, so a stalled but live runner is not dropped) about every peer that is
// registered as healthy, and only ever marks a peer unhealthy, never itself and never healthy again:
// the singleton, once it runs on a live runner, marks a live runner healthy again.
import { Effect, Layer, Option } from "effect"
import { RunnerHealth, RunnerStorage, ShardingConfig } from "effect/cluster"

/** How often a runner checks its peers (the library's singleton checks every runnerHealthCheckInterval). */
export const PEER_CHECK_INTERVAL = "2 seconds"

export const peerWatch = Layer.effectDiscard(
  Effect.gen(function* () {
    const config = yield* ShardingConfig.ShardingConfig
    const storage = yield* RunnerStorage.RunnerStorage
    const health = yield* RunnerHealth.RunnerHealth
    if (Option.isNone(config.runnerAddress)) return
    const self = config.runnerAddress.value.toString()
    const check = Effect.gen(function* () {
      const peers = (yield* storage.getRunners).filter(([r, healthy]) => healthy && r.address.toString() !== self)
      yield* Effect.forEach(
        peers,
        ([r]) =>
          Effect.flatMap(health.isAlive(r.address), (alive) =>
            alive
              ? Effect.void
              : Effect.logWarning(
                  `peer runner ${r.address.host}:${r.address.port} does not answer: marked unhealthy`,
                ).pipe(Effect.andThen(storage.setRunnerHealth(r.address, false))),
          ),
        { concurrency: 10, discard: true },
      )
    })
    yield* check.pipe(
      Effect.catchCause((cause) => Effect.logDebug("peer check failed", cause)),
      Effect.andThen(Effect.sleep(PEER_CHECK_INTERVAL)),
      Effect.forever,
      Effect.forkScoped,
    )
  }),
)
