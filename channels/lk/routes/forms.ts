// The LK's HTML forms read as typed values: each reader names the field and says in Russian what
// to type when the value is missing or malformed. Money is read as kopecks by parseRubles.
import type { Context } from "hono"
import { Result } from "effect"
import { err, type DomainError } from "../../../core/domain/errors.ts"
import { parseRubles } from "../../../core/domain/money.ts"
import { normalizeMsisdn } from "../../text/phone.ts"

export type FormFields = Record<string, string>

export const formOf = async (c: Context): Promise<FormFields> => {
  const ct = c.req.header("content-type") ?? ""
  if (!ct.includes("application/x-www-form-urlencoded") && !ct.includes("multipart/form-data")) return {}
  const body = await c.req.parseBody()
  const out: FormFields = {}
  for (const [k, v] of Object.entries(body)) if (typeof v === "string") out[k] = v
  return out
}

export const rubles = (v: string | undefined, field: string): Result.Result<number, DomainError> => {
  const k = v === undefined ? null : parseRubles(v)
  return k === null
    ? Result.fail(
        err(
          "INVALID_FIELD",
          `${field}: expected an amount in rubles like 500 or 150,50`,
          "Введите сумму в рублях",
          field,
        ),
      )
    : Result.succeed(k)
}

export const intField = (v: string | undefined, field: string, ru: string): Result.Result<number, DomainError> =>
  v !== undefined && /^\d{1,7}$/.test(v.trim())
    ? Result.succeed(Number(v.trim()))
    : Result.fail(err("INVALID_FIELD", `${field}: expected a whole number`, ru, field))

export const numberField = (v: string | undefined, field: string): Result.Result<string, DomainError> => {
  const m = normalizeMsisdn(v ?? "")
  return m !== null
    ? Result.succeed(m)
    : Result.fail(
        err(
          "INVALID_FIELD",
          `${field}: expected a number like 79161234567`,
          "Введите номер телефона в формате 7XXXXXXXXXX",
          field,
        ),
      )
}

export const textField = (v: string | undefined, field: string, ru: string): Result.Result<string, DomainError> =>
  v !== undefined && v.trim() !== "" && v.length <= 128
    ? Result.succeed(v.trim())
    : Result.fail(err("INVALID_FIELD", `${field}: required`, ru, field))
