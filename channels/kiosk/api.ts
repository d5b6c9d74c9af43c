// JSON API of the kiosk screen model at /kiosk/api. The terminal session token (bearer) is the
// core's: KioskLogin opens the session, every call resumes it on the kiosk channel (R27).
import { Hono, type Context } from "hono"
import { Result, Schema } from "effect"
import { err, type DomainError } from "../../core/domain/errors.ts"
import { Msisdn } from "../../core/domain/ids.ts"
import { twinOf, type ChannelDeps } from "../context.ts"
import { send, sendError, twinNotFound } from "../lk/api.ts"
import type { Res } from "../lk/selfcare.ts"
import { bearerToken, decodeWith, readJsonObject } from "../security.ts"
import { normalizeMsisdn } from "../text/phone.ts"
import * as K from "./screens.ts"
import type { TwinCore } from "../../core/engine/twin-core.ts"

export const KioskNumberBody = Schema.Struct({ msisdn: Msisdn }).annotate({ identifier: "KioskNumber" })
export const KioskLoginBody = Schema.Struct({
  msisdn: Msisdn,
  code: Schema.String.pipe(Schema.check(Schema.isMaxLength(16))),
}).annotate({ identifier: "KioskLogin" })
export const KioskServiceBody = Schema.Struct({
  service: Schema.String.pipe(Schema.check(Schema.isMaxLength(64))),
}).annotate({ identifier: "KioskService" })
export const KioskTariffBody = Schema.Struct({
  tariff: Schema.String.pipe(Schema.check(Schema.isMaxLength(64))),
  confirmed: Schema.optional(Schema.Boolean),
}).annotate({ identifier: "KioskTariff" })
export const KioskCashBody = Schema.Struct({ amount: Schema.Int }).annotate({
  identifier: "KioskCash",
  description: "Cash inserted, kopecks.",
})

const noSession = (): DomainError =>
  err(
    "SESSION_INVALID",
    "token: no kiosk session; enter the number and the access code",
    "Введите номер и код доступа",
    "token",
  )

export const kioskApi = (deps: ChannelDeps): Hono => {
  const r = new Hono()

  /** A JSON body decoded with `schema`; a number typed as 8916…, +7 916… or 916… is read as 7916…. */
  const body = async <T>(
    c: Context,
    schema: (u: unknown) => Result.Result<T, DomainError>,
  ): Promise<Result.Result<T, DomainError>> =>
    Result.flatMap(await readJsonObject(c), (o) =>
      schema(typeof o.msisdn === "string" ? { ...o, msisdn: normalizeMsisdn(o.msisdn) ?? o.msisdn } : o),
    )

  const authed =
    (f: (twin: TwinCore, msisdn: string, c: Context) => Res | Promise<Res>) =>
    async (c: Context): Promise<Response> => {
      const twin = twinOf(deps, c)
      if (twin === null) return twinNotFound(c)
      const token = bearerToken(c)
      if (token === null) return sendError(c, noSession())
      const me = K.resume(twin, token)
      if (Result.isFailure(me)) return sendError(c, me.failure)
      return send(c, await f(twin, me.success, c))
    }

  const open =
    (f: (twin: TwinCore, c: Context) => Promise<Res>) =>
    async (c: Context): Promise<Response> => {
      const twin = twinOf(deps, c)
      if (twin === null) return twinNotFound(c)
      return send(c, await f(twin, c))
    }

  r.get("/", (c) => send(c, K.welcome()))
  r.post(
    "/start",
    open(async (_t, c) => Result.flatMap(await body(c, decodeWith(KioskNumberBody)), (b) => K.enterNumber(b.msisdn))),
  )
  r.post(
    "/order-code",
    open(async (t, c) => Result.flatMap(await body(c, decodeWith(KioskNumberBody)), (b) => K.orderCode(t, b.msisdn))),
  )
  r.post(
    "/login",
    open(async (t, c) => {
      const input = await body(c, decodeWith(KioskLoginBody))
      return Result.gen(function* () {
        const b = yield* input
        const v = yield* K.login(t, b.msisdn, b.code)
        const x = yield* K.menu(v.msisdn)
        return {
          text: x.text,
          data: { ...x.data, token: v.token, idleMinutes: t.cat.data.auth.kioskSessionIdleMinutes },
        }
      })
    }),
  )
  r.get(
    "/menu",
    authed((_t, m) => K.menu(m)),
  )
  r.get(
    "/balance",
    authed((t, m) => K.balance(t, m)),
  )
  r.get(
    "/services",
    authed((t, m) => K.services(t, m)),
  )
  r.post(
    "/services/connect",
    authed(async (t, m, c) =>
      Result.flatMap(await body(c, decodeWith(KioskServiceBody)), (b) => K.connect(t, m, b.service)),
    ),
  )
  r.post(
    "/services/disconnect",
    authed(async (t, m, c) =>
      Result.flatMap(await body(c, decodeWith(KioskServiceBody)), (b) => K.disconnect(t, m, b.service)),
    ),
  )
  r.get(
    "/tariffs",
    authed((t, m) => K.tariffs(t, m)),
  )
  r.post(
    "/tariff",
    authed(async (t, m, c) =>
      Result.flatMap(await body(c, decodeWith(KioskTariffBody)), (b) =>
        K.changeTariff(t, m, b.tariff, b.confirmed === true),
      ),
    ),
  )
  r.post(
    "/topup-cash",
    authed(async (t, m, c) =>
      Result.flatMap(await body(c, decodeWith(KioskCashBody)), (b) => K.topUpCash(t, m, b.amount)),
    ),
  )
  r.post("/logout", (c) => {
    const twin = twinOf(deps, c)
    if (twin === null) return twinNotFound(c)
    const token = bearerToken(c)
    return send(c, token === null ? K.bye() : K.logout(twin, token))
  })
  return r
}
