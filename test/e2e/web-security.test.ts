// Security of the web channels: I9 (a session reaches only its own and confirmed linked numbers),
// bad input (malformed JSON, wrong types, missing fields, huge bodies, <script>, SQL-like strings)
// answered with a clear 4xx naming the field and nothing stored; CSRF; cookies; headers.
import { describe, expect, it } from "vitest"
import { lastSms, rub, run, sub } from "../helpers/twin.ts"
import { onMobileData } from "../helpers/edge.ts"
import { A, B, Browser, C, json, otpOf, setup, textOf, withSubs } from "./web-helpers.ts"

const session = async () => {
  const w = setup()
  withSubs(w.twin)
  run(w.twin, { _tag: "SetNetwork", msisdn: A, mobileData: true })
  const r = await w.http.request(
    "/lk/api/login/network",
    json("POST", { msisdn: A }, undefined, onMobileData(w.twin, A)),
  )
  const { token } = (await r.json()) as { token: string }
  return { w, token }
}

const errOf = async (r: Response) =>
  ((await r.json()) as { error: { code: string; field: string | null; ru: string } }).error

describe("I9 and R20: a session reaches only its own number and confirmed linked ones", () => {
  it("I9: reads and changes of another number are refused (403) with nothing stored, in LK, app and pages", async () => {
    const { w, token } = await session()
    const before = { hash: w.twin.hash(), seq: w.twin.state.seq }
    for (const path of [
      "balance",
      "packages",
      "services",
      "tariffs",
      "personal",
      "bonuses",
      "promised-payment",
      `expenses?period=week`,
    ]) {
      const sep = path.includes("?") ? "&" : "?"
      const r = await w.http.request(`/lk/api/${path}${sep}msisdn=${B}`, json("GET", undefined, token))
      expect(r.status, path).toBe(403)
      expect((await errOf(r)).field, path).toBe("msisdn")
    }
    const writes: Array<[string, unknown]> = [
      ["topup", { amount: 10000, msisdn: B }],
      ["promised-payment", { msisdn: B }],
      ["block", { msisdn: B }],
      ["services/connect", { service: "goodok", msisdn: B }],
      ["tariff", { tariff: "super", confirmed: true, msisdn: B }],
      ["autopay", { mode: "threshold", amount: 10000, threshold: 100, msisdn: B }],
      ["bonuses/exchange", { offer: "bonus-1gb", msisdn: B }],
    ]
    for (const [path, body] of writes) {
      const r = await w.http.request(`/lk/api/${path}`, json("POST", body, token))
      expect(r.status, path).toBe(403)
    }
    // an LK session does not open the app (sessions are bound to the channel that opened them)
    const appR = await w.http.request("/app/api/balance", json("GET", undefined, token))
    expect(appR.status).toBe(401)
    expect(w.twin.hash()).toBe(before.hash)
    expect(w.twin.state.seq).toBe(before.seq)
    expect(sub(w.twin, B).balance).toBe(rub(500))
  })

  it("I9: after «Добавить» with the code sent to the number, the linked number is readable and manageable; unlink revokes", async () => {
    const { w, token } = await session()
    const req = await w.http.request("/lk/api/linked/request", json("POST", { target: B }, token))
    expect(req.status).toBe(200)
    const wrong = await w.http.request("/lk/api/linked/confirm", json("POST", { target: B, code: "abc" }, token))
    expect(wrong.status).toBe(401)
    expect((await w.http.request(`/lk/api/balance?msisdn=${B}`, json("GET", undefined, token))).status).toBe(403)
    const code = /: (\d{4,6})\./.exec(lastSms(w.twin, B, "MTS"))?.[1] ?? ""
    expect((await w.http.request("/lk/api/linked/confirm", json("POST", { target: B, code }, token))).status).toBe(200)
    expect((await w.http.request(`/lk/api/balance?msisdn=${B}`, json("GET", undefined, token))).status).toBe(200)
    expect((await w.http.request("/lk/api/topup", json("POST", { amount: 10000, msisdn: B }, token))).status).toBe(200)
    expect(sub(w.twin, B).balance).toBe(rub(600))
    // linking does not open a third number
    expect((await w.http.request(`/lk/api/balance?msisdn=${C}`, json("GET", undefined, token))).status).toBe(403)
    expect((await w.http.request("/lk/api/linked/remove", json("POST", { target: B }, token))).status).toBe(200)
    expect((await w.http.request(`/lk/api/balance?msisdn=${B}`, json("GET", undefined, token))).status).toBe(403)
  })

  it("I9: the LK page of another number shows «Нет доступа к этому номеру» (403)", async () => {
    const w = setup()
    withSubs(w.twin)
    run(w.twin, { _tag: "SetNetwork", msisdn: A, mobileData: true })
    const b = new Browser(w.http)
    await b.post("/lk/login/network", { msisdn: A }, { headers: onMobileData(w.twin, A) })
    const r = await b.get(`/lk?msisdn=${B}`)
    expect(r.status).toBe(403)
    expect(textOf(b.last)).toContain("Нет доступа к этому номеру")
    const seq = w.twin.state.seq
    const t = await b.post("/lk/topup", { amount: "100", msisdn: B })
    expect(t.status).toBe(403)
    expect(w.twin.state.seq).toBe(seq)
  })
})

describe("bad input: clear 4xx naming the field, nothing stored", () => {
  const unchanged = async (w: ReturnType<typeof setup>, f: () => Promise<void>) => {
    const before = { hash: w.twin.hash(), seq: w.twin.state.seq }
    await f()
    expect(w.twin.hash()).toBe(before.hash)
    expect(w.twin.state.seq).toBe(before.seq)
  }

  it("malformed JSON, wrong types, missing fields, SQL-like strings", async () => {
    const { w, token } = await session()
    await unchanged(w, async () => {
      const cases: Array<[string, unknown, string]> = [
        ["/lk/api/topup", "{not json", "body"],
        ["/lk/api/topup", "[1,2]", "body"],
        ["/lk/api/topup", { amount: "500" }, "amount"],
        ["/lk/api/topup", { amount: 10.5 }, "amount"],
        ["/lk/api/topup", {}, "amount"],
        ["/lk/api/topup", { amount: 500, method: "cash" }, "method"],
        ["/lk/api/topup", { amount: 500, msisdn: "7916' OR '1'='1" }, "msisdn"],
        ["/lk/api/services/connect", { service: "goodok'; DROP TABLE events; --" }, "service"],
        ["/lk/api/tariff", { tariff: 42 }, "tariff"],
        ["/lk/api/autopay", { mode: "weekly", amount: 100 }, "mode"],
        ["/lk/api/family/invite", { member: B, minutes: "many", sms: 1, dataMb: 1 }, "minutes"],
        ["/lk/api/linked/request", { target: "<script>alert(1)</script>" }, "target"],
        ["/lk/api/notifications", { charges: "yes" }, "charges"],
        ["/lk/api/topup", { amount: -500 }, "amount"],
      ]
      for (const [path, body, field] of cases) {
        const r = await w.http.request(path, json("POST", body, token))
        expect(r.status, `${path} ${JSON.stringify(body)}`).toBeGreaterThanOrEqual(400)
        expect(r.status).toBeLessThan(500)
        const e = await errOf(r)
        expect(e.field, `${path} ${JSON.stringify(body)}`).toBe(field)
        expect(e.ru.length).toBeGreaterThan(0)
      }
      const login = await w.http.request("/lk/api/login", json("POST", { msisdn: "79161110001 OR 1=1", secret: "x" }))
      expect(login.status).toBe(400)
      expect((await errOf(login)).field).toBe("msisdn")
      const kiosk = await w.http.request("/kiosk/api/login", json("POST", { msisdn: A }))
      expect((await errOf(kiosk)).field).toBe("code")
      const ctl = await w.http.request("/api/twins/w/usage", json("POST", { msisdn: A, usageType: "fax" }))
      expect((await errOf(ctl)).field).toBe("usageType")
    })
  })

  it("huge bodies are refused with 413 before any handler runs", async () => {
    const { w, token } = await session()
    await unchanged(w, async () => {
      const big = JSON.stringify({ amount: 500, pad: "x".repeat(70 * 1024) })
      const r = await w.http.request("/lk/api/topup", json("POST", big, token))
      expect(r.status).toBe(413)
      expect((await errOf(r)).field).toBe("body")
    })
  })

  it("<script> in a subscriber's name is escaped in the HTML pages", async () => {
    const w = setup()
    run(w.twin, {
      _tag: "CreateSubscriber",
      msisdn: A,
      name: "<script>alert('x')</script> & Co",
      tariff: "smart",
      balance: 0,
    })
    run(w.twin, { _tag: "SetNetwork", msisdn: A, mobileData: true })
    const b = new Browser(w.http)
    await b.post("/lk/login/network", { msisdn: A }, { headers: onMobileData(w.twin, A) })
    await b.get("/lk/settings")
    expect(b.last).not.toContain("<script>")
    expect(b.last).toContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co")
    await b.post("/lk/linked/request", { target: "<script>alert(1)</script>" })
    expect(b.last).not.toContain("<script>alert(1)")
    expect(textOf(b.last)).toContain("Введите номер телефона в формате 7XXXXXXXXXX")
  })
})

describe("web security", () => {
  it("CSRF: a form post without the token or with a wrong one is refused (403) and stores nothing", async () => {
    const w = setup()
    withSubs(w.twin)
    run(w.twin, { _tag: "SetNetwork", msisdn: A, mobileData: true })
    const b = new Browser(w.http)
    await b.get("/lk/login")
    expect(
      (await b.post("/lk/login/network", { msisdn: A }, { csrf: null, headers: onMobileData(w.twin, A) })).status,
    ).toBe(403)
    await b.post("/lk/login/network", { msisdn: A }, { headers: onMobileData(w.twin, A) })
    const seq = w.twin.state.seq
    expect((await b.post("/lk/topup", { amount: "500" }, { csrf: null })).status).toBe(403)
    expect((await b.post("/lk/topup", { amount: "500" }, { csrf: "f".repeat(32) })).status).toBe(403)
    expect(textOf(b.last)).toContain("Страница устарела")
    expect(w.twin.state.seq).toBe(seq)
    expect((await b.post("/lk/topup", { amount: "500" })).status).toBe(200)
  })

  it("security headers, HTTP-only cookies, no inline scripts on the LK and kiosk pages", async () => {
    const w = setup()
    withSubs(w.twin)
    for (const path of ["/lk/login", "/kiosk", "/docs"]) {
      const r = await w.http.request(path, { headers: { "x-twin": "w" } })
      expect(r.status, path).toBe(200)
      expect(r.headers.get("content-security-policy"), path).toContain("script-src 'self'")
      expect(r.headers.get("x-content-type-options")).toBe("nosniff")
      const html = await r.text()
      expect(html, path).not.toMatch(/<script/i)
      expect(html, path).not.toMatch(/ on[a-z]+="/i)
    }
    const r = await w.http.request("/lk/login", { headers: { "x-twin": "w" } })
    expect(r.headers.getSetCookie().join(";")).toMatch(/twin_csrf=[a-f0-9]{32}; Path=\/; HttpOnly; SameSite=Strict/)
  })

  it("R23: the catalog's anti-flood limit on code requests (off by default), when on, is 429 in the LK pages and kiosk", async () => {
    const w = setup({ codeRequestsPerHour: 5 })
    withSubs(w.twin)
    run(w.twin, { _tag: "ConnectService", msisdn: A, service: "e-assistant" })
    for (let i = 0; i < 5; i++) await w.lk.perform(A, "request-code", {})
    const b = new Browser(w.http)
    const r = await b.post("/lk/login/code", { msisdn: A })
    expect(r.status).toBe(429)
    expect(textOf(b.last)).toContain("Слишком много запросов кода")
    expect((await w.kiosk.perform(A, "order-code", {})).status).toBe(429)
    expect(otpOf(w.twin, A)).toMatch(/^\d{4}$/)
  })
})
