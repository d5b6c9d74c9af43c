// Issue 2: the model side of R1, R3, R4, R8, R15, and bad input leaving state and log unchanged.
import { describe, expect, it } from "vitest"
import { DAY, HOUR, parseDuration, parseInstant } from "../../core/domain/time.ts"
import { parseRubles, formatRub } from "../../core/domain/money.ts"
import { accountView, detailView, ledgerOf } from "../../core/engine/views.ts"
import { Result } from "effect"
import { addSub, fails, newTwin, rub, run, sub } from "../helpers/twin.ts"

const M = "79160000001"
const call = (to: string, seconds: number) => ({
  _tag: "Usage" as const,
  msisdn: M,
  usage: { _tag: "call" as const, to, seconds },
})
const data = (kb: number) => ({ _tag: "Usage" as const, msisdn: M, usage: { _tag: "data" as const, kb } })

describe("R1 «МЫ МТС» packages", () => {
  it("R1: a new «МЫ МТС» number has 1500 min, 50 GB and 500 SMS, with «Забугорище» connected", () => {
    const t = newTwin()
    addSub(t, M)
    const v = Result.getOrThrow(accountView(t, M))
    const byKind = Object.fromEntries(v.packages.map((p) => [p.kind, p.total]))
    expect(byKind).toEqual({ minutes: 1500, sms: 500, data: 50 * 1024 })
    expect(v.services.filter((s) => s.connected).map((s) => s.id)).toContain("zabugorishche")
    expect(v.tariff.monthlyFee).toBe(rub(1100))
  })

  it("R1: packages are valid across Russia: a call from another region draws minutes, no charge", () => {
    const t = newTwin()
    addSub(t, M)
    run(t, { _tag: "Travel", msisdn: M, to: "russia" })
    run(t, call("79031112233", 125))
    expect(sub(t, M).packages.find((p) => p.kind === "minutes")?.left).toBe(1497)
    expect(sub(t, M).balance).toBe(rub(2000))
  })

  it("R1: the monthly fee is charged at renewal and packages are renewed", () => {
    const t = newTwin()
    addSub(t, M)
    run(t, data(1024 * 1024))
    t.advanceMonths(1)
    const s = sub(t, M)
    expect(s.balance).toBe(rub(2000 - 1100))
    expect(s.packages.find((p) => p.kind === "data")?.left).toBe(50 * 1024 * 1024)
    expect(ledgerOf(t, M).map((e) => e.reason)).toEqual(["fee-monthly"])
  })
})

describe("R3 «Забугорище»", () => {
  it("R3: charged once per calendar day abroad with usage; popular country 390 ₽, other 490 ₽; free at home", () => {
    const t = newTwin()
    addSub(t, M)
    run(t, { _tag: "Travel", msisdn: M, to: "TR" })
    run(t, data(150 * 1024))
    run(t, call("79031112233", 60))
    run(t, data(10))
    t.advanceBy(DAY)
    t.advanceBy(DAY) // a day abroad without usage: no fee
    run(t, { _tag: "Travel", msisdn: M, to: "BR" })
    run(t, call("79031112233", 180))
    t.advanceBy(DAY)
    run(t, { _tag: "Travel", msisdn: M, to: "home" })
    run(t, data(1024 * 1024))
    const fees = ledgerOf(t, M).filter((e) => e.reason === "fee-zabugorishche")
    expect(fees.map((e) => e.amount)).toEqual([-rub(390), -rub(490)])
    // minutes and internet abroad came from the home package
    expect(sub(t, M).packages.find((p) => p.kind === "minutes")?.left).toBe(1500 - 1 - 3)
  })

  it("R3: a day is a Moscow calendar day: usage at 23:50 and 00:10 MSK are two days", () => {
    const t = newTwin({ start: parseInstant("2026-06-01T23:50:00+03:00") as number })
    addSub(t, M)
    run(t, { _tag: "Travel", msisdn: M, to: "EG" })
    run(t, data(1))
    t.advanceBy(20 * 60_000)
    run(t, data(1))
    expect(ledgerOf(t, M).filter((e) => e.reason === "fee-zabugorishche")).toHaveLength(2)
  })

  it("R3: incoming SMS abroad is not a use of service; an incoming call is", () => {
    const t = newTwin()
    addSub(t, M)
    run(t, { _tag: "Travel", msisdn: M, to: "IT" })
    run(t, { _tag: "Usage", msisdn: M, usage: { _tag: "sms", to: "79031112233", direction: "in" } })
    expect(ledgerOf(t, M)).toHaveLength(0)
    run(t, { _tag: "Usage", msisdn: M, usage: { _tag: "call", to: "79031112233", seconds: 30, direction: "in" } })
    expect(ledgerOf(t, M).map((e) => e.amount)).toEqual([-rub(390)])
  })

  it("R3: without «Забугорище» roaming is priced per unit and packages are not used", () => {
    const t = newTwin()
    addSub(t, M)
    run(t, { _tag: "DisconnectService", msisdn: M, service: "zabugorishche" })
    run(t, { _tag: "Travel", msisdn: M, to: "TR" })
    run(t, call("79031112233", 61))
    expect(sub(t, M).balance).toBe(rub(2000) - 2 * rub(99))
    expect(sub(t, M).packages.find((p) => p.kind === "minutes")?.left).toBe(1500)
  })
})

describe("R4 packages first, then pay-as-you-go", () => {
  it("R4: usage beyond the package is priced (per started minute / MB), never lost (I5)", () => {
    const t = newTwin()
    addSub(t, M, "smart", rub(1000))
    run(t, { _tag: "Usage", msisdn: M, usage: { _tag: "call", to: "79031112233", seconds: 600 * 60 + 61 } })
    const s = sub(t, M)
    expect(s.packages.find((p) => p.kind === "minutes")?.left).toBe(0)
    expect(s.balance).toBe(rub(1000) - 2 * rub(3))
  })

  it("R4: a one-off package (Интернет-VIP, bought) is used before the tariff package when it lapses sooner, and expires", () => {
    const t = newTwin()
    addSub(t, M, "smart", rub(1000))
    run(t, { _tag: "BuyPackage", msisdn: M, offer: "internet-vip" })
    t.advanceBy(10 * DAY) // the one-off lapses in 20 days, the tariff package renews in ~21: one-off drawn first
    run(t, data(1024))
    const vip = sub(t, M).packages.find((p) => p.source === "oneoff")
    const tariff = sub(t, M).packages.find((p) => p.id === "tariff:data")
    expect((vip?.left ?? 0) + (tariff?.left ?? 0)).toBe(30 * 1024 * 1024 + 25 * 1024 * 1024 - 1024)
    t.advanceBy(21 * DAY)
    expect(sub(t, M).packages.some((p) => p.source === "oneoff")).toBe(false)
    expect(ledgerOf(t, M).find((e) => e.reason === "package-purchase")?.amount).toBe(-rub(700))
  })

  it("R4: calls to foreign numbers are not taken from the Russian minutes package", () => {
    const t = newTwin()
    addSub(t, M)
    run(t, call("4930123456", 60))
    expect(sub(t, M).packages.find((p) => p.kind === "minutes")?.left).toBe(1500)
    expect(sub(t, M).balance).toBe(rub(2000) - rub(35))
  })
})

describe("R8 credit payment method, R15 negative balance", () => {
  it("R15: with a negative balance outgoing calls, SMS and data stop; incoming at home works; a top-up lifts it", () => {
    const t = newTwin()
    addSub(t, M, "super", -rub(10))
    expect(Result.getOrThrow(accountView(t, M)).status).toBe("blocked-financial")
    expect(fails(t, call("79031112233", 60)).code).toBe("BLOCKED")
    expect(fails(t, data(1)).code).toBe("BLOCKED")
    run(t, { _tag: "Usage", msisdn: M, usage: { _tag: "call", to: "79031112233", seconds: 60, direction: "in" } })
    run(t, { _tag: "TopUp", msisdn: M, amount: rub(100), method: "card" })
    expect(Result.getOrThrow(accountView(t, M)).status).toBe("active")
    run(t, call("79031112233", 60))
    expect(sub(t, M).balance).toBe(rub(90) - rub(2))
  })

  it("R15: incoming abroad is refused while financially blocked", () => {
    const t = newTwin()
    addSub(t, M, "super", -rub(1))
    run(t, { _tag: "Travel", msisdn: M, to: "TR" })
    expect(
      fails(t, { _tag: "Usage", msisdn: M, usage: { _tag: "call", to: "79031112233", seconds: 60, direction: "in" } })
        .code,
    ).toBe("BLOCKED")
  })

  it("R8: the credit method goes on below zero until the credit limit; debt is shown", () => {
    const t = newTwin()
    addSub(t, M, "super", 0, { payment: "credit", creditLimit: rub(100) })
    run(t, call("79031112233", 40 * 60)) // 80 ₽
    const v = Result.getOrThrow(accountView(t, M))
    expect(v.balance).toBe(-rub(80))
    expect(v.debt).toBe(rub(80))
    expect(v.status).toBe("active")
    // Online charging: 15 minutes asked, the 20 ₽ left to the limit grant 10; 5 are cut off.
    run(t, call("79031112233", 15 * 60))
    expect(sub(t, M).balance).toBe(-rub(100))
    expect(fails(t, call("79031112233", 60)).code).toBe("INSUFFICIENT_FUNDS")
  })
})

describe("R14 detail", () => {
  it("R14: detail lists every call/SMS/data session with time, volume and cost, and every charge, per period", () => {
    const t = newTwin()
    addSub(t, M, "super", rub(100))
    run(t, call("79031112233", 61))
    run(t, { _tag: "Usage", msisdn: M, usage: { _tag: "sms", to: "79031112233", count: 2 } })
    t.advanceBy(2 * HOUR)
    run(t, data(2048))
    const d = Result.getOrThrow(detailView(t, M, t.now - DAY, t.now + 1))
    expect(d.usage.map((u) => [u.kind, u.volume, u.cost])).toEqual([
      ["call", 61, rub(4)],
      ["sms", 2, rub(4)],
      ["data", 2048, rub(20)],
    ])
    expect(d.totals.spent).toBe(rub(28))
    const morning = Result.getOrThrow(detailView(t, M, t.now - DAY, t.now - HOUR))
    expect(morning.usage).toHaveLength(2)
  })
})

describe("bad input (issue 2): typed errors, state and log unchanged", () => {
  it("unknown msisdn, unknown tariff, negative amount, malformed command → typed errors naming the field", () => {
    const t = newTwin()
    addSub(t, M)
    const hash = t.hash()
    const count = t.log.count()
    const e1 = fails(t, {
      _tag: "Usage",
      msisdn: "79990000000",
      usage: { _tag: "call", to: "79031112233", seconds: 60 },
    })
    expect([e1.code, e1.field]).toEqual(["UNKNOWN_SUBSCRIBER", "msisdn"])
    const e2 = fails(t, { _tag: "ChangeTariff", msisdn: M, tariff: "no-such", confirmed: true })
    expect([e2.code, e2.field]).toEqual(["UNKNOWN_TARIFF", "tariff"])
    const e3 = fails(t, { _tag: "TopUp", msisdn: M, amount: -100, method: "card" })
    expect([e3.code, e3.field]).toEqual(["INVALID_FIELD", "amount"])
    const e4 = t.executeUnknown({ _tag: "Usage", msisdn: "123", usage: { _tag: "data", kb: 1 } })
    expect(Result.isFailure(e4) && e4.failure.field).toBe("msisdn")
    const e5 = t.executeUnknown({ _tag: "TopUp", msisdn: M, amount: 1.5, method: "card" })
    expect(Result.isFailure(e5) && e5.failure.field).toBe("amount")
    const e6 = fails(t, { _tag: "Usage", msisdn: M, usage: { _tag: "data", kb: 0 } })
    expect(e6.field).toBe("usage.kb")
    const e7 = t.advanceBy(-5)
    expect(Result.isFailure(e7) && e7.failure.field).toBe("duration")
    expect(t.hash()).toBe(hash)
    expect(t.log.count()).toBe(count)
  })

  it("malformed durations and amounts are rejected by the parsers", () => {
    expect(parseDuration("1d 2h")).toBe(DAY + 2 * HOUR)
    expect(parseDuration("90m")).toBe(90 * 60_000)
    for (const bad of ["", "1x", "d", "-1d", "1.5h", "0s"]) expect(parseDuration(bad)).toBeNull()
    expect(parseRubles("2000.00")).toBe(200_000)
    expect(parseRubles(2000.5)).toBe(200_050)
    expect(parseRubles("1 500,00")).toBe(150_000)
    for (const bad of ["1.234", "abc", "1e3", ""]) expect(parseRubles(bad)).toBeNull()
    expect(formatRub(-71_692)).toBe("-716,92 руб.")
    expect(formatRub(150_000)).toBe("1\u00a0500,00 руб.")
  })
})
