// Many isolated twins in one process, each with its own seed, clock, catalog and log, plus a
// default one. Backed by one SQLite store (a file, or :memory: for a throwaway twin).
import { defaultCatalogIndex, indexCatalog, type CatalogIndex } from "../catalog/load.ts"
import { parseInstant } from "../domain/time.ts"
import { randomTwinSecret, replaySecret } from "../rules/random.ts"
import { openStore, type Store, type StoreOptions } from "../store/event-log.ts"
import { demoCommands } from "./demo.ts"
import { TwinCore } from "./twin-core.ts"

export const DEFAULT_TWIN = "default"
export const DEFAULT_START = parseInstant("2026-06-01T09:00:00+03:00") as number

export interface CreateTwinOptions {
  id?: string
  name?: string
  seed?: string
  /** Start instant (epoch ms). Default 2026-06-01 09:00 MSK: never the wall clock. */
  start?: number
  catalog?: CatalogIndex
  /** Seed the demo subscribers (default true). */
  demo?: boolean
  /**
   * The key of the twin's secrets (codes, tokens, salts), fixed for replay. Absent: per the
   * registry's `secrets` policy. Stored with the twin, never returned by any API.
   */
  secret?: string
}

/**
 * How a twin created without a fixed secret gets one: "random" (served twins and the CLI's
 * database: nobody can predict a code) or "replay" (derived from the seed: tests, in-process
 * scenarios and the QA runner, which must give the same log and hash from the seed alone).
 */
export type SecretPolicy = "random" | "replay"

export class TwinExists extends Error {}

/** The server's cap on twins was reached (answered 503 with the cap). */
export class TooManyTwins extends Error {}

/** Default cap on twins per server (`twin serve --max-twins`). */
export const MAX_TWINS = 200

export interface RegistryOptions {
  catalog?: CatalogIndex
  createDefault?: boolean
  /** The store's durability level and, for tests, its fault plan. */
  store?: StoreOptions
  /** At most this many twins (create beyond is refused). */
  maxTwins?: number
  /** How twins created without a fixed secret get one (default "random"). */
  secrets?: SecretPolicy
  /** The secret of every twin created without one (`twin serve --secret`, for replay). */
  secret?: string
}

export class Registry {
  private readonly twins = new Map<string, TwinCore>()
  private constructor(
    readonly store: Store,
    readonly defaultCatalog: CatalogIndex,
    readonly maxTwins: number,
    readonly secrets: SecretPolicy,
    private readonly fixedSecret: string | undefined,
  ) {}

  /** Open a store, restore every twin in it, and make sure the default twin exists. */
  static open(path: string, opts: RegistryOptions = {}): Registry {
    const store = openStore(path, opts.store)
    try {
      return Registry.onStore(store, opts)
    } catch (e) {
      store.close()
      throw e
    }
  }

  /**
   * Restore every twin of an open store and make sure the default twin exists. The store stays the
   * caller's: `snapshotAll()` and then the caller's store.close() end it (core/engine/services.ts).
   */
  static onStore(store: Store, opts: RegistryOptions = {}): Registry {
    const reg = new Registry(
      store,
      opts.catalog ?? defaultCatalogIndex(),
      opts.maxTwins ?? MAX_TWINS,
      opts.secrets ?? "random",
      opts.secret,
    )
    for (const meta of store.listTwins()) {
      const catalog = indexCatalog(JSON.parse(meta.catalog))
      let secret = meta.secret
      if (secret === "") {
        // A twin written before secrets were stored: its past codes are in its log as hashes; new ones need a key.
        secret = randomTwinSecret()
        store.setTwinSecret(meta.id, secret)
      }
      reg.twins.set(
        meta.id,
        TwinCore.restore({
          id: meta.id,
          name: meta.name,
          seed: meta.seed,
          secret,
          start: meta.startAt,
          catalog,
          log: store.log(meta.id),
        }),
      )
    }
    if ((opts.createDefault ?? true) && !reg.twins.has(DEFAULT_TWIN))
      reg.create({ id: DEFAULT_TWIN, name: "Демо", seed: "1" })
    return reg
  }

  create(o: CreateTwinOptions = {}): TwinCore {
    const id = o.id ?? this.nextId()
    if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(id))
      throw new TwinExists(`id: twin ids are 1..63 lower-case letters, digits and dashes, got "${id.slice(0, 70)}"`)
    if (this.twins.has(id)) throw new TwinExists(`id: twin "${id}" already exists`)
    if (this.twins.size >= this.maxTwins)
      throw new TooManyTwins(`twins: this server holds at most ${this.maxTwins} twins; delete or reuse one`)
    const catalog = o.catalog ?? this.defaultCatalog
    const seed = o.seed ?? id
    const start = o.start ?? DEFAULT_START
    const name = o.name ?? id
    const secret = o.secret ?? this.fixedSecret ?? (this.secrets === "replay" ? replaySecret(seed) : randomTwinSecret())
    // Seeded in memory, then the twin and its demo events are written in one transaction: a failed
    // write leaves no half-created twin behind (the caller gets the storage error).
    const meta = { id, name, seed, startAt: start, catalog: JSON.stringify(catalog.data), secret }
    const log = this.store.log(id)
    const twin = TwinCore.create({ id, name, seed, secret, start, catalog, log, durability: "manual" })
    try {
      if (o.demo ?? true) {
        for (const c of demoCommands()) {
          const r = twin.execute(c)
          if (r._tag === "Failure") throw new Error(`demo seeding failed on ${c._tag}: ${r.failure.message}`)
        }
      }
      this.store.createTwin(meta, true)
    } catch (e) {
      log.discard()
      throw e
    }
    twin.durability = "command"
    this.twins.set(id, twin)
    return twin
  }

  private nextId(): string {
    let n = this.twins.size
    while (this.twins.has(`twin-${n}`)) n++
    return `twin-${n}`
  }

  get(id: string): TwinCore | undefined {
    return this.twins.get(id)
  }

  get default(): TwinCore {
    const t = this.twins.get(DEFAULT_TWIN) ?? this.create({ id: DEFAULT_TWIN, name: "Демо", seed: "1" })
    return t
  }

  list(): TwinCore[] {
    return [...this.twins.values()]
  }

  /** Snapshot every twin and close the store. */
  close(): void {
    this.snapshotAll()
    this.store.close()
  }

  /** Snapshot every twin (a shorter replay at the next start); the log is complete without it. */
  snapshotAll(): void {
    for (const t of this.twins.values()) {
      // The log is complete without it: a snapshot that cannot be written only means a longer replay.
      try {
        t.snapshot()
      } catch (e) {
        console.error(
          `[twin] ${t.id}: snapshot not written at shutdown (${e instanceof Error ? e.message : String(e)}); the log is intact`,
        )
      }
    }
  }
}
