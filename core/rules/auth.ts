// Authentication (R22–R27): SMS passwords from 3339 valid 2 days, permanent passwords of at
// least 8 letters or digits (symbols advised), changed with the current one and the new twice,
// LK lock after 3 wrong codes (lifted only by a new code), 20-minute
// idle sessions, identification by the operator's mobile data, kiosk codes from 6262 with a
// 24-hour block after more than 3 wrong codes (I6). Secrets are stored only as salted hashes.
import type { CatalogIndex } from "../catalog/load.ts"
import type { CommandOf } from "../domain/commands.ts"
import type { Draft } from "../domain/events.ts"
import { err, type DomainError } from "../domain/errors.ts"
import { formatMskIso, HOUR } from "../domain/time.ts"
import type { Subscriber } from "../state/model.ts"
import {
  authorize,
  codeSmsTo,
  drawCode,
  getSub,
  isErr,
  ok,
  smsTo,
  tariffOf,
  type Ctx,
  type RuleResult,
} from "./context.ts"
import { hashSecret, sha256, verifySecret, type KdfSettings } from "./secrets.ts"
import { endSessionsOf, sessionIdleMinutes, sessionLapsed } from "./sessions.ts"
import { dateRu, SENDER, texts, timeRu } from "./texts.ts"

/** Per-number limit on code requests (OTP, kiosk and link codes) within an hour. */
export const codeRateLimit = (ctx: Ctx, s: Subscriber): DomainError | null =>
  codeRateError(ctx.cat, s.msisdn, s.auth.codeRequests, ctx.now)

// The refusals of the login steps, shared with the channels' answers for numbers the twin does not
// have (channels/edge/decoy.ts), so an outsider cannot tell an unknown number by the answer.

/** RATE_LIMITED when `requests` (instants) hold the hour's allowance of code requests, else null. */
export const codeRateError = (
  cat: CatalogIndex,
  msisdn: string,
  requests: readonly number[],
  now: number,
): DomainError | null => {
  const recent = requests.filter((t) => t > now - HOUR).length
  const max = cat.data.auth.codeRequestsPerHour
  // R23: 0 is no limit (the default): an SMS password may be requested any number of times.
  return max > 0 && recent >= max
    ? err(
        "RATE_LIMITED",
        `msisdn: ${msisdn} asked for ${recent} codes within an hour (limit ${max})`,
        "Слишком много запросов кода. Попробуйте позже",
        "msisdn",
      )
    : null
}

/** The refusal of an LK login while it is locked (I6). */
export const loginLockedError = (msisdn: string): DomainError =>
  err(
    "LOGIN_LOCKED",
    `msisdn: LK login of ${msisdn} is locked after wrong codes; request a new SMS password`,
    "Вход заблокирован. Получите новый пароль по SMS",
    "msisdn",
  )

/** The refusal of a wrong LK code, the `failures`-th in a row (R24). */
export const wrongLoginError = (cat: CatalogIndex, msisdn: string, failures: number): DomainError =>
  failures >= cat.data.auth.lkMaxFailures
    ? err(
        "LOGIN_LOCKED",
        `secret: wrong code (${failures} in a row); LK login of ${msisdn} is now locked`,
        "Неверный пароль. Вход заблокирован. Получите новый пароль по SMS",
        "secret",
      )
    : err(
        "WRONG_CODE",
        `secret: wrong code (${failures} of ${cat.data.auth.lkMaxFailures})`,
        `Неверный пароль. Осталось попыток: ${cat.data.auth.lkMaxFailures - failures}`,
        "secret",
      )

/** The refusal of the kiosk for a number without «Электронный Помощник» (R27). */
export const kioskNotConnectedError = (msisdn: string): DomainError =>
  err(
    "KIOSK_NOT_CONNECTED",
    `msisdn: ${msisdn} has no «Электронный Помощник»; connect it by *111*2163#, SMS 2163 to 111 or a call to 111 2163`,
    "Услуга «Электронный Помощник» не подключена. Подключите: *111*2163#",
    "msisdn",
  )

/** A secret's input checked like a real one: 1..128 characters after trimming. */
export const secretProblem = (secret: string): DomainError | null =>
  secret.length === 0 || secret.length > 128
    ? err("INVALID_FIELD", "secret: must be 1..128 characters", "Введите пароль", "secret")
    : null

const kdf = (ctx: Ctx): KdfSettings => ctx.cat.data.auth

export const requestOtp = (ctx: Ctx, c: CommandOf<"RequestOtp">): RuleResult<{ expiresAt: number }> => {
  const s = getSub(ctx, c.msisdn)
  if (isErr(s)) return s
  const denied = authorize(ctx, c.by, c.msisdn, "self")
  if (denied) return denied
  const limited = codeRateLimit(ctx, s)
  if (limited) return limited
  const code = drawCode(ctx, ctx.cat.data.auth.otpDigits)
  const salt = ctx.rng.hex(16)
  const expiresAt = ctx.now + ctx.cat.data.auth.otpValidHours * HOUR
  return ok(
    [
      {
        type: "OtpIssued",
        msisdn: s.msisdn,
        hash: hashSecret(code.code, salt, kdf(ctx)),
        salt,
        expiresAt,
        rng: ctx.rng.counter,
      },
      codeSmsTo(s.msisdn, SENDER.otp, texts.otp, code),
    ],
    { expiresAt },
  )
}

const newSession = (
  ctx: Ctx,
  s: Subscriber,
  channel: string,
  method: "otp" | "password" | "network",
): { events: Draft[]; token: string } => {
  const token = ctx.rng.hex(16)
  const events: Draft[] = [
    { type: "LoginSucceeded", msisdn: s.msisdn, channel, method, tokenHash: sha256(token), rng: ctx.rng.counter },
  ]
  // R24: an SMS on a successful login when the subscriber asked for them; a login by network
  // identification (R26) always sends it, since it needs no secret the subscriber typed.
  if (method === "network" || s.notifyLogins) events.push(smsTo(s.msisdn, SENDER.mts, texts.loginNotice(ctx.now)))
  return { events, token }
}

export const login = (ctx: Ctx, c: CommandOf<"Login">): RuleResult<{ token: string; msisdn: string }> => {
  const s = getSub(ctx, c.msisdn)
  if (isErr(s)) return s
  const a = s.auth
  // I6: no code is accepted while locked.
  if (a.lkLocked) return loginLockedError(c.msisdn)
  const secret = c.secret.trim()
  const bad = secretProblem(secret)
  if (bad) return bad
  const otpValid = a.otp !== null && a.otp.expiresAt > ctx.now
  if (otpValid && a.otp !== null && verifySecret(secret, a.otp, kdf(ctx))) {
    const x = newSession(ctx, s, c.channel, "otp")
    return ok(x.events, { token: x.token, msisdn: s.msisdn })
  }
  if (a.password !== null && verifySecret(secret, a.password, kdf(ctx))) {
    const x = newSession(ctx, s, c.channel, "password")
    return ok(x.events, { token: x.token, msisdn: s.msisdn })
  }
  if (a.otp !== null && !otpValid && verifySecret(secret, a.otp, kdf(ctx))) {
    return err(
      "CODE_EXPIRED",
      "secret: the SMS password has expired (valid 2 days); request a new one",
      "Срок действия пароля истек. Получите новый пароль по SMS",
      "secret",
    )
  }
  // R24: 3 wrong codes in a row lock the LK login; SMS on the lockout.
  const failures = a.lkFailures + 1
  const locked = failures >= ctx.cat.data.auth.lkMaxFailures
  const events: Draft[] = [{ type: "LoginFailed", msisdn: s.msisdn, failures, locked }]
  if (locked)
    events.push(
      smsTo(s.msisdn, SENDER.mts, texts.lockNotice(failures)),
      ...endSessionsOf(ctx.state, s.msisdn, "locked"),
    )
  return { events, error: wrongLoginError(ctx.cat, c.msisdn, failures) }
}

export const loginByNetwork = (
  ctx: Ctx,
  c: CommandOf<"LoginByNetwork">,
): RuleResult<{ token: string; msisdn: string }> => {
  const s = getSub(ctx, c.msisdn)
  if (isErr(s)) return s
  // R26: on the operator's mobile data the number identifies the subscriber.
  if (!s.mobileData)
    return err(
      "NETWORK_ID_UNAVAILABLE",
      `msisdn: ${c.msisdn} is not on MTS mobile data; log in with a password`,
      "Автоматический вход доступен только через мобильный интернет МТС",
      "msisdn",
    )
  const x = newSession(ctx, s, c.channel, "network")
  return ok(x.events, { token: x.token, msisdn: s.msisdn })
}

export const resumeSession = (
  ctx: Ctx,
  c: CommandOf<"ResumeSession">,
): RuleResult<{ msisdn: string; channel: string }> => {
  const h = sha256(c.token)
  const x = ctx.state.sessions.get(h)
  if (x === undefined) {
    // R25, R27: a session that ended for inactivity (at its expiry, in twin time) says so.
    const ended = ctx.state.endedIdle.get(h)
    if (ended !== undefined) {
      return err(
        "SESSION_INVALID",
        `token: the session ended after ${sessionIdleMinutes(ctx.cat, ended.channel)} minutes without activity`,
        "Сеанс завершен из-за бездействия. Войдите снова",
        "token",
      )
    }
    return err(
      "SESSION_INVALID",
      "token: no such session (logged out or never existed)",
      "Сеанс завершен. Войдите снова",
      "token",
    )
  }
  // R25, R27: a session belongs to the channel that opened it (an LK token does not open the app
  // or the kiosk). Checked first, so a token shown on the wrong channel changes nothing.
  if (c.channel !== undefined && c.channel !== x.channel) {
    return err(
      "SESSION_INVALID",
      `channel: this session was opened in ${x.channel}, not ${c.channel}`,
      "Сеанс завершен. Войдите снова",
      "channel",
    )
  }
  // R25: 20 minutes without activity end an LK/app session; R27: the kiosk's own limit.
  if (sessionLapsed(ctx.cat, x.channel, x.lastSeen, ctx.now)) {
    const mins = sessionIdleMinutes(ctx.cat, x.channel)
    return {
      events: [{ type: "SessionEnded", tokenHash: h, reason: "idle" }],
      error: err(
        "SESSION_INVALID",
        `token: the session ended after ${mins} minutes without activity`,
        "Сеанс завершен из-за бездействия. Войдите снова",
        "token",
      ),
    }
  }
  const events: Draft[] = x.lastSeen === ctx.now ? [] : [{ type: "SessionTouched", tokenHash: h }]
  return ok(events, { msisdn: x.msisdn, channel: x.channel })
}

export const logout = (ctx: Ctx, c: CommandOf<"Logout">): RuleResult => {
  const h = sha256(c.token)
  if (!ctx.state.sessions.has(h)) return ok([])
  return ok([{ type: "SessionEnded", tokenHash: h, reason: "logout" }])
}

/**
 * R23: at least 8 letters or digits («минимум из 8 буквенно-числовых знаков»); symbols are
 * advised, not required, and allowed («указывать цифры, символы, большие литеры»). No spaces.
 */
export const passwordProblem = (p: string, min: number): string | null => {
  if (p.length < min) return `must be at least ${min} characters, got ${p.length}`
  if (p.length > 64) return "must be at most 64 characters"
  if (/\s/u.test(p)) return "may not contain spaces"
  if (!/^[\p{L}\p{N}\p{P}\p{S}]+$/u.test(p)) return "may contain letters, digits and symbols only"
  return null
}

export const setPassword = (ctx: Ctx, c: CommandOf<"SetPassword">): RuleResult => {
  const s = getSub(ctx, c.msisdn)
  if (isErr(s)) return s
  const denied = authorize(ctx, c.by, c.msisdn, "self")
  if (denied) return denied
  // R23: the current password first (the SMS password while valid, or the permanent one), then
  // the new one twice («сначала вводят прежний вариант, затем два раза вводят новый пароль»).
  if (c.by !== undefined) {
    const current = c.current?.trim() ?? ""
    if (current === "")
      return err(
        "INVALID_FIELD",
        "current: the current password is required to change it",
        "Введите текущий пароль",
        "current",
      )
    const a = s.auth
    const otpOk = a.otp !== null && a.otp.expiresAt > ctx.now && verifySecret(current, a.otp, kdf(ctx))
    if (!otpOk && !(a.password !== null && verifySecret(current, a.password, kdf(ctx)))) {
      return err("WRONG_CODE", "current: the current password is wrong", "Текущий пароль введен неверно", "current")
    }
    if (c.confirm !== c.password)
      return err(
        "INVALID_FIELD",
        "confirm: the new password was not repeated exactly",
        "Новый пароль и его повтор не совпадают",
        "confirm",
      )
  }
  const bad = passwordProblem(c.password, ctx.cat.data.auth.passwordMinLength)
  if (bad !== null)
    return err(
      "WEAK_PASSWORD",
      `password: ${bad}`,
      `Пароль должен содержать не менее ${ctx.cat.data.auth.passwordMinLength} букв или цифр, без пробелов. ` +
        `Советуем добавить символы и заглавные буквы`,
      "password",
    )
  const salt = ctx.rng.hex(16)
  const events: Draft[] = [
    { type: "PasswordSet", msisdn: s.msisdn, hash: hashSecret(c.password, salt, kdf(ctx)), salt, rng: ctx.rng.counter },
    ...endSessionsOf(ctx.state, s.msisdn, "password", c.keep === undefined ? undefined : sha256(c.keep)),
  ]
  if (s.notifyLogins) events.push(smsTo(s.msisdn, SENDER.mts, texts.passwordChanged(ctx.now)))
  return ok(events)
}

/** R27: «доступ к сервису блокируется на сутки»: the refusal names the moment the block ends. */
const kioskLockedError = (s: Subscriber, now: number, field: string): DomainError | null => {
  const until = s.auth.kioskLockedUntil
  if (until <= now) return null
  return err(
    "KIOSK_LOCKED",
    `${field}: kiosk access of ${s.msisdn} is blocked until ${formatMskIso(until)}`,
    `Доступ к сервису «Электронный Помощник» заблокирован до ${dateRu(until)} ${timeRu(until)} из-за неверного ` +
      `ввода кода. После этого войдите с прежним кодом или закажите новый.`,
    field,
  )
}

const kioskRefusal = (ctx: Ctx, s: Subscriber): DomainError | null => {
  const t = tariffOf(ctx, s)
  if (t.corporate || t.vip)
    return err(
      "SERVICE_NOT_AVAILABLE",
      `msisdn: «Электронный Помощник» is not available on ${t.corporate ? "corporate" : "VIP"} tariff ${t.id}`,
      "Услуга «Электронный Помощник» не доступна на корпоративных и VIP тарифных планах",
      "msisdn",
    )
  if (!s.services.includes("e-assistant")) return kioskNotConnectedError(s.msisdn)
  return null
}

export const requestKioskCode = (ctx: Ctx, c: CommandOf<"RequestKioskCode">): RuleResult => {
  const s = getSub(ctx, c.msisdn)
  if (isErr(s)) return s
  const denied = authorize(ctx, c.by, c.msisdn, "self")
  if (denied) return denied
  const refused = kioskRefusal(ctx, s)
  if (refused) return refused
  // R27: during the 24-hour block no code is issued; the subscriber is told until when.
  const locked = kioskLockedError(s, ctx.now, "msisdn")
  if (locked) return locked
  const limited = codeRateLimit(ctx, s)
  if (limited) return limited
  const code = drawCode(ctx, ctx.cat.data.auth.kioskCodeDigits)
  const salt = ctx.rng.hex(16)
  return ok([
    {
      type: "KioskCodeIssued",
      msisdn: s.msisdn,
      hash: hashSecret(code.code, salt, kdf(ctx)),
      salt,
      rng: ctx.rng.counter,
    },
    codeSmsTo(s.msisdn, SENDER.kiosk, texts.kioskCode, code),
  ])
}

export const kioskLogin = (ctx: Ctx, c: CommandOf<"KioskLogin">): RuleResult<{ msisdn: string; token: string }> => {
  const s = getSub(ctx, c.msisdn)
  if (isErr(s)) return s
  const refused = kioskRefusal(ctx, s)
  if (refused) return refused
  const a = s.auth
  // I6: nothing is accepted during the 24-hour block.
  const locked = kioskLockedError(s, ctx.now, "msisdn")
  if (locked) return locked
  if (a.kiosk === null)
    return err(
      "NO_CODE",
      "code: no access code was ordered; send an empty SMS to 6262",
      "Закажите код доступа: отправьте пустое SMS на номер 6262",
      "code",
    )
  // After the block lapses the count starts again; the old code still works (R27).
  const prior = a.kioskLockedUntil !== 0 ? 0 : a.kioskFailures
  if (verifySecret(c.code.trim(), a.kiosk, kdf(ctx))) {
    // R27: the terminal gets a core session (channel "kiosk", its own idle limit); the token is kept only hashed.
    const token = ctx.rng.hex(16)
    return ok(
      [
        {
          type: "KioskLogin",
          msisdn: s.msisdn,
          ok: true,
          failures: 0,
          lockedUntil: 0,
          session: { tokenHash: sha256(token), rng: ctx.rng.counter },
        },
      ],
      { msisdn: s.msisdn, token },
    )
  }
  const failures = prior + 1
  const lock = failures > ctx.cat.data.auth.kioskMaxFailures
  const lockedUntil = lock ? ctx.now + ctx.cat.data.auth.kioskLockHours * HOUR : 0
  const events: Draft[] = [{ type: "KioskLogin", msisdn: s.msisdn, ok: false, failures, lockedUntil }]
  if (lock)
    events.push(smsTo(s.msisdn, SENDER.kiosk, texts.kioskLocked()), ...endSessionsOf(ctx.state, s.msisdn, "locked"))
  return {
    events,
    error: lock
      ? err(
          "KIOSK_LOCKED",
          `code: wrong code (${failures} in a row); kiosk access blocked for ${ctx.cat.data.auth.kioskLockHours} h`,
          "Неверный код доступа. Доступ к сервису заблокирован на сутки",
          "code",
        )
      : err("WRONG_CODE", `code: wrong kiosk code (${failures})`, "Неверный код доступа", "code"),
  }
}
