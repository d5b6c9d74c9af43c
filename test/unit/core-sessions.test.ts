// Sessions in the core: bound to the channel that opened them (R25), kiosk terminal sessions
// with their own idle limit from the catalog (R27). Refused input changes neither state nor log.
import { describe, expect, it } from "vitest"
import { MINUTE } from "../../core/domain/time.ts"
import { sha256 } from "../../core/rules/secrets.ts"
import type { TwinCore } from "../../core/engine/twin-core.ts"
import { addSub, fails, newTwin, run } from "../helpers/twin.ts"

const A = "79160000002"

const unchanged = (t: TwinCore, f: () => void): void => {
  const h = t.hash()
  const n = t.log.count()
  f()
  expect(t.hash()).toBe(h)
  expect(t.log.count()).toBe(n)
}

const lkLogin = (t: TwinCore, channel: "lk" | "app"): string => {
  run(t, { _tag: "SetPassword", msisdn: A, password: "Moscow2026" })
  return run<{ token: string }>(t, { _tag: "Login", msisdn: A, secret: "Moscow2026", channel }).value.token
}

describe("R25 a session works only on the channel that opened it", () => {
  it("R25: an LK token is refused by the app and the kiosk (SESSION_INVALID naming channel), state and log unchanged", () => {
    const t = newTwin()
    addSub(t, A, "smart")
    const token = lkLogin(t, "lk")
    t.advanceBy(5 * MINUTE)
    for (const channel of ["app", "kiosk"] as const) {
      unchanged(t, () => {
        const e = fails(t, { _tag: "ResumeSession", token, channel, via: channel })
        expect(e.code).toBe("SESSION_INVALID")
        expect(e.field).toBe("channel")
        expect(e.message).toContain("opened in lk")
      })
    }
    expect(run<{ msisdn: string; channel: string }>(t, { _tag: "ResumeSession", token, channel: "lk", via: "lk" }).value).toEqual({ msisdn: A, channel: "lk" })
  })
  it("R25: an app token opens the app, not the LK", () => {
    const t = newTwin()
    addSub(t, A, "smart")
    const token = lkLogin(t, "app")
    unchanged(t, () => expect(fails(t, { _tag: "ResumeSession", token, channel: "lk" }).field).toBe("channel"))
    expect(run<{ msisdn: string }>(t, { _tag: "ResumeSession", token, channel: "app" }).value.msisdn).toBe(A)
  })
  it("R25: a wrong-channel token does not end or touch an idle session either", () => {
    const t = newTwin()
    addSub(t, A, "smart")
    const token = lkLogin(t, "lk")
    t.advanceBy(30 * MINUTE)
    unchanged(t, () => expect(fails(t, { _tag: "ResumeSession", token, channel: "app" }).field).toBe("channel"))
    expect(t.state.sessions.has(sha256(token))).toBe(true)
    const e = fails(t, { _tag: "ResumeSession", token, channel: "lk" })
    expect([e.code, e.field]).toEqual(["SESSION_INVALID", "token"])
    expect(t.state.sessions.has(sha256(token))).toBe(false)
  })
  it("R25: a channel outside lk/app/kiosk is refused at decoding, naming the field", () => {
    const t = newTwin()
    addSub(t, A, "smart")
    const token = lkLogin(t, "lk")
    unchanged(t, () => {
      const r = t.executeUnknown({ _tag: "ResumeSession", token, channel: "ussd" })
      expect(r._tag).toBe("Failure")
      if (r._tag === "Failure") {
        expect(r.failure.code).toBe("INVALID_FIELD")
        expect(r.failure.field).toBe("channel")
      }
    })
  })
})
