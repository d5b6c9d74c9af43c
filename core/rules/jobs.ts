// Jobs the clock runs (Twin.advance): monthly renewal with fees (R1, R2, R19), daily service
// fees, one-off package expiry (R4), promised-payment repayment (R10), autopay by date (R11),
// lapsed family invitations and idle sessions.
import type { CatalogIndex } from "../catalog/load.ts"
import type { Service } from "../catalog/schema.ts"
import type { Draft } from "../domain/events.ts"
import { addMonths, DAY, mskParts } from "../domain/time.ts"
import { isBlocked, isFinanciallyBlockedAt, type Subscriber } from "../state/model.ts"
import { smsTo, tariffOf, type Ctx } from "./context.ts"
import { sharedTotal, sharePackages, tariffPackages } from "./packages.ts"
import { monthlyFeeOf } from "./services.ts"
import { sessionLapsed } from "./sessions.ts"
import { SENDER, texts } from "./texts.ts"
import { nextMonthlyDay } from "./payments.ts"

/**
 * The monthly renewal of `s` at instant `at`. While blocked (voluntarily, R19, or for the
 * balance, R15) no fee is charged and packages are kept; `force` renews now (on unblocking or on
 * the top-up that lifts the balance block, after a skipped renewal). The renewal's fees (tariff,
 * services, family members) are one decision, made on the status before it.
 */
export const renewalEvents = (ctx: Ctx, s: Subscriber, at: number, force = false): Draft[] => {
  const t = tariffOf(ctx, s)
  // R1: the period renews on its day each month, on the last day of a shorter month (a period
  // from the 31st renews on 30.04, 31.05, 30.06 …, never drifting to the 28th for good).
  const next = force ? addMonths(at, 1) : addMonths(s.renewAt, 1, s.renewDay)
  if (isBlocked(s) && !force)
    return [{ type: "PeriodRenewed", msisdn: s.msisdn, renewAt: next, packages: [], charged: false }]
  const ev: Draft[] = []
  const fee = monthlyFeeOf(t, s.constructorChoice)
  if (fee > 0) ev.push({ type: "Money", msisdn: s.msisdn, amount: -fee, reason: "fee-monthly", ref: t.id })
  for (const id of s.services) {
    const sv = ctx.cat.services.get(id)
    if (sv !== undefined && sv.monthlyFee > 0)
      ev.push({ type: "Money", msisdn: s.msisdn, amount: -sv.monthlyFee, reason: "fee-monthly", ref: sv.id })
  }
  const fam = s.family
  const active = fam?.role === "owner" ? fam.members.filter((m) => m.status === "active") : []
  const memberFee = ctx.cat.data.family.memberFee
  for (const m of active)
    if (memberFee > 0)
      ev.push({ type: "Money", msisdn: s.msisdn, amount: -memberFee, reason: "fee-family-member", ref: m.msisdn })
  // I4: the owner's periodic packages are the tariff's minus what active members receive.
  const shared = { minutes: 0, sms: 0, dataMb: 0 }
  for (const m of active) {
    shared.minutes += m.shares.minutes
    shared.sms += m.shares.sms
    shared.dataMb += m.shares.dataMb
  }
  const day = force ? { renewDay: mskParts(at).day } : {}
  ev.push({
    type: "PeriodRenewed",
    msisdn: s.msisdn,
    renewAt: next,
    packages: tariffPackages(t, next, s.constructorChoice, shared),
    charged: true,
    ...day,
  })
  for (const m of active) {
    ev.push({
      type: "PeriodRenewed",
      msisdn: m.msisdn,
      renewAt: next,
      packages: sharePackages(s.msisdn, m.shares, next),
      charged: true,
      ...day,
    })
  }
  return ev
}

/** Renewal job for `msisdn` due at `at`; members renew with their owner. */
export const renewalJob = (ctx: Ctx, s: Subscriber, at: number): Draft[] => {
  if (s.family?.role === "member") {
    const owner = ctx.state.subscribers.get(s.family.owner)
    // The owner's renewal renews the member; if the owner's renewal is later, wait for it.
    if (owner !== undefined && owner.renewAt !== at)
      return [
        {
          type: "PeriodRenewed",
          msisdn: s.msisdn,
          renewAt: owner.renewAt,
          packages: s.packages.filter((p) => p.source === "share"),
          charged: true,
        },
      ]
    return []
  }
  return renewalEvents(ctx, s, at)
}

/** The catalog's services with a daily fee, by id (computed once per catalog). */
const dailyFeeServices = (cat: CatalogIndex): ReadonlyMap<string, Service> => {
  let m = DAILY_FEES.get(cat)
  if (m === undefined) {
    m = new Map([...cat.services].filter(([, sv]) => sv.dailyFee > 0))
    DAILY_FEES.set(cat, m)
  }
  return m
}
const DAILY_FEES = new WeakMap<CatalogIndex, ReadonlyMap<string, Service>>()

/** The daily job at 00:00 MSK: daily service fees, lapsed invitations, idle sessions. */
export const dailyJob = (ctx: Ctx, at: number): Draft[] => {
  const ev: Draft[] = []
  // It visits every subscriber every day: most have no daily fee, so the status is read only
  // for those that do.
  const fees = dailyFeeServices(ctx.cat)
  for (const s of ctx.state.subscribers.values()) {
    const services = s.services
    // R15, R19: each fee is decided on the balance and status the one before it left. A blocked
    // number is charged no recurring fee, and a daily fee is charged only when the balance (or the
    // credit limit) still covers it, as the network grants usage: a fee the balance does not cover
    // is not taken that day.
    let balance = s.balance
    for (let i = 0; i < services.length; i++) {
      const sv = fees.get(services[i] as string)
      if (sv === undefined || s.voluntaryBlock || isFinanciallyBlockedAt(s, balance - sv.dailyFee)) continue
      ev.push({ type: "Money", msisdn: s.msisdn, amount: -sv.dailyFee, reason: "fee-daily", ref: sv.id })
      balance -= sv.dailyFee
    }
    if (s.family?.role === "owner") {
      for (const m of s.family.members) {
        if (m.status === "invited" && m.expiresAt <= at) {
          ev.push({ type: "FamilyDeclined", owner: s.msisdn, member: m.msisdn, reason: "expired" })
          ev.push(smsTo(s.msisdn, SENDER.mts, texts.familyExpiredOwner(m.msisdn)))
        }
      }
    }
  }
  for (const x of ctx.state.sessions.values()) {
    if (sessionLapsed(ctx.cat, x.channel, x.lastSeen, at))
      ev.push({ type: "SessionEnded", tokenHash: x.tokenHash, reason: "idle" })
  }
  ev.push({ type: "ClockSet", to: at, nextDaily: at + DAY })
  return ev
}

export const expiryJob = (s: Subscriber, at: number): Draft[] =>
  s.packages
    .filter((p) => (p.source === "oneoff" || p.source === "bonus") && p.expiresAt !== null && p.expiresAt <= at)
    .map((p) => ({ type: "PackageExpired", msisdn: s.msisdn, pkgId: p.id }))

export const promisedDueJob = (s: Subscriber): Draft[] => {
  if (s.promised === null) return []
  return [
    { type: "PromisedClosed", msisdn: s.msisdn },
    { type: "Money", msisdn: s.msisdn, amount: -s.promised.amount, reason: "promised-repayment", ref: "promised" },
    smsTo(s.msisdn, SENDER.mts, texts.promisedRepaid(s.promised.amount)),
  ]
}

export const autopayDateJob = (s: Subscriber, at: number): Draft[] => {
  const a = s.autopay
  if (a === null || a.mode !== "date") return []
  return [
    { type: "Money", msisdn: s.msisdn, amount: a.amount, reason: "autopay", ref: "date" },
    { type: "AutopaySet", msisdn: s.msisdn, autopay: { ...a, nextAt: nextMonthlyDay(at, a.day) } },
    smsTo(s.msisdn, SENDER.mts, texts.autopay(a.amount)),
  ]
}

export { sharedTotal }
