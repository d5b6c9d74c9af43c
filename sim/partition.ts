// One partition of the simulation: its own twin (state, clock, seed, log) holding a set of whole
// account groups. Groups never interact across partitions, so partitions run independently.
import type { Command } from "../core/domain/commands.ts"
import type { Event } from "../core/domain/events.ts"
import { DAY, parseInstant } from "../core/domain/time.ts"
import { TwinCore } from "../core/engine/twin-core.ts"
import { smsText } from "../core/engine/views.ts"
import { isAbroad } from "../core/rules/rating.ts"
import { replaySecret } from "../core/rules/random.ts"
import { statusOf } from "../core/state/model.ts"
import { memoryLog, nullLog, openStore, type Store, type TwinLog } from "../core/store/event-log.ts"
import { simCatalog } from "./catalog.ts"
import {
  Draw,
  dayPlan,
  fnv1a,
  numbersOf,
  profileOf,
  SLOT_MS,
  SLOTS,
  type Action,
  type DayPlan,
  type Group,
} from "./population.ts"

/** The simulation starts on Monday 2026-06-01 00:00 MSK. */
export const SIM_START = parseInstant("2026-06-01T00:00:00+03:00") as number

/**
 * Subscribers join during the 30 days before the start (group id mod 30 picks the day), so their
 * billing dates, and the monthly fees, spread over the simulated month as at a real operator.
 */
export const JOIN_DAYS = 30
/** setupSteps() yields after this many groups (a cluster runner serves lock refreshes and pings in between). */
const SETUP_STEP_GROUPS = 256
export const TWIN_START = SIM_START - JOIN_DAYS * DAY

/** What a partition's run adds up to. Money in kopecks. */
export interface PartitionSummary {
  partition: number
  subscribers: number
  groups: number
  families: number
  corporate: number
  events: number
  commands: number
  /** Charges by ledger reason (usage-call/sms/data from rated usage, the rest from Money entries). */
  charges: Record<string, number>
  /** Credits by ledger reason (top-ups, autopay, promised payments...). */
  credits: Record<string, number>
  roaming: { zabugorishche: number; payg: number }
  /** Σ (opening balance − balance) over subscribers: with I1, charges = credits + this. */
  balanceDrop: number
  usageRefused: number
  rejected: Record<string, number>
  lockouts: number
  logins: number
  trips: number
  blocked: { financial: number; voluntary: number }
  hash: string
}

export type LogKind = "sqlite" | "memory" | "null"

const NAMES = [
  "Иванов Иван",
  "Петрова Анна",
  "Смирнов Олег",
  "Кузнецова Мария",
  "Попов Дмитрий",
  "Васильева Ольга",
  "Соколов Артем",
  "Михайлова Елена",
]

const add = (r: Record<string, number>, k: string, v: number): void => {
  r[k] = (r[k] ?? 0) + v
}

export class Partition {
  readonly twin: TwinCore
  private readonly store: Store | null
  readonly seedHash: number
  /** The groups' numbers in group order: the strings the twin keys its subscribers by. */
  private readonly numbers: string[]
  private readonly s: PartitionSummary

  constructor(
    readonly seed: string,
    readonly partition: number,
    readonly partitions: number,
    readonly groups: readonly Group[],
    log: { kind: LogKind; path?: string } | { kind: "external"; log: TwinLog; resume?: PartitionSummary },
  ) {
    this.seedHash = fnv1a(seed)
    this.numbers = numbersOf(groups)
    const id = `sim-p${partition}`
    const twinSeed = `${seed}/p${partition}of${partitions}`
    const catalog = simCatalog()
    let tlog: TwinLog
    if (log.kind === "external") {
      this.store = null
      tlog = log.log
    } else if (log.kind === "sqlite") {
      if (log.path === undefined) throw new Error("sqlite log needs a path")
      this.store = openStore(log.path)
      if (this.store.getTwin(id) !== null) throw new Error(`${log.path} already holds twin ${id}; use a fresh --db`)
      this.store.createTwin({
        id,
        name: `simulate ${seed} partition ${partition}/${partitions}`,
        seed: twinSeed,
        startAt: TWIN_START,
        catalog: JSON.stringify(catalog.data),
        secret: replaySecret(twinSeed),
      })
      tlog = this.store.log(id)
    } else {
      this.store = null
      tlog = log.kind === "memory" ? memoryLog() : nullLog()
    }
    // Resuming (a cluster partition that moved): the state is rebuilt from the log's events (I7),
    // the counters of the summary come from the last committed day.
    const resume = log.kind === "external" ? log.resume : undefined
    const init = {
      id,
      seed: twinSeed,
      secret: replaySecret(twinSeed),
      start: TWIN_START,
      catalog,
      log: tlog,
      durability: "manual" as const,
    }
    this.twin = resume !== undefined ? TwinCore.restore(init) : TwinCore.create(init)
    this.s =
      resume !== undefined
        ? structuredClone(resume)
        : {
            partition,
            subscribers: 0,
            groups: groups.length,
            families: 0,
            corporate: 0,
            events: 0,
            commands: 0,
            charges: {},
            credits: {},
            roaming: { zabugorishche: 0, payg: 0 },
            balanceDrop: 0,
            usageRefused: 0,
            rejected: {},
            lockouts: 0,
            logins: 0,
            trips: 0,
            blocked: { financial: 0, voluntary: 0 },
            hash: "",
          }
    this.twin.subscribe((evs) => this.tally(evs))
  }

  private tally(evs: readonly Event[]): void {
    const s = this.s
    s.events += evs.length
    for (const e of evs) {
      switch (e.type) {
        case "UsageRated":
          if (e.cost !== 0) {
            add(s.charges, e.kind === "call" ? "usage-call" : e.kind === "sms" ? "usage-sms" : "usage-data", e.cost)
            if (isAbroad(e.where)) s.roaming.payg += e.cost
          }
          break
        case "Money":
          if (e.amount < 0) {
            add(s.charges, e.reason, -e.amount)
            if (e.reason === "fee-zabugorishche") s.roaming.zabugorishche -= e.amount
          } else if (e.amount > 0) add(s.credits, e.reason, e.amount)
          break
        case "LoginFailed":
          if (e.locked) s.lockouts++
          break
        case "LoginSucceeded":
          s.logins++
          break
        case "Travelled":
          if (isAbroad(e.to)) s.trips++
          break
        default:
          break
      }
    }
  }

  /** Events of the last successful `exec` (read right after it). */
  private lastEvents: readonly Event[] = []

  /** Run one command; a refusal is counted, never thrown (the population does silly things too). */
  private exec(c: Command): boolean {
    this.s.commands++
    const r = this.twin.execute(c)
    if (r._tag === "Success") {
      this.lastEvents = r.success.events
      return true
    }
    if (c._tag === "Usage" && r.failure.code === "BLOCKED") this.s.usageRefused++
    else add(this.s.rejected, `${c._tag}:${r.failure.code}`, 1)
    return false
  }

  /** Create the groups' subscribers before the start: families invited and joined, autopay set. */
  setup(): void {
    for (const _ of this.setupSteps());
  }

  /** setup() one join day at a time (a host that must stay responsive runs a step, then yields). */
  *setupSteps(): Generator<void> {
    const d = new Draw()
    const byDay: Array<Array<{ g: Group; at: number }>> = Array.from({ length: JOIN_DAYS }, () => [])
    let at = 0
    for (const g of this.groups) {
      ;(byDay[g.id % JOIN_DAYS] as Array<{ g: Group; at: number }>).push({ g, at })
      at += g.size
    }
    for (let k = 0; k < JOIN_DAYS; k++) {
      const r = this.twin.advanceTo(TWIN_START + k * DAY + 10 * 3_600_000)
      if (r._tag === "Failure") throw new Error(`advance failed: ${r.failure.message}`)
      let n = 0
      for (const x of byDay[k] as Array<{ g: Group; at: number }>) {
        this.join(x.g, this.numbers.slice(x.at, x.at + x.g.size), d)
        // A join day of a 125,000-subscriber partition is ~2 CPU s: yield inside it too.
        if (++n % SETUP_STEP_GROUPS === 0) yield
      }
      yield
    }
    const r = this.twin.advanceTo(SIM_START)
    if (r._tag === "Failure") throw new Error(`advance failed: ${r.failure.message}`)
    this.twin.flush()
  }

  /** Create group `g`, whose numbers are `numbers`. */
  private join(g: Group, numbers: readonly string[], d: Draw): void {
    if (g.kind === "family") this.s.families++
    if (g.kind === "corporate") this.s.corporate++
    for (let i = g.first; i < g.first + g.size; i++) {
      const p = profileOf(this.seedHash, i, g, d)
      const msisdn = numbers[i - g.first] as string
      this.s.subscribers++
      this.exec({
        _tag: "CreateSubscriber",
        msisdn,
        name: NAMES[i % NAMES.length] as string,
        tariff: p.tariff,
        payment: p.payment,
        creditLimit: p.creditLimit,
        balance: p.balance,
        avgMonthlySpend: 40_000 + (i % 7) * 20_000,
      })
      if (p.autopay) this.exec({ _tag: "SetAutopay", msisdn, mode: "threshold", threshold: 5_000, amount: 50_000 })
    }
    if (g.kind === "family") {
      const owner = numbers[0] as string
      for (let i = g.first + 1; i < g.first + g.size; i++) {
        const member = numbers[i - g.first] as string
        if (this.exec({ _tag: "FamilyInvite", msisdn: owner, member, minutes: 200, sms: 50, dataMb: 8 * 1024 })) {
          this.exec({ _tag: "FamilyReply", msisdn: member, accept: true })
        }
      }
    }
  }

  private lkLogin(msisdn: string, wrong: number): void {
    if (!this.exec({ _tag: "RequestOtp", msisdn, via: "lk" })) return
    let code = ""
    for (const e of this.lastEvents) {
      if (e.type === "SmsDelivered") {
        const m = /(\d{4,6})/.exec(smsText(this.twin, e))
        if (m !== null) code = m[1] as string
      }
    }
    if (code === "") return
    const typo = code.replace(/\d/g, (c) => String((Number(c) + 1) % 10))
    for (let k = 0; k < wrong; k++) this.exec({ _tag: "Login", msisdn, secret: typo, channel: "lk", via: "lk" })
    if (wrong < 3) this.exec({ _tag: "Login", msisdn, secret: code, channel: "lk", via: "lk" })
  }

  private act(a: Action): void {
    switch (a._tag) {
      case "LkLogin":
        this.lkLogin(a.msisdn, a.wrong)
        return
      case "TopUpCheck": {
        const sub = this.twin.state.subscribers.get(a.msisdn)
        if (sub !== undefined && sub.balance < a.below)
          this.exec({ _tag: "TopUp", msisdn: a.msisdn, amount: a.amount, method: "card" })
        return
      }
      default:
        this.exec(a)
    }
  }

  /** Play day `day` (0-based) from a plan, slot by slot; flush the log at the end of the day. */
  runDay(day: number, plan?: DayPlan): void {
    for (const _ of this.runDaySteps(day, plan));
  }

  /** runDay() one slot with actions at a time (yields after each, and after planning the day). */
  *runDaySteps(day: number, given?: DayPlan): Generator<void> {
    const plan = given ?? dayPlan(this.seed, day, this.groups, this.numbers)
    if (given === undefined) yield
    const dayStart = SIM_START + day * DAY
    for (let k = 0; k < SLOTS; k++) {
      const acts = plan.slots[k] as Action[]
      if (acts.length === 0) continue
      const r = this.twin.advanceTo(dayStart + k * SLOT_MS)
      if (r._tag === "Failure") throw new Error(`advance failed: ${r.failure.message}`)
      for (const a of acts) this.act(a)
      yield
    }
    const r = this.twin.advanceTo(dayStart + DAY)
    if (r._tag === "Failure") throw new Error(`advance failed: ${r.failure.message}`)
    this.twin.flush()
  }

  /** Final figures: the state hash, blocked numbers and the ledger cross-check. */
  finish(): PartitionSummary {
    this.twin.flush()
    const s = this.s
    s.balanceDrop = 0
    s.blocked = { financial: 0, voluntary: 0 }
    for (const sub of this.twin.state.subscribers.values()) {
      s.balanceDrop += sub.initialBalance - sub.balance
      const st = statusOf(sub)
      if (st === "blocked-financial") s.blocked.financial++
      else if (st === "blocked-voluntary") s.blocked.voluntary++
    }
    s.hash = this.twin.hash()
    return { ...s, charges: { ...s.charges }, credits: { ...s.credits }, rejected: { ...s.rejected } }
  }

  /** The running counters (what a resumed partition continues from), a copy. */
  counters(): PartitionSummary {
    return structuredClone(this.s)
  }

  close(): void {
    this.store?.close()
  }
}
