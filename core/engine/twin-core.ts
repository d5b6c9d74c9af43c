// One twin: state, clock, seeded randomness, scheduler and log. Synchronous and allocation-lean:
// this is the hot path. The Effect services (engine/services.ts) wrap it.
import { createHmac } from "node:crypto"
import { Result } from "effect"
import type { CatalogIndex } from "../catalog/load.ts"
import { decodeCommand, type CommandOf, type CommandTag } from "../domain/commands.ts"
import type { Draft, Event, EventType } from "../domain/events.ts"
import { err, type DomainError } from "../domain/errors.ts"
import { addMonths, formatMskIso, nextMskMidnight } from "../domain/time.ts"
import { decide, type ResultOf } from "../rules/index.ts"
import { isErr, type Ctx } from "../rules/context.ts"
import { autopayDateJob, dailyJob, expiryJob, promisedDueJob, renewalJob } from "../rules/jobs.ts"
import { networkIdentity, networkIdentityMsisdn } from "../rules/network-identity.ts"
import { replaySecret, Rng } from "../rules/random.ts"
import { reactions } from "../rules/reactions.ts"
import { apply } from "../state/apply.ts"
import { emptyState, type State } from "../state/model.ts"
import { decodeState, encodeState, stateHash } from "../state/snapshot.ts"
import type { TwinLog } from "../store/event-log.ts"
import { type JobHeap, rebuildHeap, scheduleSession, scheduleSubscriber, stillDue, type Job } from "./scheduler.ts"
import { sessionIdleJob, sessionIdleMs } from "../rules/sessions.ts"
import { claimOf } from "./idempotency.ts"

/** The value type of a command's result, by tag (from the rule table). */
export type { ResultOf }

export interface Outcome<V = unknown> {
  /** The events this call recorded, in order (with seq and time). */
  readonly events: readonly Event[]
  readonly value: V
}

export interface TwinInit {
  readonly id: string
  readonly name?: string
  readonly seed: string
  /**
   * The key of every secret the twin draws (core/rules/random.ts). Absent: derived from the seed
   * (simulations and benchmarks, which replay from the seed alone). Never returned by any API.
   */
  readonly secret?: string
  /** Start instant (epoch ms); the twin clock starts here. */
  readonly start: number
  readonly catalog: CatalogIndex
  readonly log: TwinLog
  /** "command": flush the log before every acknowledgement (servers); "manual": caller flushes (simulations). */
  readonly durability?: "command" | "manual"
}

/** Event types after which a subscriber's timers may have changed. */
const TIMER_EVENTS: ReadonlySet<EventType> = new Set<EventType>([
  "SubscriberCreated",
  "PeriodRenewed",
  "TariffChanged",
  "PackageAdded",
  "PromisedOpened",
  "AutopaySet",
  "FamilyJoined",
  "FamilyRemoved",
])

/** A server twin writes a snapshot every this many events, so a restart replays only the tail. */
export const SNAPSHOT_EVERY = 50_000

/** How far one served advance may move the clock: 10 years (the same bound as `months` <= 120). */
export const MAX_ADVANCE_DAYS = 3660
export const MAX_ADVANCE_MS = MAX_ADVANCE_DAYS * 86_400_000

export interface AdvanceReport {
  from: number
  to: number
  jobs: number
  events: number
}

const advanceRunning = (): DomainError =>
  err(
    "ADVANCE_RUNNING",
    "to: another advance of this twin is still running; retry when it ends",
    "Часы двойника уже переводятся, повторите позже",
    "to",
  )

/** Let the event loop serve other requests and twins (I/O included) before the next step. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/** A failure of the store (SQLite error, I/O error, injected fault), as opposed to a bug in a rule. */
export const isStorageError = (e: unknown): boolean => {
  if (typeof e !== "object" || e === null) return false
  const code = "code" in e ? String((e as { code: unknown }).code) : ""
  const name = e instanceof Error ? e.name : ""
  return code.startsWith("SQLITE_") || name === "SqliteError" || name === "StoreWriteError" || /^E[A-Z]+$/.test(code)
}

/** Upper bound on jobs one advance may run (a runaway schedule is a bug, not a workload). */
const MAX_JOBS_PER_ADVANCE = 50_000_000

/** The batch of a call that recorded nothing: shared, frozen, replaced on the first event. */
const NO_EVENTS = Object.freeze([]) as unknown as Event[]

export type Listener = (events: readonly Event[]) => void

/** The refusal of a command whose events could not be made durable (the twin is back at its last durable state). */
export const storeUnavailable = (cause: string): DomainError =>
  err(
    "STORE_UNAVAILABLE",
    `store: the command's events could not be written (${cause}); nothing of it was applied, retry later`,
    "Операция не выполнена: сервис временно недоступен. Деньги не списаны, повторите попытку позже",
    "store",
  )

const causeOf = (e: unknown): string => {
  const code = typeof e === "object" && e !== null && "code" in e ? String((e as { code: unknown }).code) : ""
  const msg = e instanceof Error ? e.message : String(e)
  return code !== "" && !msg.includes(code) ? `${code}: ${msg}` : msg
}

export class TwinCore {
  readonly id: string
  readonly name: string
  readonly cat: CatalogIndex
  readonly log: TwinLog
  /** "command": every call's events are durable before it returns; "manual": the caller flushes (a registry switches a seeded twin to "command"). */
  durability: "command" | "manual"
  state: State
  private heap: JobHeap
  private readonly rng: Rng
  /** The key of the twin's secrets: its secret and seed (core/rules/random.ts). Never leaves the core. */
  private readonly key: string
  private readonly listeners = new Set<Listener>()
  /** Events committed during the current call (returned in its Outcome). */
  private batch: Event[] = NO_EVENTS
  private lastSnapshotSeq: number
  /** Set when the log could not even be read back after a failed write: every call is refused until a restart. */
  private broken: string | null = null
  /** An advanceServed is running (it yields between days): a second advance waits its turn. */
  private advancing = false
  private readonly init: TwinInit
  private readonly scratch: { state: State; cat: CatalogIndex; now: number; rng: Rng }

  private constructor(init: TwinInit, state: State) {
    this.init = init
    this.id = init.id
    this.name = init.name ?? init.id
    this.cat = init.catalog
    this.log = init.log
    this.durability = init.durability ?? "command"
    this.state = state
    // The seed still picks the sequence; the secret makes it unpredictable.
    this.key = `${init.secret ?? replaySecret(init.seed)}\u0000${state.seed}`
    this.rng = new Rng(this.key, state.rng)
    this.heap = rebuildHeap(state, this.idleMs)
    this.lastSnapshotSeq = state.seq
    this.scratch = { state, cat: this.cat, now: state.now, rng: this.rng }
  }

  private readonly idleMs = (channel: string): number => sessionIdleMs(this.cat, channel)

  /** A new, empty twin. */
  static create(init: TwinInit): TwinCore {
    return new TwinCore(init, emptyState(init.seed, init.start, nextMskMidnight(init.start)))
  }

  /** Rebuild a twin from its log (and latest snapshot, if any): I7. */
  static restore(init: TwinInit): TwinCore {
    const snap = init.log.latestSnapshot()
    const state =
      snap !== null ? decodeState(snap.state) : emptyState(init.seed, init.start, nextMskMidnight(init.start))
    for (const e of init.log.read(state.seq)) apply(state, e, init.catalog)
    return new TwinCore(init, state)
  }

  /** Fold a log from scratch into a fresh state (no snapshot): the replay check of I7. */
  static replay(init: TwinInit): State {
    const state = emptyState(init.seed, init.start, nextMskMidnight(init.start))
    for (const e of init.log.read(0)) apply(state, e, init.catalog)
    return state
  }

  get now(): number {
    return this.state.now
  }

  nowIso(): string {
    return formatMskIso(this.state.now)
  }

  subscribe(l: Listener): () => void {
    this.listeners.add(l)
    return () => this.listeners.delete(l)
  }

  /**
   * The context of one decision. One object reused for every command and job (a rule never keeps
   * its context past the call, and decisions never nest), so the hot path allocates none.
   */
  private ctx(now: number): Ctx {
    this.rng.counter = this.state.rng
    const c = this.scratch
    c.state = this.state
    c.now = now
    return c
  }

  /** Stamp, apply, log and schedule drafts at instant `at`, then run reactions. */
  private commit(drafts: readonly Draft[], at: number): void {
    if (drafts.length === 0) return
    const start = this.batch.length
    for (let i = 0; i < drafts.length; i++) this.commitOne(drafts[i] as Draft, at)
    const more = reactions(this.ctx(at), this.batch, start)
    for (let i = 0; i < more.length; i++) this.commitOne(more[i] as Draft, at)
  }

  private commitOne(d: Draft, at: number): void {
    const e = d as Event
    e.seq = this.state.seq + 1
    e.at = at
    apply(this.state, e, this.cat)
    this.log.append(e)
    // Most calls record one event: an exact one-element array rather than a grown one.
    if (this.batch === NO_EVENTS) this.batch = [e]
    else this.batch.push(e)
    if (TIMER_EVENTS.has(e.type)) {
      if (e.type === "FamilyJoined" || e.type === "FamilyRemoved") {
        scheduleSubscriber(this.heap, this.state, e.owner)
        scheduleSubscriber(this.heap, this.state, e.member)
      } else if ("msisdn" in e) scheduleSubscriber(this.heap, this.state, e.msisdn)
    } else if (e.type === "ClockSet") {
      this.heap.push({ at: this.state.nextDaily, kind: "daily", msisdn: "" })
    } else if (e.type === "LoginSucceeded") {
      scheduleSession(this.heap, e.tokenHash, e.at + sessionIdleMs(this.cat, e.channel))
    } else if (e.type === "KioskLogin" && e.session !== undefined) {
      scheduleSession(this.heap, e.session.tokenHash, e.at + sessionIdleMs(this.cat, "kiosk"))
    }
  }

  /**
   * Make the call's events durable (in "command" mode), then tell the listeners. Nothing of the
   * call is seen by anyone before this returns: the engine is synchronous, so no other request
   * runs between the first apply and the flush.
   */
  private finish<V>(value: V): Outcome<V> {
    const events = this.batch
    if (this.durability === "command") {
      if (events.length > 0) {
        const claim = claimOf(this.id)
        if (claim !== null) this.log.remember(claim.key, claim.record(events[0]?.seq ?? 0))
      }
      this.log.flush()
    }
    this.batch = NO_EVENTS
    if (this.durability === "command" && this.state.seq - this.lastSnapshotSeq >= SNAPSHOT_EVERY) {
      // The events are durable already: a failed snapshot only means a longer replay at the next start.
      try {
        this.snapshot()
      } catch (e) {
        console.error(`[twin] ${this.id}: snapshot not written (${causeOf(e)}); the log is intact`)
      }
    }
    if (events.length > 0 && this.listeners.size > 0) for (const l of this.listeners) l(events)
    return { events, value }
  }

  /**
   * Run one call all-or-nothing: if anything throws before its events are durable (a write error,
   * a full disk), forget its unwritten events and rebuild the state from the log, so the twin is
   * exactly at its last durable state; the caller gets STORE_UNAVAILABLE (or the original error,
   * when it was not a storage failure).
   */
  private atomically<T>(body: () => Result.Result<T, DomainError>): Result.Result<T, DomainError> {
    if (this.broken !== null) return Result.fail(storeUnavailable(this.broken))
    try {
      return body()
    } catch (e) {
      this.rollback()
      if (isStorageError(e)) return Result.fail(storeUnavailable(causeOf(e)))
      throw e
    }
  }

  /** Back to the last durable state: drop the unwritten events, rebuild state and timers from the log. */
  private rollback(): void {
    this.batch = NO_EVENTS
    this.log.discard()
    try {
      const snap = this.log.latestSnapshot()
      const state =
        snap !== null
          ? decodeState(snap.state)
          : emptyState(this.init.seed, this.init.start, nextMskMidnight(this.init.start))
      for (const e of this.log.read(state.seq)) apply(state, e, this.cat)
      this.state = state
      this.scratch.state = state
      this.rng.counter = state.rng
      this.heap = rebuildHeap(state, this.idleMs)
      this.lastSnapshotSeq = Math.min(this.lastSnapshotSeq, state.seq)
    } catch (e) {
      this.broken = `log unreadable after a failed write: ${causeOf(e)}`
      console.error(`[twin] ${this.id}: ${this.broken}; refusing every call until restart`)
    }
  }

  /**
   * Execute a decoded command at the twin's current time. The value's type is the one its rule
   * declares (core/rules/index.ts `ResultOf`): the caller does not choose it.
   */
  execute<T extends CommandTag>(cmd: CommandOf<T>): Result.Result<Outcome<ResultOf<T>>, DomainError> {
    return this.atomically(() => {
      const r = decide(this.ctx(this.state.now), cmd)
      if (isErr(r)) return Result.fail(r)
      this.commit(r.events, this.state.now)
      // A refusal recorded all the same (a wrong code is counted): its events are durable before the error returns.
      if (r.error !== undefined) {
        this.finish(undefined)
        return Result.fail(r.error)
      }
      return Result.succeed(this.finish(r.value))
    })
  }

  /** Decode untrusted input (JSON from a channel or the control API), then execute. */
  executeUnknown(input: unknown): Result.Result<Outcome<ResultOf<CommandTag>>, DomainError> {
    const c = decodeCommand(input)
    return c._tag === "Failure" ? Result.fail(c.failure) : this.execute(c.success)
  }

  private runJob(j: Job): Draft[] {
    const ctx = this.ctx(j.at)
    if (j.kind === "daily") return dailyJob(ctx, j.at)
    if (j.kind === "session") {
      const r = sessionIdleJob(this.cat, this.state, j.msisdn, j.at)
      if (r.recheckAt !== null) scheduleSession(this.heap, j.msisdn, r.recheckAt)
      return r.end
    }
    const s = this.state.subscribers.get(j.msisdn)
    if (s === undefined) return []
    switch (j.kind) {
      case "renewal":
        return renewalJob(ctx, s, j.at)
      case "expiry":
        return expiryJob(s, j.at)
      case "promised":
        return promisedDueJob(s)
      case "autopay":
        return autopayDateJob(s, j.at)
    }
  }

  /** Run every due job with instant <= `until`, in time order (the clock moves with them, not past the last). */
  private runJobsUntil(until: number): number {
    let jobs = 0
    for (;;) {
      const j = this.heap.peek()
      if (j === undefined || j.at > until) break
      this.heap.pop()
      if (!stillDue(this.state, j)) continue
      if (++jobs > MAX_JOBS_PER_ADVANCE)
        throw new Error(`advance: more than ${MAX_JOBS_PER_ADVANCE} jobs in one advance (runaway schedule)`)
      this.commit(this.runJob(j), Math.max(j.at, this.state.now))
    }
    return jobs
  }

  private checkTo(to: number): DomainError | null {
    if (!Number.isSafeInteger(to)) return err("INVALID_FIELD", "to: not a valid instant", "Неверное время", "to")
    const from = this.state.now
    if (to < from)
      return err(
        "INVALID_FIELD",
        `to: ${formatMskIso(to)} is before twin time ${formatMskIso(from)}; time only moves forward`,
        "Время идет только вперед",
        "to",
      )
    return null
  }

  /** Move the clock to `to`, running every due job in time order first. Time never goes back. In one step (simulations, tests). */
  advanceTo(to: number): Result.Result<Outcome<{ from: number; to: number; jobs: number }>, DomainError> {
    const bad = this.checkTo(to)
    if (bad !== null) return Result.fail(bad)
    if (this.advancing) return Result.fail(advanceRunning())
    const from = this.state.now
    return this.atomically(() => {
      const jobs = this.runJobsUntil(to)
      if (to > this.state.now) this.commit([{ type: "ClockSet", to, nextDaily: this.state.nextDaily }], to)
      return Result.succeed(this.finish({ from, to, jobs }))
    })
  }

  /**
   * The served form of advanceTo: at most MAX_ADVANCE_MS per call, and one simulated day per step.
   * Each day's events are made durable and shown (listeners) before `pause` lets other requests and
   * twins run, so memory stays bounded by one day's events and no call stalls the server. The log is
   * the same as one advanceTo's (same events, same order). If a write fails, the twin stays at the
   * last durable day and the failure is returned. One advance per twin at a time.
   */
  async advanceServed(
    to: number,
    pause: () => Promise<void> = nextTurn,
  ): Promise<Result.Result<AdvanceReport, DomainError>> {
    const bad = this.checkTo(to)
    if (bad !== null) return Result.fail(bad)
    const from = this.state.now
    if (to - from > MAX_ADVANCE_MS) {
      return Result.fail(
        err(
          "INVALID_FIELD",
          `to: ${formatMskIso(to)} is more than ${MAX_ADVANCE_DAYS} days after twin time ${formatMskIso(from)}; advance at most ${MAX_ADVANCE_DAYS} days per call`,
          `Перевести часы можно не более чем на ${MAX_ADVANCE_DAYS} дней за раз`,
          "to",
        ),
      )
    }
    if (this.advancing) return Result.fail(advanceRunning())
    this.advancing = true
    let jobs = 0
    let events = 0
    try {
      for (let day = nextMskMidnight(from); ; day = nextMskMidnight(day)) {
        const until = Math.min(day, to)
        const step = this.atomically(() => {
          const n = this.runJobsUntil(until)
          if (until === to && to > this.state.now)
            this.commit([{ type: "ClockSet", to, nextDaily: this.state.nextDaily }], to)
          return Result.succeed(this.finish(n))
        })
        if (Result.isFailure(step)) return Result.fail(step.failure)
        jobs += step.success.value
        events += step.success.events.length
        if (until === to) break
        await pause()
      }
    } finally {
      this.advancing = false
    }
    return Result.succeed({ from, to, jobs, events })
  }

  advanceBy(ms: number): Result.Result<Outcome<{ from: number; to: number; jobs: number }>, DomainError> {
    if (!Number.isSafeInteger(ms) || ms < 0)
      return Result.fail(
        err(
          "INVALID_FIELD",
          `duration: must be a non-negative number of milliseconds, got ${ms}`,
          "Неверная длительность",
          "duration",
        ),
      )
    return this.advanceTo(this.state.now + ms)
  }

  advanceMonths(n: number): Result.Result<Outcome<{ from: number; to: number; jobs: number }>, DomainError> {
    if (!Number.isSafeInteger(n) || n < 0 || n > 120)
      return Result.fail(err("INVALID_FIELD", `months: must be 0..120, got ${n}`, "Неверное число месяцев", "months"))
    return this.advanceTo(addMonths(this.state.now, n))
  }

  /**
   * The code of a secret SMS (SmsDelivered.code): the log keeps the text masked and the draw, and
   * only the handset's inbox view re-derives the digits (core/engine/views.ts inboxOf).
   */
  revealCode(draw: number, digits: number): string {
    return this.rng.digitsAt(draw, digits)
  }

  /**
   * A channel-held secret (IVR call ids, CSRF tokens): HMAC-SHA-256 of `purpose` under the twin's
   * key, hex. Deterministic for replay, unpredictable without the twin's secret; not twin state.
   */
  derive(purpose: string): string {
    return createHmac("sha256", this.key).update(purpose).digest("hex")
  }

  /** R26: the network identity of the handset `msisdn` (core/rules/network-identity.ts). */
  networkIdentity(msisdn: string): string {
    return networkIdentity(this.key, msisdn)
  }

  /** R26: the number a network identity was issued to by this twin, or null for a forged one. */
  networkIdentityMsisdn(value: string): string | null {
    return networkIdentityMsisdn(this.key, value)
  }

  /** Is the twin refusing calls because its log could not be read back? */
  get unavailable(): string | null {
    return this.broken
  }

  hash(): string {
    return stateHash(this.state)
  }

  /** Write a snapshot of the current state to the log's store. */
  snapshot(): void {
    this.lastSnapshotSeq = this.state.seq
    this.log.saveSnapshot({
      seq: this.state.seq,
      at: this.state.now,
      hash: this.hash(),
      state: encodeState(this.state),
    })
  }

  flush(): void {
    this.log.flush()
  }
}
