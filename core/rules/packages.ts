// Building package instances from the catalog (R1, R4, R5). Data is kept in kilobytes.
import type { Tariff } from "../catalog/schema.ts"
import type { OneOffPackage, PackageKind } from "../catalog/schema.ts"
import type { Pkg, Shares } from "../domain/account.ts"
import type { Subscriber } from "../state/model.ts"
import { DAY } from "../domain/time.ts"

export const KB_PER_MB = 1024

/**
 * The package a one-off offer gives from `now` for its validity (R4), whether bought (BuyPackage)
 * or put in place by a scenario's setup (SetupPackage); `seq` is the seq of the event adding it.
 */
export const oneOffPackage = (o: OneOffPackage, seq: number, now: number): Pkg & { expiresAt: number } => {
  const total = o.kind === "data" ? o.amount * KB_PER_MB : o.amount
  return {
    id: `oneoff:${o.id}:${seq}`,
    source: "oneoff",
    offer: o.id,
    name: o.name,
    kind: o.kind,
    total,
    left: total,
    expiresAt: now + o.validDays * DAY,
  }
}
export const KB_PER_GB = 1024 * 1024

const KIND_NAMES: Record<PackageKind, string> = { minutes: "Минуты", sms: "SMS", data: "Интернет" }

/** Ids and names of tariff packages: one string each, shared by every subscriber's packages. */
const TARIFF_PKG: Record<PackageKind, { id: string; name: string }> = {
  minutes: { id: "tariff:minutes", name: `${KIND_NAMES.minutes} по тарифу` },
  sms: { id: "tariff:sms", name: `${KIND_NAMES.sms} по тарифу` },
  data: { id: "tariff:data", name: `${KIND_NAMES.data} по тарифу` },
}
const SHARE_ID: Record<PackageKind, string> = { minutes: "share:minutes", sms: "share:sms", data: "share:data" }

/** The tariff's periodic amounts (constructor: the subscriber's choice), in package units. */
export const tariffAmounts = (t: Tariff, choice: { minutes: number; dataGb: number } | null): Shares => {
  if (t.kind === "constructor" && t.adjustable !== undefined) {
    const c = choice ?? { minutes: t.packages.minutes, dataGb: Math.floor(t.packages.dataMb / 1024) }
    return { minutes: c.minutes, sms: t.adjustable.sms, dataMb: c.dataGb * 1024 }
  }
  return { ...t.packages }
}

/** Periodic tariff packages, minus what the owner shares with family members (R2). */
export const tariffPackages = (
  t: Tariff,
  renewAt: number,
  choice: { minutes: number; dataGb: number } | null,
  shared?: Shares,
): Pkg[] => {
  const a = tariffAmounts(t, choice)
  const out: Pkg[] = []
  const add = (kind: PackageKind, total: number): void => {
    if (total > 0)
      out.push({
        id: TARIFF_PKG[kind].id,
        source: "tariff",
        offer: t.id,
        name: TARIFF_PKG[kind].name,
        kind,
        total,
        left: total,
        expiresAt: renewAt,
      })
  }
  add("minutes", a.minutes - (shared?.minutes ?? 0))
  add("sms", a.sms - (shared?.sms ?? 0))
  add("data", (a.dataMb - (shared?.dataMb ?? 0)) * KB_PER_MB)
  return out
}

/** A family member's share packages, drawn from the owner's (R2). */
export const sharePackages = (owner: string, shares: Shares, renewAt: number): Pkg[] => {
  const out: Pkg[] = []
  const add = (kind: PackageKind, total: number): void => {
    if (total > 0)
      out.push({
        id: SHARE_ID[kind],
        source: "share",
        offer: owner,
        name: `${KIND_NAMES[kind]} от ${owner}`,
        kind,
        total,
        left: total,
        expiresAt: renewAt,
      })
  }
  add("minutes", shares.minutes)
  add("sms", shares.sms)
  add("data", shares.dataMb * KB_PER_MB)
  return out
}

/** Sum of active (and invited, which are reserved) members' shares of an owner. */
export const sharedTotal = (s: Subscriber): Shares => {
  const t = { minutes: 0, sms: 0, dataMb: 0 }
  if (s.family?.role === "owner") {
    for (const m of s.family.members) {
      t.minutes += m.shares.minutes
      t.sms += m.shares.sms
      t.dataMb += m.shares.dataMb
    }
  }
  return t
}

/** Units left in the subscriber's packages of a kind (data in KB), ignoring lapsed one-offs. */
export const leftOf = (s: Subscriber, kind: PackageKind, now: number): number => {
  let n = 0
  for (const p of s.packages)
    if (p.kind === kind && (p.expiresAt === null || p.expiresAt > now || p.source === "tariff" || p.source === "share"))
      n += p.left
  return n
}

export const packageId = (prefix: string, offer: string, seq: number): string => `${prefix}:${offer}:${seq}`
