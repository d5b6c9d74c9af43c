// Issue 14, weakness 6 (the rest), from the attacker's side: an outsider cannot tell a subscriber
// from a stranger by the login steps' answers; a passport cannot be computed from the number to
// pass the hotline's identification (R29); a caller who walks away from the 0890 operator does
// not keep the operator from everyone else.
import { describe, expect, it } from "vitest"
import { OPERATOR_HELLO } from "../../channels/ivr/hotline.ts"
import { run } from "../helpers/twin.ts"
import { A, json, setup, withSubs } from "./web-helpers.ts"

const STRANGER = "79169990000"
type Answer = { status: number; code: string | null; text: string }
const answer = async (r: Response, msisdn: string): Promise<Answer> => {
  const o = (await r.json()) as { error?: { code: string } | null; text?: string }
  return {
    status: r.status,
    code: o.error?.code ?? null,
    text: String(o.text ?? "")
      .replaceAll(msisdn.slice(1), "N")
      .replace(/\+7 \d{3} \d{3}-\d{2}-\d{2}/g, "N"),
  }
}

describe("issue 14 · weakness 6: enumeration, passports, abandoned hotline calls (attacker's view)", () => {
  it("R22, R24: LK and app code requests and wrong logins answer a subscriber and a stranger alike, to the lock", async () => {
    for (const ch of ["lk", "app"]) {
      const w = setup()
      withSubs(w.twin)
      const seen: Record<string, Answer[]> = {}
      for (const m of [A, STRANGER]) {
        const out: Answer[] = []
        out.push(await answer(await w.http.request(`/${ch}/api/otp`, json("POST", { msisdn: m })), m))
        for (let i = 0; i < 4; i++)
          out.push(
            await answer(await w.http.request(`/${ch}/api/login`, json("POST", { msisdn: m, secret: "0000000" })), m),
          )
        out.push(await answer(await w.http.request(`/${ch}/api/otp`, json("POST", { msisdn: m })), m))
        seen[m] = out
      }
      expect(seen[STRANGER]).toEqual(seen[A])
      expect(seen[A]?.map((x) => x.status)).toEqual([200, 401, 401, 423, 423, 200])
      expect(w.twin.state.subscribers.has(STRANGER)).toBe(false)
    }
  })

  it("R27: the kiosk answers a stranger as a subscriber without «Электронный Помощник»", async () => {
    const w = setup()
    withSubs(w.twin)
    for (const [path, extra] of [
      ["/kiosk/api/order-code", {}],
      ["/kiosk/api/login", { code: "123456" }],
    ] as const) {
      const a = await answer(await w.http.request(path, json("POST", { msisdn: A, ...extra })), A)
      const s = await answer(await w.http.request(path, json("POST", { msisdn: STRANGER, ...extra })), STRANGER)
      expect(s).toEqual(a)
      expect(a.code).toBe("KIOSK_NOT_CONNECTED")
    }
  })

  it("R29: a passport computed from the number (the old demo rule) does not identify the caller at 0890", async () => {
    const w = setup()
    run(w.twin, { _tag: "CreateSubscriber", msisdn: A, name: "Иванова Мария Петровна", tariff: "smart", balance: 0 })
    const real = w.twin.state.subscribers.get(A)?.passport ?? ""
    const guessed = `45${A.slice(-2)}${A.slice(-6)}`
    expect(real.replace(/\s/g, "")).not.toBe(guessed)
    const call = (await (await w.http.request("/ivr/calls", json("POST", { msisdn: A, number: "0890" }))).json()) as {
      callId: string
    }
    // The specialist (0), then a sensitive action (7): the passport is asked.
    const keys = async (k: string) =>
      (await (await w.http.request(`/ivr/calls/${call.callId}/dtmf`, json("POST", { keys: k }))).json()) as {
        identified: boolean
        said: string[]
      }
    await keys("0")
    await keys("7")
    const r = await keys(`${guessed}#`)
    expect(r.identified).toBe(false)
    expect(r.said[0]).toContain("Данные паспорта не совпадают")
  })

  it("R29: a caller who walks away from the operator is cut off by the digit timeouts, and the next caller gets the operator", async () => {
    const w = setup()
    withSubs(w.twin)
    const call = async (m: string) =>
      (
        (await (await w.http.request("/ivr/calls", json("POST", { msisdn: m, number: "0890" }))).json()) as {
          callId: string
        }
      ).callId
    const toSpecialist = async (id: string) =>
      (await (await w.http.request(`/ivr/calls/${id}/dtmf`, json("POST", { keys: "0" }))).json()) as { said: string[] }
    const first = await call(A)
    expect((await toSpecialist(first)).said[0]).toBe(OPERATOR_HELLO)
    const second = await call("79161110002")
    expect((await toSpecialist(second)).said.join(" ")).toContain("Все операторы заняты")
    // The first caller never presses a key nor hangs up; twin time moves on.
    w.twin.advanceBy(30_000)
    const later = (await (await w.http.request(`/ivr/calls/${second}`, json("GET"))).json()) as { said: string[] }
    expect(later.said[0]).toBe(OPERATOR_HELLO)
    const gone = (await (await w.http.request(`/ivr/calls/${first}`, json("GET"))).json()) as { end: boolean }
    expect(gone.end).toBe(true)
  })
})
