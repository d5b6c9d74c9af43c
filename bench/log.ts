// Suite 2: event-log appends/s (openStore(...).log(id): buffered, batched transactions of 4096,
// WAL) against raw better-sqlite3 batched inserts of the same rows into the same schema.
import Database from "better-sqlite3"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Bench } from "tinybench"
import type { Event } from "../core/domain/events.ts"
import { eventMsisdn } from "../core/domain/events.ts"
import { openStore, type Store } from "../core/store/event-log.ts"
import type { SuiteResult } from "./lib/figures.ts"
import { taskRate } from "./lib/tasks.ts"
import { generateGroups, partitionGroups } from "./sim/population.ts"
import { Partition } from "./sim/partition.ts"

/** A realistic event mix: the first days of a small simulated population (after setup), recorded in memory. */
export const sampleEvents = (min: number): Event[] => {
  const groups = partitionGroups(generateGroups("log-bench", 4_000), 0, 1)
  const part = new Partition("log-bench", 0, 1, groups, { kind: "memory" })
  part.setup()
  // Steady-state traffic: the events of the days, not the creation of the population.
  const after = part.twin.state.seq
  for (let day = 0; part.twin.log.count() - after < min; day++) part.runDay(day)
  const out: Event[] = []
  for (const e of part.twin.log.read(after)) {
    if (out.length >= min) break
    out.push(e)
  }
  return out
}

const BATCH = 4096

export const runLog = async (opts: { quick: boolean }): Promise<SuiteResult> => {
  const N = opts.quick ? 20_000 : 50_000
  const events = sampleEvents(N)
  const dir = mkdtempSync(join(tmpdir(), "twin-bench-log-"))
  let round = 0
  let store: Store | null = null
  let raw: Database.Database | null = null
  try {
    // Both sides write to a fresh file with the migrated schema (same table, primary key and index).
    const fresh = (name: string): string => join(dir, `${name}-${++round}.sqlite`)
    const bench = new Bench({ name: "event-log", time: opts.quick ? 500 : 2000, warmupTime: 100, iterations: 3 })
    bench.add("event log (store.log(id).append + flush)", () => {
      if (store === null) throw new Error("no store")
      const log = store.log(`t${round}`)
      for (const e of events) log.append(e)
      log.flush()
    }, {
      beforeEach: () => {
        store?.close()
        store = openStore(fresh("log"))
      },
      afterAll: () => {
        store?.close()
        store = null
      },
    })
    bench.add("raw better-sqlite3 (prepared INSERT, 4096 rows/transaction)", () => {
      if (raw === null) throw new Error("no db")
      const db = raw
      const ins = db.prepare("INSERT INTO events (twin_id, seq, at, msisdn, type, data) VALUES (?, ?, ?, ?, ?, ?)")
      const id = `t${round}`
      const tx = db.transaction((from: number, to: number) => {
        for (let i = from; i < to; i++) {
          const e = events[i] as Event
          ins.run(id, e.seq, e.at, eventMsisdn(e), e.type, JSON.stringify(e))
        }
      })
      for (let i = 0; i < events.length; i += BATCH) tx(i, Math.min(events.length, i + BATCH))
    }, {
      beforeEach: () => {
        raw?.close()
        const path = fresh("raw")
        openStore(path).close() // same migrated schema
        raw = new Database(path)
        raw.pragma("journal_mode = WAL")
        raw.pragma("synchronous = NORMAL")
        raw.pragma("wal_autocheckpoint = 16384") // the same settings as openStore
      },
      afterAll: () => {
        raw?.close()
        raw = null
      },
    })
    await bench.run()
    const ours = taskRate(bench.tasks[0], N)
    const lim = taskRate(bench.tasks[1], N)
    const ratio = ours / lim
    return {
      suite: "event-log",
      title: "2. Event log: appends/s (SQLite file, WAL, synchronous=NORMAL)",
      figures: [
        { suite: "event-log", name: "event-log appends/s", value: ours, unit: "appends/s", limit: { name: "raw better-sqlite3 batched inserts", value: lim, unit: "rows/s" }, ratio, target: "≥ 50% of raw", pass: ratio >= 0.5 },
      ],
      data: { events: N, batch: BATCH, appendsPerSec: ours, rawRowsPerSec: lim },
      notes: ["Both sides build the same row (JSON.stringify of the event included) into a fresh file with the migrated schema: primary key (twin_id, seq) and index (twin_id, msisdn, at)."],
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
