// Every state change is one of these events. Events are plain JSON objects; `seq` is assigned
// by the engine when the event is appended. The fold is core/state/apply.ts.
import type { PackageKind } from "../catalog/schema.ts"
import type { Autopay, Pkg, PaymentMethod, Shares } from "./account.ts"

interface Base {
  seq: number
  at: number
}

/** Why money moved. Every ledger entry has one. */
export type LedgerReason =
  | "usage-call"
  | "usage-sms"
  | "usage-data"
  | "fee-monthly"
  | "fee-daily"
  | "fee-zabugorishche"
  | "fee-family-member"
  | "fee-service-connect"
  | "fee-tariff-change"
  | "fee-promised-payment"
  | "fee-transfer"
  | "package-purchase"
  | "topup"
  | "payment-card"
  | "autopay"
  | "promised-payment"
  | "promised-repayment"
  | "transfer-in"
  | "transfer-out"
  /** A payment to another provider from the balance (ТВ и Интернет, квартплата, мобильный телефон). */
  | "payment-other"

export type UsageKind = "call" | "sms" | "data"

export interface SubscriberCreated extends Base {
  type: "SubscriberCreated"
  msisdn: string
  name: string
  passport: string
  birthDate: string
  region: string
  tariff: string
  payment: PaymentMethod
  creditLimit: number
  balance: number
  bonus: number
  services: string[]
  packages: Pkg[]
  renewAt: number
  avgMonthlySpend: number
  constructorChoice: { minutes: number; dataGb: number } | null
  /** The generator's counter after drawing a random passport (absent: the passport was given). */
  rng?: number
}
/** What a usage record says of the usage itself, rated or cut off. */
interface UsageFacts extends Base {
  msisdn: string
  kind: UsageKind
  direction: "out" | "in"
  /** Other party for calls and SMS ("" for data). */
  peer: string
  /** Location when used: "home", "russia" or a country code. */
  where: string
  /** Call seconds, SMS count or data kilobytes (as used, or as cut off). */
  volume: number
  /** Billable units: started minutes, SMS, or kilobytes (rated, or cut off). */
  units: number
}
export interface UsageRated extends UsageFacts {
  type: "UsageRated"
  /** Units taken from packages: [package id, amount]. */
  draws: Array<[string, number]>
  /** Price in kopecks for what packages did not cover (0 when all covered). */
  cost: number
}
/** The part of a usage the balance (or credit limit) did not cover: the network cut it off; nothing charged. */
export interface UsageCut extends UsageFacts {
  type: "UsageCut"
}
export interface Money extends Base {
  type: "Money"
  msisdn: string
  /** Signed kopecks: negative is a charge, positive a credit. */
  amount: number
  reason: LedgerReason
  /** Tariff, service, offer, peer number or payment method the entry is about. */
  ref: string
}
export interface Travelled extends Base {
  type: "Travelled"
  msisdn: string
  to: string
}
export interface NetworkSet extends Base {
  type: "NetworkSet"
  msisdn: string
  mobileData: boolean
}
export interface PeriodRenewed extends Base {
  type: "PeriodRenewed"
  msisdn: string
  renewAt: number
  packages: Pkg[]
  /** false: skipped while blocked (R15, R19), no fee and packages kept. */
  charged: boolean
  /** A renewal made off its day (on unblocking) starts a new renewal day. Absent: the day stays. */
  renewDay?: number
}
export interface TariffChanged extends Base {
  type: "TariffChanged"
  msisdn: string
  from: string
  to: string
  renewAt: number
  packages: Pkg[]
  services: string[]
  constructorChoice: { minutes: number; dataGb: number } | null
}
export interface ConstructorSet extends Base {
  type: "ConstructorSet"
  msisdn: string
  minutes: number
  dataGb: number
  packages: Pkg[]
}
export interface ServiceConnected extends Base {
  type: "ServiceConnected"
  msisdn: string
  service: string
}
export interface ServiceDisconnected extends Base {
  type: "ServiceDisconnected"
  msisdn: string
  service: string
}
export interface PackageAdded extends Base {
  type: "PackageAdded"
  msisdn: string
  pkg: Pkg
}
export interface PackageExpired extends Base {
  type: "PackageExpired"
  msisdn: string
  pkgId: string
}
export interface BlockSet extends Base {
  type: "BlockSet"
  msisdn: string
  blocked: boolean
  via: string
}
export interface PromisedOpened extends Base {
  type: "PromisedOpened"
  msisdn: string
  amount: number
  fee: number
  dueAt: number
}
export interface PromisedClosed extends Base {
  type: "PromisedClosed"
  msisdn: string
}
export interface AutopaySet extends Base {
  type: "AutopaySet"
  msisdn: string
  autopay: Autopay | null
}
export interface NotificationsSet extends Base {
  type: "NotificationsSet"
  msisdn: string
  charges: boolean
  logins: boolean
}
export interface BonusSpent extends Base {
  type: "BonusSpent"
  msisdn: string
  points: number
  offer: string
}
export interface FamilyInvited extends Base {
  type: "FamilyInvited"
  owner: string
  member: string
  shares: Shares
  expiresAt: number
}
export interface FamilyJoined extends Base {
  type: "FamilyJoined"
  owner: string
  member: string
  prevTariff: string
  ownerPackages: Pkg[]
  memberPackages: Pkg[]
}
export interface FamilyDeclined extends Base {
  type: "FamilyDeclined"
  owner: string
  member: string
  reason: "declined" | "expired"
}
export interface FamilyRemoved extends Base {
  type: "FamilyRemoved"
  owner: string
  member: string
  restoredTariff: string
  ownerPackages: Pkg[]
  memberPackages: Pkg[]
}
export interface LinkRequested extends Base {
  type: "LinkRequested"
  msisdn: string
  target: string
  hash: string
  salt: string
  expiresAt: number
  rng: number
}
export interface LinkConfirmed extends Base {
  type: "LinkConfirmed"
  msisdn: string
  target: string
}
export interface LinkFailed extends Base {
  type: "LinkFailed"
  msisdn: string
  target: string
  /** Wrong codes for this request so far; `voided`: the request is void (a new code is needed). Absent in logs written before. */
  failures?: number
  voided?: boolean
  /** Set when repeated voids refuse linking for a while (R20): until this instant. */
  lockedUntil?: number
}
export interface Unlinked extends Base {
  type: "Unlinked"
  msisdn: string
  target: string
}
export interface OtpIssued extends Base {
  type: "OtpIssued"
  msisdn: string
  hash: string
  salt: string
  expiresAt: number
  rng: number
}
export interface LoginSucceeded extends Base {
  type: "LoginSucceeded"
  msisdn: string
  channel: string
  method: "otp" | "password" | "network"
  tokenHash: string
  rng: number
}
export interface LoginFailed extends Base {
  type: "LoginFailed"
  msisdn: string
  failures: number
  locked: boolean
}
export interface PasswordSet extends Base {
  type: "PasswordSet"
  msisdn: string
  hash: string
  salt: string
  rng: number
}
export interface SessionTouched extends Base {
  type: "SessionTouched"
  tokenHash: string
}
/** "locked": the number's LK login or kiosk access was locked; "password": its password changed (issue 14). */
export interface SessionEnded extends Base {
  type: "SessionEnded"
  tokenHash: string
  reason: "logout" | "idle" | "locked" | "password"
}
export interface KioskCodeIssued extends Base {
  type: "KioskCodeIssued"
  msisdn: string
  hash: string
  salt: string
  rng: number
}
export interface KioskLogin extends Base {
  type: "KioskLogin"
  msisdn: string
  ok: boolean
  failures: number
  lockedUntil: number
  /** On success: the terminal session opened (R27), its token only as a hash. Absent in logs written before. */
  session?: { tokenHash: string; rng: number }
}
export interface SmsDelivered extends Base {
  type: "SmsDelivered"
  msisdn: string
  from: string
  text: string
  segments: number
  encoding: "GSM-7" | "UCS-2"
  /**
   * An SMS that carries a one-time code: `text` has the code masked (CODE_MASK), and the code is
   * the twin's secret draw `draw` of `digits` digits. Only the handset's inbox re-derives it
   * (core/engine/views.ts smsText): the operator's log, snapshots and APIs never hold it in clear.
   */
  code?: { draw: number; digits: number }
}
export interface PaymentCardIssued extends Base {
  type: "PaymentCardIssued"
  hash: string
  amount: number
}
export interface PaymentCardUsed extends Base {
  type: "PaymentCardUsed"
  hash: string
  msisdn: string
}
export interface ClockSet extends Base {
  type: "ClockSet"
  to: number
  nextDaily: number
}

export type Event =
  | SubscriberCreated
  | UsageRated
  | UsageCut
  | Money
  | Travelled
  | NetworkSet
  | PeriodRenewed
  | TariffChanged
  | ConstructorSet
  | ServiceConnected
  | ServiceDisconnected
  | PackageAdded
  | PackageExpired
  | BlockSet
  | PromisedOpened
  | PromisedClosed
  | AutopaySet
  | NotificationsSet
  | BonusSpent
  | FamilyInvited
  | FamilyJoined
  | FamilyDeclined
  | FamilyRemoved
  | LinkRequested
  | LinkConfirmed
  | LinkFailed
  | Unlinked
  | OtpIssued
  | LoginSucceeded
  | LoginFailed
  | PasswordSet
  | SessionTouched
  | SessionEnded
  | KioskCodeIssued
  | KioskLogin
  | SmsDelivered
  | PaymentCardIssued
  | PaymentCardUsed
  | ClockSet

export type EventType = Event["type"]

/** An event before the engine stamps it with seq and time. */
export type Draft<E extends Event = Event> = E extends Event ? Omit<E, "seq" | "at"> : never

/** The subscriber an event is filed under (for the per-number log index), or "" for twin-wide events. */
export const eventMsisdn = (e: Event | Draft): string => {
  if ("msisdn" in e) return e.msisdn
  if ("owner" in e) return e.owner
  return ""
}

export type { PackageKind }
