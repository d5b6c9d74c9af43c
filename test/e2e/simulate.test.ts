// The population simulator (issue 9): deterministic (same seed → same hash), partitioned over
// worker threads with the same result as one thread, a summary that adds up (I1), and a durable
// log per partition that replays to the same state (I7). No timing assertions.
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { TwinCore } from "../../core/engine/twin-core.ts"
import { stateHash } from "../../core/state/snapshot.ts"
import { openStore } from "../../core/store/event-log.ts"
import { simCatalog } from "../../sim/catalog.ts"
import { simulate, type SimResult } from "../../sim/run.ts"

const dirs: string[] = []
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), "twin-sim-test-"))
  dirs.push(d)
  return d
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

const small = { subscribers: 200, days: 3, partitions: 4 } as const

describe("twin simulate: population through the core with the durable log", () => {
  let first: SimResult
  let dbDir: string

  it("same seed → same combined state hash (one thread, twice)", async () => {
    dbDir = tempDir()
    first = await simulate({ seed: "1", ...small, threads: 1, db: dbDir })
    const again = await simulate({ seed: "1", ...small, threads: 1 })
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/)
    expect(again.hash).toBe(first.hash)
    expect(again.partitionHashes).toEqual(first.partitionHashes)
    expect(again.events).toBe(first.events)
    expect(again.summary).toEqual(first.summary)
  })

  it("another seed gives another population and another hash", async () => {
    const other = await simulate({ seed: "2", ...small, threads: 1, log: "null" })
    expect(other.hash).not.toBe(first.hash)
  })

  it("2 worker threads give the hash and summary of the single-thread run", async () => {
    const two = await simulate({ seed: "1", ...small, threads: 2 })
    expect(two.threads).toBe(2)
    expect(two.hash).toBe(first.hash)
    expect(two.partitionHashes).toEqual(first.partitionHashes)
    expect(two.summary).toEqual(first.summary)
  })

  it("the log does not change the model: sqlite and no log give the same hash", async () => {
    const model = await simulate({ seed: "1", ...small, threads: 1, log: "null" })
    expect(model.hash).toBe(first.hash)
  })

  it("the population is realistic enough to exercise the rules it reports on", () => {
    const s = first.summary
    expect(s.families).toBeGreaterThan(0)
    expect(s.corporate).toBeGreaterThan(0)
    expect(s.charges["usage-call"]).toBeGreaterThan(0)
    expect(s.charges["usage-data"]).toBeGreaterThan(0)
    expect(s.charges["fee-family-member"]).toBeGreaterThan(0)
    expect(s.credits.topup).toBeGreaterThan(0)
    expect(s.logins).toBeGreaterThan(0)
    expect(first.events).toBeGreaterThan(first.subscribers * first.days)
  })

  it("the summary adds up: revenue = Σ charges by reason = credits + drop of balances (I1)", () => {
    const s = first.summary
    expect(s.revenue).toBe(Object.values(s.charges).reduce((a, b) => a + b, 0))
    expect(s.creditsTotal).toBe(Object.values(s.credits).reduce((a, b) => a + b, 0))
    expect(s.revenue).toBe(s.creditsTotal + s.balanceDrop)
    for (const v of [...Object.values(s.charges), ...Object.values(s.credits)])
      expect(Number.isSafeInteger(v)).toBe(true)
    expect(s.roaming.zabugorishche).toBe(s.charges["fee-zabugorishche"] ?? 0)
  })

  it("the durable logs hold every charge of the summary and replay to the partitions' hashes (I7)", () => {
    let charges = 0
    let events = 0
    for (let p = 0; p < small.partitions; p++) {
      const store = openStore(join(dbDir, `part-${String(p).padStart(3, "0")}.sqlite`))
      try {
        const id = `sim-p${p}`
        const meta = store.getTwin(id)
        expect(meta).not.toBeNull()
        const log = store.log(id)
        for (const e of log.read(0)) {
          events++
          if (e.type === "Money" && e.amount < 0) charges -= e.amount
          if (e.type === "UsageRated") charges += e.cost
        }
        const state = TwinCore.replay({
          id,
          seed: meta?.seed ?? "",
          start: meta?.startAt ?? 0,
          catalog: simCatalog(),
          log,
        })
        expect(stateHash(state)).toBe(first.partitionHashes[p])
      } finally {
        store.close()
      }
    }
    expect(events).toBe(first.events)
    expect(charges).toBe(first.summary.revenue)
  })
})
