// The composition root's layers (cli/startup.ts, core/engine/services.ts, server/listen.ts): each
// resource is opened in order and released in reverse when the scope ends, however it ends; a
// start-up failure is one StartupError line with its exit code, after what was acquired is released.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { createServer, type Server } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Effect, Layer } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { catalogLayer, dbLockLayer, httpLayer, registryLayer, StartupError, storeLayer } from "../../cli/startup.ts"
import { DEFAULT_LIMITS } from "../../channels/limits.ts"
import { Registry } from "../../core/engine/registry.ts"
import { TwinCatalog, TwinRegistry, TwinStore } from "../../core/engine/services.ts"
import type { Store } from "../../core/store/event-log.ts"
import { HttpServer } from "../../server/listen.ts"

const dir = mkdtempSync(join(tmpdir(), "twin-root-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The StartupError a program failed with (or the test fails). */
const startupError = async <A, E>(program: Effect.Effect<A, E>): Promise<StartupError> => {
  const error = await Effect.runPromise(Effect.flip(program))
  expect(error).toBeInstanceOf(StartupError)
  return error as StartupError
}

const isClosed = (store: Store): boolean => {
  try {
    store.listTwins()
    return false
  } catch {
    return true
  }
}

const busyPort = (): Promise<{ server: Server; port: number }> =>
  new Promise((ok) => {
    const server = createServer()
    server.listen(0, "127.0.0.1", () => ok({ server, port: (server.address() as { port: number }).port }))
  })

describe("composition root layers", () => {
  it("the store layer closes the database when its scope ends (the test layer too)", async () => {
    const file = join(dir, "closed.db")
    for (const layer of [TwinStore.layer(file), TwinStore.memory]) {
      const store = await Effect.runPromise(
        Effect.gen(function* () {
          const s = yield* TwinStore
          expect(isClosed(s)).toBe(false)
          return s
        }).pipe(Effect.provide(layer)),
      )
      expect(isClosed(store)).toBe(true)
    }
  })

  it("I7: the registry snapshots its twins, then the store closes; a reopened file has every acknowledged event", async () => {
    const file = join(dir, "registry.db")
    const seen = await Effect.runPromise(
      Effect.gen(function* () {
        const registry = yield* TwinRegistry
        const store = yield* TwinStore
        const r = registry.default.execute({ _tag: "TopUp", msisdn: "79160000002", amount: 12_300, method: "card" })
        expect(r._tag).toBe("Success")
        return { store, hash: registry.default.hash(), seq: registry.default.state.seq }
      }).pipe(
        Effect.provide(
          registryLayer(file).pipe(Layer.provideMerge(Layer.merge(storeLayer(file), catalogLayer(undefined)))),
        ),
      ),
    )
    expect(isClosed(seen.store)).toBe(true)
    const again = Registry.open(file)
    try {
      expect({ hash: again.default.hash(), seq: again.default.state.seq }).toEqual({ hash: seen.hash, seq: seen.seq })
    } finally {
      again.close()
    }
  })

  it("the test registry layer runs on an in-memory store with the built-in catalog", async () => {
    const r = await Effect.runPromise(
      Effect.gen(function* () {
        const registry = yield* TwinRegistry
        return { path: registry.store.path, twins: registry.list().length }
      }).pipe(Effect.provide(TwinRegistry.test)),
    )
    expect(r).toEqual({ path: ":memory:", twins: 1 })
  })

  it("a bad --db is one line naming --db and the reason (exit code 2)", async () => {
    const db = join(dir, "no-such-folder", "twin.db")
    const e = await startupError(Layer.build(storeLayer(db)).pipe(Effect.scoped))
    expect(e.line).toBe(`--db ${db}: the folder ${join(dir, "no-such-folder")} does not exist`)
    expect(e.code).toBe(2)
  })

  it("a bad --catalog is one line naming --catalog, the file, line and field (exit code 2)", async () => {
    const file = join(dir, "catalog.yaml")
    writeFileSync(file, "tariffs: [\n")
    const e = await startupError(Layer.build(catalogLayer(file)).pipe(Effect.scoped))
    expect(e.line).toMatch(/^--catalog: .*catalog\.yaml:\d+:\d+/)
    expect(e.code).toBe(2)
    const builtin = await Effect.runPromise(
      Effect.gen(function* () {
        return yield* TwinCatalog
      }).pipe(Effect.provide(catalogLayer(undefined))),
    )
    expect(builtin.data.tariffs.length).toBeGreaterThan(0)
  })

  it("the lock is held for the scope and released with it; a lock held by another live process is exit code 3", async () => {
    const db = join(dir, "locked.db")
    await Effect.runPromise(
      Effect.sync(() => expect(existsSync(`${db}.lock`)).toBe(true)).pipe(Effect.provide(dbLockLayer(db))),
    )
    expect(existsSync(`${db}.lock`)).toBe(false)
    // Another server's lock: a live pid that is not ours (the test runner's parent).
    writeFileSync(`${db}.lock`, `${process.ppid}\n`)
    const e = await startupError(Layer.build(dbLockLayer(db)).pipe(Effect.scoped))
    expect(e.line).toMatch(new RegExp(`already open in another twin server \\(pid ${process.ppid}\\)`))
    expect(e.code).toBe(3)
    expect(existsSync(`${db}.lock`)).toBe(true)
  })

  it("a port in use fails the start with one --port line (exit 1) after the lock and the database are released", async () => {
    const db = join(dir, "port.db")
    const busy = await busyPort()
    let store: Store | undefined
    try {
      const resources = httpLayer({ port: busy.port, host: "127.0.0.1", limits: DEFAULT_LIMITS }).pipe(
        Layer.provideMerge(registryLayer(db)),
        Layer.provideMerge(
          Layer.effectDiscard(
            Effect.gen(function* () {
              store = yield* TwinStore
            }),
          ).pipe(Layer.provideMerge(storeLayer(db))),
        ),
        Layer.provideMerge(dbLockLayer(db)),
        Layer.provideMerge(catalogLayer(undefined)),
      )
      const e = await startupError(Layer.build(resources).pipe(Effect.scoped))
      expect(e.line).toBe(
        `--port ${busy.port}: 127.0.0.1:${busy.port} is already in use ` +
          "(another server listens there; pick another port or stop it)",
      )
      expect(e.code).toBe(1)
      expect(existsSync(`${db}.lock`)).toBe(false)
      expect(store !== undefined && isClosed(store)).toBe(true)
    } finally {
      await new Promise((ok) => busy.server.close(ok))
    }
  })

  it("the HTTP server answers while its scope is open and is closed (keep-alive connections too) when it ends", async () => {
    const served = await Effect.runPromise(
      Effect.gen(function* () {
        const { server, port } = yield* HttpServer
        const res = yield* Effect.promise(() =>
          fetch(`http://127.0.0.1:${port}/healthz`, { headers: { connection: "keep-alive" } }),
        )
        expect(yield* Effect.promise(() => res.json())).toEqual({ ok: true })
        expect(server.listening).toBe(true)
        return { server, port }
      }).pipe(
        Effect.provide(
          httpLayer({ port: 0, host: "127.0.0.1", limits: DEFAULT_LIMITS }).pipe(Layer.provide(TwinRegistry.test)),
        ),
      ),
    )
    expect(served.port).toBeGreaterThan(0)
    expect(served.server.listening).toBe(false)
    await expect(fetch(`http://127.0.0.1:${served.port}/healthz`)).rejects.toThrow()
  })
})
