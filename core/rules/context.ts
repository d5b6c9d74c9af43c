// What every rule gets, and the shape of what it returns.
import type { CatalogIndex } from "../catalog/load.ts"
import type { Tariff } from "../catalog/schema.ts"
import type { Draft } from "../domain/events.ts"
import { err, unknownSubscriber, type DomainError } from "../domain/errors.ts"
import { smsSegments } from "../domain/sms.ts"
import type { State, Subscriber } from "../state/model.ts"
import type { Rng } from "./random.ts"

export interface Ctx {
  readonly state: State
  readonly cat: CatalogIndex
  /** Twin time of the command. */
  readonly now: number
  readonly rng: Rng
}

/**
 * A rule's decision: the events to record and the value for the caller (`undefined` for a rule
 * that returns none). The value's type is the rule's own and reaches the caller of
 * `TwinCore.execute` through the rule table (core/rules/index.ts `ResultOf`).
 */
export interface Decision<V = undefined> {
  readonly events: Draft[]
  readonly value: V
  readonly error?: undefined
}

/** A refusal recorded all the same: the events are kept, then the error is returned (a wrong code is counted). */
export interface Refusal {
  readonly events: Draft[]
  readonly value?: undefined
  readonly error: DomainError
}

export type RuleResult<V = undefined> = Decision<V> | Refusal | DomainError

/** The decision of a rule that records `events` and returns `value` (nothing when omitted). */
export function ok(events: Draft[]): Decision<undefined>
export function ok<V>(events: Draft[], value: V): Decision<V>
export function ok(events: Draft[], value?: unknown): Decision<unknown> {
  return { events, value }
}

export const getSub = (ctx: Ctx, msisdn: string, field = "msisdn"): Subscriber | DomainError =>
  ctx.state.subscribers.get(msisdn) ?? unknownSubscriber(msisdn, field)

export const tariffOf = (ctx: Ctx, s: Subscriber): Tariff => {
  const t = ctx.cat.tariffs.get(s.tariff)
  if (t === undefined) throw new Error(`subscriber ${s.msisdn} is on tariff ${s.tariff} missing from the catalog`)
  return t
}

/**
 * I9: who may act on `msisdn`. `by` absent means the operator or control API.
 * "self": only the number itself; "linked": the number or a login that has it linked (R20).
 */
export const authorize = (
  ctx: Ctx,
  by: string | undefined,
  msisdn: string,
  policy: "self" | "linked",
): DomainError | null => {
  if (by === undefined || by === msisdn) return null
  if (policy === "linked") {
    const actor = ctx.state.subscribers.get(by)
    if (actor?.linked.includes(msisdn)) return null
  }
  return err(
    "NOT_AUTHORIZED",
    `by: ${by} may not act on ${msisdn} (not the same number${policy === "linked" ? " and not linked" : ""})`,
    "Нет доступа к этому номеру",
    "msisdn",
  )
}

/**
 * The subscriber a command acts on, once `by` may act on it (I9): the preamble of most rules.
 */
export const actingOn = (
  ctx: Ctx,
  c: { msisdn: string; by?: string | undefined },
  policy: "self" | "linked",
): Subscriber | DomainError => {
  const s = getSub(ctx, c.msisdn)
  if (isErr(s)) return s
  return authorize(ctx, c.by, c.msisdn, policy) ?? s
}

/** Commands only the network or the control API may send (never a subscriber channel). */
export const systemOnly = (by: string | undefined, what: string): DomainError | null =>
  by === undefined
    ? null
    : err(
        "NOT_AUTHORIZED",
        `by: ${what} is a network/control operation, not a subscriber's`,
        "Операция недоступна",
        "by",
      )

/** An SMS delivered to a handset's inbox. */
export const smsTo = (msisdn: string, from: string, text: string): Draft => {
  const seg = smsSegments(text)
  return { type: "SmsDelivered", msisdn, from, text, segments: seg.segments, encoding: seg.encoding }
}

/** What stands for a one-time code in the logged text of an SMS (one mark per digit). */
export const CODE_MASK = "•"

/** A one-time code of `digits` digits from the twin's secret generator, with the draw it came from. */
export const drawCode = (ctx: Ctx, digits: number): { code: string; draw: number } => {
  const draw = ctx.rng.counter
  return { code: ctx.rng.digits(digits), draw }
}

/**
 * An SMS carrying a one-time code: delivered to the handset, logged with the code masked and the
 * draw it came from (segments counted on the clear text the handset receives).
 */
export const codeSmsTo = (
  msisdn: string,
  from: string,
  render: (code: string) => string,
  c: { code: string; draw: number },
): Draft => {
  const seg = smsSegments(render(c.code))
  return {
    type: "SmsDelivered",
    msisdn,
    from,
    text: render(CODE_MASK.repeat(c.code.length)),
    segments: seg.segments,
    encoding: seg.encoding,
    code: { draw: c.draw, digits: c.code.length },
  }
}

export const isErr = (x: unknown): x is DomainError =>
  typeof x === "object" && x !== null && (x as { _tag?: unknown })._tag === "DomainError"
