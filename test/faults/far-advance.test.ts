// Bounded work (issue 15, I7): a far advance runs day by day — each day durable before anyone sees
// it, other twins and requests served meanwhile, at most one day's events held at once — and a
// horizon beyond MAX_ADVANCE_DAYS is refused with a clear error naming the field.
import { describe, expect, it } from "vitest"
import type { Event } from "../../core/domain/events.ts"
import { formatMskIso } from "../../core/domain/time.ts"
import { MAX_ADVANCE_DAYS } from "../../core/engine/twin-core.ts"
import { expectReplayEqual, faultEnv } from "./helpers.ts"

describe("far advance (issue 15: bounded work)", () => {
  it("I7: a 1500-day advance yields between days: others are answered meanwhile, see only durable state, end equals replay", async () => {
    const e = faultEnv()
    try {
      const far = e.registry.create({ id: "far", seed: "3", demo: true })
      e.registry.create({ id: "other", seed: "4", demo: true })
      const batches: number[] = []
      let total = 0
      far.subscribe((evs: readonly Event[]) => {
        batches.push(evs.length)
        total += evs.length
      })
      const from = far.now
      const to = formatMskIso(from + 1500 * 86_400_000)
      let done = false
      const advance = e.call("POST", "/api/twins/far/advance", { to }).finally(() => {
        done = true
      })
      let servedDuring = 0
      let seenDurable = 0
      let secondRefused = false
      let toppedUp = false
      while (!done) {
        // Requests arrive as I/O does (a macrotask each), not as one endless microtask chain.
        await new Promise((resolve) => setImmediate(resolve))
        const r = await e.call("GET", "/api/twins/other")
        expect(r.status).toBe(200)
        if (done) break
        servedDuring++
        // What another request sees of the advancing twin is already in the log (visible ⇒ durable).
        if (far.log.count() === far.state.seq) seenDurable++
        if (!secondRefused) {
          const s = await e.call("POST", "/api/twins/far/advance", { by: "1d" })
          if (!done) {
            expect(s.status).toBe(409)
            expect((s.body.error as { code: string }).code).toBe("ADVANCE_RUNNING")
            secondRefused = true
          }
        } else if (!toppedUp) {
          const m = [...far.state.subscribers.keys()][0] as string
          expect(
            (
              await e.call("POST", "/api/twins/far/commands", {
                _tag: "TopUp",
                msisdn: m,
                amount: 10_000,
                method: "card",
              })
            ).status,
          ).toBe(200)
          toppedUp = true
        }
      }
      const res = await advance
      expect(res.status).toBe(200)
      expect(res.body.nowIso).toBe(to)
      expect(servedDuring).toBeGreaterThan(10)
      expect(seenDurable).toBe(servedDuring)
      expect(secondRefused && toppedUp).toBe(true)
      // Memory bound: the events are handed over a day at a time, never as one batch of years.
      expect(batches.length).toBeGreaterThan(100)
      expect(Math.max(...batches)).toBeLessThan(total / 50)
      expectReplayEqual(far)
      const hash = far.hash()
      expect(e.reopen().get("far")?.hash()).toBe(hash)
    } finally {
      e.cleanup()
    }
  })

  it(`an advance beyond ${MAX_ADVANCE_DAYS} days is refused naming the field; time never goes back`, async () => {
    const e = faultEnv()
    try {
      const t = e.registry.create({ id: "f", seed: "1", demo: false })
      const before = t.hash()
      const r = await e.call("POST", "/api/twins/f/advance", { to: "9999-12-31T00:00:00+03:00" })
      expect(r.status).toBe(400)
      const err = r.body.error as { code: string; field: string; message: string; ru: string }
      expect(err.field).toBe("to")
      expect(err.message).toMatch(new RegExp(`at most ${MAX_ADVANCE_DAYS} days per call`))
      expect(err.ru).toMatch(/не более чем на 3660 дней/)
      const back = await e.call("POST", "/api/twins/f/advance", { to: "2020-01-01T00:00:00+03:00" })
      expect(back.status).toBe(400)
      expect((back.body.error as { field: string }).field).toBe("to")
      expect((await e.call("POST", "/api/twins/f/advance", { months: 121 })).status).toBe(400)
      expect(t.hash()).toBe(before)
    } finally {
      e.cleanup()
    }
  })
})
