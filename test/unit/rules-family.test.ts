// «МЫ МТС» family sharing decided by core/rules/family.ts (R2, I4): who may invite and be invited,
// the 5-member limit, shares against what the owner has left (reserved by open invitations), the
// reply number, lapsed invitations, the member fee, leaving and removal. Exact codes and amounts.
import { describe, expect, it } from "vitest"
import type { Event } from "../../core/domain/events.ts"
import { HOUR } from "../../core/domain/time.ts"
import { addSub, fails, newTwin, rub, run, sub, unchanged } from "../helpers/twin.ts"
import type { TwinCore } from "../../core/engine/twin-core.ts"

const O = "79160000301"
const M = ["79160000311", "79160000312", "79160000313", "79160000314", "79160000315", "79160000316"] as const
const M1 = M[0]
const M2 = M[1]

const money = (events: readonly Event[]) =>
  events.flatMap((e) => (e.type === "Money" ? [[e.msisdn, e.reason, e.amount, e.ref]] : []))
const types = (events: readonly Event[]) => events.map((e) => e.type)
const left = (t: TwinCore, m: string, kind: "minutes" | "sms" | "data", source = "tariff") =>
  sub(t, m).packages.find((p) => p.source === source && p.kind === kind)?.left ?? 0

const invite = (t: TwinCore, member: string, minutes = 100, sms = 10, dataMb = 1024) =>
  run(t, { _tag: "FamilyInvite", msisdn: O, member, minutes, sms, dataMb })
const join = (t: TwinCore, member: string, minutes = 100, sms = 10, dataMb = 1024) => {
  invite(t, member, minutes, sms, dataMb)
  return run(t, { _tag: "FamilyReply", msisdn: member, accept: true, to: "111" })
}

const family = (): TwinCore => {
  const t = newTwin()
  addSub(t, O, "my-mts", rub(2000))
  for (const m of M) addSub(t, m, "smart", rub(500))
  return t
}

describe("R2 family invitations", () => {
  it("R2: an invitation records the shares, expires in 24 h and texts the member from 111", () => {
    const t = family()
    const r = invite(t, M1, 100, 10, 1024)
    expect(r.value.expiresAt).toBe(t.now + 24 * HOUR)
    expect(r.events.find((e) => e.type === "FamilyInvited")).toMatchObject({
      owner: O,
      member: M1,
      shares: { minutes: 100, sms: 10, dataMb: 1024 },
      expiresAt: t.now + 24 * HOUR,
    })
    expect(r.events.find((e) => e.type === "SmsDelivered")).toMatchObject({ msisdn: M1, from: "111" })
    expect(money(r.events)).toEqual([])
  })
  it("R2: only a «МЫ МТС» number that is not a member or invited may invite", () => {
    const t = family()
    expect(fails(t, { _tag: "FamilyInvite", msisdn: M1, member: M2, minutes: 1, sms: 0, dataMb: 0 }).code).toBe(
      "FAMILY_NOT_OWNER",
    )
    join(t, M1)
    expect(fails(t, { _tag: "FamilyInvite", msisdn: M1, member: M2, minutes: 1, sms: 0, dataMb: 0 }).code).toBe(
      "FAMILY_NOT_OWNER",
    )
    const P = "79160000303"
    addSub(t, P, "my-mts", rub(2000))
    invite(t, P)
    // P on «МЫ МТС» but invited by O: cannot invite until the invitation lapses
    addSub(t, "79160000399", "smart", 0)
    const e = fails(t, { _tag: "FamilyInvite", msisdn: P, member: "79160000399", minutes: 1, sms: 0, dataMb: 0 })
    expect([e.code, e.field]).toEqual(["FAMILY_NOT_OWNER", "msisdn"])
    t.advanceBy(24 * HOUR - 1)
    expect(
      fails(t, { _tag: "FamilyInvite", msisdn: P, member: "79160000399", minutes: 1, sms: 0, dataMb: 0 }).code,
    ).toBe("FAMILY_NOT_OWNER")
    t.advanceBy(1)
    const r = run(t, { _tag: "FamilyInvite", msisdn: P, member: "79160000399", minutes: 1, sms: 0, dataMb: 0 })
    expect(r.events.find((x) => x.type === "FamilyDeclined")).toMatchObject({ owner: O, member: P, reason: "expired" })
  })
  it("R2: the member may not be the owner, in a group, invited elsewhere, unknown or corporate", () => {
    const t = family()
    addSub(t, "79160000398", "corporate", 0)
    const inv = (member: string) => fails(t, { _tag: "FamilyInvite", msisdn: O, member, minutes: 1, sms: 0, dataMb: 0 })
    expect([inv(O).code, inv(O).field]).toEqual(["FAMILY_MEMBER_INELIGIBLE", "member"])
    expect(inv("79160000398").code).toBe("FAMILY_MEMBER_INELIGIBLE")
    expect([inv("79169999999").code, inv("79169999999").field]).toEqual(["UNKNOWN_SUBSCRIBER", "member"])
    invite(t, M1)
    expect(inv(M1).code).toBe("FAMILY_MEMBER_INELIGIBLE")
    join(t, M2)
    expect(inv(M2).code).toBe("FAMILY_MEMBER_INELIGIBLE")
  })
  it("R2: a member invited by another owner whose invitation lapsed may be invited again", () => {
    const t = family()
    const O2 = "79160000302"
    addSub(t, O2, "my-mts", rub(2000))
    run(t, { _tag: "FamilyInvite", msisdn: O2, member: M1, minutes: 1, sms: 0, dataMb: 0 })
    t.advanceBy(24 * HOUR)
    const r = invite(t, M1)
    expect(r.events.filter((e) => e.type === "FamilyDeclined").map((e) => [e.owner, e.member, e.reason])).toEqual([
      [O2, M1, "expired"],
    ])
    expect(sub(t, M1).family).toMatchObject({ role: "invited", owner: O })
  })
  it("R2: re-inviting the owner's own lapsed invitee closes the lapsed one once", () => {
    const t = family()
    invite(t, M1)
    t.advanceBy(24 * HOUR)
    const r = invite(t, M1)
    expect(r.events.filter((e) => e.type === "FamilyDeclined").map((e) => [e.owner, e.member])).toEqual([[O, M1]])
  })
  it("R2: at most 5 members; a lapsed invitation frees its place at once", () => {
    const t = family()
    for (const m of M.slice(0, 4)) join(t, m, 10, 1, 1)
    invite(t, M[4], 10, 1, 1)
    const full = fails(t, { _tag: "FamilyInvite", msisdn: O, member: M[5], minutes: 1, sms: 0, dataMb: 0 })
    expect([full.code, full.field]).toEqual(["FAMILY_FULL", "member"])
    t.advanceBy(24 * HOUR)
    const r = invite(t, M[5], 10, 1, 1)
    expect(r.events.find((e) => e.type === "FamilyDeclined")).toMatchObject({ member: M[4], reason: "expired" })
  })
  it("R2: shares are non-negative integers, not all zero", () => {
    const t = family()
    const bad = (minutes: number, sms: number, dataMb: number) =>
      fails(t, { _tag: "FamilyInvite", msisdn: O, member: M1, minutes, sms, dataMb })
    expect([bad(-1, 0, 1).code, bad(-1, 0, 1).field]).toEqual(["INVALID_FIELD", "minutes"])
    expect(bad(1, -1, 1).field).toBe("sms")
    expect(bad(1, 1, 1.5).field).toBe("dataMb")
    expect([bad(0, 0, 0).code, bad(0, 0, 0).field]).toEqual(["INVALID_FIELD", "minutes"])
    run(t, { _tag: "FamilyInvite", msisdn: O, member: M1, minutes: 0, sms: 0, dataMb: 1 })
  })
  it("I4: a share may take exactly what the owner has left, not one unit more, invitations reserved", () => {
    const t = family()
    const over = (member: string, minutes: number, sms: number, dataMb: number) =>
      fails(t, { _tag: "FamilyInvite", msisdn: O, member, minutes, sms, dataMb })
    expect([over(M1, 1501, 0, 0).code, over(M1, 1501, 0, 0).field]).toEqual(["FAMILY_SHARE_EXCEEDS", "minutes"])
    expect(over(M1, 0, 501, 0).field).toBe("sms")
    expect(over(M1, 0, 0, 50 * 1024 + 1).field).toBe("dataMb")
    invite(t, M1, 1000, 300, 40 * 1024)
    expect(over(M2, 501, 0, 0).field).toBe("minutes")
    expect(over(M2, 0, 201, 0).field).toBe("sms")
    expect(over(M2, 0, 0, 10 * 1024 + 1).field).toBe("dataMb")
    invite(t, M2, 500, 200, 10 * 1024)
  })
  it("I4: a lapsed invitation reserves nothing", () => {
    const t = family()
    invite(t, M1, 1500, 0, 0)
    expect(fails(t, { _tag: "FamilyInvite", msisdn: O, member: M2, minutes: 1, sms: 0, dataMb: 0 }).code).toBe(
      "FAMILY_SHARE_EXCEEDS",
    )
    t.advanceBy(24 * HOUR)
    invite(t, M2, 1500, 0, 0)
  })
  it("R2, R15: a blocked owner cannot invite", () => {
    const t = family()
    run(t, { _tag: "Block", msisdn: O })
    expect(fails(t, { _tag: "FamilyInvite", msisdn: O, member: M1, minutes: 1, sms: 0, dataMb: 0 }).code).toBe(
      "BLOCKED",
    )
  })
})

describe("R2 family replies", () => {
  it("R2: «Да» joins: owner's packages give up the shares, member gets them, owner pays 50 ₽", () => {
    const t = family()
    const r = join(t, M1, 100, 10, 1024)
    expect(r.value).toEqual({ joined: true })
    expect(money(r.events)).toEqual([[O, "fee-family-member", -rub(50), M1]])
    expect(r.events.find((e) => e.type === "FamilyJoined")).toMatchObject({ owner: O, member: M1, prevTariff: "smart" })
    expect(r.events.filter((e) => e.type === "SmsDelivered").map((e) => e.msisdn)).toEqual([O, M1])
    expect([left(t, O, "minutes"), left(t, O, "sms"), left(t, O, "data")]).toEqual([1400, 490, 49 * 1024 * 1024])
    expect([left(t, M1, "minutes", "share"), left(t, M1, "sms", "share"), left(t, M1, "data", "share")]).toEqual([
      100,
      10,
      1024 * 1024,
    ])
    expect(sub(t, O).balance).toBe(rub(1950))
  })
  it("R2: «Нет» declines and tells the owner; no fee", () => {
    const t = family()
    invite(t, M1)
    const r = run(t, { _tag: "FamilyReply", msisdn: M1, accept: false })
    expect(r.value).toEqual({ joined: false })
    expect(types(r.events)).toEqual(["FamilyDeclined", "SmsDelivered"])
    expect(r.events[0]).toMatchObject({ reason: "declined" })
    expect(r.events[1]).toMatchObject({ msisdn: O })
    expect(sub(t, M1).family).toBeNull()
  })
  it("R2: an answer to another number or without an invitation is FAMILY_NO_INVITE", () => {
    const t = family()
    const none = fails(t, { _tag: "FamilyReply", msisdn: M1, accept: true })
    expect([none.code, none.field]).toEqual(["FAMILY_NO_INVITE", "msisdn"])
    invite(t, M1)
    unchanged(t, () => {
      const wrong = fails(t, { _tag: "FamilyReply", msisdn: M1, accept: true, to: "0890" })
      expect([wrong.code, wrong.field]).toEqual(["FAMILY_NO_INVITE", "to"])
    })
    run(t, { _tag: "FamilyReply", msisdn: M1, accept: true })
  })
  it("R2: an answer at the moment the invitation lapses is refused and closes it", () => {
    const t = family()
    invite(t, M1)
    t.advanceBy(24 * HOUR - 1)
    const n = t.log.count()
    t.advanceBy(1)
    expect(t.log.count()).toBeGreaterThanOrEqual(n)
    const r = t.execute({ _tag: "FamilyReply", msisdn: M1, accept: true })
    if (r._tag === "Success") throw new Error("a lapsed invitation was accepted")
    expect(r.failure.code).toBe("FAMILY_NO_INVITE")
    expect(sub(t, M1).family).toBeNull()
    expect(sub(t, O).balance).toBe(rub(2000))
  })
  it("R2: the owner blocked meanwhile: the answer is BLOCKED and the invitation stays", () => {
    const t = family()
    invite(t, M1)
    run(t, { _tag: "Block", msisdn: O })
    unchanged(t, () => expect(fails(t, { _tag: "FamilyReply", msisdn: M1, accept: true }).code).toBe("BLOCKED"))
    run(t, { _tag: "Unblock", msisdn: O })
    run(t, { _tag: "FamilyReply", msisdn: M1, accept: true })
  })
  it("I4: the owner used his minutes since the invitation: the answer is refused and declines", () => {
    const t = family()
    invite(t, M1, 1500, 0, 0)
    run(t, { _tag: "Usage", msisdn: O, usage: { _tag: "call", to: "79161112233", seconds: 60 } })
    const r = t.execute({ _tag: "FamilyReply", msisdn: M1, accept: true })
    if (r._tag === "Success") throw new Error("an over-share was accepted")
    expect(r.failure.code).toBe("FAMILY_SHARE_EXCEEDS")
    expect(sub(t, M1).family).toBeNull()
    expect(sub(t, O).balance).toBe(rub(2000))
  })
})

describe("R2 leaving and removal", () => {
  it("R2: removal gives back the unused share, restores the tariff and charges its fee", () => {
    const t = family()
    join(t, M1, 100, 10, 1024)
    run(t, { _tag: "Usage", msisdn: M1, usage: { _tag: "call", to: "79161112233", seconds: 600 } })
    expect(left(t, M1, "minutes", "share")).toBe(90)
    const r = run(t, { _tag: "FamilyRemove", msisdn: O, member: M1 })
    expect(r.value).toEqual({ removed: true })
    const fee = t.cat.tariffs.get("smart")?.monthlyFee ?? 0
    expect(money(r.events)).toEqual([[M1, "fee-monthly", -fee, "smart"]])
    expect(r.events.find((e) => e.type === "FamilyRemoved")).toMatchObject({ restoredTariff: "smart" })
    expect(r.events.find((e) => e.type === "TariffChanged")).toMatchObject({ to: "smart", from: "my-mts-member" })
    expect(r.events.filter((e) => e.type === "SmsDelivered").map((e) => e.msisdn)).toEqual([M1, O])
    expect(sub(t, M1).tariff).toBe("smart")
    // totals are back in full, left back by what the member did not use
    expect(left(t, O, "minutes")).toBe(1490)
    expect(left(t, O, "sms")).toBe(500)
    expect(left(t, O, "data")).toBe(50 * 1024 * 1024)
    expect(sub(t, O).packages.find((p) => p.source === "tariff" && p.kind === "minutes")?.total).toBe(1500)
  })
  it("R2: a member may leave by himself; an invitee's leaving is a decline", () => {
    const t = family()
    join(t, M1)
    invite(t, M2)
    const inv = run(t, { _tag: "FamilyRemove", msisdn: M2, member: M2 })
    expect(types(inv.events)).toEqual(["FamilyDeclined"])
    expect(inv.events[0]).toMatchObject({ owner: O, reason: "declined" })
    const r = run(t, { _tag: "FamilyRemove", msisdn: M1, member: M1 })
    expect(r.events.find((e) => e.type === "FamilyRemoved")).toMatchObject({ owner: O, member: M1 })
  })
  it("R2: removing a number not in the group is FAMILY_NOT_MEMBER", () => {
    const t = family()
    join(t, M1)
    const e = fails(t, { _tag: "FamilyRemove", msisdn: O, member: M2 })
    expect([e.code, e.field]).toEqual(["FAMILY_NOT_MEMBER", "member"])
    expect(fails(t, { _tag: "FamilyRemove", msisdn: M2, member: M2 }).code).toBe("FAMILY_NOT_MEMBER")
    expect(fails(t, { _tag: "FamilyRemove", msisdn: M2, member: M1 }).code).toBe("FAMILY_NOT_MEMBER")
    expect(fails(t, { _tag: "FamilyRemove", msisdn: O, member: "79169999999" }).code).toBe("UNKNOWN_SUBSCRIBER")
  })
  it("R2, R19: a voluntarily blocked member leaves without the fee; the renewal is marked skipped", () => {
    const t = family()
    join(t, M1)
    run(t, { _tag: "Block", msisdn: M1 })
    const r = run(t, { _tag: "FamilyRemove", msisdn: O, member: M1 })
    expect(money(r.events)).toEqual([])
    expect(r.events.find((e) => e.type === "PeriodRenewed")).toMatchObject({ msisdn: M1, charged: false })
    expect(sub(t, M1).renewalSkipped).toBe(true)
  })
  it("R2: a member who came from a constructor gets its default options back, with their fee", () => {
    const t = newTwin()
    addSub(t, O, "my-mts", rub(2000))
    addSub(t, M1, "constructor", rub(2000))
    const before = sub(t, M1).balance
    join(t, M1, 10, 0, 0)
    const r = run(t, { _tag: "FamilyRemove", msisdn: O, member: M1 })
    const fee = -(money(r.events)[0]?.[2] as number)
    const c = t.cat.tariffs.get("constructor")
    expect(r.events.find((e) => e.type === "TariffChanged")).toMatchObject({
      to: "constructor",
      constructorChoice: { minutes: c?.packages.minutes, dataGb: Math.floor((c?.packages.dataMb ?? 0) / 1024) },
    })
    expect(fee).toBeGreaterThan(c?.monthlyFee ?? 0)
    expect(sub(t, M1).balance).toBe(before - fee)
  })
})

describe("I4 shares against what is left, in detail", () => {
  it("I4: an active member's share is already out of the owner's packages, not reserved a second time", () => {
    const t = family()
    join(t, M1, 1000, 300, 40 * 1024)
    expect(left(t, O, "minutes")).toBe(500)
    const over = fails(t, { _tag: "FamilyInvite", msisdn: O, member: M2, minutes: 501, sms: 0, dataMb: 0 })
    expect([over.code, over.field, over.message]).toEqual([
      "FAMILY_SHARE_EXCEEDS",
      "minutes",
      "minutes: 501 > 500 the owner has",
    ])
    invite(t, M2, 500, 200, 10 * 1024)
  })
  it("R2: a share of only minutes and SMS, or only SMS and data, is a share", () => {
    const t = family()
    run(t, { _tag: "FamilyInvite", msisdn: O, member: M1, minutes: 1, sms: 1, dataMb: 0 })
    run(t, { _tag: "FamilyInvite", msisdn: O, member: M2, minutes: 0, sms: 1, dataMb: 1 })
    expect(sub(t, O).family).toMatchObject({ role: "owner" })
  })
  it("I4: the refusal names the field and what the owner has left after reservations", () => {
    const t = family()
    invite(t, M1, 1000, 300, 40 * 1024)
    const at = (minutes: number, sms: number, dataMb: number) =>
      fails(t, { _tag: "FamilyInvite", msisdn: O, member: M2, minutes, sms, dataMb }).message
    expect(at(501, 0, 0)).toBe("minutes: 501 > 500 the owner has")
    expect(at(0, 201, 0)).toBe("sms: 201 > 200 the owner has")
    expect(at(0, 0, 10 * 1024 + 1)).toBe(`dataMb: ${10 * 1024 + 1} > ${10 * 1024} the owner has`)
  })
})

describe("I4 only the owner's tariff packages are shared", () => {
  it("I4: joining and removal change the owner's tariff packages only; a bought package stays whole", () => {
    const t = family()
    run(t, { _tag: "BuyPackage", msisdn: O, offer: "internet-mini" })
    const oneOff = () =>
      sub(t, O)
        .packages.filter((p) => p.source === "oneoff")
        .map((p) => [p.total, p.left])
    expect(oneOff()).toEqual([[3 * 1024 * 1024, 3 * 1024 * 1024]])
    join(t, M1, 100, 10, 1024)
    expect(oneOff()).toEqual([[3 * 1024 * 1024, 3 * 1024 * 1024]])
    expect(left(t, O, "data")).toBe(49 * 1024 * 1024)
    run(t, { _tag: "FamilyRemove", msisdn: O, member: M1 })
    expect(oneOff()).toEqual([[3 * 1024 * 1024, 3 * 1024 * 1024]])
    expect(left(t, O, "data")).toBe(50 * 1024 * 1024)
    expect([left(t, O, "minutes"), left(t, O, "sms")]).toEqual([1500, 500])
  })
})
