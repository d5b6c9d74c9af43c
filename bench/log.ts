// Suite 2: event-log appends/s (openStore(...).log(id): buffered, flushed every 4096 events into
// one chunk row with its per-number directory, WAL) against raw better-sqlite3 batched inserts of
// the conventional layout: one row per event (JSON) with a per-number index, 4096 rows a transaction.
import Database from "better-sqlite3"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Bench } from "tinybench"
import type { Event } from "../core/domain/events.ts"
import { eventMsisdn } from "../core/domain/events.ts"
import { TwinCore } from "../core/engine/twin-core.ts"
import { openStore, type Store } from "../core/store/event-log.ts"
import type { SuiteResult } from "./lib/figures.ts"
import { taskRate } from "./lib/tasks.ts"
import { simCatalog } from "../sim/catalog.ts"
import { Partition, TWIN_START } from "../sim/partition.ts"
import { generateGroups, partitionGroups } from "../sim/population.ts"

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

/**
 * Replay (I7) from a SQLite log: every event read back, decoded, checked (shape, contiguous seqs)
 * and folded into a fresh state, as `twin serve` does when it opens a twin without a snapshot.
 */
const replayRate = async (dir: string, quick: boolean): Promise<{ events: number; perSec: number }> => {
  const groups = partitionGroups(generateGroups("log-replay", quick ? 1_000 : 2_000), 0, 1)
  const part = new Partition("log-replay", 0, 1, groups, { kind: "memory" })
  part.setup()
  for (let day = 0; day < 3; day++) part.runDay(day)
  const store = openStore(join(dir, "replay.sqlite"))
  try {
    const log = store.log("replay")
    for (const e of part.twin.log.read(0)) log.append(e)
    log.flush()
    const n = log.count()
    const init = { id: "replay", seed: "log-replay/p0of1", start: TWIN_START, catalog: simCatalog(), log }
    const bench = new Bench({ name: "replay", time: quick ? 500 : 2000, warmupTime: 100, iterations: 3 })
    bench.add("replay (read + decode + check + fold)", () => {
      if (TwinCore.replay(init).seq !== n) throw new Error("replay: short log")
    })
    await bench.run()
    return { events: n, perSec: taskRate(bench.tasks[0], n) }
  } finally {
    store.close()
  }
}

export const runLog = async (opts: { quick: boolean }): Promise<SuiteResult> => {
  const N = opts.quick ? 20_000 : 50_000
  const events = sampleEvents(N)
  const dir = mkdtempSync(join(tmpdir(), "twin-bench-log-"))
  let round = 0
  let store: Store | null = null
  let raw: Database.Database | null = null
  try {
    // Both sides write to a fresh file, with the same pragmas and the same 4096 events a transaction.
    const fresh = (name: string): string => join(dir, `${name}-${++round}.sqlite`)
    const bench = new Bench({ name: "event-log", time: opts.quick ? 500 : 2000, warmupTime: 100, iterations: 3 })
    bench.add(
      "event log (store.log(id).append + flush)",
      () => {
        if (store === null) throw new Error("no store")
        const log = store.log(`t${round}`)
        for (let i = 0; i < events.length; i++) {
          log.append(events[i] as Event)
          if ((i + 1) % BATCH === 0) log.flush()
        }
        log.flush()
      },
      {
        beforeEach: () => {
          store?.close()
          store = openStore(fresh("log"))
        },
        afterAll: () => {
          store?.close()
          store = null
        },
      },
    )
    bench.add(
      "raw better-sqlite3 (prepared INSERT, 4096 rows/transaction)",
      () => {
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
      },
      {
        beforeEach: () => {
          raw?.close()
          raw = new Database(fresh("raw"))
          raw.pragma("page_size = 8192")
          raw.pragma("journal_mode = WAL")
          raw.pragma("synchronous = NORMAL")
          raw.pragma("wal_autocheckpoint = 16384") // the same settings as openStore
          raw.exec(
            "CREATE TABLE events (twin_id TEXT NOT NULL, seq INTEGER NOT NULL, at INTEGER NOT NULL, " +
              "msisdn TEXT NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (twin_id, seq))",
          )
          raw.exec("CREATE INDEX events_by_msisdn ON events (twin_id, msisdn, at)")
        },
        afterAll: () => {
          raw?.close()
          raw = null
        },
      },
    )
    await bench.run()
    const ours = taskRate(bench.tasks[0], N)
    const lim = taskRate(bench.tasks[1], N)
    const ratio = ours / lim
    const replay = await replayRate(dir, opts.quick)
    return {
      suite: "event-log",
      title: "2. Event log: appends/s (SQLite file, WAL, synchronous=NORMAL)",
      figures: [
        {
          suite: "event-log",
          name: "event-log appends/s",
          value: ours,
          unit: "appends/s",
          limit: { name: "raw better-sqlite3 batched inserts", value: lim, unit: "rows/s" },
          ratio,
          target: "≥ 50% of raw",
          pass: ratio >= 0.5,
        },
        {
          suite: "event-log",
          name: "replay events/s",
          value: replay.perSec,
          unit: "events/s",
          target: "informational",
          pass: null,
          note: `${replay.events} events of a population's setup and first days, from a SQLite log`,
        },
      ],
      data: {
        events: N,
        batch: BATCH,
        appendsPerSec: ours,
        rawRowsPerSec: lim,
        replayEvents: replay.events,
        replayPerSec: replay.perSec,
      },
      notes: [
        "The twin side is the store's own append + flush every 4096 events: each flush writes one chunk row: " +
          "the events' lines (compact for rated usage, JSON otherwise) and the chunk's per-number directory " +
          "(a chunk of fewer than 32 numbers gets index rows in event_refs instead).",
        "The raw side is the conventional layout written with plain prepared statements: one row per event " +
          "(twin_id, seq, at, msisdn, type, JSON.stringify of the event), primary key (twin_id, seq), " +
          "index (twin_id, msisdn, at), 4096 rows a transaction.",
        "Replay reads the log back through the store's reader (every event decoded, its fields and seq checked) " +
          "and folds it into a fresh state with apply (whose assertions run too): TwinCore.replay.",
        "Both write a fresh file with the same pragmas (8 KB pages, WAL, synchronous=NORMAL, autocheckpoint 16384 pages).",
      ],
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
