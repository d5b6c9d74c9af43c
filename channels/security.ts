// Edge security shared by the web channels (LK, app, kiosk): bearer tokens for JSON, HTTP-only
// cookies for HTML, double-submit CSRF tokens on HTML forms, and JSON bodies decoded with an
// Effect Schema into a clear 4xx naming the field. Tokens are never logged. Also the app's edge
// itself: the request body limit and the security headers of every answer.
import type { Context, Hono } from "hono"
import { deleteCookie, getCookie, setCookie } from "hono/cookie"
import { createHmac } from "node:crypto"
import { Result } from "effect"
import { err, type DomainError } from "../core/domain/errors.ts"

/** A random URL-safe token for channel-held state (CSRF). Not twin state; sessions are the core's. */
export const randomToken = (bytes = 16): string => {
  const b = new Uint8Array(bytes)
  crypto.getRandomValues(b)
  return [...b].map((x) => x.toString(16).padStart(2, "0")).join("")
}

/** Constant-time comparison of two strings. */
export const sameSecret = (a: string, b: string): boolean => {
  if (a.length !== b.length || a.length === 0) return false
  let d = 0
  for (let i = 0; i < a.length; i++) d |= a.charCodeAt(i) ^ b.charCodeAt(i)
  return d === 0
}

/** The bearer token of a JSON request, or null. */
export const bearerToken = (c: Context): string | null => {
  const h = c.req.header("authorization")
  if (h === undefined) return null
  const m = /^Bearer\s+([A-Za-z0-9._~+/=-]{8,256})$/.exec(h.trim())
  return m?.[1] ?? null
}

const isHttps = (c: Context): boolean => c.req.url.startsWith("https:")

/** Set an HTTP-only, same-site-strict session cookie carrying the core's session token. */
export const setSessionCookie = (c: Context, name: string, token: string, path: string): void => {
  setCookie(c, name, token, { httpOnly: true, sameSite: "Strict", path, secure: isHttps(c) })
}

export const readSessionCookie = (c: Context, name: string): string | null => {
  const v = getCookie(c, name)
  return v !== undefined && /^[A-Za-z0-9_-]{8,256}$/.test(v) ? v : null
}

/** Requests whose session cookie this answer deletes: their pages get the pre-login CSRF token. */
const cleared = new WeakSet<Context>()

export const clearSessionCookie = (c: Context, name: string, path: string): void => {
  deleteCookie(c, name, { path })
  cleared.add(c)
}

/** The session a form is bound to: the request's session cookie, unless this answer ends it. */
const boundSession = (c: Context, sessionCookie: string | undefined): string | null =>
  sessionCookie === undefined || cleared.has(c) ? null : readSessionCookie(c, sessionCookie)

/**
 * The CSRF token of a logged-in browser, bound to its session (issue 14): HMAC-SHA-256 keyed by
 * the session token (itself a draw of the twin's keyed generator), so it is useless in any other
 * session and cannot be made without the session's own secret.
 */
export const sessionCsrf = (sessionToken: string): string =>
  createHmac("sha256", sessionToken).update("twin csrf").digest("hex").slice(0, 32)

export const CSRF_COOKIE = "twin_csrf"
export const CSRF_FIELD = "_csrf"

/**
 * The CSRF token of a form: bound to the session when the browser has one (`sessionCookie` names
 * its cookie), else the pre-login double-submit token: read the cookie, or mint and set one.
 */
export const csrfToken = (c: Context, sessionCookie?: string): string => {
  const session = boundSession(c, sessionCookie)
  if (session !== null) return sessionCsrf(session)
  const cur = getCookie(c, CSRF_COOKIE)
  if (cur !== undefined && /^[a-f0-9]{32}$/.test(cur)) return cur
  const t = randomToken()
  setCookie(c, CSRF_COOKIE, t, { httpOnly: true, sameSite: "Strict", path: "/", secure: isHttps(c) })
  return t
}

/**
 * A form post is genuine when its hidden `_csrf` field is its session's token (with a session
 * cookie), or else equals the browser's pre-login CSRF cookie.
 */
export const csrfValid = (c: Context, form: Record<string, unknown>, sessionCookie?: string): boolean => {
  const field = form[CSRF_FIELD]
  if (typeof field !== "string") return false
  const session = sessionCookie === undefined ? null : readSessionCookie(c, sessionCookie)
  if (session !== null) return sameSecret(sessionCsrf(session), field)
  const cookie = getCookie(c, CSRF_COOKIE)
  return cookie !== undefined && sameSecret(cookie, field)
}

export const csrfError = (): DomainError =>
  err(
    "NOT_AUTHORIZED",
    "_csrf: missing or wrong form token; reload the page and try again",
    "Страница устарела. Обновите ее и повторите действие",
    "_csrf",
  )

/** Parse a JSON body: an object, or a DomainError naming `body`. An empty body is `{}`. */
export const readJsonObject = async (c: Context): Promise<Result.Result<Record<string, unknown>, DomainError>> => {
  const text = await c.req.text()
  if (text.trim() === "") return Result.succeed({})
  let v: unknown
  try {
    v = JSON.parse(text)
  } catch {
    return Result.fail(err("INVALID_FIELD", "body: malformed JSON", "Неверный запрос", "body"))
  }
  if (typeof v !== "object" || v === null || Array.isArray(v))
    return Result.fail(err("INVALID_FIELD", "body: expected a JSON object", "Неверный запрос", "body"))
  return Result.succeed(v as Record<string, unknown>)
}

/** Decode input with a Schema at the edge: unknown fields refused, the error names the field (channels/edge/decode.ts). */
export { decodeStrict as decodeWith } from "./edge/decode.ts"

// ---- security headers of every answer ----------------------------------------------------------

/** Own scripts only (no inline script), own and inline styles, own and data: images. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:"

/**
 * The headers of every answer: hono's `secureHeaders` defaults (same names, values and order) with
 * the CSP above. Precomputed once; test/e2e/security-headers.test.ts holds them equal to hono's.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  "Cross-Origin-Resource-Policy": "same-origin",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Origin-Agent-Cluster": "?1",
  "Referrer-Policy": "no-referrer",
  "Strict-Transport-Security": "max-age=15552000; includeSubDomains",
  "X-Content-Type-Options": "nosniff",
  "X-DNS-Prefetch-Control": "off",
  "X-Download-Options": "noopen",
  "X-Frame-Options": "SAMEORIGIN",
  "X-Permitted-Cross-Domain-Policies": "none",
  "X-XSS-Protection": "0",
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
})
const SECURITY_ENTRIES = Object.entries(SECURITY_HEADERS)

// Frozen and shared by every JSON answer: the Response (and @hono/node-server's cached response,
// which hands it to writeHead and copies it before adding Content-Length) only reads it.
const JSON_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  "Content-Type": "application/json",
  ...SECURITY_HEADERS,
})

const SECURED = Symbol("twin.secured")
type Marked = Response & { [SECURED]?: true }

/**
 * A JSON answer that already carries the security headers, in one plain header record: the node
 * adapter writes it as is, with no Headers object built, filled and copied again per answer. Only
 * for handlers that set no header or cookie through the context (`c.header`, `setCookie`): those
 * go with `c.json`, and `guardEdge` adds the headers afterwards.
 */
export const jsonAnswer = (body: unknown, status = 200): Response => {
  const r: Marked = new Response(JSON.stringify(body), { status, headers: JSON_HEADERS })
  r[SECURED] = true
  return r
}

/** The answer with the security headers (overwriting), without X-Powered-By; `jsonAnswer`s have them already. */
const secured = (res: Response): Response => {
  if ((res as Marked)[SECURED] === true) return res
  const h = res.headers
  for (const [k, v] of SECURITY_ENTRIES) h.set(k, v)
  h.delete("X-Powered-By")
  return res
}

const securedAll = (r: Response | Promise<Response>): Response | Promise<Response> =>
  r instanceof Promise ? r.then(secured) : secured(r)

/** A streamed (chunked) body read into memory while it stays within `max` bytes; null beyond. */
const boundedBody = async (req: Request, max: number): Promise<Request | null> => {
  if (req.body === null) return req
  const reader = req.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > max) return null
    chunks.push(value)
  }
  return new Request(req, { body: Buffer.concat(chunks, size) })
}

/**
 * The app's edge, around hono's own `fetch` so that no route pays for a middleware chain (hono
 * calls a route's only handler directly, and a synchronous answer stays synchronous):
 * - request bodies over `maxBytes` are refused with `tooLarge()` before any handler runs: a
 *   declared length is judged from the header, a chunked body is counted while it streams (and
 *   handed on read). GET and HEAD skip it: looking at their body would build the full Request
 *   object of the node server, which was most of the cost of a GET;
 * - every answer gets the security headers (strict CSP and the rest), errors and 404s included.
 */
export const guardEdge = <A extends Hono>(
  app: A,
  maxBytes: number,
  tooLarge: () => Response,
  check: (req: Request) => Response | null = () => null,
): A => {
  const inner = app.fetch
  app.fetch = (req, env, ctx) => {
    // Host, origin, content type and control token (channels/edge/guard.ts), before anything else.
    const refused = check(req)
    if (refused !== null) return secured(refused)
    const method = req.method
    if (method !== "GET" && method !== "HEAD") {
      const length = req.headers.get("content-length")
      if (length === null || req.headers.has("transfer-encoding")) {
        return boundedBody(req, maxBytes).then((r) => (r === null ? tooLarge() : securedAll(inner(r, env, ctx))))
      }
      if (Number(length) > maxBytes) return tooLarge()
    }
    return securedAll(inner(req, env, ctx))
  }
  return app
}
