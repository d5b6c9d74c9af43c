// I7 Replay: folding the persisted event log from scratch gives the same state hash as the
// live state; a snapshot round-trip gives it too.
import { TwinCore } from "../../core/engine/twin-core.ts"
import { decodeState, encodeState, stateHash } from "../../core/state/snapshot.ts"
import type { Invariant } from "./types.ts"

export const i7Replay: Invariant = {
  id: "I7",
  title: "replay of the persisted log gives the live state hash",
  check(c) {
    const t = c.twin
    t.flush()
    const live = t.hash()
    const replayed = stateHash(
      TwinCore.replay({ id: t.id, seed: t.state.seed, start: c.start, catalog: t.cat, log: t.log }),
    )
    if (replayed !== live)
      return `replay hash ${replayed.slice(0, 12)} ≠ live ${live.slice(0, 12)} at seq ${t.state.seq}`
    const snap = stateHash(decodeState(encodeState(t.state)))
    if (snap !== live) return `snapshot round-trip hash ${snap.slice(0, 12)} ≠ live ${live.slice(0, 12)}`
    return null
  },
}
