// LK JSON API and its WebDriver: login by SMS code from 3339, sessions, balance, money flows.
import { describe, expect, it } from "vitest"
import { HOUR, MINUTE } from "../../core/domain/time.ts"
import { onMobileData } from "../helpers/edge.ts"
import { lastSms, rub, run, sub } from "../helpers/twin.ts"
import { A, B, json, otpOf, setup, withSubs } from "./web-helpers.ts"

const loggedIn = async () => {
  const w = setup()
  withSubs(w.twin)
  const r = await w.lk.perform(A, "request-code", {})
  expect(r.ok).toBe(true)
  const l = await w.lk.perform(A, "login", { code: otpOf(w.twin, A) })
  expect(l.ok).toBe(true)
  return w
}

describe("LK JSON API", () => {
  it("R22: phone → SMS password from 3339 → login, then balance with «данные на сегодня HH:MM» in twin time", async () => {
    const w = await loggedIn()
    expect(lastSms(w.twin, A, "3339")).toMatch(/Пароль для входа/)
    const b = await w.lk.perform(A, "balance", {})
    expect(b.ok).toBe(true)
    expect(b.text).toContain("Мой баланс 2\u00a0000,00 руб.")
    expect(b.text).toContain("данные на сегодня 09:00")
    expect((b.data as { balance: number }).balance).toBe(rub(2000))
  })

  it("R15: a negative balance shows «Ваш баланс меньше нуля, рекомендуем пополнить» (as on the real LK: -716,92 руб.)", async () => {
    const w = setup()
    w.registry.get("w")
    run(w.twin, { _tag: "CreateSubscriber", msisdn: B, name: "Морозов", tariff: "smart", balance: -71692 })
    run(w.twin, { _tag: "SetNetwork", msisdn: B, mobileData: true })
    const l = await w.lk.perform(B, "login", {})
    expect(l.ok).toBe(true)
    const b = await w.lk.perform(B, "balance", {})
    expect(b.text).toContain("Мой баланс -716,92 руб.")
    expect(b.text).toContain("Ваш баланс меньше нуля, рекомендуем пополнить")
  })

  it("R9: top-up by card from the LK credits the balance; R10 promised payment; R11 autopay by threshold and by date", async () => {
    const w = await loggedIn()
    const t = await w.lk.perform(A, "topup", { amount: 500 })
    expect(t.ok).toBe(true)
    expect(sub(w.twin, A).balance).toBe(rub(2500))
    const p = await w.lk.perform(A, "promised-payment", { amount: 100 })
    expect(p.ok).toBe(true)
    expect(p.text).toContain("Обещанный платеж 100,00 руб.")
    const again = await w.lk.perform(A, "promised-payment", { amount: 50 })
    expect(again.status).toBe(409)
    expect(again.text).toContain("уже есть обещанный платеж")
    const ap = await w.lk.perform(A, "autopay", { mode: "threshold", amount: 300, threshold: 100 })
    expect(ap.ok).toBe(true)
    expect(sub(w.twin, A).autopay).toEqual({ mode: "threshold", threshold: rub(100), amount: rub(300) })
    const ad = await w.lk.perform(A, "autopay", { mode: "date", amount: 200, day: 15 })
    expect(ad.ok).toBe(true)
    expect(sub(w.twin, A).autopay?.mode).toBe("date")
    const off = await w.lk.perform(A, "autopay", { mode: "off" })
    expect(off.ok).toBe(true)
    expect(sub(w.twin, A).autopay).toBeNull()
  })

  it("R25: the session ends after 20 minutes without activity; activity keeps it alive; «Выход» ends it", async () => {
    const w = await loggedIn()
    w.twin.advanceBy(19 * MINUTE)
    expect((await w.lk.perform(A, "balance", {})).ok).toBe(true)
    w.twin.advanceBy(19 * MINUTE)
    expect((await w.lk.perform(A, "balance", {})).ok).toBe(true)
    w.twin.advanceBy(20 * MINUTE)
    const late = await w.lk.perform(A, "balance", {})
    expect(late.status).toBe(401)
    expect(late.text).toContain("бездействия")
    await w.lk.perform(A, "login", { code: otpOf(w.twin, A) })
    const out = await w.lk.perform(A, "logout", {})
    expect(out.ok).toBe(true)
    expect((await w.lk.perform(A, "balance", {})).status).toBe(401)
  })

  it("R24: three wrong codes lock the LK login (423); a new SMS code unlocks", async () => {
    const w = setup()
    withSubs(w.twin)
    await w.lk.perform(A, "request-code", {})
    const r1 = await w.lk.perform(A, "login", { code: "0000x" })
    expect(r1.status).toBe(401)
    await w.lk.perform(A, "login", { code: "0000x" })
    const r3 = await w.lk.perform(A, "login", { code: "0000x" })
    expect(r3.status).toBe(423)
    const r4 = await w.lk.perform(A, "login", { code: otpOf(w.twin, A) })
    expect(r4.status).toBe(423)
    await w.lk.perform(A, "request-code", {})
    expect((await w.lk.perform(A, "login", { code: otpOf(w.twin, A) })).ok).toBe(true)
  })

  it("R23 anti-flood (catalog auth.codeRequestsPerHour, off by default): when on, code requests over it surface as 429", async () => {
    const w = setup({ codeRequestsPerHour: 5 })
    withSubs(w.twin)
    const statuses: number[] = []
    for (let i = 0; i < 6; i++) statuses.push((await w.lk.perform(A, "request-code", {})).status)
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200])
    const last = await w.lk.perform(A, "request-code", {})
    expect(last.status).toBe(429)
    expect(last.error?.field).toBe("msisdn")
    w.twin.advanceBy(HOUR)
    expect((await w.lk.perform(A, "request-code", {})).status).toBe(200)
  })

  it("R26: auto-login on operator mobile data; refused off it", async () => {
    const w = setup()
    withSubs(w.twin)
    const off = await w.lk.perform(A, "login", {})
    expect(off.status).toBe(401)
    expect(off.text).toContain("мобильный интернет МТС")
    run(w.twin, { _tag: "SetNetwork", msisdn: A, mobileData: true })
    expect((await w.lk.perform(A, "login", {})).ok).toBe(true)
  })

  it("R23: permanent password of 8+ letters or digits, set with the current password and the new one twice, then login", async () => {
    const w = await loggedIn()
    const current = otpOf(w.twin, A)
    const weak = await w.lk.perform(A, "set-password", { current, password: "abc" })
    expect(weak.status).toBe(400)
    expect(weak.error?.field).toBe("password")
    expect((await w.lk.perform(A, "set-password", { password: "Parol2026" })).error?.field).toBe("current")
    expect(
      (await w.lk.perform(A, "set-password", { current, password: "Parol2026", confirm: "Parol2027" })).error?.field,
    ).toBe("confirm")
    expect((await w.lk.perform(A, "set-password", { current, password: "Parol2026" })).ok).toBe(true)
    await w.lk.perform(A, "logout", {})
    expect((await w.lk.perform(A, "login", { password: "Parol2026" })).ok).toBe(true)
  })

  it("I9: the bearer token is required and a token of one twin is refused on another twin", async () => {
    const w = setup()
    withSubs(w.twin)
    const r = await w.http.request("/lk/api/balance", json("GET"))
    expect(r.status).toBe(401)
    expect(((await r.json()) as { error: { field: string } }).error.field).toBe("token")
    run(w.twin, { _tag: "SetNetwork", msisdn: A, mobileData: true })
    const login = await w.http.request(
      "/lk/api/login/network",
      json("POST", { msisdn: A }, undefined, onMobileData(w.twin, A)),
    )
    const { token } = (await login.json()) as { token: string }
    expect((await w.http.request("/lk/api/balance", json("GET", undefined, token))).status).toBe(200)
    const other = w.registry.create({ id: "other", seed: "1", demo: false })
    run(other, { _tag: "CreateSubscriber", msisdn: A, name: "Другой", tariff: "smart", balance: 0 })
    const cross = await w.http.request("/lk/api/balance", json("GET", undefined, token, { "x-twin": "other" }))
    expect(cross.status).toBe(401)
  })

  it("driver: R14 expenses, R4 packages, R21 personal data, R2 family invite/remove, R17 services, R20 linked, R12 transfer", async () => {
    const w = await loggedIn()
    run(w.twin, { _tag: "Usage", msisdn: A, usage: { _tag: "call", to: "79990000000", seconds: 30 } })
    expect((await w.lk.perform(A, "expenses", { period: "week" })).text).toContain("Расходы с")
    expect((await w.lk.perform(A, "expenses", { from: "2026-06-01", to: "2026-06-01" })).ok).toBe(true)
    expect((await w.lk.perform(A, "expenses", { period: "year" })).error?.field).toBe("period")
    expect((await w.lk.perform(A, "packages", {})).text).toContain("1499 мин из 1500")
    expect((await w.lk.perform(A, "personal-data", {})).text).toContain("Иванова Мария Петровна")
    const inv = await w.lk.perform(A, "family-invite", { member: B, minutes: 100, sms: 10, data: "2GB" })
    expect(inv.ok).toBe(true)
    expect((await w.lk.perform(A, "family", {})).text).toContain("100 мин, 10 SMS, 2 Гб")
    expect((await w.lk.perform(A, "family-remove", { member: B })).ok).toBe(true)
    expect((await w.lk.perform(A, "services", {})).text).toContain("Подключенные:")
    expect((await w.lk.perform(A, "connect-service", { service: "blacklist" })).ok).toBe(true)
    expect((await w.lk.perform(A, "disconnect-service", { service: "blacklist" })).ok).toBe(true)
    expect((await w.lk.perform(A, "tariffs", {})).text).toContain("«Смарт»")
    expect((await w.lk.perform(A, "linked", {})).text).toContain("Нет привязанных номеров")
    expect((await w.lk.perform(A, "transfer", { to: B, amount: 100 })).ok).toBe(true)
    expect(sub(w.twin, B).balance).toBe(rub(600))
    expect((await w.lk.perform(A, "no-such-op", {})).error?.code).toBe("UNKNOWN_OPERATION")
  })
})
