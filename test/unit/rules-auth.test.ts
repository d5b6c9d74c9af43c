// Logins decided by core/rules/auth.ts (R22–R24, R27, I6): the SMS password and its 48 hours, the
// LK lock after 3 wrong codes, the kiosk code and its 24-hour block after more than 3 wrong codes,
// the code request limit. Exact codes, fields, counts and instants.
import { describe, expect, it } from "vitest"
import { defaultCatalog } from "../../core/catalog/default.ts"
import { indexCatalog } from "../../core/catalog/load.ts"
import { HOUR, MINUTE } from "../../core/domain/time.ts"
import type { TwinCore } from "../../core/engine/twin-core.ts"
import { addSub, codeFrom, fails, inbox, lastSms, newTwin, rub, run, sub, unchanged } from "../helpers/twin.ts"

const A = "79160000801"

const lk = (t: TwinCore, secret: string) => t.execute({ _tag: "Login", msisdn: A, secret, channel: "lk" })
const failure = (r: ReturnType<typeof lk>) => {
  if (r._tag === "Success") throw new Error("the login succeeded")
  return [r.failure.code, r.failure.field]
}

describe("R22–R24 LK login", () => {
  it("R22: the SMS password from 3339 opens a session; the token is returned, only its hash logged", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(10))
    const r = run(t, { _tag: "RequestOtp", msisdn: A, by: A })
    expect(r.value.expiresAt).toBe(t.now + 48 * HOUR)
    const code = codeFrom(t, A, "3339")
    const ok = lk(t, ` ${code} `)
    if (ok._tag === "Failure") throw new Error(ok.failure.message)
    expect(ok.success.value.msisdn).toBe(A)
    expect(ok.success.value.token).toMatch(/^[0-9a-f]{32}$/)
    expect(ok.success.events.find((e) => e.type === "LoginSucceeded")).toMatchObject({ channel: "lk", method: "otp" })
    expect(JSON.stringify(ok.success.events)).not.toContain(ok.success.value.token)
  })
  it("R22: the SMS password lapses after 48 hours: CODE_EXPIRED, not a wrong code", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(10))
    run(t, { _tag: "RequestOtp", msisdn: A })
    const code = codeFrom(t, A, "3339")
    t.advanceBy(48 * HOUR - 1)
    t.advanceBy(1)
    expect(failure(lk(t, code))).toEqual(["CODE_EXPIRED", "secret"])
    expect(sub(t, A).auth.lkFailures).toBe(0)
  })
  it("R24, I6: 2 wrong codes are WRONG_CODE, the 3rd locks; then even the right code is LOGIN_LOCKED", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(10))
    run(t, { _tag: "RequestOtp", msisdn: A })
    const code = codeFrom(t, A, "3339")
    expect(failure(lk(t, "0000x"))).toEqual(["WRONG_CODE", "secret"])
    expect(sub(t, A).auth.lkFailures).toBe(1)
    expect(failure(lk(t, "0000y"))).toEqual(["WRONG_CODE", "secret"])
    const third = lk(t, "0000z")
    expect(failure(third)).toEqual(["LOGIN_LOCKED", "secret"])
    expect(sub(t, A).auth.lkLocked).toBe(true)
    unchanged(t, () => expect(failure(lk(t, code))).toEqual(["LOGIN_LOCKED", "msisdn"]))
  })
  it("R24: an empty or over-long secret is INVALID_FIELD and counts no failure", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(10))
    expect(failure(lk(t, "   "))).toEqual(["INVALID_FIELD", "secret"])
    expect(failure(lk(t, "x".repeat(129)))).toEqual(["INVALID_FIELD", "secret"])
    expect(sub(t, A).auth.lkFailures).toBe(0)
    expect(failure(lk(t, "x".repeat(128)))).toEqual(["WRONG_CODE", "secret"])
  })
  it("R22, I9: only the number itself may ask for its SMS password", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(10))
    expect(fails(t, { _tag: "RequestOtp", msisdn: A, by: "79160000802" }).code).toBe("NOT_AUTHORIZED")
    expect(fails(t, { _tag: "RequestOtp", msisdn: "79169999999" }).code).toBe("UNKNOWN_SUBSCRIBER")
  })
  it("R23: with a limit of 2 code requests an hour, the 3rd within the hour is RATE_LIMITED", () => {
    const t = newTwin({
      catalog: indexCatalog({
        ...defaultCatalog,
        auth: { ...defaultCatalog.auth, scryptN: 16, codeRequestsPerHour: 2 },
      }),
    })
    addSub(t, A, "smart", rub(10))
    run(t, { _tag: "RequestOtp", msisdn: A })
    run(t, { _tag: "RequestOtp", msisdn: A })
    const e = fails(t, { _tag: "RequestOtp", msisdn: A })
    expect([e.code, e.field]).toEqual(["RATE_LIMITED", "msisdn"])
    t.advanceBy(HOUR)
    run(t, { _tag: "RequestOtp", msisdn: A })
  })
})

describe("R27 kiosk «Электронный Помощник»", () => {
  const kiosk = (t: TwinCore, code: string) => t.execute({ _tag: "KioskLogin", msisdn: A, code })
  const ready = (): TwinCore => {
    const t = newTwin()
    addSub(t, A, "smart", rub(10), { services: ["e-assistant"] })
    run(t, { _tag: "RequestKioskCode", msisdn: A, by: A })
    return t
  }
  it("R27: the 6-digit code from 6262 opens the kiosk", () => {
    const t = ready()
    const code = codeFrom(t, A, "6262")
    expect(code).toMatch(/^\d{6}$/)
    const r = kiosk(t, code)
    if (r._tag === "Failure") throw new Error(r.failure.message)
    expect(r.success.events[0]).toMatchObject({ type: "KioskLogin", ok: true, failures: 0, lockedUntil: 0 })
  })
  it("R27, I6: 3 wrong codes are WRONG_CODE; the 4th blocks for 24 hours; afterwards the old code works", () => {
    const t = ready()
    const code = codeFrom(t, A, "6262")
    for (let i = 1; i <= 3; i++) {
      const r = kiosk(t, "000000")
      if (r._tag === "Success") throw new Error("a wrong code opened the kiosk")
      expect([r.failure.code, r.failure.field]).toEqual(["WRONG_CODE", "code"])
      expect(sub(t, A).auth.kioskFailures).toBe(i)
    }
    const lockAt = t.now
    const r = kiosk(t, "000000")
    if (r._tag === "Success") throw new Error("a wrong code opened the kiosk")
    expect([r.failure.code, r.failure.field]).toEqual(["KIOSK_LOCKED", "code"])
    expect(sub(t, A).auth.kioskLockedUntil).toBe(lockAt + 24 * HOUR)
    const during = kiosk(t, code)
    if (during._tag === "Success") throw new Error("the kiosk opened while blocked")
    expect([during.failure.code, during.failure.field]).toEqual(["KIOSK_LOCKED", "msisdn"])
    expect(fails(t, { _tag: "RequestKioskCode", msisdn: A }).code).toBe("KIOSK_LOCKED")
    t.advanceBy(24 * HOUR - 1)
    expect(fails(t, { _tag: "RequestKioskCode", msisdn: A }).code).toBe("KIOSK_LOCKED")
    t.advanceBy(1)
    const once = kiosk(t, "000000")
    if (once._tag === "Success") throw new Error("a wrong code opened the kiosk")
    expect(once.failure.code).toBe("WRONG_CODE")
    expect(sub(t, A).auth.kioskFailures).toBe(1)
    expect(kiosk(t, code)._tag).toBe("Success")
  })
  it("R27: without the service, with no code ordered, on corporate or VIP tariffs the kiosk refuses", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(10))
    expect(fails(t, { _tag: "RequestKioskCode", msisdn: A }).code).toBe("KIOSK_NOT_CONNECTED")
    expect(fails(t, { _tag: "KioskLogin", msisdn: A, code: "123456" }).code).toBe("KIOSK_NOT_CONNECTED")
    run(t, { _tag: "ConnectService", msisdn: A, service: "e-assistant" })
    const none = fails(t, { _tag: "KioskLogin", msisdn: A, code: "123456" })
    expect([none.code, none.field]).toEqual(["NO_CODE", "code"])
    const V = "79160000803"
    addSub(t, V, "vip", rub(10))
    expect(fails(t, { _tag: "RequestKioskCode", msisdn: V }).code).toBe("SERVICE_NOT_AVAILABLE")
    const C = "79160000804"
    addSub(t, C, "corporate", rub(10))
    expect(fails(t, { _tag: "KioskLogin", msisdn: C, code: "123456" }).code).toBe("SERVICE_NOT_AVAILABLE")
    expect(fails(t, { _tag: "RequestKioskCode", msisdn: A, by: V }).code).toBe("NOT_AUTHORIZED")
    expect(fails(t, { _tag: "RequestKioskCode", msisdn: V }).message).toBe(
      "msisdn: «Электронный Помощник» is not available on VIP tariff vip",
    )
    expect(fails(t, { _tag: "RequestKioskCode", msisdn: C }).message).toBe(
      "msisdn: «Электронный Помощник» is not available on corporate tariff corporate",
    )
  })
})

const PW = "Moscow2026"
/** A twin with A holding the permanent password PW (set by the operator: no current password needed). */
const withPassword = (o: { notify?: boolean } = {}): TwinCore => {
  const t = newTwin()
  addSub(t, A, "smart", rub(10))
  if (o.notify === false) run(t, { _tag: "SetNotifications", msisdn: A, logins: false })
  run(t, { _tag: "SetPassword", msisdn: A, password: PW })
  return t
}
const open = (t: TwinCore, channel: "lk" | "app" = "lk"): string =>
  run(t, { _tag: "Login", msisdn: A, secret: PW, channel }).value.token
const sessionsOf = (t: TwinCore): number => [...t.state.sessions.values()].filter((x) => x.msisdn === A).length
const other = (code: string): string => (code[0] === "0" ? `1${code.slice(1)}` : `0${code.slice(1)}`)

describe("R22–R24 login decisions", () => {
  it("R24: a permanent password logs in by method «password»; a login SMS with the date and time of the twin", () => {
    const t = withPassword()
    const r = run(t, { _tag: "Login", msisdn: A, secret: PW, channel: "app" })
    expect(r.events[0]).toMatchObject({ type: "LoginSucceeded", msisdn: A, channel: "app", method: "password" })
    expect(r.value.msisdn).toBe(A)
    expect(lastSms(t, A, "MTS")).toBe(
      "Выполнен вход в Личный кабинет МТС 01.06.2026 в 09:00. Если это были не вы, смените пароль.",
    )
    expect(t.state.sessions.get(r.events[0]?.type === "LoginSucceeded" ? r.events[0].tokenHash : "")).toMatchObject({
      msisdn: A,
      channel: "app",
      method: "password",
    })
  })
  it("R24: with login notifications off, a password login sends no SMS; a network login (R26) still does", () => {
    const t = withPassword({ notify: false })
    const n = inbox(t, A).length
    const r = run(t, { _tag: "Login", msisdn: A, secret: PW, channel: "lk" })
    expect(r.events.map((e) => e.type)).toEqual(["LoginSucceeded"])
    expect(inbox(t, A)).toHaveLength(n)
    run(t, { _tag: "SetNetwork", msisdn: A, mobileData: true })
    const net = run(t, { _tag: "LoginByNetwork", msisdn: A, channel: "app" })
    expect(net.events.map((e) => e.type)).toEqual(["LoginSucceeded", "SmsDelivered"])
    expect(net.events[0]).toMatchObject({ method: "network", channel: "app" })
    expect(net.value.msisdn).toBe(A)
    expect(net.value.token).toMatch(/^[0-9a-f]{32}$/)
  })
  it("R26: without MTS mobile data, or for an unknown number, no network login; nothing changes", () => {
    const t = withPassword()
    unchanged(t, () => {
      const e = fails(t, { _tag: "LoginByNetwork", msisdn: A, channel: "lk" })
      expect([e.code, e.field]).toEqual(["NETWORK_ID_UNAVAILABLE", "msisdn"])
      expect(fails(t, { _tag: "LoginByNetwork", msisdn: "79169999999", channel: "lk" }).code).toBe("UNKNOWN_SUBSCRIBER")
      expect(fails(t, { _tag: "Login", msisdn: "79169999999", secret: PW, channel: "lk" }).code).toBe(
        "UNKNOWN_SUBSCRIBER",
      )
    })
  })
  it("R22: a lapsed SMS password does not block the permanent password; a right login resets the failures", () => {
    const t = withPassword()
    run(t, { _tag: "RequestOtp", msisdn: A })
    const code = codeFrom(t, A, "3339")
    expect(failure(lk(t, "wrong-one"))).toEqual(["WRONG_CODE", "secret"])
    expect(sub(t, A).auth.lkFailures).toBe(1)
    t.advanceBy(48 * HOUR)
    const r = run(t, { _tag: "Login", msisdn: A, secret: PW, channel: "lk" })
    expect(r.events[0]).toMatchObject({ method: "password" })
    expect(sub(t, A).auth.lkFailures).toBe(0)
    // The expired SMS password is CODE_EXPIRED and counts nothing.
    unchanged(t, () => expect(failure(lk(t, code))).toEqual(["CODE_EXPIRED", "secret"]))
  })
  it("R24: a wrong code says how many attempts are left; the 3rd logs LoginFailed locked, the SMS, ends sessions", () => {
    const t = withPassword()
    const token = open(t)
    const first = lk(t, "wrong-one")
    if (first._tag === "Success") throw new Error("a wrong password opened the LK")
    expect(first.failure.ru).toBe("Неверный пароль. Осталось попыток: 2")
    const second = lk(t, "wrong-two")
    if (second._tag === "Success") throw new Error("a wrong password opened the LK")
    expect(second.failure.ru).toBe("Неверный пароль. Осталось попыток: 1")
    expect(sub(t, A).auth.lkLocked).toBe(false)
    expect(sessionsOf(t)).toBe(1)
    lk(t, "wrong-three")
    const tail = [...t.log.read(t.log.count() - 3)]
    expect(tail.map((e) => e.type)).toEqual(["LoginFailed", "SmsDelivered", "SessionEnded"])
    expect(tail[0]).toMatchObject({ msisdn: A, failures: 3, locked: true })
    expect(tail[2]).toMatchObject({ reason: "locked" })
    expect(lastSms(t, A, "MTS")).toBe(
      "Вход в Личный кабинет заблокирован: 3 раза подряд введен неверный пароль. Для входа получите новый пароль по SMS.",
    )
    expect(sessionsOf(t)).toBe(0)
    unchanged(t, () => expect(fails(t, { _tag: "ResumeSession", token }).code).toBe("SESSION_INVALID"))
  })
  it("R24: a wrong code before the 3rd logs only LoginFailed (not locked) and ends no session", () => {
    const t = withPassword()
    open(t)
    const n = t.log.count()
    lk(t, "wrong-one")
    expect(t.log.count()).toBe(n + 1)
    expect([...t.log.read(n)][0]).toMatchObject({ type: "LoginFailed", failures: 1, locked: false })
  })
})

describe("R25 sessions: resume and logout", () => {
  it("R25: an unknown token is SESSION_INVALID on token, «Сеанс завершен»; nothing changes", () => {
    const t = withPassword()
    unchanged(t, () => {
      const e = fails(t, { _tag: "ResumeSession", token: "0".repeat(32) })
      expect([e.code, e.field, e.ru]).toEqual(["SESSION_INVALID", "token", "Сеанс завершен. Войдите снова"])
    })
  })
  it("R25: at exactly 20 minutes idle the session ends (SessionEnded idle); asked again it says «из-за бездействия»", () => {
    const t = withPassword()
    const token = open(t)
    t.advanceBy(20 * MINUTE - 1)
    const touched = run(t, { _tag: "ResumeSession", token, channel: "lk" })
    expect(touched.events.map((e) => e.type)).toEqual(["SessionTouched"])
    expect(touched.value).toEqual({ msisdn: A, channel: "lk" })
    // The same instant again: nothing to record.
    expect(run(t, { _tag: "ResumeSession", token }).events).toEqual([])
    t.advanceBy(20 * MINUTE - 1)
    run(t, { _tag: "ResumeSession", token })
    // Ended at its expiry by its own timer, the session says why.
    t.advanceBy(20 * MINUTE)
    unchanged(t, () => {
      const e = fails(t, { _tag: "ResumeSession", token })
      expect([e.code, e.field, e.ru]).toEqual([
        "SESSION_INVALID",
        "token",
        "Сеанс завершен из-за бездействия. Войдите снова",
      ])
      expect(e.message).toContain("20 minutes")
    })
  })
  it("R25: logout ends the session (SessionEnded logout); a second logout records nothing", () => {
    const t = withPassword()
    const token = open(t)
    const r = run(t, { _tag: "Logout", token })
    expect(r.events).toEqual([expect.objectContaining({ type: "SessionEnded", reason: "logout" })])
    expect(sessionsOf(t)).toBe(0)
    unchanged(t, () => expect(run(t, { _tag: "Logout", token }).events).toEqual([]))
    const e = fails(t, { _tag: "ResumeSession", token })
    expect(e.ru).toBe("Сеанс завершен. Войдите снова")
  })
})

describe("R23 set password", () => {
  const change = (t: TwinCore, o: { current?: string; password?: string; confirm?: string; keep?: string }) =>
    t.execute({
      _tag: "SetPassword",
      msisdn: A,
      by: A,
      password: o.password ?? "Neva2027x",
      confirm: o.confirm ?? o.password ?? "Neva2027x",
      ...(o.current === undefined ? {} : { current: o.current }),
      ...(o.keep === undefined ? {} : { keep: o.keep }),
    })
  const refusal = (r: ReturnType<typeof change>) => {
    if (r._tag === "Success") throw new Error("the password was changed")
    return [r.failure.code, r.failure.field]
  }
  it("R23: from a channel the current password is required, must be right, the new one repeated exactly", () => {
    const t = withPassword()
    unchanged(t, () => {
      expect(refusal(change(t, {}))).toEqual(["INVALID_FIELD", "current"])
      expect(refusal(change(t, { current: "   " }))).toEqual(["INVALID_FIELD", "current"])
      expect(refusal(change(t, { current: "Moscow2025" }))).toEqual(["WRONG_CODE", "current"])
      expect(refusal(change(t, { current: PW, confirm: "Neva2027y" }))).toEqual(["INVALID_FIELD", "confirm"])
      expect(refusal(change(t, { current: PW, password: "short1" }))).toEqual(["WEAK_PASSWORD", "password"])
      expect(fails(t, { _tag: "SetPassword", msisdn: A, password: "Neva2027x", by: "79160000802" }).code).toBe(
        "NOT_AUTHORIZED",
      )
      expect(fails(t, { _tag: "SetPassword", msisdn: "79169999999", password: "Neva2027x" }).code).toBe(
        "UNKNOWN_SUBSCRIBER",
      )
    })
    expect(change(t, { current: ` ${PW} ` })._tag).toBe("Success")
    expect(lk(t, "Neva2027x")._tag).toBe("Success")
  })
  it("R23: the SMS password counts as current while valid, not after its 48 hours", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(10))
    run(t, { _tag: "RequestOtp", msisdn: A })
    const code = codeFrom(t, A, "3339")
    t.advanceBy(48 * HOUR)
    unchanged(t, () => expect(refusal(change(t, { current: code }))).toEqual(["WRONG_CODE", "current"]))
    run(t, { _tag: "RequestOtp", msisdn: A })
    const fresh = codeFrom(t, A, "3339")
    unchanged(t, () => expect(refusal(change(t, { current: other(fresh) }))).toEqual(["WRONG_CODE", "current"]))
    expect(change(t, { current: fresh })._tag).toBe("Success")
  })
  it("R23: a new password ends every other session of the number but the one kept; SMS when notifications are on", () => {
    const t = withPassword()
    const keep = open(t, "lk")
    const gone = open(t, "app")
    const r = change(t, { current: PW, keep })
    if (r._tag === "Failure") throw new Error(r.failure.message)
    expect(r.success.events.map((e) => e.type)).toEqual(["PasswordSet", "SessionEnded", "SmsDelivered"])
    expect(r.success.events[1]).toMatchObject({ reason: "password" })
    expect(run(t, { _tag: "ResumeSession", token: keep }).value.msisdn).toBe(A)
    expect(fails(t, { _tag: "ResumeSession", token: gone }).code).toBe("SESSION_INVALID")
    expect(lastSms(t, A, "MTS")).toBe("Пароль для входа в Личный кабинет изменен 01.06.2026 в 09:00.")
    // Without `keep` every session ends.
    const r2 = change(t, { current: "Neva2027x", password: "Volga2028z" })
    if (r2._tag === "Failure") throw new Error(r2.failure.message)
    expect(r2.success.events.filter((e) => e.type === "SessionEnded")).toHaveLength(1)
    expect(sessionsOf(t)).toBe(0)
  })
  it("R23: with notifications off a password change sends no SMS", () => {
    const t = withPassword({ notify: false })
    const r = change(t, { current: PW })
    if (r._tag === "Failure") throw new Error(r.failure.message)
    expect(r.success.events.map((e) => e.type)).toEqual(["PasswordSet"])
  })
  it("R23: 8 characters suffice, 7 do not; up to 64; no spaces; letters, digits and symbols only", () => {
    const t = withPassword()
    const weak = (password: string) => fails(t, { _tag: "SetPassword", msisdn: A, password })
    unchanged(t, () => {
      for (const p of ["abc4567", "a".repeat(65), "abcd\t1234", "abcd1234\u0001"]) {
        const e = weak(p)
        expect([p, e.code, e.field]).toEqual([p, "WEAK_PASSWORD", "password"])
        expect(e.ru).toBe(
          "Пароль должен содержать не менее 8 букв или цифр, без пробелов. Советуем добавить символы и заглавные буквы",
        )
      }
      expect(weak("abc4567").message).toBe("password: must be at least 8 characters, got 7")
      expect(weak("a".repeat(65)).message).toBe("password: must be at most 64 characters")
      expect(weak("abcd 1234").message).toBe("password: may not contain spaces")
      expect(weak("abcd1234\u0001").message).toBe("password: may contain letters, digits and symbols only")
    })
    for (const p of ["abcd1234", "a".repeat(64), "Ёжик-2026!", "12345678"])
      run(t, { _tag: "SetPassword", msisdn: A, password: p })
  })
})

describe("R27 kiosk decisions", () => {
  const ready = (): TwinCore => {
    const t = newTwin()
    addSub(t, A, "smart", rub(10), { services: ["e-assistant"] })
    run(t, { _tag: "RequestKioskCode", msisdn: A, by: A })
    return t
  }
  const kiosk = (t: TwinCore, code: string) => t.execute({ _tag: "KioskLogin", msisdn: A, code })
  it("R27: the code SMS from 6262 has the operator's words; the event logs only the hash", () => {
    const t = ready()
    const code = codeFrom(t, A, "6262")
    expect(lastSms(t, A, "6262")).toBe(`Код доступа к «Электронному Помощнику»: ${code}. Никому не сообщайте код.`)
    const r = kiosk(t, ` ${code} `)
    if (r._tag === "Failure") throw new Error(r.failure.message)
    expect(r.success.value.msisdn).toBe(A)
    expect(r.success.value.token).toMatch(/^[0-9a-f]{32}$/)
    expect(JSON.stringify(r.success.events)).not.toContain(r.success.value.token)
  })
  it("R27: the 4th wrong code logs the block with the SMS and ends the number's sessions; the refusal names the end", () => {
    const t = ready()
    const code = codeFrom(t, A, "6262")
    const token = run(t, { _tag: "KioskLogin", msisdn: A, code }).value.token
    for (let i = 0; i < 3; i++) kiosk(t, other(code))
    const n = t.log.count()
    const at = t.now
    kiosk(t, other(code))
    const tail = [...t.log.read(n)]
    expect(tail.map((e) => e.type)).toEqual(["KioskLogin", "SmsDelivered", "SessionEnded"])
    expect(tail[0]).toMatchObject({ ok: false, failures: 4, lockedUntil: at + 24 * HOUR })
    expect(lastSms(t, A, "6262")).toBe(
      "Код доступа к «Электронному Помощнику» введен неверно более 3 раз. Доступ к сервису заблокирован на сутки.",
    )
    expect(fails(t, { _tag: "ResumeSession", token }).code).toBe("SESSION_INVALID")
    const e = fails(t, { _tag: "RequestKioskCode", msisdn: A })
    expect([e.code, e.field]).toEqual(["KIOSK_LOCKED", "msisdn"])
    expect(e.ru).toBe(
      "Доступ к сервису «Электронный Помощник» заблокирован до 02.06.2026 09:00 из-за неверного ввода кода. " +
        "После этого войдите с прежним кодом или закажите новый.",
    )
  })
  it("R27: a right code resets the count: 3 wrong, right, 3 wrong again are WRONG_CODE, not a block", () => {
    const t = ready()
    const code = codeFrom(t, A, "6262")
    for (let i = 0; i < 3; i++) kiosk(t, other(code))
    expect(sub(t, A).auth.kioskFailures).toBe(3)
    expect(kiosk(t, code)._tag).toBe("Success")
    expect(sub(t, A).auth.kioskFailures).toBe(0)
    for (let i = 0; i < 3; i++) {
      const r = kiosk(t, other(code))
      expect(r._tag === "Failure" && r.failure.code).toBe("WRONG_CODE")
    }
  })
  it("R27: after the block a new code may be ordered; unknown numbers and others' numbers are refused", () => {
    const t = ready()
    const code = codeFrom(t, A, "6262")
    for (let i = 0; i < 4; i++) kiosk(t, other(code))
    t.advanceBy(24 * HOUR)
    run(t, { _tag: "RequestKioskCode", msisdn: A, by: A })
    const fresh = codeFrom(t, A, "6262")
    expect(kiosk(t, fresh)._tag).toBe("Success")
    unchanged(t, () => {
      expect(fails(t, { _tag: "KioskLogin", msisdn: "79169999999", code: fresh }).code).toBe("UNKNOWN_SUBSCRIBER")
      expect(fails(t, { _tag: "RequestKioskCode", msisdn: "79169999999" }).code).toBe("UNKNOWN_SUBSCRIBER")
    })
  })
  it("R23: kiosk codes count against the hourly code allowance", () => {
    const t = newTwin({
      catalog: indexCatalog({
        ...defaultCatalog,
        auth: { ...defaultCatalog.auth, scryptN: 16, codeRequestsPerHour: 1 },
      }),
    })
    addSub(t, A, "smart", rub(10), { services: ["e-assistant"] })
    run(t, { _tag: "RequestKioskCode", msisdn: A })
    unchanged(t, () => expect(fails(t, { _tag: "RequestKioskCode", msisdn: A }).code).toBe("RATE_LIMITED"))
    t.advanceBy(HOUR - 1)
    unchanged(t, () => expect(fails(t, { _tag: "RequestOtp", msisdn: A }).code).toBe("RATE_LIMITED"))
    t.advanceBy(1)
    run(t, { _tag: "RequestOtp", msisdn: A })
  })
})
