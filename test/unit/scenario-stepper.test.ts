// The scenario stepper (scenarios/runner.ts `openScenario`): one step per `next()`, the twin
// changes only by that step, an `expect` is a step with its own pass mark, and playing step by
// step ends exactly where `runScenario` (built on the stepper) ends: same hash, same log.
import { describe, expect, it } from "vitest"
import { makeApp } from "../../server/app.ts"
import { Registry } from "../../core/engine/registry.ts"
import { ControlClient } from "../../scenarios/client.ts"
import { loadScenarioText } from "../../scenarios/loader.ts"
import type { Scenario } from "../../scenarios/model.ts"
import { formatResult } from "../../scenarios/report/human.ts"
import { openScenario, runScenario, type RunTarget } from "../../scenarios/runner.ts"
import { inProcessTarget } from "../../server/scenario-runs.ts"
import { fastCatalog } from "../helpers/twin.ts"

const HEAD = `name: "Пошаговый сценарий"
rules: [R8, R15]
start: 2026-06-01T09:00:00+03:00
seed: 11
subscribers:
  - { msisdn: "79163000001", name: "Орлова Вера Ильинична", tariff: super, balance: 10.00 }
steps:
`

const scenario = (steps: string): Scenario => {
  const r = loadScenarioText("stepper.yaml", HEAD + steps, { catalog: fastCatalog() })
  if (!r.ok) throw new Error(r.errors.map((e) => e.format()).join("\n"))
  return r.scenario
}

const JOURNEY = `  - usage: { msisdn: "79163000001", call: { to: "79031112233", minutes: 2 } }
  - expect: { msisdn: "79163000001", balance: 6.00 }
  - ussd: { msisdn: "79163000001", dial: "*100#" }
  - expect: { screen: { contains: ["6,00"] } }
  - advance: 1d
  - sms: { from: "79163000001", to: "111", text: "2163" }
  - expect: { msisdn: "79163000001", services: { has: [e-assistant] } }
`

const target = (): RunTarget => inProcessTarget(fastCatalog())

describe("scenario stepper", () => {
  it("runs exactly one step per next(): the twin changes only by that step", async () => {
    const t = target()
    const sc = scenario(JOURNEY)
    const s = await openScenario(sc, t)
    const client = new ControlClient(t.fetcher, "http://twin.local", t.twinId)
    expect(s.steps.map((x) => [x.index, x.kind])).toEqual([
      [1, "usage"],
      [2, "expect"],
      [3, "ussd"],
      [4, "expect"],
      [5, "advance"],
      [6, "sms"],
      [7, "expect"],
    ])
    expect(s.steps[1]?.text).toBe("баланс 6,00 руб.")
    expect(s.position).toBe(0)
    expect(s.records.map((r) => r.kind)).toEqual(["setup"])
    expect((await client.subscribers()).map((r) => r.balance)).toEqual([1000])

    const first = await s.next()
    expect(first).toMatchObject({ index: 1, kind: "usage", status: "passed" })
    expect(s.position).toBe(1)
    expect((await client.subscribers()).map((r) => r.balance)).toEqual([600])
    const before = await client.info()

    // The check is a step of its own: it passes and changes nothing.
    const check = await s.next()
    expect(check).toMatchObject({ index: 2, kind: "expect", status: "passed", failures: [] })
    expect((await client.info()).seq).toBe(before.seq)

    const dial = await s.next()
    expect(dial).toMatchObject({ index: 3, kind: "ussd", status: "passed" })
    expect(dial?.answer).toContain("6,00")
    expect(await s.next()).toMatchObject({ index: 4, kind: "expect", status: "passed" })
    // The advance has not run yet: twin time is still the start.
    expect((await client.info()).now).toBe(before.now)
    expect(await s.next()).toMatchObject({ index: 5, kind: "advance", status: "passed" })
    expect((await client.info()).now).toBe(before.now + 24 * 3600 * 1000)
    expect(s.stopped).toBe(false)
    expect(await s.next()).toMatchObject({ index: 6, kind: "sms", status: "passed" })
    expect(await s.next()).toMatchObject({ index: 7, kind: "expect", status: "passed" })
    expect(s.stopped).toBe(true)
    expect(await s.next()).toBeNull()

    const r = await s.runAll()
    expect(r.passed, formatResult(r)).toBe(true)
    expect(r.steps.map((x) => x.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
    expect(await s.runAll()).toBe(r)
    expect(s.result).toBe(r)
  })

  it("step by step ends in the same state hash, log and records as runScenario", async () => {
    const sc = scenario(JOURNEY)
    const whole = await runScenario(sc, target())
    expect(whole.passed, formatResult(whole)).toBe(true)

    const s = await openScenario(sc, target())
    await s.next()
    await s.next()
    await s.next()
    const stepped = await s.runAll()
    expect(stepped.finalHash).toMatch(/^[0-9a-f]{16,}$/)
    expect(stepped.finalHash).toBe(whole.finalHash)
    expect(stepped.events.map((e) => `${e.seq}:${e.type}:${e.at}`)).toEqual(
      whole.events.map((e) => `${e.seq}:${e.type}:${e.at}`),
    )
    const strip = (r: typeof whole) =>
      r.steps.map(({ index, kind, status, sent, answer, at }) => ({ index, kind, status, sent, answer, at }))
    expect(strip(stepped)).toEqual(strip(whole))
    expect(stepped.balances).toEqual(whole.balances)
  })

  it("a failing expect is reported on its own step; nothing runs after it", async () => {
    const t = target()
    const s = await openScenario(
      scenario(`  - usage: { msisdn: "79163000001", call: { to: "79031112233", minutes: 2 } }
  - expect: { msisdn: "79163000001", balance: 7.00 }
  - advance: 1d
`),
      t,
    )
    expect(await s.next()).toMatchObject({ index: 1, kind: "usage", status: "passed", failures: [] })
    const failed = await s.next()
    expect(failed).toMatchObject({ index: 2, kind: "expect", status: "failed" })
    expect(failed?.pos?.line).toBe(9)
    expect(failed?.failures).toEqual([{ what: "balance", expected: "7,00 руб.", actual: "6,00 руб." }])
    expect(s.stopped).toBe(true)
    expect(await s.next()).toBeNull()
    expect(s.position).toBe(2)

    const now = (await new ControlClient(t.fetcher, "http://twin.local", t.twinId).info()).now
    const r = await s.runAll()
    expect(r.passed).toBe(false)
    expect(r.steps.map((x) => x.status)).toEqual(["passed", "passed", "failed", "not-run"])
    // The advance after the failure never ran: twin time did not move.
    expect(r.balances.map((b) => b.at)).toEqual([r.balances[0]?.at, r.balances[0]?.at])
    expect(r.steps[3]?.at).toBe(now)
  })

  it("overlapping next() calls run one after another, in call order", async () => {
    const s = await openScenario(scenario(JOURNEY), target())
    const got = await Promise.all([s.next(), s.next(), s.next()])
    expect(got.map((r) => r?.index)).toEqual([1, 2, 3])
    expect(got.map((r) => r?.status)).toEqual(["passed", "passed", "passed"])
    const [r, again] = await Promise.all([s.runAll(), s.next()])
    expect(r.passed, formatResult(r)).toBe(true)
    expect(again).toBeNull()
  })

  it("a setup that cannot run leaves nothing to play and a crash in the result", async () => {
    const registry = Registry.open(":memory:", { createDefault: false, catalog: fastCatalog() })
    try {
      const app = makeApp({ registry })
      const shared: RunTarget = { fetcher: (req) => Promise.resolve(app.fetch(req)), twinId: "taken" }
      const sc = scenario(JOURNEY)
      const ok = await openScenario(sc, shared)
      expect(ok.crash).toBeNull()
      // The same twin id again: creating the twin is refused, so setup fails.
      const s = await openScenario(sc, shared)
      expect(s.crash).toMatch(/^setup failed: /)
      expect(s.stopped).toBe(true)
      expect(s.records).toEqual([])
      expect(await s.next()).toBeNull()
      const r = await s.runAll()
      expect(r.passed).toBe(false)
      expect(r.steps.map((x) => x.status)).toEqual(Array.from({ length: 7 }, () => "not-run"))
    } finally {
      registry.close()
    }
  })
})
