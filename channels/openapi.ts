// OpenAPI 3.1 document of the twin's HTTP interface, generated from the Effect Schemas that the
// routes decode with (core Command union, LK/app bodies, kiosk bodies, control bodies).
import { Schema } from "effect"
import { Command } from "../core/domain/commands.ts"
import { BODY_SCHEMAS } from "./lk/schemas.ts"
import { KioskCashBody, KioskLoginBody, KioskNumberBody, KioskServiceBody, KioskTariffBody } from "./kiosk/api.ts"
import { LocationBody, NetworkBody, UsageBody } from "./control/tmf.ts"

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }

/** Our decoders take the Type side: an optional field is absent, never null. Drop the codec's null branches. */
const tidy = (v: Json): Json => {
  if (Array.isArray(v)) return v.map(tidy)
  if (v === null || typeof v !== "object") return typeof v === "string" ? v.replace("#/$defs/", "#/components/schemas/") : v
  const out: { [k: string]: Json } = {}
  for (const [k, x] of Object.entries(v)) out[k] = tidy(x)
  const any = out.anyOf
  if (Array.isArray(any)) {
    const rest = any.filter((b) => !(b !== null && typeof b === "object" && !Array.isArray(b) && b.type === "null" && Object.keys(b).length === 1))
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

interface Op { method: "get" | "post"; path: string; tag: string; summary: string; body?: string; auth?: "bearer" | "kiosk"; query?: string[]; rules?: string }

const selfcare = (base: string, tag: string): Op[] => [
  { method: "post", path: `${base}/otp`, tag, summary: "Request an SMS password from 3339", body: "OtpRequest", rules: "R22" },
  { method: "post", path: `${base}/login`, tag, summary: "Log in with the SMS or permanent password; returns the bearer token", body: "LoginRequest", rules: "R22 R23 R24" },
  { method: "post", path: `${base}/login/network`, tag, summary: "Auto-login on the operator's mobile data", body: "NetworkLoginRequest", rules: "R26" },
  { method: "post", path: `${base}/logout`, tag, summary: "«Выход»", auth: "bearer", rules: "R25" },
  { method: "get", path: `${base}/me`, tag, summary: "Logged-in number and linked numbers", auth: "bearer" },
  { method: "get", path: `${base}/overview`, tag, summary: "«Мой МТС»: balance, tariff, packages", auth: "bearer", query: ["msisdn"] },
  { method: "get", path: `${base}/balance`, tag, summary: "Balance «данные на сегодня HH:MM»", auth: "bearer", query: ["msisdn"], rules: "R8 R15" },
  { method: "get", path: `${base}/packages`, tag, summary: "Packages left («22,27 Гб из 30»)", auth: "bearer", query: ["msisdn"], rules: "R4" },
  { method: "post", path: `${base}/topup`, tag, summary: "Top up (kopecks)", body: "TopUpRequest", auth: "bearer", rules: "R9" },
  { method: "get", path: `${base}/promised-payment`, tag, summary: "Promised payment offer and current one", auth: "bearer", query: ["msisdn"], rules: "R10" },
  { method: "post", path: `${base}/promised-payment`, tag, summary: "Take a promised payment", body: "PromisedPaymentRequest", auth: "bearer", rules: "R10" },
  { method: "post", path: `${base}/autopay`, tag, summary: "Set or cancel autopay", body: "AutopayRequest", auth: "bearer", rules: "R11" },
  { method: "post", path: `${base}/transfer`, tag, summary: "Transfer money to another number", body: "Transfer", auth: "bearer", rules: "R12" },
  { method: "post", path: `${base}/pay-provider`, tag, summary: "Pay another provider from the balance (ТВ и Интернет, квартплата, мобильный телефон)", body: "PayProvider", auth: "bearer", rules: "R9" },
  { method: "get", path: `${base}/expenses`, tag, summary: "«Расходы»: period=today|week|month or from/to dates", auth: "bearer", query: ["msisdn", "period", "from", "to"], rules: "R14" },
  { method: "get", path: `${base}/services`, tag, summary: "Services with prices", auth: "bearer", query: ["msisdn"], rules: "R17" },
  { method: "post", path: `${base}/services/connect`, tag, summary: "«Подключить»", body: "ServiceRequest", auth: "bearer", rules: "R17" },
  { method: "post", path: `${base}/services/disconnect`, tag, summary: "«Отключить»", body: "ServiceRequest", auth: "bearer", rules: "R17" },
  { method: "post", path: `${base}/packages/buy`, tag, summary: "Buy a one-off package", body: "BuyPackage", auth: "bearer", rules: "R4" },
  { method: "get", path: `${base}/tariffs`, tag, summary: "Tariff list", auth: "bearer", query: ["msisdn"], rules: "R6" },
  { method: "post", path: `${base}/tariff`, tag, summary: "«Перейти»: first the confirmation screen, then with confirmed: true the change", body: "TariffChangeRequest", auth: "bearer", rules: "R6" },
  { method: "post", path: `${base}/block`, tag, summary: "Voluntary block", body: "TargetRequest", auth: "bearer", rules: "R19" },
  { method: "post", path: `${base}/unblock`, tag, summary: "Unblock", body: "TargetRequest", auth: "bearer", rules: "R19" },
  { method: "get", path: `${base}/linked`, tag, summary: "«Привязанные»", auth: "bearer", rules: "R20" },
  { method: "post", path: `${base}/linked/request`, tag, summary: "«Добавить»: send a code to the number", body: "LinkRequest", auth: "bearer", rules: "R20" },
  { method: "post", path: `${base}/linked/confirm`, tag, summary: "Confirm with the code", body: "LinkConfirm", auth: "bearer", rules: "R20" },
  { method: "post", path: `${base}/linked/remove`, tag, summary: "Unlink", body: "LinkRequest", auth: "bearer", rules: "R20" },
  { method: "post", path: `${base}/linked/leave`, tag, summary: "Remove this number from another login's «Привязанные»", body: "LinkLeave", auth: "bearer", rules: "R20" },
  { method: "get", path: `${base}/family`, tag, summary: "«Поделиться пакетами»", auth: "bearer", rules: "R2" },
  { method: "post", path: `${base}/family/invite`, tag, summary: "«Пригласить участника» → «Начать делиться»", body: "FamilyInvite", auth: "bearer", rules: "R2" },
  { method: "post", path: `${base}/family/remove`, tag, summary: "Remove a member", body: "FamilyRemove", auth: "bearer", rules: "R2" },
  { method: "get", path: `${base}/personal`, tag, summary: "Personal data", auth: "bearer", query: ["msisdn"], rules: "R21" },
  { method: "post", path: `${base}/password`, tag, summary: "«Настройки входа»: permanent password", body: "SetPassword", auth: "bearer", rules: "R23" },
  { method: "post", path: `${base}/notifications`, tag, summary: "Charge / login SMS notifications on or off", body: "Notifications", auth: "bearer", rules: "R16" },
  { method: "get", path: `${base}/bonuses`, tag, summary: "Bonus points and offers", auth: "bearer", query: ["msisdn"], rules: "R13" },
  { method: "post", path: `${base}/bonuses/exchange`, tag, summary: "Exchange points for a package", body: "BonusExchange", auth: "bearer", rules: "R13" },
]

export const OPERATIONS: readonly Op[] = [
  ...selfcare("/lk/api", "LK"),
  ...selfcare("/app/api", "App"),
  { method: "get", path: "/app/api/profiles", tag: "App", summary: "Profiles: own and linked numbers", auth: "bearer", rules: "R20" },
  { method: "get", path: "/app/api/tabs/{tab}", tag: "App", summary: "Tabs: main (Мой МТС), account (Счет), tariffs, internet, services, bonuses, roaming, entertainment (Развлечения), support", auth: "bearer", query: ["msisdn"] },
  { method: "post", path: "/app/api/support/chat", tag: "App", summary: "«Поддержка»: a question in the chat ({ text }); a scripted specialist answers", auth: "bearer" },
  { method: "post", path: "/app/api/support/callback", tag: "App", summary: "«Поддержка»: order a callback; the confirmation comes by SMS", auth: "bearer" },
  { method: "post", path: "/kiosk/api/start", tag: "Kiosk", summary: "Enter the number", body: "KioskNumber", rules: "R27" },
  { method: "post", path: "/kiosk/api/order-code", tag: "Kiosk", summary: "«Заказать пароль» (code by SMS from 6262)", body: "KioskNumber", rules: "R27" },
  { method: "post", path: "/kiosk/api/login", tag: "Kiosk", summary: "Enter the code; returns the terminal session token", body: "KioskLogin", rules: "R27 I6" },
  { method: "get", path: "/kiosk/api/menu", tag: "Kiosk", summary: "«Сервис МТС» menu", auth: "kiosk" },
  { method: "get", path: "/kiosk/api/balance", tag: "Kiosk", summary: "Balance", auth: "kiosk" },
  { method: "get", path: "/kiosk/api/services", tag: "Kiosk", summary: "Services", auth: "kiosk" },
  { method: "post", path: "/kiosk/api/services/connect", tag: "Kiosk", summary: "Connect a service", body: "KioskService", auth: "kiosk" },
  { method: "post", path: "/kiosk/api/services/disconnect", tag: "Kiosk", summary: "Disconnect a service", body: "KioskService", auth: "kiosk" },
  { method: "get", path: "/kiosk/api/tariffs", tag: "Kiosk", summary: "Tariffs", auth: "kiosk" },
  { method: "post", path: "/kiosk/api/tariff", tag: "Kiosk", summary: "Tariff change with confirmation", body: "KioskTariff", auth: "kiosk", rules: "R6" },
  { method: "post", path: "/kiosk/api/topup-cash", tag: "Kiosk", summary: "Cash top-up (kopecks)", body: "KioskCash", auth: "kiosk", rules: "R9" },
  { method: "post", path: "/kiosk/api/logout", tag: "Kiosk", summary: "End the terminal session", auth: "kiosk" },
  { method: "get", path: "/api/twins", tag: "Control", summary: "List twins" },
  { method: "post", path: "/api/twins", tag: "Control", summary: "Create a twin {id?, name?, seed?, start?, demo?}" },
  { method: "get", path: "/api/twins/{id}", tag: "Control", summary: "One twin: time, seq, hash" },
  { method: "post", path: "/api/twins/{id}/advance", tag: "Control", summary: "Advance the clock {by: \"1d 2h\"} | {to} | {months}: at most 3660 days per call, one durable simulated day at a time" },
  { method: "post", path: "/api/twins/{id}/commands", tag: "Control", summary: "Execute any core command", body: "Command" },
  { method: "post", path: "/api/twins/{id}/location", tag: "Control", summary: "Set location (home, russia, country)", body: "SetLocation" },
  { method: "post", path: "/api/twins/{id}/network", tag: "Control", summary: "Set mobile-data attachment", body: "SetNetworkAttachment" },
  { method: "post", path: "/api/twins/{id}/usage", tag: "Control", summary: "Inject usage (TMF635 style)", body: "TMF635Usage" },
  { method: "get", path: "/api/twins/{id}/state", tag: "Control", summary: "State: every subscriber's account view" },
  { method: "get", path: "/api/twins/{id}/events", tag: "Control", summary: "Event log", query: ["after", "limit"] },
  { method: "get", path: "/api/twins/{id}/subscribers", tag: "Control", summary: "Subscribers" },
  { method: "get", path: "/api/twins/{id}/subscribers/{msisdn}", tag: "Control", summary: "Account view" },
  { method: "get", path: "/api/twins/{id}/subscribers/{msisdn}/ledger", tag: "Control", summary: "Ledger (I1)" },
  { method: "get", path: "/api/twins/{id}/subscribers/{msisdn}/inbox", tag: "Control", summary: "Handset SMS inbox" },
  { method: "get", path: "/api/twins/{id}/subscribers/{msisdn}/detail", tag: "Control", summary: "Detail for a period", query: ["from", "to"] },
  { method: "get", path: "/api/twins/{id}/tmf654/accountBalance", tag: "TM Forum", summary: "TMF654 account balance", query: ["msisdn"] },
  { method: "get", path: "/api/twins/{id}/tmf654/bucket", tag: "TM Forum", summary: "TMF654 buckets (packages)", query: ["msisdn"] },
  { method: "get", path: "/api/twins/{id}/tmf635/usage", tag: "TM Forum", summary: "TMF635 usage records", query: ["msisdn", "from", "to"] },
  { method: "get", path: "/api/twins/{id}/tmf620/productOffering", tag: "TM Forum", summary: "TMF620 product offerings (tariffs, services, packages)" },
]

const BODIES: Record<string, Schema.Top> = {
  ...BODY_SCHEMAS,
  KioskNumber: KioskNumberBody, KioskLogin: KioskLoginBody, KioskService: KioskServiceBody, KioskTariff: KioskTariffBody, KioskCash: KioskCashBody,
  SetLocation: LocationBody, SetNetworkAttachment: NetworkBody, TMF635Usage: UsageBody,
}

const ErrorSchema: Json = {
  type: "object",
  properties: {
    error: { type: "object", properties: { code: { type: "string" }, field: { type: ["string", "null"] }, message: { type: "string" }, ru: { type: "string" } }, required: ["code", "field", "message", "ru"] },
    text: { type: "string" },
  },
  required: ["error"],
}

const obj = (v: Json | undefined): { [k: string]: Json } => (v !== null && typeof v === "object" && !Array.isArray(v) ? v : {})

let cached: Record<string, Json> | null = null

/** The OpenAPI 3.1 document (built once). */
export const openApiDocument = (): Record<string, Json> => {
  if (cached !== null) return cached
  const schemas: Record<string, Json> = {}
  for (const m of Command.members) schemas[m.fields._tag.schema.literal as string] = jsonSchema(m, schemas)
  schemas.Command = { oneOf: Command.members.map((m) => ({ $ref: `#/components/schemas/${m.fields._tag.schema.literal as string}` })), discriminator: { propertyName: "_tag" } }
  for (const [name, s] of Object.entries(BODIES)) {
    const j = jsonSchema(s, schemas)
    // An identified schema comes back as a $ref to its own definition, already in `schemas`.
    if (obj(j).$ref !== `#/components/schemas/${name}`) schemas[name] = j
  }
  schemas.Error = ErrorSchema
  const paths: Record<string, Record<string, Json>> = {}
  for (const o of OPERATIONS) {
    const params: Json[] = [
      ...[...o.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1] ?? "", in: "path", required: true, schema: { type: "string" } })),
      ...(o.query ?? []).map((q) => ({ name: q, in: "query", required: false, schema: { type: "string" } })),
      { name: "x-twin", in: "header", required: false, description: "Twin id (default: the default twin)", schema: { type: "string" } },
      ...(o.method === "post"
        ? [{ name: "Idempotency-Key", in: "header", required: false, description: "1..255 printable ASCII characters. A repeat with the same key and request gets the first answer (header Idempotent-Replayed: true) and changes nothing; the same key with another request is refused (422).", schema: { type: "string" } }]
        : []),
    ]
    const op: Record<string, Json> = {
      tags: [o.tag],
      summary: o.summary,
      operationId: `${o.method}${o.path.replace(/[{}]/g, "").replace(/[^A-Za-z0-9]+(.)?/g, (_m, ch: string | undefined) => (ch ?? "").toUpperCase())}`,
      parameters: params,
      responses: {
        "200": { description: "OK: `text` is what the subscriber sees (Russian), plus the data", content: { "application/json": { schema: { type: "object" } } } },
        "4XX": { description: "Error naming the field", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
        "503": { description: "Not applied: the store could not write the events (STORE_UNAVAILABLE) or a server cap was reached (CAPACITY); retry later", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
      },
    }
    if (o.rules !== undefined) op.description = `Rules: ${o.rules}`
    if (o.body !== undefined) op.requestBody = { required: true, content: { "application/json": { schema: { $ref: `#/components/schemas/${o.body}` } } } }
    if (o.auth !== undefined) op.security = [{ [o.auth === "bearer" ? "sessionToken" : "kioskToken"]: [] }]
    paths[o.path] = { ...(paths[o.path] ?? {}), [o.method]: op }
  }
  cached = {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Self-service digital twin (ССО МТС)",
      version: "0.1.0",
      description: "ЛК, «Мой МТС», «Электронный Помощник» and the control API of the twin. Money is integer kopecks; time is twin time (Europe/Moscow).",
    },
    servers: [{ url: "/" }],
    tags: [{ name: "LK" }, { name: "App" }, { name: "Kiosk" }, { name: "Control" }, { name: "TM Forum" }],
    paths,
    components: {
      schemas,
      securitySchemes: {
        sessionToken: { type: "http", scheme: "bearer", description: "Token from /lk/api/login or /app/api/login (20-minute idle session)" },
        kioskToken: { type: "http", scheme: "bearer", description: "Terminal session token from /kiosk/api/login" },
      },
    },
  }
  return cached
}
