// Scenario language (README "Scenarios"): problems in a file are reported with file:line:col and a hint
// before anything runs.
import { describe, expect, it } from "vitest"
import { loadScenarioText } from "../../scenarios/loader.ts"
import type { ScenarioError } from "../../scenarios/errors.ts"
import { toScenarioYaml } from "../../qa/scenario-yaml.ts"

const HEAD = `name: "Проверка"
rules: [R3]
start: 2026-06-01T09:00:00+03:00
seed: 7
subscribers:
  - msisdn: "79160000001"
    name: "Иванова Мария Петровна"
    tariff: my-mts
    balance: 2000.00
steps:
`

const errorsOf = (steps: string, head = HEAD): ScenarioError[] => {
  const r = loadScenarioText("demo.yaml", head + steps)
  if (r.ok) throw new Error("expected the file to be refused")
  return [...r.errors]
}

const only = (steps: string, head = HEAD): ScenarioError => {
  const errs = errorsOf(steps, head)
  expect(errs.map((e) => e.format())).toHaveLength(1)
  return errs[0] as ScenarioError
}

describe("scenario loader errors name file, line and a hint", () => {
  it("an unknown step key, with a did-you-mean hint", () => {
    const e = only(`  - advance: 1d\n  - travl: { msisdn: "79160000001", to: TR }\n`)
    expect(e.file).toBe("demo.yaml")
    expect(e.line).toBe(12)
    expect(e.message).toContain('unknown step "travl"')
    expect(e.hint).toContain('did you mean "travel"')
    expect(e.format()).toMatch(/^demo\.yaml:12:5: /)
  })

  it("a bad duration", () => {
    const e = only(`  - advance: 1x\n`)
    expect(e.line).toBe(11)
    expect(e.message).toContain('bad duration "1x"')
    expect(e.hint).toContain("1d 2h")
  })

  it("an unknown tariff, with the catalog's tariffs in the hint", () => {
    const e = only(`  - advance: 1d\n`, HEAD.replace("tariff: my-mts", "tariff: my-mtss"))
    expect(e.line).toBe(8)
    expect(e.message).toContain('unknown tariff "my-mtss"')
    expect(e.hint).toContain('did you mean "my-mts"')
  })

  it("an unknown expect key, an unknown service and a bad volume, all reported at once in line order", () => {
    const errs = errorsOf(
      `  - usage: { msisdn: "79160000001", data: 150XB }\n  - expect: { balanse: 10 }\n  - expect: { services: { has: [zabugorish] } }\n`,
    )
    expect(errs.map((e) => e.line)).toEqual([11, 12, 13])
    expect(errs[0]?.message).toContain('bad volume "150XB"')
    expect(errs[1]?.hint).toContain('did you mean "balance"')
    expect(errs[2]?.message).toContain('unknown service "zabugorish"')
  })

  it("a number that is not a subscriber of the scenario", () => {
    const e = only(`  - travel: { msisdn: "79169999999", to: TR }\n`)
    expect(e.message).toContain("79169999999 is not one of this scenario's subscribers")
    expect(e.hint).toContain("79160000001")
  })

  it("an unknown country, an unknown top-level key and a malformed placeholder", () => {
    const errs = errorsOf(
      `  - travel: { msisdn: "79160000001", to: XX }\n  - ussd: { msisdn: "79160000001", reply: "\${code}" }\n`,
      `colour: red\n${HEAD}`,
    )
    expect(errs.map((e) => e.message)).toEqual([
      'scenario: unknown key "colour"',
      'steps[0].travel.to: unknown country "XX"',
      'steps[1].ussd.reply: bad placeholder "${code}"',
    ])
    expect(errs.map((e) => e.line)).toEqual([1, 12, 13])
  })

  it("a step with two actions, and an expected refusal code that is not a code", () => {
    const errs = errorsOf(
      `  - { advance: 1d, travel: { msisdn: "79160000001", to: TR } }\n  - expect: { error: "нельзя" }\n`,
    )
    expect(errs[0]?.message).toContain("exactly one action")
    expect(errs[1]?.message).toContain("unknown error code")
  })

  it("YAML syntax errors come with a position too", () => {
    const errs = errorsOf(`  - advance: [1d\n`)
    expect(errs[0]?.format()).toMatch(/^demo\.yaml:\d+:\d+: YAML: /)
  })

  it("an unknown web operation when the channel's operations are known", () => {
    const r = loadScenarioText("demo.yaml", `${HEAD}  - lk: { msisdn: "79160000001", do: logn }\n`, {
      operations: { lk: ["login", "logout"] },
    })
    expect(r.ok).toBe(false)
    if (!r.ok)
      expect(r.errors[0]?.format()).toBe(
        'demo.yaml:11:38: steps[0].lk.do: the lk channel has no operation "logn"\n    hint: did you mean "login"? allowed: login, logout',
      )
  })
})

describe("scenario loader accepts the language", () => {
  it("converts money, durations, volumes and defaults the expect msisdn", () => {
    const r = loadScenarioText(
      "ok.yaml",
      `${HEAD}  - usage: { msisdn: "79160000001", call: { to: "79031112233", minutes: 3 } }
  - usage: { msisdn: "79160000001", data: 1.5GB }
  - advance: 1d 2h
  - advance: 1mo
  - expect: { balance: { min: 1999.99, max: "2 000,00" }, charges: { service: zabugorishche, last: 490.10 } }
`,
    )
    expect(r.ok).toBe(true)
    if (!r.ok) return
    const s = r.scenario
    expect(s.subscribers[0]?.balance).toBe(200000)
    expect(s.steps.map((x) => x._tag)).toEqual(["usage", "usage", "advance", "advance", "expect"])
    const [call, data, adv, mo, exp] = s.steps
    expect(call?._tag === "usage" && call.usage).toEqual({
      _tag: "call",
      to: "79031112233",
      seconds: 180,
      direction: "out",
    })
    expect(data?._tag === "usage" && data.usage).toEqual({ _tag: "data", kb: 1572864 })
    expect(adv?._tag === "advance" && adv.advance).toEqual({ by: 26 * 3600 * 1000, text: "1d 2h" })
    expect(mo?._tag === "advance" && mo.advance).toEqual({ months: 1, text: "1mo" })
    expect(exp?._tag === "expect" && exp.expect).toEqual({
      msisdn: "79160000001",
      balance: { min: 199999, max: 200000 },
      charges: [{ service: "zabugorishche", last: 49010 }],
    })
    expect(exp?.pos.line).toBe(15)
  })
})

describe("strict loading: with: parameters, error codes and units are checked before anything runs", () => {
  it("a misspelt with: key names the key, suggests the right one and lists the allowed ones", () => {
    const e = only(`  - lk: { msisdn: "79160000001", do: topup, with: { amout: 300 } }\n`)
    expect(e.line).toBe(11)
    expect(e.message).toContain('unknown key "amout" for lk topup')
    expect(e.hint).toContain('did you mean "amount"')
    expect(e.hint).toContain("allowed: amount, method, msisdn")
  })

  it("an unknown error code names the key and lists the codes", () => {
    const e = only(`  - advance: 1d\n  - expect: { error: BLOKED }\n`)
    expect(e.message).toContain('expect.error: unknown error code "BLOKED"')
    expect(e.hint).toContain('did you mean "BLOCKED"')
    expect(e.hint).toContain("WRONG_CODE")
  })

  it("a bare-number data volume is refused with the key and the units", () => {
    const head = HEAD.replace(
      "steps:\n",
      `  - { msisdn: "79160000002", name: "Иванов Петр", tariff: my-mts }\nsteps:\n`,
    )
    const e = only(
      `  - lk: { msisdn: "79160000001", do: family-invite, with: { member: "79160000002", data: 5 } }\n`,
      head,
    )
    expect(e.message).toContain("with.data")
    expect(e.message).toContain("a bare number has no unit")
    expect(e.format()).toContain('"5GB"')
    const f = only(`  - expect: { msisdn: "79160000001", packages: { data: 300 } }\n`)
    expect(f.message).toContain("packages.data: expected a data volume with its unit")
  })

  it("catalog ids and numbers in with: are checked: tariff, service, offer, linked number", () => {
    expect(only(`  - lk: { msisdn: "79160000001", do: change-tariff, with: { tariff: smrt } }\n`).hint).toContain(
      'did you mean "smart"',
    )
    expect(
      only(`  - app: { msisdn: "79160000001", do: connect-service, with: { service: gudok } }\n`).message,
    ).toContain('unknown service "gudok"')
    expect(
      only(`  - lk: { msisdn: "79160000001", do: topup, with: { msisdn: "79169999999", amount: 1 } }\n`).message,
    ).toContain("not one of this scenario's subscribers")
    expect(only(`  - lk: { msisdn: "79160000001", do: topup, with: { amount: "сто" } }\n`).format()).toContain("rubles")
    expect(only(`  - lk: { msisdn: "79160000001", do: balance, with: { tariff: smart } }\n`).hint).toContain(
      "allowed: msisdn",
    )
  })
})

describe("SMS and voice steps (R2, R28)", () => {
  it("sms to a sender name (MTS) and sms reply: load; a bad to: points at reply", () => {
    const ok = loadScenarioText(
      "sms.yaml",
      `${HEAD}  - sms: { from: "79160000001", to: MTS, text: "Да" }\n  - sms: { from: "79160000001", reply: ` +
        `"Да" }\n  - ivr: { msisdn: "79160000001", call: "111", timeouts: 2, then: "1" }\n`,
    )
    expect(ok.ok, ok.ok ? "" : ok.errors.map((e) => e.format()).join("\n")).toBe(true)
    if (ok.ok) {
      expect(
        ok.scenario.steps.map((s) => (s._tag === "sms" ? s.to : s._tag === "ivr" ? `${s.timeouts}:${s.then}` : "")),
      ).toEqual(["MTS", null, "2:1"])
    }
    expect(only(`  - sms: { from: "79160000001", to: "М Т С", text: "Да" }\n`).hint).toContain("reply")
    expect(only(`  - sms: { from: "79160000001", reply: "Да", to: "111" }\n`).message).toContain(
      "either reply, or to and text",
    )
    expect(only(`  - ivr: { msisdn: "79160000001", call: "111", then: "1" }\n`).message).toContain("need timeouts")
  })
})

describe("scenarios exported by qa/ load under the strict loader", () => {
  it("linked number, unconfirmed tariff change, family shares, top-up methods, SMS replies", () => {
    const A = "79160000001"
    const B = "79160000002"
    const population = [
      {
        _tag: "CreateSubscriber" as const,
        msisdn: A,
        name: "Иванова Мария Петровна",
        tariff: "my-mts",
        balance: 500_000,
      },
      { _tag: "CreateSubscriber" as const, msisdn: B, name: "Иванов Петр", tariff: "smart", balance: 10_000 },
    ]
    const yaml = toScenarioYaml({
      title: "all forms",
      invariant: "I1",
      message: "m",
      seed: "1",
      found: "f",
      start: Date.parse("2026-06-01T06:00:00Z"),
      population,
      steps: [
        { t: "command", command: { _tag: "TopUp", msisdn: B, amount: 15_050, method: "cash", by: A } },
        { t: "command", command: { _tag: "TopUp", msisdn: A, amount: 10_000, method: "apple-pay", by: A } },
        { t: "command", command: { _tag: "ChangeTariff", msisdn: A, tariff: "smart", confirmed: false, by: A } },
        {
          t: "command",
          command: { _tag: "FamilyInvite", msisdn: A, member: B, minutes: 10, sms: 5, dataMb: 1536, by: A },
        },
        { t: "command", command: { _tag: "FamilyReply", msisdn: B, accept: true, by: B } },
        { t: "command", command: { _tag: "Usage", msisdn: A, usage: { _tag: "data", kb: 2048 } } },
        { t: "read", by: A, msisdn: B },
      ],
    })
    const r = loadScenarioText("qa.yaml", yaml)
    expect(r.ok, r.ok ? "" : `${yaml}\n${r.errors.map((e) => e.format()).join("\n")}`).toBe(true)
  })
})
