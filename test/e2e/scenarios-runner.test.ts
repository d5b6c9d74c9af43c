// The runner's own behaviour: a missed expectation shows expected vs actual with file:line and
// the seed; a refused step fails unless the next step expects the refusal; nothing runs after.
import { describe, expect, it } from "vitest"
import { loadScenarioText } from "../../scenarios/loader.ts"
import type { Scenario } from "../../scenarios/model.ts"
import { formatResult } from "../../scenarios/report/human.ts"
import { runScenario } from "../../scenarios/runner.ts"
import { inProcessTarget } from "../../scenarios/targets.ts"

const HEAD = `name: "Проверка отчета"
rules: [R15]
start: 2026-06-01T09:00:00+03:00
seed: 42
subscribers:
  - { msisdn: "79163000001", name: "Орлова Вера Ильинична", tariff: super, balance: 10.00 }
steps:
`

const scenario = (steps: string): Scenario => {
  const r = loadScenarioText("report.yaml", HEAD + steps)
  if (!r.ok) throw new Error(r.errors.map((e) => e.format()).join("\n"))
  return r.scenario
}

describe("scenario runner", () => {
  it("a missed expectation: expected vs actual, file:line, seed; later steps do not run", async () => {
    const r = await runScenario(scenario(`  - usage: { msisdn: "79163000001", call: { to: "79031112233", minutes: 2 } }
  - expect: { msisdn: "79163000001", balance: 7.00 }
  - advance: 1d
`), inProcessTarget())
    expect(r.passed).toBe(false)
    const failed = r.steps.find((s) => s.status === "failed")
    expect(failed?.pos?.line).toBe(9)
    expect(failed?.failures).toEqual([{ what: "balance", expected: "7,00 руб.", actual: "6,00 руб." }])
    expect(r.steps.map((s) => s.status)).toEqual(["passed", "passed", "failed", "not-run"])
    const text = formatResult(r)
    expect(text).toContain("expected: 7,00 руб.")
    expect(text).toContain("actual:   6,00 руб.")
    expect(text).toContain("failed at report.yaml:9 · seed 42")
  })

  it("a refused step fails the scenario unless the next step expects the refusal", async () => {
    const refused = await runScenario(scenario(`  - usage: { msisdn: "79163000001", data: 2MB }
  - usage: { msisdn: "79163000001", data: 1MB }
`), inProcessTarget())
    expect(refused.passed).toBe(false)
    // Online charging: 10 ₽ cover 1 MB of the 2 MB; the next megabyte is not covered at all.
    expect(refused.steps[2]?.failures[0]?.actual).toMatch(/^INSUFFICIENT_FUNDS: /)

    const expected = await runScenario(scenario(`  - usage: { msisdn: "79163000001", data: 2MB }
  - usage: { msisdn: "79163000001", data: 1MB }
  - expect: { error: INSUFFICIENT_FUNDS }
  - expect: { msisdn: "79163000001", status: active, balance: 0.00 }
`), inProcessTarget())
    expect(expected.passed, formatResult(expected)).toBe(true)
  })

  it("expecting a refusal of a step that was accepted fails", async () => {
    const r = await runScenario(scenario(`  - usage: { msisdn: "79163000001", data: 1MB }
  - expect: { error: BLOCKED }
`), inProcessTarget())
    expect(r.passed).toBe(false)
    expect(r.steps[2]?.failures).toEqual([{ what: "error (usage)", expected: "refused with BLOCKED", actual: "accepted" }])
  })
})
