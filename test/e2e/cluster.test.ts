// The population simulation on effect/cluster (issue 20): a real embedded PostgreSQL and runner
// processes on 127.0.0.1. Same seed → the same combined hash as the in-process run on 1, 2 and 3
// runners; a runner killed with SIGKILL mid-run → the run finishes with the same hash, its
// partitions resumed elsewhere from their committed days (I7); a runner frozen (SIGSTOP) for longer
// than the library's shard-lock deadline keeps its partitions, nothing delivered twice; a day
// handled twice is applied once. Small populations: the test is about placement and faults, not
// speed. No timing assertions.
import { Effect, Layer } from "effect"
import { Entity, ShardingConfig } from "effect/cluster"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { simulate, type SimResult } from "../../sim/run.ts"
import { pgLayer, shardingConfig } from "../../cluster/config.ts"
import { simulateOnCluster, type ClusterSimResult } from "../../cluster/coordinator.ts"
import { SimPartition } from "../../cluster/entity.ts"
import { partitionLayer } from "../../cluster/host.ts"
import { startLocalCluster, type LocalCluster } from "../../cluster/local.ts"
import { commitDay, loadDays } from "../../cluster/store.ts"

const P = 6
const run = { seed: "20", subscribers: 1_200, days: 4, partitions: P } as const

let cluster: LocalCluster
let reference: SimResult

beforeAll(async () => {
  reference = await simulate({ ...run, threads: 1, log: "null" })
  // Three runners started at once; the runs below go from 3 to 2 (one killed) to 1 (one stopped).
  cluster = await startLocalCluster({ runners: 3, shards: P, maxOldSpaceMb: 512 })
}, 420_000)

afterAll(async () => {
  await cluster?.stop()
}, 60_000)

const alive = (): string[] =>
  cluster.runners
    .filter((r) => r.process.exitCode === null && r.process.signalCode === null)
    .map((r) => r.address)
    .sort()

/** A run on the cluster, abandoned when the test's signal aborts (a timeout): it must not run on into the next test. */
const onCluster = (
  signal: AbortSignal,
  runners: number,
  days: number = run.days,
  onReport?: Parameters<typeof simulateOnCluster>[1],
): Promise<ClusterSimResult> =>
  simulateOnCluster({ ...run, days, shards: P, pg: cluster.url, waitForRunners: runners, signal }, onReport)

/** The run has the in-process hash, and every live runner ran partitions, each partition on one of them. */
const samePlacedRun = (r: ClusterSimResult, runners: number): void => {
  expect(r.hash, `${runners} runner(s)`).toBe(reference.hash)
  expect(r.partitionHashes).toEqual(reference.partitionHashes)
  expect(r.summary).toEqual(reference.summary)
  expect(r.events).toBe(reference.events)
  expect(alive()).toHaveLength(runners)
  expect(r.cluster.runners.map((s) => s.runner).sort()).toEqual(alive())
  expect(r.cluster.runners.flatMap((s) => s.partitions).sort()).toEqual(Array.from({ length: P }, (_, p) => p))
  expect(r.cluster.moved).toBe(0)
  expect(r.cluster.duplicates).toBe(0)
  expect(r.cluster.restored).toBe(0)
}

/**
 * How long a runner is frozen (SIGSTOP) in the test of long stalls: longer than the shard-lock
 * deadline of the library's defaults (10 s) and of this cluster's settings before (2 s), shorter
 * than SHARD_LOCK_DEADLINE and PEER_SILENCE (cluster/config.ts).
 */
const FREEZE_MS = 12_000

describe("twin simulate --cluster: partitions as effect/cluster entities", () => {
  it("I7 determinism across placement: 3 runners give the in-process run's combined hash", async ({ signal }) => {
    samePlacedRun(await onCluster(signal, 3), 3)
  }, 300_000)

  it("I7 a runner held still mid-run (a long day, a GC, a busy machine) keeps its partitions: no re-delivery, no rebuild", async ({
    signal,
  }) => {
    // A stopped process answers nothing: no lock refresh, no ping, no socket. What a long synchronous
    // stretch does to a runner, without waiting for one: the day it was running must not be taken
    // away and started again (at 1M subscribers such restarts never ended).
    let frozen: LocalCluster["runners"][number] | null = null
    let thawed: Promise<void> | null = null
    const r = await onCluster(signal, 3, run.days, (rep) => {
      if (frozen !== null || rep.day !== 1) return
      const victim = cluster.runners.find((x) => x.address === rep.runner) ?? null
      frozen = victim
      victim?.process.kill("SIGSTOP")
      thawed = new Promise((resolve) =>
        setTimeout(() => {
          victim?.process.kill("SIGCONT")
          resolve()
        }, FREEZE_MS),
      )
    }).finally(() => thawed)
    expect(frozen).not.toBeNull()
    samePlacedRun(r, 3)
    // Its partitions waited for it, and its stall was seen.
    const held = r.cluster.runners.find((s) => s.runner === (frozen as LocalCluster["runners"][number]).address)
    expect(held?.maxStallMs).toBeGreaterThanOrEqual(FREEZE_MS * 0.9)
  }, 300_000)

  it("I7 kill -9 of a runner mid-run: the run finishes with the same hash, its partitions resume elsewhere", async ({
    signal,
  }) => {
    const days = 6
    const expected = await simulate({ ...run, days, threads: 1, log: "null" })
    let victim: string | null = null
    // The victim is the runner of the last partition: it owns shard P of P, where effect/cluster runs
    // its runner-health singleton (the only check the library has). Killing that runner stalled the
    // run until the dead runner's registry row expired (shardLockExpiration, 360 s) before
    // cluster/peer-watch.ts; any other victim is found dead by the singleton within seconds.
    const r = await onCluster(signal, 3, days, (rep) => {
      if (victim === null && rep.day === 1 && rep.partition === P - 1) {
        victim = rep.runner
        cluster.kill(cluster.runners.findIndex((x) => x.address === rep.runner))
      }
    })
    expect(victim).not.toBeNull()
    const killed = cluster.runners.find((x) => x.address === victim)
    expect(killed?.process.signalCode).toBe("SIGKILL")
    expect(r.hash).toBe(expected.hash)
    expect(r.summary).toEqual(expected.summary)
    // The victim's partitions finished on the survivors, rebuilt from Postgres.
    expect(r.cluster.moved).toBeGreaterThanOrEqual(1)
    expect(r.cluster.restored).toBeGreaterThanOrEqual(1)
    const victimParts = r.cluster.runners.find((s) => s.runner === victim)?.partitions ?? []
    expect(victimParts.length).toBeGreaterThanOrEqual(1)
    for (const p of victimParts)
      expect(r.cluster.runners.some((s) => s.runner !== victim && s.partitions.includes(p))).toBe(true)
  }, 300_000)

  it("I7 determinism across placement: the 2 surviving runners, then 1, give the same hash", async ({ signal }) => {
    samePlacedRun(await onCluster(signal, 2), 2)
    const stop = cluster.runners.findIndex((x) => x.address === alive()[0])
    await cluster.stopRunner(stop)
    samePlacedRun(await onCluster(signal, 1), 1)
  }, 300_000)

  it("I7 a day handled twice is applied once (by partition and day), also by two hosts of one partition", async () => {
    // Two in-process hosts of the partition entity (two "runners" that both believe they own it),
    // called directly, without the cluster's message deduplication.
    const hostA = Entity.makeTestClient(SimPartition, partitionLayer)
    const hostB = Entity.makeTestClient(SimPartition, partitionLayer)
    const rid = `twice-${process.pid}-${Date.now()}`
    const payload = (day: number) => ({
      run: rid,
      seed: run.seed,
      subscribers: run.subscribers,
      days: 3,
      partitions: P,
      partition: 2,
      day,
    })
    const program = Effect.gen(function* () {
      const a = yield* (yield* hostA)("x/p2")
      const b = yield* (yield* hostB)("x/p2")
      const a0 = yield* a.RunDay(payload(0))
      const a0again = yield* a.RunDay(payload(0))
      const b0 = yield* b.RunDay(payload(0))
      const b1 = yield* b.RunDay(payload(1))
      const a1 = yield* a.RunDay(payload(1))
      const a2 = yield* a.RunDay(payload(2))
      const b2 = yield* b.RunDay(payload(2))
      const rows = yield* loadDays(rid, 2)
      // Committing day 0 again, directly: nothing is written.
      const day0 = rows.find((r) => r.day === 0)
      const dup =
        day0 === undefined ? true : yield* commitDay(rid, 2, 0, day0.chunk, day0.events, day0.counters, "test")
      return { a0, a0again, b0, b1, a1, a2, b2, rows, dup }
    })
    const layers = Layer.mergeAll(ShardingConfig.layer(shardingConfig(P, null)), pgLayer(cluster.url))
    const out = await Effect.runPromise(program.pipe(Effect.scoped, Effect.provide(layers)))
    expect(out.a0.duplicate).toBe(false)
    expect(out.a0again.duplicate).toBe(true)
    expect(out.b0.duplicate).toBe(true)
    expect(out.b0.restoredDays).toBe(2) // setup and day 0, folded from Postgres
    expect(out.b1.duplicate).toBe(false)
    expect(out.a1.duplicate).toBe(true) // a's twin was behind the committed days: reloaded, nothing applied
    expect([out.a2.duplicate, out.b2.duplicate].sort()).toEqual([false, true])
    expect(out.a0again.events).toBe(out.a0.events)
    expect(out.rows.map((r) => r.day)).toEqual([-1, 0, 1, 2])
    expect(out.dup).toBe(false)
    // The partition's final state is the in-process partition's after 3 days.
    const final = out.a2.summary ?? out.b2.summary
    const inProcess = await simulate({ ...run, days: 3, threads: 1, log: "null" })
    expect(final?.hash).toBe(inProcess.partitionHashes[2])
  }, 300_000)
})
