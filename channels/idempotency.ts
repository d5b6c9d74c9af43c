// The idempotency edge of every POST: a request may carry a key (the `Idempotency-Key` header for
// JSON, the hidden `_idem` field of an HTML form). The first request with a key runs and its answer
// is recorded with the twin's log (core/engine/idempotency.ts); a repeat with the same key and the
// same request gets the first answer again, marked `Idempotent-Replayed: true`, and changes
// nothing. The same key with a different request is refused (422); a repeat while the first is
// still running is refused (409). Answers of 5xx are not recorded (nothing was applied: retry);
// a key whose command was written but whose answer was not (a crash in between) is refused (409)
// rather than executed twice.
import { createHash } from "node:crypto"
import type { Context, MiddlewareHandler } from "hono"
import { decodeRecord, encodeRecord, withClaim, type StoredAnswer } from "../core/engine/idempotency.ts"
import type { TwinCore } from "../core/engine/twin-core.ts"
import { twinIdOf, type ChannelDeps } from "./context.ts"

export const IDEMPOTENCY_HEADER = "idempotency-key"
/** The hidden form field carrying the key of an HTML form (one fresh key per rendered form). */
export const IDEMPOTENCY_FIELD = "_idem"
const KEY = /^[\x21-\x7e]{1,255}$/

const refuse = (c: Context, status: 400 | 409 | 422, message: string, ru: string): Response =>
  c.json(
    {
      error: {
        code: status === 400 ? "INVALID_FIELD" : "IDEMPOTENCY_KEY",
        field: "Idempotency-Key",
        message: `Idempotency-Key: ${message}`,
        ru,
      },
    },
    status,
  )

const isForm = (ct: string): boolean =>
  ct.includes("application/x-www-form-urlencoded") || ct.includes("multipart/form-data")

/** The twin a request addresses: the control API's `/api/twins/:id/…`, else the channels' header or query. */
const twinOfRequest = (deps: ChannelDeps, c: Context): TwinCore | undefined => {
  const m = /^\/api\/twins\/([^/]+)\//.exec(c.req.path)
  return deps.registry.get(m !== null ? decodeURIComponent(m[1] as string) : twinIdOf(c))
}

/** The request's fingerprint: method, path, body and who sends it (a key never replays someone else's answer). */
const fingerprint = (c: Context, body: string): string =>
  createHash("sha256")
    .update(
      `${c.req.method} ${c.req.path}\n${c.req.header("authorization") ?? ""}\n` +
        `${c.req.header("cookie")?.replace(/(?:^|;\s*)twin_csrf=[^;]*/, "") ?? ""}\n`,
    )
    .update(body)
    .digest("base64url")

const replay = (a: StoredAnswer): Response => {
  const h = new Headers({ "idempotent-replayed": "true" })
  if (a.contentType !== null) h.set("content-type", a.contentType)
  if (a.location !== null) h.set("location", a.location)
  return new Response(a.status === 204 || a.status === 304 ? null : a.body, { status: a.status, headers: h })
}

export const idempotency = (deps: ChannelDeps): MiddlewareHandler => {
  /** Keys whose first request is being served now, per twin. */
  const running = new Set<string>()
  return async (c, next) => {
    if (c.req.method !== "POST") return next()
    const ct = c.req.header("content-type") ?? ""
    let key = c.req.header(IDEMPOTENCY_HEADER)
    let body: string
    if (isForm(ct)) {
      const form = await c.req.parseBody()
      const field = form[IDEMPOTENCY_FIELD]
      if (key === undefined && typeof field === "string") key = field
      if (key === undefined) return next()
      body = Object.entries(form)
        .filter(([k]) => k !== "_csrf")
        .map(([k, v]) => `${k}=${typeof v === "string" ? v : ""}`)
        .sort()
        .join("&")
    } else {
      if (key === undefined) return next()
      body = await c.req.raw.clone().text()
    }
    if (!KEY.test(key)) return refuse(c, 400, "expected 1..255 printable ASCII characters", "Неверный ключ операции")
    const twin = twinOfRequest(deps, c)
    if (twin === undefined) return next()
    const fp = fingerprint(c, body)
    const seen = twin.log.recall(key)
    if (seen !== null) {
      const r = decodeRecord(seen)
      if (r === null || r.fp !== fp)
        return refuse(
          c,
          422,
          "already used for a different request; use a new key for a new operation",
          "Этот ключ операции уже использован для другого запроса",
        )
      if (r.answer !== null) return replay(r.answer)
      return refuse(
        c,
        409,
        `the request with this key was executed (its first event is #${r.seq}) but its answer was not recorded; ` +
          `check the account before trying again with a new key`,
        "Операция уже выполнена. Проверьте баланс перед повтором",
      )
    }
    const slot = `${twin.id}\n${key}`
    if (running.has(slot))
      return refuse(
        c,
        409,
        "the first request with this key is still running; retry when it has answered",
        "Операция уже выполняется",
      )
    running.add(slot)
    try {
      const before = twin.state.seq
      await withClaim({ twinId: twin.id, key, fingerprint: fp }, () => next())
      const res = c.res
      // 5xx: nothing was applied, a retry runs again. An HTML page is not kept (it carries the
      // browser's CSRF token); HTML actions answer with a redirect (channels/prg.ts), which is.
      if (res.status >= 500 || (res.headers.get("content-type") ?? "").startsWith("text/html")) return
      const answer: StoredAnswer = {
        status: res.status,
        contentType: res.headers.get("content-type"),
        location: res.headers.get("location"),
        body: await res.clone().text(),
      }
      twin.log.remember(key, encodeRecord({ fp, seq: twin.state.seq > before ? before + 1 : 0, answer }))
      try {
        twin.log.flush()
      } catch (e) {
        // The command itself is durable (its claim went with its events); only the stored answer is missing.
        twin.log.discard()
        console.error(`[twin] idempotency answer not recorded: ${e instanceof Error ? e.message : String(e)}`)
      }
    } finally {
      running.delete(slot)
    }
  }
}
