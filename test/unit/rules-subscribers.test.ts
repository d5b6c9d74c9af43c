// Subscribers and the network side (core/rules/subscribers.ts), scenario setup as state
// (core/rules/setup.ts), the «Мобильный помощник» gate (core/rules/assistant.ts, R18) and
// operator SMS to the writer's handset (core/rules/service-sms.ts, R28). Exact fields, codes and
// events; a refusal changes nothing (I9 for commands only the network or the control API may send).
import { describe, expect, it } from "vitest"
import type { Command } from "../../core/domain/commands.ts"
import { addMonths, DAY, HOUR } from "../../core/domain/time.ts"
import type { TwinCore } from "../../core/engine/twin-core.ts"
import { MAX_SERVICE_SMS_TEXT } from "../../core/rules/service-sms.ts"
import { addSub, fails, inbox, newTwin, rub, run, sub, unchanged } from "../helpers/twin.ts"

const A = "79160000701"
const B = "79160000702"
const X = "79169999999"

const refusedQuietly = (t: TwinCore, c: Command): [string, string | undefined] => {
  let out: [string, string | undefined] = ["", undefined]
  unchanged(t, () => {
    const e = fails(t, c)
    out = [e.code, e.field]
  })
  return out
}

describe("creating a subscriber", () => {
  it("a new number gets the tariff's packages, default services, renewal in a month and the given fields", () => {
    const t = newTwin()
    const r = run(t, {
      _tag: "CreateSubscriber",
      msisdn: A,
      name: "  Иван Петров  ",
      tariff: "smart",
      balance: rub(150),
      bonus: 40,
      services: ["goodok"],
      passport: "4510 123456",
    })
    expect(r.events).toHaveLength(1)
    expect(r.events[0]).toMatchObject({
      type: "SubscriberCreated",
      name: "Иван Петров",
      passport: "4510 123456",
      birthDate: "1985-01-01",
      region: "Москва",
      tariff: "smart",
      payment: "prepaid",
      creditLimit: 0,
      balance: rub(150),
      bonus: 40,
      services: ["goodok", "mobile-assistant"],
      renewAt: addMonths(t.now, 1),
      avgMonthlySpend: rub(650),
      constructorChoice: null,
    })
    expect(r.events[0]).not.toHaveProperty("rng")
    const s = sub(t, A)
    expect(s.packages.map((p) => [p.kind, p.total])).toEqual([
      ["minutes", 600],
      ["sms", 300],
      ["data", 25600 * 1024],
    ])
  })
  it("without a passport one is drawn from the keyed generator (45xx xxxxxx); a credit account gets 1000 ₽ limit", () => {
    const t = newTwin()
    const before = t.state.rng
    addSub(t, A, "constructor", 0, { payment: "credit" })
    const s = sub(t, A)
    expect(s.passport).toMatch(/^45\d\d \d{6}$/)
    expect(t.state.rng).toBe(before + 1)
    expect(s.payment).toBe("credit")
    expect(s.creditLimit).toBe(rub(1000))
    expect(s.balance).toBe(0)
    expect(s.constructorChoice).toEqual({ minutes: 300, dataGb: 10 })
    addSub(t, B, "smart", rub(1), { payment: "credit", creditLimit: 0, avgMonthlySpend: 0 })
    expect([sub(t, B).creditLimit, sub(t, B).spendHistory]).toEqual([0, [0, 0, 0]])
  })
  it("a duplicate number, bad name, unknown or member tariff, bad amounts, unknown or unavailable services are refused", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(10))
    const c = (o: Partial<Extract<Command, { _tag: "CreateSubscriber" }>>): Command => ({
      _tag: "CreateSubscriber",
      msisdn: B,
      name: "Абонент",
      tariff: "smart",
      ...o,
    })
    expect(refusedQuietly(t, c({ msisdn: A }))).toEqual(["SUBSCRIBER_EXISTS", "msisdn"])
    expect(refusedQuietly(t, c({ name: "   " }))).toEqual(["INVALID_FIELD", "name"])
    expect(refusedQuietly(t, c({ name: "я".repeat(201) }))).toEqual(["INVALID_FIELD", "name"])
    expect(refusedQuietly(t, c({ tariff: "nope" }))).toEqual(["UNKNOWN_TARIFF", "tariff"])
    expect(refusedQuietly(t, c({ tariff: "my-mts-member" }))).toEqual(["TARIFF_NOT_AVAILABLE", "tariff"])
    expect(refusedQuietly(t, c({ balance: 1.5 }))).toEqual(["INVALID_FIELD", "balance"])
    expect(refusedQuietly(t, c({ balance: 1_000_000_001 }))).toEqual(["INVALID_FIELD", "balance"])
    expect(refusedQuietly(t, c({ balance: -1_000_000_001 }))).toEqual(["INVALID_FIELD", "balance"])
    expect(refusedQuietly(t, c({ payment: "credit", creditLimit: -1 }))).toEqual(["INVALID_FIELD", "creditLimit"])
    expect(refusedQuietly(t, c({ payment: "credit", creditLimit: 0.5 }))).toEqual(["INVALID_FIELD", "creditLimit"])
    expect(refusedQuietly(t, c({ bonus: -1 }))).toEqual(["INVALID_FIELD", "bonus"])
    expect(refusedQuietly(t, c({ bonus: 0.5 }))).toEqual(["INVALID_FIELD", "bonus"])
    expect(refusedQuietly(t, c({ avgMonthlySpend: -1 }))).toEqual(["INVALID_FIELD", "avgMonthlySpend"])
    expect(refusedQuietly(t, c({ avgMonthlySpend: 0.5 }))).toEqual(["INVALID_FIELD", "avgMonthlySpend"])
    expect(refusedQuietly(t, c({ services: ["nope"] }))).toEqual(["UNKNOWN_SERVICE", "services"])
    expect(refusedQuietly(t, c({ tariff: "vip", services: ["e-assistant"] }))).toEqual([
      "SERVICE_NOT_AVAILABLE",
      "services",
    ])
    expect(refusedQuietly(t, { ...c({}), by: B } as Command)).toEqual(["NOT_AUTHORIZED", "by"])
    // The limits themselves are accepted: 200 characters, ±10 000 000 ₽, a payment limit with no credit.
    addSub(t, B, "smart", 1_000_000_000, { name: "я".repeat(200) })
    addSub(t, "79160000703", "smart", -1_000_000_000, { creditLimit: -5 })
    expect(sub(t, "79160000703").creditLimit).toBe(0)
  })
})

describe("travel and mobile data (network side)", () => {
  it("Travel: a country code in any case, «russia»/«RU», «home»; the same place again records nothing", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(10))
    expect(run(t, { _tag: "Travel", msisdn: A, to: " tr " }).events).toEqual([
      expect.objectContaining({ type: "Travelled", msisdn: A, to: "TR" }),
    ])
    expect(sub(t, A).location).toBe("TR")
    unchanged(t, () => expect(run(t, { _tag: "Travel", msisdn: A, to: "TR" }).events).toEqual([]))
    run(t, { _tag: "Travel", msisdn: A, to: "ru" })
    expect(sub(t, A).location).toBe("russia")
    run(t, { _tag: "Travel", msisdn: A, to: "HOME" })
    expect(sub(t, A).location).toBe("home")
    run(t, { _tag: "Travel", msisdn: A, to: "Russia" })
    expect(sub(t, A).location).toBe("russia")
  })
  it("Travel: an unknown country, an unknown number or a subscriber's channel are refused", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(10))
    expect(refusedQuietly(t, { _tag: "Travel", msisdn: A, to: "XX" })).toEqual(["UNKNOWN_COUNTRY", "to"])
    // The message quotes at most 20 characters of what was sent.
    expect(fails(t, { _tag: "Travel", msisdn: A, to: `${"Z".repeat(20)}TAIL` }).message).toBe(
      `to: "${"Z".repeat(20)}" is not home, russia or a country code in the catalog`,
    )
    expect(refusedQuietly(t, { _tag: "Travel", msisdn: X, to: "TR" })).toEqual(["UNKNOWN_SUBSCRIBER", "msisdn"])
    expect(refusedQuietly(t, { _tag: "Travel", msisdn: A, to: "TR", by: A })).toEqual(["NOT_AUTHORIZED", "by"])
  })
  it("SetNetwork: attaches and detaches mobile data once; the same state again records nothing", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(10))
    expect(sub(t, A).mobileData).toBe(false)
    unchanged(t, () => expect(run(t, { _tag: "SetNetwork", msisdn: A, mobileData: false }).events).toEqual([]))
    expect(run(t, { _tag: "SetNetwork", msisdn: A, mobileData: true }).events).toEqual([
      expect.objectContaining({ type: "NetworkSet", msisdn: A, mobileData: true }),
    ])
    expect(sub(t, A).mobileData).toBe(true)
    expect(refusedQuietly(t, { _tag: "SetNetwork", msisdn: X, mobileData: true })).toEqual([
      "UNKNOWN_SUBSCRIBER",
      "msisdn",
    ])
    expect(refusedQuietly(t, { _tag: "SetNetwork", msisdn: A, mobileData: false, by: A })).toEqual([
      "NOT_AUTHORIZED",
      "by",
    ])
  })
})

describe("scenario setup as state (setup.ts)", () => {
  it("R4 setup: a one-off package held from now, as bought but without charge or SMS", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(10))
    const seq = t.state.seq
    const r = run(t, { _tag: "SetupPackage", msisdn: A, offer: "internet-mini" })
    expect(r.events).toHaveLength(1)
    expect(r.events[0]).toMatchObject({
      type: "PackageAdded",
      msisdn: A,
      pkg: {
        id: `oneoff:internet-mini:${seq + 1}`,
        offer: "internet-mini",
        kind: "data",
        total: 3 * 1024 * 1024,
        left: 3 * 1024 * 1024,
        expiresAt: t.now + 30 * DAY,
      },
    })
    expect(sub(t, A).balance).toBe(rub(10))
    expect(inbox(t, A)).toHaveLength(0)
    expect(refusedQuietly(t, { _tag: "SetupPackage", msisdn: A, offer: "nope" })).toEqual(["UNKNOWN_OFFER", "offer"])
    expect(refusedQuietly(t, { _tag: "SetupPackage", msisdn: X, offer: "internet-mini" })).toEqual([
      "UNKNOWN_SUBSCRIBER",
      "msisdn",
    ])
    expect(refusedQuietly(t, { _tag: "SetupPackage", msisdn: A, offer: "internet-mini", by: A })).toEqual([
      "NOT_AUTHORIZED",
      "by",
    ])
  })
  it("R20 setup: a link as if confirmed, no SMS; itself, twice, unknown numbers, a channel are refused", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(10))
    addSub(t, B, "smart", rub(10))
    expect(refusedQuietly(t, { _tag: "SetupLink", msisdn: A, target: A })).toEqual(["LINK_INVALID", "target"])
    expect(refusedQuietly(t, { _tag: "SetupLink", msisdn: X, target: B })).toEqual(["UNKNOWN_SUBSCRIBER", "msisdn"])
    expect(refusedQuietly(t, { _tag: "SetupLink", msisdn: A, target: X })).toEqual(["UNKNOWN_SUBSCRIBER", "target"])
    expect(refusedQuietly(t, { _tag: "SetupLink", msisdn: A, target: B, by: A })).toEqual(["NOT_AUTHORIZED", "by"])
    expect(run(t, { _tag: "SetupLink", msisdn: A, target: B }).events).toEqual([
      expect.objectContaining({ type: "LinkConfirmed", msisdn: A, target: B }),
    ])
    expect(sub(t, A).linked).toEqual([B])
    expect(inbox(t, B)).toHaveLength(0)
    expect(refusedQuietly(t, { _tag: "SetupLink", msisdn: A, target: B })).toEqual(["LINK_INVALID", "target"])
  })
  it("R2 setup: a member joined as if invited and agreed: member tariff, shares, no fee, no SMS", () => {
    const t = newTwin()
    addSub(t, A, "my-mts", rub(10))
    addSub(t, B, "smart", rub(10))
    const r = run(t, { _tag: "SetupFamily", msisdn: A, member: B, minutes: 100, sms: 50, dataMb: 1024 })
    expect(r.events.map((e) => e.type)).toEqual(["FamilyInvited", "FamilyJoined"])
    expect(sub(t, B).tariff).toBe("my-mts-member")
    expect(sub(t, B).family).toMatchObject({ role: "member", owner: A })
    expect([sub(t, A).balance, sub(t, B).balance]).toEqual([rub(10), rub(10)])
    expect(inbox(t, A)).toHaveLength(0)
    expect(inbox(t, B)).toHaveLength(0)
    const C = "79160000703"
    addSub(t, C, "smart", rub(10))
    const f = (o: Partial<Extract<Command, { _tag: "SetupFamily" }>>): Command => ({
      _tag: "SetupFamily",
      msisdn: A,
      member: C,
      minutes: 10,
      sms: 10,
      dataMb: 10,
      ...o,
    })
    expect(refusedQuietly(t, f({ by: A }))).toEqual(["NOT_AUTHORIZED", "by"])
    expect(refusedQuietly(t, f({ member: X }))[0]).toBe("UNKNOWN_SUBSCRIBER")
    expect(refusedQuietly(t, f({ msisdn: X }))[0]).toBe("UNKNOWN_SUBSCRIBER")
    expect(refusedQuietly(t, f({ minutes: 100_000 }))[0]).toBe("FAMILY_SHARE_EXCEEDS")
  })
})

describe("R2, I4 setup closes lapsed invitations first", () => {
  it("R2, I4: setting up a member whose invitation lapsed closes it: one entry, one fee at renewal", () => {
    const t = newTwin()
    addSub(t, A, "my-mts", rub(5000))
    addSub(t, B, "smart", rub(10))
    run(t, { _tag: "FamilyInvite", msisdn: A, member: B, minutes: 100, sms: 0, dataMb: 0 })
    t.advanceBy(24 * HOUR)
    const r = run(t, { _tag: "SetupFamily", msisdn: A, member: B, minutes: 100, sms: 0, dataMb: 0 })
    expect(r.events.map((e) => e.type)).toEqual(["FamilyDeclined", "FamilyInvited", "FamilyJoined"])
    const fam = sub(t, A).family
    expect(fam?.role === "owner" && fam.members.map((m) => [m.msisdn, m.status])).toEqual([[B, "active"]])
    const n = t.log.count()
    t.advanceMonths(1)
    const fees = [...t.log.read(n)].filter((e) => e.type === "Money" && e.reason === "fee-family-member")
    expect(fees).toHaveLength(1)
    expect(sub(t, A).packages.find((p) => p.kind === "minutes")?.total).toBe(1400)
  })
})

describe("R18 «Мобильный помощник» gate (assistant.ts)", () => {
  const off = (): TwinCore => {
    const t = newTwin()
    addSub(t, A, "smart", rub(500))
    addSub(t, B, "smart", rub(500))
    run(t, { _tag: "DisconnectService", msisdn: A, service: "mobile-assistant", by: A, via: "ussd" })
    return t
  }
  it("R18: switched off, managing through 111, the LK or the app is MOBILE_ASSISTANT_REQUIRED; nothing changes", () => {
    const t = off()
    for (const via of ["ivr", "lk", "app"] as const) {
      expect([via, ...refusedQuietly(t, { _tag: "Block", msisdn: A, by: A, via })]).toEqual([
        via,
        "MOBILE_ASSISTANT_REQUIRED",
        "msisdn",
      ])
      expect(refusedQuietly(t, { _tag: "ConnectService", msisdn: A, service: "goodok", by: A, via })[0]).toBe(
        "MOBILE_ASSISTANT_REQUIRED",
      )
      expect(refusedQuietly(t, { _tag: "LinkRequest", msisdn: A, target: B, by: A, via })[0]).toBe(
        "MOBILE_ASSISTANT_REQUIRED",
      )
    }
  })
  it("R18: USSD, SMS, the operator and not-managing commands pass; switching it back on passes everywhere", () => {
    const t = off()
    run(t, { _tag: "ConnectService", msisdn: A, service: "goodok", by: A, via: "ussd" })
    run(t, { _tag: "DisconnectService", msisdn: A, service: "goodok", by: A, via: "sms" })
    // The operator (no by) through any channel, or a subscriber command that names no channel, passes.
    run(t, { _tag: "Block", msisdn: A, via: "lk" })
    run(t, { _tag: "Unblock", msisdn: A, by: A })
    // An unknown number is the rule's to refuse.
    expect(refusedQuietly(t, { _tag: "Block", msisdn: X, by: X, via: "lk" })).toEqual(["UNKNOWN_SUBSCRIBER", "msisdn"])
    run(t, { _tag: "TopUp", msisdn: A, amount: rub(10), method: "card", by: A, via: "lk" })
    run(t, { _tag: "RequestOtp", msisdn: A, by: A, via: "lk" })
    run(t, { _tag: "ConnectService", msisdn: A, service: "mobile-assistant", by: A, via: "lk" })
    run(t, { _tag: "Block", msisdn: A, by: A, via: "lk" })
    expect(sub(t, A).voluntaryBlock).toBe(true)
  })
  it("R18: the gate looks at the number acted on: a linked login manages B (assistant on) though A's is off", () => {
    const t = off()
    run(t, { _tag: "SetupLink", msisdn: A, target: B })
    run(t, { _tag: "ConnectService", msisdn: B, service: "goodok", by: A, via: "lk" })
    expect(sub(t, B).services).toContain("goodok")
  })
})

describe("R28 operator SMS to the writer's handset (service-sms.ts)", () => {
  it(`R28: a text of exactly ${MAX_SERVICE_SMS_TEXT} characters is delivered with its segments; one more is refused`, () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(10))
    const r = run(t, { _tag: "ServiceSms", msisdn: A, from: "111", text: "a".repeat(MAX_SERVICE_SMS_TEXT), by: A })
    expect(r.value.segments).toBe(7)
    expect(inbox(t, A)).toHaveLength(1)
    expect(
      refusedQuietly(t, {
        _tag: "ServiceSms",
        msisdn: A,
        from: "111",
        text: "a".repeat(MAX_SERVICE_SMS_TEXT + 1),
        by: A,
      }),
    ).toEqual(["INVALID_FIELD", "text"])
    expect(refusedQuietly(t, { _tag: "ServiceSms", msisdn: A, from: "111", text: " \n ", by: A })).toEqual([
      "INVALID_FIELD",
      "text",
    ])
    expect(refusedQuietly(t, { _tag: "ServiceSms", msisdn: X, from: "111", text: "Баланс", by: X })).toEqual([
      "UNKNOWN_SUBSCRIBER",
      "msisdn",
    ])
  })
})
