// The event log's public types: a store of twins, each twin's log, and how hard writes are made
// durable. The implementation is core/store/event-log.ts (openStore, memoryLog, nullLog).
import type { Event } from "../domain/events.ts"

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
