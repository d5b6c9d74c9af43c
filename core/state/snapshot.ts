// Canonical encoding of the state: used for snapshots and for the state hash (I7).
import { createHash } from "node:crypto"
import { mskParts } from "../domain/time.ts"
import type { State, Subscriber } from "./model.ts"

interface Encoded {
  seed: string
  now: number
  seq: number
  rng: number
  nextDaily: number
  subscribers: Subscriber[]
  sessions: Array<State["sessions"] extends Map<string, infer V> ? V : never>
  paymentCards: Array<State["paymentCards"] extends Map<string, infer V> ? V : never>
  /** [token hash, {end instant, channel}] in hash order; absent in snapshots written before it existed. */
  endedIdle?: Array<[string, { at: number; channel: string }]>
}

const sortedValues = <V>(m: Map<string, V>): V[] => [...m.keys()].sort().map((k) => m.get(k) as V)

export const encodeState = (s: State): string => {
  const e: Encoded = {
    seed: s.seed,
    now: s.now,
    seq: s.seq,
    rng: s.rng,
    nextDaily: s.nextDaily,
    subscribers: sortedValues(s.subscribers),
    sessions: sortedValues(s.sessions),
    paymentCards: sortedValues(s.paymentCards),
    ...(s.endedIdle.size > 0
      ? {
          endedIdle: [...s.endedIdle.keys()]
            .sort()
            .map((k): [string, { at: number; channel: string }] => [
              k,
              s.endedIdle.get(k) as { at: number; channel: string },
            ]),
        }
      : {}),
  }
  return JSON.stringify(e)
}

export const decodeState = (text: string): State => {
  const e = JSON.parse(text) as Encoded
  return {
    seed: e.seed,
    now: e.now,
    seq: e.seq,
    rng: e.rng,
    nextDaily: e.nextDaily,
    subscribers: new Map(
      e.subscribers.map((x) => {
        // Snapshots written before the inbox moved to the log carried it in the state.
        delete (x as Subscriber & { inbox?: unknown }).inbox
        // Snapshots written before the renewal day was kept: the day of the next renewal.
        if ((x as Partial<Subscriber>).renewDay === undefined) x.renewDay = mskParts(x.renewAt).day
        return [x.msisdn, x]
      }),
    ),
    sessions: new Map(e.sessions.map((x) => [x.tokenHash, x])),
    endedIdle: new Map(e.endedIdle ?? []),
    paymentCards: new Map(e.paymentCards.map((x) => [x.hash, x])),
  }
}

/**
 * SHA-256 of the canonical state. Subscribers are hashed one by one in number order, so the
 * hash of a large population is computed without one huge string.
 */
export const stateHash = (s: State): string => {
  const h = createHash("sha256")
  h.update(JSON.stringify({ seed: s.seed, now: s.now, seq: s.seq, rng: s.rng, nextDaily: s.nextDaily }))
  for (const k of [...s.subscribers.keys()].sort()) h.update(JSON.stringify(s.subscribers.get(k)))
  for (const v of sortedValues(s.sessions)) h.update(JSON.stringify(v))
  for (const v of sortedValues(s.paymentCards)) h.update(JSON.stringify(v))
  if (s.endedIdle.size > 0) h.update(JSON.stringify([...s.endedIdle.keys()].sort().map((k) => [k, s.endedIdle.get(k)])))
  return h.digest("hex")
}
