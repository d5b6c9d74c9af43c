// WebDriver (channels/driver.ts) for the LK, the «Мой МТС» app and the «Электронный Помощник»
// kiosk, over their JSON HTTP APIs. Keeps one session token per number and channel; amounts in
// the arguments are rubles ("500", 500, "1 500,00"), converted to kopecks for the API.
import type { ChannelReply, ErrorBody, Fetcher, WebDriver } from "./driver.ts"
import { TWIN_HEADER } from "./context.ts"
import { NETWORK_IDENTITY_HEADER } from "./edge/network.ts"
import { parseRubles } from "../core/domain/money.ts"

const BASE = "http://twin.local"

interface Call { method: "GET" | "POST"; path: string; body?: Record<string, unknown>; query?: Record<string, string>; headers?: Record<string, string> }

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined)

/** R6: ask for the tariff change, then confirm it (unless `confirm: false`); the reply shows both screens. */
const changeTariff = async (post: (path: string, body: Record<string, unknown>) => Promise<ChannelReply>, args: Record<string, unknown>): Promise<ChannelReply> => {
  const first = await post("/tariff", { tariff: str(args.tariff) })
  const d = first.data as { confirmationRequired?: unknown } | null
  if (!first.ok || d === null || d.confirmationRequired !== true || args.confirm === false) return first
  const second = await post("/tariff", { tariff: str(args.tariff), confirmed: true })
  return { ...second, text: `${first.text}\n${second.text}` }
}

/** Rubles in the arguments → kopecks; a malformed amount is passed through so the API names the field. */
const kop = (v: unknown): unknown => {
  if (typeof v !== "string" && typeof v !== "number") return v
  return parseRubles(v) ?? v
}

const bool = (v: unknown): boolean | undefined =>
  typeof v === "boolean" ? v : v === "on" || v === "true" || v === "да" ? true : v === "off" || v === "false" || v === "нет" ? false : undefined

/** Drop undefined values so optional fields stay absent. */
const clean = (o: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined))

const toReply = async (res: Response): Promise<ChannelReply> => {
  const raw = await res.text()
  let data: unknown = null
  try {
    data = raw === "" ? null : JSON.parse(raw)
  } catch {
    data = raw
  }
  const obj = typeof data === "object" && data !== null ? (data as Record<string, unknown>) : {}
  const e = obj.error as ErrorBody | undefined
  const error: ErrorBody | null = e !== undefined && typeof e === "object" ? e : null
  const text = typeof obj.text === "string" ? obj.text : error !== null ? error.ru : typeof data === "string" ? data : ""
  return { ok: res.ok && error === null, text, end: false, status: res.status, error, data }
}

const localError = (code: string, field: string, message: string, ru: string): ChannelReply => ({
  ok: false, text: ru, end: false, status: 400, error: { code, field, message, ru }, data: null,
})

abstract class HttpDriver {
  protected readonly tokens = new Map<string, string>()
  constructor(protected readonly fetcher: Fetcher, protected readonly twinId: string, protected readonly base: string) {}

  protected async call(msisdn: string, c: Call): Promise<ChannelReply> {
    const url = new URL(`${BASE}${this.base}${c.path}`)
    for (const [k, v] of Object.entries(c.query ?? {})) url.searchParams.set(k, v)
    const headers: Record<string, string> = { [TWIN_HEADER]: this.twinId, accept: "application/json" }
    const token = this.tokens.get(msisdn)
    if (token !== undefined) headers.authorization = `Bearer ${token}`
    if (c.body !== undefined) headers["content-type"] = "application/json"
    if (c.headers !== undefined) Object.assign(headers, c.headers)
    const res = await this.fetcher(new Request(url, { method: c.method, headers, ...(c.body !== undefined ? { body: JSON.stringify(c.body) } : {}) }))
    return toReply(res)
  }

  /**
   * R26: log in as the handset on mobile data does: the control API issues the network identity
   * the operator's gateway inserts (channels/edge/network.ts), and the login request carries it.
   */
  protected async networkLogin(msisdn: string): Promise<ChannelReply> {
    const id = await this.fetcher(new Request(`${BASE}/api/twins/${encodeURIComponent(this.twinId)}/subscribers/${msisdn}/network-identity`, { method: "POST", headers: { accept: "application/json" } }))
    const r = await toReply(id)
    const value = (r.data as { value?: unknown } | null)?.value
    if (!r.ok || typeof value !== "string") return r
    return this.call(msisdn, { method: "POST", path: "/login/network", body: { msisdn }, headers: { [NETWORK_IDENTITY_HEADER]: value } })
  }

  protected remember(msisdn: string, r: ChannelReply): ChannelReply {
    const d = r.data as { token?: unknown } | null
    if (r.ok && d !== null && typeof d.token === "string") this.tokens.set(msisdn, d.token)
    return r
  }
}

const SELFCARE_OPS = [
  "request-code", "login", "logout", "overview", "balance", "topup", "promised-payment", "autopay", "transfer", "expenses", "packages",
  "buy-package", "services", "connect-service", "disconnect-service", "tariffs", "change-tariff", "block", "unblock", "linked",
  "link-request", "link-confirm", "unlink", "leave-link", "family", "family-invite", "family-remove", "set-password", "personal-data", "bonuses",
  "exchange-bonus", "notifications",
] as const

/** LK or app: the self-service JSON API at `base` (/lk/api, /app/api). */
class SelfcareDriver extends HttpDriver implements WebDriver {
  readonly operations: readonly string[]
  constructor(fetcher: Fetcher, twinId: string, readonly channel: "lk" | "app", base: string) {
    super(fetcher, twinId, base)
    this.operations = channel === "app" ? [...SELFCARE_OPS, "profiles", "tab"] : [...SELFCARE_OPS]
  }

  async perform(msisdn: string, op: string, args: Record<string, unknown>): Promise<ChannelReply> {
    /** `number`: act on a linked number instead of the login's own. */
    const on = str(args.number)
    const q = on !== undefined ? { msisdn: on } : undefined
    const get = (path: string, query: Record<string, string> = {}): Promise<ChannelReply> => this.call(msisdn, { method: "GET", path, query: { ...query, ...q } })
    const post = (path: string, body: Record<string, unknown> = {}): Promise<ChannelReply> =>
      this.call(msisdn, { method: "POST", path, body: clean({ ...body, ...(on !== undefined ? { msisdn: on } : {}) }) })
    const postOwn = (path: string, body: Record<string, unknown>): Promise<ChannelReply> => this.call(msisdn, { method: "POST", path, body: clean(body) })
    switch (op) {
      case "request-code": return this.call(msisdn, { method: "POST", path: "/otp", body: { msisdn } })
      case "login": {
        const secret = str(args.code) ?? str(args.password) ?? str(args.secret)
        const r = secret === undefined || args.network === true
          ? await this.networkLogin(msisdn)
          : await this.call(msisdn, { method: "POST", path: "/login", body: { msisdn, secret } })
        return this.remember(msisdn, r)
      }
      case "logout": {
        const r = await this.call(msisdn, { method: "POST", path: "/logout", body: {} })
        this.tokens.delete(msisdn)
        return r
      }
      case "overview": return get("/overview")
      case "balance": return get("/balance")
      case "topup": return post("/topup", { amount: kop(args.amount ?? 500), method: str(args.method) })
      case "promised-payment": return post("/promised-payment", { amount: args.amount === undefined ? undefined : kop(args.amount) })
      case "autopay": return post("/autopay", {
        mode: str(args.mode) ?? (args.threshold !== undefined ? "threshold" : "date"),
        amount: args.amount === undefined ? undefined : kop(args.amount),
        day: args.day, threshold: args.threshold === undefined ? undefined : kop(args.threshold),
      })
      case "transfer": return post("/transfer", { to: str(args.to), amount: kop(args.amount) })
      case "expenses": {
        const from = str(args.from)
        const to = str(args.to)
        return get("/expenses", from !== undefined || to !== undefined ? clean({ from, to }) as Record<string, string> : { period: str(args.period) ?? "today" })
      }
      case "packages": return get("/packages")
      case "buy-package": return post("/packages/buy", { offer: str(args.offer) })
      case "services": return get("/services")
      case "connect-service": return post("/services/connect", { service: str(args.service) })
      case "disconnect-service": return post("/services/disconnect", { service: str(args.service) })
      case "tariffs": return get("/tariffs")
      case "change-tariff": return changeTariff(post, args)
      case "block": return post("/block")
      case "unblock": return post("/unblock")
      case "linked": return get("/linked")
      case "link-request": return postOwn("/linked/request", { target: str(args.target) })
      case "link-confirm": return postOwn("/linked/confirm", { target: str(args.target), code: str(args.code) })
      case "unlink": return postOwn("/linked/remove", { target: str(args.target) })
      case "leave-link": return postOwn("/linked/leave", { owner: str(args.owner) })
      case "family": return get("/family")
      case "family-invite": {
        const gb = args.gb === undefined ? 0 : Number(args.gb)
        return postOwn("/family/invite", {
          member: str(args.member), minutes: args.minutes ?? 0, sms: args.sms ?? 0,
          dataMb: args.dataMb ?? (Number.isFinite(gb) ? Math.round(gb * 1024) : args.gb),
        })
      }
      case "family-remove": return postOwn("/family/remove", { member: str(args.member) })
      case "set-password": return postOwn("/password", { password: str(args.password) })
      case "personal-data": return get("/personal")
      case "bonuses": return get("/bonuses")
      case "exchange-bonus": return post("/bonuses/exchange", { offer: str(args.offer) })
      case "notifications": return postOwn("/notifications", { charges: bool(args.charges), logins: bool(args.logins) })
      case "profiles": return get("/profiles")
      case "tab": return get(`/tabs/${encodeURIComponent(str(args.tab) ?? "account")}`)
      default: return localError("UNKNOWN_OPERATION", "op", `op: ${this.channel} has no operation "${op}"; see operations`, "Неизвестное действие")
    }
  }
}

const KIOSK_OPS = ["start", "order-code", "login", "menu", "balance", "services", "connect-service", "disconnect-service", "tariffs", "change-tariff", "topup-cash", "logout"] as const

/** «Электронный Помощник»: the terminal screen API at /kiosk/api. */
class KioskDriver extends HttpDriver implements WebDriver {
  readonly channel = "kiosk" as const
  readonly operations: readonly string[] = KIOSK_OPS

  async perform(msisdn: string, op: string, args: Record<string, unknown>): Promise<ChannelReply> {
    const post = (path: string, body: Record<string, unknown> = {}): Promise<ChannelReply> => this.call(msisdn, { method: "POST", path, body: clean(body) })
    switch (op) {
      case "start": return post("/start", { msisdn })
      case "order-code": return post("/order-code", { msisdn })
      case "login": return this.remember(msisdn, await post("/login", { msisdn, code: str(args.code) }))
      case "menu": return this.call(msisdn, { method: "GET", path: "/menu" })
      case "balance": return this.call(msisdn, { method: "GET", path: "/balance" })
      case "services": return this.call(msisdn, { method: "GET", path: "/services" })
      case "tariffs": return this.call(msisdn, { method: "GET", path: "/tariffs" })
      case "connect-service": return post("/services/connect", { service: str(args.service) })
      case "disconnect-service": return post("/services/disconnect", { service: str(args.service) })
      case "change-tariff": return changeTariff(post, args)
      case "topup-cash": return post("/topup-cash", { amount: kop(args.amount) })
      case "logout": {
        const r = await post("/logout")
        this.tokens.delete(msisdn)
        return r
      }
      default: return localError("UNKNOWN_OPERATION", "op", `op: kiosk has no operation "${op}"; see operations`, "Неизвестное действие")
    }
  }
}

export const makeWebDrivers = (fetcher: Fetcher, twinId: string): { lk: WebDriver; app: WebDriver; kiosk: WebDriver } => ({
  lk: new SelfcareDriver(fetcher, twinId, "lk", "/lk/api"),
  app: new SelfcareDriver(fetcher, twinId, "app", "/app/api"),
  kiosk: new KioskDriver(fetcher, twinId, "/kiosk/api"),
})
