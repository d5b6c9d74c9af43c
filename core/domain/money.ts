// Integer-kopeck money helpers. Parsing is from strings/ints only: no float arithmetic.

/** Parse a ruble amount like "2000", "2000.5", "1 500,00", 2000 (int rubles) into kopecks; null when malformed. */
export const parseRubles = (input: string | number): number | null => {
  if (typeof input === "number") {
    if (!Number.isFinite(input)) return null
    // A number from YAML/JSON: render it exactly, then parse as text (no float multiplication).
    return parseRubles(String(input))
  }
  const s = input
    .replace(/[\s\u00a0\u202f]/g, "")
    .replace(",", ".")
    .replace(/(руб\.?|₽|р\.?)$/u, "")
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(s)
  if (!m) return null
  const rub = Number(m[2])
  const kop = m[3] === undefined ? 0 : Number(m[3].padEnd(2, "0"))
  const v = rub * 100 + kop
  if (!Number.isSafeInteger(v)) return null
  return m[1] ? -v : v
}

const NBSP = "\u00a0"

/** Russian money text: 150000 → "1 500,00" (no-break space between thousands, comma before kopecks). */
export const formatAmount = (kopecks: number): string => {
  const neg = kopecks < 0
  const abs = Math.abs(kopecks)
  const r = Math.floor(abs / 100)
  const k = abs % 100
  const grouped = String(r).replace(/\B(?=(\d{3})+(?!\d))/g, NBSP)
  return `${neg ? "-" : ""}${grouped},${String(k).padStart(2, "0")}`
}

/** As USSD, SMS and the kiosk write it: "-716,92 руб." */
export const formatRub = (kopecks: number): string => `${formatAmount(kopecks)} руб.`
