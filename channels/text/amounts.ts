// Package amounts: minutes, SMS and data («22,27 ГБ») rendered the same in every channel (I8).
import type { PackageView } from "../../core/engine/views.ts"
import { KB_PER_MB } from "../../core/rules/packages.ts"
import { dateRu } from "./dates.ts"

const MB_PER_GB = 1024

/** Megabytes as gigabytes with two decimals, truncated (never shows more than is left): 22804 → "22,26 ГБ". */
export const gbText = (mb: number): string => {
  const hundredths = Math.floor((Math.max(0, mb) * 100) / MB_PER_GB)
  const whole = Math.floor(hundredths / 100)
  const frac = hundredths % 100
  return frac === 0 ? `${whole} ГБ` : `${whole},${String(frac).padStart(2, "0")} ГБ`
}

/**
 * A data session's volume (kilobytes) in the unit a person reads: «640 КБ», «1,5 МБ», «2,34 ГБ»
 * (a 1.5 MB session never reads «0 Гб»).
 */
export const dataVolumeRu = (kb: number): string => {
  if (kb < 1024) return `${kb} КБ`
  if (kb < 1024 * MB_PER_GB) {
    const tenths = Math.round((kb * 10) / 1024)
    return `${Math.floor(tenths / 10)}${tenths % 10 === 0 ? "" : `,${tenths % 10}`} МБ`
  }
  return gbText(kb / 1024)
}

/** An amount in a package's unit: "1500 мин", "500 SMS", "22,27 ГБ". */
export const amountText = (p: Pick<PackageView, "unit">, value: number): string =>
  p.unit === "МБ" ? gbText(value) : `${value} ${p.unit}`

const KIND_RU: Record<PackageView["kind"], string> = { minutes: "Минуты", sms: "SMS", data: "Интернет" }

/** "Интернет: 22,27 ГБ из 30 ГБ", "Минуты: 1200 из 1500 мин" — what is left of a package out of its total. */
export const packageLine = (p: PackageView): string =>
  p.unit === "МБ"
    ? `${KIND_RU[p.kind]}: ${gbText(p.left)} из ${gbText(p.total)}`
    : `${KIND_RU[p.kind]}: ${p.left} из ${p.total} ${p.unit}`

/**
 * Megabytes as the LK and the app write gigabytes (next to «Гб»): a comma, at most two decimals,
 * no trailing zero: 22804 → "22,26", 1536 → "1,5".
 */
export const gbRu = (mb: number): string => {
  const hundredths = Math.floor((mb * 100) / MB_PER_GB)
  const whole = Math.floor(hundredths / 100)
  const frac = hundredths % 100
  return frac === 0 ? String(whole) : `${whole},${String(frac).padStart(2, "0")}`.replace(/0$/, "")
}

/** One package as the LK shows it: «22,26 Гб из 30», «1200 мин из 1500». */
export const packageRu = (p: PackageView): string =>
  p.unit === "МБ" ? `${gbRu(p.left)} Гб из ${gbRu(p.total)}` : `${p.left} ${p.unit} из ${p.total}`

/** Periodic packages (tariff and family shares) vs one-off ones (bought or for bonus points), R4/R8. */
export const isPeriodic = (p: PackageView): boolean => p.source === "tariff" || p.source === "share"

/** "Интернет-VIP: 22,27 ГБ из 30 ГБ до 11.06.2026" */
export const oneOffLine = (p: PackageView): string =>
  `${p.name}: ${amountText(p, p.left)} из ${amountText(p, p.total)}${p.expiresAt === null ? "" : ` до ${dateRu(p.expiresAt)}`}`

const UNIT_KB: Record<string, number> = {
  kb: 1,
  кб: 1,
  mb: KB_PER_MB,
  мб: KB_PER_MB,
  gb: KB_PER_MB * KB_PER_MB,
  гб: KB_PER_MB * KB_PER_MB,
}

/**
 * "150MB", "1GB", "1.5 GB", "512KB" (also КБ/МБ/ГБ) → kilobytes, integer arithmetic only
 * (a fraction is rounded down to whole KB). Null when malformed or zero.
 */
export const parseVolumeKb = (text: string): number | null => {
  const m = /^(\d+)(?:[.,](\d{1,6}))?\s*([a-zа-я]+)$/iu.exec(text.trim())
  if (m === null) return null
  const unit = UNIT_KB[(m[3] ?? "").toLowerCase()]
  if (unit === undefined) return null
  const whole = Number(m[1]) * unit
  const frac = m[2] ?? ""
  const part = frac === "" ? 0 : Math.floor((Number(frac) * unit) / 10 ** frac.length)
  const kb = whole + part
  return kb > 0 && Number.isSafeInteger(kb) ? kb : null
}

/** A package line of the LK and the app: a periodic one says when it renews, a one-off one its end. */
export const packageLineRu = (p: PackageView): string => {
  const until =
    p.expiresAt === null ? "" : isPeriodic(p) ? ` (обновится ${dateRu(p.expiresAt)})` : ` до ${dateRu(p.expiresAt)}`
  return `${p.name}: ${packageRu(p)}${until}`
}
