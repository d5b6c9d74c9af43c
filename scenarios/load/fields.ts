// The values of a scenario file: text, whole numbers, amounts, numbers, lists, catalog ids,
// bounds and text matches. Each reports what it expected at the value's line:col.
import { isMap, isScalar, isSeq } from "yaml"
import { KB_PER_MB } from "../../core/rules/packages.ts"
import { suggest } from "../errors.ts"
import type { Bound, TextMatch } from "../model.ts"
import { MSISDN_RE } from "../../core/domain/ids.ts"
import { parseAmount, parseVolumeKb } from "../values.ts"
import { asMap, type Ctx, checkKeys, type Entries, fail, has, type N } from "./ctx.ts"

/** The source text of a scalar, exactly as written (unquoted for quoted strings). */
export const scalarText = (ctx: Ctx, n: N): string | null => {
  if (!isScalar(n)) return null
  if (typeof n.value === "string") return n.value
  if (typeof n.value === "number" && n.range !== undefined && n.range !== null)
    return ctx.src.slice(n.range[0], n.range[1]).trim()
  if (n.value === null) return null
  return String(n.value)
}

export const str = (ctx: Ctx, n: N, what: string, hint = 'write it as text, e.g. "…"'): string | null => {
  if (!isScalar(n) || n.value === null || typeof n.value === "object")
    return fail(ctx, n, `${what}: expected a text value`, hint)
  return scalarText(ctx, n)
}

export const optStr = (ctx: Ctx, m: Entries, k: string, what: string): string | undefined => {
  if (!has(m, k)) return undefined
  return str(ctx, m.get(k), `${what}.${k}`) ?? undefined
}

export const int = (ctx: Ctx, n: N, what: string, min = 0): number | null => {
  if (!isScalar(n) || typeof n.value !== "number" || !Number.isSafeInteger(n.value) || n.value < min) {
    return fail(
      ctx,
      n,
      `${what}: expected a whole number ≥ ${min}`,
      `e.g. ${what.split(".").pop()}: ${Math.max(min, 1)}`,
    )
  }
  return n.value
}

export const bool = (ctx: Ctx, n: N, what: string): boolean | null => {
  if (!isScalar(n) || typeof n.value !== "boolean")
    return fail(ctx, n, `${what}: expected true or false`, `e.g. ${what.split(".").pop()}: true`)
  return n.value
}

export const msisdnOf = (ctx: Ctx, n: N, what: string, declared = true): string | null => {
  const s = isScalar(n) ? scalarText(ctx, n) : null
  if (s === null || !MSISDN_RE.test(s))
    return fail(
      ctx,
      n,
      `${what}: expected a number like "79161234567" (7 and 10 digits)`,
      'quote it: msisdn: "79161234567"',
    )
  if (declared && !ctx.subscribers.has(s))
    return fail(
      ctx,
      n,
      `${what}: ${s} is not one of this scenario's subscribers`,
      `declare it under subscribers, or use one of: ${[...ctx.subscribers].join(", ")}`,
    )
  return s
}

export const amount = (ctx: Ctx, n: N, what: string): number | null => {
  const t = scalarText(ctx, n)
  const v = t === null ? null : parseAmount(t)
  if (v === null)
    return fail(
      ctx,
      n,
      `${what}: expected an amount in rubles`,
      'e.g. 2000.00, 490 or "1 500,00" (kopecks after the point)',
    )
  return v
}

export const strList = (ctx: Ctx, n: N, what: string): string[] | null => {
  if (isScalar(n)) {
    const s = str(ctx, n, what)
    return s === null ? null : [s]
  }
  if (!isSeq(n)) return fail(ctx, n, `${what}: expected a list`, `e.g. ${what.split(".").pop()}: [a, b]`)
  const out: string[] = []
  for (const it of n.items as N[]) {
    const s = str(ctx, it, what)
    if (s !== null) out.push(s)
  }
  return out
}

export const oneOf = <T extends string>(ctx: Ctx, n: N, what: string, allowed: readonly T[]): T | null => {
  const s = str(ctx, n, what)
  if (s === null) return null
  if (!(allowed as readonly string[]).includes(s))
    return fail(ctx, n, `${what}: unknown value "${s}"`, suggest(s, allowed))
  return s as T
}

export const tariffId = (ctx: Ctx, n: N, what: string): string | null => {
  const s = str(ctx, n, what)
  if (s === null) return null
  if (!ctx.cat.tariffs.has(s))
    return fail(ctx, n, `${what}: unknown tariff "${s}"`, suggest(s, [...ctx.cat.tariffs.keys()]))
  return s
}

export const serviceIds = (ctx: Ctx, n: N, what: string): string[] => {
  const list = strList(ctx, n, what) ?? []
  const items = isSeq(n) ? (n.items as N[]) : [n]
  return list.filter((s, i) => {
    if (ctx.cat.services.has(s)) return true
    fail(ctx, items[i] ?? n, `${what}: unknown service "${s}"`, suggest(s, [...ctx.cat.services.keys()]))
    return false
  })
}

export const seqItems = (ctx: Ctx, n: N, what: string, hint: string): N[] => {
  if (n === null || n === undefined || (isScalar(n) && n.value === null)) return []
  if (!isSeq(n)) {
    fail(ctx, n, `${what}: expected a list (lines starting with "- ")`, hint)
    return []
  }
  return n.items as N[]
}

/** `490.00` (exact) or `{ min: 100, max: 200 }` / `{ eq: … }`, with `value` converting a scalar. */
export const bound = (ctx: Ctx, n: N, what: string, value: (n: N, what: string) => number | null): Bound | null => {
  if (isMap(n)) {
    const m = asMap(ctx, n, what, "")
    if (m === null || !checkKeys(ctx, m, ["eq", "min", "max"], what)) return null
    if (has(m, "eq")) {
      const v = value(m.get("eq"), `${what}.eq`)
      return v === null ? null : { eq: v }
    }
    const min = has(m, "min") ? value(m.get("min"), `${what}.min`) : undefined
    const max = has(m, "max") ? value(m.get("max"), `${what}.max`) : undefined
    if (min === null || max === null) return null
    if (min === undefined && max === undefined)
      return fail(ctx, n, `${what}: give eq, min or max`, "e.g. { min: 100.00, max: 200.00 }")
    return { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) }
  }
  const v = value(n, what)
  return v === null ? null : { eq: v }
}

export const textMatch = (ctx: Ctx, n: N, what: string): TextMatch | null => {
  if (isScalar(n)) {
    const s = str(ctx, n, what)
    return s === null ? null : { contains: [s], lacks: [] }
  }
  const m = asMap(ctx, n, what, 'e.g. { contains: "руб" } or { matches: "Баланс: -?\\\\d+" }')
  if (m === null || !checkKeys(ctx, m, ["contains", "lacks", "matches"], what)) return null
  const contains = has(m, "contains") ? (strList(ctx, m.get("contains"), `${what}.contains`) ?? []) : []
  const lacks = has(m, "lacks") ? (strList(ctx, m.get("lacks"), `${what}.lacks`) ?? []) : []
  let matches: RegExp | undefined
  if (has(m, "matches")) {
    const src = str(ctx, m.get("matches"), `${what}.matches`)
    if (src !== null) {
      try {
        matches = new RegExp(src, "u")
      } catch (e) {
        fail(
          ctx,
          m.get("matches"),
          `${what}.matches: not a valid regular expression (${e instanceof Error ? e.message : String(e)})`,
          "escape special characters with \\\\ in double quotes",
        )
      }
    }
  }
  return { contains, lacks, ...(matches !== undefined ? { matches } : {}) }
}

/** A data volume as MB: "5GB", "500MB" (the unit is always written; a bare number is refused). */
export const volumeMb = (ctx: Ctx, n: N, what: string): number | null => {
  const bare = isScalar(n) && typeof n.value === "number"
  const t = scalarText(ctx, n)
  const zero = t !== null && /^0+(?:[.,]0+)?\s*(?:kb|mb|gb|кб|мб|гб)$/iu.test(t.trim())
  const kb = t === null || bare ? null : zero ? 0 : parseVolumeKb(t)
  if (kb === null)
    return fail(
      ctx,
      n,
      `${what}: expected a data volume with its unit${bare ? ` (${t ?? ""} has none)` : ""}`,
      'write KB, MB or GB with the number: "300MB", "5GB", "1.5GB"',
    )
  return Math.floor(kb / KB_PER_MB)
}

export const listOf = <T>(ctx: Ctx, n: N, what: string, one: (c: Ctx, n: N, w: string) => T | null): T[] => {
  const items = isSeq(n) ? (n.items as N[]) : [n]
  const out: T[] = []
  items.forEach((it, i) => {
    const v = one(ctx, it, isSeq(n) ? `${what}[${i}]` : what)
    if (v !== null) out.push(v)
  })
  return out
}
