// Issue 14, weakness 2, from the attacker's side: the code that links another number (R20) used to
// be open to blind guessing (~6,000 tries in 7 minutes, nothing counted). Now 3 wrong codes void
// it, 3 voids within a day refuse linking for a day, a code works once, the linked number gets an
// SMS, and it can see and remove the link itself in its LK, app and USSD.
import { describe, expect, it } from "vitest"
import { DAY } from "../../core/domain/time.ts"
import { onMobileData } from "../helpers/edge.ts"
import { codeFrom, lastSms, run, sub } from "../helpers/twin.ts"
import { A, B, json, setup, withSubs } from "./web-helpers.ts"

const errCode = async (r: Response): Promise<string> => ((await r.json()) as { error: { code: string } }).error.code

/** An LK JSON session of `msisdn` (network login: the handset's own identity). */
const login = async (w: ReturnType<typeof setup>, msisdn: string, ch = "lk"): Promise<string> => {
  run(w.twin, { _tag: "SetNetwork", msisdn, mobileData: true })
  const r = await w.http.request(`/${ch}/api/login/network`, json("POST", {}, undefined, onMobileData(w.twin, msisdn)))
  expect(r.status).toBe(200)
  return ((await r.json()) as { token: string }).token
}

/** Wrong guesses only: a blind attacker who was not lucky (the real code is skipped). */
const wrongGuesses = (real: string, n: number): string[] => {
  const out: string[] = []
  for (let i = 0; out.length < n; i++) {
    const g = String(i).padStart(real.length, "0")
    if (g !== real) out.push(g)
  }
  return out
}

describe("issue 14 · weakness 2: brute force of the link code (attacker's view)", () => {
  it("R20: 3 wrong codes void the code, 3 voids refuse linking for a day: a blind attacker gets 9 guesses a day", async () => {
    const w = setup()
    withSubs(w.twin)
    const token = await login(w, A)
    const codes: string[] = []
    let tries = 0
    for (let round = 0; round < 3; round++) {
      const req = await w.http.request("/lk/api/linked/request", json("POST", { target: B }, token))
      expect(req.status).toBe(200)
      codes.push(codeFrom(w.twin, B, "MTS"))
      const guesses = wrongGuesses(codes[round] as string, 3)
      for (const [i, g] of guesses.entries()) {
        const r = await w.http.request("/lk/api/linked/confirm", json("POST", { target: B, code: g }, token))
        tries++
        if (i < 2) expect(await errCode(r)).toBe("WRONG_CODE")
        else expect(await errCode(r)).toBe(round < 2 ? "CODE_VOID" : "LINK_LOCKED")
      }
      // The voided code is gone: even the right one no longer links.
      const late = await w.http.request(
        "/lk/api/linked/confirm",
        json("POST", { target: B, code: codes[round] }, token),
      )
      expect(await errCode(late)).toBe(round < 2 ? "LINK_NO_REQUEST" : "LINK_LOCKED")
    }
    expect(tries).toBe(9)
    expect(sub(w.twin, A).linked).not.toContain(B)
    // Locked: no new code is sent for a day, and a request is refused with 423.
    const seqBefore = w.twin.state.seq
    const again = await w.http.request("/lk/api/linked/request", json("POST", { target: B }, token))
    expect(again.status).toBe(423)
    expect(await errCode(again)).toBe("LINK_LOCKED")
    expect(w.twin.state.seq).toBe(seqBefore)
    // The lock lapses after a day.
    w.twin.advanceBy(DAY)
    const t2 = await login(w, A)
    expect((await w.http.request("/lk/api/linked/request", json("POST", { target: B }, t2))).status).toBe(200)
  })

  it("R20: a code works once, and the linked number is told by SMS", async () => {
    const w = setup()
    withSubs(w.twin)
    const token = await login(w, A)
    await w.http.request("/lk/api/linked/request", json("POST", { target: B }, token))
    const code = codeFrom(w.twin, B, "MTS")
    expect((await w.http.request("/lk/api/linked/confirm", json("POST", { target: B, code }, token))).status).toBe(200)
    expect(lastSms(w.twin, B, "MTS")).toMatch(/^Ваш номер привязан к Личному кабинету номера .*916 111-00-01/)
    expect((await w.http.request("/lk/api/linked/remove", json("POST", { target: B }, token))).status).toBe(200)
    const replay = await w.http.request("/lk/api/linked/confirm", json("POST", { target: B, code }, token))
    expect(await errCode(replay)).toBe("LINK_NO_REQUEST")
    expect(sub(w.twin, A).linked).not.toContain(B)
  })

  it("R20: the linked number sees the link and removes it itself, in its LK, its app and USSD *111*828# item 4", async () => {
    const w = setup()
    withSubs(w.twin)
    const link = () => {
      run(w.twin, { _tag: "LinkRequest", msisdn: A, target: B })
      run(w.twin, { _tag: "LinkConfirm", msisdn: A, target: B, code: codeFrom(w.twin, B, "MTS") })
      expect(sub(w.twin, A).linked).toContain(B)
    }
    // LK JSON and the app.
    for (const ch of ["lk", "app"]) {
      link()
      const tb = await login(w, B, ch)
      const seen = (await (await w.http.request(`/${ch}/api/linked`, json("GET", undefined, tb))).json()) as {
        linkedBy: string[]
        text: string
      }
      expect(seen.linkedBy).toEqual([A])
      expect(seen.text).toContain("Мой номер привязан к Личному кабинету")
      expect((await w.http.request(`/${ch}/api/linked/leave`, json("POST", { owner: A }, tb))).status).toBe(200)
      expect(sub(w.twin, A).linked).not.toContain(B)
    }
    // USSD.
    link()
    const dial = await w.http.request("/ussd/dial", json("POST", { msisdn: B, code: "*111*828#" }))
    expect(((await dial.json()) as { text: string }).text).toContain("4>Мой номер привязан")
    const list = await w.http.request("/ussd/reply", json("POST", { msisdn: B, text: "4" }))
    expect(((await list.json()) as { text: string }).text).toContain(A)
    const done = await w.http.request("/ussd/reply", json("POST", { msisdn: B, text: "1" }))
    expect(((await done.json()) as { text: string }).text).toContain(`Привязка к ${A} удалена`)
    expect(sub(w.twin, A).linked).not.toContain(B)
    // A stranger can only take out his own number, never someone else's link (I9).
    link()
    const tc = await login(w, "79161110003")
    const r = await w.http.request("/lk/api/linked/leave", json("POST", { owner: A }, tc))
    expect(await errCode(r)).toBe("NOT_LINKED")
    expect(sub(w.twin, A).linked).toContain(B)
  })
})
