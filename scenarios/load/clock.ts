// `advance:` moves the twin's clock: a duration ("1d 2h", "1mo"), `{ months: n }`, or `{ to: instant }`.
import { isMap } from "yaml"
import { ADVANCE_FIELDS, keysOf } from "../spec/schema.ts"
import { parseAdvance } from "../values.ts"
import { actionMap, fail, has } from "./ctx.ts"
import { int, scalarText, str } from "./fields.ts"
import type { StepParser } from "./parser.ts"

export const advanceStep: StepParser = (ctx, _sc, n, what) => {
  if (isMap(n)) {
    const m = actionMap(ctx, n, what, keysOf(ADVANCE_FIELDS), [], "advance: { months: 1 }")
    if (m === null) return null
    if (has(m, "months")) {
      const mo = int(ctx, m.get("months"), `${what}.months`, 1)
      return mo === null ? null : { _tag: "advance", advance: { months: mo, text: `${mo}mo` } }
    }
    const key = has(m, "to") ? "to" : "by"
    const t = str(ctx, m.get(key), `${what}.${key}`)
    const a = t === null ? null : parseAdvance(t)
    if (a === null)
      return fail(
        ctx,
        m.get(key) ?? n,
        `${what}.${key}: not a duration or instant`,
        "e.g. advance: 1d 2h, advance: 90m, advance: 1mo, advance: { to: 2026-07-01T00:00:00+03:00 }",
      )
    return { _tag: "advance", advance: a }
  }
  const t = scalarText(ctx, n)
  const a = t === null ? null : parseAdvance(t)
  if (a === null)
    return fail(
      ctx,
      n,
      `${what}: bad duration "${t ?? ""}"`,
      "write days/hours/minutes/seconds like 1d 2h, 90m, 30s, 2w; calendar months as 1mo; or an ISO instant",
    )
  return { _tag: "advance", advance: a }
}
