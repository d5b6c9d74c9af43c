// Sessions in the core: bound to the channel that opened them (R25), kiosk terminal sessions
// with their own idle limit from the catalog (R27). Refused input changes neither state nor log.
import { describe, expect, it } from "vitest"
import { defaultCatalog } from "../../core/catalog/default.ts"
import { indexCatalog } from "../../core/catalog/load.ts"
import { MINUTE } from "../../core/domain/time.ts"
import { TwinCore } from "../../core/engine/twin-core.ts"
import { memoryLog } from "../../core/store/event-log.ts"
import { sha256 } from "../../core/rules/secrets.ts"
import { encodeState, stateHash } from "../../core/state/snapshot.ts"
import { addSub, codeFrom, fails, newTwin, rub, run, T0, unchanged } from "../helpers/twin.ts"

const A = "79160000002"

const lkLogin = (t: TwinCore, channel: "lk" | "app"): string => {
  run(t, { _tag: "SetPassword", msisdn: A, password: "Moscow2026" })
  return run(t, { _tag: "Login", msisdn: A, secret: "Moscow2026", channel }).value.token
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
    expect(run(t, { _tag: "ResumeSession", token, channel: "lk", via: "lk" }).value).toEqual({
      msisdn: A,
      channel: "lk",
    })
  })
  it("R25: an app token opens the app, not the LK", () => {
    const t = newTwin()
    addSub(t, A, "smart")
    const token = lkLogin(t, "app")
    unchanged(t, () => expect(fails(t, { _tag: "ResumeSession", token, channel: "lk" }).field).toBe("channel"))
    expect(run(t, { _tag: "ResumeSession", token, channel: "app" }).value.msisdn).toBe(A)
  })
  it("R25: a wrong-channel token does not end or touch an idle session either", () => {
    const t = newTwin()
    addSub(t, A, "smart")
    const token = lkLogin(t, "lk")
    t.advanceBy(19 * MINUTE)
    unchanged(t, () => expect(fails(t, { _tag: "ResumeSession", token, channel: "app" }).field).toBe("channel"))
    expect(t.state.sessions.has(sha256(token))).toBe(true)
    // Not touched by the wrong channel: it still ends 20 minutes after its last use, at its expiry.
    t.advanceBy(1 * MINUTE)
    expect(t.state.sessions.has(sha256(token))).toBe(false)
    const e = fails(t, { _tag: "ResumeSession", token, channel: "lk" })
    expect([e.code, e.field]).toEqual(["SESSION_INVALID", "token"])
    expect(t.state.sessions.has(sha256(token))).toBe(false)
  })
  it("R25: an idle session is removed at its expiry in twin time (its own timer, not the daily job), also after a restart", () => {
    const t = newTwin()
    addSub(t, A, "smart")
    const token = lkLogin(t, "lk")
    t.advanceBy(10 * MINUTE)
    run(t, { _tag: "ResumeSession", token, channel: "lk" })
    t.advanceBy(20 * MINUTE - 1)
    expect(t.state.sessions.has(sha256(token))).toBe(true)
    // A restarted twin rebuilds the timer from the state and ends the session at the same instant.
    const copy = memoryLog()
    for (const e of t.log.read(0)) copy.append(e)
    const restored = TwinCore.restore({ id: "r", seed: "1", start: T0, catalog: t.cat, log: copy })
    for (const x of [t, restored]) {
      x.advanceBy(1)
      expect(x.state.sessions.has(sha256(token))).toBe(false)
    }
    const ended = [...t.log.read(0)].filter((e) => e.type === "SessionEnded")
    expect(ended.map((e) => e.at)).toEqual([T0 + 30 * MINUTE])
    expect(restored.hash()).toBe(t.hash())
    expect(fails(t, { _tag: "ResumeSession", token, channel: "lk" }).ru).toBe(
      "Сеанс завершен из-за бездействия. Войдите снова",
    )
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

describe("R27 kiosk terminal sessions in the core", () => {
  const kioskReady = (): { t: TwinCore; code: string } => {
    const t = newTwin()
    addSub(t, A, "smart")
    run(t, { _tag: "ConnectService", msisdn: A, service: "e-assistant", by: A, via: "sms" })
    run(t, { _tag: "RequestKioskCode", msisdn: A, by: A, via: "sms" })
    return { t, code: codeFrom(t, A, "6262") }
  }

  it("R27: a successful KioskLogin opens a kiosk session; the token is stored only as its hash", () => {
    const { t, code } = kioskReady()
    const { token, msisdn } = run(t, {
      _tag: "KioskLogin",
      msisdn: A,
      code,
      by: A,
      via: "kiosk",
    }).value
    expect(msisdn).toBe(A)
    expect(token).toMatch(/^[0-9a-f]{32}$/)
    const x = t.state.sessions.get(sha256(token))
    expect([x?.msisdn, x?.channel]).toEqual([A, "kiosk"])
    expect(JSON.stringify(encodeState(t.state))).not.toContain(token)
    expect([...t.log.read(0)].map((e) => JSON.stringify(e)).join("\n")).not.toContain(token)
    expect(run(t, { _tag: "ResumeSession", token, channel: "kiosk" }).value).toEqual({ msisdn: A, channel: "kiosk" })
  })

  it("R27: the kiosk session ends after auth.kioskSessionIdleMinutes (default 5) without activity, in twin time", () => {
    const { t, code } = kioskReady()
    expect(t.cat.data.auth.kioskSessionIdleMinutes).toBe(5)
    const { token } = run(t, { _tag: "KioskLogin", msisdn: A, code }).value
    t.advanceBy(4 * MINUTE)
    run(t, { _tag: "ResumeSession", token, channel: "kiosk" })
    t.advanceBy(4 * MINUTE)
    run(t, { _tag: "ResumeSession", token, channel: "kiosk" })
    t.advanceBy(5 * MINUTE)
    const e = fails(t, { _tag: "ResumeSession", token, channel: "kiosk" })
    expect([e.code, e.field]).toEqual(["SESSION_INVALID", "token"])
    expect(e.message).toContain("5 minutes")
    expect(t.state.sessions.has(sha256(token))).toBe(false)
  })

  it("R25 R27: an LK session keeps its 20 minutes while the kiosk has 5; each channel gets its own limit", () => {
    const { t, code } = kioskReady()
    const kiosk = run(t, { _tag: "KioskLogin", msisdn: A, code }).value.token
    const lk = lkLogin(t, "lk")
    t.advanceBy(6 * MINUTE)
    expect(fails(t, { _tag: "ResumeSession", token: kiosk, channel: "kiosk" }).code).toBe("SESSION_INVALID")
    expect(run(t, { _tag: "ResumeSession", token: lk, channel: "lk" }).value.msisdn).toBe(A)
  })

  it("R27: the idle limit is catalog data", () => {
    const t = newTwin({
      catalog: indexCatalog({
        ...defaultCatalog,
        auth: { ...defaultCatalog.auth, scryptN: 16, kioskSessionIdleMinutes: 2 },
      }),
    })
    addSub(t, A, "smart", rub(100), { services: ["e-assistant"] })
    run(t, { _tag: "RequestKioskCode", msisdn: A })
    const { token } = run(t, { _tag: "KioskLogin", msisdn: A, code: codeFrom(t, A, "6262") }).value
    t.advanceBy(2 * MINUTE)
    expect(fails(t, { _tag: "ResumeSession", token, channel: "kiosk" }).code).toBe("SESSION_INVALID")
  })

  it("R27: a kiosk token does not open the LK or the app; a wrong code opens no session", () => {
    const { t, code } = kioskReady()
    const { token } = run(t, { _tag: "KioskLogin", msisdn: A, code }).value
    for (const channel of ["lk", "app"] as const)
      unchanged(t, () => expect(fails(t, { _tag: "ResumeSession", token, channel }).field).toBe("channel"))
    const n = t.state.sessions.size
    fails(t, { _tag: "KioskLogin", msisdn: A, code: code === "000000" ? "111111" : "000000" })
    expect(t.state.sessions.size).toBe(n)
  })

  it("R27 I7: kiosk sessions survive a replay of the log", () => {
    const { t, code } = kioskReady()
    run(t, { _tag: "KioskLogin", msisdn: A, code })
    t.flush()
    const replayed = TwinCore.replay({ id: t.id, seed: t.state.seed, start: T0, catalog: t.cat, log: t.log })
    expect(stateHash(replayed)).toBe(t.hash())
  })

  it("R27: the daily job ends kiosk sessions idle past the kiosk limit", () => {
    const { t, code } = kioskReady()
    const { token } = run(t, { _tag: "KioskLogin", msisdn: A, code }).value
    t.advanceBy(24 * 60 * MINUTE)
    expect(t.state.sessions.has(sha256(token))).toBe(false)
  })
})
