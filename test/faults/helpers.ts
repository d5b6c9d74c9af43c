// Shared setup of the fault-injection tests: a registry on a temp SQLite file with a fault plan,
// the app over it, JSON calls, and the checks every fault test ends with (I7: the live state
// equals a fresh replay of the log; a restart from the file gives the same state).
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { expect } from "vitest"
import { makeApp } from "../../server/app.ts"
import { Registry } from "../../core/engine/registry.ts"
import { TwinCore } from "../../core/engine/twin-core.ts"
import { stateHash } from "../../core/state/snapshot.ts"
import { faultPlan, type FaultPlan } from "../../core/store/faults.ts"
import { fastCatalog, T0 } from "../helpers/twin.ts"

export const A = "79161110001"
export const B = "79161110002"

export interface FaultEnv {
  dir: string
  db: string
  plan: FaultPlan
  registry: Registry
  app: ReturnType<typeof makeApp>
  call: (
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => Promise<{ status: number; body: Record<string, unknown>; headers: Headers }>
  reopen: () => Registry
  cleanup: () => void
}

export const faultEnv = (): FaultEnv => {
  const dir = mkdtempSync(join(tmpdir(), "twin-faults-"))
  const db = join(dir, "twin.db")
  const plan = faultPlan()
  const env: FaultEnv = {
    dir,
    db,
    plan,
    // Secrets derived from the seed (issue 14), so a fault-free twin of the same seed is the reference.
    registry: Registry.open(db, {
      createDefault: false,
      catalog: fastCatalog(),
      secrets: "replay",
      store: { faults: plan.faults },
    }),
    app: undefined as unknown as ReturnType<typeof makeApp>,
    async call(method, path, body, headers = {}) {
      const res = await env.app.request(path, {
        method,
        headers: { "content-type": "application/json", ...headers },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      })
      const text = await res.text()
      return {
        status: res.status,
        body: text === "" ? {} : (JSON.parse(text) as Record<string, unknown>),
        headers: res.headers,
      }
    },
    reopen() {
      env.registry.close()
      env.registry = Registry.open(db, { createDefault: false, catalog: fastCatalog() })
      env.app = makeApp({ registry: env.registry })
      return env.registry
    },
    cleanup() {
      try {
        env.registry.store.close()
      } catch {
        /* closed already */
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
  env.app = makeApp({ registry: env.registry })
  return env
}

/** A twin with two subscribers on the fault env. */
export const twinWithTwo = (env: FaultEnv, id = "f"): TwinCore => {
  const t = env.registry.create({ id, seed: "5", demo: false, start: T0 })
  for (const [m, bal] of [
    [A, 100_000],
    [B, 50_000],
  ] as const) {
    const r = t.execute({
      _tag: "CreateSubscriber",
      msisdn: m,
      name: `Абонент ${m.slice(-4)}`,
      tariff: "my-mts",
      balance: bal,
    })
    if (r._tag === "Failure") throw new Error(r.failure.message)
  }
  return t
}

/** I7 after a fault: the live state hash equals a fresh replay of the durable log. */
export const expectReplayEqual = (t: TwinCore): void => {
  const replayed = TwinCore.replay({ id: t.id, seed: t.state.seed, start: T0, catalog: t.cat, log: t.log })
  expect(stateHash(replayed)).toBe(t.hash())
  expect(t.log.count()).toBe(t.state.seq)
}
