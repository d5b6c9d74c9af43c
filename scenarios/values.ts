// Parsing of the small value languages used in scenario files: volumes ("150MB"), money in
// rubles ("2000.00", kept exact as kopecks), durations ("1d 2h", "1mo"), numbers of a twin.
import { parseRubles } from "../core/domain/money.ts"
import { parseDuration, parseInstant } from "../core/domain/time.ts"
import { parseVolumeKb } from "../channels/text/amounts.ts"
import type { Advance } from "./model.ts"

/** "150MB", "1GB", "1.5 GB", "512KB" → kilobytes (channels/text/amounts.ts). */
export { parseVolumeKb }

/** Rubles as written in the file ("2000.00", "1 500,00", 490) → kopecks, never via floats. */
export const parseAmount = (text: string): number | null => parseRubles(text.trim())

/**
 * `advance` values: a duration ("1d 2h", "90m", "2w"), whole calendar months ("1mo", "3mo"), or an
 * ISO instant to move to ("2026-07-01T00:00:00+03:00"). Null when malformed.
 */
export const parseAdvance = (text: string): Advance | null => {
  const t = text.trim()
  const mo = /^(\d{1,3})\s*mo$/i.exec(t)
  if (mo !== null) {
    const n = Number(mo[1])
    return n > 0 && n <= 120 ? { months: n, text: t } : null
  }
  if (/^\d{4}-\d{2}-\d{2}/.test(t)) return parseInstant(t) === null ? null : { to: t, text: t }
  const ms = parseDuration(t)
  return ms === null ? null : { by: ms, text: t }
}

/** The duration of a call: whole minutes or seconds. */
export const callSeconds = (minutes: number | undefined, seconds: number | undefined): number | null => {
  const total = (minutes ?? 0) * 60 + (seconds ?? 0)
  return Number.isSafeInteger(total) && total > 0 ? total : null
}
