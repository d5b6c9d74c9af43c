// Effect services around the synchronous engine, for the composition roots (cli/commands/serve.ts):
// the catalog, the store (the SQLite event log) and the registry as layers with scoped
// acquisition, so a program gets them opened in order and closed in reverse (twins snapshotted,
// then the database closed) however it ends; test layers run on an in-memory store. Plus
// effectful command execution with typed errors. The hot path (TwinCore.execute) stays synchronous.
import { Context, Data, Effect, Layer } from "effect"
import { defaultCatalogIndex, loadCatalogFile, type CatalogIndex } from "../catalog/load.ts"
import type { Command } from "../domain/commands.ts"
import type { DomainError } from "../domain/errors.ts"
import { openStore, type Store, type StoreOptions } from "../store/event-log.ts"
import { Registry, type RegistryOptions } from "./registry.ts"
import type { Outcome, TwinCore } from "./twin-core.ts"

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e))

export class TwinNotFound extends Data.TaggedError("TwinNotFound")<{ readonly id: string }> {}

/** A catalog file that cannot be read or is invalid; `reason` is "file:line:col: field: reason". */
export class CatalogInvalid extends Data.TaggedError("CatalogInvalid")<{ readonly reason: string }> {}

/** The store could not be opened, or its twins could not be restored. */
export class StoreUnavailable extends Data.TaggedError("StoreUnavailable")<{
  readonly path: string
  readonly reason: string
}> {}

/** The catalog new twins are created with. */
export class TwinCatalog extends Context.Service<TwinCatalog, CatalogIndex>()("twin/TwinCatalog") {
  /** The built-in catalog (core/catalog/default.ts). */
  static readonly builtin = Layer.sync(TwinCatalog, defaultCatalogIndex)
  /** A catalog file (JSON or YAML), checked before anything else starts. */
  static readonly file = (path: string) =>
    Layer.effect(
      TwinCatalog,
      Effect.try({ try: () => loadCatalogFile(path), catch: (e) => new CatalogInvalid({ reason: messageOf(e) }) }),
    )
}

/** The event log: a SQLite file (or ":memory:"), closed when the scope ends. */
export class TwinStore extends Context.Service<TwinStore, Store>()("twin/TwinStore") {
  static readonly layer = (path: string, opts: StoreOptions = {}) =>
    Layer.effect(
      TwinStore,
      Effect.acquireRelease(
        Effect.try({
          try: () => openStore(path, opts),
          catch: (e) => new StoreUnavailable({ path, reason: messageOf(e) }),
        }),
        (store) => Effect.sync(() => store.close()),
      ),
    )
  /** A throwaway in-memory store for tests. */
  static readonly memory = TwinStore.layer(":memory:")
}

export class TwinRegistry extends Context.Service<TwinRegistry, Registry>()("twin/TwinRegistry") {
  /**
   * The twins of the store and catalog in context, restored (the default one created); every twin
   * snapshotted when the scope ends, before the store's own finalizer closes the database.
   */
  static readonly fromStore = (opts: Omit<RegistryOptions, "catalog" | "store"> = {}) =>
    Layer.effect(
      TwinRegistry,
      Effect.acquireRelease(
        Effect.gen(function* () {
          const store = yield* TwinStore
          const catalog = yield* TwinCatalog
          return yield* Effect.try({
            try: () => Registry.onStore(store, { ...opts, catalog }),
            catch: (e) => new StoreUnavailable({ path: store.path, reason: messageOf(e) }),
          })
        }),
        (registry) => Effect.sync(() => registry.snapshotAll()),
      ),
    )
  /** A registry on a SQLite file (or ":memory:") with the built-in catalog: store and twins in one layer. */
  static readonly layer = (path: string, opts: Omit<RegistryOptions, "catalog" | "store"> = {}) =>
    TwinRegistry.fromStore(opts).pipe(Layer.provide(Layer.merge(TwinStore.layer(path), TwinCatalog.builtin)))
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
