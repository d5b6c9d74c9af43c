// «Электронный Помощник» (R27): number, code or «Заказать пароль», menu «Сервис МТС», lockout, refusals.
import { describe, expect, it } from "vitest"
import { HOUR, MINUTE } from "../../core/domain/time.ts"
import { sha256 } from "../../core/rules/secrets.ts"
import { addSub, codeFrom, rub, sub } from "../helpers/twin.ts"
import { A, B, Browser, setup, textOf } from "./web-helpers.ts"

const kioskTwin = () => {
  const w = setup()
  addSub(w.twin, A, "my-mts", rub(1000), { services: ["e-assistant"] })
  addSub(w.twin, B, "corporate", rub(1000))
  return w
}

describe("kiosk «Электронный Помощник»", () => {
  it("R27: enter the number, «Заказать пароль» (code from 6262), «Сервис МТС»: balance, services, tariff, cash top-up", async () => {
    const w = kioskTwin()
    const start = await w.kiosk.perform(A, "start", {})
    expect(start.text).toContain("Введите код доступа или нажмите «Заказать пароль»")
    const order = await w.kiosk.perform(A, "order-code", {})
    expect(order.ok).toBe(true)
    expect(order.text).toContain("6262")
    const login = await w.kiosk.perform(A, "login", { code: codeFrom(w.twin, A, "6262") })
    expect(login.ok).toBe(true)
    expect(login.text).toContain("Сервис МТС")
    const bal = await w.kiosk.perform(A, "balance", {})
    expect(bal.text).toContain("Баланс: 1\u00a0000,00 руб.")
    const svc = await w.kiosk.perform(A, "services", {})
    expect(svc.text).toContain("GOOD'OK")
    expect((await w.kiosk.perform(A, "connect-service", { service: "goodok" })).ok).toBe(true)
    expect(sub(w.twin, A).services).toContain("goodok")
    expect((await w.kiosk.perform(A, "disconnect-service", { service: "goodok" })).ok).toBe(true)
    const tariff = await w.kiosk.perform(A, "change-tariff", { tariff: "super" })
    expect(tariff.ok).toBe(true)
    expect(tariff.text).toContain("Переход на тариф «Супер МТС»")
    expect(sub(w.twin, A).tariff).toBe("super")
    const cash = await w.kiosk.perform(A, "topup-cash", { amount: 200 })
    expect(cash.ok).toBe(true)
    expect(cash.text).toContain("Внесено 200,00 руб.")
    const led = w.twin.log
      .query(A, 0, Number.MAX_SAFE_INTEGER, ["Money"])
      .filter((e) => e.type === "Money" && e.reason === "topup")
    expect(led.some((e) => e.type === "Money" && e.ref === "cash")).toBe(true)
    expect((await w.kiosk.perform(A, "logout", {})).text).toContain("Сеанс завершен")
    expect((await w.kiosk.perform(A, "balance", {})).status).toBe(401)
  })

  it("R27 I6: more than 3 wrong codes block the kiosk service for 24 hours; then the old code works", async () => {
    const w = kioskTwin()
    await w.kiosk.perform(A, "order-code", {})
    const code = codeFrom(w.twin, A, "6262")
    const wrong = code === "000000" ? "111111" : "000000"
    for (let i = 0; i < 3; i++) {
      const r = await w.kiosk.perform(A, "login", { code: wrong })
      expect(r.status).toBe(401)
      expect(r.text).toContain("Неверный код доступа")
    }
    const fourth = await w.kiosk.perform(A, "login", { code: wrong })
    expect(fourth.status).toBe(423)
    expect(fourth.text).toContain("заблокирован на сутки")
    expect((await w.kiosk.perform(A, "login", { code })).status).toBe(423)
    w.twin.advanceBy(24 * HOUR)
    expect((await w.kiosk.perform(A, "login", { code })).ok).toBe(true)
  })

  it("R27: refused on corporate and VIP tariffs and when the service is not connected (core's Russian text)", async () => {
    const w = kioskTwin()
    const corp = await w.kiosk.perform(B, "order-code", {})
    expect(corp.ok).toBe(false)
    expect(corp.text).toContain("не доступна на корпоративных и VIP тарифных планах")
    addSub(w.twin, "79161110009", "smart", rub(100))
    const none = await w.kiosk.perform("79161110009", "order-code", {})
    expect(none.text).toContain("не подключена")
    const login = await w.kiosk.perform("79161110009", "login", { code: "123456" })
    expect(login.ok).toBe(false)
  })

  it("R27: the HTML terminal page walks the same flow with a cookie session and CSRF", async () => {
    const w = kioskTwin()
    const b = new Browser(w.http)
    await b.get("/kiosk")
    expect(textOf(b.last)).toContain("Введите номер телефона")
    await b.post("/kiosk/number", { msisdn: A })
    expect(textOf(b.last)).toContain("Заказать пароль")
    await b.post("/kiosk/order-code", { msisdn: A })
    expect(textOf(b.last)).toContain("Код доступа отправлен")
    const r = await b.post("/kiosk/login", { msisdn: A, code: codeFrom(w.twin, A, "6262") })
    expect(r.status).toBe(200)
    expect(textOf(b.last)).toContain("Сервис МТС")
    await b.get("/kiosk/balance")
    expect(textOf(b.last)).toContain("Баланс: 1 000,00 руб.")
    await b.post("/kiosk/topup-cash", { amount: "100" })
    expect(sub(w.twin, A).balance).toBe(rub(1100))
    await b.post("/kiosk/tariff", { tariff: "smart" })
    expect(textOf(b.last)).toContain("Подтвердить")
    await b.post("/kiosk/tariff", { tariff: "smart", confirmed: "1" })
    expect(sub(w.twin, A).tariff).toBe("smart")
    const forged = await b.post("/kiosk/topup-cash", { amount: "100" }, { csrf: "0".repeat(32) })
    expect(forged.status).toBe(403)
    expect(sub(w.twin, A).balance).toBe(rub(1100) - rub(650))
    await b.post("/kiosk/logout", {})
    expect((await b.get("/kiosk/balance")).status).toBe(401)
  })

  it("R27: the terminal takes a number as 8916…, +7 916… or 916…; menu items are said once, as buttons; viewport set", async () => {
    const local = A.slice(1)
    for (const typed of [
      `8${local}`,
      `+7 ${local.slice(0, 3)} ${local.slice(3, 6)}-${local.slice(6, 8)}-${local.slice(8)}`,
      local,
    ]) {
      const w = kioskTwin()
      const b = new Browser(w.http)
      await b.get("/kiosk")
      expect(b.last).toContain('<meta name="viewport" content="width=device-width, initial-scale=1"/>')
      await b.post("/kiosk/number", { msisdn: typed })
      expect(textOf(b.last), typed).toContain("Заказать пароль")
      await b.post("/kiosk/order-code", { msisdn: A })
      const r = await b.post("/kiosk/login", { msisdn: A, code: codeFrom(w.twin, A, "6262") })
      expect(r.status).toBe(200)
      // «Баланс» appears once: as the button, not again in the screen text above it.
      expect(textOf(b.last).split("Баланс").length - 1, typed).toBe(1)
    }
    // The JSON screen API reads the same formats.
    const w = kioskTwin()
    const res = await w.http.request("/kiosk/api/start", {
      method: "POST",
      headers: { "content-type": "application/json", "x-twin": "w" },
      body: JSON.stringify({ msisdn: `8${local}` }),
    })
    expect(res.status).toBe(200)
  })

  it("R27: the terminal keeps the core's token; 5 minutes without activity (twin time) end the session, activity keeps it", async () => {
    const w = kioskTwin()
    await w.kiosk.perform(A, "order-code", {})
    const login = await w.kiosk.perform(A, "login", { code: codeFrom(w.twin, A, "6262") })
    expect(login.ok).toBe(true)
    const token = (login.data as { token: string }).token
    const core = w.twin.state.sessions.get(sha256(token))
    expect([core?.msisdn, core?.channel]).toEqual([A, "kiosk"])
    w.twin.advanceBy(4 * MINUTE)
    expect((await w.kiosk.perform(A, "balance", {})).ok).toBe(true)
    w.twin.advanceBy(4 * MINUTE)
    expect((await w.kiosk.perform(A, "menu", {})).ok).toBe(true)
    w.twin.advanceBy(5 * MINUTE)
    const idle = await w.kiosk.perform(A, "balance", {})
    expect(idle.status).toBe(401)
    expect(idle.text).toContain("Сеанс завершен из-за бездействия")
    expect(w.twin.state.sessions.has(sha256(token))).toBe(false)
  })

  it("R27 R25: a kiosk token opens neither the LK nor the app; «Выход» ends the core session", async () => {
    const w = kioskTwin()
    await w.kiosk.perform(A, "order-code", {})
    const token = ((await w.kiosk.perform(A, "login", { code: codeFrom(w.twin, A, "6262") })).data as { token: string })
      .token
    const before = { hash: w.twin.hash(), seq: w.twin.state.seq }
    for (const ch of ["lk", "app"]) {
      const r = await w.http.request(`/${ch}/api/balance`, {
        headers: { "x-twin": "w", authorization: `Bearer ${token}` },
      })
      expect(r.status).toBe(401)
      expect(((await r.json()) as { error: { field: string } }).error.field).toBe("channel")
    }
    expect({ hash: w.twin.hash(), seq: w.twin.state.seq }).toEqual(before)
    await w.kiosk.perform(A, "logout", {})
    expect(w.twin.state.sessions.has(sha256(token))).toBe(false)
  })

  it("R27: the HTML terminal page also ends the session after 5 idle minutes", async () => {
    const w = kioskTwin()
    const b = new Browser(w.http)
    await b.get("/kiosk")
    await b.post("/kiosk/order-code", { msisdn: A })
    await b.post("/kiosk/login", { msisdn: A, code: codeFrom(w.twin, A, "6262") })
    expect((await b.get("/kiosk/balance")).status).toBe(200)
    w.twin.advanceBy(5 * MINUTE)
    const r = await b.get("/kiosk/balance")
    expect(r.status).toBe(401)
    expect(textOf(b.last)).toContain("Сеанс завершен из-за бездействия")
    expect(textOf(b.last)).toContain("Введите номер телефона")
  })
})
