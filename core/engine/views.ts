// Read models. Every channel renders these, so one fact reads the same everywhere (I8), and
// every read goes through `readable` (I9: a login sees only its own and linked numbers).
import { Result } from "effect"
import type { Event, LedgerReason, SmsDelivered, UsageKind } from "../domain/events.ts"
import { err, unknownSubscriber, type DomainError } from "../domain/errors.ts"
import { DAY, fromMsk, mskDay, mskDayStart, mskParts, parseInstant } from "../domain/time.ts"
import { SPEND_REASONS } from "../state/apply.ts"
import type { Pkg } from "../domain/account.ts"
import { hasService, INBOX_LIMIT, statusOf, type Sms, type Status, type Subscriber } from "../state/model.ts"
import { KB_PER_MB } from "../rules/packages.ts"
import { CODE_MASK } from "../rules/context.ts"
import { available } from "../rules/funds.ts"
import { avgMonthlySpend, promisedFee, promisedLimit } from "../rules/payments.ts"
import { monthlyFeeOf, serviceAvailable, tariffQuote, type TariffQuote } from "../rules/services.ts"
import { ledgerWhat, REASON_RU } from "../rules/texts.ts"
import { isAbroad, ZABUGORISHCHE } from "../rules/rating.ts"
import type { TwinCore } from "./twin-core.ts"

export interface PackageView {
  id: string
  name: string
  kind: Pkg["kind"]
  source: Pkg["source"]
  offer: string
  /** Minutes, SMS, or megabytes for data. */
  total: number
  left: number
  used: number
  unit: "мин" | "SMS" | "МБ"
  expiresAt: number | null
}

export interface ServiceView {
  id: string
  name: string
  description: string
  connectFee: number
  monthlyFee: number
  dailyFee: number
  connected: boolean
  available: boolean
  removable: boolean
  /**
   * R3: a fee charged per day abroad with use («Забугорище»): the popular-country and other fees,
   * and the fee where the subscriber is now when abroad. Null for a service priced by its own fees.
   */
  abroadDaily: { popular: number; other: number; here: { country: string; amount: number } | null } | null
}

export interface AccountView {
  msisdn: string
  asOf: number
  personal: { name: string; passport: string; birthDate: string; region: string }
  tariff: {
    id: string
    name: string
    description: string
    monthlyFee: number
    kind: string
    corporate: boolean
    vip: boolean
  }
  payment: "prepaid" | "credit"
  balance: number
  creditLimit: number
  /** Debt for the credit method (R8): what is owed, ≥ 0. */
  debt: number
  available: number
  status: Status
  negative: boolean
  bonus: number
  location: { kind: "home" | "russia" | "abroad"; country: string | null; countryName: string | null }
  mobileData: boolean
  services: ServiceView[]
  packages: PackageView[]
  promised: { amount: number; fee: number; dueAt: number } | null
  promisedOffer: { limit: number; avgMonthlySpend: number }
  autopay: Subscriber["autopay"]
  family:
    | {
        role: "owner"
        members: Array<{ msisdn: string; status: "invited" | "active"; minutes: number; sms: number; dataMb: number }>
      }
    | { role: "member" | "invited"; owner: string }
    | null
  linked: string[]
  notifications: { charges: boolean; logins: boolean }
  kiosk: { connected: boolean; lockedUntil: number }
  lkLocked: boolean
  renewAt: number
}

const pkgView = (p: Pkg): PackageView => {
  const data = p.kind === "data"
  return {
    id: p.id,
    name: p.name,
    kind: p.kind,
    source: p.source,
    offer: p.offer,
    total: data ? Math.floor(p.total / KB_PER_MB) : p.total,
    left: data ? Math.floor(p.left / KB_PER_MB) : p.left,
    used: data ? Math.floor((p.total - p.left) / KB_PER_MB) : p.total - p.left,
    unit: p.kind === "minutes" ? "мин" : p.kind === "sms" ? "SMS" : "МБ",
    expiresAt: p.expiresAt,
  }
}

/** I9: may `by` read or act on `msisdn`? `by` undefined is the operator / control API. */
export const readable = (twin: TwinCore, msisdn: string, by?: string): Result.Result<Subscriber, DomainError> => {
  const s = twin.state.subscribers.get(msisdn)
  if (s === undefined) return Result.fail(unknownSubscriber(msisdn))
  if (by !== undefined && by !== msisdn && !(twin.state.subscribers.get(by)?.linked.includes(msisdn) ?? false)) {
    return Result.fail(
      err(
        "NOT_AUTHORIZED",
        `msisdn: ${by} may not read ${msisdn} (not the same number and not linked)`,
        "Нет доступа к этому номеру",
        "msisdn",
      ),
    )
  }
  return Result.succeed(s)
}

export const accountView = (twin: TwinCore, msisdn: string, by?: string): Result.Result<AccountView, DomainError> =>
  Result.map(readable(twin, msisdn, by), (s) => {
    const t = twin.cat.tariffs.get(s.tariff)
    const loc = s.location
    const abroad = loc !== "home" && loc !== "russia"
    const now = twin.now
    const fam = s.family
    return {
      msisdn: s.msisdn,
      asOf: now,
      // R21: the owner sees his personal data (ФИО, passport) in LK and the app.
      personal: { name: s.name, passport: s.passport, birthDate: s.birthDate, region: s.region },
      tariff: {
        id: s.tariff,
        name: t?.name ?? s.tariff,
        description: t?.description ?? "",
        kind: t?.kind ?? "packaged",
        monthlyFee: t === undefined ? 0 : monthlyFeeOf(t, s.constructorChoice),
        corporate: t?.corporate ?? false,
        vip: t?.vip ?? false,
      },
      payment: s.payment,
      balance: s.balance,
      creditLimit: s.creditLimit,
      debt: s.payment === "credit" ? Math.max(0, -s.balance) : 0,
      available: available(s),
      status: statusOf(s),
      negative: s.balance < 0,
      bonus: s.bonus,
      location: {
        kind: abroad ? "abroad" : (loc as "home" | "russia"),
        country: abroad ? loc : null,
        countryName: abroad ? (twin.cat.countries.get(loc)?.name ?? loc) : null,
      },
      mobileData: s.mobileData,
      services: servicesView(twin, s),
      packages: s.packages
        .filter((p) => p.expiresAt === null || p.expiresAt > now || p.source === "tariff" || p.source === "share")
        .map(pkgView),
      promised:
        s.promised === null ? null : { amount: s.promised.amount, fee: s.promised.fee, dueAt: s.promised.dueAt },
      promisedOffer: { limit: promisedLimit(twin.cat, s), avgMonthlySpend: avgMonthlySpend(s) },
      autopay: s.autopay,
      family:
        fam === null
          ? null
          : fam.role === "owner"
            ? // R2: a lapsed invitation frees its place at once (the nightly job only tidies the log).
              {
                role: "owner",
                members: fam.members
                  .filter((m) => m.status === "active" || m.expiresAt > now)
                  .map((m) => ({ msisdn: m.msisdn, status: m.status, ...m.shares })),
              }
            : fam.role === "invited" && fam.expiresAt <= now
              ? null
              : { role: fam.role, owner: fam.owner },
      linked: [...s.linked],
      notifications: { charges: s.notifyCharges, logins: s.notifyLogins },
      kiosk: {
        connected: s.services.includes("e-assistant"),
        lockedUntil: s.auth.kioskLockedUntil > now ? s.auth.kioskLockedUntil : 0,
      },
      lkLocked: s.auth.lkLocked,
      renewAt: s.renewAt,
    }
  })

/** Services: connected ones first, then the rest («Доступные»), with prices (R17). */
export const servicesView = (twin: TwinCore, s: Subscriber): ServiceView[] => {
  const t = twin.cat.tariffs.get(s.tariff)
  return twin.cat.data.services.map((sv) => ({
    id: sv.id,
    name: sv.name,
    description: sv.description,
    connectFee: sv.connectFee,
    monthlyFee: sv.monthlyFee,
    dailyFee: sv.dailyFee,
    connected: s.services.includes(sv.id),
    available: t !== undefined && serviceAvailable(sv, t),
    removable: sv.removable,
    abroadDaily: sv.id === ZABUGORISHCHE ? abroadDailyOf(twin, s.location) : null,
  }))
}

/** R3: «Забугорище» costs a fee a day abroad with use (popular countries / elsewhere); at home nothing. */
const abroadDailyOf = (twin: TwinCore, location: string): NonNullable<ServiceView["abroadDaily"]> => {
  const r = twin.cat.data.roaming
  const c = isAbroad(location) ? twin.cat.countries.get(location) : undefined
  const here = !isAbroad(location)
    ? null
    : { country: c?.name ?? location, amount: c?.popular === true ? r.zabugorishchePopular : r.zabugorishcheOther }
  return { popular: r.zabugorishchePopular, other: r.zabugorishcheOther, here }
}

export interface TariffOffer extends TariffQuote {
  description: string
  current: boolean
  selectable: boolean
  popular: boolean
  kind: string
}

export const tariffsView = (twin: TwinCore, msisdn?: string): TariffOffer[] => {
  const cur = msisdn === undefined ? undefined : twin.state.subscribers.get(msisdn)?.tariff
  return twin.cat.data.tariffs
    .filter((t) => t.kind !== "member")
    .map((t) => ({
      ...tariffQuote(t),
      description: t.description,
      current: t.id === cur,
      selectable: t.selectable,
      popular: t.popular,
      kind: t.kind,
    }))
}

export interface ConstructorOption {
  amount: number
  fee: number
  current: boolean
}

export interface ConstructorOptionsView {
  msisdn: string
  tariff: string
  name: string
  /** The tariff's own monthly fee, before the chosen packages. */
  baseFee: number
  minutes: ConstructorOption[]
  dataGb: ConstructorOption[]
  /** SMS included whatever the choice. */
  sms: number
  current: { minutes: number; dataGb: number } | null
  /** Monthly fee for the current choice. */
  monthlyFee: number
  /** «Мобильный помощник» connected: the core changes packages only with it (R5). */
  mobileAssistant: boolean
}

/**
 * R5: a constructor tariff's package options, the current choice and the fees, read-only.
 * Null when the number is not on a constructor tariff.
 */
export const constructorOptions = (
  twin: TwinCore,
  msisdn: string,
  by?: string,
): Result.Result<ConstructorOptionsView | null, DomainError> =>
  Result.map(readable(twin, msisdn, by), (s) => {
    const t = twin.cat.tariffs.get(s.tariff)
    if (t === undefined || t.kind !== "constructor" || t.adjustable === undefined) return null
    const cur = s.constructorChoice
    const opt = (o: { amount: number; fee: number }, chosen: number | undefined): ConstructorOption => ({
      amount: o.amount,
      fee: o.fee,
      current: o.amount === chosen,
    })
    return {
      msisdn: s.msisdn,
      tariff: t.id,
      name: t.name,
      baseFee: t.monthlyFee,
      minutes: t.adjustable.minutes.map((o) => opt(o, cur?.minutes)),
      dataGb: t.adjustable.dataGb.map((o) => opt(o, cur?.dataGb)),
      sms: t.adjustable.sms,
      current: cur === null ? null : { ...cur },
      monthlyFee: monthlyFeeOf(t, cur),
      mobileAssistant: hasService(s, "mobile-assistant"),
    }
  })

export interface UsageRecord {
  seq: number
  at: number
  kind: UsageKind
  direction: "out" | "in"
  peer: string
  where: string
  volume: number
  units: number
  fromPackages: number
  cost: number
}
export interface ChargeRecord {
  seq: number
  at: number
  amount: number
  reason: LedgerReason
  label: string
  ref: string
}

export interface Detail {
  msisdn: string
  from: number
  to: number
  usage: UsageRecord[]
  /** Every ledger entry in the period: charges (negative) and credits (positive). */
  ledger: ChargeRecord[]
  totals: {
    calls: number
    sms: number
    data: number
    fees: number
    roaming: number
    other: number
    spent: number
    credited: number
  }
}

export type ExpensePeriod = "today" | "week" | "month"

/**
 * R14, I8: the [from, to) instants of an expense period in the Moscow calendar, the same for every
 * channel: "today" from 00:00 MSK, "week" the last 7 Moscow days including today, "month" from
 * the 1st 00:00 MSK; every period ends at the end of today.
 */
export const periodBounds = (now: number, period: ExpensePeriod): { from: number; to: number } => {
  const today = mskDay(now)
  const to = mskDayStart(today + 1)
  if (period === "today") return { from: mskDayStart(today), to }
  if (period === "week") return { from: mskDayStart(today - 6), to }
  const m = mskParts(now)
  return { from: fromMsk(m.year, m.month, 1), to }
}

/** Longest custom detail period (R14), in days. */
export const MAX_PERIOD_DAYS = 400

/** R14: custom dates "YYYY-MM-DD" .. "YYYY-MM-DD", both Moscow days inclusive, as [from, to). */
export const dateRangeBounds = (
  fromDate: string,
  toDate: string,
): Result.Result<{ from: number; to: number }, DomainError> => {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/
  const from = dateOnly.test(fromDate) ? parseInstant(fromDate) : null
  if (from === null)
    return Result.fail(
      err("INVALID_FIELD", "from: expected a date like 2026-06-01", "Неверная дата начала периода", "from"),
    )
  const to = dateOnly.test(toDate) ? parseInstant(toDate) : null
  if (to === null)
    return Result.fail(err("INVALID_FIELD", "to: expected a date like 2026-06-30", "Неверная дата конца периода", "to"))
  if (to < from)
    return Result.fail(err("INVALID_FIELD", "to: the period must end after it starts", "Неверный период", "to"))
  if (to - from > MAX_PERIOD_DAYS * DAY)
    return Result.fail(
      err("INVALID_FIELD", `to: a period is at most ${MAX_PERIOD_DAYS} days`, "Слишком длинный период", "to"),
    )
  return Result.succeed({ from, to: to + DAY })
}

/** Expense totals of a named period (R14): the detail over periodBounds, so every channel reads the same sums (I8). */
export const expensesView = (
  twin: TwinCore,
  msisdn: string,
  period: ExpensePeriod,
  by?: string,
): Result.Result<Detail, DomainError> => {
  const b = periodBounds(twin.now, period)
  return detailView(twin, msisdn, b.from, b.to, by)
}

/** How far back «Платежи» / «Зачисленные платежи» look (USSD *111*23# 4, IVR 111→2→2), days. */
export const RECENT_PAYMENT_DAYS = 30

/** Credited payments of the last RECENT_PAYMENT_DAYS days, newest first (R9, R14; I8: USSD and IVR read the same list). */
export const recentPaymentsView = (
  twin: TwinCore,
  msisdn: string,
  by?: string,
): Result.Result<ChargeRecord[], DomainError> =>
  Result.map(detailView(twin, msisdn, twin.now - RECENT_PAYMENT_DAYS * DAY, twin.now + 1, by), (d) =>
    d.ledger.filter((e) => e.amount > 0).reverse(),
  )

/** Expense control and detail (R14): every call/SMS/data session and every money movement in [from, to). */
export const detailView = (
  twin: TwinCore,
  msisdn: string,
  from: number,
  to: number,
  by?: string,
): Result.Result<Detail, DomainError> => {
  if (!(Number.isSafeInteger(from) && Number.isSafeInteger(to)) || to <= from) {
    return Result.fail(err("INVALID_FIELD", "to: the period must end after it starts", "Неверный период", "to"))
  }
  return Result.map(readable(twin, msisdn, by), () => {
    const evs = twin.log.query(msisdn, from, to, ["UsageRated", "Money"])
    const usage: UsageRecord[] = []
    const ledger: ChargeRecord[] = []
    const totals = { calls: 0, sms: 0, data: 0, fees: 0, roaming: 0, other: 0, spent: 0, credited: 0 }
    for (const e of evs) {
      if (e.type === "UsageRated") {
        const fromPackages = e.draws.reduce((a, d) => a + d[1], 0)
        usage.push({
          seq: e.seq,
          at: e.at,
          kind: e.kind,
          direction: e.direction,
          peer: e.peer,
          where: e.where,
          volume: e.volume,
          units: e.units,
          fromPackages,
          cost: e.cost,
        })
        if (e.cost > 0) {
          const reason: LedgerReason = e.kind === "call" ? "usage-call" : e.kind === "sms" ? "usage-sms" : "usage-data"
          ledger.push({ seq: e.seq, at: e.at, amount: -e.cost, reason, label: REASON_RU[reason], ref: e.peer })
          if (e.where !== "home" && e.where !== "russia") totals.roaming += e.cost
          else if (e.kind === "call") totals.calls += e.cost
          else if (e.kind === "sms") totals.sms += e.cost
          else totals.data += e.cost
          totals.spent += e.cost
        }
      } else if (e.type === "Money") {
        ledger.push({
          seq: e.seq,
          at: e.at,
          amount: e.amount,
          reason: e.reason,
          label: ledgerWhat(twin.cat, e.reason, e.ref),
          ref: e.ref,
        })
        if (e.amount > 0) totals.credited += e.amount
        else if (SPEND_REASONS.has(e.reason)) {
          totals.spent += -e.amount
          if (e.reason === "fee-zabugorishche") totals.roaming += -e.amount
          else if (e.reason.startsWith("fee-") || e.reason === "package-purchase") totals.fees += -e.amount
          else totals.other += -e.amount
        } else totals.other += -e.amount
      }
    }
    return { msisdn, from, to, usage, ledger, totals }
  })
}

/** The ledger of a subscriber from the log: every money movement with its reason (I1). */
export const ledgerOf = (twin: TwinCore, msisdn: string): ChargeRecord[] => {
  const out: ChargeRecord[] = []
  for (const e of twin.log.query(msisdn, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, ["UsageRated", "Money"])) {
    if (e.type === "Money")
      out.push({
        seq: e.seq,
        at: e.at,
        amount: e.amount,
        reason: e.reason,
        label: ledgerWhat(twin.cat, e.reason, e.ref),
        ref: e.ref,
      })
    else if (e.type === "UsageRated" && e.cost !== 0) {
      const reason: LedgerReason = e.kind === "call" ? "usage-call" : e.kind === "sms" ? "usage-sms" : "usage-data"
      out.push({ seq: e.seq, at: e.at, amount: -e.cost, reason, label: REASON_RU[reason], ref: e.peer })
    }
  }
  return out
}

/**
 * The text of a delivered SMS as the handset shows it: a one-time code, logged masked, is
 * re-derived from the twin's secret draw. Only the handset side calls this (the inbox endpoints
 * behind the control token, the SMS channel's replies, in-process drivers); the operator's log,
 * events API and exports keep the masked text.
 */
export const smsText = (twin: TwinCore, e: SmsDelivered): string =>
  e.code === undefined
    ? e.text
    : e.text.replace(CODE_MASK.repeat(e.code.digits), twin.revealCode(e.code.draw, e.code.digits))

/**
 * The inbox, newest last (R22, R27 codes arrive here and only here). "handset": what the phone
 * shows, codes in clear; "operator": the operator's record of it, codes masked.
 */
export const inboxView = (
  twin: TwinCore,
  msisdn: string,
  by?: string,
  side: "handset" | "operator" = "handset",
): Result.Result<Sms[], DomainError> => Result.map(readable(twin, msisdn, by), () => inboxOf(twin, msisdn, side))

/** The newest INBOX_LIMIT SMS delivered to `msisdn`, oldest first, read from the event log. */
export const inboxOf = (twin: TwinCore, msisdn: string, side: "handset" | "operator" = "handset"): Sms[] => {
  const out: Sms[] = []
  for (const e of twin.log.query(msisdn, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, ["SmsDelivered"])) {
    if (e.type === "SmsDelivered")
      out.push({
        seq: e.seq,
        at: e.at,
        from: e.from,
        text: side === "handset" ? smsText(twin, e) : e.text,
        segments: e.segments,
        encoding: e.encoding,
      })
  }
  return out.length > INBOX_LIMIT ? out.slice(out.length - INBOX_LIMIT) : out
}

/** Hotline identification (R29): does the passport match the number's owner? Spaces and case do not matter. */
export const passportMatches = (twin: TwinCore, msisdn: string, passport: string): boolean => {
  const s = twin.state.subscribers.get(msisdn)
  const norm = (x: string): string => x.replace(/[\s-]/g, "").toUpperCase()
  return s !== undefined && passport.trim() !== "" && norm(s.passport) === norm(passport)
}

export const promisedQuote = (
  twin: TwinCore,
  msisdn: string,
  amount?: number,
): { limit: number; amount: number; fee: number } | null => {
  const s = twin.state.subscribers.get(msisdn)
  if (s === undefined) return null
  const limit = promisedLimit(twin.cat, s)
  const a = amount ?? limit
  return { limit, amount: a, fee: promisedFee(twin.cat, a) }
}

export const eventsOf = (twin: TwinCore, afterSeq = 0, limit = 1000): Event[] => {
  const out: Event[] = []
  for (const e of twin.log.read(afterSeq)) {
    out.push(e)
    if (out.length >= limit) break
  }
  return out
}
