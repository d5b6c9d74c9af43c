// Simulated Moscow time. Instants are epoch milliseconds (UTC); Moscow is UTC+3 with no DST.
// Nothing here reads the wall clock.

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR
export const MSK_OFFSET = 3 * HOUR

/** Index of the Moscow calendar day containing instant t (days since 1970-01-01 MSK). */
export const mskDay = (t: number): number => Math.floor((t + MSK_OFFSET) / DAY)

/** Instant of 00:00 MSK that starts Moscow day `day`. */
export const mskDayStart = (day: number): number => day * DAY - MSK_OFFSET

/** Next 00:00 MSK strictly after t. */
export const nextMskMidnight = (t: number): number => mskDayStart(mskDay(t) + 1)

export interface MskParts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  weekday: number
}

export const mskParts = (t: number): MskParts => {
  const d = new Date(t + MSK_OFFSET)
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
  }
}

/** Instant for a Moscow wall time. Month is 1-based; day overflow is clamped to the month's last day. */
export const fromMsk = (year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number => {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return Date.UTC(year, month - 1, Math.min(day, last), hour, minute, second) - MSK_OFFSET
}

/** addMonths' last question and answer. */
const memo: { t: number; n: number; anchorDay: number | undefined; result: number } = {
  t: Number.NaN,
  n: 0,
  anchorDay: undefined,
  result: 0,
}

/** Same Moscow wall time `n` calendar months later (day clamped to month end). */
export const addMonths = (t: number, n: number, anchorDay?: number): number => {
  // Renewals and new subscribers ask for the same instant in runs (a pure function: the last
  // answer is kept).
  if (t === memo.t && n === memo.n && anchorDay === memo.anchorDay) return memo.result
  const p = mskParts(t)
  const m0 = p.month - 1 + n
  const y = p.year + Math.floor(m0 / 12)
  const m = (((m0 % 12) + 12) % 12) + 1
  const result = fromMsk(y, m, anchorDay ?? p.day, p.hour, p.minute, p.second)
  memo.t = t
  memo.n = n
  memo.anchorDay = anchorDay
  memo.result = result
  return result
}

const pad = (n: number, w = 2): string => String(n).padStart(w, "0")

/** ISO 8601 with the +03:00 offset, e.g. 2026-06-01T09:00:00+03:00. */
export const formatMskIso = (t: number): string => {
  const p = mskParts(t)
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}+03:00`
}

/** Parse an ISO 8601 instant with offset (or Z); a missing offset means Moscow time. Null when malformed. */
export const parseInstant = (s: string): number | null => {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(
    s.trim(),
  )
  if (!m) return null
  const [y, mo, d, h = "0", mi = "0", se = "0"] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((x) => x ?? "0")
  const base = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(se))
  const check = new Date(base)
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d)) return null
  const tz = m[7]
  if (tz === undefined) return base - MSK_OFFSET
  if (tz === "Z") return base
  const sign = tz[0] === "-" ? -1 : 1
  const digits = tz.slice(1).replace(":", "")
  return base - sign * (Number(digits.slice(0, 2)) * HOUR + Number(digits.slice(2)) * MINUTE)
}

const UNIT_MS: Record<string, number> = { w: 7 * DAY, d: DAY, h: HOUR, m: MINUTE, min: MINUTE, s: 1000, ms: 1 }

/**
 * Parse a duration like "1d 2h", "90s", "1h30m", "2w". Months are calendar-dependent and not
 * accepted here (use `advanceMonths`). Returns null when malformed or zero/negative.
 */
export const parseDuration = (s: string): number | null => {
  const text = s.trim().toLowerCase()
  if (text === "") return null
  const re = /(\d+)\s*(ms|min|w|d|h|m|s)/gy
  let total = 0
  let pos = 0
  let m: RegExpExecArray | null
  while (pos < text.length) {
    while (text[pos] === " ") pos++
    if (pos >= text.length) break
    re.lastIndex = pos
    m = re.exec(text)
    if (!m) return null
    total += Number(m[1]) * (UNIT_MS[m[2] as string] ?? 0)
    pos = re.lastIndex
  }
  return total > 0 && Number.isSafeInteger(total) ? total : null
}
