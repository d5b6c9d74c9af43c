// The `subscribers:` list: each subscriber's number, name, tariff, balance and optional account
// settings, checked against the catalog. Declared numbers are known to the steps that follow.
import { isScalar } from "yaml"
import { suggest } from "../errors.ts"
import type { FamilyShareSpec, SubscriberSpec } from "../model.ts"
import { FAMILY_FIELDS, keysOf, SUBSCRIBER_FIELDS } from "../spec/schema.ts"
import { MSISDN_RE } from "../../core/domain/ids.ts"
import { asMap, type Ctx, checkKeys, fail, has, type N, posAt } from "./ctx.ts"
import {
  amount,
  bool,
  int,
  msisdnOf,
  oneOf,
  optStr,
  scalarText,
  seqItems,
  serviceIds,
  str,
  strList,
  tariffId,
  volumeMb,
} from "./fields.ts"

const SUBSCRIBER_KEYS = keysOf(SUBSCRIBER_FIELDS)

export const subscriber = (ctx: Ctx, n: N, i: number): SubscriberSpec | null => {
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
