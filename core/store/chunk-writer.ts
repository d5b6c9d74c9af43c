// The write side of the log: events appended to a twin's log are buffered as one chunk in the
// making (its lines, core/store/codec.ts, and where each subscriber's events are in it) and
// written in one transaction at flush: one event_chunks row per chunk, with either its own
// per-number directory or one event_refs row per number, plus the idempotency records staged
// with them. A failed write rolls back whole: nothing of it is written.
import type Database from "better-sqlite3"
import type { Event } from "../domain/events.ts"
import { eventMsisdn } from "../domain/events.ts"
import { LineWriter, plain } from "./codec.ts"
import type { WritePoint } from "./types.ts"

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
export class ChunkBuilder {
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

/** Buffers of every twin of a store, written together (one transaction) at flush. */
export class ChunkWriter {
  /** Builders holding events not yet written, in the order they were first appended to. */
  private readonly dirty: ChunkBuilder[] = []
  /** Idempotency records staged for the next write, per twin (written with that twin's events). */
  private readonly staged = new Map<string, Map<string, string>>()
  private readonly write: (chunks: readonly ChunkBuilder[]) => void

  constructor(sqlite: Database.Database, fault: ((point: WritePoint) => void) | null) {
    // Hot path: raw prepared statements (drizzle owns the schema and migrations).
    const insChunk = sqlite.prepare(
      "INSERT INTO event_chunks (twin_id, first_seq, last_seq, first_at, last_at, n, data, dir) " +
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    )
    const REF_COLUMNS = "INSERT INTO event_refs (twin_id, msisdn, last_at, first_seq, first_at, lines) VALUES "
    const insRef = sqlite.prepare(`${REF_COLUMNS}(?, ?, ?, ?, ?, ?)`)
    // Index rows go in REFS_PER_INSERT at a time: one call into SQLite instead of 64 (half the cost).
    const insRefs = sqlite.prepare(
      REF_COLUMNS + Array.from({ length: REFS_PER_INSERT }, () => "(?, ?, ?, ?, ?, ?)").join(", "),
    )
    const idemIns = sqlite.prepare("INSERT OR REPLACE INTO idempotency_keys (twin_id, key, record) VALUES (?, ?, ?)")
    const refArgs: Array<string | number> = []
    /** Bytes of a directory, or of one number's pairs for event_refs (bound and copied by SQLite before reuse). */
    const scratch = new LineWriter()
    const staged = this.staged
    this.write = sqlite.transaction((chunks: readonly ChunkBuilder[]) => {
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
  }

  /** Buffer an event of the twin whose chunk is `chunk` (written first: the chunk so far, when full or not followed). */
  append(chunk: ChunkBuilder, e: Event): void {
    if (chunk.size >= CHUNK_EVENTS || chunk.w.pos >= CHUNK_BYTES || (chunk.size > 0 && e.seq !== chunk.lastSeq + 1))
      this.flush()
    if (chunk.size === 0) this.dirty.push(chunk)
    chunk.add(e)
  }

  /** Write everything buffered and staged, in one transaction; throws when the write fails. */
  flush(): void {
    if (this.dirty.length === 0 && this.staged.size === 0) return
    this.write(this.dirty)
    for (const c of this.dirty) c.reset()
    this.dirty.length = 0
    this.staged.clear()
  }

  /** Drop what a twin buffered or staged but did not write. */
  discard(chunk: ChunkBuilder): void {
    this.staged.delete(chunk.twinId)
    if (chunk.size === 0) return
    chunk.reset()
    const i = this.dirty.indexOf(chunk)
    if (i !== -1) this.dirty.splice(i, 1)
  }

  /** Stage an idempotency record of a twin for the next write. */
  remember(twinId: string, key: string, record: string): void {
    let m = this.staged.get(twinId)
    if (m === undefined) this.staged.set(twinId, (m = new Map()))
    m.set(key, record)
  }

  /** A staged (not yet written) idempotency record. */
  stagedRecord(twinId: string, key: string): string | undefined {
    return this.staged.get(twinId)?.get(key)
  }
}
