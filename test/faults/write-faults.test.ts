// Fault injection (issue 15, I7): a write that fails mid-command or mid-batch leaves the twin at
// its last durable state. The client gets a clear 503 naming the field and the reason (Russian
// text for subscribers), no channel ever shows the refused command, it is never written later,
// and the state hash equals a fresh replay of the log — live, and after a restart from the file.
import { afterEach, describe, expect, it } from "vitest"
import { Result } from "effect"
import type { Event } from "../../core/domain/events.ts"
import { parseInstant } from "../../core/domain/time.ts"
import { ledgerOf } from "../../core/engine/views.ts"
import { openStore } from "../../core/store/event-log.ts"
import { Registry } from "../../core/engine/registry.ts"
import { codeFrom, fastCatalog, T0 } from "../helpers/twin.ts"
import { Browser, textOf } from "../e2e/web-helpers.ts"
import { A, B, expectReplayEqual, faultEnv, twinWithTwo, type FaultEnv } from "./helpers.ts"

let env: FaultEnv | null = null
afterEach(() => {
  env?.cleanup()
  env = null
})

const topUp = (amount: number) => ({ _tag: "TopUp", msisdn: A, amount, method: "card" })
const ussd = async (e: FaultEnv, code: string): Promise<string> => {
  const r = await e.call("POST", "/ussd/dial", { msisdn: A, code }, { "x-twin": "f" })
  return String(r.body.text ?? "")
}

describe("write faults (issue 15: visible ⇔ durable)", () => {
  it("I7: disk full mid-command — 503 naming the store, the refused top-up is seen by no channel and never applied later", async () => {
    const e = (env = faultEnv())
    const t = twinWithTwo(e)
    const ok = await e.call("POST", "/api/twins/f/commands", topUp(10_000))
    expect(ok.status).toBe(200)
    const balance = t.state.subscribers.get(A)?.balance
    const screen = await ussd(e, "*100#")
    expect(screen).toMatch(/^Баланс: 1\s100,00 руб/)
    const seen: Event[] = []
    t.subscribe((evs) => seen.push(...evs))

    e.plan.failAfter(1, { code: "SQLITE_FULL", sticky: true })
    for (const amount of [50_000, 70_000]) {
      const r = await e.call("POST", "/api/twins/f/commands", topUp(amount))
      expect(r.status).toBe(503)
      const err = r.body.error as { code: string; field: string; message: string; ru: string }
      expect(err.code).toBe("STORE_UNAVAILABLE")
      expect(err.field).toBe("store")
      expect(err.message).toMatch(/SQLITE_FULL/)
      expect(err.ru).toMatch(/временно недоступен/)
    }
    // A subscriber channel shows the Russian refusal: USSD *111*123# «Обещанный платеж», option 1.
    expect(await ussd(e, "*111*123#")).toMatch(/Обещанный платеж/)
    const reply = await e.call("POST", "/ussd/reply", { msisdn: A, text: "1" }, { "x-twin": "f" })
    expect(String(reply.body.text)).toMatch(/временно недоступен/)
    // Nothing of the refused commands is visible: state, views, USSD screen, listeners (SSE).
    expect(t.state.subscribers.get(A)?.balance).toBe(balance)
    expect((await e.call("GET", `/api/twins/f/subscribers/${A}`)).body.balance).toBe(balance)
    expect(await ussd(e, "*100#")).toBe(screen)
    expect(seen).toEqual([])
    expect(e.plan.failed()).toBeGreaterThanOrEqual(3)
    expectReplayEqual(t)

    // Space is freed: the next command is written, the refused ones never are.
    e.plan.heal()
    expect((await e.call("POST", "/api/twins/f/commands", topUp(100))).status).toBe(200)
    const credits = ledgerOf(t, A)
      .filter((l) => l.amount > 0)
      .map((l) => l.amount)
    expect(credits).toEqual([10_000, 100])
    expectReplayEqual(t)
    const hash = t.hash()
    const again = e.reopen().get("f")
    expect(again?.hash()).toBe(hash)
  })

  it("I7: write error mid-batch — the chunk row was written, an index row fails: the whole transaction is gone", async () => {
    const e = (env = faultEnv())
    const t = twinWithTwo(e)
    const before = t.hash()
    // A transfer touches two numbers: one chunk row, then one index row per number; fail the second index row.
    e.plan.failAfter(3, { code: "SQLITE_IOERR", point: "refs" })
    const r = await e.call("POST", "/api/twins/f/commands", { _tag: "Transfer", msisdn: A, to: B, amount: 5_000 })
    expect(r.status).toBe(503)
    expect((r.body.error as { message: string }).message).toMatch(/SQLITE_IOERR/)
    expect(e.plan.failed()).toBe(1)
    expect(t.hash()).toBe(before)
    expectReplayEqual(t)
    // The retry (no fault now) is applied once.
    expect(
      (await e.call("POST", "/api/twins/f/commands", { _tag: "Transfer", msisdn: A, to: B, amount: 5_000 })).status,
    ).toBe(200)
    expect(ledgerOf(t, B).filter((l) => l.reason === "transfer-in" || l.amount === 5_000).length).toBe(1)
    expectReplayEqual(t)
    const hash = t.hash()
    expect(e.reopen().get("f")?.hash()).toBe(hash)
  })

  it("I7: a write error mid-advance keeps every durable day, shows none of the failed one; resuming gives the full log", async () => {
    const e = (env = faultEnv())
    const t = twinWithTwo(e)
    const shown: Event[] = []
    t.subscribe((evs) => shown.push(...evs))
    const to = parseInstant("2026-09-15T12:00:00+03:00") as number
    // Fail a write a few days into the advance (each day is one transaction).
    e.plan.failAfter(40, { code: "SQLITE_IOERR", sticky: true })
    const r = await e.call("POST", "/api/twins/f/advance", { to: "2026-09-15T12:00:00+03:00" })
    expect(r.status).toBe(503)
    expect(t.now).toBeLessThan(to)
    expect(t.now).toBeGreaterThan(T0)
    // Everything shown to a listener is durable, and nothing more was applied.
    expect(shown.length).toBe(t.state.seq - 2)
    const logged = [...t.log.read(0)]
    expect(logged.slice(2)).toEqual(shown)
    expectReplayEqual(t)
    e.plan.heal()
    expect((await e.call("POST", "/api/twins/f/advance", { to: "2026-09-15T12:00:00+03:00" })).status).toBe(200)
    expect(t.now).toBe(to)
    // The same twin advanced in one step, without faults, has the same log and hash.
    const ref = Registry.open(":memory:", { createDefault: false, catalog: fastCatalog(), secrets: "replay" })
    const u = ref.create({ id: "f", seed: "5", demo: false, start: T0 })
    for (const [m, bal] of [
      [A, 100_000],
      [B, 50_000],
    ] as const)
      u.execute({ _tag: "CreateSubscriber", msisdn: m, name: `Абонент ${m.slice(-4)}`, tariff: "my-mts", balance: bal })
    expect(Result.isSuccess(u.advanceTo(to))).toBe(true)
    expect(t.hash()).toBe(u.hash())
    expectReplayEqual(t)
    ref.close()
  })

  it("I7: a real full database (SQLite max_page_count) — acknowledged top-ups kept, refused never applied, restart = replay", async () => {
    const e = (env = faultEnv())
    const t = twinWithTwo(e)
    e.registry.close()
    // Reopen the same file capped a few pages above its size: SQLite itself answers SQLITE_FULL.
    const probe = openStore(e.db)
    probe.close()
    const pages = (await import("better-sqlite3")).default
    const raw = new pages(e.db)
    const size = Number(raw.pragma("page_count", { simple: true }))
    raw.close()
    e.registry = Registry.open(e.db, { createDefault: false, catalog: fastCatalog(), store: { maxPages: size + 3 } })
    const { makeApp } = await import("../../server/app.ts")
    e.app = makeApp({ registry: e.registry })
    const twin = e.registry.get("f")
    expect(twin?.hash()).toBe(t.hash())
    let acked = 0
    let refused = 0
    for (let i = 0; i < 400 && refused < 3; i++) {
      const r = await e.call("POST", "/api/twins/f/commands", {
        _tag: "TopUp",
        msisdn: A,
        amount: 100 + i,
        method: "card",
      })
      if (r.status === 200) acked += 100 + i
      else {
        expect(r.status).toBe(503)
        expect((r.body.error as { message: string }).message).toMatch(/SQLITE_FULL|full/)
        refused++
      }
    }
    expect(refused).toBe(3)
    const live = e.registry.get("f")
    if (live === undefined) throw new Error("twin gone")
    expect(live.state.subscribers.get(A)?.balance).toBe(100_000 + acked)
    expectReplayEqual(live)
    const hash = live.hash()
    expect(e.reopen().get("f")?.hash()).toBe(hash)
    expect(e.registry.get("f")?.state.subscribers.get(A)?.balance).toBe(100_000 + acked)
  })

  it("I7: disk full during an LK form top-up — the page after the redirect says so in Russian (503), balance unchanged", async () => {
    const e = (env = faultEnv())
    const t = twinWithTwo(e)
    const b = new Browser(e.app, "f")
    await b.get("/lk/login")
    await b.post("/lk/login/code", { msisdn: A })
    const otp = codeFrom(t, A, "3339")
    await b.post("/lk/login", { msisdn: A, secret: otp })
    const balance = t.state.subscribers.get(A)?.balance
    e.plan.failAfter(1, { sticky: true })
    const page = await b.post("/lk/topup", { amount: "500" })
    expect(b.redirected?.status).toBe(303)
    expect(page.status).toBe(503)
    expect(textOf(b.last)).toContain(
      "Операция не выполнена: сервис временно недоступен. Деньги не списаны, повторите попытку позже",
    )
    expect(t.state.subscribers.get(A)?.balance).toBe(balance)
    expectReplayEqual(t)
  })

  it("I7: disk full while creating a twin — 503, and no half-created twin after a restart", async () => {
    const e = (env = faultEnv())
    twinWithTwo(e)
    e.plan.failAfter(3, { sticky: true })
    const r = await e.call("POST", "/api/twins", { id: "half", demo: true })
    expect(r.status).toBe(503)
    expect((r.body.error as { code: string }).code).toBe("STORE_UNAVAILABLE")
    expect(e.registry.get("half")).toBeUndefined()
    e.plan.heal()
    const reg = e.reopen()
    expect(reg.get("half")).toBeUndefined()
    expect(reg.list().map((x) => x.id)).toEqual(["f"])
  })
})
