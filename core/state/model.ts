// The twin's in-memory state. It is only ever changed by `apply` (core/state/apply.ts) folding
// events, so a replay of the event log rebuilds it exactly (I7).
import type { Autopay, PaymentMethod, Pkg, Shares } from "../domain/account.ts"

/** "home" (home region), "russia" (elsewhere in Russia) or an ISO country code when abroad. */
export type Location = string

export interface FamilyMemberEntry {
  msisdn: string
  shares: Shares
  status: "invited" | "active"
  since: number
  /** Invitation lapses at this instant if not answered. */
  expiresAt: number
}

export type Family =
  | { role: "owner"; members: FamilyMemberEntry[] }
  | { role: "member"; owner: string; prevTariff: string }
  | { role: "invited"; owner: string; expiresAt: number }

export interface SecretHash {
  hash: string
  salt: string
}

export interface Auth {
  otp: (SecretHash & { expiresAt: number }) | null
  password: SecretHash | null
  lkFailures: number
  lkLocked: boolean
  /** Instants of recent code requests (OTP, kiosk, link codes) within the last hour, oldest first. */
  codeRequests: number[]
  kiosk: SecretHash | null
  kioskFailures: number
  kioskLockedUntil: number
}

export interface PromisedPayment {
  amount: number
  fee: number
  openedAt: number
  dueAt: number
}

export interface LinkRequest {
  target: string
  hash: string
  salt: string
  expiresAt: number
  /** Wrong codes entered for this request (absent: none). */
  failures?: number
}

/** Brute-force guard of linking (R20): recent voided requests and the refusal they led to. */
export interface LinkGuard {
  voids: number[]
  lockedUntil: number
}

export interface Sms {
  seq: number
  at: number
  from: string
  text: string
  segments: number
  encoding: "GSM-7" | "UCS-2"
}

export interface Subscriber {
  msisdn: string
  name: string
  passport: string
  birthDate: string
  region: string
  tariff: string
  payment: PaymentMethod
  /** Credit limit for the credit payment method, kopecks (0 for prepaid). */
  creditLimit: number
  initialBalance: number
  balance: number
  bonus: number
  /** Spend in kopecks not yet turned into bonus points. */
  bonusCarry: number
  /** Spend of the current Moscow month (key yyyymm) and the last closed months (newest last, ≤ 3). */
  spendMonth: number
  spendCurrent: number
  spendHistory: number[]
  services: string[]
  packages: Pkg[]
  constructorChoice: { minutes: number; dataGb: number } | null
  voluntaryBlock: boolean
  location: Location
  mobileData: boolean
  renewAt: number
  /** Day of month (1..31) the period renews on: the last day of a shorter month, then this day again (R1). */
  renewDay: number
  /** A monthly renewal was skipped while voluntarily blocked (R19); unblocking renews at once. */
  renewalSkipped: boolean
  /** Moscow day index on which «Забугорище» was last charged (-1 never). */
  zabugorDay: number
  family: Family | null
  linked: string[]
  linkRequests: LinkRequest[]
  /** Absent until a link code is first voided (keeps other subscribers' state as it was). */
  linkGuard?: LinkGuard
  notifyCharges: boolean
  notifyLogins: boolean
  promised: PromisedPayment | null
  autopay: Autopay | null
  auth: Auth
  createdAt: number
}

export interface Session {
  tokenHash: string
  msisdn: string
  channel: string
  createdAt: number
  lastSeen: number
  method: string
}

export interface PaymentCard {
  hash: string
  amount: number
  usedBy: string | null
}

export interface State {
  seed: string
  /** Twin time, epoch ms. */
  now: number
  /** Number of events applied; the next event gets seq + 1. */
  seq: number
  /** Random draws used so far (the seeded generator is a counter-based hash). */
  rng: number
  subscribers: Map<string, Subscriber>
  sessions: Map<string, Session>
  /**
   * Sessions ended for inactivity in the last day: token hash → end instant and channel. The session itself is
   * removed at its expiry (its idle timer); this small record only lets a late request be told why
   * (R25, R27). Dropped by the next day's ClockSet.
   */
  endedIdle: Map<string, { at: number; channel: string }>
  paymentCards: Map<string, PaymentCard>
  /** Next 00:00 MSK at which the daily job runs. */
  nextDaily: number
}

/** The inbox view shows at most this many newest SMS (the log keeps them all). */
export const INBOX_LIMIT = 200

export const emptyState = (seed: string, start: number, nextDaily: number): State => ({
  seed,
  now: start,
  seq: 0,
  rng: 0,
  subscribers: new Map(),
  sessions: new Map(),
  endedIdle: new Map(),
  paymentCards: new Map(),
  nextDaily,
})

export const newAuth = (): Auth => ({
  otp: null,
  password: null,
  lkFailures: 0,
  lkLocked: false,
  codeRequests: [],
  kiosk: null,
  kioskFailures: 0,
  kioskLockedUntil: 0,
})

export const isFinanciallyBlocked = (s: Subscriber): boolean =>
  s.payment === "prepaid" ? s.balance < 0 : s.balance < -s.creditLimit

/** Would `s` be financially blocked with `balance` (a balance a job has not recorded yet)? */
export const isFinanciallyBlockedAt = (s: Subscriber, balance: number): boolean =>
  s.payment === "prepaid" ? balance < 0 : balance < -s.creditLimit

/** Blocked, voluntarily or for the balance (R15, R19): no recurring fee, no paid change. */
export const isBlocked = (s: Subscriber): boolean => s.voluntaryBlock || isFinanciallyBlocked(s)

export type Status = "active" | "blocked-voluntary" | "blocked-financial"

export const statusOf = (s: Subscriber): Status =>
  s.voluntaryBlock ? "blocked-voluntary" : isFinanciallyBlocked(s) ? "blocked-financial" : "active"

export const hasService = (s: Subscriber, id: string): boolean => s.services.includes(id)
