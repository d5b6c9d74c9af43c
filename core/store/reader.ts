// The read side of the log: a twin's events in order (replay, I7), one subscriber's events in a
// time window (through event_refs rows and chunk directories), and the count. Every event read is
// checked (core/store/check.ts) before it leaves the store: a log that does not decode to
// consecutive, well-formed events stops the read with an error naming the twin, seq and field.
import type Database from "better-sqlite3"
import type { Event } from "../domain/events.ts"
import { LogCorruptError, checkEvent } from "./check.ts"
import { decodeLine, dirEntry, linesAt } from "./codec.ts"

const NL = 10

/** The first seq a read after `afterSeq` must yield (a twin's log starts at seq 1). */
const firstAfter = (afterSeq: number): number => (afterSeq > 0 ? Math.floor(afterSeq) + 1 : 1)

/** A decoding failure (a line that is neither compact nor JSON) as a corrupt log, at the seq being read. */
const corrupt = (twinId: string, seq: number, err: unknown): unknown =>
  err instanceof LogCorruptError
    ? err
    : new LogCorruptError(
        twinId,
        seq,
        "line",
        `cannot be decoded (${err instanceof Error ? err.message : String(err)})`,
      )

export class ChunkReader {
  private readonly readStmt: Database.Statement
  private readonly queryStmt: Database.Statement
  private readonly dirStmt: Database.Statement
  private readonly dataStmt: Database.Statement
  private readonly countStmt: Database.Statement

  constructor(sqlite: Database.Database) {
    this.readStmt = sqlite.prepare(
      "SELECT first_seq AS firstSeq, data FROM event_chunks WHERE twin_id = ? AND last_seq > ? ORDER BY first_seq",
    )
    this.queryStmt = sqlite.prepare(
      "SELECT r.lines AS lines, c.first_seq AS firstSeq, c.data AS data FROM event_refs r " +
        "JOIN event_chunks c ON c.twin_id = r.twin_id AND c.first_seq = r.first_seq " +
        "WHERE r.twin_id = ? AND r.msisdn = ? AND r.last_at >= ? AND r.first_at < ? ORDER BY r.first_seq",
    )
    this.dirStmt = sqlite.prepare(
      "SELECT first_seq AS firstSeq, dir FROM event_chunks " +
        "WHERE twin_id = ? AND dir IS NOT NULL AND last_at >= ? AND first_at < ? ORDER BY first_seq",
    )
    this.dataStmt = sqlite.prepare("SELECT data FROM event_chunks WHERE twin_id = ? AND first_seq = ?").pluck()
    this.countStmt = sqlite.prepare("SELECT coalesce(sum(n), 0) AS n FROM event_chunks WHERE twin_id = ?")
  }

  /**
   * A twin's events with seq > afterSeq, in order, each checked: consecutive seqs, well-formed
   * fields. `first` runs when reading starts (the store flushes what is buffered).
   */
  *read(twinId: string, afterSeq: number, first?: () => void): Generator<Event> {
    first?.()
    let next = firstAfter(afterSeq)
    const rows = this.readStmt.iterate(twinId, afterSeq) as Iterable<{ firstSeq: number; data: Buffer }>
    for (const row of rows) {
      // The chunk's lines, decoded here rather than through another generator (the replay's hot loop).
      const data = row.data
      const skip = afterSeq - row.firstSeq
      let off = 0
      for (let k = 0; off < data.length; k++) {
        let end = data.indexOf(NL, off)
        if (end === -1) end = data.length
        if (k > skip) {
          let e: Event
          try {
            e = decodeLine(data, off, end, row.firstSeq + k)
          } catch (err) {
            throw corrupt(twinId, next, err)
          }
          checkEvent(twinId, e, next)
          next++
          yield e
        }
        off = end + 1
      }
    }
  }

  /** A subscriber's events in [from, to), in order, optionally of some types only; each checked. */
  query(twinId: string, msisdn: string, from: number, to: number, types?: readonly string[]): Event[] {
    const out: Event[] = []
    const take = (data: Buffer, firstSeq: number, pairs: string): void => {
      let seq = firstSeq
      try {
        for (const e of linesAt(data, firstSeq, pairs)) {
          seq = e.seq
          checkEvent(twinId, e, seq)
          if (e.at >= from && e.at < to && (types === undefined || types.includes(e.type))) out.push(e)
        }
      } catch (err) {
        throw corrupt(twinId, seq, err)
      }
    }
    const refs = this.queryStmt.all(twinId, msisdn, from, to) as Array<{
      lines: string
      firstSeq: number
      data: Buffer
    }>
    for (const r of refs) take(r.data, r.firstSeq, r.lines)
    let merged = false
    for (const c of this.dirStmt.all(twinId, from, to) as Array<{ firstSeq: number; dir: Buffer }>) {
      const d = dirEntry(c.dir, msisdn)
      if (d === null || d.lastAt < from || d.firstAt >= to) continue
      take(this.dataStmt.get(twinId, c.firstSeq) as Buffer, c.firstSeq, d.pairs)
      merged = true
    }
    // Both kinds of chunk can hold the number: back into log order.
    if (merged) out.sort((a, b) => a.seq - b.seq)
    return out
  }

  count(twinId: string): number {
    return (this.countStmt.get(twinId) as { n: number }).n
  }
}
