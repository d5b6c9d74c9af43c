// Package instances built from the catalog (core/rules/packages.ts: R1, R2, R4, R5) and who may
// act on a number (core/rules/context.ts: I9, R20): exact ids, totals in package units (data in
// KB), shares taken from the owner, and the linked-login policy.
import { describe, expect, it } from "vitest"
import { defaultCatalog } from "../../core/catalog/default.ts"
import type { Tariff } from "../../core/catalog/schema.ts"
import type { Subscriber } from "../../core/state/model.ts"
import {
  KB_PER_GB,
  leftOf,
  packageId,
  sharedTotal,
  sharePackages,
  tariffAmounts,
  tariffPackages,
} from "../../core/rules/packages.ts"
import { addSub, fails, newTwin, rub, run, sub } from "../helpers/twin.ts"

const tariff = (id: string): Tariff => {
  const t = defaultCatalog.tariffs.find((x) => x.id === id)
  if (t === undefined) throw new Error(id)
  return t as Tariff
}
const R = 1_000_000

describe("R1, R4, R5 tariff packages", () => {
  it("R1: a packaged tariff gives minutes, SMS and data (KB) until the renewal", () => {
    expect(tariffPackages(tariff("smart"), R, null)).toEqual([
      {
        id: "tariff:minutes",
        source: "tariff",
        offer: "smart",
        name: "Минуты по тарифу",
        kind: "minutes",
        total: 600,
        left: 600,
        expiresAt: R,
      },
      {
        id: "tariff:sms",
        source: "tariff",
        offer: "smart",
        name: "SMS по тарифу",
        kind: "sms",
        total: 300,
        left: 300,
        expiresAt: R,
      },
      {
        id: "tariff:data",
        source: "tariff",
        offer: "smart",
        name: "Интернет по тарифу",
        kind: "data",
        total: 25 * 1024 * 1024,
        left: 25 * 1024 * 1024,
        expiresAt: R,
      },
    ])
  })
  it("R4: a pay-as-you-go tariff has no packages", () => {
    expect(tariffPackages(tariff("super"), R, null)).toEqual([])
  })
  it("R5: a constructor gives the chosen minutes and GB, its fixed SMS; the defaults without a choice", () => {
    expect(tariffAmounts(tariff("constructor"), { minutes: 600, dataGb: 20 })).toEqual({
      minutes: 600,
      sms: 100,
      dataMb: 20 * 1024,
    })
    expect(tariffAmounts(tariff("constructor"), null)).toEqual({ minutes: 300, sms: 100, dataMb: 10 * 1024 })
    expect(tariffAmounts(tariff("smart"), { minutes: 1, dataGb: 1 })).toEqual({
      minutes: 600,
      sms: 300,
      dataMb: 25 * 1024,
    })
  })
  it("R5: constructor options on a tariff that is not a constructor change nothing", () => {
    const smart = { ...tariff("smart"), adjustable: tariff("constructor").adjustable }
    expect(tariffAmounts(smart, { minutes: 100, dataGb: 5 })).toEqual({ minutes: 600, sms: 300, dataMb: 25 * 1024 })
  })
  it("R4: package ids join prefix, offer and sequence; a GB is 1024 × 1024 KB", () => {
    expect(packageId("oneoff", "internet-mini", 42)).toBe("oneoff:internet-mini:42")
    expect(KB_PER_GB).toBe(1_048_576)
  })
  it("R2: the owner's packages are the tariff's minus the shares; a fully shared kind has none", () => {
    const p = tariffPackages(tariff("my-mts"), R, null, { minutes: 1500, sms: 10, dataMb: 1024 })
    expect(p.map((x) => [x.kind, x.total])).toEqual([
      ["sms", 490],
      ["data", 49 * 1024 * 1024],
    ])
  })
  it("R2: a member's share packages carry the owner's number; empty shares give none", () => {
    expect(sharePackages("79160000001", { minutes: 10, sms: 0, dataMb: 2 }, R)).toEqual([
      {
        id: "share:minutes",
        source: "share",
        offer: "79160000001",
        name: "Минуты от 79160000001",
        kind: "minutes",
        total: 10,
        left: 10,
        expiresAt: R,
      },
      {
        id: "share:data",
        source: "share",
        offer: "79160000001",
        name: "Интернет от 79160000001",
        kind: "data",
        total: 2048,
        left: 2048,
        expiresAt: R,
      },
    ])
    expect(sharePackages("79160000001", { minutes: 0, sms: 3, dataMb: 0 }, R).map((p) => [p.id, p.total])).toEqual([
      ["share:sms", 3],
    ])
  })
  it("R2, I4: the shared total counts every member, invited ones too; not an owner: nothing", () => {
    const owner = {
      family: {
        role: "owner",
        members: [
          { msisdn: "1", status: "active", shares: { minutes: 10, sms: 1, dataMb: 100 }, expiresAt: 0 },
          { msisdn: "2", status: "invited", shares: { minutes: 5, sms: 2, dataMb: 50 }, expiresAt: 0 },
        ],
      },
    } as unknown as Subscriber
    expect(sharedTotal(owner)).toEqual({ minutes: 15, sms: 3, dataMb: 150 })
    expect(sharedTotal({ family: null } as unknown as Subscriber)).toEqual({ minutes: 0, sms: 0, dataMb: 0 })
  })
  it("R4: what is left counts tariff and share packages always, one-offs until they lapse", () => {
    const s = {
      packages: [
        { kind: "minutes", left: 5, expiresAt: 100, source: "tariff" },
        { kind: "minutes", left: 7, expiresAt: 100, source: "share" },
        { kind: "minutes", left: 11, expiresAt: 100, source: "oneoff" },
        { kind: "minutes", left: 13, expiresAt: null, source: "bonus" },
        { kind: "sms", left: 17, expiresAt: null, source: "tariff" },
      ],
    } as unknown as Subscriber
    expect(leftOf(s, "minutes", 99)).toBe(36)
    expect(leftOf(s, "minutes", 100)).toBe(25)
    expect(leftOf(s, "sms", 100)).toBe(17)
    expect(leftOf(s, "data", 0)).toBe(0)
  })
})

describe("I9, R20 who may act on a number", () => {
  const A = "79160000701"
  const B = "79160000702"
  it("I9: the number itself or the operator may act; another number may not", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(100))
    addSub(t, B, "smart", rub(100))
    run(t, { _tag: "TopUp", msisdn: A, amount: rub(1), method: "card", by: A })
    run(t, { _tag: "TopUp", msisdn: A, amount: rub(1), method: "card" })
    const e = fails(t, { _tag: "TopUp", msisdn: A, amount: rub(1), method: "card", by: B })
    expect([e.code, e.field]).toEqual(["NOT_AUTHORIZED", "msisdn"])
  })
  it("R20, I9: a login with the number linked may act where the rule allows linked logins, not where only the number may", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(100))
    addSub(t, B, "smart", rub(100))
    run(t, { _tag: "SetupLink", msisdn: B, target: A })
    expect(sub(t, B).linked).toContain(A)
    run(t, { _tag: "TopUp", msisdn: A, amount: rub(1), method: "card", by: B })
    expect(sub(t, A).balance).toBe(rub(101))
    expect(fails(t, { _tag: "Transfer", msisdn: A, to: B, amount: rub(1), by: B }).code).toBe("NOT_AUTHORIZED")
    // the link is one way
    expect(fails(t, { _tag: "TopUp", msisdn: B, amount: rub(1), method: "card", by: A }).code).toBe("NOT_AUTHORIZED")
  })
})
