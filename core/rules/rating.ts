// Rating network usage: R3 («Забугорище»), R4 (packages first, then pay-as-you-go), R15
// (negative balance stops outgoing usage), R8 (credit limit), online charging (usage is granted
// only while the balance covers it; the rest is cut off). Invariants I2, I3, I5.
// Hot path: plain synchronous code, no Effect, few allocations.
import type { PackageKind } from "../catalog/schema.ts"
import type { Draft, LedgerReason, UsageKind, UsageRated } from "../domain/events.ts"
import type { CommandOf } from "../domain/commands.ts"
import { err, type DomainError } from "../domain/errors.ts"
import { mskDay } from "../domain/time.ts"
import type { Pkg } from "../domain/account.ts"
import { hasService, isFinanciallyBlocked, type Subscriber } from "../state/model.ts"
import { getSub, isErr, smsTo, systemOnly, tariffOf, type Ctx, type RuleResult } from "./context.ts"
import { available } from "./funds.ts"
import { SENDER, texts } from "./texts.ts"
import { KB_PER_MB } from "./packages.ts"

const MAX_CALL_SECONDS = 24 * 3600
const MAX_SMS = 1000
const MAX_DATA_KB = 100 * 1024 * 1024

/** The catalog id of «Забугорище» (R3): its fee is the roaming section's, per day abroad with use. */
export const ZABUGORISHCHE = "zabugorishche"

export const isAbroad = (location: string): boolean => location !== "home" && location !== "russia"

/** A Russian number (package minutes and SMS are for Russian numbers, R1). */
export const isRussianNumber = (peer: string): boolean =>
  (peer.length === 11 && (peer[0] === "7" || peer[0] === "8")) || peer.length <= 6

const usableFor = (p: Pkg, kind: PackageKind, now: number): boolean =>
  p.kind === kind &&
  p.left > 0 &&
  (p.expiresAt === null || p.expiresAt > now || p.source === "tariff" || p.source === "share")

/** Draws of a usage no package covered: shared and frozen (a recorded event is never changed). */
const NO_DRAWS = Object.freeze([]) as unknown as Array<[string, number]>

/** What the last drawPackages call left uncovered (a second return value without an allocation). */
let uncovered = 0

/**
 * Take up to `units` from packages, soonest-lapsing first (tariff packages lapse at renewal).
 * Returns the draws and sets `uncovered` to the units left. I5: never takes more than a package has.
 */
const drawPackages = (s: Subscriber, usage: UsageKind, units: number, now: number): Array<[string, number]> => {
  const kind: PackageKind = usage === "call" ? "minutes" : usage
  const pk = s.packages
  // Fast path: one usable package.
  let only: Pkg | null = null
  let count = 0
  for (let i = 0; i < pk.length; i++) {
    const p = pk[i] as Pkg
    if (usableFor(p, kind, now)) {
      only = p
      count++
    }
  }
  if (only === null) {
    uncovered = units
    return NO_DRAWS
  }
  if (count === 1) {
    const take = Math.min(only.left, units)
    uncovered = units - take
    return [[only.id, take]]
  }
  const usable = pk.filter((p) => usableFor(p, kind, now))
  usable.sort((a, b) => (a.expiresAt ?? Infinity) - (b.expiresAt ?? Infinity))
  const draws: Array<[string, number]> = []
  let rest = units
  for (const p of usable) {
    if (rest === 0) break
    const take = Math.min(p.left, rest)
    draws.push([p.id, take])
    rest -= take
  }
  uncovered = rest
  return draws
}

export const zabugorishcheFee = (ctx: Ctx, country: string): number => {
  const c = ctx.cat.countries.get(country)
  return c?.popular === true ? ctx.cat.data.roaming.zabugorishchePopular : ctx.cat.data.roaming.zabugorishcheOther
}

/** /^\+?\d{3,15}$/ without a regular expression (hot path: every call and SMS). */
const isPhone = (s: string): boolean => {
  let i = s.charCodeAt(0) === 43 /* "+" */ ? 1 : 0
  const n = s.length - i
  if (n < 3 || n > 15) return false
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 48 || c > 57) return false
  }
  return true
}

const validate = (u: CommandOf<"Usage">["usage"]): DomainError | null => {
  switch (u._tag) {
    case "call":
      if (!Number.isSafeInteger(u.seconds) || u.seconds <= 0 || u.seconds > MAX_CALL_SECONDS)
        return err(
          "INVALID_FIELD",
          `usage.seconds: must be 1..${MAX_CALL_SECONDS}, got ${u.seconds}`,
          "Неверная длительность",
          "usage.seconds",
        )
      if (!isPhone(u.to))
        return err(
          "INVALID_FIELD",
          `usage.to: not a phone number: ${JSON.stringify(u.to).slice(0, 40)}`,
          "Неверный номер",
          "usage.to",
        )
      return null
    case "sms": {
      const n = u.count ?? 1
      if (!Number.isSafeInteger(n) || n <= 0 || n > MAX_SMS)
        return err(
          "INVALID_FIELD",
          `usage.count: must be 1..${MAX_SMS}, got ${n}`,
          "Неверное количество",
          "usage.count",
        )
      if (!isPhone(u.to))
        return err(
          "INVALID_FIELD",
          `usage.to: not a phone number: ${JSON.stringify(u.to).slice(0, 40)}`,
          "Неверный номер",
          "usage.to",
        )
      return null
    }
    case "data":
      if (!Number.isSafeInteger(u.kb) || u.kb <= 0 || u.kb > MAX_DATA_KB)
        return err("INVALID_FIELD", `usage.kb: must be 1..${MAX_DATA_KB}, got ${u.kb}`, "Неверный объем", "usage.kb")
      return null
  }
}

/** The price of `paid` units: per unit, or per started megabyte for data (KB). */
const priceOf = (kind: UsageKind, paid: number, price: number): number =>
  paid === 0 ? 0 : kind === "data" ? Math.ceil(paid / KB_PER_MB) * price : paid * price

const REASON: Record<UsageKind, LedgerReason> = { call: "usage-call", sms: "usage-sms", data: "usage-data" }
export const usageReason = (k: UsageKind): LedgerReason => REASON[k]

export const rateUsage = (ctx: Ctx, cmd: CommandOf<"Usage">): RuleResult => {
  const denied = systemOnly(cmd.by, "Usage")
  if (denied) return denied
  const s = getSub(ctx, cmd.msisdn)
  if (isErr(s)) return s
  const u = cmd.usage
  const bad = validate(u)
  if (bad) return bad
  const kind: UsageKind = u._tag
  const direction = u._tag === "data" ? "out" : (u.direction ?? "out")
  const where = s.location
  const abroad = isAbroad(where)
  const peer = u._tag === "data" ? "" : u.to.charCodeAt(0) === 43 /* "+" */ ? u.to.slice(1) : u.to

  // I2 / R19: nothing is rated while voluntarily blocked.
  if (s.voluntaryBlock)
    return err("BLOCKED", `msisdn: ${s.msisdn} is voluntarily blocked; usage refused`, "Номер заблокирован", "msisdn")
  // R15 / I2: with a negative balance (prepaid) or past the credit limit, only incoming calls and SMS at home go on.
  if (isFinanciallyBlocked(s) && !(direction === "in" && !abroad)) {
    return err(
      "BLOCKED",
      `msisdn: ${s.msisdn} balance is below the allowed limit; outgoing usage refused`,
      "Недостаточно средств. Пополните баланс",
      "msisdn",
    )
  }

  const volume = u._tag === "call" ? u.seconds : u._tag === "sms" ? (u.count ?? 1) : u.kb
  const units = u._tag === "call" ? Math.ceil(u.seconds / 60) : volume
  let feeDue = false
  let feeAmount = 0
  let draws = NO_DRAWS
  /** Units priced (minutes, SMS, or KB for data) and their price (per unit, or per started MB for data). */
  let paid = 0
  let price = 0
  const t = tariffOf(ctx, s)

  if (!abroad) {
    if (direction === "in") {
      // Incoming at home and across Russia is free and uses no package.
    } else if (kind === "data") {
      draws = drawPackages(s, kind, units, ctx.now)
      paid = uncovered
      price = t.payg.dataMb
    } else if (!isRussianNumber(peer)) {
      paid = units
      price = kind === "call" ? t.payg.intlCallMinute : t.payg.intlSms
    } else {
      draws = drawPackages(s, kind, units, ctx.now)
      paid = uncovered
      price = kind === "call" ? t.payg.callMinute : t.payg.sms
    }
  } else if (hasService(s, "zabugorishche")) {
    // R3: abroad, minutes and internet come from the home package; the fee is charged once per
    // Moscow calendar day, on the first use of mobile service that day. Incoming SMS are free and
    // are not a use of service.
    const uses = !(kind === "sms" && direction === "in")
    if (uses && s.zabugorDay !== mskDay(ctx.now)) {
      feeDue = true
      feeAmount = zabugorishcheFee(ctx, where)
    }
    if (kind === "sms" && direction === "in") {
      // Free.
    } else {
      draws = drawPackages(s, kind, units, ctx.now)
      paid = uncovered
      price = kind === "data" ? t.payg.dataMb : kind === "call" ? t.payg.callMinute : t.payg.sms
    }
  } else {
    // Roaming without «Забугорище»: roaming prices, no packages.
    const r = ctx.cat.data.roaming
    if (kind === "data") {
      paid = units
      price = r.dataMb
    } else if (kind === "call") {
      paid = units
      price = direction === "in" ? r.incomingMinute : r.callMinute
    } else if (direction === "out") {
      paid = units
      price = r.sms
    }
  }
  let cost = priceOf(kind, paid, price)

  // Online charging: the network grants usage only while the balance (or the credit limit)
  // covers it, the day's «Забугорище» fee first. What is not covered is cut off: recorded, not
  // rated, and the subscriber is told by SMS.
  const avail = available(s) - feeAmount
  const feeUncovered = feeAmount > 0 && avail < 0
  let rated = units
  if (feeUncovered || (cost > 0 && cost > avail)) {
    const grant =
      feeUncovered || price === 0
        ? 0
        : kind === "data"
          ? Math.floor(avail / price) * KB_PER_MB
          : Math.floor(avail / price)
    const paidGranted = Math.min(paid, grant)
    rated = feeUncovered ? 0 : units - paid + paidGranted
    if (rated === 0) {
      const cut: Draft = { type: "UsageCut", msisdn: s.msisdn, kind, direction, peer, where, volume, units }
      return {
        events: [cut, smsTo(s.msisdn, SENDER.mts, texts.usageCut(kind, s.balance))],
        error: err(
          "INSUFFICIENT_FUNDS",
          `msisdn: ${s.msisdn} has ${available(s)} kopecks available; the ${kind} is not covered and was cut off`,
          "Недостаточно средств на счете. Пополните баланс",
          "msisdn",
        ),
      }
    }
    paid = paidGranted
    cost = priceOf(kind, paid, price)
  }
  const ratedVolume = rated === units ? volume : kind === "call" ? Math.min(volume, rated * 60) : rated
  const fee: Draft | null = feeDue
    ? { type: "Money", msisdn: s.msisdn, amount: -feeAmount, reason: "fee-zabugorishche", ref: where }
    : null

  // Built with its seq and at (the engine stamps them) so the object keeps one shape; same keys,
  // same order as a draft stamped later.
  const event: UsageRated = {
    type: "UsageRated",
    msisdn: s.msisdn,
    kind,
    direction,
    peer,
    where,
    volume: ratedVolume,
    units: rated,
    draws,
    cost,
    seq: 0,
    at: 0,
  }
  if (rated === units) return { events: fee === null ? [event] : [fee, event], value: undefined }
  const cut: Draft = {
    type: "UsageCut",
    msisdn: s.msisdn,
    kind,
    direction,
    peer,
    where,
    volume: volume - ratedVolume,
    units: units - rated,
  }
  const notice = smsTo(s.msisdn, SENDER.mts, texts.usageCut(kind, s.balance - feeAmount - cost))
  return { events: fee === null ? [event, cut, notice] : [fee, event, cut, notice], value: undefined }
}
