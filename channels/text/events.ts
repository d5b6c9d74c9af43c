// Russian one-line descriptions of committed events for the console timeline and the scenario reports. Money and dates are
// formatted by the shared channel text helpers, so the timeline reads like every channel does.
import type { Event } from "../../core/domain/events.ts"
import { eventMsisdn } from "../../core/domain/events.ts"
import type { CatalogIndex } from "../../core/catalog/load.ts"
import { ledgerWhat } from "../../core/rules/texts.ts"
import { phoneRu } from "../../core/domain/phone.ts"
import { formatRub } from "./money.ts"
import { dateTimeRu } from "./dates.ts"

export interface TimelineItem {
  seq: number
  at: number
  /** Twin time, Moscow: 01.06.2026 09:05 */
  atText: string
  type: string
  /** The subscriber the event is filed under ("" for twin-wide events). */
  msisdn: string
  text: string
  /** A coarse class for colouring: money, usage, sms, auth, clock, other. */
  kind: "money" | "usage" | "sms" | "auth" | "clock" | "other"
}

const USAGE_RU = { call: "звонок", sms: "SMS", data: "интернет" } as const
const LOGIN_CHANNEL_RU: ReadonlyMap<string, string> = new Map([
  ["app", "«Мой МТС»"],
  ["lk", "Личный кабинет"],
  ["kiosk", "«Электронный Помощник»"],
])

const volumeRu = (kind: "call" | "sms" | "data", volume: number): string =>
  kind === "call"
    ? `${Math.ceil(volume / 60)} мин`
    : kind === "sms"
      ? `${volume} шт.`
      : volume >= 1024
        ? `${Math.round(volume / 1024)} МБ`
        : `${volume} КБ`

/** What the descriptions read: the catalog's names (a TwinCore is one). */
export interface HasCatalog {
  readonly cat: CatalogIndex
}

const whereRu = (twin: HasCatalog, where: string): string =>
  where === "home"
    ? "домашний регион"
    : where === "russia"
      ? "поездка по России"
      : (twin.cat.countries.get(where)?.name ?? where)

const serviceRu = (twin: HasCatalog, id: string): string => twin.cat.data.services.find((s) => s.id === id)?.name ?? id
const tariffRu = (twin: HasCatalog, id: string): string => twin.cat.tariffs.get(id)?.name ?? id

/** One event in Russian, with the catalog's names (console timeline, scenario reports). */
const SESSION_END_RU = {
  logout: "Выход из сессии",
  idle: "Сессия завершена по бездействию",
  locked: "Сессия завершена: вход заблокирован",
  password: "Сессия завершена: пароль изменен",
} as const

export const textOf = (twin: HasCatalog, e: Event): { text: string; kind: TimelineItem["kind"] } => {
  switch (e.type) {
    case "SubscriberCreated":
      return {
        text: `Абонент ${e.name}, тариф «${tariffRu(twin, e.tariff)}», баланс ${formatRub(e.balance)}`,
        kind: "other",
      }
    case "UsageRated":
      return {
        text:
          `${USAGE_RU[e.kind]} ${e.direction === "in" ? "входящий" : "исходящий"}` +
          `${e.peer !== "" ? ` ${phoneRu(e.peer)}` : ""}, ${volumeRu(e.kind, e.volume)}, ${whereRu(twin, e.where)}: ` +
          `${e.cost > 0 ? formatRub(-e.cost) : "из пакета / бесплатно"}`,
        kind: "usage",
      }
    case "UsageCut":
      return {
        text: `${USAGE_RU[e.kind]} прерван: недостаточно средств, не оказано ${volumeRu(e.kind, e.volume)}`,
        kind: "usage",
      }
    case "Money":
      return { text: `${formatRub(e.amount)} — ${ledgerWhat(twin.cat, e.reason, e.ref)}`, kind: "money" }
    case "Travelled":
      return { text: `Местоположение: ${whereRu(twin, e.to)}`, kind: "other" }
    case "NetworkSet":
      return {
        text: e.mobileData ? "Мобильный интернет МТС включен" : "Мобильный интернет МТС выключен",
        kind: "other",
      }
    case "PeriodRenewed":
      return {
        text: e.charged ? "Новый расчетный период: пакеты обновлены" : "Новый период пропущен (блокировка)",
        kind: "other",
      }
    case "TariffChanged":
      return { text: `Тариф изменен: «${tariffRu(twin, e.from)}» → «${tariffRu(twin, e.to)}»`, kind: "other" }
    case "ConstructorSet":
      return { text: `Конструктор: ${e.minutes} мин, ${e.dataGb} ГБ`, kind: "other" }
    case "ServiceConnected":
      return { text: `Подключена услуга «${serviceRu(twin, e.service)}»`, kind: "other" }
    case "ServiceDisconnected":
      return { text: `Отключена услуга «${serviceRu(twin, e.service)}»`, kind: "other" }
    case "PackageAdded":
      return { text: `Добавлен пакет «${e.pkg.name}»`, kind: "other" }
    case "PackageExpired":
      return { text: "Пакет истек", kind: "other" }
    case "BlockSet":
      return {
        text: e.blocked ? "Добровольная блокировка установлена" : "Добровольная блокировка снята",
        kind: "other",
      }
    case "PromisedOpened":
      return { text: `Обещанный платеж ${formatRub(e.amount)} до ${dateTimeRu(e.dueAt)}`, kind: "money" }
    case "PromisedClosed":
      return { text: "Обещанный платеж закрыт", kind: "money" }
    case "AutopaySet":
      return {
        text: e.autopay === null ? "Автоплатеж отключен" : `Автоплатеж настроен: ${formatRub(e.autopay.amount)}`,
        kind: "money",
      }
    case "NotificationsSet":
      return { text: "Настройки уведомлений изменены", kind: "other" }
    case "BonusSpent":
      return { text: `Списано ${e.points} бонусных баллов`, kind: "other" }
    case "FamilyInvited":
      return { text: `Приглашение в «МЫ МТС» для ${phoneRu(e.member)}`, kind: "other" }
    case "FamilyJoined":
      return { text: `${phoneRu(e.member)} присоединился к группе «МЫ МТС»`, kind: "other" }
    case "FamilyDeclined":
      return { text: `${phoneRu(e.member)} не присоединился к группе`, kind: "other" }
    case "FamilyRemoved":
      return { text: `${phoneRu(e.member)} исключен из группы «МЫ МТС»`, kind: "other" }
    case "LinkRequested":
      return { text: `Запрошена привязка номера ${phoneRu(e.target)}`, kind: "auth" }
    case "LinkConfirmed":
      return { text: `Номер ${phoneRu(e.target)} привязан`, kind: "auth" }
    case "LinkFailed":
      return { text: `Неверный код привязки ${phoneRu(e.target)}`, kind: "auth" }
    case "Unlinked":
      return { text: `Номер ${phoneRu(e.target)} отвязан`, kind: "auth" }
    case "OtpIssued":
      return { text: "Выдан SMS-пароль для входа", kind: "auth" }
    case "LoginSucceeded":
      return {
        text: `Вход в ${LOGIN_CHANNEL_RU.get(e.channel) ?? e.channel}`,
        kind: "auth",
      }
    case "LoginFailed":
      return { text: e.locked ? "Неверный пароль: вход заблокирован" : `Неверный пароль (${e.failures})`, kind: "auth" }
    case "PasswordSet":
      return { text: "Установлен постоянный пароль", kind: "auth" }
    case "SessionTouched":
      return { text: "Сессия продлена", kind: "auth" }
    case "SessionEnded":
      return { text: SESSION_END_RU[e.reason], kind: "auth" }
    case "KioskCodeIssued":
      return { text: "Выдан код «Электронного Помощника»", kind: "auth" }
    case "KioskLogin":
      return { text: e.ok ? "Вход в «Электронный Помощник»" : `Неверный код терминала (${e.failures})`, kind: "auth" }
    case "SmsDelivered":
      return { text: `SMS от ${e.from}: ${e.text}`, kind: "sms" }
    case "PaymentCardIssued":
      return { text: `Выпущена карта оплаты на ${formatRub(e.amount)}`, kind: "money" }
    case "PaymentCardUsed":
      return { text: "Карта оплаты активирована", kind: "money" }
    case "ClockSet":
      return { text: `Время двойника: ${dateTimeRu(e.to)}`, kind: "clock" }
  }
}

export const describe = (twin: HasCatalog, e: Event): TimelineItem => {
  const d = textOf(twin, e)
  return {
    seq: e.seq,
    at: e.at,
    atText: dateTimeRu(e.at),
    type: e.type,
    msisdn: eventMsisdn(e),
    text: d.text,
    kind: d.kind,
  }
}
