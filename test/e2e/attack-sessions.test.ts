// Issue 14, weakness 6 (sessions and CSRF), from the attacker's side: a CSRF token taken from the
// attacker's own page does not work in the victim's session, and a session an attacker holds
// ends when the number's LK locks, its kiosk access is blocked, or its password changes.
import { describe, expect, it } from "vitest"
import { sessionCsrf } from "../../channels/security.ts"
import { onMobileData } from "../helpers/edge.ts"
import { codeFrom, run, sub } from "../helpers/twin.ts"
import { A, B, Browser, json, setup, withSubs } from "./web-helpers.ts"

const loginJson = async (w: ReturnType<typeof setup>, msisdn: string, ch = "lk"): Promise<string> => {
  run(w.twin, { _tag: "SetNetwork", msisdn, mobileData: true })
  const r = await w.http.request(`/${ch}/api/login/network`, json("POST", {}, undefined, onMobileData(w.twin, msisdn)))
  expect(r.status).toBe(200)
  return ((await r.json()) as { token: string }).token
}
const balance = async (w: ReturnType<typeof setup>, token: string, ch = "lk"): Promise<number> =>
  (await w.http.request(`/${ch}/api/balance`, json("GET", undefined, token))).status

describe("issue 14 · weakness 6: CSRF and sessions (attacker's view)", () => {
  it("R25: a CSRF token from the attacker's own LK page is refused in the victim's session (403, nothing stored)", async () => {
    const w = setup()
    withSubs(w.twin)
    for (const m of [A, B]) run(w.twin, { _tag: "SetNetwork", msisdn: m, mobileData: true })
    const attacker = new Browser(w.http)
    await attacker.post("/lk/login/network", { msisdn: B }, { headers: onMobileData(w.twin, B) })
    const stolen = sessionCsrf(attacker.jar.get("lk_session") ?? "")
    const victim = new Browser(w.http)
    await victim.post("/lk/login/network", { msisdn: A }, { headers: onMobileData(w.twin, A) })
    const seq = w.twin.state.seq
    const forged = await victim.post("/lk/topup", { amount: "500" }, { csrf: stolen })
    expect(forged.status).toBe(403)
    // Nor does the pre-login double-submit token, once the victim has a session.
    const pre = await victim.post("/lk/topup", { amount: "500" }, { csrf: victim.jar.get("twin_csrf") ?? "" })
    expect(pre.status).toBe(403)
    expect(w.twin.state.seq).toBe(seq)
    // The victim's own page token works.
    expect((await victim.post("/lk/topup", { amount: "500" })).status).toBe(200)
  })

  it("R24: when the LK login locks after 3 wrong codes, every open session of the number ends (LK, app, pages)", async () => {
    const w = setup()
    withSubs(w.twin)
    const lk = await loginJson(w, A)
    const app = await loginJson(w, A, "app")
    const page = new Browser(w.http)
    await page.post("/lk/login/network", { msisdn: A }, { headers: onMobileData(w.twin, A) })
    expect(await balance(w, lk)).toBe(200)
    for (let i = 0; i < 3; i++) await w.http.request("/lk/api/login", json("POST", { msisdn: A, secret: "0000000" }))
    expect(sub(w.twin, A).auth.lkLocked).toBe(true)
    expect(await balance(w, lk)).toBe(401)
    expect(await balance(w, app, "app")).toBe(401)
    expect((await page.get("/lk")).status).toBe(401)
    expect([...w.twin.state.sessions.values()].filter((s) => s.msisdn === A)).toEqual([])
  })

  it("R23: a password change ends every other session of the number; the one that changed it stays", async () => {
    const w = setup()
    withSubs(w.twin)
    const stolen = await loginJson(w, A) // an attacker's session on the number
    const owner = await loginJson(w, A)
    // R23: the current password (here the SMS password), then the new one twice.
    run(w.twin, { _tag: "RequestOtp", msisdn: A })
    const r = await w.http.request(
      "/lk/api/password",
      json(
        "POST",
        { current: codeFrom(w.twin, A, "3339"), password: "Novyiparol2026", confirm: "Novyiparol2026" },
        owner,
      ),
    )
    expect(r.status).toBe(200)
    expect(await balance(w, stolen)).toBe(401)
    expect(await balance(w, owner)).toBe(200)
  })

  it("R27: when kiosk access is blocked after wrong codes, the number's sessions end (kiosk and LK)", async () => {
    const w = setup()
    withSubs(w.twin)
    run(w.twin, { _tag: "ConnectService", msisdn: A, service: "e-assistant" })
    run(w.twin, { _tag: "RequestKioskCode", msisdn: A })
    const kc = codeFrom(w.twin, A, "6262")
    const kiosk = await w.http.request("/kiosk/api/login", json("POST", { msisdn: A, code: kc }))
    expect(kiosk.status).toBe(200)
    const kt = ((await kiosk.json()) as { token: string }).token
    const lk = await loginJson(w, A)
    const wrong = kc === "000000" ? "111111" : "000000"
    for (let i = 0; i < 4; i++) await w.http.request("/kiosk/api/login", json("POST", { msisdn: A, code: wrong }))
    expect(sub(w.twin, A).auth.kioskLockedUntil).toBeGreaterThan(w.twin.now)
    expect((await w.http.request("/kiosk/api/balance", json("GET", undefined, kt))).status).toBe(401)
    expect(await balance(w, lk)).toBe(401)
  })
})
