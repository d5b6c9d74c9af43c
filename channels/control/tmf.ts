// Control API additions for twins: set location/network, inject usage, read state, and TM Forum
// style read models — TMF654 (prepay balance: balances and buckets), TMF635 (usage), TMF620
// (product catalog: offerings). Operator-level: commands carry via "control" and no `by`.
import { Hono, type Context } from "hono"
import { Result, Schema } from "effect"
import type { Command } from "../../core/domain/commands.ts"
import { isMsisdn, Msisdn } from "../../core/domain/ids.ts"
import { formatMskIso, parseInstant } from "../../core/domain/time.ts"
import { accountView, detailView, type AccountView } from "../../core/engine/views.ts"
import type { TwinCore } from "../../core/engine/twin-core.ts"
import { errorBody, statusFor, type ChannelDeps } from "../context.ts"
import { bad, twinOr404 } from "./common.ts"
import { decodeWith, readJsonObject } from "../security.ts"

export const LocationBody = Schema.Struct({
  msisdn: Msisdn,
  to: Schema.String.pipe(Schema.check(Schema.isMaxLength(16))),
}).annotate({ identifier: "SetLocation", description: "Move a handset: home, russia or an ISO country code." })
export const NetworkBody = Schema.Struct({ msisdn: Msisdn, mobileData: Schema.Boolean }).annotate({
  identifier: "SetNetworkAttachment",
  description: "On/off the operator's mobile data (R26).",
})
export const UsageBody = Schema.Struct({
  msisdn: Msisdn,
  usageType: Schema.Literals(["call", "sms", "data"]),
  direction: Schema.optional(Schema.Literals(["out", "in"])),
  to: Schema.optional(Schema.String.pipe(Schema.check(Schema.isMaxLength(32)))),
  seconds: Schema.optional(Schema.Int),
  count: Schema.optional(Schema.Int),
  kb: Schema.optional(Schema.Int),
}).annotate({
  identifier: "TMF635Usage",
  description: "Inject one usage record (call seconds, SMS count or data kilobytes); rated by the core.",
})

const money = (kopecks: number) => ({ amount: kopecks, units: "kopecks", currency: "RUB" })

export const tmfRoutes = (deps: ChannelDeps): Hono => {
  const r = new Hono()
  const twin = (c: Context): TwinCore | Response => twinOr404(deps, c)
  const run = (c: Context, t: TwinCore, cmd: Command) => {
    const res = t.execute(cmd)
    return Result.isFailure(res)
      ? c.json(errorBody(res.failure), statusFor(res.failure))
      : c.json({ events: res.success.events, value: res.success.value ?? null })
  }
  const msisdnQuery = (c: Context): string | Response => {
    const m = c.req.query("msisdn") ?? ""
    return isMsisdn(m) ? m : c.json(bad("msisdn", "expected ?msisdn=7XXXXXXXXXX"), 400)
  }

  /** A POST on a twin whose JSON body is decoded by `schema`; a bad body is a 400 naming the field. */
  const withBody =
    <A>(schema: Schema.Decoder<A>, f: (c: Context, t: TwinCore, body: A) => Response | Promise<Response>) =>
    async (c: Context) => {
      const t = twin(c)
      if (t instanceof Response) return t
      const b = Result.flatMap(await readJsonObject(c), decodeWith(schema))
      if (Result.isFailure(b)) return c.json(errorBody(b.failure), 400)
      return f(c, t, b.success)
    }

  // ---- network simulation
  r.post(
    "/twins/:id/location",
    withBody(LocationBody, (c, t, body) => {
      return run(c, t, { _tag: "Travel", msisdn: body.msisdn, to: body.to, via: "control" })
    }),
  )
  r.post(
    "/twins/:id/network",
    withBody(NetworkBody, (c, t, body) => {
      return run(c, t, { _tag: "SetNetwork", msisdn: body.msisdn, mobileData: body.mobileData, via: "control" })
    }),
  )
  r.post(
    "/twins/:id/usage",
    withBody(UsageBody, (c, t, body) => {
      const u = body
      const dir = u.direction !== undefined ? { direction: u.direction } : {}
      if (u.usageType === "call" && u.seconds === undefined) return c.json(bad("seconds", "a call needs seconds"), 400)
      if (u.usageType === "data" && u.kb === undefined) return c.json(bad("kb", "data usage needs kb"), 400)
      const usage =
        u.usageType === "call"
          ? { _tag: "call" as const, to: u.to ?? "79000000000", seconds: u.seconds ?? 0, ...dir }
          : u.usageType === "sms"
            ? {
                _tag: "sms" as const,
                to: u.to ?? "79000000000",
                ...(u.count !== undefined ? { count: u.count } : {}),
                ...dir,
              }
            : { _tag: "data" as const, kb: u.kb ?? 0 }
      return run(c, t, { _tag: "Usage", msisdn: u.msisdn, usage, via: "control" })
    }),
  )

  // ---- state
  r.get("/twins/:id/state", (c) => {
    const t = twin(c)
    if (t instanceof Response) return t
    const subs = [...t.state.subscribers.keys()].flatMap((m) => {
      const v = accountView(t, m)
      return Result.isSuccess(v) ? [v.success] : []
    })
    return c.json({
      id: t.id,
      now: t.now,
      nowIso: t.nowIso(),
      seq: t.state.seq,
      hash: t.hash(),
      sessions: t.state.sessions.size,
      subscribers: subs,
    })
  })

  /** The account view of `?msisdn=` on the `:id` twin, or the error answer. */
  const accountOf = (c: Context): AccountView | Response => {
    const t = twin(c)
    if (t instanceof Response) return t
    const m = msisdnQuery(c)
    if (m instanceof Response) return m
    const v = accountView(t, m)
    return Result.isFailure(v) ? c.json(errorBody(v.failure), statusFor(v.failure)) : v.success
  }

  // ---- TMF654 prepay balance management
  r.get("/twins/:id/tmf654/accountBalance", (c) => {
    const v = accountOf(c)
    if (v instanceof Response) return v
    const a = v
    return c.json([
      {
        id: `${a.msisdn}-main`,
        "@type": "AccountBalance",
        balanceType: "main",
        amount: money(a.balance),
        availableAmount: money(a.available),
        creditLimit: money(a.creditLimit),
        status: a.status,
        validFor: { startDateTime: formatMskIso(a.asOf) },
        partyAccount: { id: a.msisdn },
      },
    ])
  })
  r.get("/twins/:id/tmf654/bucket", (c) => {
    const v = accountOf(c)
    if (v instanceof Response) return v
    return c.json(
      v.packages.map((p) => ({
        id: p.id,
        "@type": "Bucket",
        name: p.name,
        usageType: p.kind === "minutes" ? "voice" : p.kind,
        isShared: p.source === "share",
        product: { id: p.offer },
        bucketCounter: [
          { counterType: "remaining", value: { amount: p.left, units: p.unit } },
          { counterType: "used", value: { amount: p.used, units: p.unit } },
        ],
        remainedAmount: { amount: p.left, units: p.unit },
        reservedAmount: { amount: p.total, units: p.unit },
        validFor: p.expiresAt === null ? {} : { endDateTime: formatMskIso(p.expiresAt) },
      })),
    )
  })

  // ---- TMF635 usage
  r.get("/twins/:id/tmf635/usage", (c) => {
    const t = twin(c)
    if (t instanceof Response) return t
    const m = msisdnQuery(c)
    if (m instanceof Response) return m
    const from = c.req.query("from") === undefined ? Number.MIN_SAFE_INTEGER : parseInstant(c.req.query("from") ?? "")
    const to = c.req.query("to") === undefined ? t.now + 1 : parseInstant(c.req.query("to") ?? "")
    if (from === null) return c.json(bad("from", "expected an ISO instant"), 400)
    if (to === null) return c.json(bad("to", "expected an ISO instant"), 400)
    const d = detailView(t, m, from, to)
    if (Result.isFailure(d)) return c.json(errorBody(d.failure), statusFor(d.failure))
    return c.json(
      d.success.usage.map((u) => ({
        id: `${t.id}-${u.seq}`,
        "@type": "Usage",
        usageDate: formatMskIso(u.at),
        usageType: u.kind === "call" ? "voice" : u.kind,
        status: "rated",
        relatedParty: [{ id: m, role: "subscriber" }],
        usageCharacteristic: [
          { name: "direction", value: u.direction },
          { name: "peer", value: u.peer },
          { name: "location", value: u.where },
          { name: "volume", value: u.volume },
          { name: "units", value: u.units },
          { name: "fromPackages", value: u.fromPackages },
        ],
        ratedProductUsage: [{ taxExcludedRatingAmount: money(u.cost), isBilled: true }],
      })),
    )
  })

  // ---- TMF620 product catalog
  r.get("/twins/:id/tmf620/productOffering", (c) => {
    const t = twin(c)
    if (t instanceof Response) return t
    const cat = t.cat.data
    return c.json([
      ...cat.tariffs.map((x) => ({
        id: x.id,
        "@type": "ProductOffering",
        name: x.name,
        description: x.description,
        category: [{ id: "tariff" }],
        isSellable: x.selectable,
        productOfferingPrice: [
          { priceType: "recurring", recurringChargePeriodType: "month", price: money(x.monthlyFee) },
          { priceType: "oneTime", name: "change", price: money(x.changeFee) },
        ],
      })),
      ...cat.services.map((x) => ({
        id: x.id,
        "@type": "ProductOffering",
        name: x.name,
        description: x.description,
        category: [{ id: "service" }],
        isSellable: true,
        productOfferingPrice: [
          { priceType: "oneTime", price: money(x.connectFee) },
          { priceType: "recurring", recurringChargePeriodType: "month", price: money(x.monthlyFee) },
          { priceType: "recurring", recurringChargePeriodType: "day", price: money(x.dailyFee) },
        ],
      })),
      ...cat.oneOffPackages.map((x) => ({
        id: x.id,
        "@type": "ProductOffering",
        name: x.name,
        category: [{ id: "package" }],
        isSellable: true,
        productOfferingPrice: [{ priceType: "oneTime", price: money(x.price) }],
        validDays: x.validDays,
      })),
    ])
  })
  return r
}
