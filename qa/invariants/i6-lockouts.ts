// I6 Lockouts: the 3rd wrong LK code / the 4th wrong kiosk code locks (limits from the catalog);
// no code is accepted while locked.
import { HOUR } from "../../core/domain/time.ts"
import { walk, type Invariant } from "./types.ts"

export const i6Lockouts: Invariant = {
  id: "I6",
  title: "the Nth wrong LK / (N+1)th wrong kiosk code locks; nothing is accepted while locked",
  regression: (c) => {
    const s = c.step
    const kiosk = s.t === "kiosk-inbox" || (s.t === "command" && s.command._tag === "KioskLogin")
    return { outcome: kiosk ? "KIOSK_LOCKED" : "LOGIN_LOCKED" }
  },
  check(c) {
    const a = c.twin.cat.data.auth
    const r = walk(c, (e, at) => {
      if (at === undefined) return null
      switch (e.type) {
        case "LoginFailed":
          if (at.lkLocked) return `LK code of ${e.msisdn} was checked while locked (seq ${e.seq})`
          if (e.failures !== at.lkFailures + 1)
            return `LK failures of ${e.msisdn} went ${at.lkFailures} → ${e.failures}`
          if (e.locked !== e.failures >= a.lkMaxFailures)
            return `LK wrong code #${e.failures} of ${e.msisdn}: locked=${e.locked}, limit ${a.lkMaxFailures}`
          return null
        case "LoginSucceeded":
          if (at.lkLocked && e.method !== "network")
            return `LK login of ${e.msisdn} by ${e.method} accepted while locked (seq ${e.seq})`
          return null
        case "KioskLogin": {
          if (at.kioskLockedUntil > e.at)
            return `kiosk code of ${e.msisdn} was checked while blocked until ${at.kioskLockedUntil} (seq ${e.seq})`
          if (e.ok)
            return e.failures === 0 && e.lockedUntil === 0
              ? null
              : `successful kiosk login of ${e.msisdn} left failures ${e.failures}`
          const prior = at.kioskLockedUntil !== 0 ? 0 : at.kioskFailures
          if (e.failures !== prior + 1) return `kiosk failures of ${e.msisdn} went ${prior} → ${e.failures}`
          const lock = e.failures > a.kioskMaxFailures
          if (lock !== e.lockedUntil > e.at)
            return `kiosk wrong code #${e.failures} of ${e.msisdn}: lockedUntil=${e.lockedUntil}, limit ${a.kioskMaxFailures}`
          if (lock && e.lockedUntil !== e.at + a.kioskLockHours * HOUR)
            return `kiosk block of ${e.msisdn} until ${e.lockedUntil}, expected ${a.kioskLockHours} h`
          return null
        }
        default:
          return null
      }
    })
    if (r !== null) return r
    // The outside view: a login attempt while locked is refused as locked.
    const s = c.step
    if (s.t === "login-inbox" || (s.t === "command" && s.command._tag === "Login")) {
      const m =
        s.t === "login-inbox" ? s.msisdn : s.t === "command" && s.command._tag === "Login" ? s.command.msisdn : ""
      if ((c.before.get(m)?.lkLocked ?? false) && c.outcome.code !== "LOGIN_LOCKED")
        return `LK login of locked ${m} answered ${c.outcome.code ?? "ok"}, expected LOGIN_LOCKED`
    }
    if (s.t === "kiosk-inbox" || (s.t === "command" && s.command._tag === "KioskLogin")) {
      const m =
        s.t === "kiosk-inbox" ? s.msisdn : s.t === "command" && s.command._tag === "KioskLogin" ? s.command.msisdn : ""
      const until = c.before.get(m)?.kioskLockedUntil ?? 0
      if (
        until > c.twin.now &&
        c.outcome.code !== "KIOSK_LOCKED" &&
        c.outcome.code !== "KIOSK_NOT_CONNECTED" &&
        c.outcome.code !== "SERVICE_NOT_AVAILABLE"
      ) {
        return `kiosk login of blocked ${m} answered ${c.outcome.code ?? "ok"}, expected KIOSK_LOCKED`
      }
    }
    return null
  },
}
