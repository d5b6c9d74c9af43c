// The console's scenario player over its JSON API (in-process app): loading opens the scenario on
// a fresh twin with setup done, each «next» runs exactly one step (a check included, with its own
// mark), a failing check finishes the run on that step, «all» plays the rest.
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { makeApp } from "../../server/app.ts"
import { Registry } from "../../core/engine/registry.ts"
import type { PlayState, StepInfo } from "../../web/scenario-player.ts"
import { fastCatalog } from "../helpers/twin.ts"

const EXAMPLE = new URL("../../scenarios/examples/zabugorishche.yaml", import.meta.url)

const console_ = () => {
  const registry = Registry.open(":memory:", { createDefault: false, catalog: fastCatalog() })
  const app = makeApp({ registry })
  const post = async <T>(path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const r = await app.fetch(
      new Request(`http://twin.local${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      }),
    )
    return { status: r.status, body: (await r.json()) as T }
  }
  return { registry, post }
}

interface Loaded {
  name: string
  steps: StepInfo[]
  state: PlayState
}

describe("console scenario player (one step per «next»)", () => {
  it("plays the example one step at a time: a check is a step with its own mark", async () => {
    const { registry, post } = console_()
    try {
      const loaded = await post<Loaded>("/console/api/scenarios", {
        file: "zabugorishche.yaml",
        yaml: readFileSync(EXAMPLE, "utf8"),
      })
      expect(loaded.status).toBe(200)
      const { steps, state } = loaded.body
      expect(steps).toHaveLength(19)
      expect(steps.slice(0, 4).map((s) => s.panel)).toEqual(["check", "network", "network", "clock"])
      expect(state).toMatchObject({ done: 0, finished: false, passed: null, crash: null, outcomes: [] })
      // Setup ran: the subscriber exists on the scenario's twin.
      expect(registry.get(state.twinId)?.state.subscribers.has("79160000001")).toBe(true)

      const next = async (): Promise<PlayState> =>
        (await post<PlayState>(`/console/api/scenarios/${state.id}/next`)).body
      const s1 = await next()
      expect(s1.done).toBe(1)
      expect(s1.outcomes.map((o) => [o.index, o.status])).toEqual([[1, "passed"]])
      const seqAfter1 = registry.get(state.twinId)?.state.seq ?? -1
      const s2 = await next()
      expect(s2.done).toBe(2)
      expect(s2.outcomes.map((o) => [o.index, o.status])).toEqual([
        [1, "passed"],
        [2, "passed"],
      ])
      // Step 2 (travel to TR) ran, step 3 (usage) did not: no data used yet.
      const sub = registry.get(state.twinId)?.state.subscribers.get("79160000001")
      expect(sub?.location).toBe("TR")
      expect(registry.get(state.twinId)?.state.seq).toBe(seqAfter1 + 1)

      const end = (await post<PlayState>(`/console/api/scenarios/${state.id}/all`)).body
      expect(end).toMatchObject({ done: 19, finished: true, passed: true, crash: null })
      expect(end.outcomes).toHaveLength(19)
      expect(end.outcomes.every((o) => o.status === "passed")).toBe(true)
      // Nothing left: «next» after the end changes nothing.
      expect(await next()).toEqual(end)
    } finally {
      registry.close()
    }
  })

  it("a failing check finishes the run on that step; later steps are marked not run", async () => {
    const { registry, post } = console_()
    try {
      const yaml = `name: "Неверная проверка"
rules: [R8]
start: 2026-06-01T09:00:00+03:00
seed: 3
subscribers:
  - { msisdn: "79163000001", name: "Орлова Вера Ильинична", tariff: super, balance: 10.00 }
steps:
  - usage: { msisdn: "79163000001", call: { to: "79031112233", minutes: 2 } }
  - expect: { msisdn: "79163000001", balance: 7.00 }
  - advance: 1d
`
      const { body } = await post<Loaded>("/console/api/scenarios", { file: "bad.yaml", yaml })
      const id = body.state.id
      const s1 = (await post<PlayState>(`/console/api/scenarios/${id}/next`)).body
      expect(s1).toMatchObject({ done: 1, finished: false })
      const s2 = (await post<PlayState>(`/console/api/scenarios/${id}/next`)).body
      expect(s2).toMatchObject({ done: 2, finished: true, passed: false })
      expect(s2.outcomes.map((o) => o.status)).toEqual(["passed", "failed", "not-run"])
      expect(s2.outcomes[1]?.failures).toEqual(["баланс: ожидалось 7,00 руб., получено 6,00 руб."])
    } finally {
      registry.close()
    }
  })
})
