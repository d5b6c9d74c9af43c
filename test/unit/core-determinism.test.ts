// Determinism and persistence of the core (issue 2): same seed and commands → byte-identical
// log and hash; a file-backed twin restarted (snapshot + tail) has the same state hash (I7).
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import type { Command } from "../../core/domain/commands.ts"
import { DAY, HOUR } from "../../core/domain/time.ts"
import { Registry } from "../../core/engine/registry.ts"
import { TwinCore } from "../../core/engine/twin-core.ts"
import { stateHash } from "../../core/state/snapshot.ts"
import { fastCatalog, T0 } from "../helpers/twin.ts"

const script: Command[] = [
  { _tag: "Travel", msisdn: "79160000001", to: "TR" },
  { _tag: "Usage", msisdn: "79160000001", usage: { _tag: "data", kb: 150 * 1024 } },
  { _tag: "RequestOtp", msisdn: "79160000002" },
  { _tag: "PromisedPayment", msisdn: "79160000003" },
  { _tag: "FamilyInvite", msisdn: "79160000001", member: "79160000007", minutes: 100, sms: 10, dataMb: 1024 },
  { _tag: "FamilyReply", msisdn: "79160000007", accept: true },
  { _tag: "Usage", msisdn: "79160000007", usage: { _tag: "call", to: "79031112233", seconds: 300 } },
]

const drive = (reg: Registry, seed: string, secret: string | null = "fixed-for-replay"): TwinCore => {
  const t = reg.create({ id: "d", seed, start: T0, ...(secret !== null ? { secret } : {}) })
  for (const c of script) t.execute(c)
  t.advanceBy(DAY + 3 * HOUR)
  t.advanceMonths(1)
  return t
}

const logText = (t: TwinCore): string => [...t.log.read(0)].map((e) => JSON.stringify(e)).join("\n")

const dir = mkdtempSync(join(tmpdir(), "twin-det-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe("determinism (issue 2) and replay (I7)", () => {
  it("I7: same seed and commands give a byte-identical event log and the same state hash", () => {
    const a = drive(Registry.open(":memory:", { createDefault: false, catalog: fastCatalog() }), "42")
    const b = drive(Registry.open(":memory:", { createDefault: false, catalog: fastCatalog() }), "42")
    expect(logText(a)).toBe(logText(b))
    expect(a.hash()).toBe(b.hash())
    const c = drive(Registry.open(":memory:", { createDefault: false, catalog: fastCatalog() }), "43")
    expect(logText(c)).not.toBe(logText(a)) // the seed drives the twin
    const d = drive(Registry.open(":memory:", { createDefault: false, catalog: fastCatalog() }), "42", "another secret")
    expect(logText(d)).not.toBe(logText(a)) // the secret keys the codes and salts
  })

  it("I7: twins created without a fixed secret get a random one, never the same", () => {
    const a = drive(Registry.open(":memory:", { createDefault: false, catalog: fastCatalog() }), "42", null)
    const b = drive(Registry.open(":memory:", { createDefault: false, catalog: fastCatalog() }), "42", null)
    expect(logText(a)).not.toBe(logText(b))
  })

  it("I7: folding the persisted log from scratch gives the live state hash", () => {
    const t = drive(Registry.open(":memory:", { createDefault: false, catalog: fastCatalog() }), "7")
    const replayed = TwinCore.replay({ id: t.id, seed: "7", start: T0, catalog: t.cat, log: t.log })
    expect(stateHash(replayed)).toBe(t.hash())
  })

  it("I7: a file-backed twin restarted from snapshot + tail has the same hash and carries on identically", () => {
    const path = join(dir, "twin.db")
    const r1 = Registry.open(path, { createDefault: false, catalog: fastCatalog() })
    const live = drive(r1, "9")
    live.snapshot()
    live.execute({ _tag: "TopUp", msisdn: "79160000002", amount: 10_000, method: "card" }) // tail after the snapshot
    const hash = live.hash()
    r1.store.close() // simulate a stop without the shutdown snapshot
    const r2 = Registry.open(path, { createDefault: false })
    const back = r2.get("d")
    expect(back?.hash()).toBe(hash)
    // the restarted twin continues exactly like a twin that never stopped
    const ref = drive(Registry.open(":memory:", { createDefault: false, catalog: fastCatalog() }), "9")
    ref.execute({ _tag: "TopUp", msisdn: "79160000002", amount: 10_000, method: "card" })
    for (const t of [back as TwinCore, ref]) {
      t.advanceMonths(1)
      t.execute({ _tag: "RequestOtp", msisdn: "79160000004" })
    }
    expect(back?.hash()).toBe(ref.hash())
    r2.close()
  })
})
