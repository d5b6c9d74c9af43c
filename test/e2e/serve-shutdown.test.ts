// `twin serve` stops gracefully on SIGINT (Ctrl+C) and SIGTERM: the HTTP server closes, every twin
// is snapshotted, the database is closed (its WAL checkpointed away) and the lock released, exit 0.
import { existsSync } from "node:fs"
import type { ChildProcess } from "node:child_process"
import { afterAll, describe, expect, it } from "vitest"
import { serverFixture } from "../helpers/server-process.ts"

const fx = serverFixture("twin-shutdown-")
afterAll(() => fx.cleanup())

const exitOf = (child: ChildProcess, signal: NodeJS.Signals): Promise<{ code: number | null; signal: string | null }> =>
  new Promise((resolve) => {
    child.once("exit", (code, sig) => resolve({ code, signal: sig }))
    child.kill(signal)
  })

describe("twin serve shutdown", () => {
  it.each(["SIGINT", "SIGTERM"] as const)(
    "I7: on %s the server closes, the twins are kept and the database is closed; exit code 0",
    { timeout: 120_000 },
    async (signal) => {
      const s = await fx.start()
      const auth = { authorization: `Bearer ${s.token}`, "content-type": "application/json" }
      const topUp = await fetch(`${s.origin}/api/twins/default/commands`, {
        method: "POST",
        headers: auth,
        body: JSON.stringify({ _tag: "TopUp", msisdn: "79160000002", amount: 4_200, method: "card" }),
      })
      expect(topUp.status, await topUp.clone().text()).toBe(200)
      const before = (await (await fetch(`${s.origin}/api/twins/default`, { headers: auth })).json()) as {
        hash: string
      }
      expect(existsSync(`${fx.db}.lock`)).toBe(true)
      expect(await exitOf(s.child, signal)).toEqual({ code: 0, signal: null })
      expect(existsSync(`${fx.db}.lock`)).toBe(false)
      expect(existsSync(`${fx.db}-wal`)).toBe(false)
      const again = await fx.start()
      const after = (await (
        await fetch(`${again.origin}/api/twins/default`, { headers: { authorization: `Bearer ${again.token}` } })
      ).json()) as { hash: string }
      expect(after.hash).toBe(before.hash)
      expect(await exitOf(again.child, "SIGTERM")).toEqual({ code: 0, signal: null })
    },
  )
})
