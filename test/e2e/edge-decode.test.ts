// The one edge (issue 14): every channel decodes its input with Effect Schema, refuses unknown or
// extra fields naming the field, answers an unknown twin the same way, and maps domain errors to
// HTTP once. An attacker who smuggles a field («by», «balance», «msisdn» of another number) into
// a request gets a 400 that names it, and nothing changes.
import { describe, expect, it } from "vitest"
import { onMobileData } from "../helpers/edge.ts"
import { run } from "../helpers/twin.ts"
import { A, json, setup, withSubs } from "./web-helpers.ts"

const errOf = async (r: Response) =>
  ((await r.json()) as { error: { code: string; field: string | null; message: string } }).error

describe("issue 14 · one edge: strict decoding", () => {
  it("I9: a smuggled field is refused with 400 naming it, on LK, kiosk, control, USSD, SMS and IVR; nothing is stored", async () => {
    const w = setup()
    withSubs(w.twin)
    run(w.twin, { _tag: "SetNetwork", msisdn: A, mobileData: true })
    const login = await w.http.request("/lk/api/login/network", json("POST", {}, undefined, onMobileData(w.twin, A)))
    const { token } = (await login.json()) as { token: string }
    const seq = w.twin.state.seq
    const cases: Array<[string, unknown, string | undefined, string]> = [
      ["/lk/api/topup", { amount: 100, by: "79161110002" }, token, "by"],
      ["/lk/api/promised-payment", { amount: 100, fee: 0 }, token, "fee"],
      ["/lk/api/otp", { msisdn: A, channel: "sms" }, undefined, "channel"],
      ["/kiosk/api/order-code", { msisdn: A, via: "ussd" }, undefined, "via"],
      [
        "/api/twins/w/commands",
        { _tag: "TopUp", msisdn: A, amount: 100, method: "card", balance: 1e9 },
        undefined,
        "balance",
      ],
      ["/ussd/dial", { msisdn: A, code: "*100#", by: "79161110002" }, undefined, "by"],
      ["/sms/send", { from: A, to: "111", text: "баланс", as: "79161110002" }, undefined, "as"],
      ["/ivr/calls", { msisdn: A, number: "111", callerId: "79161110002" }, undefined, "callerId"],
    ]
    for (const [path, body, tok, field] of cases) {
      const r = await w.http.request(path, json("POST", body, tok))
      expect(r.status, path).toBe(400)
      const e = await errOf(r)
      expect(e.code, path).toBe("INVALID_FIELD")
      expect(e.field, path).toBe(field)
      expect(e.message, path).toContain("unknown field")
    }
    expect(w.twin.state.seq).toBe(seq)
  })

  it("a wrong field type names the field from the schema's issue path", async () => {
    const w = setup()
    withSubs(w.twin)
    const r = await w.http.request(
      "/api/twins/w/commands",
      json("POST", { _tag: "TopUp", msisdn: A, amount: "много", method: "card" }),
    )
    expect(r.status).toBe(400)
    expect((await errOf(r)).field).toBe("amount")
  })

  it("an unknown twin gets the same answer on every surface (404 TWIN_NOT_FOUND, field twin)", async () => {
    const w = setup()
    const h = { "x-twin": "nope" }
    for (const [method, path, body] of [
      ["POST", "/lk/api/otp", { msisdn: A }],
      ["POST", "/ussd/dial", { msisdn: A, code: "*100#" }],
      ["POST", "/sms/send", { from: A, to: "111", text: "" }],
      ["GET", "/api/twins/nope", undefined],
    ] as const) {
      const r = await w.http.request(path, json(method, body, undefined, h))
      expect(r.status, path).toBe(404)
      const e = await errOf(r)
      expect([e.code, e.field], path).toEqual(["TWIN_NOT_FOUND", "twin"])
    }
  })
})
