// The seeded population of the simulator: account groups (single numbers, «МЫ МТС» families,
// corporate accounts), each subscriber's behaviour profile, and daily plans (calls, SMS and data
// by hour of day, trips abroad, LK logins, voluntary blocks, package purchases).
//
// Everything is a pure function of (seed, subscriber index, day): no state is kept between days
// except the twin's own, so a partition plays the same whether it runs alone, in a worker thread
// or next to other partitions.
import type { Command } from "../core/domain/commands.ts"
import { fnv1a, mix32i } from "../core/rules/random.ts"

export { fnv1a }

// ---- seeded hashing -------------------------------------------------------------------------

/** A small counter-based generator, re-seedable without allocation. */
export class Draw {
  private key = 0
  private n = 0
  /** Start the stream for (seed hash, a, b, c). */
  reset(seed: number, a: number, b: number, c = 0): this {
    // Signed 32-bit throughout (mix32i): the same bits as the unsigned mixer, no heap numbers.
    this.key = mix32i(seed ^ mix32i(a ^ mix32i(b ^ mix32i(c))))
    this.n = 0
    return this
  }
  u32(): number {
    return mix32i(this.key ^ mix32i(this.n++)) >>> 0
  }
  /** Uniform in [0, 1). */
  unit(): number {
    return (mix32i(this.key ^ mix32i(this.n++)) >>> 0) / 4294967296
  }
  below(n: number): number {
    return (mix32i(this.key ^ mix32i(this.n++)) >>> 0) % n
  }
  /** A count with mean `mean`: the integer part plus one with the fractional probability. */
  count(mean: number): number {
    const f = Math.floor(mean)
    return f + (this.unit() < mean - f ? 1 : 0)
  }
  /** Exponentially distributed with the given mean (>= 0). */
  exp(mean: number): number {
    return -Math.log(1 - this.unit()) * mean
  }
}

// ---- the population -------------------------------------------------------------------------

export type GroupKind = "single" | "family" | "corporate"

export interface Group {
  /** Group index (partition = index mod partitions). */
  readonly id: number
  readonly kind: GroupKind
  /** First subscriber index; the group holds [first, first + size). In a family, first is the owner. */
  readonly first: number
  readonly size: number
}

export const msisdnOf = (i: number): string => `79${String(i).padStart(9, "0")}`

/**
 * Split `subscribers` numbers into account groups: ~12% of numbers are in «МЫ МТС» families
 * (owner + 1..4 members), ~10% in corporate accounts of 2..8 numbers, the rest single.
 */
export const generateGroups = (seed: string, subscribers: number): Group[] =>
  groupsOfPartitions(seed, subscribers, 1, [0])[0] as Group[]

/** The groups of partition `p` of `partitions` (round-robin by group index). */
export const partitionGroups = (groups: readonly Group[], p: number, partitions: number): Group[] =>
  groups.filter((g) => g.id % partitions === p)

/**
 * The groups of the partitions `mine` (in that order), exactly partitionGroups(generateGroups(…))
 * for each, in one pass that keeps only theirs: the other groups are drawn for their sizes (a
 * group's first number is the sum of the sizes before it) but never built. A cluster runner or
 * worker thread thus holds only its own partitions' groups, not the whole population's.
 */
export const groupsOfPartitions = (
  seed: string,
  subscribers: number,
  partitions: number,
  mine: readonly number[],
): Group[][] => {
  if (!Number.isSafeInteger(subscribers) || subscribers < 1 || subscribers > 999_999_999)
    throw new Error(`subscribers: must be 1..999999999, got ${subscribers}`)
  if (!Number.isSafeInteger(partitions) || partitions < 1)
    throw new Error(`partitions: must be a positive integer, got ${partitions}`)
  for (const p of mine)
    if (!Number.isSafeInteger(p) || p < 0 || p >= partitions)
      throw new Error(`partition: must be 0..${partitions - 1}, got ${p}`)
  // Partition → its list of groups (undefined: not kept).
  const slot: Array<Group[] | undefined> = new Array(partitions)
  const out = mine.map((p) => (slot[p] ??= []))
  const h = fnv1a(`${seed}/groups`)
  const d = new Draw()
  let i = 0
  for (let g = 0; i < subscribers; g++) {
    d.reset(h, g, 0)
    const r = d.unit()
    let kind: GroupKind = "single"
    let size = 1
    if (r < 0.04) {
      kind = "family"
      size = 2 + d.below(4)
    } else if (r < 0.055) {
      kind = "corporate"
      size = 2 + d.below(7)
    }
    size = Math.min(size, subscribers - i)
    if (size === 1) kind = "single"
    slot[g % partitions]?.push({ id: g, kind, first: i, size })
    i += size
  }
  return out
}

const SINGLE_TARIFFS: ReadonlyArray<readonly [string, number]> = [
  ["my-mts", 0.28],
  ["smart", 0.27],
  ["super", 0.22],
  ["constructor", 0.13],
  ["vip", 0.05],
  ["my-mts", 0.05],
]

/** Behaviour of one subscriber: fixed for the whole run, derived from (seed, index). */
export interface Profile {
  readonly tariff: string
  readonly payment: "prepaid" | "credit"
  readonly creditLimit: number
  readonly balance: number
  /** Mean outgoing calls, SMS and data sessions per day; mean data per day in KB. */
  readonly calls: number
  readonly sms: number
  readonly sessions: number
  readonly dataKb: number
  /** Takes trips abroad. */
  readonly traveller: boolean
  /** Tops up when the balance falls below this (kopecks), with this amount; 0: never. */
  readonly topUpBelow: number
  readonly topUpAmount: number
  /** Autopay by threshold set at the start. */
  readonly autopay: boolean
  /** Probability of an LK login on a day, and of mistyping the code on such a login. */
  readonly lk: number
  readonly clumsy: number
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

const newProfile = (): Mutable<Profile> => ({
  tariff: "",
  payment: "prepaid",
  creditLimit: 0,
  balance: 0,
  calls: 0.5,
  sms: 0.5,
  sessions: 0,
  dataKb: 0,
  traveller: false,
  topUpBelow: 0,
  topUpAmount: 0,
  autopay: false,
  lk: 0.5,
  clumsy: 0.5,
})

export const profileOf = (seedHash: number, i: number, group: Group, d: Draw): Profile =>
  drawProfile(seedHash, i, group, d, newProfile())

/** profileOf written into `p` (dayPlan reuses one object for all subscribers of a day). */
const drawProfile = (seedHash: number, i: number, group: Group, d: Draw, p: Mutable<Profile>): Profile => {
  d.reset(seedHash, i, 0x70f11e)
  let tariff = "smart"
  let payment: "prepaid" | "credit" = "prepaid"
  let creditLimit = 0
  if (group.kind === "corporate") {
    tariff = "corporate"
    payment = "credit"
    creditLimit = 300_000
  } else if (group.kind === "family") {
    tariff = i === group.first ? "my-mts" : (["smart", "super"][d.below(2)] as string)
  } else {
    let r = d.unit()
    for (const [t, w] of SINGLE_TARIFFS) {
      tariff = t
      if ((r -= w) < 0) break
    }
  }
  const heavy = d.unit()
  const calls = 0.5 + 3.5 * heavy * heavy + d.unit()
  const sessions = d.unit() < 0.9 ? 1 + d.below(3) : 0
  // Pay-per-use and constructor subscribers are careful with data; packaged ones use 50 MB..1 GB a day
  // (about 8 GB a month on average, a heavy tail above their packages).
  const careful = tariff === "super" ? 0.005 : tariff === "constructor" ? 0.3 : 1
  const u = d.unit()
  const dataKb = sessions === 0 ? 0 : Math.floor((50 + 900 * u * u * u) * 1024 * careful)
  const topper = payment === "prepaid" && d.unit() < 0.85
  // In the order of the draws.
  p.tariff = tariff
  p.payment = payment
  p.creditLimit = creditLimit
  p.balance = payment === "credit" ? 0 : 5_000 + d.below(150_000)
  p.calls = calls
  p.sms = 0.1 + 0.5 * d.unit()
  p.sessions = sessions
  p.dataKb = dataKb
  p.traveller = d.unit() < 0.08
  p.topUpBelow = topper ? 10_000 + d.below(40_000) : 0
  p.topUpAmount = 30_000 + 10_000 * d.below(12)
  p.autopay = payment === "prepaid" && d.unit() < 0.07
  p.lk = d.unit() < 0.3 ? 0.05 : 0.005
  p.clumsy = d.unit() < 0.1 ? 0.4 : 0.03
  return p
}

// ---- days -----------------------------------------------------------------------------------

/** Slots of 15 minutes: the plan's time resolution. */
export const SLOTS = 96
export const SLOT_MS = 15 * 60_000

/** Relative activity by hour of day (Moscow time): quiet nights, a morning and an evening peak. */
const HOUR_WEIGHT = [
  1, 0.5, 0.3, 0.2, 0.2, 0.4, 1.2, 3, 5, 6, 6.5, 6.5, 6.5, 6.5, 6, 6, 6.5, 7, 8, 8.5, 8, 6.5, 4.5, 2.5,
]
const HOUR_CDF: number[] = (() => {
  const total = HOUR_WEIGHT.reduce((a, b) => a + b, 0)
  let acc = 0
  return HOUR_WEIGHT.map((w) => (acc += w / total))
})()

const slotOf = (d: Draw): number => {
  const u = d.unit()
  let h = 0
  while (h < 23 && (HOUR_CDF[h] as number) <= u) h++
  return h * 4 + d.below(4)
}

const POPULAR = ["TR", "TR", "TR", "AE", "AE", "EG", "TH", "GE", "AM", "KZ", "UZ", "CN", "IT", "ES", "CY", "BY"]
const OTHER = ["US", "JP", "GB", "BR", "MA", "KR"]

export interface Trip {
  readonly country: string
  readonly from: number
  readonly to: number
}

/**
 * The trip of traveller `i` that covers day `day`, if any. Trips are drawn per 30-day window:
 * with probability 0.45 a window holds one trip of 3..12 days starting somewhere in it.
 */
export const tripOn = (seedHash: number, i: number, day: number, d: Draw): Trip | null => {
  const w0 = Math.floor(day / 30)
  for (let w = w0; w >= w0 - 1 && w >= 0; w--) {
    d.reset(seedHash, i, 0x7219, w)
    if (d.unit() >= 0.45) continue
    const from = w * 30 + d.below(30)
    const to = from + 3 + d.below(10)
    if (day >= from && day < to) {
      const country =
        d.unit() < 0.85 ? (POPULAR[d.below(POPULAR.length)] as string) : (OTHER[d.below(OTHER.length)] as string)
      return { country, from, to }
    }
  }
  return null
}

const PEERS: string[] = Array.from(
  { length: 997 },
  (_, k) => `79${String(100_000_000 + ((k * 7_919_993) % 899_999_999)).padStart(9, "0")}`,
)
const INTL_PEERS = ["4930123456", "905321234567", "971501234567", "8613912345678", "12125550123"]

/** What the day plan holds besides plain commands: actions that read the twin's state when due. */
export type Action =
  | Command
  | { readonly _tag: "LkLogin"; readonly msisdn: string; readonly wrong: number }
  | { readonly _tag: "TopUpCheck"; readonly msisdn: string; readonly below: number; readonly amount: number }

/** One day of one partition: actions per 15-minute slot. */
export interface DayPlan {
  readonly slots: Action[][]
}

/** The numbers of the groups' subscribers, in group order (what dayPlan's `numbers` holds). */
export const numbersOf = (groups: readonly Group[]): string[] => {
  const out: string[] = []
  for (const g of groups) for (let i = g.first; i < g.first + g.size; i++) out.push(msisdnOf(i))
  return out
}

/**
 * The day plan of the given groups (one partition) for day `day` (0 = the first day).
 * `numbers` (numbersOf(groups)) lets a partition pass the very strings its twin holds as keys,
 * so that looking a number up compares pointers, not characters.
 */
export const dayPlan = (
  seed: string,
  day: number,
  groups: readonly Group[],
  numbers: readonly string[] = numbersOf(groups),
): DayPlan => {
  const ctx: PlanCtx = {
    seedHash: fnv1a(seed),
    day,
    slots: Array.from({ length: SLOTS }, () => []),
    d: new Draw(),
    pd: new Draw(),
    td: new Draw(),
    profile: newProfile(),
    weekend: (day + 0) % 7 >= 5, // the simulation starts on Monday 2026-06-01
  }
  let k = 0
  for (const g of groups) {
    for (let i = g.first; i < g.first + g.size; i++) planSubscriber(ctx, g, i, numbers[k++] as string)
  }
  return { slots: ctx.slots }
}

/** What planning a day shares across subscribers (scratch generators and profile included). */
interface PlanCtx {
  readonly seedHash: number
  readonly day: number
  readonly slots: Action[][]
  readonly d: Draw
  readonly pd: Draw
  readonly td: Draw
  readonly profile: Mutable<Profile>
  readonly weekend: boolean
}

/** Subscriber `i`'s actions of the day, added to their slots. */
const planSubscriber = (c: PlanCtx, g: Group, i: number, msisdn: string): void => {
  const { seedHash, day, slots, d, td, weekend } = c
  const p = drawProfile(seedHash, i, g, c.pd, c.profile)
  d.reset(seedHash, i, day, 0xda1)
  const trip = p.traveller ? tripOn(seedHash, i, day, td) : null
  const abroad = trip !== null
  if (trip !== null && (trip.from === day || day === 0))
    (slots[24 + d.below(40)] as Action[]).push({ _tag: "Travel", msisdn, to: trip.country })
  if (trip === null && p.traveller && day > 0 && tripOn(seedHash, i, day - 1, td) !== null)
    (slots[20 + d.below(40)] as Action[]).push({ _tag: "Travel", msisdn, to: "home" })
  const scale = (abroad ? 0.4 : 1) * (weekend ? 0.8 : 1) * (0.6 + 0.8 * d.unit())
  const calls = d.count(p.calls * scale)
  for (let k = 0; k < calls; k++) {
    const to =
      d.unit() < 0.03 ? (INTL_PEERS[d.below(INTL_PEERS.length)] as string) : (PEERS[d.below(PEERS.length)] as string)
    const seconds = 5 + Math.min(3595, Math.floor(d.exp(110)))
    ;(slots[slotOf(d)] as Action[]).push({ _tag: "Usage", msisdn, usage: { _tag: "call", to, seconds } })
  }
  if (abroad) {
    const incoming = d.count(0.8)
    for (let k = 0; k < incoming; k++) {
      ;(slots[slotOf(d)] as Action[]).push({
        _tag: "Usage",
        msisdn,
        usage: {
          _tag: "call",
          to: PEERS[d.below(PEERS.length)] as string,
          seconds: 10 + Math.floor(d.exp(90)),
          direction: "in",
        },
      })
    }
  }
  const sms = d.count(p.sms * scale)
  for (let k = 0; k < sms; k++)
    (slots[slotOf(d)] as Action[]).push({
      _tag: "Usage",
      msisdn,
      usage: { _tag: "sms", to: PEERS[d.below(PEERS.length)] as string },
    })
  const sessions = d.count(p.sessions * (abroad ? 0.5 : 1))
  for (let k = 0; k < sessions; k++) {
    const kb = 1 + Math.floor((p.dataKb / Math.max(1, p.sessions)) * scale * (0.3 + 1.4 * d.unit()))
    ;(slots[slotOf(d)] as Action[]).push({ _tag: "Usage", msisdn, usage: { _tag: "data", kb } })
  }
  if (d.unit() < p.lk)
    (slots[32 + d.below(56)] as Action[]).push({
      _tag: "LkLogin",
      msisdn,
      wrong: d.unit() < p.clumsy ? 1 + d.below(3) : 0,
    })
  if (p.topUpBelow > 0)
    (slots[72 + d.below(16)] as Action[]).push({
      _tag: "TopUpCheck",
      msisdn,
      below: p.topUpBelow,
      amount: p.topUpAmount,
    })
  if (g.kind !== "corporate" && d.unit() < 0.004)
    (slots[40 + d.below(40)] as Action[]).push({
      _tag: "BuyPackage",
      msisdn,
      offer: d.unit() < 0.7 ? "internet-mini" : "minutes-100",
    })
  // Voluntary blocks (a lost phone): rare, lifted 2..5 days later.
  if (g.kind !== "corporate") {
    const w0 = Math.floor(day / 7)
    for (let w = w0; w >= w0 - 1 && w >= 0; w--) {
      d.reset(seedHash, i, w, 0xb10c)
      if (d.unit() >= 0.002) continue
      const from = w * 7 + d.below(7)
      const to = from + 2 + d.below(4)
      if (day === from) (slots[36 + d.below(20)] as Action[]).push({ _tag: "Block", msisdn, via: "lk" })
      if (day === to) (slots[60 + d.below(20)] as Action[]).push({ _tag: "Unblock", msisdn, via: "lk" })
    }
  }
}
