// Idempotent money (issue 15): every POST accepts an idempotency key (`Idempotency-Key` for JSON,
// the hidden `_idem` field of HTML forms); a repeat returns the first answer and changes nothing,
// also after a restart; the LK and the kiosk answer actions with post/redirect/get.
import { afterEach, describe, expect, it } from "vitest"
import { ledgerOf } from "../../core/engine/views.ts"
import { codeFrom, rub, sub } from "../helpers/twin.ts"
import { A, expectReplayEqual, faultEnv, twinWithTwo, type FaultEnv } from "../faults/helpers.ts"
import { Browser, otpOf, setup, textOf, withSubs } from "./web-helpers.ts"

let env: FaultEnv | null = null
afterEach(() => {
  env?.cleanup()
  env = null
})

const credits = (t: Parameters<typeof ledgerOf>[0], m: string): number[] =>
  ledgerOf(t, m)
    .filter((l) => l.amount > 0)
    .map((l) => l.amount)

describe("idempotency keys (issue 15)", () => {
  it("I1: a repeated JSON top-up with the same Idempotency-Key gets the first answer and credits once, also after a restart", async () => {
    const e = (env = faultEnv())
    const t = twinWithTwo(e)
    const cmd = { _tag: "TopUp", msisdn: A, amount: 25_000, method: "card" }
    const first = await e.call("POST", "/api/twins/f/commands", cmd, { "idempotency-key": "pay-0001" })
    expect(first.status).toBe(200)
    const again = await e.call("POST", "/api/twins/f/commands", cmd, { "idempotency-key": "pay-0001" })
    expect(again.status).toBe(200)
    expect(again.body).toEqual(first.body)
    expect(again.headers.get("idempotent-replayed")).toBe("true")
    expect(credits(t, A)).toEqual([25_000])
    // A different request under the same key is refused, naming the header; nothing changes.
    const hash = t.hash()
    const other = await e.call(
      "POST",
      "/api/twins/f/commands",
      { ...cmd, amount: 99_000 },
      { "idempotency-key": "pay-0001" },
    )
    expect(other.status).toBe(422)
    expect(other.body.error).toMatchObject({ code: "IDEMPOTENCY_KEY", field: "Idempotency-Key" })
    expect(t.hash()).toBe(hash)
    // The key is stored with the log: a restarted server still answers the repeat from it.
    const reg = e.reopen()
    const replay = await e.call("POST", "/api/twins/f/commands", cmd, { "idempotency-key": "pay-0001" })
    expect(replay.body).toEqual(first.body)
    expect(credits(reg.get("f") as typeof t, A)).toEqual([25_000])
    expectReplayEqual(reg.get("f") as typeof t)
  })

  it("I1: a key whose command was written but whose answer was not (the answer's write failed) is never executed again", async () => {
    const e = (env = faultEnv())
    const t = twinWithTwo(e)
    const cmd = { _tag: "TopUp", msisdn: A, amount: 7_000, method: "card" }
    // Writes of the keyed top-up: its claim, its chunk, its index row (one transaction), then its answer: fail the answer.
    e.plan.failAfter(4, { point: "idempotency", code: "SQLITE_IOERR" })
    expect((await e.call("POST", "/api/twins/f/commands", cmd, { "idempotency-key": "k-lost-answer" })).status).toBe(
      200,
    )
    expect(e.plan.failed()).toBe(1)
    e.reopen()
    const retry = await e.call("POST", "/api/twins/f/commands", cmd, { "idempotency-key": "k-lost-answer" })
    expect(retry.status).toBe(409)
    expect(retry.body.error).toMatchObject({
      code: "IDEMPOTENCY_KEY",
      field: "Idempotency-Key",
      ru: "Операция уже выполнена. Проверьте баланс перед повтором",
    })
    expect(credits(e.registry.get("f") as typeof t, A)).toEqual([7_000])
  })

  it("I1: a 503 is not recorded — after the store recovers, the same key runs once", async () => {
    const e = (env = faultEnv())
    const t = twinWithTwo(e)
    const cmd = { _tag: "TopUp", msisdn: A, amount: 3_000, method: "card" }
    e.plan.failAfter(1, { sticky: true })
    expect((await e.call("POST", "/api/twins/f/commands", cmd, { "idempotency-key": "k-503" })).status).toBe(503)
    e.plan.heal()
    expect((await e.call("POST", "/api/twins/f/commands", cmd, { "idempotency-key": "k-503" })).status).toBe(200)
    expect(
      (await e.call("POST", "/api/twins/f/commands", cmd, { "idempotency-key": "k-503" })).headers.get(
        "idempotent-replayed",
      ),
    ).toBe("true")
    expect(credits(t, A)).toEqual([3_000])
  })

  it("I1: two concurrent requests with one key credit once", async () => {
    const w = setup()
    withSubs(w.twin)
    const otp = await w.lk.perform(A, "request-code", {})
    expect(otp.ok).toBe(true)
    const login = await w.lk.perform(A, "login", { code: otpOf(w.twin, A) })
    const token = (login.data as { token: string }).token
    const post = () =>
      w.http.request("/lk/api/topup", {
        method: "POST",
        headers: {
          "x-twin": "w",
          "content-type": "application/json",
          authorization: `Bearer ${token}`,
          "idempotency-key": "double-click",
        },
        body: JSON.stringify({ amount: 50_000 }),
      })
    const before = sub(w.twin, A).balance
    const rs = await Promise.all([post(), post(), post()])
    expect(rs.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(1)
    for (const r of rs) expect([200, 409]).toContain(r.status)
    expect(sub(w.twin, A).balance).toBe(before + 50_000)
    // Another subscriber's session cannot read the answer under the same key.
    const bad = await w.http.request("/lk/api/topup", {
      method: "POST",
      headers: { "x-twin": "w", "content-type": "application/json", "idempotency-key": "double-click" },
      body: JSON.stringify({ amount: 50_000 }),
    })
    expect(bad.status).toBe(422)
  })

  it("I1: LK form post/redirect/get — top-up answers 303, a reload shows the outcome and pays nothing, a resubmit pays once", async () => {
    const w = setup()
    withSubs(w.twin)
    const b = new Browser(w.http)
    await b.get("/lk/login")
    await b.post("/lk/login/code", { msisdn: A })
    await b.post("/lk/login", { msisdn: A, secret: otpOf(w.twin, A) })
    await b.get("/lk")
    const key = /name="_idem" value="([a-f0-9]{32})"/.exec(b.last)?.[1]
    expect(key).toBeDefined()
    const before = sub(w.twin, A).balance
    const page = await b.post("/lk/topup", { amount: "500", _idem: key as string })
    const redirect = b.redirected
    expect(redirect?.status).toBe(303)
    const location = redirect?.headers.get("location") ?? ""
    expect(location).toMatch(/^\/lk\?flash=[a-f0-9]{32}$/)
    expect(page.status).toBe(200)
    expect(textOf(b.last)).toContain("Платеж на 500,00 руб. зачислен")
    // F5 on the result page repeats the GET only.
    await b.get(location)
    expect(textOf(b.last)).toContain("Платеж на 500,00 руб. зачислен")
    // The same form sent again (back button + submit): the first answer, no second payment.
    b.redirected = null
    await b.post("/lk/topup", { amount: "500", _idem: key as string })
    expect((b.redirected as Response | null)?.headers.get("location")).toBe(location)
    expect((b.redirected as Response | null)?.headers.get("idempotent-replayed")).toBe("true")
    expect(sub(w.twin, A).balance).toBe(before + rub(500))
    expect(ledgerOf(w.twin, A).filter((l) => l.amount === rub(500)).length).toBe(1)
  })

  it("I1: kiosk cash top-up is post/redirect/get with a form key: reload and resubmit pay once", async () => {
    const w = setup()
    withSubs(w.twin)
    const t = w.twin
    const b = new Browser(w.http)
    t.execute({ _tag: "ConnectService", msisdn: A, service: "e-assistant", by: A, via: "lk" })
    await b.get("/kiosk")
    await b.post("/kiosk/order-code", { msisdn: A })
    await b.post("/kiosk/login", { msisdn: A, code: codeFrom(t, A, "6262") })
    expect(textOf(b.last)).toContain("Сервис МТС")
    const key = /name="_idem" value="([a-f0-9]{32})"/.exec(b.last)?.[1] as string
    const before = sub(t, A).balance
    await b.post("/kiosk/topup-cash", { amount: "100", _idem: key })
    const location = b.redirected?.headers.get("location") ?? ""
    expect(location).toMatch(/^\/kiosk\/screen\?flash=/)
    await b.get(location)
    b.redirected = null
    await b.post("/kiosk/topup-cash", { amount: "100", _idem: key })
    expect((b.redirected as Response | null)?.headers.get("idempotent-replayed")).toBe("true")
    expect(sub(t, A).balance).toBe(before + rub(100))
  })
})
