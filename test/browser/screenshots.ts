// `npx tsx test/browser/screenshots.ts`: the pictures in docs/ —
//   console-1280.png, console-1920.png  the console mid-demo (a library scenario half played, the LK
//                                       and app logged in, a USSD balance and an IVR call on screen);
//   lk-1280.png, lk-390.png             the Личный кабинет home on a desktop and a phone;
//   kiosk.png                           the «Электронный Помощник» menu;
//   scenario-report.png                 the HTML report of `twin run --html` for a library scenario.
import { execFileSync } from "node:child_process"
import { mkdirSync, mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { launchChromium } from "./browser.ts"
import { dialUssd, loginAppByNetwork, loginLkBySms, nextStep, WAIT } from "./console-flow.ts"
import { command, newDemoTwin, openLk } from "./lk-flow.ts"
import { startConsoleServer } from "./server.ts"

const root = fileURLToPath(new URL("../../", import.meta.url))
const docs = join(root, "docs")
mkdirSync(docs, { recursive: true })
const LIBRARY = "r03-zabugorishche-trip.yaml"

const server = await startConsoleServer()
try {
  for (const size of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ]) {
    const b = await launchChromium(size)
    const page = await b.context.newPage()
    await page.goto(`${server.url}/`)
    await page.waitForSelector("body[data-ready][data-live]", WAIT)
    await page.selectOption("#scenario-library", LIBRARY)
    await page.click("#scenario-pick button[type=submit]")
    await page.locator("#scenario-steps li.current").waitFor(WAIT)
    for (let i = 1; i <= 6; i++) {
      await nextStep(page, i)
    }
    await loginLkBySms(page)
    await loginAppByNetwork(page)
    await dialUssd(page, "*100#")
    await page.fill("#ivr-number", "111")
    await page.click("#ivr-dial")
    await page.locator("#ivr-transcript p.prompt").first().waitFor(WAIT)
    await page.click("[data-key='1']")
    await page.waitForTimeout(300)
    await page.click("#tab-steps")
    const out = join(docs, `console-${size.width}.png`)
    await page.screenshot({ path: out })
    console.log(`wrote ${out}`)
    await b.close()
  }

  const twin = await newDemoTwin(server)
  await command(server, twin, { _tag: "BuyPackage", msisdn: "79160000001", offer: "internet-vip" })
  await command(server, twin, { _tag: "Usage", msisdn: "79160000001", usage: { _tag: "data", kb: 60 * 1024 * 1024 } })
  await command(server, twin, {
    _tag: "Usage",
    msisdn: "79160000001",
    usage: { _tag: "call", to: "79031112233", seconds: 1500 },
  })
  for (const size of [
    { width: 1280, height: 900 },
    { width: 390, height: 844 },
  ]) {
    const b = await launchChromium(size)
    const page = await b.context.newPage()
    await openLk(page, server, twin, "79160000001")
    const out = join(docs, `lk-${size.width}.png`)
    await page.screenshot({ path: out, fullPage: true })
    console.log(`wrote ${out}`)
    await b.close()
  }

  {
    const b = await launchChromium({ width: 1024, height: 768 })
    const page = await b.context.newPage()
    await page.goto(`${server.url}/kiosk?twin=${encodeURIComponent(twin)}`)
    await page.fill("#msisdn", "8 916 000-00-01")
    await page.click("button[type=submit]")
    await page.click("form[action^='/kiosk/order-code'] button")
    const inbox = (await (
      await fetch(`${server.url}/api/twins/${encodeURIComponent(twin)}/subscribers/79160000001/inbox`, {
        headers: { authorization: `Bearer ${server.token}` },
      })
    ).json()) as { inbox: Array<{ from: string; text: string }> }
    const code = /(\d{4,8})/.exec(inbox.inbox.filter((m) => m.from === "6262").pop()?.text ?? "")?.[1] ?? ""
    await page.fill("#code", code)
    await page.click("form[action^='/kiosk/login'] button")
    await page.waitForSelector("body[data-screen='menu']", WAIT)
    const out = join(docs, "kiosk.png")
    await page.screenshot({ path: out })
    console.log(`wrote ${out}`)
    await b.close()
  }
} finally {
  await server.close()
}

{
  const dir = mkdtempSync(join(tmpdir(), "twin-report-"))
  const html = join(dir, "report.html")
  try {
    execFileSync(process.execPath, ["bin/twin.mjs", "run", `scenarios/library/${LIBRARY}`, "--html", html], {
      stdio: "ignore",
      cwd: root,
    })
  } catch {
    // A failing scenario still writes its report; the picture shows whatever the report says.
  }
  const b = await launchChromium({ width: 1280, height: 900 })
  const page = await b.context.newPage()
  await page.goto(`file://${html}`)
  // Open the timeline of the run, so the picture shows the steps too.
  await page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true })")
  const out = join(docs, "scenario-report.png")
  await page.screenshot({ path: out, fullPage: true })
  console.log(`wrote ${out}`)
  await b.close()
}
