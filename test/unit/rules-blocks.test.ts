// The voluntary block (R19), the balance block (R15) and the funds check (R8) decided directly by
// the rules: exact error codes, events and fees. Fast examples for mutation testing of
// core/rules/blocks.ts and core/rules/funds.ts.
import { describe, expect, it } from "vitest"
import type { Event } from "../../core/domain/events.ts"
import { ledgerOf } from "../../core/engine/views.ts"
import { addSub, fails, newTwin, rub, run, sub, unchanged } from "../helpers/twin.ts"

const A = "79160000101"
const B = "79160000102"

const renewals = (events: readonly Event[]) =>
  events.flatMap((e) => (e.type === "PeriodRenewed" ? [{ msisdn: e.msisdn, charged: e.charged }] : []))

describe("R19 voluntary block", () => {
  it("R19: a block records its channel, sets the block and sends the SMS", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(100))
    const r = run(t, { _tag: "Block", msisdn: A, via: "lk", by: A })
    expect(r.events.find((e) => e.type === "BlockSet")).toMatchObject({ msisdn: A, blocked: true, via: "lk" })
    expect(r.events.some((e) => e.type === "SmsDelivered" && e.msisdn === A)).toBe(true)
    expect(sub(t, A).voluntaryBlock).toBe(true)
    const u = run(t, { _tag: "Unblock", msisdn: A, via: "app", by: A })
    expect(u.events.find((e) => e.type === "BlockSet")).toMatchObject({ msisdn: A, blocked: false, via: "app" })
    expect(u.events.some((e) => e.type === "SmsDelivered" && e.msisdn === A)).toBe(true)
    expect(sub(t, A).voluntaryBlock).toBe(false)
  })
  it("R19: without a channel the block and unblock are recorded as the control API", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(100))
    const r = run(t, { _tag: "Block", msisdn: A })
    expect(r.events.find((e) => e.type === "BlockSet")).toMatchObject({ via: "control" })
    const u = run(t, { _tag: "Unblock", msisdn: A })
    expect(u.events.find((e) => e.type === "BlockSet")).toMatchObject({ via: "control" })
  })
  it("R19: blocking twice is ALREADY_BLOCKED, unblocking an open number NOT_BLOCKED; neither changes state", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(100))
    unchanged(t, () => expect(fails(t, { _tag: "Unblock", msisdn: A }).code).toBe("NOT_BLOCKED"))
    run(t, { _tag: "Block", msisdn: A, via: "ivr", by: A })
    unchanged(t, () => expect(fails(t, { _tag: "Block", msisdn: A, via: "lk" }).code).toBe("ALREADY_BLOCKED"))
  })
  it("R19: a corporate tariff cannot block through the IVR, but can through the LK", () => {
    const t = newTwin()
    addSub(t, A, "corporate", rub(100))
    const e = fails(t, { _tag: "Block", msisdn: A, via: "ivr", by: A })
    expect([e.code, e.field]).toEqual(["BLOCK_NOT_ALLOWED", "via"])
    expect(sub(t, A).voluntaryBlock).toBe(false)
    run(t, { _tag: "Block", msisdn: A, via: "lk", by: A })
    expect(sub(t, A).voluntaryBlock).toBe(true)
  })
  it("R19, I9: another number may not block or unblock a number it has not linked", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(100))
    addSub(t, B, "smart", rub(100))
    expect(fails(t, { _tag: "Block", msisdn: A, by: B, via: "lk" }).code).toBe("NOT_AUTHORIZED")
    run(t, { _tag: "Block", msisdn: A })
    expect(fails(t, { _tag: "Unblock", msisdn: A, by: B, via: "lk" }).code).toBe("NOT_AUTHORIZED")
    expect(fails(t, { _tag: "Block", msisdn: "79169999999" }).code).toBe("UNKNOWN_SUBSCRIBER")
    expect(fails(t, { _tag: "Unblock", msisdn: "79169999999" }).code).toBe("UNKNOWN_SUBSCRIBER")
  })
  it("R19: unblocking with no renewal skipped renews nothing and charges nothing", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(1000))
    run(t, { _tag: "Block", msisdn: A })
    const u = run(t, { _tag: "Unblock", msisdn: A })
    expect(renewals(u.events)).toEqual([])
    expect(u.events.filter((e) => e.type === "Money")).toEqual([])
    expect(sub(t, A).balance).toBe(rub(1000))
  })
  it("R19: the renewal skipped during the block is made, with its fee, on unblocking", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(2000))
    run(t, { _tag: "Block", msisdn: A })
    t.advanceMonths(1)
    expect(sub(t, A).renewalSkipped).toBe(true)
    expect(sub(t, A).balance).toBe(rub(2000))
    const u = run(t, { _tag: "Unblock", msisdn: A })
    expect(renewals(u.events)).toEqual([{ msisdn: A, charged: true }])
    const fee = t.cat.tariffs.get("smart")?.monthlyFee ?? 0
    expect(fee).toBeGreaterThan(0)
    expect(sub(t, A).balance).toBe(rub(2000) - fee)
    expect(sub(t, A).renewalSkipped).toBe(false)
    expect(ledgerOf(t, A).map((e) => e.reason)).toContain("fee-monthly")
  })
  it("R2, R19: a member who joined during his block renews with the owner, not on unblocking", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(2000))
    addSub(t, B, "my-mts", rub(2000))
    run(t, { _tag: "Block", msisdn: A })
    t.advanceMonths(1)
    expect(sub(t, A).renewalSkipped).toBe(true)
    run(t, { _tag: "FamilyInvite", msisdn: B, member: A, minutes: 10, sms: 0, dataMb: 0 })
    run(t, { _tag: "FamilyReply", msisdn: A, accept: true })
    const u = run(t, { _tag: "Unblock", msisdn: A })
    expect(renewals(u.events)).toEqual([])
    expect(u.events.filter((e) => e.type === "Money")).toEqual([])
  })
  it("R15, R19: below zero, unblocking leaves the skipped renewal for the top-up", () => {
    const t = newTwin()
    addSub(t, A, "smart", -rub(5))
    run(t, { _tag: "Block", msisdn: A })
    t.advanceMonths(1)
    expect(sub(t, A).renewalSkipped).toBe(true)
    const u = run(t, { _tag: "Unblock", msisdn: A })
    expect(renewals(u.events)).toEqual([])
    expect(sub(t, A).balance).toBe(-rub(5))
    const top = run(t, { _tag: "TopUp", msisdn: A, amount: rub(1000), method: "card" })
    expect(renewals(top.events)).toEqual([{ msisdn: A, charged: true }])
  })
})

describe("R8, R15 funds and the balance block", () => {
  const price = (id: string) => newTwin().cat.oneOff.get(id)?.price ?? 0
  it("R8: a package is bought when the balance covers it exactly, refused one kopeck short", () => {
    const t = newTwin()
    const p = price("internet-mini")
    addSub(t, A, "smart", p)
    addSub(t, B, "smart", p - 1)
    run(t, { _tag: "BuyPackage", msisdn: A, offer: "internet-mini" })
    expect(sub(t, A).balance).toBe(0)
    const e = fails(t, { _tag: "BuyPackage", msisdn: B, offer: "internet-mini" })
    expect([e.code, e.field]).toEqual(["INSUFFICIENT_FUNDS", "amount"])
    expect(sub(t, B).balance).toBe(p - 1)
  })
  it("R8: a credit number may spend down to minus its credit limit", () => {
    const t = newTwin()
    const p = price("internet-mini")
    addSub(t, A, "smart", rub(10), { payment: "credit", creditLimit: p - rub(10) })
    addSub(t, B, "smart", rub(10), { payment: "credit", creditLimit: p - rub(10) - 1 })
    run(t, { _tag: "BuyPackage", msisdn: A, offer: "internet-mini" })
    expect(sub(t, A).balance).toBe(rub(10) - p)
    expect(fails(t, { _tag: "BuyPackage", msisdn: B, offer: "internet-mini" }).code).toBe("INSUFFICIENT_FUNDS")
  })
  it("R8: a prepaid number gets no credit from a credit limit it was created with", () => {
    const t = newTwin()
    addSub(t, A, "smart", 0, { creditLimit: rub(10_000) })
    expect(fails(t, { _tag: "BuyPackage", msisdn: A, offer: "internet-mini" }).code).toBe("INSUFFICIENT_FUNDS")
  })
  it("R8, R15: a free connection needs no funds, even below zero", () => {
    const t = newTwin()
    addSub(t, A, "smart", -rub(100))
    const free = [...t.cat.services.values()].find((s) => s.connectFee === 0 && s.monthlyFee === 0 && s.dailyFee === 0)
    expect(free).toBeDefined()
    run(t, { _tag: "ConnectService", msisdn: A, service: free?.id ?? "" })
    expect(sub(t, A).services).toContain(free?.id)
  })
  it("R15: below zero a paid change is BLOCKED, after a top-up it goes through", () => {
    const t = newTwin()
    addSub(t, A, "smart", -1)
    const e = fails(t, { _tag: "BuyPackage", msisdn: A, offer: "internet-mini" })
    expect([e.code, e.field]).toEqual(["BLOCKED", "msisdn"])
    run(t, { _tag: "TopUp", msisdn: A, amount: rub(1000), method: "card" })
    run(t, { _tag: "BuyPackage", msisdn: A, offer: "internet-mini" })
  })
  it("R15: a credit number is blocked only below minus its limit", () => {
    const t = newTwin()
    addSub(t, A, "smart", -rub(50), { payment: "credit", creditLimit: rub(1000) })
    addSub(t, B, "smart", -rub(1000) - 1, { payment: "credit", creditLimit: rub(1000) })
    run(t, { _tag: "BuyPackage", msisdn: A, offer: "internet-mini" })
    expect(fails(t, { _tag: "BuyPackage", msisdn: B, offer: "internet-mini" }).code).toBe("BLOCKED")
  })
  it("R19: while voluntarily blocked a paid change is BLOCKED even with money", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(5000))
    run(t, { _tag: "Block", msisdn: A })
    const e = fails(t, { _tag: "BuyPackage", msisdn: A, offer: "internet-mini" })
    expect([e.code, e.field]).toEqual(["BLOCKED", "msisdn"])
    expect(e.message).toContain("voluntarily")
  })
})
