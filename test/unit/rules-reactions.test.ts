// What follows automatically from committed events (core/rules/reactions.ts): autopay by
// threshold (R11), an SMS on every charge when asked for (R16), naming the balance that charge
// left, and the renewal skipped under the balance block made once a credit lifts it (R15).
// Exact amounts in kopecks, texts and event order.
import { describe, expect, it } from "vitest"
import type { Draft } from "../../core/domain/events.ts"
import type { TwinCore } from "../../core/engine/twin-core.ts"
import { addSub, inbox, newTwin, rub, run, sub } from "../helpers/twin.ts"

const A = "79160000601"
const B = "79160000602"
const NB = "\u00a0"

const money = (events: readonly Draft[]) =>
  events.flatMap((e) => (e.type === "Money" ? [[e.msisdn, e.reason, e.amount, e.ref]] : []))
const smsTexts = (events: readonly Draft[]) => events.flatMap((e) => (e.type === "SmsDelivered" ? [e.text] : []))
const buyMini = (t: TwinCore, msisdn = A) => run(t, { _tag: "BuyPackage", msisdn, offer: "internet-mini" })
const call = (t: TwinCore, seconds = 60) =>
  run(t, { _tag: "Usage", msisdn: A, usage: { _tag: "call", to: "79161112233", seconds } })

describe("R11 autopay by threshold", () => {
  const plan = (t: TwinCore, threshold: number, amount = rub(300)) =>
    run(t, { _tag: "SetAutopay", msisdn: A, mode: "threshold", amount, threshold })
  it("R11: a charge that takes the balance below the threshold tops up the plan's amount, with an SMS", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(250))
    plan(t, rub(100))
    const r = buyMini(t)
    expect(money(r.events)).toEqual([
      [A, "package-purchase", -rub(200), "internet-mini"],
      [A, "autopay", rub(300), "threshold"],
    ])
    expect(smsTexts(r.events)).toContain("Автоплатеж: счет пополнен на 300,00 руб.")
    expect(sub(t, A).balance).toBe(rub(350))
  })
  it("R11: a charge that leaves the balance exactly at the threshold tops up nothing", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(300))
    plan(t, rub(100))
    expect(money(buyMini(t).events)).toEqual([[A, "package-purchase", -rub(200), "internet-mini"]])
    expect(sub(t, A).balance).toBe(rub(100))
    // With the threshold one kopeck higher the same charge tops up.
    run(t, { _tag: "TopUp", msisdn: A, amount: rub(200), method: "card" })
    plan(t, rub(100) + 1)
    expect(money(buyMini(t).events)).toEqual([
      [A, "package-purchase", -rub(200), "internet-mini"],
      [A, "autopay", rub(300), "threshold"],
    ])
  })
  it("R11: a credit never triggers it, even one that leaves the balance below the threshold", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(10))
    plan(t, rub(100))
    const r = run(t, { _tag: "TopUp", msisdn: A, amount: rub(10), method: "card" })
    expect(money(r.events)).toEqual([[A, "topup", rub(10), "card"]])
    expect(sub(t, A).balance).toBe(rub(20))
  })
  it("R11: a plan by date does not top up on a low balance; another number's charge does not touch A", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(250))
    addSub(t, B, "smart", rub(250))
    run(t, { _tag: "SetAutopay", msisdn: A, mode: "date", amount: rub(300), day: 15 })
    expect(money(buyMini(t).events)).toEqual([[A, "package-purchase", -rub(200), "internet-mini"]])
    run(t, { _tag: "SetAutopay", msisdn: A, mode: "threshold", amount: rub(300), threshold: rub(100) })
    expect(money(buyMini(t, B).events)).toEqual([[B, "package-purchase", -rub(200), "internet-mini"]])
    expect(sub(t, A).balance).toBe(rub(50))
  })
})

describe("R16 charge notifications", () => {
  it("R16: each charge of a batch gets its SMS naming the balance that charge left, in order", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(1000), { services: ["own-circle"] })
    run(t, { _tag: "SetNotifications", msisdn: A, charges: true })
    t.advanceMonths(1)
    const texts = inbox(t, A).map((m) => m.text)
    expect(texts).toEqual([
      `Списание 650,00 руб.: абонентская плата "Смарт". Баланс: 350,00 руб.`,
      `Списание 30,00 руб.: абонентская плата "Свой круг". Баланс: 320,00 руб.`,
    ])
  })
  it("R16: a paid call names «звонки» and the balance after it; a credit sends no charge SMS", () => {
    const t = newTwin()
    addSub(t, A, "super", rub(100))
    run(t, { _tag: "SetNotifications", msisdn: A, charges: true })
    const r = call(t)
    const rated = r.events.find((e) => e.type === "UsageRated")
    if (rated?.type !== "UsageRated") throw new Error("the call was not rated")
    expect(rated.cost).toBe(rub(2))
    expect(smsTexts(r.events)).toEqual([`Списание 2,00 руб.: звонки. Баланс: 98,00 руб.`])
    expect(smsTexts(run(t, { _tag: "TopUp", msisdn: A, amount: rub(1000), method: "card" }).events)).toEqual([
      `Баланс пополнен на 1${NB}000,00 руб. Баланс: 1${NB}098,00 руб.`,
    ])
  })
  it("R16: a charge and the autopay it triggers: the charge SMS names the balance before the autopay", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(250))
    run(t, { _tag: "SetNotifications", msisdn: A, charges: true })
    run(t, { _tag: "SetAutopay", msisdn: A, mode: "threshold", amount: rub(300), threshold: rub(100) })
    const r = buyMini(t)
    expect(smsTexts(r.events)).toEqual([
      `Пакет «Интернет-Мини» подключен до 01.07.2026.`,
      `Списание 200,00 руб.: покупка пакета "Интернет-Мини". Баланс: 50,00 руб.`,
      "Автоплатеж: счет пополнен на 300,00 руб.",
    ])
  })
  it("R16: without notifications a charge sends no charge SMS", () => {
    const t = newTwin()
    addSub(t, A, "super", rub(100))
    expect(smsTexts(call(t).events)).toEqual([])
  })
})

describe("R15 renewal once a credit lifts the balance block", () => {
  it("R15: the autopay a charge triggers counts in lifting the block: the skipped renewal follows in that batch", () => {
    const t = newTwin()
    addSub(t, A, "smart", -rub(100))
    t.advanceMonths(1)
    expect(sub(t, A).renewalSkipped).toBe(true)
    run(t, { _tag: "SetAutopay", msisdn: A, mode: "threshold", amount: rub(1000), threshold: rub(100) })
    // The promised payment's 7 ₽ fee is a charge: -100 + 50 - 7 = -57 ₽ is below the threshold and
    // still blocked; only with the 1000 ₽ autopay does the balance lift the block.
    const r = run(t, { _tag: "PromisedPayment", msisdn: A, amount: rub(50) })
    expect(money(r.events)).toEqual([
      [A, "promised-payment", rub(50), "promised"],
      [A, "fee-promised-payment", -rub(7), "promised"],
      [A, "autopay", rub(1000), "threshold"],
      [A, "fee-monthly", -rub(650), "smart"],
    ])
    expect(sub(t, A).renewalSkipped).toBe(false)
    expect(sub(t, A).balance).toBe(rub(293))
  })
  it("R15: a credit that leaves the balance below zero renews nothing, though it is below the autopay threshold", () => {
    const t = newTwin()
    addSub(t, A, "smart", -rub(2))
    t.advanceMonths(1)
    run(t, { _tag: "SetAutopay", msisdn: A, mode: "threshold", amount: rub(1000), threshold: rub(100) })
    const r = run(t, { _tag: "TopUp", msisdn: A, amount: rub(1), method: "card" })
    expect(money(r.events)).toEqual([[A, "topup", rub(1), "card"]])
    expect(sub(t, A).renewalSkipped).toBe(true)
  })
  it("R15, R19: a credit while voluntarily blocked makes no renewal", () => {
    const t = newTwin()
    addSub(t, A, "smart", -rub(1))
    t.advanceMonths(1)
    run(t, { _tag: "Block", msisdn: A })
    const r = run(t, { _tag: "TopUp", msisdn: A, amount: rub(1000), method: "card" })
    expect(money(r.events)).toEqual([[A, "topup", rub(1000), "card"]])
    expect(sub(t, A).renewalSkipped).toBe(true)
  })
  it("R15: a credit that brings the balance to exactly 0 lifts the block and renews", () => {
    const t = newTwin()
    addSub(t, A, "super", -rub(1))
    t.advanceMonths(1)
    expect(sub(t, A).renewalSkipped).toBe(true)
    const r = run(t, { _tag: "TopUp", msisdn: A, amount: rub(1), method: "card" })
    expect(r.events.map((e) => e.type)).toContain("PeriodRenewed")
    expect(sub(t, A).renewalSkipped).toBe(false)
  })
})

describe("R11, R16, R15 what is not a charge", () => {
  it("R16, R11: a call the package covers costs 0: no charge SMS and no autopay, even below the threshold", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(50))
    run(t, { _tag: "SetNotifications", msisdn: A, charges: true })
    run(t, { _tag: "SetAutopay", msisdn: A, mode: "threshold", amount: rub(300), threshold: rub(100) })
    const r = call(t)
    expect(r.events.map((e) => e.type)).toEqual(["UsageRated"])
    expect(sub(t, A).balance).toBe(rub(50))
    // The first paid charge below the threshold tops up.
    const paid = run(t, { _tag: "Usage", msisdn: A, usage: { _tag: "sms", to: "+441234567890" } })
    expect(money(paid.events)).toEqual([[A, "autopay", rub(300), "threshold"]])
    expect(smsTexts(paid.events)).toEqual([
      "Списание 8,00 руб.: SMS. Баланс: 42,00 руб.",
      "Автоплатеж: счет пополнен на 300,00 руб.",
    ])
  })
  it("R15, R2: a credit to a «МЫ МТС» member with a skipped renewal renews nothing: he renews with his owner", () => {
    const t = newTwin()
    const O = "79160000603"
    addSub(t, O, "my-mts", rub(5000))
    addSub(t, B, "smart", -rub(1))
    t.advanceMonths(1)
    expect(sub(t, B).renewalSkipped).toBe(true)
    run(t, { _tag: "FamilyInvite", msisdn: O, member: B, minutes: 100, sms: 0, dataMb: 0 })
    run(t, { _tag: "FamilyReply", msisdn: B, accept: true })
    const shares = sub(t, B).packages
    const r = run(t, { _tag: "TopUp", msisdn: B, amount: rub(100), method: "card" })
    expect(r.events.map((e) => e.type)).toEqual(["Money", "SmsDelivered"])
    expect(sub(t, B).packages).toEqual(shares)
  })
})
