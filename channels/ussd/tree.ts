// The *111# menu (МТС Сервис) and every short code, as data: code → first screen.
import type { TwinCore } from "../../core/engine/twin-core.ts"
import {
  balance,
  debt,
  expenseControl,
  oneOffPackages,
  payProviders,
  periodicPackages,
  promised,
  smsPassword,
  tariff,
} from "./account.ts"
import { menu, type Node, type UssdCtx } from "./nodes.ts"
import {
  bonuses,
  content,
  convenience,
  eAssistant,
  hitOfDay,
  linked,
  mobileAssistant,
  service,
  tariffAndNumber,
  tariffs,
} from "./services.ts"

const packagesMenu = (): Node =>
  menu(
    ["Пакеты"],
    [
      { key: "1", label: "По тарифу", go: periodicPackages },
      { key: "2", label: "Разовые", go: oneOffPackages },
    ],
  )

/** 2>Счет */
export const accountMenu = (): Node =>
  menu(
    ["Счет"],
    [
      { key: "1", label: "Баланс", go: balance },
      { key: "2", label: "Пакеты", go: packagesMenu },
      { key: "3", label: "Обещанный платеж", go: promised },
      { key: "4", label: "Расходы", go: expenseControl },
      { key: "5", label: "Тариф и номер", go: tariffAndNumber },
      { key: "6", label: "Пароль ЛК", go: smsPassword },
      { key: "7", label: "Задолженность", go: debt },
      { key: "8", label: "Оплата услуг", go: payProviders },
    ],
  )

/** 4>Развл/инфо */
const entertainment = (): Node =>
  menu(
    ["Развлечения и информация"],
    [
      { key: "1", label: "Платные подписки", go: content },
      { key: "2", label: "Бонусы", go: bonuses },
    ],
  )

/** *111#: the seed's menu, word for word: «0> Хит дня 1>GoodOK 2>Счет 3>Тарифы 4>Развл/инфо 5>Удоб.связь». */
export const root = (): Node =>
  menu(
    [],
    [
      { key: "0", label: " Хит дня", go: hitOfDay },
      { key: "1", label: "GoodOK", go: service("goodok") },
      { key: "2", label: "Счет", go: accountMenu },
      { key: "3", label: "Тарифы", go: tariffs },
      { key: "4", label: "Развл/инфо", go: entertainment },
      { key: "5", label: "Удоб.связь", go: convenience },
    ],
  )

type Entry = (x: UssdCtx) => Node

/** Fixed codes (without the leading * and trailing #); longer codes are tried first. */
const FIXED: ReadonlyArray<readonly [string, Entry]> = [
  ["100", balance],
  ["100*1", periodicPackages],
  ["100*2", oneOffPackages],
  ["100*3", debt],
  ["132", debt],
  ["111", root],
  ["111*23", expenseControl],
  ["111*123", promised],
  ["111*25", smsPassword],
  ["111*242", mobileAssistant],
  ["111*2163", eAssistant],
  ["111*828", linked],
  ["111*59", tariff],
  ["111*919", content],
]

/** Code tables by catalog: a twin's catalog never changes, so each table is built once, not per dial. */
const codeTables = new WeakMap<TwinCore["cat"], ReadonlyMap<string, Entry>>()

/** Every code the twin answers: the fixed ones plus each catalog service's own code (e.g. *111*442#). */
export const codesOf = (twin: TwinCore): ReadonlyMap<string, Entry> => {
  const known = codeTables.get(twin.cat)
  if (known !== undefined) return known
  const m = new Map<string, Entry>(FIXED)
  for (const sv of twin.cat.data.services) {
    const code = sv.ussd === undefined ? null : (/^\*([\d*]+)#$/.exec(sv.ussd)?.[1] ?? null)
    if (code !== null && !m.has(code)) m.set(code, service(sv.id))
  }
  codeTables.set(twin.cat, m)
  return m
}

/** Parse a dialled string into its parts: "*111*2*5#" → ["111","2","5"]; null when not a USSD code. */
export const parseCode = (code: string): string[] | null => {
  const m = /^\*(\d+(?:\*\d+)*)#$/.exec(code.trim())
  return m === null ? null : (m[1] as string).split("*")
}

/**
 * Resolve a dialled code: the longest registered prefix is the service, the remaining parts are
 * replies typed in order (*111*2*5# = *111#, then 2, then 5). Null for an unknown code.
 */
export const resolve = (twin: TwinCore, parts: readonly string[]): { entry: Entry; chain: string[] } | null => {
  const codes = codesOf(twin)
  for (let k = parts.length; k >= 1; k--) {
    const e = codes.get(parts.slice(0, k).join("*"))
    if (e !== undefined) return { entry: e, chain: parts.slice(k) }
  }
  return null
}
