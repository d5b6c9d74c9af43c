// LK page forms for transfer (R12), bonus exchange (R13) and one-off packages (R4): the forms
// are on the pages, post with CSRF through the core, and refusals leave the twin unchanged.
import { describe, expect, it } from "vitest"
import { ledgerOf } from "../../core/engine/views.ts"
import { rub, run, sub } from "../helpers/twin.ts"
import { A, B, lkPagesLogin as loggedIn, otpOf, textOf } from "./web-helpers.ts"

describe("LK money forms", () => {
  it("R12: «Перевод на другой номер» sends money with the fee; a transfer above the balance is refused and changes nothing", async () => {
    const { w, b } = await loggedIn()
    await b.get("/lk")
    expect(textOf(b.last)).toContain("Перевод на другой номер")
    expect(textOf(b.last)).toContain("Комиссия 10,00 руб.")
    const ok = await b.post("/lk/transfer", { to: B, amount: "100" })
    expect(ok.status).toBe(200)
    expect(sub(w.twin, A).balance).toBe(rub(2000 - 100 - 10))
    expect(sub(w.twin, B).balance).toBe(rub(500 + 100))
    const hash = w.twin.hash()
    const n = w.twin.log.count()
    const refused = await b.post("/lk/transfer", { to: B, amount: "5000" })
    expect(refused.status).toBe(409)
    expect(textOf(b.last)).toContain("Недостаточно средств для перевода")
    const bad = await b.post("/lk/transfer", { to: "12345", amount: "10" })
    expect(bad.status).toBe(400)
    expect(textOf(b.last)).toContain("Введите номер телефона")
    expect(w.twin.hash()).toBe(hash)
    expect(w.twin.log.count()).toBe(n)
  })

  it("R13: «Бонусы» shows the points and exchanges them for a package", async () => {
    const { w, b } = await loggedIn()
    w.twin.advanceMonths(2) // 2 × 1100 ₽ spent → 220 points
    run(w.twin, { _tag: "TopUp", msisdn: A, amount: rub(3000), method: "card" })
    await b.post("/lk/login/code", { msisdn: A })
    await b.post("/lk/login", { msisdn: A, secret: otpOf(w.twin, A) })
    await b.get("/lk")
    expect(textOf(b.last)).toContain("Накоплено 220 баллов")
    const r = await b.post("/lk/bonuses/exchange", { offer: "bonus-1gb" })
    expect(r.status).toBe(200)
    expect(textOf(b.last)).toContain("Баллы обменяны")
    expect(sub(w.twin, A).bonus).toBe(70)
    expect(sub(w.twin, A).packages.some((p) => p.offer === "bonus-1gb")).toBe(true)
  })

  it("R4: «Услуги» lists one-off packages with prices; «Купить» buys one", async () => {
    const { w, b } = await loggedIn()
    await b.get("/lk/services")
    const t = textOf(b.last)
    expect(t).toContain("Интернет-VIP")
    expect(t).toContain("30 ГБ, 30 дней")
    expect(t).toContain("700,00 руб.")
    const r = await b.post("/lk/packages/buy", { offer: "internet-vip" })
    expect(r.status).toBe(200)
    expect(ledgerOf(w.twin, A).map((e) => [e.reason, e.amount])).toContainEqual(["package-purchase", -rub(700)])
    expect(sub(w.twin, A).packages.some((p) => p.offer === "internet-vip")).toBe(true)
    const missing = await b.post("/lk/packages/buy", { offer: "no-such" })
    expect(missing.status).toBe(404)
  })

  it("the new forms refuse a post without the CSRF token", async () => {
    const { w, b } = await loggedIn()
    const hash = w.twin.hash()
    const r = await b.post("/lk/transfer", { to: B, amount: "100" }, { csrf: null })
    expect(r.status).toBe(403)
    expect(w.twin.hash()).toBe(hash)
  })
})
