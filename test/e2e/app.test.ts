// «Мой МТС» app JSON API: auto-login by network else LK credentials, profiles, tabs, top-up
// methods, autopay, charge notifications.
import { describe, expect, it } from "vitest"
import { lastSms, rub, run, sub } from "../helpers/twin.ts"
import { A, B, otpOf, setup, withSubs } from "./web-helpers.ts"

const onData = () => {
  const w = setup()
  withSubs(w.twin)
  run(w.twin, { _tag: "SetNetwork", msisdn: A, mobileData: true })
  return w
}

describe("«Мой МТС» app", () => {
  it("R26: auto-login by network identification; off MTS data the app uses the LK credentials (SMS code)", async () => {
    const w = onData()
    expect((await w.app.perform(A, "login", {})).ok).toBe(true)
    const off = await w.app.perform(B, "login", {})
    expect(off.status).toBe(401)
    await w.app.perform(B, "request-code", {})
    expect((await w.app.perform(B, "login", { code: otpOf(w.twin, B) })).ok).toBe(true)
    expect((await w.app.perform(B, "balance", {})).text).toContain("Мой баланс 500,00 руб.")
  })

  it("tabs Счет, Тарифы, Интернет, Услуги, Бонусы, Роуминг, Поддержка", async () => {
    const w = onData()
    await w.app.perform(A, "login", {})
    const expected: Record<string, string> = {
      account: "Мой баланс 2\u00a0000,00 руб.",
      tariffs: "Ваш тариф «МЫ МТС»",
      internet: "Интернет-VIP",
      services: "Доступные:",
      bonuses: "Бонусы: 0 баллов",
      roaming: "Вы в домашнем регионе",
      support: "Горячая линия: 0890",
    }
    for (const [tab, text] of Object.entries(expected)) {
      const r = await w.app.perform(A, "tab", { tab })
      expect(r.ok, tab).toBe(true)
      expect(r.text, tab).toContain(text)
    }
    run(w.twin, { _tag: "Travel", msisdn: A, to: "TR" })
    expect((await w.app.perform(A, "tab", { tab: "roaming" })).text).toContain("Вы за границей: Турция")
    const bad = await w.app.perform(A, "tab", { tab: "casino" })
    expect(bad.status).toBe(400)
    expect(bad.error?.field).toBe("tab")
  })

  it("R9: top-up by card, Apple Pay and Google Pay; R11 autopay; R16 charge notifications on/off", async () => {
    const w = onData()
    await w.app.perform(A, "login", {})
    for (const method of ["card", "apple-pay", "google-pay"])
      expect((await w.app.perform(A, "topup", { amount: 100, method })).ok).toBe(true)
    expect(sub(w.twin, A).balance).toBe(rub(2300))
    const refs = w.twin.log
      .query(A, 0, Number.MAX_SAFE_INTEGER, ["Money"])
      .flatMap((e) => (e.type === "Money" && e.reason === "topup" ? [e.ref] : []))
    expect(refs).toEqual(["card", "apple-pay", "google-pay"])
    const cash = await w.app.perform(A, "topup", { amount: 100, method: "cash" })
    expect(cash.status).toBe(400)
    expect(cash.error?.field).toBe("method")
    expect((await w.app.perform(A, "autopay", { mode: "date", amount: 300, day: 5 })).ok).toBe(true)
    expect(sub(w.twin, A).autopay?.mode).toBe("date")
    const on = await w.app.perform(A, "notifications", { charges: true })
    expect(on.text).toContain("Уведомления о списаниях включены")
    expect(sub(w.twin, A).notifyCharges).toBe(true)
    await w.app.perform(A, "notifications", { charges: false })
    expect(sub(w.twin, A).notifyCharges).toBe(false)
  })

  it("R20: several profiles — own and a linked number after the code sent to it; acting on the linked number", async () => {
    const w = onData()
    await w.app.perform(A, "login", {})
    expect((await w.app.perform(A, "link-request", { target: B })).ok).toBe(true)
    const code = /: (\d{4,6})\./.exec(lastSms(w.twin, B, "MTS"))?.[1] ?? ""
    expect((await w.app.perform(A, "link-confirm", { target: B, code })).ok).toBe(true)
    const p = await w.app.perform(A, "profiles", {})
    expect((p.data as { profiles: Array<{ msisdn: string }> }).profiles.map((x) => x.msisdn)).toEqual([A, B])
    expect((await w.app.perform(A, "balance", { msisdn: B })).text).toContain("500,00 руб.")
    expect((await w.app.perform(A, "topup", { amount: 50, msisdn: B })).ok).toBe(true)
    expect(sub(w.twin, B).balance).toBe(rub(550))
  })

  it("R13 bonuses and exchange; R6 tariff change with confirmation through the driver; R19 block", async () => {
    const w = setup()
    withSubs(w.twin)
    run(w.twin, {
      _tag: "CreateSubscriber",
      msisdn: "79161110005",
      name: "Бонус",
      tariff: "smart",
      balance: rub(100),
      bonus: 500,
    })
    run(w.twin, { _tag: "SetNetwork", msisdn: "79161110005", mobileData: true })
    const m = "79161110005"
    await w.app.perform(m, "login", {})
    expect((await w.app.perform(m, "bonuses", {})).text).toContain("500 баллов")
    const ex = await w.app.perform(m, "exchange-bonus", { offer: "bonus-1gb" })
    expect(ex.ok).toBe(true)
    expect(sub(w.twin, m).bonus).toBe(350)
    const ch = await w.app.perform(m, "change-tariff", { tariff: "super" })
    expect(ch.text).toContain("Подтвердите переход")
    expect(ch.text).toContain("Тариф изменен на «Супер МТС»")
    expect((await w.app.perform(m, "block", {})).ok).toBe(true)
    expect((await w.app.perform(m, "unblock", {})).ok).toBe(true)
    expect(w.app.operations).toEqual(
      expect.arrayContaining(["login", "topup", "change-tariff", "profiles", "tab", "family-invite", "personal-data"]),
    )
  })
})
