// The trainer console in a real browser (headless Chromium via playwright-core, see browser.ts): every channel
// panel drives the same twin and an action in one panel shows up in the others (SSE).
import { fileURLToPath } from "node:url"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Page } from "playwright-core"
import { launchChromium, type Chromium } from "./browser.ts"
import { startConsoleServer, type ConsoleServer } from "./server.ts"
import {
  dialUssd,
  lkFrame,
  loginAppByNetwork,
  loginLkBySms,
  openFreshTwin,
  openWithToken,
  topUpInApp,
  WAIT,
} from "./console-flow.ts"

const EXAMPLE = fileURLToPath(new URL("../../scenarios/examples/zabugorishche.yaml", import.meta.url))

describe("trainer console (browser)", () => {
  let server: ConsoleServer
  let browser: Chromium
  let page: Page
  const problems: string[] = []

  beforeAll(async () => {
    server = await startConsoleServer()
    browser = await launchChromium({ width: 1280, height: 800 })
    page = await browser.context.newPage()
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") problems.push(`console.${m.type()}: ${m.text()}`)
    })
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`))
    page.on("requestfailed", (r) => {
      // EventSource streams are cut when the page navigates or the twin changes: not an error.
      if (!r.url().includes("/stream")) problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ""}`)
    })
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it("issue 14: the console opens only from its first URL (token), keeps it in an HTTP-only cookie, not in the URL", async () => {
    // Its own tab: the refused load is logged by the browser as an error, which is expected here.
    const tab = await browser.context.newPage()
    const refused = await tab.goto(`${server.url}/`)
    expect(refused?.status()).toBe(401)
    expect(await tab.textContent("body")).toContain("токен")
    await openWithToken(tab, server)
    expect(tab.url()).not.toContain("token")
    expect(String(await tab.evaluate("document.cookie"))).not.toContain(server.token)
    expect((await browser.context.cookies()).find((c) => c.name === "twin_control")?.httpOnly).toBe(true)
    await tab.close()
  })

  it("R8/R9 parity: *100# in the phone, top-up in the app, the LK balance follows live", async () => {
    await openFreshTwin(page, server, "79160000002")
    expect(await dialUssd(page, "*100#")).toContain("500,00")

    await loginLkBySms(page)
    expect(await lkFrame(page).locator("#lk-balance").textContent()).toContain("500,00")

    await loginAppByNetwork(page)
    await topUpInApp(page, "250")

    // The LK panel was not touched: the LK page in it notices the top-up and shows it.
    await lkFrame(page).locator("#lk-balance", { hasText: "750,00" }).waitFor(WAIT)
    await page.locator("#sum-balance", { hasText: "750,00" }).waitFor(WAIT)
    expect(await dialUssd(page, "*100#")).toContain("750,00")

    const row = page.locator("#ledger tbody tr").first()
    expect(await row.textContent()).toContain("750,00")
    expect(await page.locator("#chart path").count()).toBe(1)
    expect(await page.locator("#timeline li", { hasText: "пополнение" }).count()).toBeGreaterThan(0)
  })

  it("clock, travel and usage controls act on the twin and show twin time", async () => {
    await openFreshTwin(page, server, "79160000001")
    expect(await page.textContent("#now")).toBe("01.06.2026 09:00")
    await page.click("[data-advance-by='1d']")
    await page.locator("#now", { hasText: "02.06.2026 09:00" }).waitFor(WAIT)
    await page.selectOption("#location", "TR")
    await page.click("#travel button[type=submit]")
    await page.locator("#sum-location", { hasText: "Турция" }).waitFor(WAIT)
    await page.click("[data-usage='call']")
    await page.locator("#timeline li", { hasText: "звонок исходящий" }).first().waitFor(WAIT)
  })

  it("plays the example scenario step by step, highlighting each step's panel", async () => {
    await page.goto(`${server.url}/`)
    await page.waitForSelector("body[data-ready][data-live]", WAIT)
    await page.setInputFiles("#scenario-file", EXAMPLE)
    await page.click("#scenario-load button[type=submit]")
    await page.locator("#scenario-steps li.current").waitFor(WAIT)
    expect(await page.locator("#scenario-steps li").count()).toBe(19)
    expect(await page.inputValue("#twin")).toMatch(/^scenario-/)

    // «next» runs exactly one step. Step 1 is a check: it gets its own pass mark, nothing else runs.
    await page.click("#scenario-next")
    await page.waitForSelector("body[data-scenario='step-1']", WAIT)
    await page.waitForSelector("#scenario-steps li[data-index='1'].passed", WAIT)
    expect(await page.locator("#scenario-steps li.passed").count()).toBe(1)
    expect(await page.getAttribute("#scenario-steps li.current", "data-index")).toBe("2")

    // Step 2 travels: the network controls light up.
    await page.click("#scenario-next")
    await page.waitForSelector("body[data-scenario='step-2']", WAIT)
    await page.waitForSelector("section.controls.active", WAIT)
    await page.locator("#sum-location", { hasText: "Турция" }).waitFor(WAIT)

    await page.click("#scenario-next")
    await page.waitForSelector("body[data-scenario='step-3']", WAIT)
    await page.click("#scenario-next")
    await page.waitForSelector("body[data-scenario='step-4']", WAIT)
    await page.waitForSelector(".clock.active", WAIT)
    await page.locator("#now", { hasText: "02.06.2026" }).waitFor(WAIT)

    await page.click("#scenario-all")
    await page.waitForSelector("body[data-scenario='passed']", WAIT)
    expect(await page.locator("#scenario-steps li.passed").count()).toBe(19)
    expect(await page.textContent("#scenario-title")).toContain("все проверки пройдены")
    // The last step called 111 and pressed 1 1: the IVR panel is highlighted.
    await page.waitForSelector("#sub-ivr.active", WAIT)
    await page.locator("#timeline li", { hasText: "Забугорище" }).first().waitFor(WAIT)
  })

  it("has no horizontal scroll at 1280×800 and 1920×1080", async () => {
    for (const size of [
      { width: 1280, height: 800 },
      { width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize(size)
      await page.goto(`${server.url}/`)
      await page.waitForSelector("body[data-ready][data-live]", WAIT)
      const [scroll, client] = (await page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]",
      )) as [number, number]
      expect(scroll, `${size.width}×${size.height}`).toBeLessThanOrEqual(client)
    }
  })

  it("is keyboard usable: every control is a real, labelled, focusable element", async () => {
    await page.goto(`${server.url}/`)
    await page.waitForSelector("body[data-ready][data-live]", WAIT)
    const unlabelled = (await page.evaluate(`[...document.querySelectorAll("input, select")]
      .filter((el) => el.type !== "hidden" && !(el.labels && el.labels.length > 0) && !el.getAttribute("aria-label"))
      .map((el) => el.id || el.outerHTML.slice(0, 60))`)) as string[]
    expect(unlabelled).toEqual([])
    // Tab from the top reaches the twin picker, then the «new demo twin» button.
    await page.focus("#twin")
    await page.keyboard.press("Tab")
    expect(await page.evaluate("document.activeElement.id")).toBe("new-twin")
    // Dial with the keyboard only.
    await page.focus("#ussd-code")
    await page.keyboard.press("Control+A")
    await page.keyboard.type("*100#")
    await page.keyboard.press("Enter")
    await page.locator("#ussd-screen", { hasText: "Баланс" }).waitFor(WAIT)
  })

  it("logged no console errors, page errors or failed requests", () => {
    expect(problems).toEqual([])
  })
})
