// Usage rating decided by core/rules/rating.ts (R3, R4, R8, R15, I2, I5): started minutes, per
// started MB, packages soonest-lapsing first, Russian and foreign peers, roaming with and without
// «Забугорище», and online charging that grants what the balance covers and cuts off the rest.
// Exact units, draws, costs and events.
import { describe, expect, it } from "vitest"
import type { Command } from "../../core/domain/commands.ts"
import type { Event, UsageRated } from "../../core/domain/events.ts"
import { fromMsk } from "../../core/domain/time.ts"
import type { TwinCore } from "../../core/engine/twin-core.ts"
import { isAbroad, isRussianNumber } from "../../core/rules/rating.ts"
import { addSub, fails, newTwin, rub, run, sub } from "../helpers/twin.ts"

const A = "79160000501"
const PEER = "79161112233"

type UsageSpec = Extract<Command, { _tag: "Usage" }>["usage"]
const use = (t: TwinCore, usage: UsageSpec, msisdn = A) => run(t, { _tag: "Usage", msisdn, usage })
const rated = (events: readonly Event[]): UsageRated => {
  const e = events.find((x) => x.type === "UsageRated")
  if (e === undefined || e.type !== "UsageRated") throw new Error("no UsageRated")
  return e
}
const cutOf = (events: readonly Event[]) => events.find((x) => x.type === "UsageCut")
const money = (events: readonly Event[]) =>
  events.flatMap((e) => (e.type === "Money" ? [[e.msisdn, e.reason, e.amount, e.ref]] : []))
const call = (seconds: number, to = PEER, direction?: "in" | "out"): UsageSpec =>
  direction === undefined ? { _tag: "call", to, seconds } : { _tag: "call", to, seconds, direction }

const payg = (balance = rub(1000)): TwinCore => {
  const t = newTwin()
  addSub(t, A, "super", balance)
  return t
}

describe("R4 units and prices", () => {
  it("R4: a call is billed per started minute: 60 s one, 61 s two", () => {
    const t = payg()
    const one = rated(use(t, call(60)).events)
    expect([one.units, one.cost, one.volume]).toEqual([1, rub(2), 60])
    const two = rated(use(t, call(61)).events)
    expect([two.units, two.cost]).toEqual([2, rub(4)])
    const short = rated(use(t, call(1)).events)
    expect([short.units, short.cost]).toEqual([1, rub(2)])
    expect(sub(t, A).balance).toBe(rub(1000) - rub(8))
  })
  it("R4: data is billed per started megabyte of what packages did not cover", () => {
    const t = payg()
    const a = rated(use(t, { _tag: "data", kb: 1024 }).events)
    expect([a.units, a.cost]).toEqual([1024, rub(10)])
    const b = rated(use(t, { _tag: "data", kb: 1025 }).events)
    expect([b.units, b.cost]).toEqual([1025, rub(20)])
    const c = rated(use(t, { _tag: "data", kb: 1 }).events)
    expect(c.cost).toBe(rub(10))
  })
  it("R4: SMS count as units, priced each; to a foreign number at the international price", () => {
    const t = payg()
    const r = rated(use(t, { _tag: "sms", to: PEER, count: 3 }).events)
    expect([r.units, r.cost, r.kind, r.direction]).toEqual([3, rub(6), "sms", "out"])
    const one = rated(use(t, { _tag: "sms", to: PEER }).events)
    expect(one.units).toBe(1)
    const intl = rated(use(t, { _tag: "sms", to: "+4930123456", count: 2 }).events)
    expect([intl.cost, intl.peer]).toEqual([rub(16), "4930123456"])
    const intlCall = rated(use(t, call(90, "4930123456")).events)
    expect(intlCall.cost).toBe(rub(70))
  })
  it("R4: incoming calls and SMS at home are free and draw nothing", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(10))
    const r = rated(use(t, call(600, PEER, "in")).events)
    expect([r.cost, r.draws, r.direction]).toEqual([0, [], "in"])
    const s = rated(use(t, { _tag: "sms", to: PEER, direction: "in" }).events)
    expect(s.cost).toBe(0)
    expect(sub(t, A).packages.find((p) => p.kind === "minutes")?.left).toBe(600)
  })
  it("R1: Russian numbers are 11 digits from 7 or 8, or short numbers up to 6 digits", () => {
    expect(isRussianNumber("79161112233")).toBe(true)
    expect(isRussianNumber("89161112233")).toBe(true)
    expect(isRussianNumber("69161112233")).toBe(false)
    expect(isRussianNumber("7916111223")).toBe(false)
    expect(isRussianNumber("791611122334")).toBe(false)
    expect(isRussianNumber("0890")).toBe(true)
    expect(isRussianNumber("123456")).toBe(true)
    expect(isRussianNumber("1234567")).toBe(false)
    expect(isAbroad("home")).toBe(false)
    expect(isAbroad("russia")).toBe(false)
    expect(isAbroad("TR")).toBe(true)
  })
})

describe("R4, I5 packages", () => {
  it("R4, I5: the package covers what it has left, the rest is priced; never below zero", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(1000))
    const big = rated(use(t, call(599 * 60)).events)
    expect([big.units, big.cost, big.draws.length]).toEqual([599, 0, 1])
    const r = rated(use(t, call(3 * 60)).events)
    expect(r.draws.map(([, n]) => n)).toEqual([1])
    expect([r.units, r.cost]).toEqual([3, rub(6)])
    expect(sub(t, A).packages.find((p) => p.kind === "minutes")?.left).toBe(0)
    const none = rated(use(t, call(60)).events)
    expect([none.draws, none.cost]).toEqual([[], rub(3)])
  })
  it("R4: the package that lapses sooner is drawn first, then the next", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(1000))
    run(t, { _tag: "BuyPackage", msisdn: A, offer: "minutes-100" })
    const oneoff = sub(t, A).packages.find((p) => p.source === "oneoff")
    const tariff = sub(t, A).packages.find((p) => p.source === "tariff" && p.kind === "minutes")
    // the one-off lapses 30 days from now, the tariff's minutes at the renewal a month away
    const first = (oneoff?.expiresAt ?? 0) < (tariff?.expiresAt ?? 0) ? oneoff : tariff
    const second = first === oneoff ? tariff : oneoff
    const [firstId, firstLeft, secondId] = [first?.id, first?.left ?? 0, second?.id]
    const r = rated(use(t, call((firstLeft + 5) * 60)).events)
    expect(r.draws).toEqual([
      [firstId, firstLeft],
      [secondId, 5],
    ])
    expect(r.cost).toBe(0)
  })
  it("R4: an expired one-off package is not drawn even before the nightly expiry", () => {
    const t = newTwin()
    addSub(t, A, "super", rub(1000))
    run(t, { _tag: "BuyPackage", msisdn: A, offer: "sms-50" })
    const p = sub(t, A).packages.find((x) => x.source === "oneoff")
    expect(p?.expiresAt).toBeDefined()
    const before = rated(use(t, { _tag: "sms", to: PEER }).events)
    expect(before.cost).toBe(0)
    t.advanceTo((p?.expiresAt ?? 0) - 1)
    const last = rated(use(t, { _tag: "sms", to: PEER }).events)
    expect(last.cost).toBe(0)
  })
  it("R4: data draws the data package in KB", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(10))
    const r = rated(use(t, { _tag: "data", kb: 5000 }).events)
    expect(r.draws.map(([, n]) => n)).toEqual([5000])
    expect(r.cost).toBe(0)
  })
})

describe("R3 roaming", () => {
  const abroad = (country: string, services?: string[], balance = rub(2000)): TwinCore => {
    const t = newTwin()
    addSub(t, A, "super", balance, services === undefined ? {} : { services })
    run(t, { _tag: "Travel", msisdn: A, to: country })
    return t
  }
  it("R3: without «Забугорище» calls cost 99 ₽/min, incoming 49 ₽/min, SMS 19 ₽, data 50 ₽/MB; incoming SMS free", () => {
    const t = abroad("TR")
    expect(rated(use(t, call(61)).events).cost).toBe(rub(198))
    expect(rated(use(t, call(60, PEER, "in")).events).cost).toBe(rub(49))
    expect(rated(use(t, { _tag: "sms", to: PEER, count: 2 }).events).cost).toBe(rub(38))
    expect(rated(use(t, { _tag: "sms", to: PEER, direction: "in" }).events).cost).toBe(0)
    expect(rated(use(t, { _tag: "data", kb: 1025 }).events).cost).toBe(rub(100))
    const r = rated(use(t, call(60)).events)
    expect([r.where, r.draws]).toEqual(["TR", []])
  })
  it("R3: with «Забугорище» the day's first use costs 390 ₽ in a popular country, then home prices", () => {
    const t = abroad("TR", ["zabugorishche"])
    const first = use(t, call(60))
    expect(money(first.events)).toEqual([[A, "fee-zabugorishche", -rub(390), "TR"]])
    expect(first.events.map((e) => e.type)).toEqual(["Money", "UsageRated"])
    expect(rated(first.events).cost).toBe(rub(2))
    const second = use(t, { _tag: "data", kb: 10 })
    expect(money(second.events)).toEqual([])
    expect(rated(second.events).cost).toBe(rub(10))
  })
  it("R3: 490 ₽ in another country; incoming SMS is not a use", () => {
    const t = abroad("BR", ["zabugorishche"])
    const sms = use(t, { _tag: "sms", to: PEER, direction: "in" })
    expect(money(sms.events)).toEqual([])
    expect(rated(sms.events).cost).toBe(0)
    const out = use(t, { _tag: "sms", to: PEER })
    expect(money(out.events)).toEqual([[A, "fee-zabugorishche", -rub(490), "BR"]])
    expect(rated(out.events).cost).toBe(rub(2))
  })
  it("R3: the fee is due again on the next Moscow day", () => {
    const t = abroad("TR", ["zabugorishche"])
    use(t, call(60))
    t.advanceTo(fromMsk(2026, 6, 2))
    expect(money(use(t, call(60)).events)).toEqual([[A, "fee-zabugorishche", -rub(390), "TR"]])
  })
  it("R3, R15: a balance short of the day's fee cuts the usage off, with no fee", () => {
    const t = abroad("TR", ["zabugorishche"], rub(390) - 1)
    const r = t.execute({ _tag: "Usage", msisdn: A, usage: call(60) })
    if (r._tag === "Success") throw new Error("usage without the fee's funds was rated")
    expect([r.failure.code, r.failure.field]).toEqual(["INSUFFICIENT_FUNDS", "msisdn"])
    expect(sub(t, A).balance).toBe(rub(390) - 1)
  })
  it("R3: funds for exactly the fee and nothing more: a paid call abroad is refused, not rated", () => {
    const t = abroad("TR", ["zabugorishche"], rub(390))
    const r = t.execute({ _tag: "Usage", msisdn: A, usage: call(60) })
    if (r._tag === "Success") throw new Error("a paid call beyond the balance was rated")
    expect(r.failure.code).toBe("INSUFFICIENT_FUNDS")
  })
})

describe("R15, R19 online charging and blocks", () => {
  it("R15: a call longer than the balance covers is rated for the covered minutes and the rest cut", () => {
    const t = payg(rub(5))
    const out = use(t, call(5 * 60))
    const r = rated(out.events)
    expect([r.units, r.cost, r.volume]).toEqual([2, rub(4), 120])
    expect(cutOf(out.events)).toMatchObject({ units: 3, volume: 180, kind: "call" })
    expect(out.events.map((e) => e.type)).toEqual(["UsageRated", "UsageCut", "SmsDelivered"])
    expect(sub(t, A).balance).toBe(rub(1))
  })
  it("R15: the exact cost of the balance is granted in full", () => {
    const t = payg(rub(4))
    const out = use(t, call(120))
    expect(rated(out.events).units).toBe(2)
    expect(cutOf(out.events)).toBeUndefined()
    expect(sub(t, A).balance).toBe(0)
  })
  it("R15: data is granted in whole megabytes the balance covers", () => {
    const t = payg(rub(25))
    const out = use(t, { _tag: "data", kb: 5 * 1024 })
    expect([rated(out.events).units, rated(out.events).cost]).toEqual([2 * 1024, rub(20)])
    expect(cutOf(out.events)).toMatchObject({ units: 3 * 1024 })
  })
  it("R15: nothing covered: the usage is cut off and refused, and the balance stays", () => {
    const t = payg(rub(1))
    const r = t.execute({ _tag: "Usage", msisdn: A, usage: call(60) })
    if (r._tag === "Success") throw new Error("an uncovered call was rated")
    expect([r.failure.code, r.failure.field]).toEqual(["INSUFFICIENT_FUNDS", "msisdn"])
    expect(sub(t, A).balance).toBe(rub(1))
  })
  it("R15, I2: below zero outgoing is BLOCKED; incoming at home goes on; incoming abroad is BLOCKED", () => {
    const t = payg(-1)
    expect(fails(t, { _tag: "Usage", msisdn: A, usage: call(60) }).code).toBe("BLOCKED")
    expect(fails(t, { _tag: "Usage", msisdn: A, usage: { _tag: "data", kb: 1 } }).code).toBe("BLOCKED")
    expect(rated(use(t, call(60, PEER, "in")).events).cost).toBe(0)
    run(t, { _tag: "Travel", msisdn: A, to: "TR" })
    expect(fails(t, { _tag: "Usage", msisdn: A, usage: call(60, PEER, "in") }).code).toBe("BLOCKED")
  })
  it("R8: a credit number goes below zero down to its limit", () => {
    const t = newTwin()
    addSub(t, A, "super", 0, { payment: "credit", creditLimit: rub(4) })
    const r = rated(use(t, call(120)).events)
    expect(r.cost).toBe(rub(4))
    expect(sub(t, A).balance).toBe(-rub(4))
    expect(fails(t, { _tag: "Usage", msisdn: A, usage: call(60) }).code).toBe("INSUFFICIENT_FUNDS")
  })
  it("R19, I2: nothing is rated while voluntarily blocked, not even incoming", () => {
    const t = payg()
    run(t, { _tag: "Block", msisdn: A })
    const e = fails(t, { _tag: "Usage", msisdn: A, usage: call(60, PEER, "in") })
    expect([e.code, e.field]).toEqual(["BLOCKED", "msisdn"])
  })
})

describe("R4 usage validation", () => {
  it("R4: seconds 1..86400, SMS count 1..1000, KB 1..100 GB, a phone of 3..15 digits", () => {
    const t = payg(rub(15000))
    const bad = (usage: UsageSpec) => fails(t, { _tag: "Usage", msisdn: A, usage }).field
    expect(bad(call(0))).toBe("usage.seconds")
    expect(bad(call(86401))).toBe("usage.seconds")
    expect(bad(call(1.5))).toBe("usage.seconds")
    expect(bad(call(60, "12"))).toBe("usage.to")
    expect(bad(call(60, "1234567890123456"))).toBe("usage.to")
    expect(bad(call(60, "+12a"))).toBe("usage.to")
    expect(bad(call(60, "+"))).toBe("usage.to")
    expect(bad({ _tag: "sms", to: PEER, count: 0 })).toBe("usage.count")
    expect(bad({ _tag: "sms", to: PEER, count: 1001 })).toBe("usage.count")
    expect(bad({ _tag: "sms", to: "ab1", count: 1 })).toBe("usage.to")
    expect(bad({ _tag: "data", kb: 0 })).toBe("usage.kb")
    expect(bad({ _tag: "data", kb: 100 * 1024 * 1024 + 1 })).toBe("usage.kb")
    expect(rated(use(t, call(86400, "123")).events).units).toBe(1440)
    expect(rated(use(t, call(60, "+123456789012345")).events).peer).toBe("123456789012345")
    expect(rated(use(t, { _tag: "sms", to: "/0890".slice(1), count: 1000 }).events).units).toBe(1000)
    const most = use(t, { _tag: "data", kb: 100 * 1024 * 1024 }).events
    expect(rated(most).units + ((cutOf(most) as { units: number } | undefined)?.units ?? 0)).toBe(100 * 1024 * 1024)
  })
  it("R4, I9: usage is the network's: a subscriber cannot report it; unknown numbers are refused", () => {
    const t = payg()
    expect(fails(t, { _tag: "Usage", msisdn: A, usage: call(60), by: A }).code).toBe("NOT_AUTHORIZED")
    expect(fails(t, { _tag: "Usage", msisdn: "79169999999", usage: call(60) }).code).toBe("UNKNOWN_SUBSCRIBER")
  })
})

describe("R3, R15 partial grants: what is cut and what the subscriber is told", () => {
  const sms = (events: readonly Event[]) => events.flatMap((e) => (e.type === "SmsDelivered" ? [e.text] : []))
  it("R3, R15: abroad the day's fee comes first; what is left buys 1 of 2 minutes: fee, rated, cut, SMS", () => {
    const t = newTwin()
    addSub(t, A, "super", rub(393), { services: ["zabugorishche"] })
    run(t, { _tag: "Travel", msisdn: A, to: "TR" })
    const out = use(t, call(120))
    expect(out.events.map((e) => e.type)).toEqual(["Money", "UsageRated", "UsageCut", "SmsDelivered"])
    expect(money(out.events)).toEqual([[A, "fee-zabugorishche", -rub(390), "TR"]])
    const r = rated(out.events)
    expect([r.units, r.volume, r.cost, r.where]).toEqual([1, 60, rub(2), "TR"])
    expect(cutOf(out.events)).toMatchObject({ units: 1, volume: 60, where: "TR", peer: PEER, direction: "out" })
    expect(sms(out.events)).toEqual([
      "Звонок прерван: недостаточно средств на счете. Баланс: 1,00 руб. Пополните счет.",
    ])
    expect(sub(t, A).balance).toBe(rub(1))
  })
  it("R15: an uncovered usage is refused, yet its cut and the SMS with the balance are recorded", () => {
    const t = payg(rub(1))
    const n = t.log.count()
    const e = fails(t, { _tag: "Usage", msisdn: A, usage: { _tag: "sms", to: PEER } })
    expect(e.code).toBe("INSUFFICIENT_FUNDS")
    const tail = [...t.log.read(n)]
    expect(tail.map((x) => x.type)).toEqual(["UsageCut", "SmsDelivered"])
    expect(tail[0]).toMatchObject({ kind: "sms", units: 1, volume: 1, peer: PEER, where: "home" })
    expect(tail[1]).toMatchObject({
      text: "SMS не отправлено: недостаточно средств на счете. Баланс: 1,00 руб. Пополните счет.",
    })
  })
  it("R15: 3 SMS with 5 ₽ at 2 ₽ each: 2 sent, 1 cut; data volume granted is the KB of whole megabytes", () => {
    const t = payg(rub(5))
    const out = use(t, { _tag: "sms", to: PEER, count: 3 })
    expect([rated(out.events).units, rated(out.events).volume, rated(out.events).cost]).toEqual([2, 2, rub(4)])
    expect(cutOf(out.events)).toMatchObject({ units: 1, volume: 1 })
    expect(sms(out.events)).toEqual([
      "SMS не отправлено: недостаточно средств на счете. Баланс: 1,00 руб. Пополните счет.",
    ])
    const d = payg(rub(25))
    const data = use(d, { _tag: "data", kb: 5 * 1024 - 10 })
    expect([rated(data.events).volume, cutOf(data.events)?.volume]).toEqual([2 * 1024, 3 * 1024 - 10])
  })
  it("R4: a «+» before the number is dropped from the peer; an incoming call at home draws no package", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(100))
    const r = rated(use(t, call(60, `+${PEER}`)).events)
    expect([r.peer, r.units, r.cost]).toEqual([PEER, 1, 0])
    expect(r.draws).toEqual([["tariff:minutes", 1]])
    const inc = rated(use(t, call(60, PEER, "in")).events)
    expect([inc.draws, inc.cost, inc.direction]).toEqual([[], 0, "in"])
  })
})
