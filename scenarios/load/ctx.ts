// What every part of the scenario loader shares: the context (file, source, positions, catalog,
// the errors found so far), reporting a problem at a node's line:col, and reading a mapping.
import { isMap, isScalar, type LineCounter, type Node, type Pair } from "yaml"
import type { CatalogIndex } from "../../core/catalog/load.ts"
import { ScenarioError, suggest } from "../errors.ts"
import type { Pos } from "../model.ts"
import { checkTemplates } from "../templates.ts"

export interface LoadOptions {
  readonly catalog?: CatalogIndex
  /** Operation names each web channel offers; when given, `do:` is checked against them. */
  readonly operations?: Partial<Record<"lk" | "app" | "kiosk", readonly string[]>>
}

export type N = Node | null | undefined

export interface Ctx {
  readonly file: string
  readonly src: string
  readonly lc: LineCounter
  readonly cat: CatalogIndex
  readonly ops: LoadOptions["operations"]
  readonly errors: ScenarioError[]
  readonly subscribers: Set<string>
}

export const offsetOf = (n: N): number =>
  n !== null && n !== undefined && n.range !== undefined && n.range !== null ? n.range[0] : 0

export const posAt = (ctx: Ctx, n: N): Pos => {
  const p = ctx.lc.linePos(offsetOf(n))
  return { file: ctx.file, line: p.line, col: p.col }
}

export const fail = (ctx: Ctx, n: N, message: string, hint: string): null => {
  const p = posAt(ctx, n)
  ctx.errors.push(new ScenarioError(ctx.file, p.line, p.col, message, hint))
  return null
}

/** A map's entries by key, with the key nodes for positions. Reports a non-map. */
export interface Entries {
  readonly node: Node
  readonly get: (k: string) => N
  readonly keyNode: (k: string) => N
  readonly keys: readonly string[]
}

export const asMap = (ctx: Ctx, n: N, what: string, hint: string): Entries | null => {
  if (!isMap(n)) return fail(ctx, n, `${what}: expected a mapping (key: value)`, hint)
  const values = new Map<string, N>()
  const keyNodes = new Map<string, N>()
  for (const it of n.items as Pair<unknown, unknown>[]) {
    const k = isScalar(it.key) ? String(it.key.value) : String(it.key)
    values.set(k, it.value as N)
    keyNodes.set(k, it.key as N)
  }
  return { node: n, get: (k) => values.get(k), keyNode: (k) => keyNodes.get(k) ?? n, keys: [...values.keys()] }
}

export const checkKeys = (ctx: Ctx, m: Entries, allowed: readonly string[], what: string): boolean => {
  let good = true
  for (const k of m.keys) {
    if (!allowed.includes(k)) {
      fail(ctx, m.keyNode(k), `${what}: unknown key "${k}"`, suggest(k, allowed))
      good = false
    }
  }
  return good
}

export const has = (m: Entries, k: string): boolean => m.keys.includes(k)

export const actionMap = (
  ctx: Ctx,
  n: N,
  what: string,
  keys: readonly string[],
  required: readonly string[],
  example: string,
): Entries | null => {
  const m = asMap(ctx, n, what, `e.g. ${example}`)
  if (m === null || !checkKeys(ctx, m, keys, what)) return null
  for (const k of required) if (!has(m, k)) return fail(ctx, n, `${what}: missing "${k}"`, `e.g. ${example}`)
  return m
}

export const templated = (ctx: Ctx, n: N, what: string, s: string): string | null => {
  const bad = checkTemplates(s)
  if (bad !== null)
    return fail(
      ctx,
      n,
      `${what}: bad placeholder "${bad}"`,
      "use ${sms.3339} (code from the last SMS from 3339 to this number) or ${sms.MTS@79160000002} (to another number)",
    )
  return s
}

/** What steps carry over to the next: the number the last step named (an `expect` without msisdn reads it). */
export interface StepCtx {
  last: string | null
}
