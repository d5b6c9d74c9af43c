// Crash recovery (issue 8, I7): `twin serve` on a SQLite file is driven with load over loopback
// from this process, killed with SIGKILL mid-load, and restarted — several times on the same file,
// once after a graceful stop that left a snapshot (so a restart is snapshot + tail). After every
// restart: every command acknowledged before the kill is in the log with the same events, and
// the restarted state hash equals a fresh replay of the log (I7).
import { afterAll, describe, expect, it } from "vitest"
import { controlAuth } from "../helpers/edge.ts"
import type { Command } from "../../core/domain/commands.ts"
import type { Event } from "../../core/domain/events.ts"
import { Registry } from "../../core/engine/registry.ts"
import { TwinCore } from "../../core/engine/twin-core.ts"
import { stateHash } from "../../core/state/snapshot.ts"
import { serverFixture, type ServerProcess } from "../helpers/server-process.ts"

const fx = serverFixture("qa-crash-")
const DB = fx.db
afterAll(fx.cleanup)

interface Server {
  child: ServerProcess["child"]
  base: string
  auth: Record<string, string>
}

const start = async (): Promise<Server> => {
  const s = await fx.start()
  return { child: s.child, base: `${s.origin}/api/twins/default`, auth: controlAuth(s.token) }
}

const stop = (s: Server, signal: "SIGKILL" | "SIGTERM"): Promise<void> =>
  fx.stop({ child: s.child, port: 0, origin: "", token: "" }, signal)

const DEMO = ["79160000001", "79160000002", "79160000003", "79160000004", "79160000006", "79160000007", "79160000008"]

/** The n-th command of the load: usage, top-ups, travel, services, transfers (deterministic). */
const nth = (n: number): Command => {
  const m = DEMO[n % DEMO.length] as string
  switch (n % 6) {
    case 0:
      return { _tag: "Usage", msisdn: m, usage: { _tag: "call", to: "79031112233", seconds: 30 + (n % 300) } }
    case 1:
      return { _tag: "Usage", msisdn: m, usage: { _tag: "data", kb: 512 + n } }
    case 2:
      return { _tag: "TopUp", msisdn: m, amount: 1000 + n, method: "card" }
    case 3:
      return { _tag: "Travel", msisdn: m, to: ["TR", "home", "BR", "russia"][n % 4] as string }
    case 4:
      return { _tag: "Usage", msisdn: m, usage: { _tag: "sms", to: "79031112233", count: 1 + (n % 3) } }
    default:
      return { _tag: "Transfer", msisdn: m, to: DEMO[(n + 1) % DEMO.length] as string, amount: 100 }
  }
}

interface Load {
  acked: Event[]
  sent: number
  refused: number
}

/**
 * Drive the server with `inFlight` concurrent request loops until `killAfter` commands were
 * acknowledged, then SIGKILL it while requests are still in flight. Every 25th request moves the clock.
 */
const loadAndKill = async (
  s: Server,
  from: number,
  killAfter: number,
  inFlight = 4,
): Promise<Load & { next: number }> => {
  const load: Load = { acked: [], sent: 0, refused: 0 }
  let n = from
  let ackCount = 0
  let killed = false
  const worker = async (): Promise<void> => {
    while (!killed) {
      const i = n++
      load.sent++
      try {
        if (i % 25 === 24) {
          const r = await fetch(`${s.base}/advance`, {
            method: "POST",
            headers: { "content-type": "application/json", ...s.auth },
            body: JSON.stringify({ by: "7h" }),
          })
          if (r.status !== 200) throw new Error(`advance answered ${r.status}`)
          continue
        }
        const r = await fetch(`${s.base}/commands`, {
          method: "POST",
          headers: { "content-type": "application/json", ...s.auth },
          body: JSON.stringify(nth(i)),
        })
        const body = (await r.json()) as { events?: Event[] }
        if (r.status >= 500) throw new Error(`command ${i} answered ${r.status}`)
        if (r.status === 200) {
          load.acked.push(...(body.events ?? []))
          if (++ackCount >= killAfter && !killed) {
            killed = true
            s.child.kill("SIGKILL")
          }
        } else load.refused++
      } catch (e) {
        // Requests in flight when the process dies fail at the socket: not acknowledged.
        if (!killed) throw e
      }
    }
  }
  await Promise.all(Array.from({ length: inFlight }, worker))
  await new Promise<void>((resolve) => {
    if (s.child.exitCode !== null || s.child.signalCode !== null) resolve()
    else s.child.once("exit", () => resolve())
  })
  return { ...load, next: n }
}

const logEvents = async (s: Server, max: number): Promise<Map<number, Event>> => {
  const out = new Map<number, Event>()
  let after = 0
  while (after < max) {
    const r = await fetch(`${s.base}/events?after=${after}&limit=5000`, { headers: s.auth })
    const { events } = (await r.json()) as { events: Event[] }
    if (events.length === 0) break
    for (const e of events) out.set(e.seq, e)
    after = (events[events.length - 1] as Event).seq
  }
  return out
}

describe("crash recovery (SIGKILL mid-load, restart, I7)", () => {
  it("every acknowledged command survives SIGKILL at several kill points; restart hash = fresh replay (I7)", async () => {
    const killPoints = [40, 150, 15]
    const report = { faults: 0, acknowledged: 0, lost: 0, refused: 0 }
    let n = 0
    let s = await start()
    // A graceful stop first, so the file holds a snapshot and later restarts are snapshot + tail.
    const warm = await loadAndKill(s, n, 30)
    n = warm.next
    report.faults++
    report.acknowledged += warm.acked.length
    s = await start()
    await stop(s, "SIGTERM")
    const pending: Event[] = [...warm.acked]
    for (const k of killPoints) {
      s = await start()
      const l = await loadAndKill(s, n, k)
      n = l.next
      report.faults++
      report.acknowledged += l.acked.length
      report.refused += l.refused
      pending.push(...l.acked)
      s = await start()
      const info = (await (await fetch(s.base, { headers: s.auth })).json()) as { seq: number; hash: string }
      const log = await logEvents(s, info.seq)
      for (const e of pending) {
        const got = log.get(e.seq)
        if (got === undefined || JSON.stringify(got) !== JSON.stringify(e)) report.lost++
      }
      await stop(s, "SIGKILL")
      // A fresh replay of the file's log, with no snapshot, gives the hash the restarted server had.
      const reg = Registry.open(DB, { createDefault: false })
      try {
        const twin = reg.get("default")
        const meta = reg.store.getTwin("default")
        if (twin === undefined || meta === null) throw new Error("default twin missing")
        const fresh = stateHash(
          TwinCore.replay({ id: "default", seed: meta.seed, start: meta.startAt, catalog: twin.cat, log: twin.log }),
        )
        expect(fresh).toBe(info.hash)
        expect(twin.hash()).toBe(info.hash)
      } finally {
        reg.store.close()
      }
    }
    console.log(
      `[qa] crash recovery: ${report.faults} SIGKILLs survived, ${report.acknowledged} acknowledged events ` +
        `checked, ${report.refused} refused commands, ${report.lost} lost`,
    )
    expect(report.acknowledged).toBeGreaterThan(200)
    expect(report.lost).toBe(0)
  }, 150_000)
})
