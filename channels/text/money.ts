// Money as every channel shows or says it: the one formatter (`formatRub`, the core's text for
// its own SMS) and its spoken and short forms. Amounts are integer kopecks; no float math.
import { formatRub as coreFormatRub, parseRubles } from "../../core/domain/money.ts"
import { lastOf } from "./last.ts"
import { plural, RUBLES, KOPECKS } from "./plural.ts"

/** The money text of every channel and the console: -71692 → "-716,92 руб.", 150000 → "1 500,00 руб." */
export const formatRub = lastOf(coreFormatRub)

/**
 * A positive amount as a ruble field's starting value, as a person types it: 50000 → "500", 50050 →
 * "500,50" (parseRubles reads it back to the same kopecks).
 */
export const rublesField = (kopecks: number): string => {
  const whole = wholeRublesField(kopecks)
  const k = Math.abs(kopecks) % 100
  return k === 0 ? whole : `${whole},${String(k).padStart(2, "0")}`
}

/** The whole rubles of an amount as a field's suggestion, never above it: 123456 → "1234". */
export const wholeRublesField = (kopecks: number): string => String(Math.trunc(kopecks / 100))

/** What the voice says: 200050 → "2000 рублей 50 копеек", -71692 → "минус 716 рублей 92 копейки". */
export const rubSpoken = (kopecks: number): string => {
  const abs = Math.abs(kopecks)
  const r = Math.floor(abs / 100)
  const k = abs % 100
  return `${kopecks < 0 ? "минус " : ""}${r} ${plural(r, RUBLES)} ${k} ${plural(k, KOPECKS)}`
}

/** Short ruble text for menus where kopecks are zero: 65000 → "650 руб.", 65050 → "650,50 руб." */
export const rubShort = (kopecks: number): string =>
  kopecks % 100 === 0 ? `${Math.trunc(kopecks / 100)} руб.` : formatRub(kopecks)

/** A whole-ruble amount typed on a keypad ("200", "200,50") → kopecks; null when not a positive amount. */
export const parseKeypadRubles = (input: string): number | null => {
  const t = input.trim()
  if (t.length === 0 || t.length > 12) return null
  const v = parseRubles(t)
  return v === null || v <= 0 ? null : v
}
