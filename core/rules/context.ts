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
 * A rule's decision: the events to record, an optional value for the caller, and optionally an
 * error to return *after* recording the events (a wrong code is refused and still counted).
 */
export interface Decision<V = unknown> {
  readonly events: Draft[]
  readonly value?: V
  readonly error?: DomainError
}

export type RuleResult<V = unknown> = Decision<V> | DomainError

export const ok = <V>(events: Draft[], value?: V): Decision<V> => (value === undefined ? { events } : { events, value })

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
export const authorize = (ctx: Ctx, by: string | undefined, msisdn: string, policy: "self" | "linked"): DomainError | null => {
  if (by === undefined || by === msisdn) return null
  if (policy === "linked") {
    const actor = ctx.state.subscribers.get(by)
    if (actor !== undefined && actor.linked.includes(msisdn)) return null
  }
  return err("NOT_AUTHORIZED", `by: ${by} may not act on ${msisdn} (not the same number${policy === "linked" ? " and not linked" : ""})`, "Нет доступа к этому номеру", "msisdn")
}

/** Commands only the network or the control API may send (never a subscriber channel). */
export const systemOnly = (by: string | undefined, what: string): DomainError | null =>
  by === undefined ? null : err("NOT_AUTHORIZED", `by: ${what} is a network/control operation, not a subscriber's`, "Операция недоступна", "by")

/** An SMS delivered to a handset's inbox. */
export const smsTo = (msisdn: string, from: string, text: string): Draft => {
  const seg = smsSegments(text)
  return { type: "SmsDelivered", msisdn, from, text, segments: seg.segments, encoding: seg.encoding }
}

export const positiveInt = (v: number, field: string, max?: number): DomainError | null => {
  if (!Number.isSafeInteger(v) || v <= 0) return err("INVALID_FIELD", `${field}: must be a positive integer, got ${v}`, "Неверная сумма или количество", field)
  if (max !== undefined && v > max) return err("INVALID_FIELD", `${field}: must be at most ${max}, got ${v}`, "Слишком большое значение", field)
  return null
}

export const isErr = (x: unknown): x is DomainError =>
  typeof x === "object" && x !== null && (x as { _tag?: unknown })._tag === "DomainError"
