// Issue 14, weakness 3, from the attacker's side: `POST /app/api/login/network {"msisdn": B}` used
// to give a session for B whenever B was on mobile data. Now the number comes only from a network
// identity the twin issued to an attached handset (the operator's gateway, header enrichment); a
// request without one, with a forged one, or with another handset's one gets no session and
// changes nothing. Every network login sends the login SMS (R24).
import { describe, expect, it } from "vitest"
import { NETWORK_IDENTITY_HEADER } from "../../channels/edge/network.ts"
import { onMobileData } from "../helpers/edge.ts"
import { lastSms, run } from "../helpers/twin.ts"
import { A, B, Browser, json, setup, textOf, withSubs } from "./web-helpers.ts"

const errOf = async (r: Response) => ((await r.json()) as { error: { code: string; field: string | null } }).error

const victimOnData = () => {
  const w = setup()
  withSubs(w.twin)
  run(w.twin, { _tag: "SetNetwork", msisdn: A, mobileData: true })
  run(w.twin, { _tag: "SetNetwork", msisdn: B, mobileData: true })
  return w
}

describe("issue 14 · weakness 3: forged network login (attacker's view)", () => {
  it("R26: naming the victim's number in the body, with no network identity, gets no session (LK and app)", async () => {
    const w = victimOnData()
    const seq = w.twin.state.seq
    for (const ch of ["lk", "app"]) {
      const r = await w.http.request(`/${ch}/api/login/network`, json("POST", { msisdn: B }))
      expect(r.status).toBe(401)
      const e = await errOf(r)
      expect(e.code).toBe("NETWORK_ID_UNAVAILABLE")
      expect(e.field).toBe(NETWORK_IDENTITY_HEADER)
    }
    expect(w.twin.state.seq).toBe(seq)
    expect(w.twin.state.sessions.size).toBe(0)
  })

  it("R26: a forged identity (victim's number, made-up tag) and the attacker's own identity used for the victim are refused", async () => {
    const w = victimOnData()
    const seq = w.twin.state.seq
    const forged = `${B}.${"A".repeat(43)}`
    const r1 = await w.http.request(
      "/app/api/login/network",
      json("POST", { msisdn: B }, undefined, { [NETWORK_IDENTITY_HEADER]: forged }),
    )
    expect(r1.status).toBe(401)
    // Swap the number in front of a genuine tag of the attacker's own handset.
    const own = w.twin.networkIdentity(A)
    const swapped = `${B}${own.slice(A.length)}`
    const r2 = await w.http.request(
      "/app/api/login/network",
      json("POST", {}, undefined, { [NETWORK_IDENTITY_HEADER]: swapped }),
    )
    expect(r2.status).toBe(401)
    // The attacker's genuine identity with the victim's number in the body.
    const r3 = await w.http.request(
      "/app/api/login/network",
      json("POST", { msisdn: B }, undefined, onMobileData(w.twin, A)),
    )
    expect(r3.status).toBe(403)
    // The LK page's form, forged the same way.
    const b = new Browser(w.http)
    await b.get("/lk/login")
    const r4 = await b.post("/lk/login/network", { msisdn: B }, { headers: { [NETWORK_IDENTITY_HEADER]: forged } })
    expect(r4.status).toBe(401)
    expect(textOf(b.last)).toContain("Автоматический вход доступен только через мобильный интернет МТС")
    expect(w.twin.state.seq).toBe(seq)
    expect(w.twin.state.sessions.size).toBe(0)
  })

  it("R26, R24: the handset's own identity logs it in, and the login SMS is sent even without login notifications", async () => {
    const w = victimOnData()
    const r = await w.http.request("/app/api/login/network", json("POST", {}, undefined, onMobileData(w.twin, A)))
    expect(r.status).toBe(200)
    expect(((await r.json()) as { msisdn: string }).msisdn).toBe(A)
    expect(lastSms(w.twin, A, "MTS")).toMatch(/^Выполнен вход в Личный кабинет МТС/)
    // Off mobile data the same identity no longer logs in (the core's R26 check).
    run(w.twin, { _tag: "SetNetwork", msisdn: A, mobileData: false })
    const off = await w.http.request("/lk/api/login/network", json("POST", {}, undefined, onMobileData(w.twin, A)))
    expect(off.status).toBe(401)
  })

  it("R26: the identity is issued only by the control API, and never for a number the twin does not have", async () => {
    const w = victimOnData()
    const r = await w.http.request(`/api/twins/w/subscribers/${A}/network-identity`, { method: "POST" })
    expect(r.status).toBe(200)
    const body = (await r.json()) as { header: string; value: string }
    expect(body.header).toBe(NETWORK_IDENTITY_HEADER)
    expect(body.value).toBe(w.twin.networkIdentity(A))
    expect(
      (await w.http.request("/api/twins/w/subscribers/79990000000/network-identity", { method: "POST" })).status,
    ).toBe(404)
    // ?browser=1 attaches a browser as the handset: an HTTP-only cookie for the LK page.
    const b = await w.http.request(`/api/twins/w/subscribers/${A}/network-identity?browser=1`, { method: "POST" })
    expect(b.headers.get("set-cookie")).toMatch(/^twin_network_identity=.*HttpOnly.*SameSite=Strict/)
  })
})
