// Effect services around the synchronous engine: the registry as a scoped service with a test
// layer, and effectful command execution with typed errors.
import { Context, Data, Effect, Layer } from "effect"
import type { Command } from "../domain/commands.ts"
import type { DomainError } from "../domain/errors.ts"
import { Registry } from "./registry.ts"
import type { Outcome, TwinCore } from "./twin-core.ts"

export class TwinNotFound extends Data.TaggedError("TwinNotFound")<{ readonly id: string }> {}

export class TwinRegistry extends Context.Service<TwinRegistry, Registry>()("twin/TwinRegistry") {
  /** A registry on a SQLite file (or ":memory:"), closed (snapshotted) when the scope ends. */
  static readonly layer = (path: string) =>
    Layer.effect(
      TwinRegistry,
      Effect.acquireRelease(
        Effect.sync(() => Registry.open(path)),
        (r) => Effect.sync(() => r.close()),
      ),
    )
  /** A throwaway in-memory registry for tests. */
  static readonly test = TwinRegistry.layer(":memory:")
}

export const getTwin = Effect.fn("Twin.get")(function* (id: string) {
  const reg = yield* TwinRegistry
  const twin = reg.get(id)
  if (twin === undefined) return yield* new TwinNotFound({ id })
  return twin
})

/** Run a command on a twin as an Effect; domain errors are typed (catchTag "DomainError"). */
export const execute = Effect.fn("Twin.execute")(function* (id: string, cmd: Command) {
  const twin: TwinCore = yield* getTwin(id)
  const r = twin.execute(cmd)
  if (r._tag === "Failure") return yield* Effect.fail<DomainError>(r.failure)
  return r.success as Outcome
})
