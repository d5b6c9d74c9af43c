// Issue 16 item 10: the «Мой МТС» app as 003_… describes it (R9, R13, R29): every tab it names,
// the main screen with bonus points and the tariff's price, support by chat and callback, and
// Samsung Pay beside Apple Pay and Google Pay.
import { describe, expect, it } from "vitest"
import { lastSms, run, sub } from "../helpers/twin.ts"
import { A, setup, withSubs } from "./web-helpers.ts"

const app = async () => {
  const w = setup()
  withSubs(w.twin)
  run(w.twin, { _tag: "SetNetwork", msisdn: A, mobileData: true })
  expect((await w.app.perform(A, "login", {})).ok).toBe(true)
  return w
}

describe("«Мой МТС» app tabs (issue 16)", () => {
  it("R13: every tab the document names answers; the main screen shows balance, bonus points and the tariff with its price", async () => {
    const w = await app()
    const titles: Record<string, string> = {
      main: "Мой МТС",
      account: "Счет",
      tariffs: "Ваш тариф",
      internet: "Интернет",
      services: "Подключенные",
      bonuses: "Бонусы",
      roaming: "Роуминг",
      entertainment: "Развлечения",
      support: "Поддержка",
    }
    for (const [tab, title] of Object.entries(titles)) {
      const r = await w.app.perform(A, "tab", { tab })
      expect(r.ok, tab).toBe(true)
      expect(r.text, tab).toContain(title)
    }
    const main = await w.app.perform(A, "tab", { tab: "main" })
    expect(main.text).toContain("Бонусы: 0 баллов")
    expect(main.text).toContain("Тариф «МЫ МТС» — 1\u00a0100,00 руб. в месяц")
    expect((await w.app.perform(A, "tab", { tab: "entertainment" })).text).toContain("KION")
  })

  it("R29: «Поддержка» offers a chat with a specialist and a callback request (confirmed by SMS)", async () => {
    const w = await app()
    const chat = await w.app.perform(A, "support-chat", { text: "Какой у меня баланс?" })
    expect(chat.text).toContain("Специалист МТС: Ваш баланс 2\u00a0000,00 руб.")
    const cb = await w.app.perform(A, "support-callback", {})
    expect(cb.text).toContain("Ваша заявка принята")
    expect(lastSms(w.twin, A, "MTS")).toContain("Мы позвоним Вам в рабочее время")
  })

  it("R9: top-up by Samsung Pay beside Apple Pay and Google Pay; the ledger reads «пополнение через Samsung Pay»", async () => {
    const w = await app()
    for (const method of ["apple-pay", "google-pay", "samsung-pay"])
      expect((await w.app.perform(A, "topup", { amount: 100, method })).ok, method).toBe(true)
    expect(sub(w.twin, A).balance).toBe(200_000 + 30_000)
  })
})
