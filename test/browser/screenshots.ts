// `npx tsx test/browser/screenshots.ts`: docs/console-1280.png and docs/console-1920.png — the
// console mid-demo (LK and app logged in, a top-up, a trip abroad, a USSD balance on screen).
import { mkdirSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { launchChromium } from "./browser.ts"
import { dialUssd, loginAppByNetwork, loginLkBySms, openFreshTwin, topUpInApp, WAIT } from "./console-flow.ts"
import { startConsoleServer } from "./server.ts"

const docs = fileURLToPath(new URL("../../docs/", import.meta.url))
mkdirSync(docs, { recursive: true })
const server = await startConsoleServer()
try {
  for (const size of [{ width: 1280, height: 800 }, { width: 1920, height: 1080 }]) {
    const b = await launchChromium(size)
    const page = await b.context.newPage()
    await openFreshTwin(page, server, "79160000001")
    // Time first (LK/app sessions end after 20 minutes of twin time without activity, R25).
    await page.click("[data-usage='call']")
    await page.selectOption("#location", "TR")
    await page.click("#travel button[type=submit]")
    await page.locator("#sum-location", { hasText: "Турция" }).waitFor(WAIT)
    await page.click("[data-usage='data']")
    await page.locator("#ledger tbody tr", { hasText: "Забугорище" }).first().waitFor(WAIT)
    await page.click("[data-advance-by='1d']")
    await page.locator("#now", { hasText: "02.06.2026" }).waitFor(WAIT)
    await loginLkBySms(page)
    await loginAppByNetwork(page)
    await topUpInApp(page, "300")
    await page.locator("#lk-balance", { hasText: "1 910,00" }).waitFor(WAIT)
    await dialUssd(page, "*100#")
    const out = `${docs}console-${size.width}.png`
    await page.screenshot({ path: out, fullPage: true })
    console.log(`wrote ${out}`)
    await b.close()
  }
} finally {
  await server.close()
}
