// The trainer console in a real browser (headless Chromium via playwright-core, see browser.ts): every channel
// panel drives the same twin and an action in one panel shows up in the others (SSE).
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { useBrowserSession } from "./session.ts"
import {
  dialUssd,
  lkFrame,
  loginAppByNetwork,
  loginLkBySms,
  openFreshTwin,
  nextStep,
  openWithToken,
  topUpInApp,
  WAIT,
} from "./console-flow.ts"

const EXAMPLE = fileURLToPath(new URL("../../scenarios/examples/zabugorishche.yaml", import.meta.url))

describe("trainer console (browser)", () => {
  const s = useBrowserSession({ consoleTypes: ["error", "warning"], failedRequests: true })

  it("issue 14: the console opens only from its first URL (token), keeps it in an HTTP-only cookie, not in the URL", async () => {
    // Its own tab: the refused load is logged by the browser as an error, which is expected here.
    const tab = await s.browser.context.newPage()
    const refused = await tab.goto(`${s.server.url}/`)
    expect(refused?.status()).toBe(401)
    expect(await tab.textContent("body")).toContain("токен")
    await openWithToken(tab, s.server)
    expect(tab.url()).not.toContain("token")
    expect(String(await tab.evaluate("document.cookie"))).not.toContain(s.server.token)
    expect((await s.browser.context.cookies()).find((c) => c.name === "twin_control")?.httpOnly).toBe(true)
    await tab.close()
  })

  it("R8/R9 parity: *100# in the phone, top-up in the app, the LK balance follows live", async () => {
    await openFreshTwin(s.page, s.server, "79160000002")
    expect(await dialUssd(s.page, "*100#")).toContain("500,00")

    await loginLkBySms(s.page)
    expect(await lkFrame(s.page).locator("#lk-balance").textContent()).toContain("500,00")

    await loginAppByNetwork(s.page)
    await topUpInApp(s.page, "250")

    // The LK panel was not touched: the LK page in it notices the top-up and shows it.
    await lkFrame(s.page).locator("#lk-balance", { hasText: "750,00" }).waitFor(WAIT)
    await s.page.locator("#sum-balance", { hasText: "750,00" }).waitFor(WAIT)
    expect(await dialUssd(s.page, "*100#")).toContain("750,00")

    const row = s.page.locator("#ledger tbody tr").first()
    expect(await row.textContent()).toContain("750,00")
    expect(await s.page.locator("#chart path").count()).toBe(1)
    expect(await s.page.locator("#timeline li", { hasText: "пополнение" }).count()).toBeGreaterThan(0)
  })

  it("clock, travel and usage controls act on the twin and show twin time", async () => {
    await openFreshTwin(s.page, s.server, "79160000001")
    expect(await s.page.textContent("#now")).toBe("01.06.2026 09:00")
    await s.page.click("[data-advance-by='1d']")
    await s.page.locator("#now", { hasText: "02.06.2026 09:00" }).waitFor(WAIT)
    await s.page.selectOption("#location", "TR")
    await s.page.click("#travel button[type=submit]")
    await s.page.locator("#sum-location", { hasText: "Турция" }).waitFor(WAIT)
    await s.page.click("[data-usage='call']")
    await s.page.locator("#timeline li", { hasText: "звонок исходящий" }).first().waitFor(WAIT)
  })

  it("plays the example scenario step by step, highlighting each step's panel", async () => {
    await s.page.goto(`${s.server.url}/`)
    await s.page.waitForSelector("body[data-ready][data-live]", WAIT)
    await s.page.setInputFiles("#scenario-file", EXAMPLE)
    await s.page.click("#scenario-load button[type=submit]")
    await s.page.locator("#scenario-steps li.current").waitFor(WAIT)
    expect(await s.page.locator("#scenario-steps li").count()).toBe(19)
    expect(await s.page.inputValue("#twin")).toMatch(/^scenario-/)

    // «next» runs exactly one step. Step 1 is a check: it gets its own pass mark, nothing else runs.
    await nextStep(s.page, 1)
    await s.page.waitForSelector("#scenario-steps li[data-index='1'].passed", WAIT)
    expect(await s.page.locator("#scenario-steps li.passed").count()).toBe(1)
    expect(await s.page.getAttribute("#scenario-steps li.current", "data-index")).toBe("2")

    // Step 2 travels: the network controls light up.
    await nextStep(s.page, 2)
    await s.page.waitForSelector("section.controls.active", WAIT)
    await s.page.locator("#sum-location", { hasText: "Турция" }).waitFor(WAIT)

    await nextStep(s.page, 3)
    await nextStep(s.page, 4)
    await s.page.waitForSelector(".clock.active", WAIT)
    await s.page.locator("#now", { hasText: "02.06.2026" }).waitFor(WAIT)

    await s.page.click("#scenario-all")
    await s.page.waitForSelector("body[data-scenario='passed']", WAIT)
    expect(await s.page.locator("#scenario-steps li.passed").count()).toBe(19)
    expect(await s.page.textContent("#scenario-title")).toContain("все проверки пройдены")
    // The last step called 111 and pressed 1 1: the IVR panel is highlighted.
    await s.page.waitForSelector("#sub-ivr.active", WAIT)
    await s.page.locator("#timeline li", { hasText: "Забугорище" }).first().waitFor(WAIT)
  })

  it("has no horizontal scroll at 1280×800 and 1920×1080", async () => {
    for (const size of [
      { width: 1280, height: 800 },
      { width: 1920, height: 1080 },
    ]) {
      await s.page.setViewportSize(size)
      await s.page.goto(`${s.server.url}/`)
      await s.page.waitForSelector("body[data-ready][data-live]", WAIT)
      const [scroll, client] = (await s.page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]",
      )) as [number, number]
      expect(scroll, `${size.width}×${size.height}`).toBeLessThanOrEqual(client)
    }
  })

  it("is keyboard usable: every control is a real, labelled, focusable element", async () => {
    await s.page.goto(`${s.server.url}/`)
    await s.page.waitForSelector("body[data-ready][data-live]", WAIT)
    const unlabelled = (await s.page.evaluate(`[...document.querySelectorAll("input, select")]
      .filter((el) => el.type !== "hidden" && !(el.labels && el.labels.length > 0) && !el.getAttribute("aria-label"))
      .map((el) => el.id || el.outerHTML.slice(0, 60))`)) as string[]
    expect(unlabelled).toEqual([])
    // Tab from the top reaches the twin picker, then the «new demo twin» button.
    await s.page.focus("#twin")
    await s.page.keyboard.press("Tab")
    expect(await s.page.evaluate("document.activeElement.id")).toBe("new-twin")
    // Dial with the keyboard only.
    await s.page.focus("#ussd-code")
    await s.page.keyboard.press("Control+A")
    await s.page.keyboard.type("*100#")
    await s.page.keyboard.press("Enter")
    await s.page.locator("#ussd-screen", { hasText: "Баланс" }).waitFor(WAIT)
  })

  it("logged no console errors, page errors or failed requests", () => {
    expect(s.problems).toEqual([])
  })
})
