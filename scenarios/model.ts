// The parsed form of a scenario file (README "Scenarios"). The loader produces it from YAML with every
// value already checked and converted: money in kopecks, durations in ms, volumes in KB.

/** Where a value came from, for error messages and reports. */
export interface Pos {
  readonly file: string
  readonly line: number
  readonly col: number
}

export interface SubscriberSpec {
  readonly pos: Pos
  readonly msisdn: string
  readonly name: string
  readonly tariff: string
  /** Opening balance, kopecks. */
  readonly balance: number
  readonly payment: "prepaid" | "credit"
  readonly creditLimit?: number
  readonly passport?: string
  readonly birthDate?: string
  readonly region?: string
  readonly bonus?: number
  readonly avgMonthlySpend?: number
  /** Extra services connected at creation. */
  readonly services: readonly string[]
  /** One-off package offers bought (and paid for) right after creation. */
  readonly packages: readonly string[]
  /** Numbers this subscriber manages (R20), linked with the code the target receives. */
  readonly linked: readonly string[]
  /** Family members (R2) this subscriber owns; each accepts the invitation during setup. */
  readonly family: readonly FamilyShareSpec[]
  readonly notifications?: { readonly charges?: boolean; readonly logins?: boolean }
  readonly autopay?: {
    readonly mode: "date" | "threshold"
    readonly amount: number
    readonly day?: number
    readonly threshold?: number
  }
}

export interface FamilyShareSpec {
  readonly msisdn: string
  readonly minutes: number
  readonly sms: number
  readonly dataMb: number
}

export interface PaymentCardSpec {
  readonly code: string
  readonly amount: number
}

export type UsageSpec =
  | { readonly _tag: "call"; readonly to: string; readonly seconds: number; readonly direction: "out" | "in" }
  | { readonly _tag: "sms"; readonly to: string; readonly count: number; readonly direction: "out" | "in" }
  | { readonly _tag: "data"; readonly kb: number }

export type Advance =
  | { readonly by: number; readonly text: string }
  | { readonly months: number; readonly text: string }
  | { readonly to: string; readonly text: string }

/** Text checks on a channel answer. */
export interface TextMatch {
  readonly contains: readonly string[]
  readonly lacks: readonly string[]
  readonly matches?: RegExp
}

export type Bound = { readonly eq: number } | { readonly min?: number; readonly max?: number }

export interface ChargesExpect {
  readonly service?: string
  readonly reason?: string
  readonly count?: Bound
  /** Sum of the matching charges' magnitudes, kopecks. */
  readonly total?: Bound
  /** Magnitude of the newest matching charge, kopecks. */
  readonly last?: number
}

export interface InboxExpect {
  readonly from?: string
  readonly contains?: string
  readonly count?: Bound
}

export interface PackageExpect {
  /** "minutes" | "sms" | "data" (sum over packages of that kind) or a package offer id / name. */
  readonly key: string
  /** Minutes, SMS or KB for data. */
  readonly left: Bound
}

export interface Expect {
  readonly msisdn?: string
  readonly balance?: Bound
  readonly tariff?: string
  readonly status?: "active" | "blocked-voluntary" | "blocked-financial"
  readonly services?: { readonly has: readonly string[]; readonly lacks: readonly string[] }
  readonly packages?: readonly PackageExpect[]
  readonly charges?: readonly ChargesExpect[]
  readonly screen?: TextMatch
  readonly prompt?: TextMatch
  readonly reply?: TextMatch
  readonly end?: boolean
  readonly inbox?: readonly InboxExpect[]
  /** The preceding action step must have been refused with this error code ("any": any code). */
  readonly error?: string
  readonly ok?: boolean
  readonly events?: readonly { readonly type: string; readonly count: Bound }[]
  readonly linked?: { readonly has: readonly string[]; readonly lacks: readonly string[] }
  readonly family?: {
    readonly role?: "owner" | "member" | "invited" | "none"
    readonly members?: Bound
    readonly active?: Bound
  }
  readonly promised?: boolean
  readonly bonus?: Bound
  readonly lkLocked?: boolean
  readonly kioskLocked?: boolean
  readonly autopay?: "date" | "threshold" | "none"
  readonly location?: string
}

export type Channel = "ussd" | "sms" | "ivr" | "lk" | "app" | "kiosk"

export type StepBody =
  | { readonly _tag: "advance"; readonly advance: Advance }
  | { readonly _tag: "travel"; readonly msisdn: string; readonly to: string }
  | { readonly _tag: "network"; readonly msisdn: string; readonly mobileData: boolean }
  | { readonly _tag: "usage"; readonly msisdn: string; readonly usage: UsageSpec; readonly text: string }
  | { readonly _tag: "ussd"; readonly msisdn: string; readonly dial?: string; readonly reply?: string }
  /** `to: null`: answer the newest SMS in the sender's inbox (its sender is the number written to). */
  | { readonly _tag: "sms"; readonly from: string; readonly to: string | null; readonly text: string }
  /** `timeouts`: digit timeouts let pass in silence after `keys`; then `then` is pressed. */
  | {
      readonly _tag: "ivr"
      readonly msisdn: string
      readonly call: string
      readonly keys: string
      readonly timeouts: number
      readonly then: string
    }
  | {
      readonly _tag: "web"
      readonly channel: "lk" | "app" | "kiosk"
      readonly msisdn: string
      readonly op: string
      readonly args: Readonly<Record<string, unknown>>
    }
  | { readonly _tag: "expect"; readonly expect: Expect }

export type Step = StepBody & { readonly pos: Pos; readonly comment?: string }

export interface Scenario {
  readonly file: string
  readonly name: string
  readonly rules: readonly string[]
  /** Start instant as written (ISO with offset) and as epoch ms. */
  readonly start: string
  readonly startAt: number
  readonly seed: string
  /** The twin's secret, fixed for replay (absent: the twin's own, random when served). */
  readonly secret?: string
  readonly subscribers: readonly SubscriberSpec[]
  readonly paymentCards: readonly PaymentCardSpec[]
  readonly steps: readonly Step[]
}

export const RULES: readonly string[] = Array.from({ length: 29 }, (_, i) => `R${i + 1}`)
