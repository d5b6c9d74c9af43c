// What events and the state share about an account: its payment method, packages, family shares
// and autopay. Here in the domain, so events (core/domain/events.ts) need nothing of core/state.
import type { PackageKind } from "../catalog/schema.ts"

export type PaymentMethod = "prepaid" | "credit"
export type PackageSource = "tariff" | "oneoff" | "share" | "bonus"

export interface Pkg {
  /** Unique within the subscriber, stable across renewals: "tariff:data", "oneoff:internet-vip:12". */
  id: string
  source: PackageSource
  /** The tariff, one-off package, bonus offer or family owner this package comes from. */
  offer: string
  name: string
  kind: PackageKind
  /** Minutes, SMS count, or kilobytes for data. */
  total: number
  left: number
  /** When it lapses (one-off) or renews (tariff, share); null: never. */
  expiresAt: number | null
}

export interface Shares {
  minutes: number
  sms: number
  dataMb: number
}

export type Autopay =
  | { mode: "date"; day: number; amount: number; nextAt: number }
  | { mode: "threshold"; threshold: number; amount: number }
