// Money in and out decided by core/rules/payments.ts: top-ups and cards (R9), the promised payment
// (R10), autopay (R11), transfers (R12), provider payments, bonus exchange (R13) and the charge
// notifications switch (R16). Exact amounts, boundaries, error codes and events, each test a few
// milliseconds (the mutation suite runs them for every mutant).
import { describe, expect, it } from "vitest"
import type { Event } from "../../core/domain/events.ts"
import { DAY, fromMsk } from "../../core/domain/time.ts"
import { ledgerOf } from "../../core/engine/views.ts"
import { nextMonthlyDay } from "../../core/rules/payments.ts"
import { addSub, fails, newTwin, rub, run, sub, T0, unchanged } from "../helpers/twin.ts"

const A = "79160000201"
const B = "79160000202"

const money = (events: readonly Event[]) =>
  events.flatMap((e) => (e.type === "Money" ? [[e.msisdn, e.reason, e.amount, e.ref]] : []))
const sms = (events: readonly Event[]) => events.filter((e) => e.type === "SmsDelivered").map((e) => e.msisdn)

describe("R9 top-up", () => {
  it("R9: the top-up credits its amount with the method as ref and returns the new balance", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(10))
    const r = run(t, { _tag: "TopUp", msisdn: A, amount: rub(15000), method: "bank" })
    expect(money(r.events)).toEqual([[A, "topup", rub(15000), "bank"]])
    expect(sms(r.events)).toEqual([A])
    expect(r.value).toEqual({ balance: rub(15010) })
  })
  it("R9: 1 ₽ is the smallest top-up and 15 000 ₽ the largest; outside is INVALID_FIELD amount", () => {
    const t = newTwin()
    addSub(t, A, "smart", 0)
    run(t, { _tag: "TopUp", msisdn: A, amount: rub(1), method: "card" })
    for (const amount of [rub(1) - 1, rub(15000) + 1, 0, -rub(5), 1.5]) {
      unchanged(t, () => {
        const e = fails(t, { _tag: "TopUp", msisdn: A, amount, method: "card" })
        expect([e.code, e.field]).toEqual(["INVALID_FIELD", "amount"])
      })
    }
    expect(sub(t, A).balance).toBe(rub(1))
  })
  it("R9, I9: a top-up of an unknown number or by an unlinked number is refused", () => {
    const t = newTwin()
    addSub(t, A, "smart", 0)
    addSub(t, B, "smart", 0)
    expect(fails(t, { _tag: "TopUp", msisdn: "79169999999", amount: rub(5), method: "card" }).code).toBe(
      "UNKNOWN_SUBSCRIBER",
    )
    expect(fails(t, { _tag: "TopUp", msisdn: A, amount: rub(5), method: "card", by: B }).code).toBe("NOT_AUTHORIZED")
  })
})

describe("R9 payment cards", () => {
  it("R9: a card code is 12 to 16 digits, its amount within the top-up range, issued once", () => {
    const t = newTwin()
    expect(fails(t, { _tag: "IssuePaymentCard", code: "12345678901", amount: rub(100) }).field).toBe("code")
    expect(fails(t, { _tag: "IssuePaymentCard", code: "12345678901234567", amount: rub(100) }).field).toBe("code")
    expect(fails(t, { _tag: "IssuePaymentCard", code: "12345678901a", amount: rub(100) }).field).toBe("code")
    expect(fails(t, { _tag: "IssuePaymentCard", code: "123456789012", amount: 0 }).field).toBe("amount")
    expect(fails(t, { _tag: "IssuePaymentCard", code: "123456789012", amount: rub(15001) }).field).toBe("amount")
    run(t, { _tag: "IssuePaymentCard", code: "1234567890123456", amount: rub(15000) })
    const r = run(t, { _tag: "IssuePaymentCard", code: "123456789012", amount: rub(1) })
    expect(r.events.find((e) => e.type === "PaymentCardIssued")).toMatchObject({ amount: rub(1) })
    const again = fails(t, { _tag: "IssuePaymentCard", code: "123456789012", amount: rub(5) })
    expect([again.code, again.field]).toEqual(["INVALID_FIELD", "code"])
  })
  it("R9: only the operator issues cards", () => {
    const t = newTwin()
    addSub(t, A, "smart", 0)
    expect(fails(t, { _tag: "IssuePaymentCard", code: "123456789012", amount: rub(5), by: A }).code).toBe(
      "NOT_AUTHORIZED",
    )
  })
  it("R9: activation credits the card's amount once, with spaces in the code ignored", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(20))
    addSub(t, B, "smart", 0)
    run(t, { _tag: "IssuePaymentCard", code: "111122223333", amount: rub(250) })
    expect(fails(t, { _tag: "ActivatePaymentCard", msisdn: A, code: "111122223334" }).code).toBe("PAYMENT_CARD_INVALID")
    const r = run(t, {
      _tag: "ActivatePaymentCard",
      msisdn: A,
      code: "1111 2222 3333",
    })
    expect(r.value).toEqual({ amount: rub(250), balance: rub(270) })
    expect(money(r.events)).toEqual([[A, "payment-card", rub(250), "payment-card"]])
    expect(r.events.find((e) => e.type === "PaymentCardUsed")).toMatchObject({ msisdn: A })
    expect(sms(r.events)).toEqual([A])
    unchanged(t, () =>
      expect(fails(t, { _tag: "ActivatePaymentCard", msisdn: B, code: "111122223333" }).code).toBe(
        "PAYMENT_CARD_INVALID",
      ),
    )
  })
})

describe("R10 promised payment", () => {
  const limitFor = (avg: number): number => {
    const t = newTwin()
    addSub(t, A, "smart", 0, { avgMonthlySpend: avg })
    return run(t, { _tag: "PromisedPayment", msisdn: A }).value.limit
  }
  it("R10: the limit steps up at exactly each average-spend tier", () => {
    expect(limitFor(0)).toBe(rub(200))
    expect(limitFor(rub(300) - 1)).toBe(rub(200))
    expect(limitFor(rub(300))).toBe(rub(500))
    expect(limitFor(rub(500))).toBe(rub(800))
    expect(limitFor(rub(1000) - 1)).toBe(rub(800))
    expect(limitFor(rub(1000))).toBe(rub(1500))
    expect(limitFor(rub(3000))).toBe(rub(3000))
  })
  const feeFor = (amount: number): number => {
    const t = newTwin()
    addSub(t, A, "smart", 0, { avgMonthlySpend: rub(3000) })
    const r = run(t, { _tag: "PromisedPayment", msisdn: A, amount })
    const fee = r.value.fee
    expect(money(r.events)).toEqual(
      fee > 0
        ? [
            [A, "promised-payment", amount, "promised"],
            [A, "fee-promised-payment", -fee, "promised"],
          ]
        : [[A, "promised-payment", amount, "promised"]],
    )
    expect(sub(t, A).balance).toBe(amount - fee)
    return fee
  }
  it("R10: the fee tiers apply up to and including each bound", () => {
    expect(feeFor(rub(1))).toBe(0)
    expect(feeFor(rub(30))).toBe(0)
    expect(feeFor(rub(30) + 1)).toBe(rub(7))
    expect(feeFor(rub(99))).toBe(rub(7))
    expect(feeFor(rub(100))).toBe(rub(10))
    expect(feeFor(rub(199))).toBe(rub(10))
    expect(feeFor(rub(200))).toBe(rub(25))
    expect(feeFor(rub(499))).toBe(rub(25))
    expect(feeFor(rub(500))).toBe(rub(50))
    expect(feeFor(rub(3000))).toBe(rub(50))
  })
  it("R10: the amount runs from 1 ₽ to the limit; outside is PROMISED_PAYMENT_LIMIT amount", () => {
    const t = newTwin()
    addSub(t, A, "smart", 0, { avgMonthlySpend: 0 })
    for (const amount of [rub(1) - 1, rub(200) + 1, 0, 10.5]) {
      const e = fails(t, { _tag: "PromisedPayment", msisdn: A, amount })
      expect([e.code, e.field]).toEqual(["PROMISED_PAYMENT_LIMIT", "amount"])
    }
    const r = run(t, { _tag: "PromisedPayment", msisdn: A, amount: rub(200) })
    expect(r.value.amount).toBe(rub(200))
    expect(r.value.dueAt).toBe(T0 + 3 * DAY)
    expect(r.events.find((e) => e.type === "PromisedOpened")).toMatchObject({
      msisdn: A,
      amount: rub(200),
      fee: rub(25),
      dueAt: T0 + 3 * DAY,
    })
    expect(sms(r.events)).toEqual([A])
  })
  it("R10: without an amount the whole limit is given", () => {
    const t = newTwin()
    addSub(t, A, "smart", 0, { avgMonthlySpend: rub(500) })
    const r = run(t, { _tag: "PromisedPayment", msisdn: A })
    expect(r.value).toMatchObject({ amount: rub(800), fee: rub(50) })
  })
  it("R10: credit numbers and voluntarily blocked numbers get none; a second is PROMISED_PAYMENT_OPEN", () => {
    const t = newTwin()
    addSub(t, A, "smart", 0, { payment: "credit", creditLimit: rub(100) })
    const credit = fails(t, { _tag: "PromisedPayment", msisdn: A, amount: rub(10) })
    expect([credit.code, credit.field]).toEqual(["PROMISED_PAYMENT_LIMIT", "msisdn"])
    addSub(t, B, "smart", 0)
    run(t, { _tag: "Block", msisdn: B })
    expect(fails(t, { _tag: "PromisedPayment", msisdn: B, amount: rub(10) }).code).toBe("BLOCKED")
    run(t, { _tag: "Unblock", msisdn: B })
    run(t, { _tag: "PromisedPayment", msisdn: B, amount: rub(10) })
    const open = fails(t, { _tag: "PromisedPayment", msisdn: B, amount: rub(10) })
    expect([open.code, open.field]).toEqual(["PROMISED_PAYMENT_OPEN", "msisdn"])
  })
  it("R10: a number below zero (balance block) may still take a promised payment", () => {
    const t = newTwin()
    addSub(t, A, "smart", -rub(50))
    run(t, { _tag: "PromisedPayment", msisdn: A, amount: rub(100) })
    expect(sub(t, A).balance).toBe(-rub(50) + rub(100) - rub(10))
  })
  it("R10: repaid exactly when due, not a moment before", () => {
    const t = newTwin()
    addSub(t, A, "smart", 0)
    run(t, { _tag: "PromisedPayment", msisdn: A, amount: rub(50) })
    t.advanceBy(3 * DAY - 1)
    expect(sub(t, A).promised).not.toBeNull()
    t.advanceBy(1)
    expect(sub(t, A).promised).toBeNull()
    expect(ledgerOf(t, A).map((e) => [e.reason, e.amount])).toEqual([
      ["promised-payment", rub(50)],
      ["fee-promised-payment", -rub(7)],
      ["promised-repayment", -rub(50)],
    ])
  })
})

describe("R11 autopay", () => {
  it("R11: next monthly day is strictly after now, across the year end", () => {
    const t = fromMsk(2026, 6, 5, 10)
    expect(nextMonthlyDay(t, 6)).toBe(fromMsk(2026, 6, 6))
    expect(nextMonthlyDay(t, 5)).toBe(fromMsk(2026, 7, 5))
    expect(nextMonthlyDay(fromMsk(2026, 6, 5), 5)).toBe(fromMsk(2026, 7, 5))
    expect(nextMonthlyDay(fromMsk(2026, 12, 20), 3)).toBe(fromMsk(2027, 1, 3))
    expect(nextMonthlyDay(fromMsk(2026, 11, 20), 3)).toBe(fromMsk(2026, 12, 3))
  })
  it("R11: by date needs a day 1..28 and a top-up amount; the plan records the next date", () => {
    const t = newTwin()
    addSub(t, A, "smart", 0)
    for (const day of [0, 29, undefined, 2.5])
      expect(fails(t, { _tag: "SetAutopay", msisdn: A, mode: "date", day, amount: rub(100) }).field).toBe("day")
    expect(fails(t, { _tag: "SetAutopay", msisdn: A, mode: "date", day: 5, amount: 0 }).field).toBe("amount")
    run(t, { _tag: "SetAutopay", msisdn: A, mode: "date", day: 1, amount: rub(100) })
    const r = run(t, { _tag: "SetAutopay", msisdn: A, mode: "date", day: 28, amount: rub(100) })
    expect(r.events.find((e) => e.type === "AutopaySet")).toMatchObject({
      autopay: { mode: "date", day: 28, amount: rub(100), nextAt: fromMsk(2026, 6, 28) },
    })
  })
  it("R11: by threshold needs a threshold 0..15 000 ₽", () => {
    const t = newTwin()
    addSub(t, A, "smart", 0)
    for (const threshold of [-1, rub(15000) + 1, undefined, 0.5])
      expect(fails(t, { _tag: "SetAutopay", msisdn: A, mode: "threshold", threshold, amount: rub(100) }).field).toBe(
        "threshold",
      )
    run(t, { _tag: "SetAutopay", msisdn: A, mode: "threshold", threshold: rub(15000), amount: rub(100) })
    const r = run(t, { _tag: "SetAutopay", msisdn: A, mode: "threshold", threshold: 0, amount: rub(300) })
    expect(r.events.find((e) => e.type === "AutopaySet")).toMatchObject({
      autopay: { mode: "threshold", threshold: 0, amount: rub(300) },
    })
  })
  it("R11: cancelling records a change only when a plan exists", () => {
    const t = newTwin()
    addSub(t, A, "smart", 0)
    expect(run(t, { _tag: "CancelAutopay", msisdn: A }).events).toEqual([])
    run(t, { _tag: "SetAutopay", msisdn: A, mode: "threshold", threshold: rub(10), amount: rub(100) })
    const r = run(t, { _tag: "CancelAutopay", msisdn: A })
    expect(r.events.map((e) => e.type)).toEqual(["AutopaySet"])
    expect(sub(t, A).autopay).toBeNull()
  })
  it("R11: by date tops up on its day with the plan's amount", () => {
    const t = newTwin()
    addSub(t, A, "smart", 0)
    run(t, { _tag: "SetAutopay", msisdn: A, mode: "date", day: 3, amount: rub(120) })
    t.advanceTo(fromMsk(2026, 6, 3) - 1)
    expect(sub(t, A).balance).toBe(0)
    t.advanceTo(fromMsk(2026, 6, 3))
    expect(sub(t, A).balance).toBe(rub(120))
    expect(sub(t, A).autopay).toMatchObject({ nextAt: fromMsk(2026, 7, 3) })
  })
})

describe("R12 transfers", () => {
  it("R12: the sender pays amount and 10 ₽ fee, the receiver gets the amount, both get an SMS", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(110))
    addSub(t, B, "smart", 0)
    const r = run(t, { _tag: "Transfer", msisdn: A, to: B, amount: rub(100) })
    expect(money(r.events)).toEqual([
      [A, "transfer-out", -rub(100), B],
      [A, "fee-transfer", -rub(10), B],
      [B, "transfer-in", rub(100), A],
    ])
    expect(sms(r.events)).toEqual([A, B])
    expect(r.value).toEqual({ amount: rub(100), fee: rub(10) })
    expect([sub(t, A).balance, sub(t, B).balance]).toEqual([0, rub(100)])
  })
  it("R12: one kopeck short of amount plus fee is INSUFFICIENT_FUNDS", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(110) - 1)
    addSub(t, B, "smart", 0)
    unchanged(t, () => {
      const e = fails(t, { _tag: "Transfer", msisdn: A, to: B, amount: rub(100) })
      expect([e.code, e.field]).toEqual(["INSUFFICIENT_FUNDS", "amount"])
    })
  })
  it("R12: a credit limit does not fund a transfer", () => {
    const t = newTwin()
    addSub(t, A, "smart", 0, { payment: "credit", creditLimit: rub(1000) })
    addSub(t, B, "smart", 0)
    expect(fails(t, { _tag: "Transfer", msisdn: A, to: B, amount: rub(1) }).code).toBe("INSUFFICIENT_FUNDS")
  })
  it("R12: amounts 1..5000 ₽, not to oneself, not while blocked, only by the number itself", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(9000))
    addSub(t, B, "smart", 0)
    for (const amount of [rub(1) - 1, rub(5000) + 1, 0.5])
      expect(fails(t, { _tag: "Transfer", msisdn: A, to: B, amount }).field).toBe("amount")
    run(t, { _tag: "Transfer", msisdn: A, to: B, amount: rub(1) })
    run(t, { _tag: "Transfer", msisdn: A, to: B, amount: rub(5000) })
    const self = fails(t, { _tag: "Transfer", msisdn: A, to: A, amount: rub(5) })
    expect([self.code, self.field]).toEqual(["INVALID_FIELD", "to"])
    const unknown = fails(t, { _tag: "Transfer", msisdn: A, to: "79169999999", amount: rub(5) })
    expect([unknown.code, unknown.field]).toEqual(["UNKNOWN_SUBSCRIBER", "to"])
    expect(fails(t, { _tag: "Transfer", msisdn: A, to: B, amount: rub(5), by: B }).code).toBe("NOT_AUTHORIZED")
    run(t, { _tag: "Block", msisdn: A })
    expect(fails(t, { _tag: "Transfer", msisdn: A, to: B, amount: rub(5) }).code).toBe("BLOCKED")
  })
})

describe("R12 provider payments", () => {
  it("R12: a phone payment takes amount and its commission with provider and account as ref", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(110))
    const r = run(t, {
      _tag: "PayProvider",
      msisdn: A,
      provider: "mobile",
      account: "+7 (916) 123-45-67",
      amount: rub(100),
    })
    expect(money(r.events)).toEqual([
      [A, "payment-other", -rub(100), "mobile:79161234567"],
      [A, "fee-transfer", -rub(10), "mobile:79161234567"],
    ])
    expect(r.value).toEqual({ amount: rub(100), fee: rub(10), provider: "Мобильный телефон" })
    expect(sms(r.events)).toEqual([A])
    expect(sub(t, A).balance).toBe(0)
  })
  it("R12: a contract payment has no commission", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(10))
    const r = run(t, { _tag: "PayProvider", msisdn: A, provider: "utilities", account: "AB12", amount: rub(10) })
    expect(money(r.events)).toEqual([[A, "payment-other", -rub(10), "utilities:AB12"]])
  })
  it("R12: provider, account, amount range, funds and block are each checked", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(20000))
    const pay = (provider: string, account: string, amount: number) =>
      fails(t, { _tag: "PayProvider", msisdn: A, provider, account, amount })
    expect(pay("nope", "AB12", rub(10)).field).toBe("provider")
    expect(pay("utilities", "AB1", rub(10)).field).toBe("account")
    expect(pay("utilities", "A".repeat(21), rub(10)).field).toBe("account")
    expect(pay("mobile", "7916123456", rub(10)).field).toBe("account")
    expect(pay("mobile", "69161234567", rub(10)).field).toBe("account")
    expect(pay("utilities", "AB12", rub(10) - 1).field).toBe("amount")
    expect(pay("utilities", "AB12", rub(15000) + 1).field).toBe("amount")
    run(t, { _tag: "PayProvider", msisdn: A, provider: "utilities", account: "A".repeat(20), amount: rub(15000) })
    run(t, { _tag: "PayProvider", msisdn: A, provider: "mobile", account: "89161234567", amount: rub(10) })
    expect(sub(t, A).balance).toBe(rub(20000) - rub(15000) - rub(20))
    const short = pay("mobile", "89161234567", sub(t, A).balance - rub(10) + 1)
    expect([short.code, short.field]).toEqual(["INSUFFICIENT_FUNDS", "amount"])
    run(t, { _tag: "PayProvider", msisdn: A, provider: "mobile", account: "89161234567", amount: rub(4970) })
    expect(sub(t, A).balance).toBe(0)
    run(t, { _tag: "TopUp", msisdn: A, amount: rub(100), method: "card" })
    run(t, { _tag: "Block", msisdn: A })
    expect(pay("utilities", "AB12", rub(10)).code).toBe("BLOCKED")
  })
})

describe("R13 bonus exchange", () => {
  it("R13: points buy a package that holds the offer's amount (data in KB) for its days", () => {
    const t = newTwin()
    addSub(t, A, "smart", 0, { bonus: 150 })
    const r = run(t, { _tag: "ExchangeBonus", msisdn: A, offer: "bonus-1gb" })
    expect(r.value).toEqual({ points: 150, left: 0 })
    expect(r.events.find((e) => e.type === "BonusSpent")).toMatchObject({ points: 150, offer: "bonus-1gb" })
    expect(r.events.find((e) => e.type === "PackageAdded")).toMatchObject({
      pkg: { source: "bonus", kind: "data", total: 1024 * 1024, left: 1024 * 1024, expiresAt: T0 + 30 * DAY },
    })
    expect(sms(r.events)).toEqual([A])
    expect(sub(t, A).bonus).toBe(0)
  })
  it("R13: minutes are counted as they are; one point short is BONUS_INSUFFICIENT; unknown offer UNKNOWN_OFFER", () => {
    const t = newTwin()
    addSub(t, A, "smart", 0, { bonus: 199 })
    expect(fails(t, { _tag: "ExchangeBonus", msisdn: A, offer: "bonus-100min" }).code).toBe("BONUS_INSUFFICIENT")
    expect(fails(t, { _tag: "ExchangeBonus", msisdn: A, offer: "nope" }).code).toBe("UNKNOWN_OFFER")
    const r = run(t, { _tag: "ExchangeBonus", msisdn: A, offer: "bonus-50sms" })
    expect(r.events.find((e) => e.type === "PackageAdded")).toMatchObject({ pkg: { kind: "sms", total: 50 } })
    expect(sub(t, A).bonus).toBe(119)
  })
})

describe("R16 notifications", () => {
  it("R16: a change is recorded, the same settings record nothing, absent keeps the other", () => {
    const t = newTwin()
    addSub(t, A, "smart", 0)
    const s0 = { notifyCharges: sub(t, A).notifyCharges, notifyLogins: sub(t, A).notifyLogins }
    const same = run(t, { _tag: "SetNotifications", msisdn: A, charges: s0.notifyCharges })
    expect(same.events).toEqual([])
    const r = run(t, { _tag: "SetNotifications", msisdn: A, charges: !s0.notifyCharges })
    expect(r.events.find((e) => e.type === "NotificationsSet")).toMatchObject({
      charges: !s0.notifyCharges,
      logins: s0.notifyLogins,
    })
    const l = run(t, { _tag: "SetNotifications", msisdn: A, logins: !s0.notifyLogins })
    expect(l.events.find((e) => e.type === "NotificationsSet")).toMatchObject({
      charges: !s0.notifyCharges,
      logins: !s0.notifyLogins,
    })
    addSub(t, B, "smart", 0)
    expect(fails(t, { _tag: "SetNotifications", msisdn: A, charges: true, by: B }).code).toBe("NOT_AUTHORIZED")
  })
})

describe("R9, R12, R13 what the subscriber is told and the account checks", () => {
  const texts = (events: readonly Event[]) => events.flatMap((e) => (e.type === "SmsDelivered" ? [e.text] : []))
  it("R9: the card SMS names its amount and the balance after it", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(15))
    run(t, { _tag: "IssuePaymentCard", code: "123412341234", amount: rub(300) })
    const r = run(t, { _tag: "ActivatePaymentCard", msisdn: A, code: "1234 1234 1234" })
    expect(r.value).toEqual({ amount: rub(300), balance: rub(315) })
    expect(texts(r.events)).toEqual(["Баланс пополнен на 300,00 руб. Баланс: 315,00 руб."])
  })
  it("R12: the sender and the receiver are each told the amount and the other number", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(100))
    addSub(t, B, "smart", rub(100))
    const r = run(t, { _tag: "Transfer", msisdn: A, to: B, amount: rub(50) })
    expect(r.events.flatMap((e) => (e.type === "SmsDelivered" ? [[e.msisdn, e.text]] : []))).toEqual([
      [A, "Перевод 50,00 руб. на номер +7 916 000-02-02 выполнен."],
      [B, "Вам поступил перевод 50,00 руб. с номера +7 916 000-02-01."],
    ])
  })
  it("R12: the account is cleaned of spaces, brackets, «+» and «-»; only the whole of it must match", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(1000))
    const pay = (provider: string, account: string) =>
      t.execute({ _tag: "PayProvider", msisdn: A, provider, account, amount: rub(10) })
    const refused = (provider: string, account: string) => {
      const r = pay(provider, account)
      if (r._tag === "Success") throw new Error(`account ${account} was accepted`)
      return [r.failure.code, r.failure.field, r.failure.ru]
    }
    unchanged(t, () => {
      expect(refused("mobile", "179161234567")).toEqual([
        "INVALID_FIELD",
        "account",
        "Введите номер телефона получателя",
      ])
      expect(refused("mobile", "791612345678")[1]).toBe("account")
      expect(refused("utilities", "AB12.")).toEqual([
        "INVALID_FIELD",
        "account",
        "Введите номер договора или лицевого счета",
      ])
      expect(refused("utilities", ".AB12")[1]).toBe("account")
    })
    const r = pay("mobile", "+7 (916) 123-45-67")
    if (r._tag === "Failure") throw new Error(r.failure.message)
    expect(money(r.success.events)).toEqual([
      [A, "payment-other", -rub(10), "mobile:79161234567"],
      [A, "fee-transfer", -rub(10), "mobile:79161234567"],
    ])
    expect(r.success.value).toEqual({ amount: rub(10), fee: rub(10), provider: "Мобильный телефон" })
    const c = pay("tv-internet", " AB 12 ")
    if (c._tag === "Failure") throw new Error(c.failure.message)
    expect(money(c.success.events)).toEqual([[A, "payment-other", -rub(10), "tv-internet:AB12"]])
  })
  it("R13: the bonus package's id carries the event's sequence; the refusal names points needed and held", () => {
    const t = newTwin()
    addSub(t, A, "smart", 0, { bonus: 300 })
    const seq = t.state.seq
    const r = run(t, { _tag: "ExchangeBonus", msisdn: A, offer: "bonus-1gb" })
    expect(r.events.find((e) => e.type === "PackageAdded")).toMatchObject({
      pkg: { id: `bonus:bonus-1gb:${seq + 1}`, offer: "bonus-1gb", name: "1 ГБ за баллы" },
    })
    expect(texts(r.events)).toEqual(["Баллы обменяны: «1 ГБ за баллы», списано 150 баллов."])
    const e = fails(t, { _tag: "ExchangeBonus", msisdn: A, offer: "bonus-100min" })
    expect([e.code, e.field, e.ru]).toEqual([
      "BONUS_INSUFFICIENT",
      "offer",
      "Недостаточно баллов: нужно 200, у вас 150",
    ])
  })
})

describe("R12 the refusal names the positive balance", () => {
  it("R12: below zero the positive balance is 0; above, the balance itself", () => {
    const t = newTwin()
    addSub(t, A, "smart", -rub(5))
    addSub(t, B, "smart", rub(5))
    unchanged(t, () => {
      const e = fails(t, { _tag: "Transfer", msisdn: A, to: B, amount: rub(10) })
      expect([e.code, e.message]).toEqual([
        "INSUFFICIENT_FUNDS",
        "amount: 1000 + fee 1000 exceeds the positive balance 0",
      ])
      const p = fails(t, { _tag: "PayProvider", msisdn: B, provider: "utilities", account: "AB12", amount: rub(10) })
      expect([p.code, p.message]).toEqual([
        "INSUFFICIENT_FUNDS",
        "amount: 1000 + fee 0 exceeds the positive balance 500",
      ])
    })
  })
})
