// The JSON API shared by the LK (/lk/api) and the «Мой МТС» app (/app/api): bearer token from the
// core's Login, every call resumes (and touches) the 20-minute session, `msisdn` picks one of the
// login's own or linked numbers (I9, R20). Answers carry `text`: what the page/screen shows.
import { Hono, type Context } from "hono"
import { TWIN_NOT_FOUND_RU, twinNotFoundBody } from "../edge/twin.ts"
import { Result } from "effect"
import { err, type DomainError } from "../../core/domain/errors.ts"
import { isMsisdn } from "../../core/domain/ids.ts"
import type { TwinCore } from "../../core/engine/twin-core.ts"
import { errorBody, statusFor, twinIdOf, twinOf, type ChannelDeps } from "../context.ts"
import { bearerToken, decodeWith, jsonAnswer, readJsonObject } from "../security.ts"
import { networkMsisdn } from "../edge/network.ts"
import * as S from "./schemas.ts"
import * as op from "./operations.ts"

/** A JSON error answer: code, field, English message, Russian text. */
export const sendError = (_c: Context, e: DomainError): Response =>
  jsonAnswer({ ...errorBody(e), text: e.ru }, statusFor(e))

export const send = (c: Context, r: op.Res, status: 200 | 201 = 200): Response =>
  Result.isFailure(r) ? sendError(c, r.failure) : jsonAnswer({ text: r.success.text, ...r.success.data }, status)

export const twinNotFound = (c: Context): Response =>
  jsonAnswer({ ...twinNotFoundBody(twinIdOf(c)), text: TWIN_NOT_FOUND_RU }, 404)

const noToken = (): DomainError =>
  err(
    "SESSION_INVALID",
    "token: missing bearer token (Authorization: Bearer <token> from /login)",
    "Войдите в Личный кабинет",
    "token",
  )

export interface Session {
  readonly actor: op.Actor
  readonly token: string
}

/** Resolve the bearer session of a JSON request, or the error answer. */
export const session = (deps: ChannelDeps, c: Context, via: op.WebChannel): Session | Response => {
  const twin = twinOf(deps, c)
  if (twin === null) return twinNotFound(c)
  const token = bearerToken(c)
  if (token === null) return sendError(c, noToken())
  const me = op.resume(twin, via, token)
  if (Result.isFailure(me)) return sendError(c, me.failure)
  return { actor: { twin, me: me.success, via, token }, token }
}

/** The number a request acts on: `msisdn` from query or body, default the logged-in one. */
export const targetOf = (a: op.Actor, given: unknown): Result.Result<string, DomainError> => {
  if (given === undefined || given === null || given === "") return Result.succeed(a.me)
  if (typeof given !== "string" || !isMsisdn(given))
    return Result.fail(err("INVALID_FIELD", "msisdn: expected 7 and 10 digits", "Неверный номер", "msisdn"))
  return Result.succeed(given)
}

/** A GET that needs a session and acts on `?msisdn=` (default: own number). */
const getRoute =
  (
    deps: ChannelDeps,
    via: op.WebChannel,
    f: (a: op.Actor, target: string, c: Context) => op.Res,
  ): ((c: Context) => Response) =>
  (c) => {
    const s = session(deps, c, via)
    if (s instanceof Response) return s
    const t = targetOf(s.actor, c.req.query("msisdn"))
    return send(
      c,
      Result.flatMap(t, (target) => f(s.actor, target, c)),
    )
  }

/** A POST whose body is decoded with `schema` first (400 naming the field), then acted on. */
const postRoute =
  <T extends Record<string, unknown>>(
    deps: ChannelDeps,
    via: op.WebChannel,
    decode: (u: unknown) => Result.Result<T, DomainError>,
    f: (a: op.Actor, body: T, target: string, s: Session) => op.Res,
  ): ((c: Context) => Promise<Response>) =>
  async (c) => {
    const s = session(deps, c, via)
    if (s instanceof Response) return s
    const raw = await readJsonObject(c)
    const r = Result.flatMap(raw, (o) =>
      Result.flatMap(decode(o), (b) => Result.flatMap(targetOf(s.actor, b.msisdn), (t) => f(s.actor, b, t, s))),
    )
    return send(c, r)
  }

const publicPost =
  <T>(
    deps: ChannelDeps,
    decode: (u: unknown) => Result.Result<T, DomainError>,
    f: (twin: TwinCore, body: T) => op.Res,
  ) =>
  async (c: Context): Promise<Response> => {
    const twin = twinOf(deps, c)
    if (twin === null) return twinNotFound(c)
    const raw = await readJsonObject(c)
    return send(
      c,
      Result.flatMap(raw, (o) => Result.flatMap(decode(o), (b) => f(twin, b))),
    )
  }

const sessionReply = (
  twin: TwinCore,
  r: Result.Result<{ token: string; msisdn: string }, DomainError>,
  via: op.WebChannel,
): op.Res =>
  Result.map(r, (v) => ({
    text: via === "lk" ? "Вы вошли в Личный кабинет" : "Вы вошли в «Мой МТС»",
    data: { token: v.token, msisdn: v.msisdn, tokenType: "Bearer", idleMinutes: twin.cat.data.auth.sessionIdleMinutes },
  }))

const periodOf = (c: Context): op.Period => {
  const from = c.req.query("from")
  const to = c.req.query("to")
  if (from !== undefined || to !== undefined) return { from: from ?? "", to: to ?? "" }
  const p = c.req.query("period")
  return { period: p === "week" || p === "month" ? p : "today" }
}

const badPeriod = (c: Context): DomainError | null => {
  const p = c.req.query("period")
  return p !== undefined && p !== "today" && p !== "week" && p !== "month" && c.req.query("from") === undefined
    ? err("INVALID_FIELD", "period: expected today, week or month (or from/to dates)", "Неверный период", "period")
    : null
}

const decodeNetworkLogin = decodeWith(S.NetworkLoginBody)

/** The self-service JSON routes of one web channel. */
export const selfcareApi = (deps: ChannelDeps, via: op.WebChannel): Hono => {
  const r = new Hono()
  const get = (f: (a: op.Actor, target: string, c: Context) => op.Res) => getRoute(deps, via, f)
  const post = <T extends Record<string, unknown>>(
    d: (u: unknown) => Result.Result<T, DomainError>,
    f: (a: op.Actor, b: T, target: string, s: Session) => op.Res,
  ) => postRoute(deps, via, d, f)

  // R22–R26: authentication.
  r.post(
    "/otp",
    publicPost(deps, decodeWith(S.OtpBody), (twin, b) => op.requestOtp(twin, via, b.msisdn)),
  )
  r.post(
    "/login",
    publicPost(deps, decodeWith(S.LoginBody), (twin, b) =>
      sessionReply(twin, op.login(twin, via, b.msisdn, b.secret), via),
    ),
  )
  // R26: the number comes from the network identity the gateway inserted (channels/edge/network.ts).
  r.post("/login/network", async (c) => {
    const twin = twinOf(deps, c)
    if (twin === null) return twinNotFound(c)
    const raw = await readJsonObject(c)
    const r2 = Result.flatMap(raw, (o) =>
      Result.flatMap(decodeNetworkLogin(o), (b) =>
        Result.flatMap(networkMsisdn(twin, c, b.msisdn), (m) =>
          sessionReply(twin, op.loginByNetwork(twin, via, m), via),
        ),
      ),
    )
    return send(c, r2)
  })
  r.post("/logout", async (c) => {
    const twin = twinOf(deps, c)
    if (twin === null) return twinNotFound(c)
    const token = bearerToken(c)
    if (token === null) return sendError(c, noToken())
    return send(c, op.logout(twin, via, token))
  })
  r.get(
    "/me",
    get((a) =>
      Result.flatMap(op.balance(a, a.me), (b) =>
        Result.succeed({
          text: b.text,
          data: { msisdn: a.me, linked: a.twin.state.subscribers.get(a.me)?.linked ?? [] },
        }),
      ),
    ),
  )

  // «Мой МТС»
  r.get(
    "/overview",
    get((a, t) => op.overview(a, t)),
  )
  r.get(
    "/balance",
    get((a, t) => op.balance(a, t)),
  )
  r.get(
    "/packages",
    get((a, t) => op.packages(a, t)),
  )
  r.post(
    "/topup",
    post(decodeWith(S.TopUpBody), (a, b, t) => op.topUp(a, t, b.amount, b.method ?? "card")),
  )
  r.get(
    "/promised-payment",
    get((a, t) => op.promisedOffer(a, t)),
  )
  r.post(
    "/promised-payment",
    post(decodeWith(S.PromisedBody), (a, b, t) => op.promisedPayment(a, t, b.amount)),
  )
  r.post(
    "/autopay",
    post(decodeWith(S.AutopayBody), (a, b, t) => op.autopay(a, t, b)),
  )
  r.post(
    "/transfer",
    post(decodeWith(S.TransferBody), (a, b, t) => op.transfer(a, t, b.to, b.amount)),
  )
  r.post(
    "/pay-provider",
    post(decodeWith(S.PayProviderBody), (a, b, t) => op.payProvider(a, t, b.provider, b.account, b.amount)),
  )

  // «Расходы»
  r.get("/expenses", (c) => {
    const bad = badPeriod(c)
    if (bad !== null) return sendError(c, bad)
    return getRoute(deps, via, (a, t) => op.expenses(a, t, periodOf(c)))(c)
  })

  // «Услуги»
  r.get(
    "/services",
    get((a, t) => op.services(a, t)),
  )
  r.post(
    "/services/connect",
    post(decodeWith(S.ServiceBody), (a, b, t) => op.connectService(a, t, b.service)),
  )
  r.post(
    "/services/disconnect",
    post(decodeWith(S.ServiceBody), (a, b, t) => op.disconnectService(a, t, b.service)),
  )
  r.post(
    "/packages/buy",
    post(decodeWith(S.BuyPackageBody), (a, b, t) => op.buyPackage(a, t, b.offer)),
  )

  // «Тариф»
  r.get(
    "/tariffs",
    get((a, t) => op.tariffs(a, t)),
  )
  r.post(
    "/tariff",
    post(decodeWith(S.TariffBody), (a, b, t) => op.changeTariff(a, t, b.tariff, b.confirmed === true)),
  )

  // «Поддержка»: block / unblock
  r.post(
    "/block",
    post(decodeWith(S.TargetBody), (a, _b, t) => op.block(a, t)),
  )
  r.post(
    "/unblock",
    post(decodeWith(S.TargetBody), (a, _b, t) => op.unblock(a, t)),
  )

  // «Привязанные»
  r.get(
    "/linked",
    get((a) => op.linked(a)),
  )
  r.post(
    "/linked/request",
    post(decodeWith(S.LinkRequestBody), (a, b) => op.linkRequest(a, b.target)),
  )
  r.post(
    "/linked/confirm",
    post(decodeWith(S.LinkConfirmBody), (a, b) => op.linkConfirm(a, b.target, b.code)),
  )
  r.post(
    "/linked/remove",
    post(decodeWith(S.LinkRequestBody), (a, b) => op.unlink(a, b.target)),
  )
  r.post(
    "/linked/leave",
    post(decodeWith(S.LinkLeaveBody), (a, b) => op.leaveLink(a, b.owner)),
  )

  // «Поделиться пакетами»
  r.get(
    "/family",
    get((a) => op.family(a)),
  )
  r.post(
    "/family/invite",
    post(decodeWith(S.FamilyInviteBody), (a, b) => op.familyInvite(a, b.member, b.minutes, b.sms, b.dataMb)),
  )
  r.post(
    "/family/remove",
    post(decodeWith(S.FamilyRemoveBody), (a, b) => op.familyRemove(a, b.member)),
  )

  // «Настройки»
  r.get(
    "/personal",
    get((a, t) => op.personal(a, t)),
  )
  r.post(
    "/password",
    post(decodeWith(S.PasswordBody), (a, b) => op.setPassword(a, b.password, b.current, b.confirm)),
  )
  r.post(
    "/notifications",
    post(decodeWith(S.NotificationsBody), (a, b) => op.notifications(a, b.charges, b.logins)),
  )

  // Bonuses
  r.get(
    "/bonuses",
    get((a, t) => op.bonuses(a, t)),
  )
  r.post(
    "/bonuses/exchange",
    post(decodeWith(S.BonusBody), (a, b, t) => op.exchangeBonus(a, t, b.offer)),
  )
  return r
}
