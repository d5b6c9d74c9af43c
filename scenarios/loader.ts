// Loading a scenario file: YAML with positions (LineCounter), then a hand-written validation
// that names file, line and a hint for every problem, before anything runs.
import { readFile } from "node:fs/promises"
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from "yaml"
import type { CatalogIndex } from "../core/catalog/load.ts"
import { defaultCatalogIndex } from "../core/catalog/load.ts"
import { parseInstant } from "../core/domain/time.ts"
import { KB_PER_MB } from "../core/rules/packages.ts"
import { REASON_RU } from "../core/rules/texts.ts"
import { ScenarioError, suggest } from "./errors.ts"
import type {
  Bound,
  ChargesExpect,
  Expect,
  FamilyShareSpec,
  InboxExpect,
  PackageExpect,
  PaymentCardSpec,
  Pos,
  Scenario,
  Step,
  StepBody,
  SubscriberSpec,
  TextMatch,
  UsageSpec,
} from "./model.ts"
import { RULES } from "./model.ts"
import { TEMPLATE_RE, checkTemplates } from "./templates.ts"
import { MSISDN_RE } from "../core/domain/ids.ts"
import { callSeconds, parseAdvance, parseAmount, parseVolumeKb } from "./values.ts"
import { ERROR_CODES } from "../channels/error-codes.ts"
import { decodeArgs, expectedOf, operationNames, operationOf, type ParamRef } from "../channels/web-ops.ts"
import {
  ADVANCE_FIELDS,
  CALL_FIELDS,
  CARD_FIELDS,
  CHARGE_FIELDS,
  EXPECT_FIELDS,
  FAMILY_FIELDS,
  INBOX_FIELDS,
  keysOf,
  SMS_USAGE_FIELDS,
  STEP_EXTRA_FIELDS,
  STEP_KINDS,
  SUBSCRIBER_FIELDS,
  TOP_FIELDS,
  WEB_STEP_FIELDS,
} from "./spec/schema.ts"

export interface LoadOptions {
  readonly catalog?: CatalogIndex
  /** Operation names each web channel offers; when given, `do:` is checked against them. */
  readonly operations?: Partial<Record<"lk" | "app" | "kiosk", readonly string[]>>
}

export type LoadResult =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly errors: readonly ScenarioError[] }

type N = Node | null | undefined

interface Ctx {
  readonly file: string
  readonly src: string
  readonly lc: LineCounter
  readonly cat: CatalogIndex
  readonly ops: LoadOptions["operations"]
  readonly errors: ScenarioError[]
  readonly subscribers: Set<string>
}

const offsetOf = (n: N): number =>
  n !== null && n !== undefined && n.range !== undefined && n.range !== null ? n.range[0] : 0

const posAt = (ctx: Ctx, n: N): Pos => {
  const p = ctx.lc.linePos(offsetOf(n))
  return { file: ctx.file, line: p.line, col: p.col }
}

const fail = (ctx: Ctx, n: N, message: string, hint: string): null => {
  const p = posAt(ctx, n)
  ctx.errors.push(new ScenarioError(ctx.file, p.line, p.col, message, hint))
  return null
}

/** A map's entries by key, with the key nodes for positions. Reports a non-map. */
interface Entries {
  readonly node: Node
  readonly get: (k: string) => N
  readonly keyNode: (k: string) => N
  readonly keys: readonly string[]
}

const asMap = (ctx: Ctx, n: N, what: string, hint: string): Entries | null => {
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

const checkKeys = (ctx: Ctx, m: Entries, allowed: readonly string[], what: string): boolean => {
  let good = true
  for (const k of m.keys) {
    if (!allowed.includes(k)) {
      fail(ctx, m.keyNode(k), `${what}: unknown key "${k}"`, suggest(k, allowed))
      good = false
    }
  }
  return good
}

const has = (m: Entries, k: string): boolean => m.keys.includes(k)

/** The source text of a scalar, exactly as written (unquoted for quoted strings). */
const scalarText = (ctx: Ctx, n: N): string | null => {
  if (!isScalar(n)) return null
  if (typeof n.value === "string") return n.value
  if (typeof n.value === "number" && n.range !== undefined && n.range !== null)
    return ctx.src.slice(n.range[0], n.range[1]).trim()
  if (n.value === null) return null
  return String(n.value)
}

const str = (ctx: Ctx, n: N, what: string, hint = 'write it as text, e.g. "…"'): string | null => {
  if (!isScalar(n) || n.value === null || typeof n.value === "object")
    return fail(ctx, n, `${what}: expected a text value`, hint)
  return scalarText(ctx, n)
}

const optStr = (ctx: Ctx, m: Entries, k: string, what: string): string | undefined => {
  if (!has(m, k)) return undefined
  return str(ctx, m.get(k), `${what}.${k}`) ?? undefined
}

const int = (ctx: Ctx, n: N, what: string, min = 0): number | null => {
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

const bool = (ctx: Ctx, n: N, what: string): boolean | null => {
  if (!isScalar(n) || typeof n.value !== "boolean")
    return fail(ctx, n, `${what}: expected true or false`, `e.g. ${what.split(".").pop()}: true`)
  return n.value
}

const msisdnOf = (ctx: Ctx, n: N, what: string, declared = true): string | null => {
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

const amount = (ctx: Ctx, n: N, what: string): number | null => {
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

const strList = (ctx: Ctx, n: N, what: string): string[] | null => {
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

const oneOf = <T extends string>(ctx: Ctx, n: N, what: string, allowed: readonly T[]): T | null => {
  const s = str(ctx, n, what)
  if (s === null) return null
  if (!(allowed as readonly string[]).includes(s))
    return fail(ctx, n, `${what}: unknown value "${s}"`, suggest(s, allowed))
  return s as T
}

const tariffId = (ctx: Ctx, n: N, what: string): string | null => {
  const s = str(ctx, n, what)
  if (s === null) return null
  if (!ctx.cat.tariffs.has(s))
    return fail(ctx, n, `${what}: unknown tariff "${s}"`, suggest(s, [...ctx.cat.tariffs.keys()]))
  return s
}

const serviceIds = (ctx: Ctx, n: N, what: string): string[] => {
  const list = strList(ctx, n, what) ?? []
  const items = isSeq(n) ? (n.items as N[]) : [n]
  return list.filter((s, i) => {
    if (ctx.cat.services.has(s)) return true
    fail(ctx, items[i] ?? n, `${what}: unknown service "${s}"`, suggest(s, [...ctx.cat.services.keys()]))
    return false
  })
}

const seqItems = (ctx: Ctx, n: N, what: string, hint: string): N[] => {
  if (n === null || n === undefined || (isScalar(n) && n.value === null)) return []
  if (!isSeq(n)) {
    fail(ctx, n, `${what}: expected a list (lines starting with "- ")`, hint)
    return []
  }
  return n.items as N[]
}

// ---- bounds and text matches ----

/** `490.00` (exact) or `{ min: 100, max: 200 }` / `{ eq: … }`, with `value` converting a scalar. */
const bound = (ctx: Ctx, n: N, what: string, value: (n: N, what: string) => number | null): Bound | null => {
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

const textMatch = (ctx: Ctx, n: N, what: string): TextMatch | null => {
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

// ---- subscribers ----

const SUBSCRIBER_KEYS = keysOf(SUBSCRIBER_FIELDS)

const subscriber = (ctx: Ctx, n: N, i: number): SubscriberSpec | null => {
  const what = `subscribers[${i}]`
  const m = asMap(
    ctx,
    n,
    what,
    'e.g. - { msisdn: "79160000001", name: "Иванова Мария Петровна", tariff: my-mts, balance: 2000.00 }',
  )
  if (m === null) return null
  checkKeys(ctx, m, SUBSCRIBER_KEYS, what)
  for (const k of ["msisdn", "name", "tariff"])
    if (!has(m, k))
      fail(ctx, n, `${what}: missing "${k}"`, "every subscriber needs msisdn, name and tariff (balance defaults to 0)")
  const msisdn = has(m, "msisdn") ? msisdnOf(ctx, m.get("msisdn"), `${what}.msisdn`, false) : null
  if (msisdn !== null && ctx.subscribers.has(msisdn))
    fail(ctx, m.get("msisdn"), `${what}.msisdn: ${msisdn} is declared twice`, "each subscriber once")
  // Known from here on, so later steps naming it do not cascade into more errors.
  if (msisdn !== null) ctx.subscribers.add(msisdn)
  const name = has(m, "name") ? str(ctx, m.get("name"), `${what}.name`) : null
  const tariff = has(m, "tariff") ? tariffId(ctx, m.get("tariff"), `${what}.tariff`) : null
  const balance = has(m, "balance") ? amount(ctx, m.get("balance"), `${what}.balance`) : 0
  const payment = has(m, "payment")
    ? oneOf(ctx, m.get("payment"), `${what}.payment`, ["prepaid", "credit"] as const)
    : "prepaid"
  const creditLimit = has(m, "creditLimit") ? amount(ctx, m.get("creditLimit"), `${what}.creditLimit`) : undefined
  const bonus = has(m, "bonus") ? int(ctx, m.get("bonus"), `${what}.bonus`) : undefined
  const avg = has(m, "avgMonthlySpend") ? amount(ctx, m.get("avgMonthlySpend"), `${what}.avgMonthlySpend`) : undefined
  const services = has(m, "services") ? serviceIds(ctx, m.get("services"), `${what}.services`) : []
  const packages: string[] = []
  if (has(m, "packages")) {
    const list = strList(ctx, m.get("packages"), `${what}.packages`) ?? []
    for (const p of list) {
      if (ctx.cat.oneOff.has(p)) packages.push(p)
      else
        fail(
          ctx,
          m.get("packages"),
          `${what}.packages: unknown package offer "${p}"`,
          suggest(p, [...ctx.cat.oneOff.keys()]),
        )
    }
  }
  const linked: string[] = []
  for (const [j, it] of seqItems(ctx, m.get("linked"), `${what}.linked`, 'e.g. linked: ["79160000002"]').entries()) {
    const s = isScalar(it) ? scalarText(ctx, it) : null
    if (s === null || !MSISDN_RE.test(s))
      fail(
        ctx,
        it,
        `${what}.linked[${j}]: expected a number like "79161234567"`,
        "the linked number must be another subscriber of this scenario",
      )
    else linked.push(s)
  }
  const family: FamilyShareSpec[] = []
  for (const [j, it] of seqItems(
    ctx,
    m.get("family"),
    `${what}.family`,
    'e.g. family: [{ msisdn: "79160000002", minutes: 100, sms: 50, data: 5GB }]',
  ).entries()) {
    const fw = `${what}.family[${j}]`
    const fm = asMap(ctx, it, fw, 'e.g. { msisdn: "79160000002", minutes: 100, sms: 50, data: 5GB }')
    if (fm === null || !checkKeys(ctx, fm, keysOf(FAMILY_FIELDS), fw)) continue
    const s = isScalar(fm.get("msisdn")) ? scalarText(ctx, fm.get("msisdn")) : null
    if (s === null || !MSISDN_RE.test(s)) {
      fail(
        ctx,
        fm.get("msisdn") ?? it,
        `${fw}.msisdn: expected a number like "79161234567"`,
        "the member must be another subscriber of this scenario",
      )
      continue
    }
    const minutes = has(fm, "minutes") ? int(ctx, fm.get("minutes"), `${fw}.minutes`) : 0
    const sms = has(fm, "sms") ? int(ctx, fm.get("sms"), `${fw}.sms`) : 0
    const dataMb = has(fm, "data") ? volumeMb(ctx, fm.get("data"), `${fw}.data`) : 0
    if (minutes !== null && sms !== null && dataMb !== null) family.push({ msisdn: s, minutes, sms, dataMb })
  }
  let notifications: SubscriberSpec["notifications"]
  if (has(m, "notifications")) {
    const nm = asMap(ctx, m.get("notifications"), `${what}.notifications`, "e.g. notifications: { charges: true }")
    if (nm !== null && checkKeys(ctx, nm, ["charges", "logins"], `${what}.notifications`)) {
      const charges = has(nm, "charges") ? bool(ctx, nm.get("charges"), `${what}.notifications.charges`) : undefined
      const logins = has(nm, "logins") ? bool(ctx, nm.get("logins"), `${what}.notifications.logins`) : undefined
      notifications = {
        ...(typeof charges === "boolean" ? { charges } : {}),
        ...(typeof logins === "boolean" ? { logins } : {}),
      }
    }
  }
  let autopay: SubscriberSpec["autopay"]
  if (has(m, "autopay")) {
    const aw = `${what}.autopay`
    const am = asMap(ctx, m.get("autopay"), aw, "e.g. autopay: { mode: threshold, amount: 300, threshold: 50 }")
    if (am !== null && checkKeys(ctx, am, ["mode", "amount", "day", "threshold"], aw)) {
      const mode = oneOf(ctx, am.get("mode"), `${aw}.mode`, ["date", "threshold"] as const)
      const a = amount(ctx, am.get("amount"), `${aw}.amount`)
      const day = has(am, "day") ? int(ctx, am.get("day"), `${aw}.day`, 1) : undefined
      const threshold = has(am, "threshold") ? amount(ctx, am.get("threshold"), `${aw}.threshold`) : undefined
      if (mode !== null && a !== null && day !== null && threshold !== null) {
        autopay = {
          mode,
          amount: a,
          ...(day !== undefined ? { day } : {}),
          ...(threshold !== undefined ? { threshold } : {}),
        }
      }
    }
  }
  if (msisdn === null || name === null || tariff === null || balance === null || payment === null) return null
  return {
    pos: posAt(ctx, n),
    msisdn,
    name,
    tariff,
    balance,
    payment,
    services,
    packages,
    linked,
    family,
    ...(creditLimit !== undefined && creditLimit !== null ? { creditLimit } : {}),
    ...(optStr(ctx, m, "passport", what) !== undefined ? { passport: optStr(ctx, m, "passport", what) as string } : {}),
    ...(optStr(ctx, m, "birthDate", what) !== undefined
      ? { birthDate: optStr(ctx, m, "birthDate", what) as string }
      : {}),
    ...(optStr(ctx, m, "region", what) !== undefined ? { region: optStr(ctx, m, "region", what) as string } : {}),
    ...(bonus !== undefined && bonus !== null ? { bonus } : {}),
    ...(avg !== undefined && avg !== null ? { avgMonthlySpend: avg } : {}),
    ...(notifications !== undefined ? { notifications } : {}),
    ...(autopay !== undefined ? { autopay } : {}),
  }
}

/** A data volume as MB: "5GB", "500MB" (the unit is always written; a bare number is refused). */
const volumeMb = (ctx: Ctx, n: N, what: string): number | null => {
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

/** Values of a `ref` parameter that exist in this scenario: catalog ids or declared subscribers. */
const refValues = (ctx: Ctx, ref: ParamRef): readonly string[] => {
  switch (ref) {
    case "tariff":
      return [...ctx.cat.tariffs.keys()]
    case "service":
      return [...ctx.cat.services.keys()]
    case "offer":
      return [...ctx.cat.oneOff.keys()]
    case "bonus-offer":
      return [...ctx.cat.bonusOffers.keys()]
    case "subscriber":
      return [...ctx.subscribers]
  }
}

/**
 * The `with:` arguments of a web operation, checked against its parameters (channels/web-ops.ts,
 * the schemas the drivers decode with): unknown keys, required ones, types and units, and ids
 * against the catalog. The arguments stay as written; the driver converts them when it runs.
 */
const withArgs = (
  ctx: Ctx,
  channel: "lk" | "app" | "kiosk",
  opName: string,
  n: N,
  what: string,
): Record<string, unknown> | null => {
  const o = operationOf(channel, opName)
  if (o === undefined) return null
  const allowed = Object.keys(o.params)
  const none = allowed.length === 0 ? `${opName} takes no parameters; remove with:` : ""
  const m = asMap(
    ctx,
    n,
    what,
    none !== ""
      ? none
      : `e.g. with: { ${allowed.map((k) => `${k}: ${JSON.stringify(o.params[k]?.example)}`).join(", ")} }`,
  )
  if (m === null || !isMap(n)) return null
  const json = n.toJSON() as Record<string, unknown>
  const { problems } = decodeArgs(o, json)
  let good = true
  for (const p of problems) {
    good = false
    const param = o.params[p.key]
    if (p.kind === "unknown") {
      fail(
        ctx,
        m.keyNode(p.key),
        `${what}: unknown key "${p.key}" for ${channel} ${opName}`,
        none !== "" ? none : `${suggest(p.key, allowed)}`,
      )
    } else if (p.kind === "missing") {
      fail(
        ctx,
        n,
        `${what}: missing "${p.key}"`,
        param !== undefined ? `${p.key}: ${param.description}; ${expectedOf(param)}` : "",
      )
    } else {
      fail(
        ctx,
        m.get(p.key),
        `${what}.${p.key}: ${p.got ?? ""} is not a valid value`,
        `expected ${p.expected ?? ""} (${p.key}: ${param?.description ?? ""})`,
      )
    }
  }
  for (const [k, param] of Object.entries(o.params)) {
    const v = json[k]
    if (param.ref === undefined || typeof v !== "string" || TEMPLATE_RE.test(v)) continue
    const known = refValues(ctx, param.ref)
    if (!known.includes(v)) {
      good = false
      fail(
        ctx,
        m.get(k),
        `${what}.${k}: unknown ${param.ref === "subscriber" ? "number" : param.ref} "${v}"${param.ref === "subscriber" ? " (not one of this scenario's subscribers)" : ""}`,
        suggest(v, known),
      )
    }
  }
  for (const v of Object.values(json)) if (typeof v === "string") templated(ctx, n, what, v)
  return good ? json : null
}

// ---- steps ----

const STEP_KEYS = [
  "advance",
  "travel",
  "network",
  "usage",
  "ussd",
  "sms",
  "ivr",
  "lk",
  "app",
  "kiosk",
  "expect",
] as const satisfies readonly (keyof typeof STEP_KINDS)[]
const STEP_EXTRA = keysOf(STEP_EXTRA_FIELDS)

const EXPECT_KEYS = keysOf(EXPECT_FIELDS)

/** Keys of `expect` that read a subscriber's account and so need a msisdn. */
const ACCOUNT_KEYS = [
  "balance",
  "tariff",
  "status",
  "services",
  "packages",
  "charges",
  "inbox",
  "events",
  "linked",
  "family",
  "promised",
  "bonus",
  "lkLocked",
  "kioskLocked",
  "autopay",
  "location",
]

interface StepCtx {
  last: string | null
}

/** Where an SMS can go: a short number, a sender name (MTS) or a phone number. */
const SMS_TO_RE = /^(?:\+?\d{3,15}|[A-Za-z][A-Za-z0-9]{1,10})$/

const step = (ctx: Ctx, sc: StepCtx, n: N, i: number): Step | null => {
  const what = `steps[${i}]`
  const m = asMap(ctx, n, what, `a step is one of: ${STEP_KEYS.join(", ")}`)
  if (m === null) return null
  const actions = m.keys.filter((k) => (STEP_KEYS as readonly string[]).includes(k))
  const unknown = m.keys.filter(
    (k) => !(STEP_KEYS as readonly string[]).includes(k) && !(STEP_EXTRA as readonly string[]).includes(k),
  )
  for (const k of unknown)
    fail(ctx, m.keyNode(k), `${what}: unknown step "${k}"`, suggest(k, [...STEP_KEYS, ...STEP_EXTRA]))
  if (unknown.length > 0) return null
  if (actions.length !== 1)
    return fail(
      ctx,
      n,
      `${what}: a step has exactly one action, found ${actions.length === 0 ? "none" : actions.join(" and ")}`,
      "split it into separate list items, one per action",
    )
  const kind = actions[0] as (typeof STEP_KEYS)[number]
  const comment = has(m, "note") ? (str(ctx, m.get("note"), `${what}.note`) ?? undefined) : undefined
  const body = stepBody(ctx, sc, kind, m.get(kind), `${what}.${kind}`)
  if (body === null) return null
  return { ...body, pos: posAt(ctx, m.keyNode(kind)), ...(comment !== undefined ? { comment } : {}) }
}

const actionMap = (
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

const templated = (ctx: Ctx, n: N, what: string, s: string): string | null => {
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

const stepBody = (ctx: Ctx, sc: StepCtx, kind: (typeof STEP_KEYS)[number], n: N, what: string): StepBody | null => {
  const who = (m: Entries, k = "msisdn"): string | null => {
    const s = msisdnOf(ctx, m.get(k), `${what}.${k}`)
    if (s !== null) sc.last = s
    return s
  }
  switch (kind) {
    case "advance": {
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
    case "travel": {
      const m = actionMap(
        ctx,
        n,
        what,
        keysOf(STEP_KINDS.travel?.fields ?? {}),
        ["msisdn", "to"],
        'travel: { msisdn: "79160000001", to: TR }',
      )
      if (m === null) return null
      const msisdn = who(m)
      const to = str(ctx, m.get("to"), `${what}.to`)
      if (msisdn === null || to === null) return null
      if (to !== "home" && to !== "russia" && !ctx.cat.countries.has(to))
        return fail(
          ctx,
          m.get("to"),
          `${what}.to: unknown country "${to}"`,
          suggest(to, ["home", "russia", ...ctx.cat.countries.keys()]),
        )
      return { _tag: "travel", msisdn, to }
    }
    case "network": {
      const m = actionMap(
        ctx,
        n,
        what,
        keysOf(STEP_KINDS.network?.fields ?? {}),
        ["msisdn", "mobileData"],
        'network: { msisdn: "79160000001", mobileData: false }',
      )
      if (m === null) return null
      const msisdn = who(m)
      const on = bool(ctx, m.get("mobileData"), `${what}.mobileData`)
      return msisdn === null || on === null ? null : { _tag: "network", msisdn, mobileData: on }
    }
    case "usage": {
      const m = actionMap(
        ctx,
        n,
        what,
        keysOf(STEP_KINDS.usage?.fields ?? {}),
        ["msisdn"],
        'usage: { msisdn: "79160000001", data: 150MB }',
      )
      if (m === null) return null
      const msisdn = who(m)
      const kinds = ["call", "sms", "data"].filter((k) => has(m, k))
      if (kinds.length !== 1)
        return fail(
          ctx,
          n,
          `${what}: give exactly one of call, sms, data`,
          'e.g. call: { to: "79031112233", minutes: 3 } · sms: { to: "79031112233", count: 2 } · data: 150MB',
        )
      const k = kinds[0] as string
      let usage: UsageSpec | null = null
      let text = ""
      if (k === "data") {
        const t = scalarText(ctx, m.get("data"))
        const kb = t === null ? null : parseVolumeKb(t)
        if (kb === null)
          return fail(
            ctx,
            m.get("data"),
            `${what}.data: bad volume "${t ?? ""}"`,
            "e.g. data: 150MB, data: 1GB, data: 1.5GB, data: 512KB",
          )
        usage = { _tag: "data", kb }
        text = `интернет ${t}`
      } else {
        const uw = `${what}.${k}`
        const um =
          k === "call"
            ? actionMap(ctx, m.get(k), uw, keysOf(CALL_FIELDS), ["to"], 'call: { to: "79031112233", minutes: 3 }')
            : actionMap(ctx, m.get(k), uw, keysOf(SMS_USAGE_FIELDS), ["to"], 'sms: { to: "79031112233", count: 2 }')
        if (um === null) return null
        const to = scalarText(ctx, um.get("to"))
        if (to === null || !/^\+?\d{3,15}$/.test(to))
          return fail(ctx, um.get("to"), `${uw}.to: expected a phone number`, 'quote it: to: "79031112233"')
        const direction = has(um, "direction")
          ? oneOf(ctx, um.get("direction"), `${uw}.direction`, ["out", "in"] as const)
          : "out"
        if (direction === null) return null
        if (k === "call") {
          const minutes = has(um, "minutes") ? int(ctx, um.get("minutes"), `${uw}.minutes`) : undefined
          const seconds = has(um, "seconds") ? int(ctx, um.get("seconds"), `${uw}.seconds`) : undefined
          if (minutes === null || seconds === null) return null
          const secs = callSeconds(minutes, seconds)
          if (secs === null)
            return fail(
              ctx,
              m.get(k),
              `${uw}: give minutes or seconds (more than 0)`,
              'e.g. call: { to: "79031112233", minutes: 3 }',
            )
          usage = { _tag: "call", to, seconds: secs, direction }
          text = `${direction === "in" ? "входящий" : "звонок"} ${to}, ${secs} с`
        } else {
          const count = has(um, "count") ? int(ctx, um.get("count"), `${uw}.count`, 1) : 1
          if (count === null) return null
          usage = { _tag: "sms", to, count, direction }
          text = `SMS ${to} × ${count}`
        }
      }
      return msisdn === null || usage === null ? null : { _tag: "usage", msisdn, usage, text }
    }
    case "ussd": {
      const m = actionMap(
        ctx,
        n,
        what,
        keysOf(STEP_KINDS.ussd?.fields ?? {}),
        ["msisdn"],
        'ussd: { msisdn: "79160000001", dial: "*100#" }',
      )
      if (m === null) return null
      const msisdn = who(m)
      if (has(m, "dial") === has(m, "reply"))
        return fail(
          ctx,
          n,
          `${what}: give exactly one of dial or reply`,
          'dial starts a session ("*111#"); reply answers the open screen ("2")',
        )
      const dial = has(m, "dial") ? str(ctx, m.get("dial"), `${what}.dial`) : undefined
      const reply = has(m, "reply") ? scalarText(ctx, m.get("reply")) : undefined
      if (msisdn === null || dial === null || reply === null) return null
      if (dial !== undefined && !/^[*#\d]+$/.test(dial))
        return fail(ctx, m.get("dial"), `${what}.dial: "${dial}" is not a USSD code`, 'quote it: dial: "*100#"')
      return {
        _tag: "ussd",
        msisdn,
        ...(dial !== undefined ? { dial } : {}),
        ...(reply !== undefined ? { reply: templated(ctx, m.get("reply"), `${what}.reply`, reply) ?? reply } : {}),
      }
    }
    case "sms": {
      const m = actionMap(
        ctx,
        n,
        what,
        keysOf(STEP_KINDS.sms?.fields ?? {}),
        ["from"],
        'sms: { from: "79160000001", to: "111", text: "2163" } or sms: { from: "79160000002", reply: "Да" }',
      )
      if (m === null) return null
      const from = who(m, "from")
      if (has(m, "reply")) {
        if (has(m, "to") || has(m, "text"))
          return fail(
            ctx,
            n,
            `${what}: reply answers the newest SMS in the inbox; give either reply, or to and text`,
            'e.g. sms: { from: "79160000002", reply: "Да" }',
          )
        const r = scalarText(ctx, m.get("reply")) ?? ""
        return from === null
          ? null
          : { _tag: "sms", from, to: null, text: templated(ctx, m.get("reply"), `${what}.reply`, r) ?? r }
      }
      if (!has(m, "to"))
        return fail(
          ctx,
          n,
          `${what}: missing "to" (or use reply to answer the newest SMS)`,
          'e.g. sms: { from: "79160000001", to: "111", text: "баланс" } or sms: { from: "79160000002", reply: "Да" }',
        )
      const to = scalarText(ctx, m.get("to"))
      const text = has(m, "text") ? (scalarText(ctx, m.get("text")) ?? "") : ""
      if (to === null || !SMS_TO_RE.test(to))
        return fail(
          ctx,
          m.get("to"),
          `${what}.to: expected a short number ("111", "6262"), a sender name (MTS) or a phone number`,
          'to answer a notification without knowing its number, write reply: "Да" instead of to and text',
        )
      return from === null
        ? null
        : {
            _tag: "sms",
            from,
            to: /^[A-Za-z]/.test(to) ? to.toUpperCase() : to,
            text: templated(ctx, m.get("text"), `${what}.text`, text) ?? text,
          }
    }
    case "ivr": {
      const m = actionMap(
        ctx,
        n,
        what,
        keysOf(STEP_KINDS.ivr?.fields ?? {}),
        ["msisdn", "call"],
        'ivr: { msisdn: "79160000001", call: "111", keys: "11" }',
      )
      if (m === null) return null
      const msisdn = who(m)
      const call = scalarText(ctx, m.get("call"))
      const keys = has(m, "keys") ? (scalarText(ctx, m.get("keys")) ?? "") : ""
      if (call === null || !/^\d{3,15}$/.test(call))
        return fail(
          ctx,
          m.get("call"),
          `${what}.call: expected a number to call`,
          'quote it: call: "111" (or "0890", "1112163")',
        )
      if (!/^[\d*#]*$/.test(keys) && !TEMPLATE_RE.test(keys))
        return fail(ctx, m.get("keys"), `${what}.keys: DTMF keys are digits, * and #`, 'quote it: keys: "11"')
      const timeouts = has(m, "timeouts") ? int(ctx, m.get("timeouts"), `${what}.timeouts`) : 0
      const then = has(m, "then") ? (scalarText(ctx, m.get("then")) ?? "") : ""
      if (!/^[\d*#]*$/.test(then))
        return fail(ctx, m.get("then"), `${what}.then: DTMF keys are digits, * and #`, 'quote it: then: "1"')
      if (then !== "" && timeouts === 0)
        return fail(
          ctx,
          m.get("then"),
          `${what}.then: keys pressed after silence need timeouts`,
          'e.g. timeouts: 1, then: "1"',
        )
      if (timeouts === null || msisdn === null) return null
      return {
        _tag: "ivr",
        msisdn,
        call,
        keys: templated(ctx, m.get("keys"), `${what}.keys`, keys) ?? keys,
        timeouts,
        then,
      }
    }
    case "lk":
    case "app":
    case "kiosk": {
      const m = actionMap(
        ctx,
        n,
        what,
        keysOf(WEB_STEP_FIELDS),
        ["msisdn", "do"],
        `${kind}: { msisdn: "79160000001", do: login }`,
      )
      if (m === null) return null
      const msisdn = who(m)
      const op = str(ctx, m.get("do"), `${what}.do`)
      if (op === null || msisdn === null) return null
      const known = ctx.ops?.[kind] ?? operationNames(kind)
      if (!known.includes(op))
        return fail(ctx, m.get("do"), `${what}.do: the ${kind} channel has no operation "${op}"`, suggest(op, known))
      let args: Record<string, unknown> = {}
      if (has(m, "with")) {
        const a = withArgs(ctx, kind, op, m.get("with"), `${what}.with`)
        if (a === null) return null
        args = a
      }
      return { _tag: "web", channel: kind, msisdn, op, args }
    }
    case "expect": {
      const e = expectBody(ctx, sc, n, what)
      return e === null ? null : { _tag: "expect", expect: e }
    }
  }
}

const STATUS = ["active", "blocked-voluntary", "blocked-financial"] as const

const expectBody = (ctx: Ctx, sc: StepCtx, n: N, what: string): Expect | null => {
  const m = actionMap(ctx, n, what, EXPECT_KEYS, [], 'expect: { msisdn: "79160000001", balance: 1610.00 }')
  if (m === null) return null
  let msisdn: string | undefined
  if (has(m, "msisdn")) {
    const s = msisdnOf(ctx, m.get("msisdn"), `${what}.msisdn`)
    if (s === null) return null
    msisdn = s
    sc.last = s
  } else if (m.keys.some((k) => ACCOUNT_KEYS.includes(k))) {
    const only = ctx.subscribers.size === 1 ? [...ctx.subscribers][0] : undefined
    msisdn = sc.last ?? only
    if (msisdn === undefined)
      return fail(
        ctx,
        n,
        `${what}: whose account? no msisdn and no earlier step names one`,
        'add msisdn: "79160000001"',
      )
  }
  const moneyV = (x: N, w: string): number | null => amount(ctx, x, w)
  const intV = (x: N, w: string): number | null => int(ctx, x, w)
  const e: { -readonly [K in keyof Expect]: Expect[K] } = {}
  if (msisdn !== undefined) e.msisdn = msisdn
  if (has(m, "balance")) e.balance = bound(ctx, m.get("balance"), `${what}.balance`, moneyV) ?? undefined
  if (has(m, "bonus")) e.bonus = bound(ctx, m.get("bonus"), `${what}.bonus`, intV) ?? undefined
  if (has(m, "tariff")) e.tariff = tariffId(ctx, m.get("tariff"), `${what}.tariff`) ?? undefined
  if (has(m, "status")) e.status = oneOf(ctx, m.get("status"), `${what}.status`, STATUS) ?? undefined
  if (has(m, "location")) {
    const l = str(ctx, m.get("location"), `${what}.location`)
    if (l !== null && l !== "home" && l !== "russia" && !ctx.cat.countries.has(l))
      fail(
        ctx,
        m.get("location"),
        `${what}.location: unknown country "${l}"`,
        suggest(l, ["home", "russia", ...ctx.cat.countries.keys()]),
      )
    else if (l !== null) e.location = l
  }
  for (const k of ["services", "linked"] as const) {
    if (!has(m, k)) continue
    const sm = asMap(ctx, m.get(k), `${what}.${k}`, `e.g. ${k}: { has: [...], lacks: [...] }`)
    if (sm === null || !checkKeys(ctx, sm, ["has", "lacks"], `${what}.${k}`)) continue
    const list = (key: string): string[] =>
      !has(sm, key)
        ? []
        : k === "services"
          ? serviceIds(ctx, sm.get(key), `${what}.${k}.${key}`)
          : (strList(ctx, sm.get(key), `${what}.${k}.${key}`) ?? [])
    e[k] = { has: list("has"), lacks: list("lacks") }
  }
  if (has(m, "packages")) e.packages = packagesExpect(ctx, m.get("packages"), `${what}.packages`)
  if (has(m, "charges")) e.charges = listOf(ctx, m.get("charges"), `${what}.charges`, chargesExpect)
  if (has(m, "inbox")) e.inbox = listOf(ctx, m.get("inbox"), `${what}.inbox`, inboxExpect)
  if (has(m, "events")) {
    e.events = listOf(ctx, m.get("events"), `${what}.events`, (c, x, w) => {
      const em = actionMap(c, x, w, ["type", "count"], ["type"], "events: { type: PromisedOpened, count: 1 }")
      if (em === null) return null
      const type = str(c, em.get("type"), `${w}.type`)
      const count = has(em, "count") ? bound(c, em.get("count"), `${w}.count`, intV) : { min: 1 }
      return type === null || count === null ? null : { type, count }
    })
  }
  for (const k of ["screen", "prompt", "reply"] as const)
    if (has(m, k)) e[k] = textMatch(ctx, m.get(k), `${what}.${k}`) ?? undefined
  for (const k of ["end", "ok", "promised", "lkLocked", "kioskLocked"] as const)
    if (has(m, k)) e[k] = bool(ctx, m.get(k), `${what}.${k}`) ?? undefined
  if (has(m, "error")) {
    const code = str(ctx, m.get("error"), `${what}.error`)
    const codes = Object.keys(ERROR_CODES)
    if (code !== null && code !== "any" && !codes.includes(code))
      fail(
        ctx,
        m.get("error"),
        `${what}.error: unknown error code "${code}"`,
        `${suggest(code, [...codes, "any"])} (see docs/scenarios.md, "Error codes")`,
      )
    else if (code !== null) e.error = code
  }
  if (has(m, "autopay"))
    e.autopay = oneOf(ctx, m.get("autopay"), `${what}.autopay`, ["date", "threshold", "none"] as const) ?? undefined
  if (has(m, "family")) {
    const fm = actionMap(
      ctx,
      m.get("family"),
      `${what}.family`,
      ["role", "members", "active"],
      [],
      "family: { role: owner, active: 1 }",
    )
    if (fm !== null) {
      const role = has(fm, "role")
        ? oneOf(ctx, fm.get("role"), `${what}.family.role`, ["owner", "member", "invited", "none"] as const)
        : undefined
      const members = has(fm, "members") ? bound(ctx, fm.get("members"), `${what}.family.members`, intV) : undefined
      const active = has(fm, "active") ? bound(ctx, fm.get("active"), `${what}.family.active`, intV) : undefined
      e.family = { ...(role ? { role } : {}), ...(members ? { members } : {}), ...(active ? { active } : {}) }
    }
  }
  return e
}

const listOf = <T>(ctx: Ctx, n: N, what: string, one: (c: Ctx, n: N, w: string) => T | null): T[] => {
  const items = isSeq(n) ? (n.items as N[]) : [n]
  const out: T[] = []
  items.forEach((it, i) => {
    const v = one(ctx, it, isSeq(n) ? `${what}[${i}]` : what)
    if (v !== null) out.push(v)
  })
  return out
}

const REASONS = Object.keys(REASON_RU)

const chargesExpect = (ctx: Ctx, n: N, what: string): ChargesExpect | null => {
  const m = actionMap(
    ctx,
    n,
    what,
    keysOf(CHARGE_FIELDS),
    [],
    "charges: { service: zabugorishche, count: 1, last: 390.00 }",
  )
  if (m === null) return null
  const service = optStr(ctx, m, "service", what)
  const known = [...ctx.cat.services.keys(), ...ctx.cat.tariffs.keys(), ...ctx.cat.oneOff.keys()]
  if (service !== undefined && !known.includes(service))
    return fail(
      ctx,
      m.get("service"),
      `${what}.service: unknown service, tariff or package "${service}"`,
      suggest(service, known),
    )
  const reason = optStr(ctx, m, "reason", what)
  if (reason !== undefined && !REASONS.includes(reason))
    return fail(ctx, m.get("reason"), `${what}.reason: unknown charge reason "${reason}"`, suggest(reason, REASONS))
  const count = has(m, "count") ? bound(ctx, m.get("count"), `${what}.count`, (x, w) => int(ctx, x, w)) : undefined
  const total = has(m, "total") ? bound(ctx, m.get("total"), `${what}.total`, (x, w) => amount(ctx, x, w)) : undefined
  const last = has(m, "last") ? amount(ctx, m.get("last"), `${what}.last`) : undefined
  if (count === null || total === null || last === null) return null
  return {
    ...(service ? { service } : {}),
    ...(reason ? { reason } : {}),
    ...(count ? { count } : {}),
    ...(total ? { total } : {}),
    ...(last !== undefined ? { last } : {}),
  }
}

const inboxExpect = (ctx: Ctx, n: N, what: string): InboxExpect | null => {
  const m = actionMap(ctx, n, what, keysOf(INBOX_FIELDS), [], 'inbox: { from: "3339", contains: "пароль" }')
  if (m === null) return null
  const from = has(m, "from") ? (scalarText(ctx, m.get("from")) ?? undefined) : undefined
  const contains = optStr(ctx, m, "contains", what)
  const count = has(m, "count") ? bound(ctx, m.get("count"), `${what}.count`, (x, w) => int(ctx, x, w)) : undefined
  if (count === null) return null
  return {
    ...(from !== undefined ? { from } : {}),
    ...(contains !== undefined ? { contains } : {}),
    ...(count ? { count } : {}),
  }
}

const packagesExpect = (ctx: Ctx, n: N, what: string): PackageExpect[] => {
  const m = asMap(ctx, n, what, "e.g. packages: { minutes: 1497, data: { min: 49GB }, internet-vip: 30GB }")
  if (m === null) return []
  const keys = ["minutes", "sms", "data", ...ctx.cat.oneOff.keys(), ...ctx.cat.bonusOffers.keys()]
  const out: PackageExpect[] = []
  for (const k of m.keys) {
    if (!keys.includes(k)) {
      fail(ctx, m.keyNode(k), `${what}: unknown package "${k}"`, suggest(k, keys))
      continue
    }
    const isData = k === "data" || ctx.cat.oneOff.get(k)?.kind === "data" || ctx.cat.bonusOffers.get(k)?.kind === "data"
    const left = bound(ctx, m.get(k), `${what}.${k}`, (x, w) => (isData ? volumeMb(ctx, x, w) : int(ctx, x, w)))
    if (left !== null) out.push({ key: k, left })
  }
  return out
}

// ---- top level ----

const TOP_KEYS = keysOf(TOP_FIELDS)

export const loadScenarioText = (file: string, src: string, opts: LoadOptions = {}): LoadResult => {
  const lc = new LineCounter()
  const doc = parseDocument(src, { lineCounter: lc, prettyErrors: false, uniqueKeys: true })
  const ctx: Ctx = {
    file,
    src,
    lc,
    cat: opts.catalog ?? defaultCatalogIndex(),
    ops: opts.operations,
    errors: [],
    subscribers: new Set(),
  }
  for (const e of doc.errors) {
    const p = lc.linePos(e.pos[0])
    ctx.errors.push(
      new ScenarioError(
        file,
        p.line,
        p.col,
        `YAML: ${e.message.split("\n")[0] ?? e.code}`,
        "check indentation and quoting near this line",
      ),
    )
  }
  if (ctx.errors.length > 0) return { ok: false, errors: ctx.errors }
  const top = asMap(
    ctx,
    doc.contents as N,
    "scenario",
    "a scenario file is a mapping with name, start, seed, subscribers and steps",
  )
  if (top === null) return { ok: false, errors: ctx.errors }
  checkKeys(ctx, top, TOP_KEYS, "scenario")
  for (const k of ["name", "start", "steps"])
    if (!has(top, k)) fail(ctx, top.node, `scenario: missing "${k}"`, "a scenario needs at least name, start and steps")
  const name = has(top, "name") ? str(ctx, top.get("name"), "name") : null
  const rules: string[] = []
  if (has(top, "rules")) {
    const rn = top.get("rules")
    const list = strList(ctx, rn, "rules") ?? []
    const items = isSeq(rn) ? (rn.items as N[]) : [rn]
    list.forEach((r, i) => {
      if (RULES.includes(r)) rules.push(r)
      else fail(ctx, items[i] ?? rn, `rules: unknown rule "${r}"`, "rules are R1 … R29 as numbered in docs/rules.md")
    })
  }
  let start = "",
    startAt = 0
  if (has(top, "start")) {
    const sn = top.get("start")
    const s =
      isScalar(sn) && sn.value instanceof Date
        ? ctx.src.slice(offsetOf(sn), sn.range?.[1] ?? offsetOf(sn)).trim()
        : scalarText(ctx, sn)
    const at = s === null ? null : parseInstant(s)
    if (s === null || at === null)
      fail(ctx, sn, "start: expected an ISO instant", "e.g. start: 2026-06-01T09:00:00+03:00 (Moscow time)")
    else {
      start = s
      startAt = at
    }
  }
  let seed = "1"
  if (has(top, "seed")) {
    const sn = top.get("seed")
    const s = scalarText(ctx, sn)
    if (s === null || s === "") fail(ctx, sn, "seed: expected a number or text", "e.g. seed: 7")
    else seed = s
  }
  // The twin's secret, fixed for replay against a served twin (which otherwise draws a random one).
  let secret: string | undefined
  if (has(top, "secret")) {
    const sn = top.get("secret")
    const s = scalarText(ctx, sn)
    if (s === null || s.length < 16)
      fail(ctx, sn, "secret: expected text of at least 16 characters", "e.g. secret: replay-secret-of-this-journey")
    else secret = s
  }
  const subscribers: SubscriberSpec[] = []
  seqItems(
    ctx,
    top.get("subscribers"),
    "subscribers",
    'e.g. subscribers:\n      - { msisdn: "79160000001", name: "…", tariff: my-mts, balance: 2000.00 }',
  ).forEach((it, i) => {
    const s = subscriber(ctx, it, i)
    if (s !== null) subscribers.push(s)
  })
  for (const s of subscribers) {
    for (const l of [...s.linked, ...s.family.map((f) => f.msisdn)]) {
      if (!ctx.subscribers.has(l) || l === s.msisdn)
        fail(
          ctx,
          top.get("subscribers"),
          `subscribers: ${s.msisdn} refers to ${l}, which is not another subscriber of this scenario`,
          "declare the linked number / family member as a subscriber too",
        )
    }
  }
  const paymentCards: PaymentCardSpec[] = []
  seqItems(
    ctx,
    top.get("paymentCards"),
    "paymentCards",
    'e.g. paymentCards: [{ code: "1234567890123", amount: 300 }]',
  ).forEach((it, i) => {
    const w = `paymentCards[${i}]`
    const cm = actionMap(ctx, it, w, keysOf(CARD_FIELDS), ["code", "amount"], '{ code: "1234567890123", amount: 300 }')
    if (cm === null) return
    const code = scalarText(ctx, cm.get("code"))
    const a = amount(ctx, cm.get("amount"), `${w}.amount`)
    if (code === null || !/^\d{4,20}$/.test(code))
      fail(ctx, cm.get("code"), `${w}.code: expected the card's digits`, 'quote it: code: "1234567890123"')
    else if (a !== null) paymentCards.push({ code, amount: a })
  })
  const steps: Step[] = []
  const sc: StepCtx = { last: null }
  seqItems(ctx, top.get("steps"), "steps", "steps is a list: - advance: 1d").forEach((it, i) => {
    const s = step(ctx, sc, it, i)
    if (s !== null) steps.push(s)
  })
  if (ctx.errors.length > 0 || name === null)
    return { ok: false, errors: ctx.errors.sort((a, b) => a.line - b.line || a.col - b.col) }
  return {
    ok: true,
    scenario: {
      file,
      name,
      rules,
      start,
      startAt,
      seed,
      ...(secret !== undefined ? { secret } : {}),
      subscribers,
      paymentCards,
      steps,
    },
  }
}

export const loadScenarioFile = async (file: string, opts: LoadOptions = {}): Promise<LoadResult> => {
  let src: string
  try {
    src = await readFile(file, "utf8")
  } catch (e) {
    return {
      ok: false,
      errors: [
        new ScenarioError(
          file,
          1,
          1,
          `cannot read the file: ${e instanceof Error ? e.message : String(e)}`,
          "check the path",
        ),
      ],
    }
  }
  return loadScenarioText(file, src, opts)
}
