// The Личный кабинет in Chromium: every section fits a 390 px phone without horizontal scroll,
// forms open where they are used, and an open page follows the account live when another channel
// changes it (and returns to the login page when the core ends the session, R25).
import { describe, expect, it } from "vitest"
import { useBrowserSession } from "./session.ts"
import { WAIT } from "./console-flow.ts"
import { command, newDemoTwin, openLk, widths } from "./lk-flow.ts"

const A = "79160000001"

describe("Личный кабинет (browser)", () => {
  const s = useBrowserSession({ viewport: { width: 390, height: 844 } })

  it("R4/R14/R17: every section at 390 px has no horizontal scroll; packages are gauges on the first screen", async () => {
    const twin = await newDemoTwin(s.server)
    await command(s.server, twin, {
      _tag: "Usage",
      msisdn: A,
      usage: { _tag: "call", to: "79031112233", seconds: 300 },
    })
    await openLk(s.page, s.server, twin, A)
    expect(await s.page.locator(".gauge").count()).toBeGreaterThanOrEqual(3)
    for (const path of [
      "/lk",
      "/lk/expenses?period=month",
      "/lk/services",
      "/lk/services/goodok",
      "/lk/tariff",
      "/lk/support",
      "/lk/settings",
      "/lk/linked",
      "/lk/family",
    ]) {
      await s.page.goto(`${s.server.url}${path}${path.includes("?") ? "&" : "?"}twin=${twin}`)
      await s.page.locator("main h1").waitFor(WAIT)
      const [scroll, client] = await widths(s.page)
      expect(scroll, path).toBeLessThanOrEqual(client)
    }
    // «Расходы» is a table with totals; the period switch is there.
    await s.page.goto(`${s.server.url}/lk/expenses?period=month&twin=${twin}`)
    expect(await s.page.locator("table#expenses tbody tr").count()).toBeGreaterThan(0)
    expect(await s.page.locator("#expense-totals .total").count()).toBe(8)
    for (const p of ["за сегодня", "за неделю", "за месяц", "выбрать даты"])
      expect(await s.page.locator(".periods", { hasText: p }).count()).toBe(1)
  })

  it("R11/R19: forms open where they are used; a tile opens a service card; blocking asks first", async () => {
    const twin = await newDemoTwin(s.server)
    await openLk(s.page, s.server, twin, A)
    expect(await s.page.isVisible("#ap-th")).toBe(false)
    await s.page.click("#autopay summary")
    expect(await s.page.isVisible("#ap-th")).toBe(true)
    await s.page.click(".tile[data-service='goodok']")
    await s.page.locator("section[data-service='goodok']").waitFor(WAIT)
    expect(await s.page.textContent("section[data-service='goodok']")).toContain("в сутки")
    await s.page.click("section[data-service='goodok'] button", { timeout: WAIT.timeout })
    await s.page.locator(".notice.ok", { hasText: "подключена" }).waitFor(WAIT)
    await s.page.goto(`${s.server.url}/lk/support?twin=${twin}`)
    await s.page.click("form[aria-label='Заблокировать'] button")
    await s.page.locator("[role=alertdialog]", { hasText: "Заблокировать номер" }).waitFor(WAIT)
    await s.page.locator("[role=alertdialog] a", { hasText: "Отмена" }).click()
    await s.page.locator("form[aria-label='Заблокировать']").waitFor(WAIT)
  })

  it("live: an open LK page shows a top-up made elsewhere without a reload; a clock jump returns it to the login page (R25)", async () => {
    const twin = await newDemoTwin(s.server)
    await openLk(s.page, s.server, twin, A)
    const before = (await s.page.textContent("#lk-balance")) ?? ""
    // A mark on the page: a reload would drop it.
    await s.page.evaluate("document.body.dataset.mark = 'kept'")
    await command(s.server, twin, { _tag: "TopUp", msisdn: A, amount: 12300, method: "cash" })
    const deadline = Date.now() + WAIT.timeout
    while (((await s.page.textContent("#lk-balance")) ?? "") === before) {
      if (Date.now() > deadline) throw new Error("the LK balance did not follow the top-up")
      await s.page.waitForTimeout(100)
    }
    expect(await s.page.getAttribute("body", "data-mark")).toBe("kept")
    expect(await s.page.textContent("#lk-balance")).not.toBe(before)
    await fetch(`${s.server.url}/api/twins/${twin}/advance`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${s.server.token}` },
      body: JSON.stringify({ by: "1d" }),
    })
    await s.page.waitForSelector("body[data-section='login']", WAIT)
    expect(await s.page.textContent(".notice.error")).toContain("Сеанс завершен")
  })

  it("logged no page errors or console errors", () => {
    expect(s.problems).toEqual([])
  })
})
