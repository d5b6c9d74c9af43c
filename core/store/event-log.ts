// The durable event log on better-sqlite3 (WAL). Appends are buffered per twin and written as one
// chunk row (the events' lines, core/store/codec.ts) plus one index row per subscriber in it;
// `flush()` makes everything appended so far durable (the engine flushes before a command is
// acknowledged, or per simulated day in simulations).
import Database from "better-sqlite3"
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3"
import { migrate } from "drizzle-orm/better-sqlite3/migrator"
import { asc, eq } from "drizzle-orm"
import { fileURLToPath } from "node:url"
import type { Event } from "../domain/events.ts"
import { eventMsisdn } from "../domain/events.ts"
import { chunkEvents, LineWriter, linesAt, plain } from "./codec.ts"
import { twins } from "./schema.ts"

export const MIGRATIONS = fileURLToPath(new URL("./migrations", import.meta.url))

export interface TwinMeta {
  id: string
  name: string
  seed: string
  startAt: number
  catalog: string
  secret: string
}

export interface Snapshot {
  seq: number
  at: number
  hash: string
  state: string
}

/** The log of one twin. */
export interface TwinLog {
  append(e: Event): void
  /** Make everything appended (and remembered) so far durable; throws when the write fails (nothing of it is written then). */
  flush(): void
  /** Drop what was appended or remembered but not yet written (after a failed flush: those events never happened). */
  discard(): void
  /** Stage an idempotency record; it is written in the same transaction as the events of the next flush. */
  remember(key: string, record: string): void
  /** The idempotency record of a key (staged or written), or null. */
  recall(key: string): string | null
  /** Events with seq > afterSeq, in order. */
  read(afterSeq?: number): Iterable<Event>
  /** A subscriber's events in [from, to), in order, optionally of some types only. */
  query(msisdn: string, from: number, to: number, types?: readonly string[]): Event[]
  count(): number
  saveSnapshot(s: Snapshot): void
  latestSnapshot(): Snapshot | null
}

export interface Store {
  readonly path: string
  /** The durability level in use, read back from SQLite (`PRAGMA synchronous`: 2 full, 1 normal). */
  readonly durability: Durability
  /** Record a new twin; with `withEvents`, its events appended so far are written in the same transaction (all or nothing). */
  createTwin(meta: TwinMeta, withEvents?: boolean): void
  listTwins(): TwinMeta[]
  getTwin(id: string): TwinMeta | null
  /** Set the secret of a twin written before secrets were stored (its secret is ""). */
  setTwinSecret(id: string, secret: string): void
  log(twinId: string): TwinLog
  close(): void
}

/**
 * How hard a write is made durable. "normal" (default): WAL with synchronous=NORMAL, a committed
 * write survives a crash of the process (kill -9) but the last transactions may be lost on a
 * power cut or OS crash. "full": synchronous=FULL, every commit is fsynced, survives power loss.
 */
export type Durability = "normal" | "full"

/** Where a write can be made to fail (fault injection, core/store/faults.ts). */
export type WritePoint = "twin" | "chunk" | "refs" | "idempotency" | "snapshot"

export interface StoreOptions {
  durability?: Durability
  /** Called before every row write inside a transaction, numbered from 1; throwing fails (and rolls back) the write. */
  faults?: (point: WritePoint, n: number) => void
  /** Cap the database at this many pages (SQLite max_page_count): writes beyond fail with SQLITE_FULL, as on a full disk. */
  maxPages?: number
}

/** A chunk is written when it reaches this many events or bytes, or at flush(). */
const CHUNK_EVENTS = 65_536
const CHUNK_BYTES = 8 << 20
const REFS_PER_INSERT = 64
/**
 * A chunk with this many numbers or more carries its own directory instead of event_refs rows: a
 * simulated day would otherwise add one index row per subscriber (measured: the largest part of
 * the durable simulation's log cost); one command's chunk (1–2 numbers) stays in event_refs.
 */
const DIR_NUMBERS = 32

/** The events appended to one twin's log since its last write, as one chunk in the making. */
class ChunkBuilder {
  readonly w = new LineWriter()
  size = 0
  firstSeq = 0
  lastSeq = 0
  firstAt = 0
  lastAt = 0
  /** Each number in the chunk has a slot: its first and last instants, its first and last lines. */
  private slots = new Map<string, number>()
  numbers: string[] = []
  private firstAtOf = new Float64Array(256)
  private lastAtOf = new Float64Array(256)
  private headOf = new Int32Array(256)
  private tailOf = new Int32Array(256)
  /** Per line: its byte offset, and the next line of the same number (-1: none). */
  private offOf = new Int32Array(1024)
  private nextOf = new Int32Array(1024)

  constructor(readonly twinId: string) {}

  /** Add an event (the caller starts a new chunk when its seq does not follow this chunk's last). */
  add(e: Event): void {
    const k = this.size++
    if (k === 0) {
      this.firstSeq = e.seq
      this.firstAt = e.at
    }
    if (k === this.offOf.length) {
      this.offOf = grow(this.offOf)
      this.nextOf = grow(this.nextOf)
    }
    this.offOf[k] = this.w.pos
    this.nextOf[k] = -1
    this.w.event(e)
    this.lastSeq = e.seq
    this.lastAt = e.at
    const m = e.type === "UsageRated" ? e.msisdn : eventMsisdn(e)
    if (m === "") return
    const s = this.slots.get(m)
    if (s === undefined) {
      const n = this.numbers.length
      if (n === this.headOf.length) {
        this.firstAtOf = grow(this.firstAtOf)
        this.lastAtOf = grow(this.lastAtOf)
        this.headOf = grow(this.headOf)
        this.tailOf = grow(this.tailOf)
      }
      this.slots.set(m, n)
      this.numbers.push(m)
      this.firstAtOf[n] = e.at
      this.lastAtOf[n] = e.at
      this.headOf[n] = k
      this.tailOf[n] = k
    } else {
      this.nextOf[this.tailOf[s] as number] = k
      this.tailOf[s] = k
      this.lastAtOf[s] = e.at
    }
  }

  /** A number's first and last instants in the chunk. */
  span(m: string): { firstAt: number; lastAt: number } {
    const s = this.slots.get(m) as number
    return { firstAt: this.firstAtOf[s] as number, lastAt: this.lastAtOf[s] as number }
  }

  /** Write a number's "line:offset" pairs, comma-separated: how both a directory line and event_refs.lines locate its events. */
  writePairs(d: LineWriter, m: string): void {
    let first = true
    for (let k = this.headOf[this.slots.get(m) as number] as number; k !== -1; k = this.nextOf[k] as number) {
      d.room(24)
      if (!first) d.byte(44 /* , */)
      first = false
      d.int(k)
      d.byte(58 /* : */)
      d.int(this.offOf[k] as number)
    }
  }

  /** Write a number's directory line (printable ASCII numbers only): number TAB first TAB last TAB pairs NL. */
  writeDirLine(d: LineWriter, m: string): void {
    const s = this.slots.get(m) as number
    d.room(m.length + 40)
    d.ascii(m)
    d.byte(9)
    d.int(this.firstAtOf[s] as number)
    d.byte(9)
    d.int(this.lastAtOf[s] as number)
    d.byte(9)
    this.writePairs(d, m)
    d.room(1)
    d.byte(10)
  }

  reset(): void {
    this.size = 0
    this.w.reset()
    this.slots = new Map()
    this.numbers = []
  }
}

const grow = <A extends Int32Array | Float64Array>(a: A): A => {
  const b = new (a.constructor as new (n: number) => A)(a.length * 2)
  b.set(a)
  return b
}

/**
 * The directory of a chunk: "\n" then one line per number, in number order:
 * number TAB first instant TAB last instant TAB "line:offset" pairs. Numbers that are not printable
 * ASCII are left out (returned for event_refs).
 */
const directory = (c: ChunkBuilder, numbers: readonly string[], d: LineWriter): { dir: Buffer; rest: string[] } => {
  const rest: string[] = []
  d.reset()
  d.room(1)
  d.byte(10)
  for (const m of numbers) {
    if (plain(m, false)) c.writeDirLine(d, m)
    else rest.push(m)
  }
  return { dir: d.bytes(), rest }
}

/** A number's entry in a chunk directory, if it has one: instants and "line:offset" pairs. */
const dirEntry = (dir: Buffer, m: string): { firstAt: number; lastAt: number; pairs: string } | null => {
  const at = dir.indexOf(`\n${m}\t`, 0, "utf8")
  if (at === -1) return null
  const start = at + 1 + Buffer.byteLength(m, "utf8") + 1
  const end = dir.indexOf(10, start)
  const [firstAt, lastAt, pairs] = dir.toString("utf8", start, end === -1 ? dir.length : end).split("\t")
  return { firstAt: Number(firstAt), lastAt: Number(lastAt), pairs: pairs as string }
}

export const openStore = (path: string, opts: StoreOptions = {}): Store => {
  const durability = opts.durability ?? "normal"
  const sqlite = new Database(path)
  // 8 KB pages for a new file (ignored for an existing one): faster batched appends (measured in
  // the bench); same data, same durability.
  sqlite.pragma("page_size = 8192")
  sqlite.pragma("journal_mode = WAL")
  sqlite.pragma(durability === "full" ? "synchronous = FULL" : "synchronous = NORMAL")
  // Checkpoint the WAL every 16384 pages (128 MB) instead of 1000: batched appends run faster
  // (measured by `npm run bench`, suite 2); durability is the same (WAL, synchronous=NORMAL).
  sqlite.pragma("wal_autocheckpoint = 16384")
  sqlite.pragma("busy_timeout = 5000")
  const db: BetterSQLite3Database = drizzle(sqlite)
  migrate(db, { migrationsFolder: MIGRATIONS })
  if (opts.maxPages !== undefined) sqlite.pragma(`max_page_count = ${Math.max(1, Math.floor(opts.maxPages))}`)
  let writes = 0
  const fault = opts.faults === undefined ? null : (point: WritePoint): void => opts.faults?.(point, ++writes)

  // Hot path: raw prepared statements (drizzle owns the schema and migrations).
  const insChunk = sqlite.prepare(
    "INSERT INTO event_chunks (twin_id, first_seq, last_seq, first_at, last_at, n, data, dir) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  )
  const REF_COLUMNS = "INSERT INTO event_refs (twin_id, msisdn, last_at, first_seq, first_at, lines) VALUES "
  const insRef = sqlite.prepare(`${REF_COLUMNS}(?, ?, ?, ?, ?, ?)`)
  // Index rows go in REFS_PER_INSERT at a time: one call into SQLite instead of 64 (half the cost).
  const insRefs = sqlite.prepare(
    REF_COLUMNS + Array.from({ length: REFS_PER_INSERT }, () => "(?, ?, ?, ?, ?, ?)").join(", "),
  )
  const refArgs: Array<string | number> = []
  /** Bytes of a directory, or of one number's pairs for event_refs (bound and copied by SQLite before reuse). */
  const scratch = new LineWriter()
  const readStmt = sqlite.prepare(
    "SELECT first_seq AS firstSeq, data FROM event_chunks WHERE twin_id = ? AND last_seq > ? ORDER BY first_seq",
  )
  const queryStmt = sqlite.prepare(
    "SELECT r.lines AS lines, c.first_seq AS firstSeq, c.data AS data FROM event_refs r JOIN event_chunks c ON c.twin_id = r.twin_id AND c.first_seq = r.first_seq " +
      "WHERE r.twin_id = ? AND r.msisdn = ? AND r.last_at >= ? AND r.first_at < ? ORDER BY r.first_seq",
  )
  const dirStmt = sqlite.prepare(
    "SELECT first_seq AS firstSeq, dir FROM event_chunks WHERE twin_id = ? AND dir IS NOT NULL AND last_at >= ? AND first_at < ? ORDER BY first_seq",
  )
  const dataStmt = sqlite.prepare("SELECT data FROM event_chunks WHERE twin_id = ? AND first_seq = ?").pluck()
  const countStmt = sqlite.prepare("SELECT coalesce(sum(n), 0) AS n FROM event_chunks WHERE twin_id = ?")
  const snapIns = sqlite.prepare(
    "INSERT OR REPLACE INTO snapshots (twin_id, seq, at, hash, state) VALUES (?, ?, ?, ?, ?)",
  )
  const snapGet = sqlite.prepare(
    "SELECT seq, at, hash, state FROM snapshots WHERE twin_id = ? ORDER BY seq DESC LIMIT 1",
  )
  const snapPrune = sqlite.prepare("DELETE FROM snapshots WHERE twin_id = ? AND seq < ?")
  const idemIns = sqlite.prepare("INSERT OR REPLACE INTO idempotency_keys (twin_id, key, record) VALUES (?, ?, ?)")
  const idemGet = sqlite.prepare("SELECT record FROM idempotency_keys WHERE twin_id = ? AND key = ?").pluck()
  /** Idempotency records staged for the next write, per twin (written with that twin's events). */
  const staged = new Map<string, Map<string, string>>()

  const logs = new Map<string, TwinLog>()
  /** Builders holding events not yet written, in the order they were first appended to. */
  const dirty: ChunkBuilder[] = []
  const writeChunks = sqlite.transaction((chunks: readonly ChunkBuilder[]) => {
    for (const [twinId, records] of staged) {
      for (const [key, record] of records) {
        fault?.("idempotency")
        idemIns.run(twinId, key, record)
      }
    }
    for (const c of chunks) {
      fault?.("chunk")
      // In number order: a directory is searched, and neighbouring keys of the index land on the same pages.
      let numbers = [...c.numbers].sort()
      let dir: Buffer | null = null
      if (numbers.length >= DIR_NUMBERS) ({ dir, rest: numbers } = directory(c, numbers, scratch))
      insChunk.run(c.twinId, c.firstSeq, c.lastSeq, c.firstAt, c.lastAt, c.size, c.w.bytes(), dir)
      for (let i = 0; i < numbers.length; ) {
        const rows = numbers.length - i >= REFS_PER_INSERT ? REFS_PER_INSERT : 1
        refArgs.length = 0
        for (const m of numbers.slice(i, i + rows)) {
          const { firstAt, lastAt } = c.span(m)
          scratch.reset()
          c.writePairs(scratch, m)
          refArgs.push(c.twinId, m, lastAt, c.firstSeq, firstAt, scratch.bytes().toString("latin1"))
        }
        fault?.("refs")
        ;(rows === 1 ? insRef : insRefs).run(refArgs)
        i += rows
      }
    }
  })
  const flushAll = (): void => {
    if (dirty.length === 0 && staged.size === 0) return
    writeChunks(dirty)
    for (const c of dirty) c.reset()
    dirty.length = 0
    staged.clear()
  }

  const makeLog = (twinId: string): TwinLog => {
    const chunk = new ChunkBuilder(twinId)
    return {
      append(e) {
        if (chunk.size >= CHUNK_EVENTS || chunk.w.pos >= CHUNK_BYTES || (chunk.size > 0 && e.seq !== chunk.lastSeq + 1))
          flushAll()
        if (chunk.size === 0) dirty.push(chunk)
        chunk.add(e)
      },
      flush: flushAll,
      discard() {
        staged.delete(twinId)
        if (chunk.size === 0) return
        chunk.reset()
        const i = dirty.indexOf(chunk)
        if (i !== -1) dirty.splice(i, 1)
      },
      remember(key, record) {
        let m = staged.get(twinId)
        if (m === undefined) staged.set(twinId, (m = new Map()))
        m.set(key, record)
      },
      recall(key) {
        const s = staged.get(twinId)?.get(key)
        if (s !== undefined) return s
        const r = idemGet.get(twinId, key) as string | undefined
        return r ?? null
      },
      *read(afterSeq = 0) {
        flushAll()
        for (const row of readStmt.iterate(twinId, afterSeq) as Iterable<{ firstSeq: number; data: Buffer }>)
          yield* chunkEvents(row.data, row.firstSeq, afterSeq)
      },
      query(msisdn, from, to, types) {
        flushAll()
        const out: Event[] = []
        const take = (data: Buffer, firstSeq: number, pairs: string): void => {
          for (const e of linesAt(data, firstSeq, pairs)) {
            if (e.at >= from && e.at < to && (types === undefined || types.includes(e.type))) out.push(e)
          }
        }
        for (const r of queryStmt.all(twinId, msisdn, from, to) as Array<{
          lines: string
          firstSeq: number
          data: Buffer
        }>)
          take(r.data, r.firstSeq, r.lines)
        let merged = false
        for (const c of dirStmt.all(twinId, from, to) as Array<{ firstSeq: number; dir: Buffer }>) {
          const d = dirEntry(c.dir, msisdn)
          if (d === null || d.lastAt < from || d.firstAt >= to) continue
          take(dataStmt.get(twinId, c.firstSeq) as Buffer, c.firstSeq, d.pairs)
          merged = true
        }
        // Both kinds of chunk can hold the number: back into log order.
        if (merged) out.sort((a, b) => a.seq - b.seq)
        return out
      },
      count() {
        flushAll()
        return (countStmt.get(twinId) as { n: number }).n
      },
      saveSnapshot(s) {
        flushAll()
        fault?.("snapshot")
        snapIns.run(twinId, s.seq, s.at, s.hash, s.state)
        snapPrune.run(twinId, s.seq)
      },
      latestSnapshot() {
        const r = snapGet.get(twinId) as Snapshot | undefined
        return r ?? null
      },
    }
  }

  return {
    path,
    durability: Number(sqlite.pragma("synchronous", { simple: true })) >= 2 ? "full" : "normal",
    createTwin: sqlite.transaction((meta: TwinMeta, withEvents?: boolean) => {
      fault?.("twin")
      db.insert(twins)
        .values({
          id: meta.id,
          name: meta.name,
          seed: meta.seed,
          startAt: meta.startAt,
          catalog: meta.catalog,
          secret: meta.secret,
        })
        .run()
      if (withEvents === true) flushAll()
    }),
    listTwins() {
      return db
        .select()
        .from(twins)
        .orderBy(asc(twins.id))
        .all()
        .map((r) => ({
          id: r.id,
          name: r.name,
          seed: r.seed,
          startAt: r.startAt,
          catalog: r.catalog,
          secret: r.secret,
        }))
    },
    getTwin(id) {
      const r = db.select().from(twins).where(eq(twins.id, id)).get()
      return r === undefined
        ? null
        : { id: r.id, name: r.name, seed: r.seed, startAt: r.startAt, catalog: r.catalog, secret: r.secret }
    },
    setTwinSecret(id, secret) {
      db.update(twins).set({ secret }).where(eq(twins.id, id)).run()
    },
    log(twinId) {
      let l = logs.get(twinId)
      if (l === undefined) {
        l = makeLog(twinId)
        logs.set(twinId, l)
      }
      return l
    },
    close() {
      flushAll()
      sqlite.close()
    },
  }
}

/** An in-memory log: for benchmarks of the model alone and for quick tests. */
export const memoryLog = (): TwinLog & { readonly events: Event[] } => {
  const events: Event[] = []
  const keys = new Map<string, string>()
  let snap: Snapshot | null = null
  return {
    events,
    append(e) {
      events.push(e)
    },
    flush() {},
    discard() {},
    remember(key, record) {
      keys.set(key, record)
    },
    recall(key) {
      return keys.get(key) ?? null
    },
    *read(afterSeq = 0) {
      for (const e of events) if (e.seq > afterSeq) yield e
    },
    query(msisdn, from, to, types) {
      return events.filter(
        (e) =>
          eventMsisdn(e) === msisdn && e.at >= from && e.at < to && (types === undefined || types.includes(e.type)),
      )
    },
    count() {
      return events.length
    },
    saveSnapshot(s) {
      snap = s
    },
    latestSnapshot() {
      return snap
    },
  }
}

/** A log that keeps nothing: the pure in-memory rating benchmark. */
export const nullLog = (): TwinLog => ({
  append() {},
  flush() {},
  discard() {},
  remember() {},
  recall() {
    return null
  },
  read() {
    return []
  },
  query() {
    return []
  },
  count() {
    return 0
  },
  saveSnapshot() {},
  latestSnapshot() {
    return null
  },
})
