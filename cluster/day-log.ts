// The event log of a cluster partition, a day at a time: events appended during a simulated day
// are encoded as one chunk (the event log's own line format, core/store/codec.ts) that the
// partition host commits to Postgres with the day; a moved partition is rebuilt by folding the
// committed chunks back into a twin (TwinCore.restore, I7).
import type { Event } from "../core/domain/events.ts"
import { chunkEvents, LineWriter } from "../core/store/codec.ts"
import type { Snapshot, TwinLog } from "../core/store/event-log.ts"

/** One committed chunk: the events with seq firstSeq, firstSeq + 1, … as lines. */
export interface Chunk {
  readonly firstSeq: number
  readonly data: Uint8Array
}

export interface DayLog extends TwinLog {
  /** The events appended since the last take, as one chunk (null: none), and start a new one. */
  take(): Chunk | null
}

const notKept = (what: string): Error =>
  new Error(`cluster day log: ${what} is not kept on the runner (the partition's log is in Postgres, cluster/store.ts)`)

/**
 * A log that buffers the current day's events as bytes and replays `history` (the chunks
 * committed before) on read: what TwinCore.restore folds into a resumed partition.
 */
/** The line buffer is moved into a piece once it holds this many bytes (a 1M-subscriber day is ~100 MB). */
const PIECE_BYTES = 8 << 20

export const dayLog = (history: readonly Chunk[] = []): DayLog => {
  const w = new LineWriter(1 << 20)
  let pieces: Buffer[] = []
  let firstSeq = 0
  let count = 0
  let past: readonly Chunk[] = history
  return {
    append(e: Event) {
      if (count === 0) firstSeq = e.seq
      count++
      w.event(e)
      if (w.pos >= PIECE_BYTES) {
        pieces.push(Buffer.from(w.bytes()))
        w.reset()
      }
    },
    flush() {},
    // The day's chunk is committed by the partition host (cluster/host.ts), not here, so a
    // failed write has nothing of this log's own to drop.
    discard() {},
    remember() {
      throw notKept("an idempotency record")
    },
    recall() {
      return null
    },
    *read(afterSeq = 0) {
      // Read once, by TwinCore.restore: the chunks are let go afterwards.
      const chunks = past
      past = []
      for (const c of chunks)
        yield* chunkEvents(Buffer.from(c.data.buffer, c.data.byteOffset, c.data.byteLength), c.firstSeq, afterSeq)
    },
    query() {
      throw notKept("a number's history")
    },
    count() {
      throw notKept("the event count")
    },
    saveSnapshot(_s: Snapshot) {
      throw notKept("a snapshot")
    },
    latestSnapshot() {
      return null
    },
    take() {
      if (count === 0) return null
      const out = { firstSeq, data: Buffer.concat([...pieces, w.bytes()]) }
      pieces = []
      w.reset()
      count = 0
      return out
    },
  }
}
