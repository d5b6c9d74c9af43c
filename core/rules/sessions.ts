// Session idle limits per channel (R25, R27): LK and app sessions end after
// auth.sessionIdleMinutes without activity, kiosk terminal sessions after auth.kioskSessionIdleMinutes.
import type { CatalogIndex } from "../catalog/load.ts"
import type { Draft } from "../domain/events.ts"
import type { State } from "../state/model.ts"
import { MINUTE } from "../domain/time.ts"

/** Minutes without activity after which a session of `channel` ends. */
export const sessionIdleMinutes = (cat: CatalogIndex, channel: string): number =>
  channel === "kiosk" ? cat.data.auth.kioskSessionIdleMinutes : cat.data.auth.sessionIdleMinutes

/** The same limit in milliseconds. */
export const sessionIdleMs = (cat: CatalogIndex, channel: string): number => sessionIdleMinutes(cat, channel) * MINUTE

/** Has a session last seen at `lastSeen` on `channel` lapsed by `now`? */
export const sessionLapsed = (cat: CatalogIndex, channel: string, lastSeen: number, now: number): boolean =>
  lastSeen + sessionIdleMs(cat, channel) <= now

/**
 * End every open session of `msisdn` (but `keepHash`'s): when its LK login locks, its kiosk
 * access is blocked, or its password changes, nobody stays logged in on the old credentials.
 */
export const endSessionsOf = (
  state: State,
  msisdn: string,
  reason: "locked" | "password",
  keepHash?: string,
): Draft[] => {
  const out: Draft[] = []
  for (const x of state.sessions.values())
    if (x.msisdn === msisdn && x.tokenHash !== keepHash)
      out.push({ type: "SessionEnded", tokenHash: x.tokenHash, reason })
  return out
}

/**
 * R25, R27: the idle timer of a session, run at `at` in twin time: the session ends at its expiry
 * (lastSeen + idle limit), or, when it was used since the timer was set, the timer moves to the new
 * expiry (returned as `recheckAt`). Expired sessions thus leave memory at their expiry, not at midnight.
 */
export const sessionIdleJob = (
  cat: CatalogIndex,
  state: State,
  tokenHash: string,
  at: number,
): { end: Draft[]; recheckAt: number | null } => {
  const x = state.sessions.get(tokenHash)
  if (x === undefined) return { end: [], recheckAt: null }
  const expiry = x.lastSeen + sessionIdleMs(cat, x.channel)
  return expiry <= at
    ? { end: [{ type: "SessionEnded", tokenHash, reason: "idle" }], recheckAt: null }
    : { end: [], recheckAt: expiry }
}
