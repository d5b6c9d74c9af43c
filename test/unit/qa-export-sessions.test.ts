// R25 in exported regressions: the scenario qa/ writes for a failing journey keeps its own LK
// session, which ends after the LK idle limit like any other; the export logs in again before the
// next LK step, so the replay does not stop at SESSION_INVALID.
import { describe, expect, it } from "vitest"
import { toScenarioYaml } from "../../qa/scenario-yaml.ts"
import type { Step } from "../../qa/steps.ts"
import { webOperations } from "../../scenarios/drivers.ts"
import { loadScenarioText } from "../../scenarios/loader.ts"
import { runAll } from "../../server/scenario-runs.ts"

const A = "79160000001"
const topUp = (amount: number): Step => ({
  t: "command",
  command: { _tag: "TopUp", msisdn: A, amount, method: "card", by: A },
})

const exported = (steps: Step[]) => {
  const yaml = toScenarioYaml({
    title: "idle session",
    invariant: "I1",
    message: "m",
    seed: "1",
    found: "f",
    start: Date.parse("2026-06-01T06:00:00Z"),
    population: [{ _tag: "CreateSubscriber", msisdn: A, name: "Иванова Мария Петровна", tariff: "my-mts", balance: 0 }],
    steps,
  })
  const loaded = loadScenarioText("qa.yaml", yaml, { operations: webOperations() })
  if (!loaded.ok) throw new Error(`${yaml}\n${loaded.errors.map((e) => e.format()).join("\n")}`)
  return { yaml, scenario: loaded.scenario }
}

const logins = (yaml: string): number => yaml.split("do: login").length - 1

describe("R25: an exported scenario logs in again when its LK session has lapsed", () => {
  it("past the idle limit the next LK step logs in first, and the scenario runs to its end", async () => {
    const { yaml, scenario } = exported([topUp(10_000), { t: "advance", ms: 25 * 60_000 }, topUp(20_000)])
    expect(logins(yaml)).toBe(2)
    const r = (await runAll([scenario], { concurrency: 1 }))[0]
    expect(r?.passed, JSON.stringify(r?.steps.filter((s) => s.status === "failed"))).toBe(true)
  })

  it("idle time adds up over several short advances, and an LK step in between restarts it", async () => {
    const tenMin: Step = { t: "advance", ms: 10 * 60_000 }
    // 10 + 10 min idle: the 20-minute limit is reached, a second login.
    expect(logins(exported([topUp(100), tenMin, tenMin, topUp(100)]).yaml)).toBe(2)
    // 10 min, a step, 10 min: never idle for 20 minutes, one login.
    const busy = exported([topUp(100), tenMin, topUp(100), tenMin, topUp(100)])
    expect(logins(busy.yaml)).toBe(1)
    const r = (await runAll([busy.scenario], { concurrency: 1 }))[0]
    expect(r?.passed, JSON.stringify(r?.steps.filter((s) => s.status === "failed"))).toBe(true)
  })
})
