// Issue 16 on the «Электронный Помощник» terminal (R27): «Заказать пароль» during the 24-hour
// block, numbers typed as 8916…, and money written once as «руб.».
import { describe, expect, it } from "vitest"
import { addSub, codeFrom, inbox, rub } from "../helpers/twin.ts"
import { A, Browser, setup, textOf } from "./web-helpers.ts"

const kioskTwin = () => {
  const w = setup()
  addSub(w.twin, A, "my-mts", rub(1000), { services: ["e-assistant"] })
  return w
}

describe("kiosk fidelity (issue 16)", () => {
  it("R27: during the 24-hour block «Заказать пароль» says the service is blocked and until when, and issues no code", async () => {
    const w = kioskTwin()
    await w.kiosk.perform(A, "order-code", {})
    for (let i = 0; i < 4; i++) await w.kiosk.perform(A, "login", { code: "000000" })
    const codes = inbox(w.twin, A).filter((m) => m.from === "6262" && m.text.startsWith("Код доступа")).length
    const r = await w.kiosk.perform(A, "order-code", {})
    expect(r.ok).toBe(false)
    expect(r.error?.code).toBe("KIOSK_LOCKED")
    expect(r.text).toMatch(/заблокирован до \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/)
    expect(r.text).not.toContain("Введите код")
    expect(inbox(w.twin, A).filter((m) => m.from === "6262" && m.text.startsWith("Код доступа")).length).toBe(codes)
  })

  it("R27: the terminal page accepts a number typed as 8 916 … like the LK does; a cash top-up reads «руб.» once", async () => {
    const w = kioskTwin()
    const b = new Browser(w.http)
    await b.get("/kiosk")
    await b.post("/kiosk/number", { msisdn: `8 ${A.slice(1, 4)} ${A.slice(4)}` })
    expect(textOf(b.last)).toContain("Заказать пароль")
    await b.post("/kiosk/order-code", { msisdn: `8${A.slice(1)}` })
    expect(textOf(b.last)).toContain("Код доступа отправлен")
    await b.post("/kiosk/login", { msisdn: `8${A.slice(1)}`, code: codeFrom(w.twin, A, "6262") })
    expect(textOf(b.last)).toContain("Сервис МТС")
    await b.post("/kiosk/topup-cash", { amount: "100" })
    expect(textOf(b.last)).toContain("Внесено 100,00 руб.")
    expect(textOf(b.last)).not.toContain("руб..")
  })
})
