// Decoding untrusted input with Effect Schema into a DomainError that names the field: the field
// comes from the schema's own issue path (Standard Schema format), never from scraping the message
// text, and unknown fields are refused (`onExcessProperty: "error"`). Used by the control API's
// commands (core/domain/commands.ts) and every channel edge (channels/edge/decode.ts).
import { Result, Schema, SchemaIssue } from "effect"
import { err, type DomainError } from "./errors.ts"

const formatter = SchemaIssue.makeFormatterStandardSchemaV1()

/** The first issue of a failed decode: the field's dotted path ("" at the top) and the reason. */
export const issueOf = (e: Schema.SchemaError): { path: string; reason: string } => {
  const first = formatter(e.issue).issues[0]
  const path = (first?.path ?? []).map((p) => String(typeof p === "object" && p !== null && "key" in p ? p.key : p))
  return { path: path.join("."), reason: first?.message ?? "invalid" }
}

/** INVALID_FIELD naming the field of a failed decode (`top` when the whole input is wrong). */
export const decodeError = (e: Schema.SchemaError, top: string): DomainError => {
  const { path, reason } = issueOf(e)
  const field = path === "" ? top : path
  const excess = /excess property|Unexpected key/i.test(reason)
  return err(
    "INVALID_FIELD",
    `${field}: ${excess ? "unknown field (not part of this request)" : reason}`,
    excess ? `Лишнее поле в запросе: ${field}` : "Неверный запрос",
    field,
  )
}

/** A decoder that refuses unknown fields and answers a DomainError naming the first offending field. */
export const decodeStrict = <S extends Schema.ConstraintDecoder<unknown>>(schema: S, top = "body") => {
  const dec = Schema.decodeUnknownResult(schema, { onExcessProperty: "error" })
  return (input: unknown): Result.Result<S["Type"], DomainError> => {
    const r = dec(input)
    return r._tag === "Success" ? Result.succeed(r.success) : Result.fail(decodeError(r.failure, top))
  }
}
