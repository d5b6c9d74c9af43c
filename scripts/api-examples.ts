// `npx tsx scripts/api-examples.ts`: records one real request and answer for every operation of
// /openapi.json on a fresh demo twin (in memory) and writes channels/openapi-examples.json, which
// the OpenAPI document attaches as examples. Tokens are masked; long lists are cut to 3 items.
import { writeFileSync } from "node:fs"
import { makeApp } from "../server/app.ts"
import { OPERATIONS, opKey, type Example } from "../channels/openapi.ts"
import { Result } from "effect"
import { Registry } from "../core/engine/registry.ts"
import { inboxView } from "../core/engine/views.ts"

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }

const registry = Registry.open(":memory:")
const app = makeApp({ registry })
let TWIN = "docs"
registry.create({ id: "docs", name: "Демо для документации", seed: "docs", demo: true })
registry.create({ id: "docs-app", name: "Демо для документации «Мой МТС»", seed: "docs", demo: true })

const A = "79160000001"
const B = "79160000002"

/** Mask secrets and keep examples short. */
const tidy = (v: Json, key = ""): Json => {
  if (typeof v === "string" && (key === "token" || key === "callId" || key === "sessionId"))
    return key === "token" ? "eyJ0d2luIjoiZG9jcyJ9…" : v
  if (Array.isArray(v)) return v.slice(0, 3).map((x) => tidy(x))
  if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, tidy(x, k)]))
  return v
}

const out: Record<string, Example> = {}

const call = async (
  method: string,
  path: string,
  opts: { body?: Json; token?: string; query?: Record<string, string>; form?: boolean; key?: string } = {},
): Promise<Json> => {
  const qs = opts.query !== undefined ? `?${new URLSearchParams(opts.query).toString()}` : ""
  const headers: Record<string, string> = { "x-twin": TWIN }
  if (opts.token !== undefined) headers.authorization = `Bearer ${opts.token}`
  if (opts.body !== undefined) headers["content-type"] = "application/json"
  const res = await app.request(`${path}${qs}`, {
    method: method.toUpperCase(),
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  })
  const type = res.headers.get("content-type") ?? ""
  const data: Json = type.includes("json") ? ((await res.json()) as Json) : await res.text()
  const key = opts.key ?? `${method} ${path}`
  out[key] = {
    status: res.status,
    ...(opts.body !== undefined ? { request: tidy(opts.body) } : {}),
    ...(opts.query !== undefined ? { query: opts.query } : {}),
    response: tidy(data),
    ...(type.includes("json") ? {} : { contentType: type.split(";")[0] ?? "text/plain" }),
  }
  if (res.status >= 400) console.warn(`${key}: HTTP ${res.status} ${JSON.stringify(data).slice(0, 160)}`)
  return data
}

const obj = (v: Json): Record<string, Json> => (v !== null && typeof v === "object" && !Array.isArray(v) ? v : {})

/** The newest code in the inbox of `msisdn` from `from`. */
const codeFor = (msisdn: string, from: string): string => {
  const t = registry.get(TWIN)
  const inbox = t === undefined ? null : inboxView(t, msisdn)
  const sms = inbox === null || Result.isFailure(inbox) ? [] : inbox.success
  const text = sms.filter((m) => m.from === from).pop()?.text ?? ""
  // The code is the short number in the text (the text may also name a phone number).
  return [...text.matchAll(/(?<!\d)(\d{4,6})(?!\d)/g)].pop()?.[1] ?? ""
}

// ---- telephony
await call("post", "/ussd/dial", { body: { msisdn: A, code: "*100#" } })
await call("post", "/ussd/dial", { body: { msisdn: A, code: "*111#" }, key: "ussd-menu" })
await call("post", "/ussd/reply", { body: { msisdn: A, text: "1" } })
await call("post", "/ussd", { body: { sessionId: "ATUid_docs", serviceCode: "*100#", phoneNumber: `+${A}`, text: "" } })
const callAnswer = obj(await call("post", "/ivr/calls", { body: { msisdn: A, number: "111" } }))
const callId = String(callAnswer.callId ?? "")
await call("post", `/ivr/calls/${callId}/dtmf`, { body: { keys: "1" }, key: "post /ivr/calls/{id}/dtmf" })
await call("get", `/ivr/calls/${callId}`, { key: "get /ivr/calls/{id}" })
await call("delete", `/ivr/calls/${callId}`, { key: "delete /ivr/calls/{id}" })
await call("post", "/sms/send", { body: { from: A, to: "111", text: "2163" } })
await call("get", `/sms/inbox/${A}`, { key: "get /sms/inbox/{msisdn}" })

// ---- LK and app: the same self-service routes
for (const [base, twin] of [
  ["/lk/api", "docs"],
  ["/app/api", "docs-app"],
] as const) {
  TWIN = twin
  const member = "79160000007"
  const link = "79160000003"
  await call("post", `/api/twins/${twin}/network`, { body: { msisdn: B, mobileData: true }, key: "setup" })
  await call("post", `${base}/otp`, { body: { msisdn: A } })
  const otp = codeFor(A, "3339")
  const login = obj(await call("post", `${base}/login`, { body: { msisdn: A, secret: otp } }))
  const token = String(login.token ?? "")
  await call("post", `${base}/login/network`, { body: { msisdn: B } })
  const t = { token }
  await call("get", `${base}/me`, t)
  await call("get", `${base}/overview`, t)
  await call("get", `${base}/balance`, t)
  await call("get", `${base}/packages`, t)
  await call("post", `${base}/topup`, { ...t, body: { amount: 50000, method: "card" } })
  await call("get", `${base}/promised-payment`, t)
  await call("post", `${base}/promised-payment`, { ...t, body: { amount: 10000 } })
  await call("post", `${base}/autopay`, { ...t, body: { mode: "threshold", amount: 50000, threshold: 10000 } })
  await call("post", `${base}/transfer`, { ...t, body: { to: B, amount: 10000 } })
  await call("post", `${base}/pay-provider`, {
    ...t,
    body: {
      provider: registry.defaultCatalog.data.providerPayments.providers[0]?.id ?? "",
      account: "1234567890",
      amount: 30000,
    },
  })
  await call("get", `${base}/expenses`, { ...t, query: { period: "month" } })
  await call("get", `${base}/services`, t)
  await call("post", `${base}/services/connect`, { ...t, body: { service: "goodok" } })
  await call("post", `${base}/services/disconnect`, { ...t, body: { service: "goodok" } })
  await call("post", `${base}/packages/buy`, { ...t, body: { offer: "internet-vip" } })
  await call("get", `${base}/tariffs`, t)
  await call("post", `${base}/tariff`, { ...t, body: { tariff: "smart" } })
  await call("post", `${base}/block`, { ...t, body: {} })
  await call("post", `${base}/unblock`, { ...t, body: {} })
  await call("post", `${base}/linked/request`, { ...t, body: { target: link } })
  await call("post", `${base}/linked/confirm`, { ...t, body: { target: link, code: codeFor(link, "MTS") } })
  await call("get", `${base}/linked`, t)
  await call("post", `${base}/linked/remove`, { ...t, body: { target: link } })
  // R20: a number leaves another login's «Привязанные» from its own session (here: not linked, so refused).
  await call("post", `${base}/linked/leave`, { ...t, body: { owner: link } })
  await call("post", `${base}/family/invite`, { ...t, body: { member, minutes: 100, sms: 50, dataMb: 5120 } })
  await call("get", `${base}/family`, t)
  await call("post", `${base}/family/remove`, { ...t, body: { member } })
  await call("get", `${base}/personal`, t)
  await call("post", `${base}/password`, {
    ...t,
    body: { current: otp, password: "Mts2026abc", confirm: "Mts2026abc" },
  })
  await call("post", `${base}/notifications`, { ...t, body: { charges: true } })
  await call("get", `${base}/bonuses`, t)
  await call("post", `${base}/bonuses/exchange`, { ...t, body: { offer: "bonus-50sms" } })
  if (base === "/app/api") {
    await call("get", "/app/api/profiles", t)
    await call("get", "/app/api/tabs/account", { ...t, key: "get /app/api/tabs/{tab}" })
    await call("post", "/app/api/support/chat", { ...t, body: { text: "Как подключить автоплатеж?" } })
    await call("post", "/app/api/support/callback", { ...t, body: {} })
  }
  await call("post", `${base}/logout`, { ...t, body: {} })
}

TWIN = "docs"

// ---- kiosk
await call("post", "/kiosk/api/start", { body: { msisdn: `8${A.slice(1)}` } })
await call("post", "/kiosk/api/order-code", { body: { msisdn: A } })
const kiosk = obj(await call("post", "/kiosk/api/login", { body: { msisdn: A, code: codeFor(A, "6262") } }))
const kt = { token: String(kiosk.token ?? "") }
await call("get", "/kiosk/api/menu", kt)
await call("get", "/kiosk/api/balance", kt)
await call("get", "/kiosk/api/services", kt)
await call("post", "/kiosk/api/services/connect", { ...kt, body: { service: "goodok" } })
await call("post", "/kiosk/api/services/disconnect", { ...kt, body: { service: "goodok" } })
await call("get", "/kiosk/api/tariffs", kt)
await call("post", "/kiosk/api/tariff", { ...kt, body: { tariff: "smart" } })
await call("post", "/kiosk/api/topup-cash", { ...kt, body: { amount: 10000 } })
await call("post", "/kiosk/api/logout", { ...kt, body: {} })

// ---- control and TM Forum
const tw = `/api/twins/${TWIN}`
await call("get", "/api/twins")
await call("post", "/api/twins", { body: { id: "docs-2", name: "Второй двойник", demo: true } })
await call("get", tw, { key: "get /api/twins/{id}" })
await call("post", `${tw}/commands`, {
  body: { _tag: "TopUp", msisdn: A, amount: 20000, method: "cash" },
  key: "post /api/twins/{id}/commands",
})
await call("post", `${tw}/location`, { body: { msisdn: A, to: "TR" }, key: "post /api/twins/{id}/location" })
await call("post", `${tw}/network`, { body: { msisdn: A, mobileData: true }, key: "post /api/twins/{id}/network" })
await call("post", `${tw}/usage`, {
  body: { msisdn: A, usageType: "call", to: "79031112233", seconds: 120 },
  key: "post /api/twins/{id}/usage",
})
await call("get", `${tw}/state`, { key: "get /api/twins/{id}/state" })
await call("get", `${tw}/events`, { query: { after: "0", limit: "3" }, key: "get /api/twins/{id}/events" })
await call("get", `${tw}/subscribers`, { key: "get /api/twins/{id}/subscribers" })
await call("get", `${tw}/subscribers/${A}`, { key: "get /api/twins/{id}/subscribers/{msisdn}" })
await call("get", `${tw}/subscribers/${A}/ledger`, { key: "get /api/twins/{id}/subscribers/{msisdn}/ledger" })
await call("get", `${tw}/subscribers/${A}/inbox`, { key: "get /api/twins/{id}/subscribers/{msisdn}/inbox" })
await call("get", `${tw}/subscribers/${A}/detail`, {
  query: { from: "2026-06-01", to: "2026-06-02" },
  key: "get /api/twins/{id}/subscribers/{msisdn}/detail",
})
await call("get", `${tw}/tmf654/accountBalance`, {
  query: { msisdn: A },
  key: "get /api/twins/{id}/tmf654/accountBalance",
})
await call("get", `${tw}/tmf654/bucket`, { query: { msisdn: A }, key: "get /api/twins/{id}/tmf654/bucket" })
await call("get", `${tw}/tmf635/usage`, { query: { msisdn: A }, key: "get /api/twins/{id}/tmf635/usage" })
await call("get", `${tw}/tmf620/productOffering`, { key: "get /api/twins/{id}/tmf620/productOffering" })
await call("post", `${tw}/advance`, { body: { by: "1h" }, key: "post /api/twins/{id}/advance" })

const missing = OPERATIONS.filter((o) => out[opKey(o)] === undefined).map(opKey)
if (missing.length > 0) throw new Error(`no example for: ${missing.join(", ")}`)
const file = new URL("../channels/openapi-examples.json", import.meta.url)
const kept = Object.fromEntries(OPERATIONS.map((o) => [opKey(o), out[opKey(o)] as Example]))
writeFileSync(file, `${JSON.stringify(kept, null, 1)}\n`)
console.log(`wrote ${Object.keys(kept).length} examples to ${file.pathname}`)
registry.close()
