// Money as each telephony channel shows or says it. Amounts are integer kopecks; no float math.
import { formatRub, parseRubles } from "../../core/domain/money.ts"
import { plural, RUBLES, KOPECKS } from "./plural.ts"

export { formatRub }

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
