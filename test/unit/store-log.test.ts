// The chunked event log (core/store): the line codec, reads and per-number queries against an
// in-memory log of the same events, and a database written before chunks (one row per event),
// migrated and replayed to the same state (I7).
import Database from "better-sqlite3"
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import fc from "fast-check"
import { afterAll, describe, expect, it } from "vitest"
import { drizzle } from "drizzle-orm/better-sqlite3"
import { migrate } from "drizzle-orm/better-sqlite3/migrator"
import type { Event, UsageRated } from "../../core/domain/events.ts"
import { eventMsisdn } from "../../core/domain/events.ts"
import { TwinCore } from "../../core/engine/twin-core.ts"
import { stateHash } from "../../core/state/snapshot.ts"
import { chunkEvents, LineWriter } from "../../core/store/codec.ts"
import { MIGRATIONS, memoryLog, openStore } from "../../core/store/event-log.ts"
import { simCatalog } from "../../sim/catalog.ts"
import { generateGroups } from "../../sim/population.ts"
import { Partition, TWIN_START } from "../../sim/partition.ts"
import { propsConfig, seedFor } from "../../qa/config.ts"

const dir = mkdtempSync(join(tmpdir(), "twin-store-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let files = 0
const fresh = (): string => join(dir, `s${files++}.sqlite`)

const cfg = propsConfig()
const params = (name: string) => ({ numRuns: cfg.runs, seed: seedFor(cfg.seed, name) })

/** The events of a small simulated population: setup plus three days (every kind of event the sim makes). */
const simEvents = (() => {
  let cache: Event[] | null = null
  return (): Event[] => {
    if (cache === null) {
      const p = new Partition("store-test", 0, 1, generateGroups("store-test", 300), { kind: "memory" })
      p.setup()
      for (let d = 0; d < 3; d++) p.runDay(d)
      cache = [...p.twin.log.read(0)]
    }
    return cache
  }
})()

const roundTrip = (events: readonly Event[], firstSeq: number): Event[] => {
  const w = new LineWriter(16)
  for (const e of events) w.event(e)
  return [...chunkEvents(Buffer.from(w.bytes()), firstSeq)]
}

const ascii = fc.string({
  unit: fc.constantFrom(..."0123456789abcdefghijklmnopqrstuvwxyz:-+_".split("")),
  minLength: 1,
  maxLength: 20,
})
const anyText = fc.string({ unit: "binary", maxLength: 30 })

const usageArb = (seq: number): fc.Arbitrary<UsageRated> =>
  fc
    .record({
      msisdn: fc.oneof(ascii, anyText),
      kind: fc.constantFrom("call" as const, "sms" as const, "data" as const),
      direction: fc.constantFrom("out" as const, "in" as const),
      peer: fc.oneof(fc.constant(""), ascii, anyText),
      where: fc.oneof(ascii, anyText),
      volume: fc.integer({ min: 0, max: 2 ** 40 }),
      units: fc.maxSafeInteger(),
      draws: fc.array(fc.tuple(fc.oneof(ascii, anyText), fc.integer()), { maxLength: 4 }),
      cost: fc.integer({ min: -(2 ** 45), max: 2 ** 45 }),
      at: fc.integer({ min: 0, max: 2 ** 50 }),
    })
    .map((u) => ({
      type: "UsageRated",
      msisdn: u.msisdn,
      kind: u.kind,
      direction: u.direction,
      peer: u.peer,
      where: u.where,
      volume: u.volume,
      units: u.units,
      draws: u.draws,
      cost: u.cost,
      seq,
      at: u.at,
    }))

describe("event log chunks (core/store)", () => {
  it("I7: every event of a simulated population decodes to the same JSON, keys in order", () => {
    const events = simEvents()
    expect(new Set(events.map((e) => e.type)).size).toBeGreaterThan(10)
    const back = roundTrip(events, events[0]?.seq ?? 1)
    expect(back.length).toBe(events.length)
    for (let i = 0; i < events.length; i++) expect(JSON.stringify(back[i])).toBe(JSON.stringify(events[i]))
  })

  it("I7: rated usage with any field values decodes to the same event (compact or JSON line)", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 2 ** 40 })
          .chain((seq) => fc.tuple(fc.constant(seq), fc.array(usageArb(0), { minLength: 1, maxLength: 6 }))),
        ([seq, us]) => {
          const events = us.map((u, i) => ({ ...u, seq: seq + i }))
          const back = roundTrip(events, seq)
          expect(back.map((e) => JSON.stringify(e))).toEqual(events.map((e) => JSON.stringify(e)))
        },
      ),
      params("store codec usage round trip"),
    )
  })

  it("I7: a usage event with an extra or missing field is kept whole (JSON line)", () => {
    const base: UsageRated = {
      type: "UsageRated",
      msisdn: "79160000001",
      kind: "call",
      direction: "out",
      peer: "79031112233",
      where: "home",
      volume: 61,
      units: 2,
      draws: [["tariff:minutes", 2]],
      cost: 0,
      seq: 7,
      at: 1_780_000_000_000,
    }
    const extra = { ...base, note: "x" } as unknown as Event
    const { peer: _peer, ...missing } = base
    for (const e of [base, extra, missing as unknown as Event])
      expect(JSON.stringify(roundTrip([e], 7)[0])).toBe(JSON.stringify(e))
  })

  it("I7: read(after) and query(number, from, to, types) give what an in-memory log of the same events gives", () => {
    const events = simEvents()
    const mem = memoryLog()
    const store = openStore(fresh())
    store.createTwin({ id: "t", name: "t", seed: "s", startAt: TWIN_START, catalog: "{}", secret: "k" })
    const log = store.log("t")
    // Flush at uneven points so chunks come in many sizes, from one event to thousands.
    let next = 1
    events.forEach((e, i) => {
      mem.append(e)
      log.append(e)
      if (i + 1 === next) {
        log.flush()
        next += 1 + ((i * 7919) % 3000)
      }
    })
    log.flush()
    expect(log.count()).toBe(events.length)
    const numbers = [...new Set(events.map(eventMsisdn).filter((m) => m !== ""))]
    const first = events[0]?.at ?? 0
    const last = events[events.length - 1]?.at ?? 0
    fc.assert(
      fc.property(
        fc.constantFrom(...numbers),
        fc.integer({ min: first - 1000, max: last + 1000 }),
        fc.integer({ min: 0, max: last - first + 2000 }),
        fc.option(
          fc.subarray(["UsageRated", "Money", "SmsDelivered", "PeriodRenewed", "FamilyJoined"], { minLength: 1 }),
          { nil: undefined },
        ),
        fc.integer({ min: 0, max: events.length + 5 }),
        (m, from, len, types, after) => {
          expect(log.query(m, from, from + len, types)).toEqual(mem.query(m, from, from + len, types))
          const tail = [...log.read(after)]
          expect(tail.length).toBe(Math.max(0, events.length - after))
          if (tail.length > 0) expect(tail[0]).toEqual(events[after])
        },
      ),
      { ...params("store query equals memory log"), numRuns: Math.min(cfg.runs, 40) },
    )
    store.close()
  })

  it("I7: a chunk of many numbers is found through its directory, numbers that cannot stand in it through the index", () => {
    const store = openStore(fresh())
    const log = store.log("t")
    const odd = "79160000\t001"
    const numbers = [...Array.from({ length: 40 }, (_, i) => `7916${String(i).padStart(7, "0")}`), odd]
    const events: Event[] = numbers.map(
      (msisdn, i) =>
        ({ type: "Money", msisdn, amount: -100 - i, reason: "fee-daily", ref: "", seq: i + 1, at: 1_000 + i }) as Event,
    )
    for (const e of events) log.append(e)
    log.flush()
    for (const [i, m] of numbers.entries()) {
      expect(log.query(m, 0, 10_000)).toEqual([events[i]])
      expect(log.query(m, 1_000 + i + 1, 10_000)).toEqual([])
    }
    // A later small chunk for the same number (its index row) comes after the directory's events.
    const more: Event = {
      type: "Money",
      msisdn: numbers[3] as string,
      amount: 500,
      reason: "topup",
      ref: "card",
      seq: events.length + 1,
      at: 5_000,
    } as Event
    log.append(more)
    log.flush()
    expect(log.query(numbers[3] as string, 0, 10_000)).toEqual([events[3], more])
    store.close()
  })

  it("I7: a database written with one row per event is migrated to chunks; the twin restores to the same state", () => {
    // Build the old database: only the first migration, and rows as the old store wrote them.
    const oldMigrations = join(dir, "migrations-0000")
    mkdirSync(join(oldMigrations, "meta"), { recursive: true })
    const journal = JSON.parse(readFileSync(join(MIGRATIONS, "meta", "_journal.json"), "utf8")) as {
      entries: Array<{ tag: string }>
    }
    const firstTag = journal.entries[0]?.tag as string
    cpSync(join(MIGRATIONS, `${firstTag}.sql`), join(oldMigrations, `${firstTag}.sql`))
    writeFileSync(
      join(oldMigrations, "meta", "_journal.json"),
      JSON.stringify({ ...journal, entries: journal.entries.slice(0, 1) }),
    )
    const path = fresh()
    const old = new Database(path)
    migrate(drizzle(old), { migrationsFolder: oldMigrations })
    const catalog = simCatalog()
    const live = new Partition("store-old", 0, 1, generateGroups("store-old", 120), { kind: "memory" })
    live.setup()
    for (let d = 0; d < 2; d++) live.runDay(d)
    const events = [...live.twin.log.read(0)]
    old
      .prepare("INSERT INTO twins (id, name, seed, start_at, catalog) VALUES (?, ?, ?, ?, ?)")
      .run("sim-p0", "old", "store-old/p0of1", TWIN_START, JSON.stringify(catalog.data))
    const ins = old.prepare("INSERT INTO events (twin_id, seq, at, msisdn, type, data) VALUES (?, ?, ?, ?, ?, ?)")
    old.transaction(() => {
      for (const e of events) ins.run("sim-p0", e.seq, e.at, eventMsisdn(e), e.type, JSON.stringify(e))
    })()
    old.close()

    const store = openStore(path) // applies the chunk migration
    const log = store.log("sim-p0")
    expect(log.count()).toBe(events.length)
    expect([...log.read(0)]).toEqual(events)
    const m = eventMsisdn(events.find((e) => e.type === "UsageRated") as Event)
    expect(log.query(m, 0, Number.MAX_SAFE_INTEGER)).toEqual(events.filter((e) => eventMsisdn(e) === m))
    const restored = TwinCore.restore({ id: "sim-p0", seed: "store-old/p0of1", start: TWIN_START, catalog, log })
    expect(stateHash(restored.state)).toBe(live.twin.hash())
    // New events append after the migrated ones and read back in order.
    const r = restored.advanceBy(3_600_000)
    expect(r._tag).toBe("Success")
    restored.flush()
    expect(log.count()).toBe(restored.state.seq)
    expect(stateHash(TwinCore.replay({ id: "sim-p0", seed: "store-old/p0of1", start: TWIN_START, catalog, log }))).toBe(
      restored.hash(),
    )
    store.close()
  })
})
