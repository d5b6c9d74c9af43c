// Scenario steps told in Russian for the console's audience: «Абонент набирает *100#»,
// «Проверка: баланс 1 070,00 руб.». Names come from the catalog, never its ids; money from the
// shared formatter. Presentation only: what a step does is the scenario runner's.
import type { CatalogIndex } from "../core/catalog/load.ts"
import type { LedgerReason } from "../core/domain/events.ts"
import { isMsisdn } from "../core/domain/ids.ts"
import { REASON_RU } from "../core/rules/texts.ts"
import type { Bound, Expect, Step } from "../scenarios/model.ts"
import { msisdnRu } from "../channels/lk/format.ts"
import { STATUS_RU } from "../channels/lk/format.ts"
import { formatRub } from "../channels/text/money.ts"

const PACKAGE_RU: ReadonlyMap<string, string> = new Map([
  ["minutes", "минут"],
  ["sms", "SMS"],
  ["data", "интернета"],
])

const OPS_RU: Readonly<Record<string, string>> = {
  "request-code": "запрашивает пароль по SMS",
  login: "входит",
  logout: "выходит",
  overview: "открывает главную",
  balance: "смотрит баланс",
  topup: "пополняет счет",
  "promised-payment": "берет обещанный платеж",
  autopay: "настраивает автоплатеж",
  transfer: "переводит деньги на другой номер",
  expenses: "открывает «Расходы»",
  packages: "смотрит пакеты",
  "buy-package": "покупает пакет",
  services: "открывает «Услуги»",
  "connect-service": "подключает услугу",
  "disconnect-service": "отключает услугу",
  tariffs: "открывает «Тариф»",
  "change-tariff": "меняет тариф",
  block: "блокирует номер",
  unblock: "снимает блокировку",
  linked: "открывает «Привязанные»",
  "link-request": "привязывает номер",
  "link-confirm": "вводит код привязки",
  unlink: "отвязывает номер",
  family: "открывает «Поделиться пакетами»",
  "family-invite": "приглашает участника",
  "family-remove": "исключает участника",
  "set-password": "устанавливает постоянный пароль",
  "personal-data": "смотрит персональные данные",
  bonuses: "смотрит бонусы",
  "exchange-bonus": "обменивает баллы",
  notifications: "настраивает уведомления",
  profiles: "открывает профили",
  tab: "открывает раздел",
  start: "вводит номер",
  "order-code": "заказывает код доступа",
  menu: "открывает меню",
  "topup-cash": "вносит наличные",
}

const WHERE_RU = { lk: "в Личном кабинете", app: "в «Мой МТС»", kiosk: "в терминале «Электронный Помощник»" } as const

const durationRu = (text: string): string => {
  const parts: string[] = []
  for (const m of text.matchAll(/(\d+)\s*(mo|d|h|m|s)/g)) {
    const n = Number(m[1])
    const unit = m[2] === "mo" ? "мес." : m[2] === "d" ? "дн." : m[2] === "h" ? "ч" : m[2] === "m" ? "мин" : "с"
    parts.push(`${n} ${unit}`)
  }
  return parts.length > 0 ? parts.join(" ") : text
}

const boundRu = (b: Bound, show: (n: number) => string): string =>
  "eq" in b
    ? show(b.eq)
    : b.min !== undefined && b.max !== undefined
      ? `от ${show(b.min)} до ${show(b.max)}`
      : b.min !== undefined
        ? `не меньше ${show(b.min)}`
        : b.max !== undefined
          ? `не больше ${show(b.max)}`
          : "любой"

const plain = (n: number): string => String(n)

const argsRu = (cat: CatalogIndex, args: Readonly<Record<string, unknown>>): string => {
  const out: string[] = []
  for (const [k, v] of Object.entries(args)) {
    if (typeof v === "number" && (k === "amount" || k === "threshold")) out.push(formatRub(v))
    else if (typeof v === "string" && k === "tariff") out.push(`«${cat.tariffs.get(v)?.name ?? v}»`)
    else if (typeof v === "string" && k === "service") out.push(`«${cat.services.get(v)?.name ?? v}»`)
    else if (typeof v === "string" && k === "offer")
      out.push(`«${cat.oneOff.get(v)?.name ?? cat.bonusOffers.get(v)?.name ?? v}»`)
    else if (typeof v === "string" && isMsisdn(v) && k !== "msisdn") out.push(msisdnRu(v))
  }
  return out.length > 0 ? `: ${out.join(", ")}` : ""
}

const expectRu = (cat: CatalogIndex, e: Expect): string => {
  const out: string[] = []
  if (e.balance !== undefined) out.push(`баланс ${boundRu(e.balance, formatRub)}`)
  if (e.tariff !== undefined) out.push(`тариф «${cat.tariffs.get(e.tariff)?.name ?? e.tariff}»`)
  if (e.status !== undefined) out.push(STATUS_RU[e.status])
  for (const s of e.services?.has ?? []) out.push(`услуга «${cat.services.get(s)?.name ?? s}» подключена`)
  for (const s of e.services?.lacks ?? []) out.push(`услуга «${cat.services.get(s)?.name ?? s}» не подключена`)
  for (const p of e.packages ?? [])
    out.push(
      `остаток пакета ${PACKAGE_RU.get(p.key) ?? `«${cat.oneOff.get(p.key)?.name ?? p.key}»`}: ${boundRu(p.left, plain)}`,
    )
  for (const c of e.charges ?? []) {
    const what =
      c.service !== undefined
        ? `«${cat.services.get(c.service)?.name ?? c.service}»`
        : c.reason !== undefined
          ? (REASON_RU[c.reason as LedgerReason] ?? "списание")
          : "списание"
    out.push(
      `списание ${what}${c.last !== undefined ? ` ${formatRub(c.last)}` : ""}` +
        `${c.total !== undefined ? `, всего ${boundRu(c.total, formatRub)}` : ""}`,
    )
  }
  for (const [k, label] of [
    ["screen", "на экране"],
    ["prompt", "автоинформатор говорит"],
    ["reply", "в ответе"],
  ] as const) {
    const m = e[k]
    if (m !== undefined) for (const c of m.contains) out.push(`${label} «${c}»`)
  }
  if (e.end !== undefined) out.push(e.end ? "сеанс завершен" : "сеанс продолжается")
  for (const i of e.inbox ?? [])
    out.push(`SMS${i.from !== undefined ? ` от ${i.from}` : ""}${i.contains !== undefined ? ` «${i.contains}»` : ""}`)
  if (e.error !== undefined) out.push("действие отклонено")
  if (e.ok === true) out.push("действие выполнено")
  if (e.promised !== undefined) out.push(e.promised ? "обещанный платеж открыт" : "обещанного платежа нет")
  if (e.bonus !== undefined) out.push(`бонусов ${boundRu(e.bonus, plain)}`)
  if (e.lkLocked !== undefined) out.push(e.lkLocked ? "вход в ЛК заблокирован" : "вход в ЛК открыт")
  if (e.kioskLocked !== undefined) out.push(e.kioskLocked ? "терминал заблокирован" : "терминал доступен")
  if (e.autopay !== undefined) out.push(e.autopay === "none" ? "автоплатежа нет" : "автоплатеж подключен")
  if (e.location !== undefined)
    out.push(
      `местоположение: ${
        e.location === "home"
          ? "дома"
          : e.location === "russia"
            ? "поездка по России"
            : (cat.countries.get(e.location)?.name ?? e.location)
      }`,
    )
  for (const l of e.linked?.has ?? []) out.push(`номер ${msisdnRu(l)} привязан`)
  if (e.family !== undefined) out.push("группа «МЫ МТС»")
  if (e.events !== undefined) out.push("события двойника")
  return out.length > 0 ? out.join("; ") : "состояние абонента"
}

/** One step as the audience hears it. */
export const narrate = (cat: CatalogIndex, st: Step): string => {
  switch (st._tag) {
    case "advance":
      return "to" in st.advance
        ? `Время двойника переводится на ${st.advance.to.slice(0, 16).replace("T", " ")}`
        : `Проходит ${durationRu(st.advance.text)}`
    case "travel":
      return st.to === "home"
        ? "Абонент возвращается домой"
        : st.to === "russia"
          ? "Абонент едет по России"
          : `Абонент прилетает: ${cat.countries.get(st.to)?.name ?? st.to}`
    case "network":
      return st.mobileData ? "Абонент включает мобильный интернет МТС" : "Абонент выключает мобильный интернет МТС"
    case "usage": {
      const u = st.usage
      if (u._tag === "call")
        return u.direction === "in"
          ? `Входящий звонок с ${msisdnRu(u.to)}, ${Math.ceil(u.seconds / 60)} мин`
          : `Абонент звонит на ${msisdnRu(u.to)}, ${Math.ceil(u.seconds / 60)} мин`
      if (u._tag === "sms")
        return u.direction === "in" ? `Абоненту приходят SMS: ${u.count}` : `Абонент отправляет SMS: ${u.count}`
      return `Абонент расходует ${Math.round(u.kb / 1024)} МБ интернета`
    }
    case "ussd":
      return st.dial !== undefined ? `Абонент набирает ${st.dial}` : `Абонент отвечает «${st.reply ?? ""}» в меню USSD`
    case "sms":
      return `Абонент отправляет SMS «${st.text}» на номер ${st.to}`
    case "ivr":
      return st.keys !== ""
        ? `Абонент звонит на ${st.call} и нажимает ${[...st.keys].join(" ")}`
        : `Абонент звонит на ${st.call}`
    case "web":
      return `Абонент ${OPS_RU[st.op] ?? "выполняет действие"} ${WHERE_RU[st.channel]}${argsRu(cat, st.args)}`
    case "expect":
      return `Проверка: ${expectRu(cat, st.expect)}`
  }
}
