// I9 over every subscriber command of core/rules/: the preamble of each rule (context.ts
// actingOn/authorize). An unknown number is UNKNOWN_SUBSCRIBER on msisdn; a stranger is
// NOT_AUTHORIZED on msisdn; a login that has the number linked (R20) may act where the rule's
// policy is "linked", never where it is "self". A refusal changes nothing.
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import type { Command } from "../../core/domain/commands.ts"
import { addSub, newTwin, rub, run, unchanged } from "../helpers/twin.ts"

const A = "79160000501"
const L = "79160000502" // has A linked
const S = "79160000503" // a stranger
const B = "79160000504"
const X = "79169999999" // unknown

/** One valid-looking command per rule, acting on `msisdn`, sent by `by`. */
const commands = (msisdn: string, by: string): Command[] => [
  { _tag: "TopUp", msisdn, amount: rub(100), method: "card", by },
  { _tag: "ActivatePaymentCard", msisdn, code: "123412341234", by },
  { _tag: "PromisedPayment", msisdn, amount: rub(50), by },
  { _tag: "SetAutopay", msisdn, mode: "threshold", amount: rub(300), threshold: rub(100), by },
  { _tag: "CancelAutopay", msisdn, by },
  { _tag: "Transfer", msisdn, to: B, amount: rub(10), by },
  { _tag: "PayProvider", msisdn, provider: "mgts", account: "1234567", amount: rub(100), by },
  { _tag: "ExchangeBonus", msisdn, offer: "bonus-1gb", by },
  { _tag: "SetNotifications", msisdn, charges: true, by },
  { _tag: "ChangeTariff", msisdn, tariff: "my-mts", by },
  { _tag: "ConfigureConstructor", msisdn, minutes: 300, dataGb: 10, by },
  { _tag: "ConnectService", msisdn, service: "goodok", by },
  { _tag: "DisconnectService", msisdn, service: "goodok", by },
  { _tag: "BuyPackage", msisdn, offer: "internet-mini", by },
  { _tag: "Block", msisdn, by },
  { _tag: "Unblock", msisdn, by },
  { _tag: "FamilyInvite", msisdn, member: B, minutes: 10, sms: 10, dataMb: 10, by },
  { _tag: "FamilyReply", msisdn, accept: true, by },
  { _tag: "FamilyRemove", msisdn, member: B, by },
  { _tag: "LinkRequest", msisdn, target: B, by },
  { _tag: "LinkConfirm", msisdn, target: B, code: "1234", by },
  { _tag: "Unlink", msisdn, target: B, by },
  { _tag: "RequestOtp", msisdn, by },
  { _tag: "SetPassword", msisdn, password: "Moscow2026", current: "x", confirm: "Moscow2026", by },
  { _tag: "RequestKioskCode", msisdn, by },
]
/** The rules whose policy is "self": only the number itself, a linked login neither. */
const SELF = new Set([
  "Transfer",
  "SetNotifications",
  "FamilyInvite",
  "FamilyReply",
  "FamilyRemove",
  "LinkRequest",
  "LinkConfirm",
  "Unlink",
  "RequestOtp",
  "SetPassword",
  "RequestKioskCode",
])

const twin = () => {
  const t = newTwin()
  addSub(t, A, "my-mts", rub(2000), { bonus: 1000 })
  addSub(t, L, "smart", rub(100))
  addSub(t, S, "smart", rub(100))
  addSub(t, B, "smart", rub(100))
  run(t, { _tag: "SetupLink", msisdn: L, target: A })
  return t
}
const refusal = (r: ReturnType<ReturnType<typeof newTwin>["execute"]>): [string, string | undefined] | "done" =>
  Result.isFailure(r) ? [r.failure.code, r.failure.field] : "done"

describe("I9 who may act on a number, for every rule", () => {
  it("I9: an unknown number is UNKNOWN_SUBSCRIBER on msisdn for every command; nothing changes", () => {
    const t = twin()
    for (const c of commands(X, X))
      unchanged(t, () => expect([c._tag, refusal(t.execute(c))]).toEqual([c._tag, ["UNKNOWN_SUBSCRIBER", "msisdn"]]))
  })
  it("I9: a stranger is NOT_AUTHORIZED on msisdn for every command; nothing changes", () => {
    const t = twin()
    for (const c of commands(A, S))
      unchanged(t, () => expect([c._tag, refusal(t.execute(c))]).toEqual([c._tag, ["NOT_AUTHORIZED", "msisdn"]]))
  })
  it("I9, R20: a linked login passes the «linked» rules and is NOT_AUTHORIZED by the «self» ones", () => {
    for (const c of commands(A, L)) {
      const t = twin()
      const r = refusal(t.execute(c))
      if (SELF.has(c._tag)) expect([c._tag, r]).toEqual([c._tag, ["NOT_AUTHORIZED", "msisdn"]])
      else expect([c._tag, r === "done" ? r : r[0]]).not.toEqual([c._tag, "NOT_AUTHORIZED"])
    }
  })
  it("I9: the refusal says why: not the same number, and for «linked» rules not linked either", () => {
    const t = twin()
    const linkedRule = t.execute({ _tag: "TopUp", msisdn: A, amount: rub(100), method: "card", by: S })
    const selfRule = t.execute({ _tag: "Transfer", msisdn: A, to: B, amount: rub(10), by: L })
    if (Result.isSuccess(linkedRule) || Result.isSuccess(selfRule)) throw new Error("a stranger acted on A")
    expect(linkedRule.failure.message).toBe(`by: ${S} may not act on ${A} (not the same number and not linked)`)
    expect(selfRule.failure.message).toBe(`by: ${L} may not act on ${A} (not the same number)`)
    expect(selfRule.failure.ru).toBe("Нет доступа к этому номеру")
  })
  it("I9: the operator (no by) passes every preamble", () => {
    for (const c of commands(A, A)) {
      const { by: _by, ...operator } = c
      const t = twin()
      const r = refusal(t.execute(operator as Command))
      expect([c._tag, r === "done" ? r : r[0]]).not.toEqual([c._tag, "NOT_AUTHORIZED"])
    }
  })
  it("I9: the number itself passes every preamble", () => {
    for (const c of commands(A, A)) {
      const t = twin()
      const r = refusal(t.execute(c))
      expect([c._tag, r === "done" ? r : r[0]]).not.toEqual([c._tag, "NOT_AUTHORIZED"])
      expect([c._tag, r === "done" ? r : r[0]]).not.toEqual([c._tag, "UNKNOWN_SUBSCRIBER"])
    }
  })
})
