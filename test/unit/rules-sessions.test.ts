// Session idle limits (core/rules/sessions.ts, R25, R27): 20 minutes for the LK and the app, the
// kiosk's own limit, the idle timer that ends a session at its expiry or moves to the new expiry,
// and the sessions ended when a login locks or a password changes (all but the one kept).
import { describe, expect, it } from "vitest"
import { MINUTE } from "../../core/domain/time.ts"
import { sha256 } from "../../core/rules/secrets.ts"
import { endSessionsOf, sessionIdleJob, sessionIdleMinutes, sessionLapsed } from "../../core/rules/sessions.ts"
import { addSub, newTwin, rub, run } from "../helpers/twin.ts"

const A = "79160000951"
const B = "79160000952"

const twin = () => {
  const t = newTwin()
  addSub(t, A, "smart", rub(10))
  addSub(t, B, "smart", rub(10))
  run(t, { _tag: "SetPassword", msisdn: A, password: "Moscow2026" })
  run(t, { _tag: "SetPassword", msisdn: B, password: "Moscow2026" })
  return t
}
const open = (t: ReturnType<typeof twin>, msisdn: string, channel: "lk" | "app" = "lk") =>
  sha256(run(t, { _tag: "Login", msisdn, secret: "Moscow2026", channel }).value.token)

describe("R25, R27 idle limits", () => {
  it("R25, R27: 20 minutes for the LK and the app, the catalog's kiosk limit (5) for the kiosk", () => {
    const t = twin()
    expect([sessionIdleMinutes(t.cat, "lk"), sessionIdleMinutes(t.cat, "app")]).toEqual([20, 20])
    expect(sessionIdleMinutes(t.cat, "kiosk")).toBe(t.cat.data.auth.kioskSessionIdleMinutes)
    expect(t.cat.data.auth.kioskSessionIdleMinutes).toBe(5)
  })
  it("R25: a session lapses at exactly its limit after it was last seen, not a millisecond before", () => {
    const t = twin()
    expect(sessionLapsed(t.cat, "lk", 0, 20 * MINUTE - 1)).toBe(false)
    expect(sessionLapsed(t.cat, "lk", 0, 20 * MINUTE)).toBe(true)
    expect(sessionLapsed(t.cat, "kiosk", 0, 5 * MINUTE - 1)).toBe(false)
    expect(sessionLapsed(t.cat, "kiosk", 0, 5 * MINUTE)).toBe(true)
  })
  it("R25: the idle timer ends the session at its expiry; used since, it moves to the new expiry; gone, nothing", () => {
    const t = twin()
    const h = open(t, A)
    const seen = t.now
    expect(sessionIdleJob(t.cat, t.state, h, seen + 20 * MINUTE - 1)).toEqual({
      end: [],
      recheckAt: seen + 20 * MINUTE,
    })
    expect(sessionIdleJob(t.cat, t.state, h, seen + 20 * MINUTE)).toEqual({
      end: [{ type: "SessionEnded", tokenHash: h, reason: "idle" }],
      recheckAt: null,
    })
    expect(sessionIdleJob(t.cat, t.state, "0".repeat(64), seen)).toEqual({ end: [], recheckAt: null })
  })
})

describe("R24, R23 sessions ended on a lock or a new password", () => {
  it("R24, R23: every session of the number ends but the one kept; other numbers' sessions stay", () => {
    const t = twin()
    const a1 = open(t, A, "lk")
    const a2 = open(t, A, "app")
    open(t, B)
    expect(endSessionsOf(t.state, A, "locked")).toEqual([
      { type: "SessionEnded", tokenHash: a1, reason: "locked" },
      { type: "SessionEnded", tokenHash: a2, reason: "locked" },
    ])
    expect(endSessionsOf(t.state, A, "password", a1)).toEqual([
      { type: "SessionEnded", tokenHash: a2, reason: "password" },
    ])
    expect(endSessionsOf(t.state, "79169999999", "locked")).toEqual([])
  })
})
