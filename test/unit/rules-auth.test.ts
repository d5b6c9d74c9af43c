// Logins decided by core/rules/auth.ts (R22–R24, R27, I6): the SMS password and its 48 hours, the
// LK lock after 3 wrong codes, the kiosk code and its 24-hour block after more than 3 wrong codes,
// the code request limit. Exact codes, fields, counts and instants.
import { describe, expect, it } from "vitest"
import { defaultCatalog } from "../../core/catalog/default.ts"
import { indexCatalog } from "../../core/catalog/load.ts"
import { HOUR } from "../../core/domain/time.ts"
import type { TwinCore } from "../../core/engine/twin-core.ts"
import { addSub, codeFrom, fails, newTwin, rub, run, sub, unchanged } from "../helpers/twin.ts"

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
  })
})
