// WebDriver (channels/driver.ts) for the LK, the «Мой МТС» app and the «Электронный Помощник»
// kiosk, over their JSON HTTP APIs. Keeps one session token per number and channel. Arguments
// are checked and converted by the operation's parameters (channels/web-ops.ts): amounts in
// rubles (500, "150.50") become kopecks, volumes ("5GB") megabytes; a bad argument is refused
// here with INVALID_FIELD naming it, before any request.
import type { ChannelReply, ErrorBody, Fetcher, WebDriver } from "./driver.ts"
import { TWIN_HEADER } from "./context.ts"
import { NETWORK_IDENTITY_HEADER } from "./edge/network.ts"
import { decodeArgs, operationNames, operationOf, type WebChannel } from "./web-ops.ts"

const BASE = "http://twin.local"

interface Call {
  method: "GET" | "POST"
  path: string
  body?: Record<string, unknown>
  query?: Record<string, string>
  headers?: Record<string, string>
}

/** R6: ask for the tariff change, then confirm it (unless `confirmed: false`); the reply shows both screens. */
const changeTariff = async (
  post: (path: string, body: Record<string, unknown>) => Promise<ChannelReply>,
  a: Args,
): Promise<ChannelReply> => {
  const first = await post("/tariff", { tariff: a.str("tariff") })
  const d = first.data as { confirmationRequired?: unknown } | null
  if (!first.ok || d === null || d.confirmationRequired !== true || a.get("confirmed") === false) return first
  const second = await post("/tariff", { tariff: a.str("tariff"), confirmed: true })
  return { ...second, text: `${first.text}\n${second.text}` }
}

/** Decoded arguments of one operation (channels/web-ops.ts): money in kopecks, volumes in MB. */
interface Args {
  get(k: string): unknown
  str(k: string): string | undefined
}

const argsOf = (values: Record<string, unknown>): Args => ({
  get: (k) => values[k],
  str: (k) => (typeof values[k] === "string" ? (values[k] as string) : undefined),
})

/** Drop undefined values so optional fields stay absent. */
const clean = (o: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined))

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
  const text =
    typeof obj.text === "string" ? obj.text : error !== null ? error.ru : typeof data === "string" ? data : ""
  return { ok: res.ok && error === null, text, end: false, status: res.status, error, data }
}

const localError = (code: string, field: string, message: string, ru: string): ChannelReply => ({
  ok: false,
  text: ru,
  end: false,
  status: 400,
  error: { code, field, message, ru },
  data: null,
})

abstract class HttpDriver {
  protected readonly tokens = new Map<string, string>()
  constructor(
    protected readonly fetcher: Fetcher,
    protected readonly twinId: string,
    protected readonly base: string,
  ) {}

  protected async call(msisdn: string, c: Call): Promise<ChannelReply> {
    const url = new URL(`${BASE}${this.base}${c.path}`)
    for (const [k, v] of Object.entries(c.query ?? {})) url.searchParams.set(k, v)
    const headers: Record<string, string> = { [TWIN_HEADER]: this.twinId, accept: "application/json" }
    const token = this.tokens.get(msisdn)
    if (token !== undefined) headers.authorization = `Bearer ${token}`
    if (c.body !== undefined) headers["content-type"] = "application/json"
    if (c.headers !== undefined) Object.assign(headers, c.headers)
    const res = await this.fetcher(
      new Request(url, {
        method: c.method,
        headers,
        ...(c.body !== undefined ? { body: JSON.stringify(c.body) } : {}),
      }),
    )
    return toReply(res)
  }

  /**
   * R26: log in as the handset on mobile data does: the control API issues the network identity
   * the operator's gateway inserts (channels/edge/network.ts), and the login request carries it.
   */
  protected async networkLogin(msisdn: string): Promise<ChannelReply> {
    const id = await this.fetcher(
      new Request(`${BASE}/api/twins/${encodeURIComponent(this.twinId)}/subscribers/${msisdn}/network-identity`, {
        method: "POST",
        headers: { accept: "application/json" },
      }),
    )
    const r = await toReply(id)
    const value = (r.data as { value?: unknown } | null)?.value
    if (!r.ok || typeof value !== "string") return r
    return this.call(msisdn, {
      method: "POST",
      path: "/login/network",
      body: { msisdn },
      headers: { [NETWORK_IDENTITY_HEADER]: value },
    })
  }

  protected remember(msisdn: string, r: ChannelReply): ChannelReply {
    const d = r.data as { token?: unknown } | null
    if (r.ok && d !== null && typeof d.token === "string") this.tokens.set(msisdn, d.token)
    return r
  }
}

/** Check and convert the arguments of `op` on `channel`; a refusal naming the first bad one, or the decoded arguments. */
const prepare = (channel: WebChannel, op: string, raw: Record<string, unknown>): ChannelReply | Args => {
  const o = operationOf(channel, op)
  if (o === undefined)
    return localError(
      "UNKNOWN_OPERATION",
      "op",
      `op: ${channel} has no operation "${op}"; it offers ${operationNames(channel).join(", ")}`,
      "Неизвестное действие",
    )
  const { values, problems } = decodeArgs(o, raw)
  const p = problems[0]
  return p === undefined
    ? argsOf(values)
    : localError("INVALID_FIELD", p.key, `${p.key}: ${p.message}`, "Неверные данные")
}

/** LK or app: the self-service JSON API at `base` (/lk/api, /app/api). */
class SelfcareDriver extends HttpDriver implements WebDriver {
  readonly operations: readonly string[]
  constructor(
    fetcher: Fetcher,
    twinId: string,
    readonly channel: "lk" | "app",
    base: string,
  ) {
    super(fetcher, twinId, base)
    this.operations = operationNames(channel)
  }

  async perform(msisdn: string, op: string, raw: Record<string, unknown>): Promise<ChannelReply> {
    const a = prepare(this.channel, op, raw)
    if (!("get" in a)) return a
    /** `msisdn`: act on a linked number instead of the login's own (R20). */
    const on = a.str("msisdn")
    const q = on !== undefined ? { msisdn: on } : undefined
    const get = (path: string, query: Record<string, string> = {}): Promise<ChannelReply> =>
      this.call(msisdn, { method: "GET", path, query: { ...query, ...q } })
    const post = (path: string, body: Record<string, unknown> = {}): Promise<ChannelReply> =>
      this.call(msisdn, { method: "POST", path, body: clean({ ...body, ...(on !== undefined ? { msisdn: on } : {}) }) })
    const postOwn = (path: string, body: Record<string, unknown>): Promise<ChannelReply> =>
      this.call(msisdn, { method: "POST", path, body: clean(body) })
    switch (op) {
      case "request-code":
        return this.call(msisdn, { method: "POST", path: "/otp", body: { msisdn } })
      case "login": {
        const secret = a.str("code") ?? a.str("password")
        const r =
          secret === undefined || a.get("network") === true
            ? await this.networkLogin(msisdn)
            : await this.call(msisdn, { method: "POST", path: "/login", body: { msisdn, secret } })
        return this.remember(msisdn, r)
      }
      case "logout": {
        const r = await this.call(msisdn, { method: "POST", path: "/logout", body: {} })
        this.tokens.delete(msisdn)
        return r
      }
      case "overview":
        return get("/overview")
      case "balance":
        return get("/balance")
      case "topup":
        return post("/topup", { amount: a.get("amount") ?? 50_000, method: a.str("method") })
      case "promised-payment":
        return post("/promised-payment", { amount: a.get("amount") })
      case "autopay":
        return post("/autopay", {
          mode: a.str("mode") ?? (a.get("threshold") !== undefined ? "threshold" : "date"),
          amount: a.get("amount"),
          day: a.get("day"),
          threshold: a.get("threshold"),
        })
      case "transfer":
        return post("/transfer", { to: a.str("to"), amount: a.get("amount") })
      case "pay-provider":
        return post("/pay-provider", {
          provider: a.str("provider"),
          account: a.str("account"),
          amount: a.get("amount"),
        })
      case "expenses": {
        const from = a.str("from")
        const to = a.str("to")
        return get(
          "/expenses",
          from !== undefined || to !== undefined
            ? (clean({ from, to }) as Record<string, string>)
            : { period: a.str("period") ?? "today" },
        )
      }
      case "packages":
        return get("/packages")
      case "buy-package":
        return post("/packages/buy", { offer: a.str("offer") })
      case "services":
        return get("/services")
      case "connect-service":
        return post("/services/connect", { service: a.str("service") })
      case "disconnect-service":
        return post("/services/disconnect", { service: a.str("service") })
      case "tariffs":
        return get("/tariffs")
      case "change-tariff":
        return changeTariff(post, a)
      case "block":
        return post("/block")
      case "unblock":
        return post("/unblock")
      case "linked":
        return get("/linked")
      case "link-request":
        return postOwn("/linked/request", { target: a.str("target") })
      case "link-confirm":
        return postOwn("/linked/confirm", { target: a.str("target"), code: a.str("code") })
      case "unlink":
        return postOwn("/linked/remove", { target: a.str("target") })
      case "leave-link":
        return postOwn("/linked/leave", { owner: a.str("owner") })
      case "family":
        return get("/family")
      case "family-invite":
        return postOwn("/family/invite", {
          member: a.str("member"),
          minutes: a.get("minutes") ?? 0,
          sms: a.get("sms") ?? 0,
          dataMb: a.get("data") ?? 0,
        })
      case "family-remove":
        return postOwn("/family/remove", { member: a.str("member") })
      case "set-password":
        return postOwn("/password", {
          current: a.str("current"),
          password: a.str("password"),
          confirm: a.str("confirm") ?? a.str("password"),
        })
      case "personal-data":
        return get("/personal")
      case "bonuses":
        return get("/bonuses")
      case "exchange-bonus":
        return post("/bonuses/exchange", { offer: a.str("offer") })
      case "notifications":
        return postOwn("/notifications", { charges: a.get("charges"), logins: a.get("logins") })
      case "profiles":
        return get("/profiles")
      case "tab":
        return get(`/tabs/${encodeURIComponent(a.str("tab") ?? "account")}`)
      case "support-chat":
        return postOwn("/support/chat", { text: a.str("text") })
      case "support-callback":
        return postOwn("/support/callback", {})
      default:
        return localError(
          "UNKNOWN_OPERATION",
          "op",
          `op: ${this.channel} has no operation "${op}"; see operations`,
          "Неизвестное действие",
        )
    }
  }
}

/** «Электронный Помощник»: the terminal screen API at /kiosk/api. */
class KioskDriver extends HttpDriver implements WebDriver {
  readonly channel = "kiosk" as const
  readonly operations: readonly string[] = operationNames("kiosk")

  async perform(msisdn: string, op: string, raw: Record<string, unknown>): Promise<ChannelReply> {
    const a = prepare("kiosk", op, raw)
    if (!("get" in a)) return a
    const post = (path: string, body: Record<string, unknown> = {}): Promise<ChannelReply> =>
      this.call(msisdn, { method: "POST", path, body: clean(body) })
    switch (op) {
      case "start":
        return post("/start", { msisdn })
      case "order-code":
        return post("/order-code", { msisdn })
      case "login":
        return this.remember(msisdn, await post("/login", { msisdn, code: a.str("code") }))
      case "menu":
        return this.call(msisdn, { method: "GET", path: "/menu" })
      case "balance":
        return this.call(msisdn, { method: "GET", path: "/balance" })
      case "services":
        return this.call(msisdn, { method: "GET", path: "/services" })
      case "tariffs":
        return this.call(msisdn, { method: "GET", path: "/tariffs" })
      case "connect-service":
        return post("/services/connect", { service: a.str("service") })
      case "disconnect-service":
        return post("/services/disconnect", { service: a.str("service") })
      case "change-tariff":
        return changeTariff(post, a)
      case "topup-cash":
        return post("/topup-cash", { amount: a.get("amount") })
      case "logout": {
        const r = await post("/logout")
        this.tokens.delete(msisdn)
        return r
      }
      default:
        return localError(
          "UNKNOWN_OPERATION",
          "op",
          `op: kiosk has no operation "${op}"; see operations`,
          "Неизвестное действие",
        )
    }
  }
}

export const makeWebDrivers = (
  fetcher: Fetcher,
  twinId: string,
): { lk: WebDriver; app: WebDriver; kiosk: WebDriver } => ({
  lk: new SelfcareDriver(fetcher, twinId, "lk", "/lk/api"),
  app: new SelfcareDriver(fetcher, twinId, "app", "/app/api"),
  kiosk: new KioskDriver(fetcher, twinId, "/kiosk/api"),
})
