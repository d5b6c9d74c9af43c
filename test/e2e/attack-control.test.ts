// Issue 14, weakness 4, from the attacker's side, against a real `twin serve` on loopback: the
// control API (clock, balances, events), the handset side (/sms/inbox, /ussd, /sms/send, /ivr) and
// the console used to answer anyone. Now they need the control token printed at start and kept
// beside the database (0600); a foreign page's text/plain POST, a foreign Origin and a rebinding
// Host are refused; IVR call ids are not guessable.
import { statSync } from "node:fs"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { controlAuth, controlCookie } from "../helpers/edge.ts"
import { serverFixture, type ServerProcess } from "../helpers/server-process.ts"

const fx = serverFixture("twin-attack-")
let s: ServerProcess
beforeAll(async () => {
  s = await fx.start()
}, 60_000)
afterAll(async () => {
  await fx.stop(s, "SIGTERM")
  fx.cleanup()
})

const A = "79160000001"
const post = (path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
  fetch(`${s.origin}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  })
const code = async (r: Response): Promise<string> => ((await r.json()) as { error: { code: string } }).error.code

describe("issue 14 · weakness 4: the control and handset surfaces (attacker's view, real server)", () => {
  it("the token is 32 random bytes, stored beside the database with mode 0600", () => {
    expect(s.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(statSync(`${fx.db}.token`).mode & 0o777).toBe(0o600)
  })

  it("R22, I9: without the token nobody moves the clock, reads events or the inbox, or acts as a number by USSD, SMS or IVR", async () => {
    const before = (await (await fetch(`${s.origin}/api/twins/default`, { headers: controlAuth(s.token) })).json()) as {
      seq: number
    }
    const tries: Array<Promise<Response>> = [
      fetch(`${s.origin}/api/twins`),
      fetch(`${s.origin}/api/twins/default/events`),
      fetch(`${s.origin}/sms/inbox/${A}`),
      post("/api/twins/default/advance", { by: "30d" }),
      post("/api/twins/default/commands", { _tag: "TopUp", msisdn: A, amount: 100_000_00, method: "card" }),
      post("/ussd/dial", { msisdn: A, code: "*100#" }),
      post("/sms/send", { from: A, to: "6262", text: "" }),
      post("/ivr/calls", { msisdn: A, number: "111" }),
      post("/api/twins/default/subscribers/79160000002/network-identity", {}),
      fetch(`${s.origin}/console/twins/default/stream`),
      post("/api/twins/default/commands", {}, { authorization: "Bearer wrong-token-wrong-token-wrong-token-wrong" }),
    ]
    for (const r of await Promise.all(tries)) {
      expect(r.status).toBe(401)
      expect(await code(r)).toBe("CONTROL_TOKEN_REQUIRED")
    }
    const page = await fetch(`${s.origin}/`)
    expect(page.status).toBe(401)
    expect(await page.text()).toContain("токен")
    const after = (await (await fetch(`${s.origin}/api/twins/default`, { headers: controlAuth(s.token) })).json()) as {
      seq: number
    }
    expect(after.seq).toBe(before.seq)
  })

  it("the token opens them: as a bearer header, or as the cookie the console's first URL sets", async () => {
    expect((await fetch(`${s.origin}/api/twins`, { headers: controlAuth(s.token) })).status).toBe(200)
    const first = await fetch(`${s.origin}/?token=${s.token}`, { redirect: "manual" })
    expect(first.status).toBe(303)
    expect(first.headers.get("location")).toBe("/")
    const cookie = first.headers.get("set-cookie") ?? ""
    expect(cookie).toMatch(/^twin_control=/)
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
    const jar = cookie.split(";")[0] ?? ""
    expect((await fetch(`${s.origin}/`, { headers: { cookie: jar } })).status).toBe(200)
    expect((await fetch(`${s.origin}/sms/inbox/${A}`, { headers: { cookie: jar } })).status).toBe(200)
    const dial = await post("/ussd/dial", { msisdn: A, code: "*100#" }, controlCookie(s.token))
    expect(dial.status).toBe(200)
    expect((await fetch(`${s.origin}/?token=not-the-token`, { redirect: "manual" })).status).toBe(401)
  })

  it("a foreign page is refused: text/plain POST (415), foreign Origin (403), cross-site fetch (403), form to JSON (415)", async () => {
    const before = (await (await fetch(`${s.origin}/api/twins/default`, { headers: controlAuth(s.token) })).json()) as {
      seq: number
    }
    const plain = await fetch(`${s.origin}/sms/send`, {
      method: "POST",
      headers: { "content-type": "text/plain", ...controlCookie(s.token) },
      body: JSON.stringify({ from: A, to: "6262", text: "" }),
    })
    expect(plain.status).toBe(415)
    const foreign = await post(
      "/api/twins/default/advance",
      { by: "1d" },
      { origin: "http://attacker.example", ...controlCookie(s.token) },
    )
    expect(foreign.status).toBe(403)
    expect(await code(foreign)).toBe("FOREIGN_ORIGIN")
    const crossSite = await post("/lk/api/otp", { msisdn: A }, { "sec-fetch-site": "cross-site" })
    expect(crossSite.status).toBe(403)
    const form = await fetch(`${s.origin}/lk/api/otp`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `msisdn=${A}`,
    })
    expect(form.status).toBe(415)
    const after = (await (await fetch(`${s.origin}/api/twins/default`, { headers: controlAuth(s.token) })).json()) as {
      seq: number
    }
    expect(after.seq).toBe(before.seq)
  })

  it("DNS rebinding: a request for Host attacker.example is refused even with the token (421)", async () => {
    const { request } = await import("node:http")
    const status = await new Promise<number>((ok, fail) => {
      const req = request(
        {
          host: "127.0.0.1",
          port: s.port,
          path: "/api/twins",
          headers: { host: `attacker.example:${s.port}`, ...controlAuth(s.token) },
        },
        (r) => {
          r.resume()
          ok(r.statusCode ?? 0)
        },
      )
      req.on("error", fail)
      req.end()
    })
    expect(status).toBe(421)
    expect((await fetch(`http://localhost:${s.port}/api/twins`, { headers: controlAuth(s.token) })).status).toBe(200)
  })

  it("IVR call ids cannot be guessed from one's own call", async () => {
    const ids: string[] = []
    for (let i = 0; i < 3; i++) {
      const r = await post("/ivr/calls", { msisdn: A, number: "111" }, controlAuth(s.token))
      expect(r.status).toBe(201)
      ids.push(((await r.json()) as { callId: string }).callId)
    }
    for (const id of ids) expect(id).toMatch(/^call-[0-9a-f]{24}$/)
    expect(new Set(ids).size).toBe(3)
    expect(ids.some((id) => /call-\d+$/.test(id))).toBe(false)
  })

  it("the subscriber surfaces stay open to subscribers without the token (LK code request)", async () => {
    const r = await post("/lk/api/otp", { msisdn: "79160000002" })
    expect(r.status).toBe(200)
  })
})
