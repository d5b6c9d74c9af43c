// The QA toolkit checks itself: each invariant checker (I1–I7, I9) catches a fault seeded into
// the twin behind its back, a failing property reports seed and path, and the scenario YAML it
// writes loads with the scenario loader (so one copy makes it a regression scenario).
import { readdirSync, readFileSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import fc from "fast-check"
import { afterAll, describe, expect, it } from "vitest"
import type { Command } from "../../core/domain/commands.ts"
import { RULES } from "../../core/rules/index.ts"
import { loadScenarioText } from "../../scenarios/loader.ts"
import {
  checkJourneys,
  coreExecutor,
  defaultQaCatalog,
  executeOnCore,
  KNOWN,
  startArb,
  stepArb,
  UNKNOWN,
  i1Money,
  i2Blocked,
  i3Zabugorishche,
  i4Family,
  i5Packages,
  i6Lockouts,
  i7Replay,
  i9Access,
  InvariantViolation,
  openQaTwin,
  QaRun,
  type Executor,
  type Invariant,
  type QaTwin,
  type Step,
} from "../../qa/index.ts"

const A = "79990000001"
const B = "79990000002"
const cmd = (c: Command): Step => ({ t: "command", command: c })

/** An executor that runs the core, then lets `fault` tamper with the state after a matching step. */
const faulty = (t: QaTwin, fault: (t: QaTwin, s: Step) => void, before = false): Executor => ({
  twin: t.twin,
  execute: (s) => {
    if (before) fault(t, s)
    const out = executeOnCore(t.twin, s)
    if (!before) fault(t, s)
    return Promise.resolve(out)
  },
})

const violationOf = async (
  inv: Invariant,
  steps: Step[],
  fault: (t: QaTwin, s: Step) => void,
  before = false,
): Promise<string> => {
  const t = openQaTwin(defaultQaCatalog(), "1")
  try {
    const run = new QaRun(faulty(t, fault, before), t.start, [inv])
    for (const s of steps) await run.step(s)
    return "none"
  } catch (e) {
    if (e instanceof InvariantViolation) return e.invariant
    throw e
  } finally {
    t.registry.store.close()
  }
}

const setup: Step[] = [
  cmd({
    _tag: "CreateSubscriber",
    msisdn: A,
    name: "Абонент A",
    tariff: "my-mts",
    balance: 100_000,
    services: ["e-assistant"],
  }),
  cmd({ _tag: "CreateSubscriber", msisdn: B, name: "Абонент B", tariff: "smart", balance: 50_000 }),
]
const sub = (t: QaTwin, m: string) => {
  const s = t.twin.state.subscribers.get(m)
  if (s === undefined) throw new Error(`no ${m}`)
  return s
}
const is = (s: Step, tag: Command["_tag"]): boolean => s.t === "command" && s.command._tag === tag

describe("QA toolkit: every checker catches a seeded fault", () => {
  it("I1 checker catches a balance changed without a ledger entry", async () => {
    expect(
      await violationOf(
        i1Money,
        [...setup, cmd({ _tag: "TopUp", msisdn: A, amount: 10_000, method: "card" })],
        (t, s) => {
          if (is(s, "TopUp")) sub(t, A).balance += 1
        },
      ),
    ).toBe("I1")
  })
  it("I2 checker catches usage rated while voluntarily blocked", async () => {
    expect(
      await violationOf(
        i2Blocked,
        [
          ...setup,
          cmd({ _tag: "Block", msisdn: A }),
          cmd({ _tag: "Usage", msisdn: A, usage: { _tag: "data", kb: 2048 } }),
        ],
        (t, s) => {
          if (is(s, "Usage")) sub(t, A).voluntaryBlock = false
        },
        true,
      ),
    ).toBe("I2")
  })
  it("I3 checker catches «Забугорище» charged twice on one day", async () => {
    const use: Step = cmd({ _tag: "Usage", msisdn: A, usage: { _tag: "data", kb: 1024 } })
    expect(
      await violationOf(
        i3Zabugorishche,
        [...setup, cmd({ _tag: "Travel", msisdn: A, to: "TR" }), use, use],
        (t, s) => {
          if (is(s, "Usage")) sub(t, A).zabugorDay = -1
        },
        true,
      ),
    ).toBe("I3")
  })
  it("I4 checker catches a sixth family member", async () => {
    expect(
      await violationOf(
        i4Family,
        [...setup, cmd({ _tag: "FamilyInvite", msisdn: A, member: B, minutes: 10, sms: 0, dataMb: 0 })],
        (t, s) => {
          const f = sub(t, A).family
          if (is(s, "FamilyInvite") && f?.role === "owner")
            for (let i = 0; i < 5; i++)
              f.members.push({ ...(f.members[0] as (typeof f.members)[number]), msisdn: `7999000010${i}` })
        },
      ),
    ).toBe("I4")
  })
  it("I5 checker catches a package below zero", async () => {
    expect(
      await violationOf(
        i5Packages,
        [...setup, cmd({ _tag: "Usage", msisdn: A, usage: { _tag: "call", to: "79031112233", seconds: 60 } })],
        (t, s) => {
          const p = sub(t, A).packages[0]
          if (is(s, "Usage") && p !== undefined) p.left = -1
        },
      ),
    ).toBe("I5")
  })
  it("I6 checker catches a code accepted while the LK login is locked", async () => {
    const wrong: Step = cmd({ _tag: "Login", msisdn: A, secret: "wrong", channel: "lk" })
    expect(
      await violationOf(
        i6Lockouts,
        [
          ...setup,
          cmd({ _tag: "RequestOtp", msisdn: A }),
          wrong,
          wrong,
          wrong,
          { t: "login-inbox", msisdn: A, channel: "lk" },
        ],
        (t, s) => {
          if (s.t === "login-inbox") sub(t, A).auth.lkLocked = false
        },
        true,
      ),
    ).toBe("I6")
  })
  it("I7 checker catches state that the log does not explain", async () => {
    expect(
      await violationOf(i7Replay, [...setup, { t: "advance", ms: 3_600_000 }], (t, s) => {
        if (s.t === "advance") sub(t, B).bonus += 1
      }),
    ).toBe("I7")
  })
  it("I9 checker catches a channel acting on a number it has not linked", async () => {
    expect(
      await violationOf(
        i9Access,
        [...setup, cmd({ _tag: "TopUp", msisdn: B, amount: 1000, method: "card", by: A })],
        (t, s) => {
          if (is(s, "TopUp")) sub(t, A).linked.push(B)
        },
        true,
      ),
    ).toBe("I9")
  })
})

describe("QA toolkit: failure report and scenario export", () => {
  const dir = mkdtempSync(join(tmpdir(), "qa-out-"))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it("a failing property prints seed and path and writes a scenario YAML that the scenario loader accepts (I1 fault)", async () => {
    process.env.QA_OUT = dir
    let message = ""
    try {
      await checkJourneys({
        name: "toolkit seeded I1 fault",
        runs: 30,
        mix: { usage: 2, money: 8, advance: 1, account: 0, family: 0, auth: 0, link: 0, travel: 1, network: 0 },
        executor: (t) =>
          faulty(t, (tw, s) => {
            if (s.t === "command" && s.command._tag === "TopUp") {
              const x = tw.twin.state.subscribers.get(s.command.msisdn)
              if (x !== undefined) x.balance += 1
            }
          }),
      })
    } catch (e) {
      message = e instanceof Error ? e.message : String(e)
    } finally {
      delete process.env.QA_OUT
    }
    expect(message).toMatch(/FAILED — seed \d+ \(base \d+\), path "[\d:]+/)
    expect(message).toContain("I1 violated")
    const files = readdirSync(dir).filter((f) => f.endsWith(".yaml"))
    expect(files.length).toBe(1)
    const text = readFileSync(join(dir, files[0] as string), "utf8")
    const loaded = loadScenarioText(files[0] as string, text)
    if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join("\n"))
    expect(loaded.scenario.steps.some((s) => s._tag === "web" && s.op === "topup")).toBe(true)
    expect(loaded.scenario.steps.some((s) => s._tag === "expect" && s.expect.balance !== undefined)).toBe(true)
  })

  it("a journey on the core executor passes every checker (no false alarms on a hand-built journey)", async () => {
    const t = openQaTwin(defaultQaCatalog(), "1")
    try {
      const run = new QaRun(coreExecutor(t.twin), t.start)
      for (const s of [
        ...setup,
        cmd({ _tag: "Travel", msisdn: A, to: "BR" }),
        cmd({ _tag: "Usage", msisdn: A, usage: { _tag: "call", to: "79031112233", seconds: 180 } }),
        { t: "advance", ms: 86_400_000 } as Step,
      ])
        await run.step(s)
      expect(run.outcomes.every((o) => o.ok)).toBe(true)
    } finally {
      t.registry.store.close()
    }
  })
})

describe("QA toolkit: generation", () => {
  const tagOf = (s: Step): string[] => {
    switch (s.t) {
      case "command":
        return [s.command._tag]
      case "login-inbox":
        return ["Login"]
      case "kiosk-inbox":
        return ["KioskLogin"]
      case "link-inbox":
        return ["LinkConfirm"]
      case "session":
        return [s.op === "resume" ? "ResumeSession" : "Logout"]
      case "transfer-edge":
        return ["Transfer"]
      default:
        return []
    }
  }
  const sample = fc.sample(stepArb({}, { known: KNOWN.slice(0, 5) }), { numRuns: 3000, seed: 20260601 }).flat()

  it("every command of the core is generated (I1–I9 journeys reach all 35 rules)", () => {
    const seen = new Set(sample.flatMap(tagOf))
    expect(Object.keys(RULES).filter((t) => !seen.has(t))).toEqual([])
  })
  it("steps aim at the journey's own numbers; a small controlled share at an unknown one", () => {
    const aimed = sample.filter((s) => JSON.stringify(s).includes("7999000000"))
    const unknown = aimed.filter((s) => JSON.stringify(s).includes(UNKNOWN)).length / aimed.length
    const outside = aimed.filter((s) =>
      ["79990000006", "79990000007"].some((m) => JSON.stringify(s).includes(m)),
    ).length
    expect(outside).toBe(0)
    expect(unknown).toBeGreaterThan(0.003)
    expect(unknown).toBeLessThan(0.1)
  })
  it("start dates include month ends, the year end and 29 February", () => {
    const days = new Set(
      fc
        .sample(startArb(), { numRuns: 300, seed: 1 })
        .map((t) => new Date(t + 3 * 3_600_000).toISOString().slice(5, 10)),
    )
    for (const d of ["01-31", "04-30", "02-28", "12-31", "02-29"]) expect(days.has(d), d).toBe(true)
  })
})
