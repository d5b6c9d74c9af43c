// Russian presentation for the web channels: money, twin-time stamps, package amounts.
// Presentation only; every number comes from a core view.
import { phoneRu } from "../../core/domain/phone.ts"
import { formatRub } from "../../core/domain/money.ts"
import { mskParts } from "../../core/domain/time.ts"
import type { PackageView } from "../../core/engine/views.ts"

const pad = (n: number): string => String(n).padStart(2, "0")

/** The last answer is kept: one LK request and the next ask for the same balance and instant. */
const lastOf = (f: (n: number) => string): ((n: number) => string) => {
  let lastIn = Number.NaN
  let lastOut = ""
  return (n) => {
    if (n !== lastIn) {
      lastOut = f(n)
      lastIn = n
    }
    return lastOut
  }
}

export const rub = lastOf(formatRub)

export const timeRu = (t: number): string => {
  const p = mskParts(t)
  return `${pad(p.hour)}:${pad(p.minute)}`
}

export const dateRu = (t: number): string => {
  const p = mskParts(t)
  return `${pad(p.day)}.${pad(p.month)}.${p.year}`
}

export const dateTimeRu = (t: number): string => `${dateRu(t)} ${timeRu(t)}`

/** «данные на сегодня 15:23» in twin time. */
export const asOfRu = lastOf((t) => `данные на сегодня ${timeRu(t)}`)

/** Megabytes as gigabytes with a comma and at most two decimals: 22804 → "22,27". */
export const gbRu = (mb: number): string => {
  const hundredths = Math.floor((mb * 100) / 1024)
  const whole = Math.floor(hundredths / 100)
  const frac = hundredths % 100
  return frac === 0 ? String(whole) : `${whole},${pad(frac)}`.replace(/0$/, "")
}

/** One package as the LK shows it: «22,27 Гб из 30», «1200 мин из 1500». */
export const packageRu = (p: PackageView): string =>
  p.unit === "МБ" ? `${gbRu(p.left)} Гб из ${gbRu(p.total)}` : `${p.left} ${p.unit} из ${p.total}`

export const packageLineRu = (p: PackageView): string =>
  `${p.name}: ${packageRu(p)}${p.expiresAt !== null ? (p.source === "tariff" || p.source === "share" ? ` (обновится ${dateRu(p.expiresAt)})` : ` до ${dateRu(p.expiresAt)}`) : ""}`

export const STATUS_RU = {
  active: "номер активен",
  "blocked-voluntary": "номер заблокирован (добровольная блокировка)",
  "blocked-financial": "номер заблокирован: баланс меньше нуля",
} as const

export const NEGATIVE_WARNING = "Ваш баланс меньше нуля, рекомендуем пополнить"

/** A number as subscriber texts write it (one format, core/domain/phone.ts). */
export const msisdnRu = phoneRu
