// What every channel router gets: the registry of twins. A request picks its twin with the
// `X-Twin` header or the `twin` query parameter (default: the default twin).
import type { Context } from "hono"
import type { Registry } from "../core/engine/registry.ts"
import type { TwinCore } from "../core/engine/twin-core.ts"
import type { DomainError } from "../core/domain/errors.ts"

export interface ChannelDeps { readonly registry: Registry }

export const TWIN_HEADER = "x-twin"

export const twinIdOf = (c: Context): string => c.req.header(TWIN_HEADER) ?? c.req.query("twin") ?? "default"

/** The request's twin, or null when the id is unknown (the caller answers 404). */
export const twinOf = (deps: ChannelDeps, c: Context): TwinCore | null => deps.registry.get(twinIdOf(c)) ?? null

/** HTTP status for a domain error code. */
export const statusFor = (e: DomainError): 400 | 401 | 403 | 404 | 409 | 423 | 429 => {
  switch (e.code) {
    case "INVALID_FIELD": case "WEAK_PASSWORD": case "CONFIRMATION_REQUIRED": return 400
    case "UNKNOWN_SUBSCRIBER": case "UNKNOWN_TARIFF": case "UNKNOWN_SERVICE": case "UNKNOWN_OFFER": case "UNKNOWN_COUNTRY": return 404
    case "NOT_AUTHORIZED": return 403
    case "SESSION_INVALID": case "WRONG_CODE": case "CODE_EXPIRED": case "CODE_VOID": case "NO_CODE": case "NETWORK_ID_UNAVAILABLE": return 401
    case "LOGIN_LOCKED": case "KIOSK_LOCKED": case "LINK_LOCKED": return 423
    case "RATE_LIMITED": return 429
    default: return 409
  }
}

/** The JSON body of an error answer: code, field, English message, Russian text. */
export const errorBody = (e: DomainError) => ({ error: { code: e.code, field: e.field ?? null, message: e.message, ru: e.ru } })
