// Control API for twins: create/list, advance, location, network, usage injection, state,
// TMF654 balance and buckets, TMF635 usage, TMF620 product offerings; existing routes still work.
import { describe, expect, it } from "vitest"
import { rub, sub } from "../helpers/twin.ts"
import { A, json, setup, withSubs } from "./web-helpers.ts"

const post = (body: unknown) => json("POST", body)

describe("control API", () => {
  it("creates and lists twins, advances the clock, runs commands (existing routes keep working)", async () => {
    const w = setup()
    const created = await w.http.request(
      "/api/twins",
      post({ id: "demo2", seed: "9", start: "2026-07-01T10:00:00+03:00", demo: true }),
    )
    expect(created.status).toBe(201)
    const list = (await (await w.http.request("/api/twins")).json()) as { twins: Array<{ id: string }> }
    expect(list.twins.map((t) => t.id)).toEqual(expect.arrayContaining(["w", "demo2"]))
    const adv = await w.http.request("/api/twins/demo2/advance", post({ by: "1d 2h" }))
    expect(((await adv.json()) as { nowIso: string }).nowIso).toBe("2026-07-02T12:00:00+03:00")
    const cmd = await w.http.request(
      "/api/twins/demo2/commands",
      post({ _tag: "TopUp", msisdn: "79160000001", amount: 10000, method: "card" }),
    )
    expect(cmd.status).toBe(200)
    expect((await w.http.request("/api/twins/demo2/subscribers/79160000001/ledger")).status).toBe(200)
    expect((await w.http.request("/api/twins/demo2/events?after=0&limit=5")).status).toBe(200)
  })

  it("R3/R26: sets location and network attachment; R4 injects TMF635 usage and reads it back", async () => {
    const w = setup()
    withSubs(w.twin)
    expect((await w.http.request("/api/twins/w/location", post({ msisdn: A, to: "TR" }))).status).toBe(200)
    expect(sub(w.twin, A).location).toBe("TR")
    expect((await w.http.request("/api/twins/w/location", post({ msisdn: A, to: "home" }))).status).toBe(200)
    expect((await w.http.request("/api/twins/w/network", post({ msisdn: A, mobileData: true }))).status).toBe(200)
    expect(sub(w.twin, A).mobileData).toBe(true)
    const u = await w.http.request(
      "/api/twins/w/usage",
      post({ msisdn: A, usageType: "call", to: "79990001122", seconds: 125 }),
    )
    expect(u.status).toBe(200)
    const d = await w.http.request("/api/twins/w/usage", post({ msisdn: A, usageType: "data", kb: 2048 }))
    expect(d.status).toBe(200)
    const missing = await w.http.request("/api/twins/w/usage", post({ msisdn: A, usageType: "data" }))
    expect(missing.status).toBe(400)
    expect(((await missing.json()) as { error: { field: string } }).error.field).toBe("kb")
    const usage = (await (await w.http.request(`/api/twins/w/tmf635/usage?msisdn=${A}`)).json()) as Array<{
      usageType: string
      usageCharacteristic: Array<{ name: string; value: unknown }>
    }>
    expect(usage.map((x) => x.usageType)).toEqual(["voice", "data"])
    expect(usage[0]?.usageCharacteristic).toContainEqual({ name: "volume", value: 125 })
  })

  it("TMF654 account balance and buckets, TMF620 offerings, and the full state", async () => {
    const w = setup()
    withSubs(w.twin)
    const bal = (await (await w.http.request(`/api/twins/w/tmf654/accountBalance?msisdn=${A}`)).json()) as Array<{
      amount: { amount: number; currency: string }
    }>
    expect(bal[0]?.amount).toEqual({ amount: rub(2000), units: "kopecks", currency: "RUB" })
    const buckets = (await (await w.http.request(`/api/twins/w/tmf654/bucket?msisdn=${A}`)).json()) as Array<{
      usageType: string
      remainedAmount: { amount: number; units: string }
    }>
    expect(buckets.find((b) => b.usageType === "data")?.remainedAmount).toEqual({ amount: 50 * 1024, units: "МБ" })
    expect(buckets.find((b) => b.usageType === "voice")?.remainedAmount.amount).toBe(1500)
    const offers = (await (await w.http.request("/api/twins/w/tmf620/productOffering")).json()) as Array<{
      id: string
      category: Array<{ id: string }>
    }>
    expect(offers.find((o) => o.id === "my-mts")?.category[0]?.id).toBe("tariff")
    expect(offers.find((o) => o.id === "goodok")?.category[0]?.id).toBe("service")
    const state = (await (await w.http.request("/api/twins/w/state")).json()) as {
      hash: string
      subscribers: Array<{ msisdn: string }>
    }
    expect(state.hash).toBe(w.twin.hash())
    expect(state.subscribers).toHaveLength(3)
    expect((await w.http.request("/api/twins/w/tmf654/bucket?msisdn=123")).status).toBe(400)
    expect((await w.http.request("/api/twins/nope/state")).status).toBe(404)
  })
})
