// `expect:` what the twin must show now: a subscriber's account (balance, packages, charges,
// inbox, events, family...) and the last channel answer (screen, prompt, reply, error).
import { ERROR_CODES } from "../../channels/error-codes.ts"
import { REASON_RU } from "../../core/rules/texts.ts"
import { suggest } from "../errors.ts"
import type { ChargesExpect, Expect, InboxExpect, PackageExpect } from "../model.ts"
import { CHARGE_FIELDS, EXPECT_FIELDS, INBOX_FIELDS, keysOf } from "../spec/schema.ts"
import { actionMap, asMap, type Ctx, checkKeys, fail, has, type N, type StepCtx } from "./ctx.ts"
import {
  amount,
  bool,
  bound,
  int,
  listOf,
  msisdnOf,
  oneOf,
  optStr,
  scalarText,
  serviceIds,
  str,
  strList,
  tariffId,
  textMatch,
  volumeMb,
} from "./fields.ts"
import type { StepParser } from "./parser.ts"

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

export const expectStep: StepParser = (ctx, sc, n, what) => {
  const e = expectBody(ctx, sc, n, what)
  return e === null ? null : { _tag: "expect", expect: e }
}
