// Idempotency keys (Stripe-style) at the engine: the request being served may carry a key; the
// first command of that request that records events stages a "claim" of the key into the same
// store transaction as its events (TwinCore.finish), so after a crash the key is known to have
// been used even if its answer was never recorded. The channel edge (channels/idempotency.ts)
// records the full answer once it is built and replays it for a repeated key.
import { AsyncLocalStorage } from "node:async_hooks"

/** The key of the request being served, on one twin, with the fingerprint of the request. */
export interface Claim {
  readonly twinId: string
  readonly key: string
  readonly fingerprint: string
}

/** What is stored for a key: the request's fingerprint, the first event of its command, and its answer once known. */
export interface KeyRecord {
  readonly fp: string
  /** The seq of the first event the keyed request recorded (0: none). */
  readonly seq: number
  readonly answer: StoredAnswer | null
}

export interface StoredAnswer {
  readonly status: number
  readonly contentType: string | null
  readonly location: string | null
  readonly body: string
}

const current = new AsyncLocalStorage<Claim>()

/** Serve `f` with `claim` as the request's key (every engine call inside sees it). */
export const withClaim = <T>(claim: Claim, f: () => T): T => current.run(claim, f)

/** The claim to stage with a twin's events now, if the request being served carries a key for this twin. */
export const claimOf = (twinId: string): { key: string; record: (seq: number) => string } | null => {
  const c = current.getStore()
  if (c === undefined || c.twinId !== twinId) return null
  return { key: c.key, record: (seq) => encodeRecord({ fp: c.fingerprint, seq, answer: null }) }
}

export const encodeRecord = (r: KeyRecord): string => JSON.stringify(r)

export const decodeRecord = (text: string): KeyRecord | null => {
  try {
    const v = JSON.parse(text) as Partial<KeyRecord>
    if (typeof v.fp !== "string" || typeof v.seq !== "number") return null
    return { fp: v.fp, seq: v.seq, answer: v.answer ?? null }
  } catch {
    return null
  }
}
