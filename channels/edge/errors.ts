// The one mapping from domain errors to HTTP answers, used by every channel router and the control
// API: the status for each error code, and the JSON body (code, field, English message, Russian text).
import type { DomainError } from "../../core/domain/errors.ts"

/** HTTP status for a domain error code. */
export const statusFor = (e: DomainError): 400 | 401 | 403 | 404 | 409 | 423 | 429 | 503 => {
  switch (e.code) {
    case "INVALID_FIELD":
    case "WEAK_PASSWORD":
    case "CONFIRMATION_REQUIRED":
      return 400
    case "UNKNOWN_SUBSCRIBER":
    case "UNKNOWN_TARIFF":
    case "UNKNOWN_SERVICE":
    case "UNKNOWN_OFFER":
    case "UNKNOWN_COUNTRY":
      return 404
    case "NOT_AUTHORIZED":
      return 403
    case "SESSION_INVALID":
    case "WRONG_CODE":
    case "CODE_EXPIRED":
    case "CODE_VOID":
    case "NO_CODE":
    case "NETWORK_ID_UNAVAILABLE":
      return 401
    case "LOGIN_LOCKED":
    case "KIOSK_LOCKED":
    case "LINK_LOCKED":
      return 423
    case "RATE_LIMITED":
      return 429
    case "STORE_UNAVAILABLE":
    case "CAPACITY":
      return 503
    default:
      return 409
  }
}

/** The JSON body of an error answer: code, field, English message, Russian text. */
export const errorBody = (e: DomainError) => ({
  error: { code: e.code, field: e.field ?? null, message: e.message, ru: e.ru },
})
