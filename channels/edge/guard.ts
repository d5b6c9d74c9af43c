// The request guard every request passes before any router (issue 14): who may use which surface,
// from which host and origin, with which content type. One place, run by the app's edge
// (channels/security.ts guardEdge) before hono routes the request.
//
// Surfaces:
// - control: the control API /api, the handset side /ussd /ivr /sms (they act as whatever number
//   they are given), the trainer console / and its /console/api and event stream. They need the
//   control token (a bearer header or the console's cookie) when the server has one.
// - subscriber: /lk, /app, /kiosk: open, each with its own sessions and codes (core/rules/auth.ts).
// - public: /healthz, /openapi.json, /docs, the console's two static assets.
// On every surface: the Host must be one of the served names (no DNS rebinding), a state-changing
// request from a browser must come from this origin, and a body must have a content type its
// endpoint reads (JSON endpoints only JSON; no text/plain anywhere).
import { sameSecret } from "../security.ts"

export const CONTROL_COOKIE = "twin_control"

export interface EdgeOptions {
  /** The control token, or null when the server runs with --no-auth. */
  readonly token: string | null
  /** Host names (no port) the server answers to; null: any (in-process apps have no socket). */
  readonly hosts: ReadonlySet<string> | null
}

/** In-process apps (tests, CLI, in-process scenarios): no socket, so no token and no host list. */
export const IN_PROCESS: EdgeOptions = { token: null, hosts: null }

type Surface = "control" | "subscriber" | "public" | "console-page"

const CONTROL_PREFIXES = ["/api/", "/ussd/", "/ivr/", "/sms/", "/console/api/", "/console/twins/"]
const CONTROL_EXACT = new Set(["/api", "/ussd", "/ivr", "/sms"])
/** JSON-only endpoints: a POST body there must be application/json. */
const JSON_PREFIXES = ["/api/", "/lk/api/", "/app/api/", "/kiosk/api/", "/console/api/"]

const startsWithAny = (p: string, xs: readonly string[]): boolean => {
  for (const x of xs) if (p.startsWith(x)) return true
  return false
}

export const surfaceOf = (path: string): Surface => {
  if (path === "/") return "console-page"
  if (CONTROL_EXACT.has(path) || startsWithAny(path, CONTROL_PREFIXES)) return "control"
  if (path === "/healthz" || path === "/openapi.json" || path.startsWith("/docs") || path.startsWith("/console/"))
    return "public"
  return "subscriber"
}

/** Scheme, host (with port) and path of a request URL string, without building a URL object. */
const split = (url: string): { origin: string; host: string; path: string } => {
  const s = url.indexOf("//") + 2
  let e = url.indexOf("/", s)
  if (e < 0) e = url.length
  let q = url.indexOf("?", e)
  if (q < 0) q = url.length
  return { origin: url.slice(0, e), host: url.slice(s, e), path: url.slice(e, q) || "/" }
}

/** The host name of a "host[:port]" (IPv6 in brackets kept), lower case. */
export const hostName = (host: string): string => {
  const h = host.toLowerCase()
  if (h.startsWith("[")) return h.slice(0, h.indexOf("]") + 1)
  const i = h.lastIndexOf(":")
  return i < 0 ? h : h.slice(0, i)
}

const refusal = (status: number, code: string, field: string, message: string, ru: string): Response =>
  new Response(JSON.stringify({ error: { code, field, message: `${field}: ${message}`, ru } }), {
    status,
    headers: { "content-type": "application/json" },
  })

/** The control token a request carries: `Authorization: Bearer` or the console's cookie. */
const carriedToken = (req: Request): string | null => {
  const a = req.headers.get("authorization")
  if (a?.startsWith("Bearer ")) return a.slice(7).trim()
  const cookie = req.headers.get("cookie")
  if (cookie === null) return null
  for (const part of cookie.split(";")) {
    const i = part.indexOf("=")
    if (i > 0 && part.slice(0, i).trim() === CONTROL_COOKIE) return part.slice(i + 1).trim()
  }
  return null
}

export const hasControlToken = (req: Request, o: EdgeOptions): boolean => {
  if (o.token === null) return true
  const t = carriedToken(req)
  return t !== null && sameSecret(t, o.token)
}

const consoleLogin = (o: EdgeOptions, given: string, secure: boolean): Response => {
  if (o.token !== null && sameSecret(given, o.token)) {
    // The first URL's token becomes an HTTP-only, same-site cookie; the address bar loses it.
    const cookie = `${CONTROL_COOKIE}=${given}; Path=/; HttpOnly; SameSite=Strict${secure ? "; Secure" : ""}`
    return new Response(null, { status: 303, headers: { location: "/", "set-cookie": cookie } })
  }
  return tokenPage()
}

const tokenPage = (): Response =>
  new Response(
    "<!doctype html><meta charset=utf-8><title>Нужен токен доступа</title><p>Откройте адрес с токеном доступа, " +
      "который напечатал <code>twin serve</code> при запуске (он же в файле <code>&lt;база&gt;.token</code> рядом с базой).</p>",
    { status: 401, headers: { "content-type": "text/html; charset=utf-8" } },
  )

const STATE_CHANGING = (m: string): boolean => m !== "GET" && m !== "HEAD" && m !== "OPTIONS"

/**
 * The guard: null lets the request through; otherwise the refusal answer. Cheap on the hot path:
 * string slices of the URL and a few header reads, no URL or cookie object unless needed.
 */
export const guardRequest = (req: Request, o: EdgeOptions): Response | null => {
  const { origin, host, path } = split(req.url)
  if (o.hosts !== null && !o.hosts.has(hostName(host))) {
    return refusal(
      421,
      "HOST_NOT_ALLOWED",
      "host",
      `this server does not answer to "${host.slice(0, 100)}" (start it with --host to serve another name)`,
      "Неизвестный адрес сервера",
    )
  }
  const method = req.method
  if (STATE_CHANGING(method)) {
    const from = req.headers.get("origin")
    const site = req.headers.get("sec-fetch-site")
    // Pages are served with Referrer-Policy: no-referrer, under which a browser's own form POST
    // carries `Origin: null`; it is accepted only when the browser also says the request is
    // same-origin (Sec-Fetch-Site, which a page cannot set).
    const nullButSameSite = from === "null" && site === "same-origin"
    if (
      (from !== null && from !== origin && !nullButSameSite) ||
      (site !== null && site !== "same-origin" && site !== "none")
    ) {
      return refusal(
        403,
        "FOREIGN_ORIGIN",
        "origin",
        `a state-changing request from ${String(from).slice(0, 100)} is refused; only ${origin} may send one`,
        "Запрос с чужого сайта отклонен",
      )
    }
    const type = req.headers.get("content-type")
    const hasBody =
      type !== null || (req.headers.get("content-length") ?? "0") !== "0" || req.headers.has("transfer-encoding")
    if (hasBody) {
      const t = (type ?? "").toLowerCase()
      const json = t.startsWith("application/json") || (t.startsWith("application/") && t.includes("+json"))
      const form = t.startsWith("application/x-www-form-urlencoded") || t.startsWith("multipart/form-data")
      if (!json && (startsWithAny(path, JSON_PREFIXES) || !form)) {
        return refusal(
          415,
          "UNSUPPORTED_MEDIA_TYPE",
          "content-type",
          `expected application/json${startsWithAny(path, JSON_PREFIXES) ? "" : " or a form"}, ` +
            `got ${type === null ? "none" : `"${type.slice(0, 60)}"`}`,
          "Неверный формат запроса",
        )
      }
    }
  }
  if (o.token === null) return null
  const surface = surfaceOf(path)
  if (surface === "control") {
    return hasControlToken(req, o)
      ? null
      : refusal(
          401,
          "CONTROL_TOKEN_REQUIRED",
          "authorization",
          "this surface needs the control token printed by twin serve (Authorization: Bearer <token>, or open the console's first URL)",
          "Нужен токен доступа",
        )
  }
  if (surface === "console-page" && method === "GET") {
    const q = req.url.indexOf("?token=")
    if (q >= 0)
      return consoleLogin(o, decodeURIComponent(req.url.slice(q + 7).split("&")[0] ?? ""), origin.startsWith("https:"))
    return hasControlToken(req, o) ? null : tokenPage()
  }
  return null
}
