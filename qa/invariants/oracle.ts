// The amounts oracle: its own model of what every step must charge or credit, computed from the
// catalog and the step, compared with the ledger (Money entries and rated usage) after every
// step. It imports nothing from core/rules: the minute count, the data units, the prices, the
// fees (tariff, services, family members at join and renewal, «Забугорище», transfers, promised
// payments) are worked out here again, so a rule that computes a wrong amount is caught even
// when money is conserved (I1). Events tell it *that* something happened (a renewal, a join);
// the amounts are its own.
import type { CatalogIndex } from "../../core/catalog/load.ts"
import type { Tariff } from "../../core/catalog/schema.ts"
import type { Command } from "../../core/domain/commands.ts"
import type { Event, LedgerReason, UsageRated } from "../../core/domain/events.ts"
import { DAY, mskDay } from "../../core/domain/time.ts"
import { Shadow, type ShadowSub } from "./shadow.ts"
import { isAbroad, type Invariant, type Regression, type StepCheck } from "./types.ts"

/** The oracle's per-journey model: what it accepted and must see paid back or repeated. */
export interface OracleState {
  /** Open promised payments: amount and the instant it is repaid. */
  readonly promised: Map<string, { amount: number; dueAt: number }>
  /** Autopay amounts (by date or threshold) the subscriber set up. */
  readonly autopay: Map<string, number>
  /** The tariff a family member had before joining, restored when he leaves. */
  readonly prevTariff: Map<string, string>
  /** When each number's period renews next, and whether its last renewal was skipped while blocked (R1, R15, R19). */
  readonly renewal: Map<string, { dueAt: number; skipped: boolean }>
  /** What the last failing step should have ended in (for the regression scenario). */
  failure: Regression | null
}

/** One expected ledger entry (kopecks, signed) and why the oracle expects it. */
export interface Expected {
  readonly msisdn: string
  readonly reason: LedgerReason
  readonly amount: number
  readonly why: string
}

const KB_PER_MB = 1024

/** R4: calls are billed per started minute. */
export const startedMinutes = (seconds: number): number => Math.floor((seconds + 59) / 60)
/** Data overflow is billed per started megabyte. */
export const startedMegabytes = (kb: number): number => Math.floor((kb + KB_PER_MB - 1) / KB_PER_MB)
/** A Russian mobile (7/8 and 10 digits) or a short number: what packages and home prices cover. */
export const isRussianPeer = (peer: string): boolean => /^[78]\d{10}$/.test(peer) || /^\d{1,6}$/.test(peer)

/** A tariff's monthly fee; a constructor adds the fees of the chosen (or default) options (R5). */
export const tariffMonthlyFee = (t: Tariff, choice: { minutes: number; dataGb: number } | null): number => {
  const a = t.adjustable
  if (t.kind !== "constructor" || a === undefined) return t.monthlyFee
  const c = choice ?? { minutes: t.packages.minutes, dataGb: Math.floor(t.packages.dataMb / 1024) }
  return (
    t.monthlyFee +
    (a.minutes.find((o) => o.amount === c.minutes)?.fee ?? 0) +
    (a.dataGb.find((o) => o.amount === c.dataGb)?.fee ?? 0)
  )
}

/** R10: the fee of the first tier the amount fits under; above every tier, the last tier's. */
export const promisedPaymentFee = (cat: CatalogIndex, amount: number): number => {
  const fees = cat.data.promisedPayment.fees
  return (fees.find((t) => amount <= t.upTo) ?? fees[fees.length - 1])?.fee ?? 0
}

/** R3: «Забугорище» costs the popular-country price there, the other price elsewhere. */
export const zabugorishchePrice = (cat: CatalogIndex, country: string): number =>
  cat.countries.get(country)?.popular === true
    ? cat.data.roaming.zabugorishchePopular
    : cat.data.roaming.zabugorishcheOther

type UsageSpec = Extract<Command, { _tag: "Usage" }>["usage"]

/**
 * One usage's units, the units to be paid for (what packages did not cover, or all of them where
 * packages do not apply) and their unit price (per minute or SMS, per started MB for data).
 */
export const usagePrice = (
  cat: CatalogIndex,
  sub: ShadowSub,
  u: UsageSpec,
  drawn: number,
): { units: number; paid: number; price: number; packages: boolean; direction: "in" | "out" } | string => {
  const t = cat.tariffs.get(sub.tariff)
  if (t === undefined) return `tariff ${sub.tariff} of ${sub.msisdn} is not in the catalog`
  const direction = u._tag === "data" ? "out" : (u.direction ?? "out")
  const units = u._tag === "call" ? startedMinutes(u.seconds) : u._tag === "sms" ? (u.count ?? 1) : u.kb
  const rest = units - drawn
  const peer = u._tag === "data" ? "" : u.to.replace(/^\+/, "")
  const perUnit = (call: number, sms: number, data: number): number =>
    u._tag === "call" ? call : u._tag === "sms" ? sms : data
  const free = { units, paid: 0, price: 0, packages: false, direction }
  if (!isAbroad(sub.location)) {
    if (direction === "in") return free
    if (u._tag !== "data" && !isRussianPeer(peer))
      return {
        units,
        paid: units,
        price: perUnit(t.payg.intlCallMinute, t.payg.intlSms, 0),
        packages: false,
        direction,
      }
    return {
      units,
      paid: rest,
      price: perUnit(t.payg.callMinute, t.payg.sms, t.payg.dataMb),
      packages: true,
      direction,
    }
  }
  if (sub.services.has("zabugorishche")) {
    if (u._tag === "sms" && direction === "in") return free
    return {
      units,
      paid: rest,
      price: perUnit(t.payg.callMinute, t.payg.sms, t.payg.dataMb),
      packages: true,
      direction,
    }
  }
  const r = cat.data.roaming
  if (u._tag === "sms" && direction === "in") return free
  return {
    units,
    paid: units,
    price: u._tag === "call" ? (direction === "in" ? r.incomingMinute : r.callMinute) : perUnit(0, r.sms, r.dataMb),
    packages: false,
    direction,
  }
}

/** What `paid` units cost: per unit, per started megabyte for data. */
export const unitsCost = (kind: UsageSpec["_tag"], paid: number, price: number): number =>
  kind === "data" ? startedMegabytes(paid) * price : paid * price

/** Ledger reasons that follow from the clock or a reaction rather than a step's own command. */
const OPTIONAL: ReadonlySet<LedgerReason> = new Set<LedgerReason>(["fee-daily", "autopay", "payment-card"])

const key = (m: string, reason: string, amount: number): string => `${m} ${reason} ${amount}`

/** What a number may spend now: a prepaid balance down to 0, a credit one down to its limit (R8, R15). */
const spendable = (s: ShadowSub | undefined): number =>
  s === undefined ? 0 : s.payment === "prepaid" ? s.ledgerBalance : s.ledgerBalance + s.creditLimit

/** What a purchase-like command costs now, for the funds check (package, connection, tariff change). */
const priceOf = (cat: CatalogIndex, cmd: Command): number | null => {
  switch (cmd._tag) {
    case "BuyPackage":
      return cat.oneOff.get(cmd.offer)?.price ?? null
    case "ConnectService":
      return cat.services.get(cmd.service)?.connectFee ?? null
    case "ChangeTariff": {
      const t = cat.tariffs.get(cmd.tariff)
      return t === undefined ? null : t.changeFee + tariffMonthlyFee(t, null)
    }
    default:
      return null
  }
}

/** What the step's own command must have moved, when it succeeded. */
const commandEntries = (c: StepCheck, cmd: Command): Expected[] | string => {
  const cat = c.twin.cat
  const out: Expected[] = []
  const add = (msisdn: string, reason: LedgerReason, amount: number, why: string): void => {
    if (amount !== 0) out.push({ msisdn, reason, amount, why })
  }
  // A purchase is paid from what the number may spend (R8, R15): never beyond it.
  const price = priceOf(cat, cmd)
  const happened =
    cmd._tag !== "ChangeTariff" || c.events.some((e) => e.type === "TariffChanged" && e.msisdn === cmd.msisdn)
  if (price !== null && price > 0 && happened && "msisdn" in cmd && spendable(c.before.get(cmd.msisdn)) < price) {
    return `${cmd._tag} costing ${price} accepted for ${cmd.msisdn}, who may spend ${spendable(c.before.get(cmd.msisdn))} (R8, R15)`
  }
  switch (cmd._tag) {
    case "TopUp":
      add(cmd.msisdn, "topup", cmd.amount, "top-up of the requested amount (R9)")
      break
    case "Transfer": {
      const fee = cat.data.transfer.fee
      const bal = c.before.get(cmd.msisdn)?.ledgerBalance ?? 0
      if (bal < cmd.amount + fee)
        return (
          `transfer of ${cmd.amount} from ${cmd.msisdn} accepted with balance ${bal} < amount ${cmd.amount}` +
          ` + fee ${fee} = ${cmd.amount + fee} (R12: only from the positive balance, fee included)`
        )
      add(cmd.msisdn, "transfer-out", -cmd.amount, "transferred amount (R12)")
      add(cmd.msisdn, "fee-transfer", -fee, "transfer fee from the catalog (R12)")
      add(cmd.to, "transfer-in", cmd.amount, "transferred amount received (R12)")
      break
    }
    case "PayProvider": {
      const p = cat.data.providerPayments.providers.find((x) => x.id === cmd.provider)
      if (p === undefined) return `provider ${cmd.provider} is not in the catalog but was paid`
      const bal = c.before.get(cmd.msisdn)?.ledgerBalance ?? 0
      if (bal < cmd.amount + p.fee)
        return (
          `payment of ${cmd.amount} to ${p.id} from ${cmd.msisdn} accepted with balance ${bal}` +
          ` < amount ${cmd.amount} + fee ${p.fee} = ${cmd.amount + p.fee}`
        )
      add(cmd.msisdn, "payment-other", -cmd.amount, `payment to ${p.id}`)
      add(cmd.msisdn, "fee-transfer", -p.fee, `fee of the payment to ${p.id} from the catalog`)
      break
    }
    case "BuyPackage": {
      const o = cat.oneOff.get(cmd.offer)
      if (o === undefined) return `package ${cmd.offer} is not in the catalog but was sold`
      add(cmd.msisdn, "package-purchase", -o.price, `price of «${o.name}» (R4)`)
      break
    }
    case "ConnectService": {
      const sv = cat.services.get(cmd.service)
      if (sv === undefined) return `service ${cmd.service} is not in the catalog but was connected`
      add(cmd.msisdn, "fee-service-connect", -sv.connectFee, `connection fee of «${sv.name}» (R17)`)
      break
    }
    case "ChangeTariff": {
      const t = cat.tariffs.get(cmd.tariff)
      // Only a change that happened is charged (a channel may answer an unconfirmed one with the quote).
      if (!c.events.some((e) => e.type === "TariffChanged" && e.msisdn === cmd.msisdn)) break
      if (t === undefined) return `tariff ${cmd.tariff} is not in the catalog but was chosen`
      add(cmd.msisdn, "fee-tariff-change", -t.changeFee, `change fee of «${t.name}» (R6)`)
      add(cmd.msisdn, "fee-monthly", -tariffMonthlyFee(t, null), `first monthly fee of «${t.name}» (R6)`)
      break
    }
    default:
      break
  }
  return out
}

/** Refusals the oracle can judge from its own model. */
const refusal = (c: StepCheck, cmd: Command, st: OracleState): string | null => {
  const code = c.outcome.code
  if (cmd._tag === "Transfer" && code === "INSUFFICIENT_FUNDS") {
    const bal = c.before.get(cmd.msisdn)?.ledgerBalance ?? 0
    const need = cmd.amount + c.twin.cat.data.transfer.fee
    if (bal >= need)
      return `transfer of ${cmd.amount} from ${cmd.msisdn} refused for funds with balance ${bal} ≥ amount + fee = ${need} (R12)`
  }
  const price = priceOf(c.twin.cat, cmd)
  if (
    price !== null &&
    code === "INSUFFICIENT_FUNDS" &&
    "msisdn" in cmd &&
    spendable(c.before.get(cmd.msisdn)) >= price
  ) {
    return `${cmd._tag} costing ${price} refused for funds, ${cmd.msisdn} may spend ${spendable(c.before.get(cmd.msisdn))} (R8, R15)`
  }
  if (cmd._tag === "PromisedPayment" && code === "PROMISED_PAYMENT_OPEN" && !st.promised.has(cmd.msisdn)) {
    return `promised payment of ${cmd.msisdn} refused as already open, but none is open (R10)`
  }
  return null
}

export const amountsOracle: Invariant<OracleState> = {
  id: "ORACLE",
  title: "every amount charged or credited is the one the catalog and the step give (oracle)",
  rules: ["R1", "R2", "R3", "R4", "R5", "R6", "R9", "R10", "R12", "R17"],
  init: () => ({ promised: new Map(), autopay: new Map(), prevTariff: new Map(), renewal: new Map(), failure: null }),
  regression: (_c, st) => st.failure,
  check(c, st) {
    st.failure = null
    return judge(c, st)
  },
}

/** The oracle's verdict on one step; sets `st.failure` to the step's correct outcome when it can say it. */
const judge = (c: StepCheck, st: OracleState): string | null => {
  // A raw channel request (fuzzing, bursts) says nothing the oracle can price: follow its events only.
  if (c.step.t === "http") {
    observe(c, st)
    return null
  }
  const step = c.step
  const cmd = step.t === "command" ? step.command : null
  const expected: Expected[] = []
  // Zero amounts are not entries, except «Забугорище»: its entry marks the day charged (R3).
  const need = (msisdn: string, reason: LedgerReason, amount: number, why: string): void => {
    if (amount !== 0 || reason === "fee-zabugorishche") expected.push({ msisdn, reason, amount, why })
  }
  if (cmd !== null && !c.outcome.ok) {
    const r = refusal(c, cmd, st)
    if (r !== null) {
      st.failure = { outcome: "ok" }
      return r
    }
  }
  if (cmd !== null && c.outcome.ok) {
    const own = commandEntries(c, cmd)
    if (typeof own === "string") {
      st.failure = { outcome: cmd._tag === "Transfer" ? "INSUFFICIENT_FUNDS" : "any" }
      return own
    }
    expected.push(...own)
  }
  const sh = c.before.clone()
  const zabDays = new Map<string, Set<number>>()
  const actual: Extract<Event, { type: "Money" }>[] = []
  const costs = new Map<string, number>()
  for (const e of c.events) {
    const r = expectFromEvent(c, e, sh, st, zabDays, need, actual, costs)
    if (r !== null) {
      if (e.type === "PromisedOpened" && st.promised.has(e.msisdn)) st.failure = { outcome: "PROMISED_PAYMENT_OPEN" }
      else st.failure = { balances: correctBalances(c, expected, actual, costs) }
      return r
    }
    sh.observe(e)
  }
  // A renewal skipped while blocked is made as soon as the block is lifted (R15, R19); members renew with their owner.
  for (const [m, r] of st.renewal) {
    const s = c.after.get(m)
    if (r.skipped && s !== undefined && s.familyOwner === null && Shadow.blocked(s) === null)
      return `${m} is no longer blocked, but the renewal skipped while it was blocked has not been made (R15, R19)`
  }
  // A promised payment past its due instant must have been repaid by now (R10).
  for (const [m, p] of st.promised)
    if (p.dueAt <= c.twin.now)
      return `promised payment of ${p.amount} to ${m} was due at ${p.dueAt} and is not repaid at ${c.twin.now} (R10)`
  // Compare the ledger entries with the expected ones, as multisets.
  const left = new Map<string, Expected[]>()
  for (const x of expected) {
    const k = key(x.msisdn, x.reason, x.amount)
    left.set(k, [...(left.get(k) ?? []), x])
  }
  const fail = (m: string): string => {
    st.failure = { balances: correctBalances(c, expected, actual, costs) }
    return m
  }
  for (const e of actual) {
    if (OPTIONAL.has(e.reason)) continue
    const k = key(e.msisdn, e.reason, e.amount)
    const xs = left.get(k)
    if (xs === undefined || xs.length === 0) {
      const want = expected
        .filter((x) => x.msisdn === e.msisdn && x.reason === e.reason)
        .map((x) => `${x.amount} (${x.why})`)
      return fail(
        `${e.reason} of ${e.amount} to ${e.msisdn} (seq ${e.seq}) is not what the oracle expects` +
          (want.length > 0 ? `: expected ${want.join(", ")}` : ": no such entry expected"),
      )
    }
    xs.shift()
  }
  for (const xs of left.values()) {
    const x = xs[0]
    if (x !== undefined) return fail(`missing ${x.reason} of ${x.amount} to ${x.msisdn}: ${x.why}`)
  }
  return null
}

/** Follow a step's events into the oracle's model without judging them. */
const observe = (c: StepCheck, st: OracleState): void => {
  for (const e of c.events) {
    if (e.type === "PromisedOpened") st.promised.set(e.msisdn, { amount: e.amount, dueAt: e.dueAt })
    else if (e.type === "PromisedClosed") st.promised.delete(e.msisdn)
    else if (e.type === "AutopaySet" && e.autopay === null) st.autopay.delete(e.msisdn)
    else if (e.type === "AutopaySet" && e.autopay !== null) st.autopay.set(e.msisdn, e.autopay.amount)
    else if (e.type === "FamilyJoined") st.prevTariff.set(e.member, e.prevTariff)
    else if (e.type === "FamilyRemoved") st.prevTariff.delete(e.member)
    else if (e.type === "SubscriberCreated" || e.type === "TariffChanged")
      st.renewal.set(e.msisdn, { dueAt: e.renewAt, skipped: false })
    else if (e.type === "PeriodRenewed") st.renewal.set(e.msisdn, { dueAt: e.renewAt, skipped: !e.charged })
  }
}

/**
 * The balances the step should have left: the twin's, with the step's ledger entries replaced by
 * the expected ones and each usage at the oracle's price.
 */
const correctBalances = (
  c: StepCheck,
  expected: readonly Expected[],
  actual: readonly Extract<Event, { type: "Money" }>[],
  costs: ReadonlyMap<string, number>,
): Array<{ msisdn: string; balance: number }> => {
  const delta = new Map<string, number>()
  const add = (m: string, d: number): void => {
    delta.set(m, (delta.get(m) ?? 0) + d)
  }
  for (const x of expected) add(x.msisdn, x.amount)
  for (const e of actual) if (!OPTIONAL.has(e.reason)) add(e.msisdn, -e.amount)
  for (const [m, d] of costs) add(m, d)
  return [...delta]
    .filter(([, d]) => d !== 0)
    .map(([m, d]) => ({ msisdn: m, balance: (c.twin.state.subscribers.get(m)?.balance ?? 0) + d }))
}

/** What one event of the step implies; updates the oracle's model. Returns a violation or null. */
const expectFromEvent = (
  c: StepCheck,
  e: Event,
  sh: Shadow,
  st: OracleState,
  zabDays: Map<string, Set<number>>,
  need: (msisdn: string, reason: LedgerReason, amount: number, why: string) => void,
  actual: Extract<Event, { type: "Money" }>[],
  costs: Map<string, number>,
): string | null => {
  const cat = c.twin.cat
  switch (e.type) {
    case "Money": {
      actual.push(e)
      const at = sh.get(e.msisdn)
      if (e.reason === "fee-daily") {
        const sv = cat.services.get(e.ref)
        if (sv === undefined || at === undefined || !at.services.has(sv.id))
          return `daily fee seq ${e.seq} of ${e.msisdn} for ${e.ref}, which is not connected`
        if (e.amount !== -sv.dailyFee)
          return `daily fee of «${sv.name}» to ${e.msisdn} is ${-e.amount}, the catalog says ${sv.dailyFee}`
      }
      if (e.reason === "autopay" && e.amount !== st.autopay.get(e.msisdn))
        return `autopay of ${e.amount} to ${e.msisdn}, set up for ${st.autopay.get(e.msisdn) ?? "nothing"} (R11)`
      return null
    }
    case "UsageRated":
      return usage(c, e, sh, zabDays, need, costs)
    case "SubscriberCreated":
    case "TariffChanged":
      st.renewal.set(e.msisdn, { dueAt: e.renewAt, skipped: false })
      return null
    case "PeriodRenewed": {
      const s = sh.get(e.msisdn)
      const was = st.renewal.get(e.msisdn)
      st.renewal.set(e.msisdn, { dueAt: e.renewAt, skipped: !e.charged })
      // R1: a period renews when it is due; earlier only to make up a renewal skipped while blocked (R15, R19).
      // Members renew with their owner.
      if (e.charged && s?.familyOwner === null && was !== undefined && !was.skipped && e.at < was.dueAt)
        return `period of ${e.msisdn} renewed at ${e.at}, before it was due at ${was.dueAt}, with no renewal skipped (R1)`
      if (!e.charged || s === undefined || s.familyOwner !== null) return null
      const t = cat.tariffs.get(s.tariff)
      if (t === undefined) return `tariff ${s.tariff} of ${s.msisdn} is not in the catalog`
      need(s.msisdn, "fee-monthly", -tariffMonthlyFee(t, s.choice), `monthly fee of «${t.name}» at renewal (R1)`)
      for (const id of s.services) {
        const sv = cat.services.get(id)
        if (sv !== undefined)
          need(s.msisdn, "fee-monthly", -sv.monthlyFee, `monthly fee of «${sv.name}» at renewal (R17)`)
      }
      for (const m of sh.subs.values()) {
        if (m.familyOwner === s.msisdn)
          need(s.msisdn, "fee-family-member", -cat.data.family.memberFee, `member fee for ${m.msisdn} at renewal (R2)`)
      }
      return null
    }
    case "FamilyJoined": {
      // A member put in place by setup (SetupFamily) is state, not traffic: no joining fee.
      const setup = c.step.t === "command" && c.step.command._tag === "SetupFamily"
      if (!setup)
        need(e.owner, "fee-family-member", -cat.data.family.memberFee, `member fee for ${e.member} joining (R2)`)
      const m = sh.get(e.member)
      if (m !== undefined) st.prevTariff.set(e.member, m.tariff)
      return null
    }
    case "FamilyRemoved": {
      const prev = st.prevTariff.get(e.member)
      st.prevTariff.delete(e.member)
      if (prev !== undefined && prev !== e.restoredTariff)
        return `${e.member} left the family and got ${e.restoredTariff}, the tariff before joining was ${prev} (R2)`
      const back = cat.tariffs.get(e.restoredTariff)
      const m = sh.get(e.member)
      if (back === undefined || m === undefined)
        return `${e.member} left the family to tariff ${e.restoredTariff}, not in the catalog`
      if (!m.voluntaryBlock)
        need(
          e.member,
          "fee-monthly",
          -tariffMonthlyFee(back, null),
          `monthly fee of «${back.name}» on leaving the family (R2, R19: none while blocked)`,
        )
      return null
    }
    case "PromisedOpened": {
      const open = st.promised.get(e.msisdn)
      if (open !== undefined)
        return (
          `a second promised payment of ${e.amount} opened for ${e.msisdn}` +
          ` while one of ${open.amount} is open until ${open.dueAt} (R10)`
        )
      const step = c.step
      const asked = step.t === "command" && step.command._tag === "PromisedPayment" ? step.command.amount : undefined
      if (asked !== undefined && asked !== e.amount)
        return `promised payment of ${asked} asked, ${e.amount} given to ${e.msisdn} (R10)`
      const dueAt = e.at + cat.data.promisedPayment.validDays * DAY
      if (e.dueAt !== dueAt)
        return (
          `promised payment of ${e.msisdn} due at ${e.dueAt},` +
          ` the catalog's ${cat.data.promisedPayment.validDays} days give ${dueAt} (R10)`
        )
      st.promised.set(e.msisdn, { amount: e.amount, dueAt })
      need(e.msisdn, "promised-payment", e.amount, "promised payment credited (R10)")
      need(
        e.msisdn,
        "fee-promised-payment",
        -promisedPaymentFee(cat, e.amount),
        `promised payment fee for ${e.amount} from the catalog's tiers (R10)`,
      )
      return null
    }
    case "PromisedClosed": {
      const open = st.promised.get(e.msisdn)
      if (open === undefined) return `promised payment of ${e.msisdn} closed, none was open (R10)`
      if (e.at < open.dueAt)
        return `promised payment of ${e.msisdn} repaid at ${e.at}, before it was due at ${open.dueAt} (R10)`
      st.promised.delete(e.msisdn)
      need(e.msisdn, "promised-repayment", -open.amount, "promised payment repaid when due (R10)")
      return null
    }
    case "AutopaySet":
      if (e.autopay === null) st.autopay.delete(e.msisdn)
      else st.autopay.set(e.msisdn, e.autopay.amount)
      return null
    default:
      return null
  }
}

/** A rated usage: units from the step's own seconds/count/kilobytes, price from the catalog, and «Забугорище» once a day. */
const usage = (
  c: StepCheck,
  e: UsageRated,
  sh: Shadow,
  zabDays: Map<string, Set<number>>,
  need: (msisdn: string, reason: LedgerReason, amount: number, why: string) => void,
  costs: Map<string, number>,
): string | null => {
  const step = c.step
  if (step.t !== "command" || step.command._tag !== "Usage" || step.command.msisdn !== e.msisdn)
    return `usage seq ${e.seq} of ${e.msisdn} rated outside a usage step`
  const u = step.command.usage
  // The shadow as the usage arrived: the step's «Забугорище» fee entry comes first in the log and is not a state the price depends on.
  const sub = c.before.get(e.msisdn) ?? sh.get(e.msisdn)
  if (sub === undefined) return `usage of ${e.msisdn}, never created`
  const drawn = e.draws.reduce((a, [, n]) => a + n, 0)
  const x = usagePrice(c.twin.cat, sub, u, drawn)
  if (typeof x === "string") return x
  const volume = u._tag === "call" ? `${u.seconds} s` : u._tag === "sms" ? `${u.count ?? 1} SMS` : `${u.kb} KB`
  const what = `${u._tag} ${x.direction} of ${e.msisdn} at ${sub.location} (${volume})`
  // «Забугорище» is due on the day's first use abroad (R3), and comes first from the balance.
  const zabDue =
    isAbroad(sub.location) &&
    sub.services.has("zabugorishche") &&
    !(u._tag === "sms" && x.direction === "in") &&
    !(zabDays.get(e.msisdn) ?? sub.zabugorDays).has(mskDay(e.at))
  const fee = zabDue ? zabugorishchePrice(c.twin.cat, sub.location) : 0
  // Online charging: usage is granted only while what the number may spend covers it; the rest is cut off.
  const avail = spendable(sub) - fee
  let paid = x.paid
  if (fee > 0 && avail < 0) paid = 0
  else if (unitsCost(u._tag, x.paid, x.price) > avail) {
    const grant =
      x.price === 0 ? 0 : u._tag === "data" ? Math.floor(avail / x.price) * 1024 : Math.floor(avail / x.price)
    paid = Math.min(x.paid, grant)
  }
  const rated = x.units - x.paid + paid
  const cost = unitsCost(u._tag, paid, x.price)
  // Usage cost is taken from the balance: a wrong cost (or a wrong unit count) moves it by the difference.
  costs.set(e.msisdn, (costs.get(e.msisdn) ?? 0) + e.cost - cost)
  if (e.where !== sub.location) return `${what} rated at ${e.where}`
  if (e.units !== rated)
    return (
      `${what}: ${e.units} units billed, ${u._tag === "call" ? "started minutes" : "units"} are ${x.units}` +
      `${rated !== x.units ? `, ${rated} of them covered by the balance` : ""} (R4)`
    )
  if (!x.packages && drawn > 0) return `${what}: drew ${drawn} from packages that do not cover it`
  if (drawn > x.units) return `${what}: drew ${drawn} from packages for ${x.units} units`
  if (e.cost !== cost)
    return `${what}: cost ${e.cost}, the catalog gives ${cost} for ${paid} units not covered by packages`
  if (isAbroad(sub.location) && sub.services.has("zabugorishche") && !(u._tag === "sms" && x.direction === "in")) {
    const day = mskDay(e.at)
    const days = zabDays.get(e.msisdn) ?? new Set(sub.zabugorDays)
    if (!days.has(day))
      need(
        e.msisdn,
        "fee-zabugorishche",
        -zabugorishchePrice(c.twin.cat, sub.location),
        `«Забугорище» in ${sub.location} on the day's first use (R3)`,
      )
    days.add(day)
    zabDays.set(e.msisdn, days)
  }
  return null
}
