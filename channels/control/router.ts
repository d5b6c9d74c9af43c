// Control API for twins: create, list, advance the clock, run commands, read state, events and
// ledger. Operator-level (no subscriber session): it is how scenarios, QA and trainers drive a twin.
import { Hono } from "hono"
import { Result } from "effect"
import { addMonths, parseDuration, parseInstant, formatMskIso } from "../../core/domain/time.ts"
import { accountView, detailView, eventsOf, inboxView, ledgerOf } from "../../core/engine/views.ts"
import { TooManyTwins, TwinExists } from "../../core/engine/registry.ts"
import { isStorageError, storeUnavailable } from "../../core/engine/twin-core.ts"
import { errorBody, statusFor, type ChannelDeps } from "../context.ts"
import type { TwinCore } from "../../core/engine/twin-core.ts"
import { bad, twinOr404 } from "./common.ts"
import { tmfRoutes } from "./tmf.ts"
import { NETWORK_IDENTITY_COOKIE, NETWORK_IDENTITY_HEADER } from "../edge/network.ts"
import { setCookie } from "hono/cookie"

const twinJson = (t: TwinCore) => ({
  id: t.id,
  name: t.name,
  now: t.now,
  nowIso: t.nowIso(),
  seq: t.state.seq,
  subscribers: t.state.subscribers.size,
  hash: t.hash(),
})

const readJson = async (req: Request): Promise<unknown> => {
  try {
    return await req.json()
  } catch {
    return Symbol.for("bad-json")
  }
}

export const controlRouter = (deps: ChannelDeps): Hono => {
  const r = new Hono()
  const reg = deps.registry

  r.get("/twins", (c) => c.json({ twins: reg.list().map(twinJson) }))
  r.post("/twins", async (c) => {
    const body = await readJson(c.req.raw)
    if (typeof body !== "object" || body === null) return c.json(bad("body", "expected a JSON object"), 400)
    const b = body as Record<string, unknown>
    let start: number | undefined
    if (b.start !== undefined) {
      const s = typeof b.start === "string" ? parseInstant(b.start) : null
      if (s === null) return c.json(bad("start", "expected an ISO instant like 2026-06-01T09:00:00+03:00"), 400)
      start = s
    }
    if (b.id !== undefined && typeof b.id !== "string") return c.json(bad("id", "expected a string"), 400)
    if (b.seed !== undefined && typeof b.seed !== "string" && typeof b.seed !== "number")
      return c.json(bad("seed", "expected a string or number"), 400)
    // Write-only: fixes the twin's secret for replay; never returned by any API.
    if (b.secret !== undefined && (typeof b.secret !== "string" || b.secret.length < 16 || b.secret.length > 256))
      return c.json(bad("secret", "expected text of 16..256 characters"), 400)
    try {
      const t = reg.create({
        ...(typeof b.id === "string" ? { id: b.id } : {}),
        ...(typeof b.name === "string" ? { name: b.name.slice(0, 100) } : {}),
        ...(b.seed !== undefined ? { seed: String(b.seed) } : {}),
        ...(typeof b.secret === "string" ? { secret: b.secret } : {}),
        ...(start !== undefined ? { start } : {}),
        demo: b.demo !== false,
      })
      return c.json(twinJson(t), 201)
    } catch (e) {
      if (e instanceof TwinExists) return c.json(bad("id", e.message), 409)
      if (e instanceof TooManyTwins)
        return c.json(
          {
            error: {
              code: "CAPACITY",
              field: "twins",
              message: e.message,
              ru: "Достигнут предел числа двойников на сервере",
            },
          },
          503,
        )
      if (isStorageError(e)) return c.json(errorBody(storeUnavailable(e instanceof Error ? e.message : String(e))), 503)
      throw e
    }
  })
  r.get("/twins/:id", (c) => {
    const t = twinOr404(deps, c)
    return t instanceof Response ? t : c.json(twinJson(t))
  })
  r.post("/twins/:id/advance", async (c) => {
    const t = twinOr404(deps, c)
    if (t instanceof Response) return t
    const body = await readJson(c.req.raw)
    const b = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>
    let to: number
    if (typeof b.to === "string") {
      const at = parseInstant(b.to)
      if (at === null) return c.json(bad("to", "expected an ISO instant"), 400)
      to = at
    } else if (typeof b.months === "number") {
      if (!Number.isSafeInteger(b.months) || b.months < 0 || b.months > 120)
        return c.json(bad("months", `must be 0..120, got ${b.months}`), 400)
      to = addMonths(t.now, b.months)
    } else if (typeof b.by === "string") {
      const ms = parseDuration(b.by)
      if (ms === null) return c.json(bad("by", 'expected a duration like "1d 2h", "90m", "30s"'), 400)
      to = t.now + ms
    } else return c.json(bad("by", 'give one of by ("1d 2h"), to (ISO instant) or months (number)'), 400)
    // Day by day, each day durable before the next, other requests served in between (bounded work).
    const res = await t.advanceServed(to)
    if (res._tag === "Failure") return c.json(errorBody(res.failure), statusFor(res.failure))
    return c.json({ now: t.now, nowIso: formatMskIso(t.now), jobs: res.success.jobs, events: res.success.events })
  })
  r.post("/twins/:id/commands", async (c) => {
    const t = twinOr404(deps, c)
    if (t instanceof Response) return t
    const body = await readJson(c.req.raw)
    if (typeof body === "symbol") return c.json(bad("body", "malformed JSON"), 400)
    const res = t.executeUnknown(body)
    if (res._tag === "Failure") return c.json(errorBody(res.failure), statusFor(res.failure))
    return c.json({ events: res.success.events, value: res.success.value ?? null })
  })
  r.get("/twins/:id/subscribers", (c) => {
    const t = twinOr404(deps, c)
    if (t instanceof Response) return t
    return c.json({
      subscribers: [...t.state.subscribers.values()].map((s) => ({
        msisdn: s.msisdn,
        name: s.name,
        tariff: s.tariff,
        balance: s.balance,
      })),
    })
  })
  r.get("/twins/:id/subscribers/:msisdn", (c) => {
    const t = twinOr404(deps, c)
    if (t instanceof Response) return t
    const v = accountView(t, c.req.param("msisdn"))
    return Result.isFailure(v) ? c.json(errorBody(v.failure), statusFor(v.failure)) : c.json(v.success)
  })
  r.get("/twins/:id/subscribers/:msisdn/ledger", (c) => {
    const t = twinOr404(deps, c)
    if (t instanceof Response) return t
    if (!t.state.subscribers.has(c.req.param("msisdn"))) return c.json(bad("msisdn", "unknown subscriber"), 404)
    return c.json({ ledger: ledgerOf(t, c.req.param("msisdn")) })
  })
  r.get("/twins/:id/subscribers/:msisdn/inbox", (c) => {
    const t = twinOr404(deps, c)
    if (t instanceof Response) return t
    // The operator's record of what was delivered: one-time codes masked (the handset's own inbox is /sms/inbox).
    const v = inboxView(t, c.req.param("msisdn"), undefined, "operator")
    return Result.isFailure(v) ? c.json(errorBody(v.failure), statusFor(v.failure)) : c.json({ inbox: v.success })
  })
  // R26: the network identity the operator's gateway inserts for this handset on mobile data
  // (channels/edge/network.ts). Issued only here, behind the control token: to the console's phone,
  // the scenario runner and the web drivers, which play the handset.
  r.post("/twins/:id/subscribers/:msisdn/network-identity", (c) => {
    const t = twinOr404(deps, c)
    if (t instanceof Response) return t
    const m = c.req.param("msisdn")
    if (!t.state.subscribers.has(m)) return c.json(bad("msisdn", "unknown subscriber"), 404)
    const value = t.networkIdentity(m)
    // ?browser=1: attach this browser as the handset, for the LK page's network login button.
    if (c.req.query("browser") === "1")
      setCookie(c, NETWORK_IDENTITY_COOKIE, value, { httpOnly: true, sameSite: "Strict", path: "/lk" })
    return c.json({ msisdn: m, header: NETWORK_IDENTITY_HEADER, value })
  })
  r.get("/twins/:id/subscribers/:msisdn/detail", (c) => {
    const t = twinOr404(deps, c)
    if (t instanceof Response) return t
    const from = parseInstant(c.req.query("from") ?? "")
    const to = parseInstant(c.req.query("to") ?? "")
    if (from === null) return c.json(bad("from", "expected an ISO instant"), 400)
    if (to === null) return c.json(bad("to", "expected an ISO instant"), 400)
    const v = detailView(t, c.req.param("msisdn"), from, to)
    return Result.isFailure(v) ? c.json(errorBody(v.failure), statusFor(v.failure)) : c.json(v.success)
  })
  r.get("/twins/:id/events", (c) => {
    const t = twinOr404(deps, c)
    if (t instanceof Response) return t
    const after = Number(c.req.query("after") ?? "0")
    const limit = Math.min(5000, Math.max(1, Number(c.req.query("limit") ?? "1000")))
    if (!Number.isSafeInteger(after) || after < 0) return c.json(bad("after", "expected a non-negative integer"), 400)
    if (!Number.isSafeInteger(limit)) return c.json(bad("limit", "expected an integer"), 400)
    return c.json({ events: eventsOf(t, after, limit) })
  })
  r.route("/", tmfRoutes(deps))
  return r
}
