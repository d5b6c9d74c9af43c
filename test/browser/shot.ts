// `npx tsx test/browser/shot.ts URL OUT.png [width] [height]`: one full-page screenshot.
import { launchChromium } from "./browser.ts"

const [url = "http://127.0.0.1:8777/", out = "/tmp/console.png", w = "1280", hgt = "800"] = process.argv.slice(2)
const b = await launchChromium({ width: Number(w), height: Number(hgt) })
const page = await b.context.newPage()
page.on("console", (m) => console.log(`[console.${m.type()}] ${m.text()}`))
page.on("pageerror", (e) => console.log(`[pageerror] ${e.message}`))
await page.goto(url)
await page.waitForSelector("body[data-ready]", { timeout: 15_000 })
await page.screenshot({ path: out, fullPage: true })
console.log(
  "scrollWidth",
  await page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]"),
)
await b.close()
