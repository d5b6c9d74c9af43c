// OpenAPI 3.1 document of the twin's HTTP interface, generated from the Effect Schemas that the
// routes decode with (core Command union, LK/app bodies, kiosk bodies, control bodies).
import { existsSync, readFileSync } from "node:fs"
import { Schema } from "effect"
import { Command } from "../core/domain/commands.ts"
import { BODY_SCHEMAS } from "./lk/schemas.ts"
import { KioskCashBody, KioskLoginBody, KioskNumberBody, KioskServiceBody, KioskTariffBody } from "./kiosk/api.ts"
import { LocationBody, NetworkBody, UsageBody } from "./control/tmf.ts"
import { TELEPHONY_BODIES } from "./telephony-schemas.ts"

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }

/** Our decoders take the Type side: an optional field is absent, never null. Drop the codec's null branches. */
const tidy = (v: Json): Json => {
  if (Array.isArray(v)) return v.map(tidy)
  if (v === null || typeof v !== "object")
    return typeof v === "string" ? v.replace("#/$defs/", "#/components/schemas/") : v
  const out: { [k: string]: Json } = {}
  for (const [k, x] of Object.entries(v)) out[k] = tidy(x)
  const any = out.anyOf
  if (Array.isArray(any)) {
    const rest = any.filter(
      (b) =>
        !(b !== null && typeof b === "object" && !Array.isArray(b) && b.type === "null" && Object.keys(b).length === 1),
    )
    if (rest.length === 1 && rest[0] !== null && typeof rest[0] === "object" && !Array.isArray(rest[0])) {
      delete out.anyOf
      return { ...rest[0], ...out }
    }
    out.anyOf = rest
  }
  return out
}

const jsonSchema = (s: Schema.Top, into: Record<string, Json>): Json => {
  const d = Schema.toJsonSchemaDocument(s as Parameters<typeof Schema.toJsonSchemaDocument>[0])
  for (const [k, v] of Object.entries(d.definitions as Record<string, Json>)) into[k] = tidy(v)
  return tidy(d.schema as Json)
}

export interface Op {
  method: "get" | "post" | "delete"
  path: string
  tag: string
  summary: string
  body?: string
  auth?: "bearer" | "kiosk"
  query?: string[]
  rules?: string
}

const selfcare = (base: string, tag: string): Op[] => [
  {
    method: "post",
    path: `${base}/otp`,
    tag,
    summary: "Запросить пароль по SMS с номера 3339",
    body: "OtpRequest",
    rules: "R22",
  },
  {
    method: "post",
    path: `${base}/login`,
    tag,
    summary: "Войти по паролю из SMS или постоянному паролю; ответ — токен сеанса",
    body: "LoginRequest",
    rules: "R22 R23 R24",
  },
  {
    method: "post",
    path: `${base}/login/network`,
    tag,
    summary: "Войти автоматически в мобильном интернете МТС",
    body: "NetworkLoginRequest",
    rules: "R26",
  },
  { method: "post", path: `${base}/logout`, tag, summary: "«Выход»", auth: "bearer", rules: "R25" },
  { method: "get", path: `${base}/me`, tag, summary: "Номер входа и привязанные номера", auth: "bearer" },
  {
    method: "get",
    path: `${base}/overview`,
    tag,
    summary: "«Мой МТС»: баланс, тариф, пакеты",
    auth: "bearer",
    query: ["msisdn"],
  },
  {
    method: "get",
    path: `${base}/balance`,
    tag,
    summary: "Баланс «данные на сегодня ЧЧ:ММ»",
    auth: "bearer",
    query: ["msisdn"],
    rules: "R8 R15",
  },
  {
    method: "get",
    path: `${base}/packages`,
    tag,
    summary: "Остатки пакетов («22,27 Гб из 30»)",
    auth: "bearer",
    query: ["msisdn"],
    rules: "R4",
  },
  {
    method: "post",
    path: `${base}/topup`,
    tag,
    summary: "Пополнить счет (сумма в копейках)",
    body: "TopUpRequest",
    auth: "bearer",
    rules: "R9",
  },
  {
    method: "get",
    path: `${base}/promised-payment`,
    tag,
    summary: "Обещанный платеж: доступная сумма и текущий",
    auth: "bearer",
    query: ["msisdn"],
    rules: "R10",
  },
  {
    method: "post",
    path: `${base}/promised-payment`,
    tag,
    summary: "Взять обещанный платеж",
    body: "PromisedPaymentRequest",
    auth: "bearer",
    rules: "R10",
  },
  {
    method: "post",
    path: `${base}/autopay`,
    tag,
    summary: "Подключить или отключить автоплатеж",
    body: "AutopayRequest",
    auth: "bearer",
    rules: "R11",
  },
  {
    method: "post",
    path: `${base}/transfer`,
    tag,
    summary: "Перевести деньги на другой номер",
    body: "Transfer",
    auth: "bearer",
    rules: "R12",
  },
  {
    method: "post",
    path: `${base}/pay-provider`,
    tag,
    summary: "Оплатить услуги другого поставщика с баланса (ТВ и Интернет, квартплата, мобильный телефон)",
    body: "PayProvider",
    auth: "bearer",
    rules: "R9",
  },
  {
    method: "get",
    path: `${base}/expenses`,
    tag,
    summary: "«Расходы»: period=today|week|month или даты from/to",
    auth: "bearer",
    query: ["msisdn", "period", "from", "to"],
    rules: "R14",
  },
  {
    method: "get",
    path: `${base}/services`,
    tag,
    summary: "Услуги с ценами",
    auth: "bearer",
    query: ["msisdn"],
    rules: "R17",
  },
  {
    method: "post",
    path: `${base}/services/connect`,
    tag,
    summary: "«Подключить» услугу",
    body: "ServiceRequest",
    auth: "bearer",
    rules: "R17",
  },
  {
    method: "post",
    path: `${base}/services/disconnect`,
    tag,
    summary: "«Отключить» услугу",
    body: "ServiceRequest",
    auth: "bearer",
    rules: "R17",
  },
  {
    method: "post",
    path: `${base}/packages/buy`,
    tag,
    summary: "Купить разовый пакет",
    body: "BuyPackage",
    auth: "bearer",
    rules: "R4",
  },
  {
    method: "get",
    path: `${base}/tariffs`,
    tag,
    summary: "Тарифы с абонентской платой",
    auth: "bearer",
    query: ["msisdn"],
    rules: "R6",
  },
  {
    method: "post",
    path: `${base}/tariff`,
    tag,
    summary: "«Перейти»: сначала подтверждение с суммой к списанию, затем с confirmed: true — смена",
    body: "TariffChangeRequest",
    auth: "bearer",
    rules: "R6",
  },
  {
    method: "post",
    path: `${base}/block`,
    tag,
    summary: "Добровольная блокировка номера",
    body: "TargetRequest",
    auth: "bearer",
    rules: "R19",
  },
  {
    method: "post",
    path: `${base}/unblock`,
    tag,
    summary: "Снять добровольную блокировку",
    body: "TargetRequest",
    auth: "bearer",
    rules: "R19",
  },
  { method: "get", path: `${base}/linked`, tag, summary: "«Привязанные» номера", auth: "bearer", rules: "R20" },
  {
    method: "post",
    path: `${base}/linked/request`,
    tag,
    summary: "«Добавить»: код уходит в SMS на добавляемый номер",
    body: "LinkRequest",
    auth: "bearer",
    rules: "R20",
  },
  {
    method: "post",
    path: `${base}/linked/confirm`,
    tag,
    summary: "Подтвердить привязку кодом",
    body: "LinkConfirm",
    auth: "bearer",
    rules: "R20",
  },
  {
    method: "post",
    path: `${base}/linked/remove`,
    tag,
    summary: "Отвязать номер",
    body: "LinkRequest",
    auth: "bearer",
    rules: "R20",
  },
  {
    method: "post",
    path: `${base}/linked/leave`,
    tag,
    summary: "Удалить свой номер из «Привязанных» другого кабинета",
    body: "LinkLeave",
    auth: "bearer",
    rules: "R20",
  },
  { method: "get", path: `${base}/family`, tag, summary: "«Поделиться пакетами»", auth: "bearer", rules: "R2" },
  {
    method: "post",
    path: `${base}/family/invite`,
    tag,
    summary: "«Пригласить участника» → «Начать делиться»",
    body: "FamilyInvite",
    auth: "bearer",
    rules: "R2",
  },
  {
    method: "post",
    path: `${base}/family/remove`,
    tag,
    summary: "Исключить участника",
    body: "FamilyRemove",
    auth: "bearer",
    rules: "R2",
  },
  {
    method: "get",
    path: `${base}/personal`,
    tag,
    summary: "Персональные данные",
    auth: "bearer",
    query: ["msisdn"],
    rules: "R21",
  },
  {
    method: "post",
    path: `${base}/password`,
    tag,
    summary: "«Настройки входа»: постоянный пароль",
    body: "SetPassword",
    auth: "bearer",
    rules: "R23",
  },
  {
    method: "post",
    path: `${base}/notifications`,
    tag,
    summary: "SMS-уведомления о списаниях и о входе",
    body: "Notifications",
    auth: "bearer",
    rules: "R16",
  },
  {
    method: "get",
    path: `${base}/bonuses`,
    tag,
    summary: "Бонусные баллы и предложения",
    auth: "bearer",
    query: ["msisdn"],
    rules: "R13",
  },
  {
    method: "post",
    path: `${base}/bonuses/exchange`,
    tag,
    summary: "Обменять баллы на пакет",
    body: "BonusExchange",
    auth: "bearer",
    rules: "R13",
  },
]

export const OPERATIONS: readonly Op[] = [
  {
    method: "post",
    path: "/ussd/dial",
    tag: "USSD",
    summary: "Набрать USSD-код (*100#, *111#, *132# …); ответ — экран и признак конца сеанса",
    body: "UssdDial",
    rules: "R8 R28",
  },
  {
    method: "post",
    path: "/ussd/reply",
    tag: "USSD",
    summary: "Ответить в меню USSD (пункт меню или сумма)",
    body: "UssdReply",
    rules: "R28",
  },
  {
    method: "post",
    path: "/ussd",
    tag: "USSD",
    summary: "Обратный вызов шлюза в стиле Africa's Talking: ответ «CON …» или «END …» (text/plain)",
    body: "UssdGatewayCallback",
    rules: "R28",
  },
  {
    method: "post",
    path: "/ivr/calls",
    tag: "IVR",
    summary: "Позвонить на 111 (Мобильный помощник) или 0890 (горячая линия); said — что сказал автоинформатор",
    body: "IvrCall",
    rules: "R29",
  },
  {
    method: "post",
    path: "/ivr/calls/{id}/dtmf",
    tag: "IVR",
    summary: "Нажать клавиши (тональный набор 0–9, *, #)",
    body: "IvrKeys",
    rules: "R29",
  },
  { method: "get", path: "/ivr/calls/{id}", tag: "IVR", summary: "Весь разговор: transcript" },
  { method: "delete", path: "/ivr/calls/{id}", tag: "IVR", summary: "Положить трубку" },
  {
    method: "post",
    path: "/sms/send",
    tag: "SMS",
    summary: "Отправить SMS на короткий номер (111, 3339 …); ответные SMS приходят в replies",
    body: "SmsSend",
    rules: "R16 R18",
  },
  { method: "get", path: "/sms/inbox/{msisdn}", tag: "SMS", summary: "Входящие SMS телефона абонента" },
  ...selfcare("/lk/api", "LK"),
  ...selfcare("/app/api", "App"),
  {
    method: "get",
    path: "/app/api/profiles",
    tag: "App",
    summary: "Профили: свой и привязанные номера",
    auth: "bearer",
    rules: "R20",
  },
  {
    method: "get",
    path: "/app/api/tabs/{tab}",
    tag: "App",
    summary:
      "Вкладки: main (Мой МТС), account (Счет), tariffs, internet, services, bonuses, roaming, entertainment (Развлечения), support",
    auth: "bearer",
    query: ["msisdn"],
  },
  {
    method: "post",
    path: "/app/api/support/chat",
    tag: "App",
    summary: "«Поддержка»: вопрос в чат ({ text }); отвечает специалист по сценарию",
    auth: "bearer",
  },
  {
    method: "post",
    path: "/app/api/support/callback",
    tag: "App",
    summary: "«Поддержка»: заказать обратный звонок; подтверждение приходит в SMS",
    auth: "bearer",
  },
  {
    method: "post",
    path: "/kiosk/api/start",
    tag: "Kiosk",
    summary: "Ввести номер телефона (8916…, +7 916… или 916…)",
    body: "KioskNumber",
    rules: "R27",
  },
  {
    method: "post",
    path: "/kiosk/api/order-code",
    tag: "Kiosk",
    summary: "«Заказать пароль» (код в SMS с номера 6262)",
    body: "KioskNumber",
    rules: "R27",
  },
  {
    method: "post",
    path: "/kiosk/api/login",
    tag: "Kiosk",
    summary: "Ввести код доступа; ответ — токен сеанса терминала",
    body: "KioskLogin",
    rules: "R27 I6",
  },
  { method: "get", path: "/kiosk/api/menu", tag: "Kiosk", summary: "Меню «Сервис МТС»", auth: "kiosk" },
  { method: "get", path: "/kiosk/api/balance", tag: "Kiosk", summary: "Баланс", auth: "kiosk" },
  { method: "get", path: "/kiosk/api/services", tag: "Kiosk", summary: "Услуги", auth: "kiosk" },
  {
    method: "post",
    path: "/kiosk/api/services/connect",
    tag: "Kiosk",
    summary: "Подключить услугу",
    body: "KioskService",
    auth: "kiosk",
  },
  {
    method: "post",
    path: "/kiosk/api/services/disconnect",
    tag: "Kiosk",
    summary: "Отключить услугу",
    body: "KioskService",
    auth: "kiosk",
  },
  { method: "get", path: "/kiosk/api/tariffs", tag: "Kiosk", summary: "Тарифы", auth: "kiosk" },
  {
    method: "post",
    path: "/kiosk/api/tariff",
    tag: "Kiosk",
    summary: "Смена тарифа с подтверждением",
    body: "KioskTariff",
    auth: "kiosk",
    rules: "R6",
  },
  {
    method: "post",
    path: "/kiosk/api/topup-cash",
    tag: "Kiosk",
    summary: "Пополнить наличными (копейки)",
    body: "KioskCash",
    auth: "kiosk",
    rules: "R9",
  },
  { method: "post", path: "/kiosk/api/logout", tag: "Kiosk", summary: "Завершить сеанс терминала", auth: "kiosk" },
  { method: "get", path: "/api/twins", tag: "Control", summary: "Список двойников" },
  {
    method: "post",
    path: "/api/twins",
    tag: "Control",
    summary: "Создать двойника {id?, name?, seed?, start?, demo?}",
    body: "CreateTwin",
  },
  { method: "get", path: "/api/twins/{id}", tag: "Control", summary: "Двойник: время, номер события, хеш состояния" },
  {
    method: "post",
    path: "/api/twins/{id}/advance",
    tag: "Control",
    summary:
      'Перевести часы двойника {by: "1d 2h"} | {to} | {months}: не более 3660 дней за вызов, по одному сохраненному дню',
    body: "Advance",
  },
  {
    method: "post",
    path: "/api/twins/{id}/commands",
    tag: "Control",
    summary: "Выполнить любую команду ядра",
    body: "Command",
  },
  {
    method: "post",
    path: "/api/twins/{id}/location",
    tag: "Control",
    summary: "Переместить абонента (home, russia, страна)",
    body: "SetLocation",
  },
  {
    method: "post",
    path: "/api/twins/{id}/network",
    tag: "Control",
    summary: "Включить или выключить мобильный интернет МТС",
    body: "SetNetworkAttachment",
  },
  {
    method: "post",
    path: "/api/twins/{id}/usage",
    tag: "Control",
    summary: "Потребление в стиле TMF635 (звонок, SMS, интернет)",
    body: "TMF635Usage",
  },
  { method: "get", path: "/api/twins/{id}/state", tag: "Control", summary: "Состояние: счета всех абонентов" },
  {
    method: "get",
    path: "/api/twins/{id}/events",
    tag: "Control",
    summary: "Журнал событий",
    query: ["after", "limit"],
  },
  { method: "get", path: "/api/twins/{id}/subscribers", tag: "Control", summary: "Абоненты" },
  { method: "get", path: "/api/twins/{id}/subscribers/{msisdn}", tag: "Control", summary: "Счет абонента" },
  {
    method: "get",
    path: "/api/twins/{id}/subscribers/{msisdn}/ledger",
    tag: "Control",
    summary: "Движение средств (I1)",
  },
  {
    method: "get",
    path: "/api/twins/{id}/subscribers/{msisdn}/inbox",
    tag: "Control",
    summary: "Входящие SMS телефона",
  },
  {
    method: "get",
    path: "/api/twins/{id}/subscribers/{msisdn}/detail",
    tag: "Control",
    summary: "Детализация за период",
    query: ["from", "to"],
  },
  {
    method: "get",
    path: "/api/twins/{id}/tmf654/accountBalance",
    tag: "TM Forum",
    summary: "TMF654: баланс счета",
    query: ["msisdn"],
  },
  {
    method: "get",
    path: "/api/twins/{id}/tmf654/bucket",
    tag: "TM Forum",
    summary: "TMF654: пакеты (buckets)",
    query: ["msisdn"],
  },
  {
    method: "get",
    path: "/api/twins/{id}/tmf635/usage",
    tag: "TM Forum",
    summary: "TMF635: записи потребления",
    query: ["msisdn", "from", "to"],
  },
  {
    method: "get",
    path: "/api/twins/{id}/tmf620/productOffering",
    tag: "TM Forum",
    summary: "TMF620: предложения (тарифы, услуги, пакеты)",
  },
]

/** The key of an operation in the examples file: "post /lk/api/topup". */
export const opKey = (o: Pick<Op, "method" | "path">): string => `${o.method} ${o.path}`

const BODIES: Record<string, Schema.Top> = {
  ...BODY_SCHEMAS,
  KioskNumber: KioskNumberBody,
  KioskLogin: KioskLoginBody,
  KioskService: KioskServiceBody,
  KioskTariff: KioskTariffBody,
  KioskCash: KioskCashBody,
  SetLocation: LocationBody,
  SetNetworkAttachment: NetworkBody,
  TMF635Usage: UsageBody,
  ...TELEPHONY_BODIES,
}

/** A recorded exchange with the twin: what was sent and what came back (scripts/api-examples.ts). */
export interface Example {
  status: number
  request?: Json
  query?: Record<string, string>
  response: Json
  contentType?: string
}

const EXAMPLES_FILE = new URL("./openapi-examples.json", import.meta.url)

/** Real request/answer pairs recorded on a demo twin, by operation key. */
export const apiExamples = (): Record<string, Example> =>
  existsSync(EXAMPLES_FILE) ? (JSON.parse(readFileSync(EXAMPLES_FILE, "utf8")) as Record<string, Example>) : {}

const ErrorSchema: Json = {
  type: "object",
  properties: {
    error: {
      type: "object",
      properties: {
        code: { type: "string" },
        field: { type: ["string", "null"] },
        message: { type: "string" },
        ru: { type: "string" },
      },
      required: ["code", "field", "message", "ru"],
    },
    text: { type: "string" },
  },
  required: ["error"],
}

const obj = (v: Json | undefined): { [k: string]: Json } =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? v : {}

let cached: Record<string, Json> | null = null

/** The OpenAPI 3.1 document (built once). */
export const openApiDocument = (): Record<string, Json> => {
  if (cached !== null) return cached
  const schemas: Record<string, Json> = {}
  for (const m of Command.members) schemas[m.fields._tag.schema.literal as string] = jsonSchema(m, schemas)
  schemas.Command = {
    oneOf: Command.members.map((m) => ({ $ref: `#/components/schemas/${m.fields._tag.schema.literal as string}` })),
    discriminator: { propertyName: "_tag" },
  }
  for (const [name, s] of Object.entries(BODIES)) {
    const j = jsonSchema(s, schemas)
    // An identified schema comes back as a $ref to its own definition, already in `schemas`.
    if (obj(j).$ref !== `#/components/schemas/${name}`) schemas[name] = j
  }
  schemas.Error = ErrorSchema
  const examples = apiExamples()
  const paths: Record<string, Record<string, Json>> = {}
  for (const o of OPERATIONS) {
    const ex = examples[opKey(o)]
    const params: Json[] = [
      ...[...o.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
        name: m[1] ?? "",
        in: "path",
        required: true,
        schema: { type: "string" },
      })),
      ...(o.query ?? []).map((q) => ({
        name: q,
        in: "query",
        required: false,
        schema: { type: "string" },
        ...(ex?.query?.[q] !== undefined ? { example: ex.query[q] } : {}),
      })),
      {
        name: "x-twin",
        in: "header",
        required: false,
        description: "Двойник (по умолчанию — основной)",
        schema: { type: "string" },
      },
      ...(o.method === "post"
        ? [
            {
              name: "Idempotency-Key",
              in: "header",
              required: false,
              description:
                "1–255 печатных символов ASCII. Повтор с тем же ключом и тем же запросом получает первый ответ " +
                "(заголовок Idempotent-Replayed: true) и ничего не меняет; тот же ключ с другим запросом отклоняется (422).",
              schema: { type: "string" },
            },
          ]
        : []),
    ]
    const okStatus = String(ex?.status ?? (o.method === "post" && o.path.endsWith("/calls") ? 201 : 200))
    const okType = ex?.contentType ?? "application/json"
    const op: Record<string, Json> = {
      tags: [o.tag],
      summary: o.summary,
      operationId: `${o.method}${o.path
        .replace(/[{}]/g, "")
        .replace(/[^A-Za-z0-9]+(.)?/g, (_m, ch: string | undefined) => (ch ?? "").toUpperCase())}`,
      parameters: params,
      responses: {
        [okStatus]: {
          description: "Ответ: `text` — то, что видит абонент, и данные",
          content: {
            [okType]: {
              schema: okType === "application/json" ? { type: "object" } : { type: "string" },
              ...(ex !== undefined ? { example: ex.response } : {}),
            },
          },
        },
        "4XX": {
          description: "Ошибка с именем поля и текстом для абонента",
          content: {
            "application/json": {
              schema: { $ref: "#/components/schemas/Error" },
              example: {
                error: {
                  code: "INVALID_FIELD",
                  field: "msisdn",
                  message: "msisdn: expected 7 and 10 digits",
                  ru: "Неверный номер",
                },
                text: "Неверный номер",
              },
            },
          },
        },
        "503": {
          description:
            "Не выполнено: хранилище не записало события (STORE_UNAVAILABLE) или достигнут предел сервера (CAPACITY); повторите позже",
          content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
        },
      },
    }
    if (o.rules !== undefined) op.description = `Правила: ${o.rules}`
    if (o.body !== undefined)
      op.requestBody = {
        required: true,
        content: {
          "application/json": {
            schema: { $ref: `#/components/schemas/${o.body}` },
            ...(ex?.request !== undefined ? { example: ex.request } : {}),
          },
        },
      }
    if (o.auth !== undefined) op.security = [{ [o.auth === "bearer" ? "sessionToken" : "kioskToken"]: [] }]
    paths[o.path] = { ...(paths[o.path] ?? {}), [o.method]: op }
  }
  cached = {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Цифровой двойник сервисов самообслуживания (ССО МТС)",
      version: "0.1.0",
      description:
        "USSD, голосовое меню (IVR), SMS, Личный кабинет, «Мой МТС», «Электронный Помощник» и управление " +
        "двойником. Деньги — целые копейки; время — время двойника (Москва). Примеры — настоящие запросы и ответы демо-двойника.",
    },
    servers: [{ url: "/" }],
    tags: [
      { name: "USSD", description: "USSD-коды и меню" },
      { name: "IVR", description: "Голосовое меню 111 и горячая линия 0890" },
      { name: "SMS", description: "SMS на короткие номера" },
      { name: "LK", description: "Личный кабинет" },
      { name: "App", description: "Приложение «Мой МТС»" },
      { name: "Kiosk", description: "Терминал «Электронный Помощник»" },
      { name: "Control", description: "Управление двойником" },
      { name: "TM Forum", description: "Открытые API TM Forum" },
    ],
    paths,
    components: {
      schemas,
      securitySchemes: {
        sessionToken: {
          type: "http",
          scheme: "bearer",
          description: "Токен из /lk/api/login или /app/api/login (сеанс завершается после 20 минут без действий)",
        },
        kioskToken: { type: "http", scheme: "bearer", description: "Токен сеанса терминала из /kiosk/api/login" },
      },
    },
  }
  return cached
}
