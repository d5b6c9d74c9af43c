// I7 Replay: folding the persisted event log gives the same state hash as the live state, after
// every step; and after a restart from a SQLite file that holds snapshots taken mid-journey.
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import fc from "fast-check"
import { afterAll, describe, expect, it } from "vitest"
import { Registry } from "../../core/engine/registry.ts"
import { TwinCore } from "../../core/engine/twin-core.ts"
import { stateHash } from "../../core/state/snapshot.ts"
import { checkJourneys, i7Replay, type Step } from "../../qa/index.ts"

const dir = mkdtempSync(join(tmpdir(), "qa-i7-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let n = 0

describe("I7 replay", () => {
  it("I7: replay of the persisted log gives the live state hash after every step", async () => {
    const r = await checkJourneys({ name: "I7 replay after every step", invariants: [i7Replay] })
    expect(r.runs).toBeGreaterThan(0)
  })

  it("I7: a restart from a SQLite file with snapshots gives the live hash and a fresh replay's", async () => {
    let restarts = 0
    const r = await checkJourneys({
      name: "I7 restart from SQLite with snapshots",
      weight: 0.5,
      twinPath: () => join(dir, `t${n++}.db`),
      extraSteps: [{ weight: 2, arbitrary: fc.constant<Step>({ t: "snapshot" }) }],
      onEnd: (run, t) => {
        const live = t.twin.hash()
        const seq = t.twin.state.seq
        // Crash-like stop: the log is durable per command; no final snapshot is written.
        t.registry.store.close()
        const reg = Registry.open(t.registry.store.path, { createDefault: false })
        try {
          const back = reg.get("qa")
          if (back === undefined) throw new Error("I7: twin qa missing after restart")
          if (back.hash() !== live)
            throw new Error(
              `I7: restarted hash ${back.hash().slice(0, 12)} ≠ live ${live.slice(0, 12)} at seq ${seq} ` +
                `(${run.history.filter((s) => s.t === "snapshot").length} snapshots)`,
            )
          const fresh = stateHash(
            TwinCore.replay({ id: "qa", seed: t.seed, start: t.start, catalog: back.cat, log: back.log }),
          )
          if (fresh !== live) throw new Error(`I7: fresh replay hash ${fresh.slice(0, 12)} ≠ live ${live.slice(0, 12)}`)
          restarts++
        } finally {
          reg.store.close()
        }
      },
    })
    expect(restarts).toBe(r.runs)
  })
})
