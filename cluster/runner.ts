// A runner process: joins the cluster through Postgres (runner registry, shard locks, message
// storage) and hosts the simulation's partition entities for the shards it is assigned. Started by
// `twin cluster runner --pg URL [--host H] [--port N]`, or by the coordinator for a local cluster.
import { NodeRuntime } from "@effect/platform-node"
import { Effect, Layer } from "effect"
import { runnerClusterLayer, pgLayer, shardingConfig } from "./config.ts"
import { partitionLayer, resetStalls } from "./host.ts"
import { ensureSchema } from "./store.ts"

export interface RunnerOptions {
  readonly pg: string
  readonly host: string
  readonly port: number
  readonly shards: number
}

/** The line a runner prints on stdout once it has joined (the local launcher waits for it). */
export const READY = "twin-cluster-runner ready"

export const runnerLayer = (o: RunnerOptions) => {
  const sharding = runnerClusterLayer(shardingConfig(o.shards, { host: o.host, port: o.port }))
  const ready = Layer.effectDiscard(
    Effect.gen(function* () {
      yield* ensureSchema
      resetStalls()
      yield* Effect.sync(() => console.log(`${READY} ${o.host}:${o.port} pid ${process.pid}`))
    }),
  )
  return Layer.mergeAll(partitionLayer, ready).pipe(Layer.provide(sharding), Layer.provide(pgLayer(o.pg)))
}

/** Run a runner until the process is stopped (SIGINT/SIGTERM: leaves the cluster cleanly). */
export const runRunner = (o: RunnerOptions): void => {
  // A local runner started by the coordinator exits when its parent goes away (stdin closes).
  if (process.env.TWIN_RUNNER_PARENT === "stdin") process.stdin.on("end", () => process.exit(0)).resume()
  NodeRuntime.runMain(Layer.launch(runnerLayer(o)))
}
