// The runner's own behaviour: a missed expectation shows expected vs actual with file:line and
// the seed; a refused step fails unless the next step expects the refusal; nothing runs after.
import { describe, expect, it } from "vitest"
import { loadScenarioText } from "../../scenarios/loader.ts"
import type { Scenario } from "../../scenarios/model.ts"
import { formatResult } from "../../scenarios/report/human.ts"
import { runScenario } from "../../scenarios/runner.ts"
import { inProcessTarget } from "../../server/scenario-runs.ts"

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
    const r = await runScenario(
      scenario(`  - usage: { msisdn: "79163000001", call: { to: "79031112233", minutes: 2 } }
  - expect: { msisdn: "79163000001", balance: 7.00 }
  - advance: 1d
`),
      inProcessTarget(),
    )
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
    const refused = await runScenario(
      scenario(`  - usage: { msisdn: "79163000001", data: 2MB }
  - usage: { msisdn: "79163000001", data: 1MB }
`),
      inProcessTarget(),
    )
    expect(refused.passed).toBe(false)
    // Online charging: 10 ₽ cover 1 MB of the 2 MB; the next megabyte is not covered at all.
    expect(refused.steps[2]?.failures[0]?.actual).toMatch(/^INSUFFICIENT_FUNDS: /)

    const expected = await runScenario(
      scenario(`  - usage: { msisdn: "79163000001", data: 2MB }
  - usage: { msisdn: "79163000001", data: 1MB }
  - expect: { error: INSUFFICIENT_FUNDS }
  - expect: { msisdn: "79163000001", status: active, balance: 0.00 }
`),
      inProcessTarget(),
    )
    expect(expected.passed, formatResult(expected)).toBe(true)
  })

  it("expecting a refusal of a step that was accepted fails", async () => {
    const r = await runScenario(
      scenario(`  - usage: { msisdn: "79163000001", data: 1MB }
  - expect: { error: BLOCKED }
`),
      inProcessTarget(),
    )
    expect(r.passed).toBe(false)
    expect(r.steps[2]?.failures).toEqual([
      { what: "error (usage)", expected: "refused with BLOCKED", actual: "accepted" },
    ])
  })
})

describe("runner bugs fixed in process (R20 linked number, R6 confirmation)", () => {
  const TWO = `name: "Сын и мама"
rules: [R20, R6]
start: 2026-06-01T09:00:00+03:00
seed: 5
subscribers:
  - { msisdn: "79164000001", name: "Петров Иван", tariff: smart, balance: 1000.00, linked: ["79164000002"] }
  - { msisdn: "79164000002", name: "Петрова Анна", tariff: smart, balance: 100.00 }
steps:
  - lk: { msisdn: "79164000001", do: request-code }
  - lk: { msisdn: "79164000001", do: login, with: { code: "\${sms.3339}" } }
`
  const load = (steps: string): Scenario => {
    const r = loadScenarioText("two.yaml", TWO + steps)
    if (!r.ok) throw new Error(r.errors.map((e) => e.format()).join("\n"))
    return r.scenario
  }

  it("R20: with: { msisdn } tops up the linked number, not the step's own", async () => {
    const r = await runScenario(
      load(`  - lk: { msisdn: "79164000001", do: topup, with: { msisdn: "79164000002", amount: 300 } }
  - expect: { msisdn: "79164000002", balance: 400.00 }
  - expect: { msisdn: "79164000001", balance: 1000.00 }
`),
      inProcessTarget(),
    )
    expect(r.passed, formatResult(r)).toBe(true)
  })

  it.each(["lk", "app", "kiosk"] as const)(
    "R6: confirmed: false in %s stops at the confirmation screen; without it the change is made",
    async (ch) => {
      const kiosk =
        ch === "kiosk"
          ? `  - ussd: { msisdn: "79164000001", dial: "*111*2163#" }
  - kiosk: { msisdn: "79164000001", do: start }
  - kiosk: { msisdn: "79164000001", do: order-code }
  - kiosk: { msisdn: "79164000001", do: login, with: { code: "\${sms.6262}" } }
`
          : ch === "app"
            ? `  - app: { msisdn: "79164000001", do: request-code }\n  - app: { msisdn: "79164000001", do: ` +
              `login, with: { code: "\${sms.3339}" } }\n`
            : ""
      const r = await runScenario(
        load(`${kiosk}  - ${ch}: { msisdn: "79164000001", do: change-tariff, with: { tariff: super, confirmed: false } }
  - expect: { msisdn: "79164000001", tariff: smart, screen: "Подтвердите" }
  - ${ch}: { msisdn: "79164000001", do: change-tariff, with: { tariff: super } }
  - expect: { msisdn: "79164000001", tariff: super }
`),
        inProcessTarget(),
      )
      expect(r.passed, formatResult(r)).toBe(true)
    },
  )
})

describe("setup is state, not traffic (R2 family, R4 packages, R20 links)", () => {
  const FILE = `name: "Состояние на первом шаге"
rules: [R2, R4, R20]
start: 2026-06-01T09:00:00+03:00
seed: 9
subscribers:
  - msisdn: "79165000001"
    name: "Соколов Андрей Петрович"
    tariff: my-mts
    balance: 100.00
    packages: [internet-vip]
    linked: ["79165000003"]
    family: [{ msisdn: "79165000002", minutes: 100, sms: 10, data: 5GB }]
    notifications: { charges: true }
  - { msisdn: "79165000002", name: "Соколова Ирина Андреевна", tariff: smart, balance: 50.00 }
  - { msisdn: "79165000003", name: "Соколов Петр Андреевич", tariff: smart, balance: 10.00 }
steps:
  - expect:
      msisdn: "79165000001"
      balance: 100.00
      charges: { count: 0 }
      inbox: { count: 0 }
      packages: { internet-vip: 30GB, minutes: 1400 }
      linked: { has: ["79165000003"] }
      family: { role: owner, active: 1 }
  - expect: { msisdn: "79165000002", balance: 50.00, tariff: my-mts-member, family: { role: member }, \
packages: { minutes: 100, data: 5GB }, inbox: { count: 0 } }
  - expect: { msisdn: "79165000003", balance: 10.00, inbox: { count: 0 } }
`
  const sc = (text = FILE): Scenario => {
    const r = loadScenarioText("state.yaml", text)
    if (!r.ok) throw new Error(r.errors.map((e) => e.format()).join("\n"))
    return r.scenario
  }

  it("what subscribers: declares is exactly the state at step 1: no charge, no SMS", async () => {
    const r = await runScenario(sc(), inProcessTarget())
    expect(r.passed, formatResult(r)).toBe(true)
    expect(r.events.filter((e) => e.type === "Money" || e.type === "SmsDelivered")).toEqual([])
  })

  it("setup: traffic replays it as a subscriber would: the package is paid for and SMS are sent", async () => {
    const r = await runScenario(sc(FILE.replace("balance: 100.00\n", "balance: 1000.00\n")), inProcessTarget(), {
      setup: "traffic",
    })
    expect(r.crash).toBeNull()
    expect(r.passed).toBe(false)
    expect(r.events.some((e) => e.type === "Money" && e.reason === "package-purchase")).toBe(true)
    expect(r.events.some((e) => e.type === "SmsDelivered")).toBe(true)
  })
})

describe("keep going", () => {
  it("reports every failing check of a scenario instead of stopping at the first", async () => {
    const steps = `  - expect: { msisdn: "79163000001", balance: 9.00 }
  - advance: 1d
  - expect: { msisdn: "79163000001", tariff: smart }
`
    const stop = await runScenario(scenario(steps), inProcessTarget())
    expect(stop.steps.map((s) => s.status)).toEqual(["passed", "failed", "not-run", "not-run"])
    const all = await runScenario(scenario(steps), inProcessTarget(), { keepGoing: true })
    expect(all.passed).toBe(false)
    expect(all.steps.map((s) => s.status)).toEqual(["passed", "failed", "passed", "failed"])
    expect(all.steps.flatMap((s) => s.failures.map((f) => f.what))).toEqual(["balance", "tariff"])
  })
})
