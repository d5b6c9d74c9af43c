// Every error code a channel answers with: the domain's closed set (core/domain/errors.ts) and the
// few the HTTP edge adds, each with its meaning in English and in Russian. The scenario loader
// checks `expect: { error: … }` against it and docs/scenarios.md lists it. Adding an ErrorCode
// without a meaning here fails the type check.
import type { ErrorCode } from "../core/domain/errors.ts"

export interface CodeMeaning {
  readonly en: string
  readonly ru: string
}

export const DOMAIN_ERROR_CODES: Readonly<Record<ErrorCode, CodeMeaning>> = {
  INVALID_FIELD: {
    en: "a field of the request is missing or malformed (the error names it)",
    ru: "Неверные данные в запросе",
  },
  UNKNOWN_SUBSCRIBER: { en: "no subscriber with this number in the twin", ru: "Абонент не найден" },
  SUBSCRIBER_EXISTS: { en: "a subscriber with this number already exists", ru: "Абонент уже существует" },
  UNKNOWN_TARIFF: { en: "no tariff with this id in the catalog", ru: "Тариф не найден" },
  UNKNOWN_SERVICE: { en: "no service with this id in the catalog", ru: "Услуга не найдена" },
  UNKNOWN_OFFER: { en: "no package or bonus offer with this id in the catalog", ru: "Пакет не найден" },
  UNKNOWN_COUNTRY: { en: "no country with this code in the catalog", ru: "Страна не найдена" },
  NOT_AUTHORIZED: {
    en: "the caller may not act on this number (not logged in, not its own, not linked)",
    ru: "Нет доступа к этому номеру",
  },
  BLOCKED: {
    en: "the number is blocked (voluntary or financial) and the action is not allowed",
    ru: "Номер заблокирован",
  },
  INSUFFICIENT_FUNDS: { en: "the balance does not cover the charge", ru: "Недостаточно средств на счете" },
  PROMISED_PAYMENT_OPEN: { en: "a promised payment is already open", ru: "Обещанный платеж уже подключен" },
  PROMISED_PAYMENT_LIMIT: {
    en: "the promised payment amount is out of limits, or the number is on credit",
    ru: "Сумма обещанного платежа вне лимита",
  },
  PAYMENT_CARD_INVALID: { en: "the payment card code is unknown or already used", ru: "Неверный код карты оплаты" },
  CONFIRMATION_REQUIRED: { en: "the action needs the subscriber's confirmation (R6)", ru: "Требуется подтверждение" },
  TARIFF_NOT_AVAILABLE: {
    en: "the tariff cannot be chosen by this subscriber",
    ru: "Переход на этот тариф недоступен",
  },
  SAME_TARIFF: { en: "the number is already on this tariff", ru: "Этот тариф уже подключен" },
  NOT_CONSTRUCTOR: {
    en: "packages can be adjusted only on a constructor tariff",
    ru: "Изменять пакеты можно только на тарифе-конструкторе",
  },
  MOBILE_ASSISTANT_REQUIRED: {
    en: "the action needs the «Мобильный помощник» service",
    ru: "Нужна услуга «Мобильный помощник»",
  },
  SERVICE_NOT_AVAILABLE: {
    en: "the service cannot be connected on this tariff or in this state",
    ru: "Услуга недоступна",
  },
  SERVICE_ALREADY_CONNECTED: { en: "the service is already connected", ru: "Услуга уже подключена" },
  SERVICE_NOT_CONNECTED: { en: "the service is not connected", ru: "Услуга не подключена" },
  SERVICE_NOT_REMOVABLE: { en: "the service cannot be disconnected", ru: "Услугу нельзя отключить" },
  BLOCK_NOT_ALLOWED: {
    en: "a voluntary block is not allowed now (R19: e.g. negative balance)",
    ru: "Добровольная блокировка недоступна",
  },
  ALREADY_BLOCKED: { en: "the number is already blocked", ru: "Номер уже заблокирован" },
  NOT_BLOCKED: { en: "the number is not blocked", ru: "Номер не заблокирован" },
  FAMILY_NOT_OWNER: { en: "only the owner of a «МЫ МТС» group may do this", ru: "Вы не владелец группы «МЫ МТС»" },
  FAMILY_FULL: { en: "the «МЫ МТС» group has the most members allowed", ru: "В группе уже максимум участников" },
  FAMILY_SHARE_EXCEEDS: {
    en: "the shares exceed what the owner's package has left",
    ru: "Нельзя поделиться больше, чем есть в пакете",
  },
  FAMILY_MEMBER_INELIGIBLE: {
    en: "this number cannot be invited (own, already in a group, corporate)",
    ru: "Этот номер нельзя пригласить в «МЫ МТС»",
  },
  FAMILY_NO_INVITE: { en: "there is no invitation to answer", ru: "Приглашения нет" },
  FAMILY_HAS_MEMBERS: { en: "remove the group's members first", ru: "Сначала исключите участников «МЫ МТС»" },
  FAMILY_NOT_MEMBER: { en: "the number is not a member of this group", ru: "Номер не участник группы" },
  LINK_INVALID: { en: "the number is this one or already linked", ru: "Этот номер уже привязан" },
  LINK_NO_REQUEST: { en: "no pending link request for this number", ru: "Запроса на привязку нет" },
  NOT_LINKED: { en: "the number is not linked to this one", ru: "Номер не привязан" },
  BONUS_INSUFFICIENT: { en: "not enough bonus points", ru: "Недостаточно баллов" },
  WEAK_PASSWORD: { en: "the password breaks the password rules (R23)", ru: "Пароль не отвечает требованиям" },
  WRONG_CODE: { en: "the code or password is wrong", ru: "Неверный код" },
  CODE_EXPIRED: { en: "the code is no longer valid", ru: "Срок действия кода истек" },
  NO_CODE: { en: "no code was requested", ru: "Код не запрашивался" },
  LOGIN_LOCKED: { en: "too many wrong codes: logins are locked for a while (R24)", ru: "Вход временно заблокирован" },
  CODE_VOID: {
    en: "3 wrong link codes voided the code: request a new one (R20)",
    ru: "Код аннулирован, запросите новый",
  },
  LINK_LOCKED: {
    en: "repeated voided link codes: linking numbers is refused for a day (R20)",
    ru: "Привязка номеров временно недоступна",
  },
  SESSION_INVALID: {
    en: "the session ended (logged out, idle too long, or another channel's)",
    ru: "Сеанс завершен. Войдите снова",
  },
  NETWORK_ID_UNAVAILABLE: {
    en: "login by mobile data needs the number on MTS mobile data (R26)",
    ru: "Автоматический вход доступен только через мобильный интернет МТС",
  },
  KIOSK_NOT_CONNECTED: {
    en: "the «Электронный Помощник» service is not connected (R27)",
    ru: "Услуга «Электронный Помощник» не подключена",
  },
  KIOSK_LOCKED: {
    en: "too many wrong kiosk codes: the kiosk is locked for the number (R27)",
    ru: "Вход в терминал заблокирован",
  },
  RATE_LIMITED: { en: "too many requests (e.g. codes within an hour)", ru: "Слишком много запросов. Попробуйте позже" },
  PASSPORT_MISMATCH: { en: "the passport data do not match the subscriber's", ru: "Паспортные данные не совпадают" },
  STORE_UNAVAILABLE: {
    en: "the store could not write the command's events (disk full, I/O error); nothing of it was applied (503)",
    ru: "Операция не выполнена: сервис временно недоступен. Деньги не списаны, повторите попытку позже",
  },
  ADVANCE_RUNNING: {
    en: "another clock advance of this twin is still running (409)",
    ru: "Часы двойника уже переводятся, повторите позже",
  },
  CAPACITY: {
    en: "a cap of the server was reached: twins, event streams or connections (503)",
    ru: "Сервер перегружен, повторите попытку позже",
  },
  IDEMPOTENCY_KEY: {
    en: "the idempotency key was used for another request (422), or its first request is running or its answer was lost (409)",
    ru: "Операция уже выполнена или выполняется",
  },
}

/** Codes the HTTP edge and the drivers add to the domain's. */
export const EDGE_ERROR_CODES: Readonly<Record<string, CodeMeaning>> = {
  UNKNOWN_NUMBER: { en: "the IVR does not answer this number", ru: "Набранный номер не обслуживается" },
  UNKNOWN_CALL: { en: "no such call in progress", ru: "Звонок не найден" },
  UNKNOWN_OPERATION: { en: "the web channel has no such operation", ru: "Неизвестное действие" },
  NOT_FOUND: { en: "no such page or API path", ru: "Страница не найдена" },
  TWIN_NOT_FOUND: { en: "no twin with this id", ru: "Двойник не найден" },
  INTERNAL: { en: "an internal error of the twin", ru: "Внутренняя ошибка" },
  CONTROL_TOKEN_REQUIRED: {
    en: "the control API, the handset side and the console need the control token of twin serve",
    ru: "Нужен токен доступа",
  },
  HOST_NOT_ALLOWED: {
    en: "the Host is not a name the server was started for (DNS rebinding)",
    ru: "Неизвестный адрес сервера",
  },
  FOREIGN_ORIGIN: { en: "a state-changing request from another site's page", ru: "Запрос с чужого сайта отклонен" },
  UNSUPPORTED_MEDIA_TYPE: {
    en: "the body's content type is not one the endpoint reads (JSON endpoints take only JSON)",
    ru: "Неверный формат запроса",
  },
}

export const ERROR_CODES: Readonly<Record<string, CodeMeaning>> = { ...DOMAIN_ERROR_CODES, ...EDGE_ERROR_CODES }
