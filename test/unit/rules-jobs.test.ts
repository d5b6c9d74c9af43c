// The clock's jobs (core/rules/jobs.ts: renewal R1, R2, R15, R19; daily fees; package expiry;
// lapsed invitations) and creating subscribers and the network side (core/rules/subscribers.ts):
// exact instants, fees, defaults and codes.
import { describe, expect, it } from "vitest"
import type { Event } from "../../core/domain/events.ts"
import { DAY, fromMsk } from "../../core/domain/time.ts"
import { ledgerOf } from "../../core/engine/views.ts"
import { addSub, fails, newTwin, rub, run, sub, T0 } from "../helpers/twin.ts"

const A = "79160000601"
const O = "79160000602"
const M = "79160000603"

const money = (events: readonly Event[]) =>
  events.flatMap((e) => (e.type === "Money" ? [[e.msisdn, e.reason, e.amount, e.ref]] : []))

describe("R1, R2 renewal", () => {
  it("R1: the period renews a month after creation, not a moment before, with the tariff and service fees", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(1000), { services: ["own-circle"] })
    const due = sub(t, A).renewAt
    expect(due).toBe(fromMsk(2026, 7, 1, 9))
    t.advanceTo(due - 1)
    expect(sub(t, A).balance).toBe(rub(1000))
    t.advanceTo(due)
    expect(ledgerOf(t, A).map((e) => [e.reason, e.amount, e.ref])).toEqual([
      ["fee-monthly", -rub(650), "smart"],
      ["fee-monthly", -rub(30), "own-circle"],
    ])
    expect(sub(t, A).renewAt).toBe(fromMsk(2026, 8, 1, 9))
    expect(sub(t, A).packages.find((p) => p.kind === "minutes")).toMatchObject({ total: 600, left: 600 })
  })
  it("R1: a free tariff renews without a fee entry", () => {
    const t = newTwin()
    addSub(t, A, "super", rub(10))
    t.advanceMonths(1)
    expect(ledgerOf(t, A)).toEqual([])
    expect(sub(t, A).renewAt).toBe(fromMsk(2026, 8, 1, 9))
  })
  it("R1: a period from the 31st renews on the last day of shorter months and returns to the 31st", () => {
    const t = newTwin({ start: fromMsk(2026, 1, 31, 12) })
    addSub(t, A, "super", rub(10))
    expect(sub(t, A).renewAt).toBe(fromMsk(2026, 2, 28, 12))
    t.advanceTo(fromMsk(2026, 2, 28, 12))
    expect(sub(t, A).renewAt).toBe(fromMsk(2026, 3, 31, 12))
  })
  it("R2: the owner pays 50 ₽ for each active member at renewal, and members renew their shares", () => {
    const t = newTwin()
    addSub(t, O, "my-mts", rub(5000))
    addSub(t, M, "smart", rub(100))
    run(t, { _tag: "FamilyInvite", msisdn: O, member: M, minutes: 100, sms: 10, dataMb: 1024 })
    run(t, { _tag: "FamilyReply", msisdn: M, accept: true })
    run(t, { _tag: "Usage", msisdn: M, usage: { _tag: "call", to: "79161112233", seconds: 600 } })
    t.advanceTo(sub(t, O).renewAt)
    const fees = ledgerOf(t, O).map((e) => [e.reason, e.amount])
    expect(fees.slice(-2)).toEqual([
      ["fee-monthly", -rub(1100)],
      ["fee-family-member", -rub(50)],
    ])
    expect(ledgerOf(t, M)).toEqual([])
    expect(sub(t, M).packages.find((p) => p.source === "share" && p.kind === "minutes")).toMatchObject({
      total: 100,
      left: 100,
    })
    expect(sub(t, O).packages.find((p) => p.source === "tariff" && p.kind === "minutes")).toMatchObject({
      total: 1400,
      left: 1400,
    })
  })
  it("R15, R19: a blocked number is not charged at renewal and keeps its packages; the renewal is skipped", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(1000))
    run(t, { _tag: "Usage", msisdn: A, usage: { _tag: "call", to: "79161112233", seconds: 60 } })
    run(t, { _tag: "Block", msisdn: A })
    t.advanceMonths(1)
    expect(ledgerOf(t, A)).toEqual([])
    expect(sub(t, A).renewalSkipped).toBe(true)
    expect(sub(t, A).packages.find((p) => p.kind === "minutes")?.left).toBe(599)
    expect(sub(t, A).renewAt).toBe(fromMsk(2026, 8, 1, 9))
  })
  it("R15: the top-up that lifts the balance block makes the skipped renewal, on that day's anchor", () => {
    const t = newTwin()
    addSub(t, A, "smart", -rub(1))
    t.advanceMonths(1)
    expect(sub(t, A).renewalSkipped).toBe(true)
    t.advanceBy(5 * DAY)
    const r = run(t, { _tag: "TopUp", msisdn: A, amount: rub(1000), method: "card" })
    expect(money(r.events)).toEqual([
      [A, "topup", rub(1000), "card"],
      [A, "fee-monthly", -rub(650), "smart"],
    ])
    expect(sub(t, A).renewAt).toBe(fromMsk(2026, 8, 6, 9))
    expect(sub(t, A).renewalSkipped).toBe(false)
  })
  it("R15: a top-up that leaves the balance below zero makes no renewal", () => {
    const t = newTwin()
    addSub(t, A, "smart", -rub(100))
    t.advanceMonths(1)
    const r = run(t, { _tag: "TopUp", msisdn: A, amount: rub(50), method: "card" })
    expect(money(r.events)).toEqual([[A, "topup", rub(50), "card"]])
    expect(sub(t, A).renewalSkipped).toBe(true)
  })
})

describe("R17 daily fees and expiry", () => {
  it("R17: a daily fee is charged at 00:00 MSK each day while the balance covers it", () => {
    const t = newTwin()
    addSub(t, A, "super", rub(7), { services: ["goodok"] })
    t.advanceTo(fromMsk(2026, 6, 2) - 1)
    expect(ledgerOf(t, A)).toEqual([])
    t.advanceTo(fromMsk(2026, 6, 2))
    expect(ledgerOf(t, A).map((e) => [e.reason, e.amount, e.ref])).toEqual([["fee-daily", -rub(3.5), "goodok"]])
    t.advanceTo(fromMsk(2026, 6, 3))
    expect(sub(t, A).balance).toBe(0)
    t.advanceTo(fromMsk(2026, 6, 4))
    expect(sub(t, A).balance).toBe(0)
  })
  it("R17: two daily fees are decided one after the other on what the first left", () => {
    const t = newTwin()
    addSub(t, A, "super", rub(4), { services: ["goodok", "blacklist"] })
    t.advanceTo(fromMsk(2026, 6, 2))
    // in the order connected (sorted): «Черный список» 1,50 ₽ leaves 2,50 ₽, short of «GOOD'OK» 3,50 ₽
    expect(ledgerOf(t, A).map((e) => e.ref)).toEqual(["blacklist"])
    expect(sub(t, A).balance).toBe(rub(2.5))
  })
  it("R19: no daily fee while voluntarily blocked", () => {
    const t = newTwin()
    addSub(t, A, "super", rub(100), { services: ["goodok"] })
    run(t, { _tag: "Block", msisdn: A })
    t.advanceTo(fromMsk(2026, 6, 3))
    expect(ledgerOf(t, A)).toEqual([])
  })
  it("R8: a credit number's daily fee is charged down to its limit", () => {
    const t = newTwin()
    addSub(t, A, "super", 0, { payment: "credit", creditLimit: rub(3.5), services: ["goodok"] })
    t.advanceTo(fromMsk(2026, 6, 3))
    expect(sub(t, A).balance).toBe(-rub(3.5))
  })
  it("R2: an unanswered invitation lapses at the nightly job after its 24 hours", () => {
    const t = newTwin()
    addSub(t, O, "my-mts", rub(5000))
    addSub(t, M, "smart", rub(100))
    run(t, { _tag: "FamilyInvite", msisdn: O, member: M, minutes: 1, sms: 0, dataMb: 0 })
    t.advanceTo(fromMsk(2026, 6, 2))
    expect(sub(t, M).family).not.toBeNull()
    t.advanceTo(fromMsk(2026, 6, 3))
    expect(sub(t, M).family).toBeNull()
    expect(sub(t, O).family).toBeNull()
  })
})

describe("R7 creating subscribers", () => {
  it("R7: defaults: prepaid, no credit, zero balance, the tariff's services and packages, avg spend = fee", () => {
    const t = newTwin()
    const r = run(t, { _tag: "CreateSubscriber", msisdn: A, name: "  Иван  ", tariff: "constructor" })
    expect(r.events[0]).toMatchObject({
      name: "Иван",
      payment: "prepaid",
      creditLimit: 0,
      balance: 0,
      bonus: 0,
      services: ["mobile-assistant"],
      renewAt: T0 + 30 * DAY,
      avgMonthlySpend: rub(200),
      constructorChoice: { minutes: 300, dataGb: 10 },
      region: "Москва",
      birthDate: "1985-01-01",
    })
    expect(sub(t, A).passport).toMatch(/^45\d{2} \d{6}$/)
    addSub(t, O, "smart", 0, { payment: "credit" })
    expect(sub(t, O).creditLimit).toBe(rub(1000))
    expect(sub(t, O).constructorChoice).toBeNull()
    run(t, { _tag: "CreateSubscriber", msisdn: M, name: "П", tariff: "smart", passport: "4500 123456" })
    expect(sub(t, M).passport).toBe("4500 123456")
  })
  it("R7: every field is checked and named", () => {
    const t = newTwin()
    addSub(t, A, "smart", 0)
    const bad = (extra: Record<string, unknown>) =>
      fails(t, { _tag: "CreateSubscriber", msisdn: O, name: "Имя", tariff: "smart", ...extra })
    expect(fails(t, { _tag: "CreateSubscriber", msisdn: A, name: "Имя", tariff: "smart" }).code).toBe(
      "SUBSCRIBER_EXISTS",
    )
    expect(bad({ name: "   " }).field).toBe("name")
    expect(bad({ name: "я".repeat(201) }).field).toBe("name")
    run(t, { _tag: "CreateSubscriber", msisdn: "79160000699", name: "я".repeat(200), tariff: "smart" })
    expect(bad({ tariff: "nope" }).code).toBe("UNKNOWN_TARIFF")
    expect(bad({ tariff: "my-mts-member" }).code).toBe("TARIFF_NOT_AVAILABLE")
    expect(bad({ balance: 1_000_000_001 }).field).toBe("balance")
    expect(bad({ balance: -1_000_000_001 }).field).toBe("balance")
    expect(bad({ balance: 0.5 }).field).toBe("balance")
    expect(bad({ payment: "credit", creditLimit: -1 }).field).toBe("creditLimit")
    expect(bad({ bonus: -1 }).field).toBe("bonus")
    expect(bad({ avgMonthlySpend: -1 }).field).toBe("avgMonthlySpend")
    expect(bad({ services: ["nope"] }).code).toBe("UNKNOWN_SERVICE")
    expect(bad({ services: ["e-assistant"], tariff: "vip" }).code).toBe("SERVICE_NOT_AVAILABLE")
    run(t, { _tag: "CreateSubscriber", msisdn: O, name: "Имя", tariff: "smart", balance: 1_000_000_000, bonus: 0 })
    expect(fails(t, { _tag: "CreateSubscriber", msisdn: M, name: "Имя", tariff: "smart", by: A }).code).toBe(
      "NOT_AUTHORIZED",
    )
  })
  it("R3: travel moves the number home, across Russia or to a catalog country; the same place records nothing", () => {
    const t = newTwin()
    addSub(t, A, "smart", 0)
    expect(run(t, { _tag: "Travel", msisdn: A, to: " tr " }).events[0]).toMatchObject({ to: "TR" })
    expect(run(t, { _tag: "Travel", msisdn: A, to: "TR" }).events).toEqual([])
    expect(run(t, { _tag: "Travel", msisdn: A, to: "RU" }).events[0]).toMatchObject({ to: "russia" })
    expect(run(t, { _tag: "Travel", msisdn: A, to: "Russia" }).events).toEqual([])
    expect(run(t, { _tag: "Travel", msisdn: A, to: "HOME" }).events[0]).toMatchObject({ to: "home" })
    const e = fails(t, { _tag: "Travel", msisdn: A, to: "ZZ" })
    expect([e.code, e.field]).toEqual(["UNKNOWN_COUNTRY", "to"])
    expect(fails(t, { _tag: "Travel", msisdn: A, to: "TR", by: A }).code).toBe("NOT_AUTHORIZED")
    expect(fails(t, { _tag: "Travel", msisdn: "79169999999", to: "TR" }).code).toBe("UNKNOWN_SUBSCRIBER")
  })
  it("R26: mobile data attaches and detaches; the same state records nothing", () => {
    const t = newTwin()
    addSub(t, A, "smart", 0)
    expect(run(t, { _tag: "SetNetwork", msisdn: A, mobileData: false }).events).toEqual([])
    expect(run(t, { _tag: "SetNetwork", msisdn: A, mobileData: true }).events[0]).toMatchObject({ mobileData: true })
    expect(sub(t, A).mobileData).toBe(true)
    expect(fails(t, { _tag: "SetNetwork", msisdn: A, mobileData: false, by: A }).code).toBe("NOT_AUTHORIZED")
    expect(fails(t, { _tag: "SetNetwork", msisdn: "79169999999", mobileData: true }).code).toBe("UNKNOWN_SUBSCRIBER")
  })
})

describe("R2, R4, R10, R11 what the clock's jobs record and say", () => {
  const since = (t: ReturnType<typeof newTwin>, n: number) => [...t.log.read(n)]
  const smsOf = (events: readonly Event[], msisdn: string) =>
    events.flatMap((e) => (e.type === "SmsDelivered" && e.msisdn === msisdn ? [e.text] : []))
  it("R2: the nightly job closes only lapsed invitations and tells the owner; an active member stays", () => {
    const t = newTwin()
    addSub(t, O, "my-mts", rub(5000))
    addSub(t, M, "smart", rub(100))
    addSub(t, A, "smart", rub(100))
    run(t, { _tag: "FamilyInvite", msisdn: O, member: A, minutes: 1, sms: 0, dataMb: 0 })
    run(t, { _tag: "FamilyReply", msisdn: A, accept: true })
    run(t, { _tag: "FamilyInvite", msisdn: O, member: M, minutes: 1, sms: 0, dataMb: 0 })
    const n = t.log.count()
    t.advanceTo(fromMsk(2026, 6, 3))
    const ev = since(t, n)
    expect(ev.filter((e) => e.type === "FamilyDeclined").map((e) => [e.owner, e.member, e.reason])).toEqual([
      [O, M, "expired"],
    ])
    expect(smsOf(ev, O)).toEqual([
      "Абонент +7 916 000-06-03 не ответил на приглашение в «МЫ МТС». Приглашение отменено.",
    ])
    expect(sub(t, A).family).toMatchObject({ role: "member", owner: O })
  })
  it("the nightly job moves the clock mark to the next midnight", () => {
    const t = newTwin()
    const n = t.log.count()
    t.advanceTo(fromMsk(2026, 6, 3))
    expect(
      since(t, n)
        .filter((e) => e.type === "ClockSet")
        .map((e) => [e.to, e.nextDaily]),
    ).toEqual([
      [fromMsk(2026, 6, 2), fromMsk(2026, 6, 3)],
      [fromMsk(2026, 6, 3), fromMsk(2026, 6, 4)],
    ])
  })
  it("R13, R4: a bonus package lapses at exactly its days; the tariff packages do not", () => {
    const t = newTwin()
    addSub(t, A, "smart", 0, { bonus: 150 })
    run(t, { _tag: "ExchangeBonus", msisdn: A, offer: "bonus-1gb" })
    t.advanceTo(T0 + 30 * DAY - 1)
    expect(sub(t, A).packages.map((p) => p.source)).toEqual(["tariff", "tariff", "tariff", "bonus"])
    const n = t.log.count()
    t.advanceTo(T0 + 30 * DAY)
    expect(since(t, n).filter((e) => e.type === "PackageExpired")).toEqual([
      expect.objectContaining({ msisdn: A, pkgId: expect.stringMatching(/^bonus:bonus-1gb:/) }),
    ])
    expect(sub(t, A).packages.map((p) => p.source)).toEqual(["tariff", "tariff", "tariff"])
  })
  it("R10: the repayment closes the payment, takes its amount and says so", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(500))
    run(t, { _tag: "PromisedPayment", msisdn: A, amount: rub(200) })
    const n = t.log.count()
    t.advanceBy(4 * DAY)
    const ev = since(t, n)
    expect(money(ev).filter((m) => m[1] === "promised-repayment")).toEqual([
      [A, "promised-repayment", -rub(200), "promised"],
    ])
    expect(ev.some((e) => e.type === "PromisedClosed")).toBe(true)
    expect(smsOf(ev, A)).toContain("Обещанный платеж 200,00 руб. погашен.")
    expect(sub(t, A).promised).toBeNull()
  })
  it("R11: autopay by date tops up on its day, says so and sets the next month's date", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(500))
    run(t, { _tag: "SetAutopay", msisdn: A, mode: "date", amount: rub(300), day: 5 })
    const n = t.log.count()
    t.advanceTo(fromMsk(2026, 6, 5, 12))
    const ev = since(t, n)
    expect(money(ev)).toEqual([[A, "autopay", rub(300), "date"]])
    expect(smsOf(ev, A)).toEqual(["Автоплатеж: счет пополнен на 300,00 руб."])
    expect(sub(t, A).autopay).toMatchObject({ mode: "date", day: 5, amount: rub(300) })
    expect(sub(t, A).autopay).toMatchObject({ nextAt: fromMsk(2026, 7, 5) })
  })
})
