// Domain errors: one tagged class with a closed set of codes. Every error names the field and
// the reason in English (`message`) and carries the Russian text a subscriber sees (`ru`).
import { Data } from "effect"

export type ErrorCode =
  | "INVALID_FIELD"
  | "LINK_LOCKED"
  | "CODE_VOID"
  | "UNKNOWN_SUBSCRIBER"
  | "SUBSCRIBER_EXISTS"
  | "UNKNOWN_TARIFF"
  | "UNKNOWN_SERVICE"
  | "UNKNOWN_OFFER"
  | "UNKNOWN_COUNTRY"
  | "NOT_AUTHORIZED"
  | "BLOCKED"
  | "INSUFFICIENT_FUNDS"
  | "PROMISED_PAYMENT_OPEN"
  | "PROMISED_PAYMENT_LIMIT"
  | "PAYMENT_CARD_INVALID"
  | "CONFIRMATION_REQUIRED"
  | "TARIFF_NOT_AVAILABLE"
  | "SAME_TARIFF"
  | "NOT_CONSTRUCTOR"
  | "MOBILE_ASSISTANT_REQUIRED"
  | "SERVICE_NOT_AVAILABLE"
  | "SERVICE_ALREADY_CONNECTED"
  | "SERVICE_NOT_CONNECTED"
  | "SERVICE_NOT_REMOVABLE"
  | "BLOCK_NOT_ALLOWED"
  | "ALREADY_BLOCKED"
  | "NOT_BLOCKED"
  | "FAMILY_NOT_OWNER"
  | "FAMILY_FULL"
  | "FAMILY_SHARE_EXCEEDS"
  | "FAMILY_MEMBER_INELIGIBLE"
  | "FAMILY_NO_INVITE"
  | "FAMILY_HAS_MEMBERS"
  | "FAMILY_NOT_MEMBER"
  | "LINK_INVALID"
  | "LINK_NO_REQUEST"
  | "NOT_LINKED"
  | "BONUS_INSUFFICIENT"
  | "WEAK_PASSWORD"
  | "WRONG_CODE"
  | "CODE_EXPIRED"
  | "NO_CODE"
  | "LOGIN_LOCKED"
  | "SESSION_INVALID"
  | "NETWORK_ID_UNAVAILABLE"
  | "KIOSK_NOT_CONNECTED"
  | "KIOSK_LOCKED"
  | "RATE_LIMITED"
  | "PASSPORT_MISMATCH"
  /** The store could not make the command's events durable: nothing of it was applied (503). */
  | "STORE_UNAVAILABLE"
  /** Another clock advance of the twin is running (409). */
  | "ADVANCE_RUNNING"
  /** A cap of the server was reached: twins, streams, connections (503). */
  | "CAPACITY"
  /** An idempotency key was reused for a different request, or its first request is still running (409/422). */
  | "IDEMPOTENCY_KEY"

export class DomainError extends Data.TaggedError("DomainError")<{
  readonly code: ErrorCode
  /** The input field the error is about, when there is one (e.g. "amount", "msisdn"). */
  readonly field?: string | undefined
  /** English, for developers and logs: names the field and the reason. */
  readonly message: string
  /** Russian, for the subscriber: what the channel shows or says. */
  readonly ru: string
}> {
  override toJSON(): { code: ErrorCode; field?: string | undefined; message: string; ru: string } {
    return { code: this.code, field: this.field, message: this.message, ru: this.ru }
  }
}

/**
 * A domain error is an expected refusal returned as a value (a usage on a blocked number, a
 * wrong code), never a crash: it is built without capturing a stack trace, which would cost
 * several microseconds on the rating hot path and tell nothing (its `stack` is just the message).
 */
export const err = (code: ErrorCode, message: string, ru: string, field?: string): DomainError => {
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    return new DomainError({ code, message, ru, field })
  } finally {
    Error.stackTraceLimit = limit
  }
}

export const invalid = (field: string, reason: string, ru = "Неверный запрос"): DomainError =>
  err("INVALID_FIELD", `${field}: ${reason}`, ru, field)

export const unknownSubscriber = (msisdn: string, field = "msisdn"): DomainError =>
  err("UNKNOWN_SUBSCRIBER", `${field}: no subscriber ${msisdn} in this twin`, "Абонент не найден", field)
