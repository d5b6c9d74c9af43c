// Dates and times in Moscow time, as the operator writes them: 01.06.2026, 09:05.
import { mskParts } from "../../core/domain/time.ts"
import { lastOf } from "./last.ts"

const pad = (n: number): string => String(n).padStart(2, "0")

/** 01.06.2026 */
export const dateRu = (t: number): string => {
  const p = mskParts(t)
  return `${pad(p.day)}.${pad(p.month)}.${p.year}`
}

/** 01.06 (short, for USSD screens) */
export const dayMonthRu = (t: number): string => {
  const p = mskParts(t)
  return `${pad(p.day)}.${pad(p.month)}`
}

/** 09:05 */
export const timeRu = (t: number): string => {
  const p = mskParts(t)
  return `${pad(p.hour)}:${pad(p.minute)}`
}

/** 01.06.2026 09:05 */
export const dateTimeRu = (t: number): string => `${dateRu(t)} ${timeRu(t)}`

/** «данные на сегодня 15:23»: when the shown figures were read, in twin time. */
export const asOfRu = lastOf((t) => `данные на сегодня ${timeRu(t)}`)
