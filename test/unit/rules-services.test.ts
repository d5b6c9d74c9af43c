// Tariff change (R6), constructor packages (R5), services (R17, R18) and one-off packages (R4)
// decided by core/rules/services.ts: codes, quotes, fees and packages, on the default catalog and
// on one with a connection fee, a change fee and a service that cannot be removed.
import { describe, expect, it } from "vitest"
import { defaultCatalog } from "../../core/catalog/default.ts"
import { indexCatalog } from "../../core/catalog/load.ts"
import type { Event } from "../../core/domain/events.ts"
import { DAY } from "../../core/domain/time.ts"
import type { TwinCore } from "../../core/engine/twin-core.ts"
import { monthlyFeeOf, serviceAvailable, tariffQuote } from "../../core/rules/services.ts"
import { addSub, fails, newTwin, rub, run, sub, T0, unchanged } from "../helpers/twin.ts"

const A = "79160000401"
const B = "79160000402"

const money = (events: readonly Event[]) =>
  events.flatMap((e) => (e.type === "Money" ? [[e.msisdn, e.reason, e.amount, e.ref]] : []))

/** The default catalog plus a paid, non-removable service and a tariff with a change fee. */
const paidCatalog = () =>
  indexCatalog({
    ...defaultCatalog,
    auth: { ...defaultCatalog.auth, scryptN: 16 },
    services: [
      ...defaultCatalog.services,
      {
        ...(defaultCatalog.services.find((s) => s.id === "web-sms") as (typeof defaultCatalog.services)[number]),
        id: "paid-connect",
        name: "Платное подключение",
        connectFee: rub(30),
        removable: false,
      },
    ],
    tariffs: defaultCatalog.tariffs.map((t) => (t.id === "smart" ? { ...t, changeFee: rub(100) } : t)),
  })

const cat = newTwin().cat
const tariff = (id: string) => {
  const t = cat.tariffs.get(id)
  if (t === undefined) throw new Error(id)
  return t
}
const service = (id: string) => {
  const s = cat.services.get(id)
  if (s === undefined) throw new Error(id)
  return s
}

describe("R5, R6 fees and quotes", () => {
  it("R5: a constructor's monthly fee is its base plus the chosen options; other tariffs their fee", () => {
    const c = tariff("constructor")
    expect(monthlyFeeOf(c, { minutes: 100, dataGb: 5 })).toBe(rub(200 + 50 + 100))
    expect(monthlyFeeOf(c, { minutes: 1000, dataGb: 40 })).toBe(rub(200 + 330 + 380))
    expect(monthlyFeeOf(c, { minutes: 7, dataGb: 7 })).toBe(rub(200))
    expect(monthlyFeeOf(c, null)).toBe(rub(200))
    expect(monthlyFeeOf(tariff("smart"), { minutes: 100, dataGb: 5 })).toBe(rub(650))
  })
  it("R6: the quote of a constructor uses its default options (300 min, 10 GB)", () => {
    expect(tariffQuote(tariff("constructor"))).toEqual({
      tariff: "constructor",
      name: "Мой тариф",
      changeFee: 0,
      monthlyFee: rub(200 + 120 + 160),
      total: rub(480),
    })
    expect(tariffQuote(tariff("vip"))).toMatchObject({ monthlyFee: rub(3500), total: rub(3500) })
  })
  it("R17: a service's availability excludes its listed tariffs, corporate and VIP where marked", () => {
    expect(serviceAvailable(service("shared-package"), tariff("my-mts-member"))).toBe(false)
    expect(serviceAvailable(service("shared-package"), tariff("smart"))).toBe(true)
    expect(serviceAvailable(service("e-assistant"), tariff("corporate"))).toBe(false)
    expect(serviceAvailable(service("e-assistant"), tariff("vip"))).toBe(false)
    expect(serviceAvailable(service("e-assistant"), tariff("smart"))).toBe(true)
    expect(serviceAvailable(service("web-sms"), tariff("corporate"))).toBe(true)
    expect(serviceAvailable(service("web-sms"), tariff("vip"))).toBe(true)
  })
})

describe("R6 tariff change", () => {
  it("R6: an unconfirmed change is CONFIRMATION_REQUIRED and changes nothing; confirmed, it charges the month", () => {
    const t = newTwin()
    addSub(t, A, "super", rub(700))
    unchanged(t, () => {
      const e = fails(t, { _tag: "ChangeTariff", msisdn: A, tariff: "smart" })
      expect([e.code, e.field]).toEqual(["CONFIRMATION_REQUIRED", "confirmed"])
    })
    const r = run(t, { _tag: "ChangeTariff", msisdn: A, tariff: "smart", confirmed: true })
    expect(r.value).toEqual({ tariff: "smart", name: "Смарт", changeFee: 0, monthlyFee: rub(650), total: rub(650) })
    expect(money(r.events)).toEqual([[A, "fee-monthly", -rub(650), "smart"]])
    expect(r.events.find((e) => e.type === "TariffChanged")).toMatchObject({
      from: "super",
      to: "smart",
      services: ["mobile-assistant"],
      constructorChoice: null,
    })
    expect(sub(t, A).balance).toBe(rub(50))
    expect(sub(t, A).tariff).toBe("smart")
  })
  it("R6: the change fee comes before the first month; both must be covered", () => {
    const t = newTwin({ catalog: paidCatalog() })
    addSub(t, A, "super", rub(750))
    addSub(t, B, "super", rub(750) - 1)
    const r = run(t, { _tag: "ChangeTariff", msisdn: A, tariff: "smart", confirmed: true })
    expect(money(r.events)).toEqual([
      [A, "fee-tariff-change", -rub(100), "smart"],
      [A, "fee-monthly", -rub(650), "smart"],
    ])
    expect(sub(t, A).balance).toBe(0)
    const e = fails(t, { _tag: "ChangeTariff", msisdn: B, tariff: "smart", confirmed: true })
    expect([e.code, e.field]).toEqual(["INSUFFICIENT_FUNDS", "amount"])
  })
  it("R6: to a free tariff nothing is charged", () => {
    const t = newTwin()
    addSub(t, A, "smart", 0)
    const r = run(t, { _tag: "ChangeTariff", msisdn: A, tariff: "super", confirmed: true })
    expect(money(r.events)).toEqual([])
  })
  it("R6: services the new tariff does not allow are dropped, its defaults added, sorted", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(5000), { services: ["e-assistant", "web-sms"] })
    const r = run(t, { _tag: "ChangeTariff", msisdn: A, tariff: "vip", confirmed: true })
    expect(r.events.find((e) => e.type === "TariffChanged")).toMatchObject({
      services: ["mobile-assistant", "web-sms", "zabugorishche"],
    })
  })
  it("R5, R6: a move to the constructor takes its default options and their fee", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(480))
    const r = run(t, { _tag: "ChangeTariff", msisdn: A, tariff: "constructor", confirmed: true })
    expect(r.events.find((e) => e.type === "TariffChanged")).toMatchObject({
      constructorChoice: { minutes: 300, dataGb: 10 },
      renewAt: t.now + 30 * DAY,
    })
    expect(sub(t, A).balance).toBe(0)
  })
  it("R6: unknown, same, not selectable, corporate and blocked changes are refused", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(5000))
    addSub(t, B, "corporate", rub(5000))
    const ch = (msisdn: string, tariff: string) => fails(t, { _tag: "ChangeTariff", msisdn, tariff, confirmed: true })
    expect([ch(A, "nope").code, ch(A, "nope").field]).toEqual(["UNKNOWN_TARIFF", "tariff"])
    expect([ch(A, "smart").code, ch(A, "smart").field]).toEqual(["SAME_TARIFF", "tariff"])
    expect(ch(A, "corporate").code).toBe("TARIFF_NOT_AVAILABLE")
    expect(ch(A, "my-mts-member").code).toBe("TARIFF_NOT_AVAILABLE")
    run(t, { _tag: "ChangeTariff", msisdn: B, tariff: "smart", confirmed: true })
    run(t, { _tag: "Block", msisdn: A })
    expect(ch(A, "super").code).toBe("BLOCKED")
  })
  it("R2, R6: a member must leave first; an owner with members may only stay on a family tariff", () => {
    const t = newTwin()
    const O = "79160000403"
    addSub(t, O, "my-mts", rub(5000))
    addSub(t, A, "smart", rub(5000))
    run(t, { _tag: "FamilyInvite", msisdn: O, member: A, minutes: 10, sms: 0, dataMb: 0 })
    run(t, { _tag: "FamilyReply", msisdn: A, accept: true })
    const m = fails(t, { _tag: "ChangeTariff", msisdn: A, tariff: "super", confirmed: true })
    expect([m.code, m.field]).toEqual(["FAMILY_MEMBER_INELIGIBLE", "msisdn"])
    const o = fails(t, { _tag: "ChangeTariff", msisdn: O, tariff: "super", confirmed: true })
    expect([o.code, o.field]).toEqual(["FAMILY_HAS_MEMBERS", "tariff"])
  })
})

describe("R5 constructor packages", () => {
  const ctor = (): TwinCore => {
    const t = newTwin()
    addSub(t, A, "constructor", rub(1000))
    return t
  }
  const left = (t: TwinCore, kind: string) =>
    sub(t, A).packages.find((p) => p.source === "tariff" && p.kind === kind) ?? { total: -1, left: -1 }
  it("R5: new options keep what was used this period and return the new fee", () => {
    const t = ctor()
    run(t, { _tag: "Usage", msisdn: A, usage: { _tag: "call", to: "79161112233", seconds: 120 * 60 } })
    expect(left(t, "minutes")).toMatchObject({ total: 300, left: 180 })
    const r = run(t, { _tag: "ConfigureConstructor", msisdn: A, minutes: 600, dataGb: 20 })
    expect(r.value).toEqual({ monthlyFee: rub(200 + 220 + 250) })
    expect(left(t, "minutes")).toMatchObject({ total: 600, left: 480 })
    expect(left(t, "data")).toMatchObject({ total: 20 * 1024 * 1024, left: 20 * 1024 * 1024 })
    run(t, { _tag: "ConfigureConstructor", msisdn: A, minutes: 100, dataGb: 5 })
    expect(left(t, "minutes")).toMatchObject({ total: 100, left: 0 })
    expect(money(r.events)).toEqual([])
    expect(r.events.find((e) => e.type === "ConstructorSet")).toMatchObject({ minutes: 600, dataGb: 20 })
  })
  it("R5: only the catalog's options, only on a constructor, only with «Мобильный помощник», not blocked", () => {
    const t = ctor()
    const bad = (minutes: number, dataGb: number) =>
      fails(t, { _tag: "ConfigureConstructor", msisdn: A, minutes, dataGb })
    expect([bad(200, 10).code, bad(200, 10).field]).toEqual(["INVALID_FIELD", "minutes"])
    expect(bad(300, 11).field).toBe("dataGb")
    run(t, { _tag: "ConfigureConstructor", msisdn: A, minutes: 1000, dataGb: 40 })
    run(t, { _tag: "Block", msisdn: A })
    expect(bad(300, 10).code).toBe("BLOCKED")
    run(t, { _tag: "Unblock", msisdn: A })
    run(t, { _tag: "DisconnectService", msisdn: A, service: "mobile-assistant" })
    expect(bad(300, 10).code).toBe("MOBILE_ASSISTANT_REQUIRED")
    addSub(t, B, "smart", 0)
    const n = fails(t, { _tag: "ConfigureConstructor", msisdn: B, minutes: 300, dataGb: 10 })
    expect([n.code, n.field]).toEqual(["NOT_CONSTRUCTOR", "msisdn"])
  })
})

describe("R17 services", () => {
  it("R17: connecting records the service, charges nothing for a free one and returns its fees", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(10))
    const r = run(t, { _tag: "ConnectService", msisdn: A, service: "goodok" })
    expect(r.value).toEqual({ connectFee: 0, monthlyFee: 0, dailyFee: 350 })
    expect(money(r.events)).toEqual([])
    expect(r.events.find((e) => e.type === "ServiceConnected")).toMatchObject({ msisdn: A, service: "goodok" })
    expect(sub(t, A).services).toContain("goodok")
  })
  it("R17: a connection fee is charged and must be covered", () => {
    const t = newTwin({ catalog: paidCatalog() })
    addSub(t, A, "smart", rub(30))
    addSub(t, B, "smart", rub(30) - 1)
    const r = run(t, { _tag: "ConnectService", msisdn: A, service: "paid-connect" })
    expect(money(r.events)).toEqual([[A, "fee-service-connect", -rub(30), "paid-connect"]])
    expect(sub(t, A).balance).toBe(0)
    expect(fails(t, { _tag: "ConnectService", msisdn: B, service: "paid-connect" }).code).toBe("INSUFFICIENT_FUNDS")
    run(t, { _tag: "Block", msisdn: B })
    expect(fails(t, { _tag: "ConnectService", msisdn: B, service: "paid-connect" }).code).toBe("BLOCKED")
  })
  it("R17, R18: a service that cannot be removed stays", () => {
    const t = newTwin({ catalog: paidCatalog() })
    addSub(t, A, "smart", rub(30))
    run(t, { _tag: "ConnectService", msisdn: A, service: "paid-connect" })
    const e = fails(t, { _tag: "DisconnectService", msisdn: A, service: "paid-connect" })
    expect([e.code, e.field]).toEqual(["SERVICE_NOT_REMOVABLE", "service"])
  })
  it("R15, R19: a paid service is refused below zero; a free one only while voluntarily blocked", () => {
    const t = newTwin()
    addSub(t, A, "smart", -1)
    expect(fails(t, { _tag: "ConnectService", msisdn: A, service: "goodok" }).code).toBe("BLOCKED")
    expect(fails(t, { _tag: "ConnectService", msisdn: A, service: "own-circle" }).code).toBe("BLOCKED")
    expect(fails(t, { _tag: "ConnectService", msisdn: A, service: "second-memory" }).code).toBe("BLOCKED")
    run(t, { _tag: "ConnectService", msisdn: A, service: "web-sms" })
    addSub(t, B, "smart", rub(100))
    run(t, { _tag: "Block", msisdn: B })
    expect(fails(t, { _tag: "ConnectService", msisdn: B, service: "web-sms" }).code).toBe("BLOCKED")
  })
  it("R17: unknown, already connected, not available and not connected are refused", () => {
    const t = newTwin()
    addSub(t, A, "corporate", rub(100))
    const con = (service: string) => fails(t, { _tag: "ConnectService", msisdn: A, service })
    expect([con("nope").code, con("nope").field]).toEqual(["UNKNOWN_SERVICE", "service"])
    expect(con("mobile-assistant").code).toBe("SERVICE_ALREADY_CONNECTED")
    expect([con("e-assistant").code, con("e-assistant").field]).toEqual(["SERVICE_NOT_AVAILABLE", "service"])
    const dis = (service: string) => fails(t, { _tag: "DisconnectService", msisdn: A, service })
    expect(dis("nope").code).toBe("UNKNOWN_SERVICE")
    expect([dis("goodok").code, dis("goodok").field]).toEqual(["SERVICE_NOT_CONNECTED", "service"])
    const r = run(t, { _tag: "DisconnectService", msisdn: A, service: "mobile-assistant" })
    expect(r.events.map((e) => e.type)).toEqual(["ServiceDisconnected", "SmsDelivered"])
    expect(sub(t, A).services).not.toContain("mobile-assistant")
  })
})

describe("R4 one-off packages", () => {
  it("R4: a package costs its price and holds its amount (data in KB) for its days", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(1000))
    const r = run(t, { _tag: "BuyPackage", msisdn: A, offer: "internet-mini" })
    expect(r.value).toEqual({ price: rub(200), expiresAt: T0 + 30 * DAY })
    expect(money(r.events)).toEqual([[A, "package-purchase", -rub(200), "internet-mini"]])
    expect(r.events.find((e) => e.type === "PackageAdded")).toMatchObject({
      pkg: { source: "oneoff", kind: "data", total: 3 * 1024 * 1024, left: 3 * 1024 * 1024, expiresAt: T0 + 30 * DAY },
    })
    const m = run(t, { _tag: "BuyPackage", msisdn: A, offer: "minutes-100" })
    expect(m.events.find((e) => e.type === "PackageAdded")).toMatchObject({ pkg: { kind: "minutes", total: 100 } })
    expect(fails(t, { _tag: "BuyPackage", msisdn: A, offer: "nope" }).code).toBe("UNKNOWN_OFFER")
  })
  it("R4: the package expires after its days", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(1000))
    run(t, { _tag: "BuyPackage", msisdn: A, offer: "sms-50" })
    t.advanceBy(30 * DAY - 1)
    expect(sub(t, A).packages.some((p) => p.source === "oneoff")).toBe(true)
    t.advanceBy(1)
    expect(sub(t, A).packages.some((p) => p.source === "oneoff")).toBe(false)
  })
})

describe("R6, R17, R5 what the subscriber is told", () => {
  const texts = (events: readonly Event[]) =>
    events.flatMap((e) => (e.type === "SmsDelivered" ? [[e.from, e.text]] : []))
  it("R17: connecting and disconnecting name the service; «Электронный Помощник» says how to get its code", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(100))
    expect(texts(run(t, { _tag: "ConnectService", msisdn: A, service: "goodok" }).events)).toEqual([
      ["MTS", "Услуга «GOOD'OK» подключена."],
    ])
    expect(texts(run(t, { _tag: "DisconnectService", msisdn: A, service: "goodok" }).events)).toEqual([
      ["MTS", "Услуга «GOOD'OK» отключена."],
    ])
    expect(texts(run(t, { _tag: "ConnectService", msisdn: A, service: "e-assistant" }).events)).toEqual([
      [
        "MTS",
        "Услуга «Электронный Помощник» подключена. Чтобы получить код доступа, отправьте пустое SMS на номер 6262.",
      ],
    ])
  })
  it("R6, R5: a tariff change names the new tariff; new constructor options come from 111 with their amounts", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(1000))
    const r = run(t, { _tag: "ChangeTariff", msisdn: A, tariff: "constructor", confirmed: true })
    expect(texts(r.events)).toEqual([["MTS", `Тарифный план изменен на «${tariff("constructor").name}».`]])
    const c = run(t, { _tag: "ConfigureConstructor", msisdn: A, minutes: 600, dataGb: 20 })
    expect(texts(c.events)).toEqual([["111", "Пакеты тарифа «Мой тариф» изменены: 600 мин, 20 ГБ."]])
    expect(sub(t, A).constructorChoice).toEqual({ minutes: 600, dataGb: 20 })
  })
})

describe("R15 a connection fee alone makes a service paid", () => {
  it("R15: below zero a service with only a connection fee is BLOCKED, not INSUFFICIENT_FUNDS", () => {
    const t = newTwin({ catalog: paidCatalog() })
    addSub(t, A, "smart", -1)
    unchanged(t, () => {
      const e = fails(t, { _tag: "ConnectService", msisdn: A, service: "paid-connect" })
      expect([e.code, e.field]).toEqual(["BLOCKED", "msisdn"])
    })
  })
})
