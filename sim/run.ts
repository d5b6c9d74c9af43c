// The population simulation: P partitions (whole account groups each), run in this thread or
// spread over worker threads. The result does not depend on the number of threads: each
// partition is its own twin with its own seed, and the combined hash is a hash over the
// partitions' state hashes in partition order.
import { createHash } from "node:crypto"
import { mkdirSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { runInNewContext } from "node:vm"
import v8 from "node:v8"
import { tsWorker } from "./worker-thread.ts"
import { Partition, type LogKind, type PartitionSummary } from "./partition.ts"
import { groupsOfPartitions, type Group } from "./population.ts"

export interface SimOptions {
  readonly seed: string
  readonly subscribers: number
  readonly days: number
  /** Logical partitions (fixed: part of the result's identity). Default 8. */
  readonly partitions?: number
  /** Worker threads (1 = this thread). Default 1. */
  readonly threads?: number
  /** Directory for the SQLite logs (one file per partition); default a temp dir, removed after. */
  readonly db?: string
  readonly log?: LogKind
  /** Measure the heap held by the partitions' state (forces GCs; a little slower). */
  readonly measureMemory?: boolean
}

export interface Progress {
  subscriberDays: number
  events: number
}

export interface WorkerInput {
  readonly seed: string
  readonly subscribers: number
  readonly days: number
  readonly partitions: number
  readonly mine: readonly number[]
  readonly dbDir: string | null
  readonly log: LogKind
  readonly measureMemory: boolean
}

export type WorkerMessage =
  | { readonly type: "progress"; readonly subscriberDays: number; readonly events: number }
  | {
      readonly type: "done"
      readonly summaries: PartitionSummary[]
      readonly heapBytes: number | null
      readonly setupMs: number
    }
  | { readonly type: "error"; readonly message: string }

export interface SimResult {
  readonly seed: string
  readonly subscribers: number
  readonly days: number
  readonly partitions: number
  readonly threads: number
  readonly log: LogKind | "postgres"
  readonly dbDir: string | null
  readonly hash: string
  readonly partitionHashes: string[]
  readonly events: number
  readonly commands: number
  readonly seconds: number
  /** Of which building the population (creating subscribers, families, autopay): the slowest thread. */
  readonly setupSeconds: number
  /** Subscriber-days simulated per second of wall-clock time (setup included). */
  readonly subscriberDaysPerSec: number
  readonly eventsPerSec: number
  /** Heap held per subscriber at the end (state, plans and indexes), when measured. */
  readonly bytesPerSubscriber: number | null
  /** Heap held by all partitions at the end, when measured. */
  readonly heapBytes: number | null
  readonly summary: Totals
}

/** The partitions' summaries added up, plus revenue and total credits. */
export interface Totals
  extends Pick<
    PartitionSummary,
    | "families"
    | "corporate"
    | "groups"
    | "charges"
    | "credits"
    | "balanceDrop"
    | "roaming"
    | "usageRefused"
    | "rejected"
    | "lockouts"
    | "logins"
    | "trips"
    | "blocked"
  > {
  revenue: number
  creditsTotal: number
}

const gcFn = (): (() => void) => {
  v8.setFlagsFromString("--expose-gc")
  return runInNewContext("gc") as () => void
}

/** Combined hash: partitions' state hashes in partition order, with the run's identity. */
export const combinedHash = (seed: string, subscribers: number, days: number, hashes: readonly string[]): string => {
  const h = createHash("sha256")
  h.update(`twin-simulate/v1|${seed}|${subscribers}|${days}|${hashes.length}\n`)
  for (const x of hashes) h.update(`${x}\n`)
  return h.digest("hex")
}

/** Run the given partitions in this thread, interleaved day by day. */
export const runPartitions = (
  input: WorkerInput,
  onProgress: (p: Progress) => void,
): { summaries: PartitionSummary[]; heapBytes: number | null; setupMs: number } => {
  const gc = input.measureMemory ? gcFn() : null
  gc?.()
  const heap0 = process.memoryUsage().heapUsed
  const t0 = performance.now()
  // This thread's partitions' groups only (one pass over the population, the others' never built).
  const mine = groupsOfPartitions(input.seed, input.subscribers, input.partitions, input.mine)
  const parts = input.mine.map(
    (p, k) =>
      new Partition(input.seed, p, input.partitions, mine[k] as Group[], {
        kind: input.log,
        ...(input.dbDir !== null ? { path: join(input.dbDir, `part-${String(p).padStart(3, "0")}.sqlite`) } : {}),
      }),
  )
  for (const p of parts) p.setup()
  const setupMs = performance.now() - t0
  try {
    const last = parts.map((p) => p.twin.state.seq)
    const sizes = parts.map((p) => p.groups.reduce((a, g) => a + g.size, 0))
    for (let day = 0; day < input.days; day++) {
      parts.forEach((p, k) => {
        p.runDay(day)
        const seq = p.twin.state.seq
        onProgress({ subscriberDays: sizes[k] as number, events: seq - (last[k] as number) })
        last[k] = seq
      })
    }
    const summaries = parts.map((p) => p.finish())
    let heapBytes: number | null = null
    if (gc !== null) {
      gc()
      heapBytes = process.memoryUsage().heapUsed - heap0
    }
    return { summaries, heapBytes, setupMs }
  } finally {
    for (const p of parts) p.close()
  }
}

const addAll = (into: Record<string, number>, from: Record<string, number>): void => {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v
}

const sortKeys = (r: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))

export const totalsOf = (summaries: readonly PartitionSummary[]): Totals => {
  const t: Totals = {
    families: 0,
    corporate: 0,
    groups: 0,
    charges: {},
    credits: {},
    revenue: 0,
    creditsTotal: 0,
    balanceDrop: 0,
    roaming: { zabugorishche: 0, payg: 0 },
    usageRefused: 0,
    rejected: {},
    lockouts: 0,
    logins: 0,
    trips: 0,
    blocked: { financial: 0, voluntary: 0 },
  }
  for (const s of summaries) {
    t.families += s.families
    t.corporate += s.corporate
    t.groups += s.groups
    addAll(t.charges, s.charges)
    addAll(t.credits, s.credits)
    addAll(t.rejected, s.rejected)
    t.balanceDrop += s.balanceDrop
    t.roaming.zabugorishche += s.roaming.zabugorishche
    t.roaming.payg += s.roaming.payg
    t.usageRefused += s.usageRefused
    t.lockouts += s.lockouts
    t.logins += s.logins
    t.trips += s.trips
    t.blocked.financial += s.blocked.financial
    t.blocked.voluntary += s.blocked.voluntary
  }
  t.charges = sortKeys(t.charges)
  t.credits = sortKeys(t.credits)
  t.rejected = sortKeys(t.rejected)
  t.revenue = Object.values(t.charges).reduce((a, b) => a + b, 0)
  t.creditsTotal = Object.values(t.credits).reduce((a, b) => a + b, 0)
  return t
}

const WORKER_URL = new URL("./worker.ts", import.meta.url)

const runInWorker = (
  input: WorkerInput,
  onProgress: (p: Progress) => void,
): Promise<{ summaries: PartitionSummary[]; heapBytes: number | null; setupMs: number }> =>
  new Promise((resolvePromise, reject) => {
    const w = tsWorker(WORKER_URL, {
      workerData: input,
      resourceLimits: { maxOldGenerationSizeMb: 12_288, maxYoungGenerationSizeMb: 64 },
    })
    let settled = false
    w.on("message", (m: WorkerMessage) => {
      if (m.type === "progress") onProgress({ subscriberDays: m.subscriberDays, events: m.events })
      else if (m.type === "done") {
        settled = true
        resolvePromise({ summaries: m.summaries, heapBytes: m.heapBytes, setupMs: m.setupMs })
      } else {
        settled = true
        reject(new Error(`simulation worker failed: ${m.message}`))
      }
    })
    w.on("error", (e) => {
      if (!settled) {
        settled = true
        reject(e)
      }
    })
    w.on("exit", (code) => {
      if (!settled) reject(new Error(`simulation worker exited with code ${code} before finishing`))
    })
  })

/** Run the whole simulation. `onProgress` gets increments (subscriber-days, events). */
export const simulate = async (o: SimOptions, onProgress: (p: Progress) => void = () => {}): Promise<SimResult> => {
  const partitions = o.partitions ?? 8
  const threads = o.threads ?? 1
  const log = o.log ?? "sqlite"
  if (!Number.isSafeInteger(o.days) || o.days < 1 || o.days > 3660)
    throw new Error(`days: must be 1..3660, got ${o.days}`)
  if (!Number.isSafeInteger(partitions) || partitions < 1 || partitions > 256)
    throw new Error(`partitions: must be 1..256, got ${partitions}`)
  if (!Number.isSafeInteger(threads) || threads < 1 || threads > partitions)
    throw new Error(`threads: must be 1..partitions (${partitions}), got ${threads}`)
  let dbDir: string | null = null
  let temp = false
  if (log === "sqlite") {
    if (o.db !== undefined) {
      dbDir = resolve(o.db)
      mkdirSync(dbDir, { recursive: true })
    } else {
      dbDir = mkdtempSync(join(tmpdir(), "twin-simulate-"))
      temp = true
    }
  }
  const base = {
    seed: o.seed,
    subscribers: o.subscribers,
    days: o.days,
    partitions,
    dbDir,
    log,
    measureMemory: o.measureMemory ?? false,
  }
  const t0 = performance.now()
  try {
    let outs: Array<{ summaries: PartitionSummary[]; heapBytes: number | null; setupMs: number }>
    if (threads === 1) {
      outs = [runPartitions({ ...base, mine: Array.from({ length: partitions }, (_, p) => p) }, onProgress)]
    } else {
      const mine: number[][] = Array.from({ length: threads }, () => [])
      for (let p = 0; p < partitions; p++) (mine[p % threads] as number[]).push(p)
      outs = await Promise.all(mine.map((m) => runInWorker({ ...base, mine: m }, onProgress)))
    }
    const seconds = (performance.now() - t0) / 1000
    const summaries = outs.flatMap((x) => x.summaries).sort((a, b) => a.partition - b.partition)
    const hashes = summaries.map((s) => s.hash)
    const events = summaries.reduce((a, s) => a + s.events, 0)
    const heaps = outs.map((x) => x.heapBytes)
    const bytesPerSubscriber = heaps.every((h): h is number => h !== null)
      ? heaps.reduce((a, b) => a + b, 0) / o.subscribers
      : null
    return {
      seed: o.seed,
      subscribers: o.subscribers,
      days: o.days,
      partitions,
      threads,
      log,
      dbDir: temp ? null : dbDir,
      hash: combinedHash(o.seed, o.subscribers, o.days, hashes),
      partitionHashes: hashes,
      events,
      commands: summaries.reduce((a, s) => a + s.commands, 0),
      seconds,
      setupSeconds: Math.max(...outs.map((x) => x.setupMs)) / 1000,
      subscriberDaysPerSec: (o.subscribers * o.days) / seconds,
      eventsPerSec: events / seconds,
      bytesPerSubscriber,
      heapBytes: bytesPerSubscriber === null ? null : bytesPerSubscriber * o.subscribers,
      summary: totalsOf(summaries),
    }
  } finally {
    if (temp && dbDir !== null) rmSync(dbDir, { recursive: true, force: true })
  }
}
