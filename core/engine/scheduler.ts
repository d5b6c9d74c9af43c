// Due jobs in time order. A binary heap of candidate timers; each is checked against the state
// when it comes due (a stale timer is dropped), so the heap is an index rebuilt from the state
// after a restart. Order at equal instants is (kind, msisdn): independent of insertion order,
// so a restarted twin runs same-instant jobs in the same order as a live one.
import type { State } from "../state/model.ts"

export type JobKind = "renewal" | "expiry" | "promised" | "autopay" | "daily" | "session"
const PRIORITY: Record<JobKind, number> = { renewal: 0, expiry: 1, promised: 2, autopay: 3, daily: 4, session: 5 }

/** A timer; `msisdn` is the subscriber's number, or the session's token hash for a "session" job, or "" for "daily". */
export interface Job {
  at: number
  kind: JobKind
  msisdn: string
}

const before = (a: Job, b: Job): boolean =>
  a.at !== b.at ? a.at < b.at : a.kind !== b.kind ? PRIORITY[a.kind] < PRIORITY[b.kind] : a.msisdn < b.msisdn

export class JobHeap {
  private readonly items: Job[] = []
  get size(): number {
    return this.items.length
  }
  push(j: Job): void {
    const a = this.items
    a.push(j)
    let i = a.length - 1
    while (i > 0) {
      const p = (i - 1) >> 1
      if (!before(a[i] as Job, a[p] as Job)) break
      ;[a[i], a[p]] = [a[p] as Job, a[i] as Job]
      i = p
    }
  }
  peek(): Job | undefined {
    return this.items[0]
  }
  pop(): Job | undefined {
    const a = this.items
    const top = a[0]
    const last = a.pop()
    if (a.length > 0 && last !== undefined) {
      a[0] = last
      let i = 0
      for (;;) {
        const l = 2 * i + 1
        const r = l + 1
        let m = i
        if (l < a.length && before(a[l] as Job, a[m] as Job)) m = l
        if (r < a.length && before(a[r] as Job, a[m] as Job)) m = r
        if (m === i) break
        ;[a[i], a[m]] = [a[m] as Job, a[i] as Job]
        i = m
      }
    }
    return top
  }
}

/** Push every timer the subscriber currently has. */
export const scheduleSubscriber = (heap: JobHeap, state: State, msisdn: string): void => {
  const s = state.subscribers.get(msisdn)
  if (s === undefined) return
  heap.push({ at: s.renewAt, kind: "renewal", msisdn })
  for (const p of s.packages) {
    if ((p.source === "oneoff" || p.source === "bonus") && p.expiresAt !== null)
      heap.push({ at: p.expiresAt, kind: "expiry", msisdn })
  }
  if (s.promised !== null) heap.push({ at: s.promised.dueAt, kind: "promised", msisdn })
  if (s.autopay?.mode === "date") heap.push({ at: s.autopay.nextAt, kind: "autopay", msisdn })
}

/** Is the job still due according to the state? */
export const stillDue = (state: State, j: Job): boolean => {
  if (j.kind === "daily") return state.nextDaily === j.at
  if (j.kind === "session") return state.sessions.has(j.msisdn)
  const s = state.subscribers.get(j.msisdn)
  if (s === undefined) return false
  switch (j.kind) {
    case "renewal":
      return s.renewAt === j.at
    case "expiry":
      return s.packages.some((p) => (p.source === "oneoff" || p.source === "bonus") && p.expiresAt === j.at)
    case "promised":
      return s.promised?.dueAt === j.at
    case "autopay":
      return s.autopay?.mode === "date" && s.autopay.nextAt === j.at
  }
}

/** A session's idle timer: checked at `at`, it ends the session or moves to its new expiry. */
export const scheduleSession = (heap: JobHeap, tokenHash: string, at: number): void => {
  heap.push({ at, kind: "session", msisdn: tokenHash })
}

export const rebuildHeap = (state: State, idleMs: (channel: string) => number): JobHeap => {
  const h = new JobHeap()
  for (const m of state.subscribers.keys()) scheduleSubscriber(h, state, m)
  for (const x of state.sessions.values()) scheduleSession(h, x.tokenHash, x.lastSeen + idleMs(x.channel))
  h.push({ at: state.nextDaily, kind: "daily", msisdn: "" })
  return h
}
