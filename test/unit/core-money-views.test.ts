// The core's money views that channels and the console render instead of computing: the ledger
// statement with its running balance (I1), the balance view with the credit debt (R8) and the
// balance a tariff change leaves (R6).
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { HOUR } from "../../core/domain/time.ts"
import {
  accountView,
  balanceView,
  ledgerOf,
  ledgerView,
  tariffChangeView,
  tariffsView,
} from "../../core/engine/views.ts"
import { addSub, newTwin, rub, run, T0 } from "../helpers/twin.ts"

const A = "79160000002"
const B = "79160000003"

describe("ledger view", () => {
  it("I1: opening balance plus the entries so far gives each line's balance; the last is the balance now", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(300))
    addSub(t, B)
    t.advanceBy(HOUR)
    run(t, { _tag: "TopUp", msisdn: A, amount: rub(500), method: "card" })
    run(t, { _tag: "Transfer", msisdn: A, to: B, amount: rub(100) })
    run(t, { _tag: "Usage", msisdn: A, usage: { _tag: "call", to: "79031112233", seconds: 600, direction: "out" } })
    const v = Result.getOrThrow(ledgerView(t, A))
    const entries = ledgerOf(t, A)
    const balanceNow = Result.getOrThrow(accountView(t, A)).balance
    expect(v.lines.map((l) => l.seq)).toEqual(entries.map((e) => e.seq))
    expect(v.opening + entries.reduce((a, e) => a + e.amount, 0)).toBe(balanceNow)
    let running = v.opening
    for (const l of v.lines) {
      running += l.amount
      expect(l.balance).toBe(running)
    }
    expect(v.balance).toBe(balanceNow)
    expect(v.lines.at(-1)?.balance).toBe(balanceNow)
    expect(v.openedAt).toBe(T0)
  })

  it("I1: an account with no money movement opens and stays at its balance", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(42))
    const v = Result.getOrThrow(ledgerView(t, A))
    expect(v).toEqual({ msisdn: A, openedAt: T0, opening: rub(42), lines: [], balance: rub(42) })
  })

  it("I9: another login may not read the ledger of a number not linked to it", () => {
    const t = newTwin()
    addSub(t, A)
    addSub(t, B)
    const r = ledgerView(t, A, B)
    expect(Result.isFailure(r) && r.failure.code).toBe("NOT_AUTHORIZED")
  })
})

describe("balance view", () => {
  it("R8: the balance view's debt and figures are the account view's, on credit and on prepaid", () => {
    const t = newTwin()
    addSub(t, A, "super", 0, { payment: "credit", creditLimit: rub(100) })
    addSub(t, B, "super", rub(10))
    run(t, { _tag: "Usage", msisdn: A, usage: { _tag: "call", to: "79031112233", seconds: 40 * 60, direction: "out" } })
    for (const m of [A, B]) {
      const b = Result.getOrThrow(balanceView(t, m))
      const a = Result.getOrThrow(accountView(t, m))
      expect(b).toEqual({
        msisdn: a.msisdn,
        asOf: a.asOf,
        balance: a.balance,
        available: a.available,
        negative: a.negative,
        payment: a.payment,
        debt: a.debt,
        creditLimit: a.creditLimit,
        status: a.status,
        promised: a.promised,
        autopay: a.autopay,
      })
    }
    expect(Result.getOrThrow(balanceView(t, A)).debt).toBe(rub(80))
    expect(Result.getOrThrow(balanceView(t, B)).debt).toBe(0)
  })
})

describe("tariff change view", () => {
  it("R6: the confirmation's balance after is the balance now minus the quote's total; unknown tariff is null", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(2000))
    const quote = tariffsView(t, A).find((x) => x.tariff === "super")
    const v = Result.getOrThrow(tariffChangeView(t, A, "super"))
    expect(v?.quote).toEqual(quote)
    expect(v?.balanceAfter).toBe(rub(2000) - (quote?.total ?? 0))
    expect(Result.getOrThrow(tariffChangeView(t, A, "no-such-tariff"))).toBeNull()
  })
})
