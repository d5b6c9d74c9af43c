// Process faults (issue 15, I7): SIGKILL inside a store transaction, and a second server on the
// same database.
import { spawn } from "node:child_process"
import { afterAll, describe, expect, it } from "vitest"
import { Registry } from "../../core/engine/registry.ts"
import { TwinCore } from "../../core/engine/twin-core.ts"
import { stateHash } from "../../core/state/snapshot.ts"
import { serverFixture } from "../helpers/server-process.ts"
import { fastCatalog, T0 } from "../helpers/twin.ts"

const ROOT = new URL("../../", import.meta.url).pathname
const fx = serverFixture("twin-procfaults-")
afterAll(fx.cleanup)

const runKiller = (db: string, killAt: number): Promise<{ out: string; signal: NodeJS.Signals | null }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "test/faults/flush-killer.ts", db, String(killAt)], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    })
    let out = ""
    let err = ""
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString()
    })
    child.stderr.on("data", (d: Buffer) => {
      err += d.toString()
    })
    child.once("error", reject)
    child.once("exit", (code, signal) =>
      signal === null && code !== 0 ? reject(new Error(`killer exited ${code}: ${err}`)) : resolve({ out, signal }),
    )
  })

describe("process faults (issue 15)", () => {
  it("I7: kill -9 during a flush — every acknowledged command kept, nothing of the interrupted write, restart equals replay", async () => {
    for (const [i, killAt] of [2, 5].entries()) {
      const db = `${fx.dir}/killed-${i}.db`
      const { out, signal } = await runKiller(db, killAt)
      expect(signal).toBe("SIGKILL")
      expect(out).toMatch(/^KILL (chunk|refs)$/m)
      expect(out).not.toMatch(/NOT KILLED/)
      const acks = [...out.matchAll(/^ACK (\d+) (\S+)$/gm)].map((m) => ({ seq: Number(m[1]), hash: m[2] as string }))
      expect(acks.length).toBe(5)
      const last = acks[acks.length - 1] as { seq: number; hash: string }
      const reg = Registry.open(db, { createDefault: false, catalog: fastCatalog() })
      const t = reg.get("k")
      if (t === undefined) throw new Error("twin k not restored")
      // Exactly the acknowledged log: the last ACK's seq and hash, nothing of the killed advance.
      expect(t.state.seq).toBe(last.seq)
      expect(t.hash()).toBe(last.hash)
      expect(t.log.count()).toBe(last.seq)
      expect(stateHash(TwinCore.replay({ id: "k", seed: "9", start: T0, catalog: t.cat, log: t.log }))).toBe(t.hash())
      reg.close()
    }
  })

  it("a second server on the same database refuses to start, naming the holder's pid; after kill -9 of it a new one starts", async () => {
    const first = await fx.start()
    const pid = first.child.pid as number
    const second = fx.start()
    await expect(second).rejects.toThrow(
      new RegExp(
        `exited with 3: --db .*twin\\.db: already open in another twin server \\(pid ${pid}\\); stop it or pick another --db`,
      ),
    )
    // The first server still serves, with its state intact.
    const r = await fetch(`${first.origin}/api/twins/default`, { headers: { authorization: `Bearer ${first.token}` } })
    expect(r.status).toBe(200)
    await fx.stop(first, "SIGKILL")
    const third = await fx.start()
    expect(
      (await fetch(`${third.origin}/api/twins/default`, { headers: { authorization: `Bearer ${third.token}` } }))
        .status,
    ).toBe(200)
    await fx.stop(third, "SIGTERM")
  })
})
