// Session idle limits per channel (R25, R27): LK and app sessions end after
// auth.sessionIdleMinutes without activity, kiosk terminal sessions after auth.kioskSessionIdleMinutes.
import type { CatalogIndex } from "../catalog/load.ts"
import { MINUTE } from "../domain/time.ts"

/** Minutes without activity after which a session of `channel` ends. */
export const sessionIdleMinutes = (cat: CatalogIndex, channel: string): number =>
  channel === "kiosk" ? cat.data.auth.kioskSessionIdleMinutes : cat.data.auth.sessionIdleMinutes

/** The same limit in milliseconds. */
export const sessionIdleMs = (cat: CatalogIndex, channel: string): number => sessionIdleMinutes(cat, channel) * MINUTE

/** Has a session last seen at `lastSeen` on `channel` lapsed by `now`? */
export const sessionLapsed = (cat: CatalogIndex, channel: string, lastSeen: number, now: number): boolean =>
  lastSeen + sessionIdleMs(cat, channel) <= now
