// Reading channel requests: JSON or form bodies, string fields with limits, errors that name
// the field (shared by the USSD, IVR and SMS routers).
import { Result, Schema } from "effect"
import type { DomainError } from "../../core/domain/errors.ts"
import { decodeStrict } from "../edge/decode.ts"
import type { Context } from "hono"
import { twinNotFoundBody } from "../edge/twin.ts"
import type { TwinCore } from "../../core/engine/twin-core.ts"
import { twinIdOf, twinOf, type ChannelDeps } from "../context.ts"
import { normalizeMsisdn } from "../text/phone.ts"
import { jsonAnswer } from "../security.ts"

export interface FieldError {
  readonly status: 400 | 404
  readonly body: { error: { code: string; field: string; message: string; ru: string } }
}

export const fieldError = (
  field: string,
  message: string,
  ru = "Неверный запрос",
  status: 400 | 404 = 400,
  code = "INVALID_FIELD",
): FieldError => ({ status, body: { error: { code, field, message: `${field}: ${message}`, ru } } })

export const isFieldError = (x: unknown): x is FieldError =>
  typeof x === "object" && x !== null && "status" in x && "body" in x

/** The fields a telephony request may carry: text or numbers, each optional here (`str` requires). */
export type Fields = (input: unknown) => Result.Result<unknown, DomainError>

/** The field set of a telephony endpoint, as an Effect Schema that refuses unknown fields (channels/edge/decode.ts). */
export const fields = (...names: readonly string[]): Fields =>
  decodeStrict(
    Schema.Struct(
      Object.fromEntries(names.map((n) => [n, Schema.optional(Schema.Union([Schema.String, Schema.Finite]))])),
    ),
  )

/** The request body as a flat record of strings: JSON object or form (urlencoded/multipart), only of `allowed` fields. */
export const readBody = async (c: Context, allowed: Fields): Promise<Record<string, unknown> | FieldError> => {
  const type = c.req.header("content-type") ?? ""
  let v: unknown
  try {
    if (type.includes("application/x-www-form-urlencoded") || type.includes("multipart/form-data"))
      v = { ...(await c.req.parseBody()) }
    else {
      const raw = await c.req.text()
      v = raw.trim() === "" ? {} : JSON.parse(raw)
    }
  } catch {
    return fieldError("body", "expected a JSON object or a form")
  }
  if (typeof v !== "object" || v === null || Array.isArray(v))
    return fieldError("body", "expected a JSON object or a form")
  const checked = allowed(v)
  if (Result.isFailure(checked))
    return fieldError(
      checked.failure.field ?? "body",
      checked.failure.message.replace(/^[^:]*: /, ""),
      checked.failure.ru,
    )
  return v as Record<string, unknown>
}

/** A required (or optional, with a default) string field of at most `max` characters. */
export const str = (b: Record<string, unknown>, field: string, max: number, dflt?: string): string | FieldError => {
  const v = b[field]
  if (v === undefined || v === null) return dflt ?? fieldError(field, "is required")
  if (typeof v !== "string" && typeof v !== "number") return fieldError(field, "expected a string")
  const s = String(v)
  if (s.length > max) return fieldError(field, `longer than ${max} characters`)
  return s
}

/** The request's twin, or a 404 naming the `twin` field. */
export const twinFor = (deps: ChannelDeps, c: Context): TwinCore | FieldError =>
  twinOf(deps, c) ?? { status: 404, body: twinNotFoundBody(twinIdOf(c)) }

/** A subscriber number field of this twin: 400 when malformed, 404 when the twin has no such number. */
export const subscriberField = (twin: TwinCore, b: Record<string, unknown>, field: string): string | FieldError => {
  const raw = str(b, field, 32)
  if (isFieldError(raw)) return raw
  const m = normalizeMsisdn(raw)
  if (m === null) return fieldError(field, "expected a mobile number like 79161234567", "Неверный номер")
  if (!twin.state.subscribers.has(m))
    return fieldError(field, `no subscriber ${m} in this twin`, "Абонент не найден", 404, "UNKNOWN_SUBSCRIBER")
  return m
}

/** Answer a field error as its JSON body and status. */
export const fail = (_c: Context, e: FieldError): Response => jsonAnswer(e.body, e.status)

/** The twin, the body and the calling subscriber (`field` names the number) of a channel request. */
export const subscriberRequest = async (
  deps: ChannelDeps,
  c: Context,
  field: string,
  allowed: Fields,
): Promise<{ twin: TwinCore; body: Record<string, unknown>; msisdn: string } | FieldError> => {
  const twin = twinFor(deps, c)
  if (isFieldError(twin)) return twin
  const body = await readBody(c, allowed)
  if (isFieldError(body)) return body
  const msisdn = subscriberField(twin, body, field)
  if (isFieldError(msisdn)) return msisdn
  return { twin, body, msisdn }
}
