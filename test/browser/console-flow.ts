// Trainer-console interactions shared by the browser tests and the screenshot script.
import type { Page } from "playwright-core"

export const WAIT = { timeout: 15_000 }

/** Open the console's first URL (`?token=`): it sets the control cookie and lands on the console. */
export const openWithToken = async (page: Page, server: { url: string; token: string }): Promise<void> => {
  await page.goto(`${server.url}/?token=${server.token}`)
  await page.waitForSelector("body[data-ready]", WAIT)
}

/** Open the console on a fresh demo twin (isolated from other tests) for `msisdn`. */
export const openFreshTwin = async (
  page: Page,
  server: { url: string; token: string },
  msisdn: string,
): Promise<string> => {
  const res = await fetch(`${server.url}/api/twins`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${server.token}` },
    body: JSON.stringify({ demo: true, name: "Тест консоли" }),
  })
  const twin = (await res.json()) as { id: string }
  await openWithToken(page, server)
  await page.goto(`${server.url}/?twin=${encodeURIComponent(twin.id)}&msisdn=${msisdn}`)
  await page.waitForSelector("body[data-ready][data-live]", WAIT)
  return twin.id
}

export const dialUssd = async (page: Page, code: string): Promise<string> => {
  await page.fill("#ussd-code", code)
  const before = await page.textContent("#ussd-screen")
  await page.click("#ussd-dial button[type=submit]")
  // Poll from Node: a string predicate in the page would be an eval, which the console's CSP forbids.
  const deadline = Date.now() + WAIT.timeout
  for (;;) {
    const t = (await page.textContent("#ussd-screen")) ?? ""
    if (t !== "" && t !== before) return t
    if (Date.now() > deadline)
      throw new Error(`USSD screen did not change after dialling ${code} (still ${JSON.stringify(t)})`)
    await page.waitForTimeout(50)
  }
}

/** The LK panel: the real Личный кабинет in its frame. */
export const lkFrame = (page: Page) => page.frameLocator("#lk-frame")

/** One-click LK login: the console asks for the SMS password and reads it from the inbox on screen (R22). */
export const loginLkBySms = async (page: Page): Promise<void> => {
  await page.click("#lk-login")
  await page.waitForSelector("body[data-lk='in']", WAIT)
  await lkFrame(page).locator("#lk-balance").waitFor(WAIT)
}

/** App login by number on MTS mobile data (R26): switch mobile data on, then «Войти». */
export const loginAppByNetwork = async (page: Page): Promise<void> => {
  if (!(await page.isChecked("#mobile-data"))) {
    await page.check("#mobile-data")
    await page.locator("#timeline li", { hasText: "Мобильный интернет МТС включен" }).first().waitFor(WAIT)
  }
  await page.click("#tab-app")
  await page.click("#app-network")
  await page.locator("#app-topup").waitFor(WAIT)
}

export const topUpInApp = async (page: Page, rubles: string): Promise<void> => {
  await page.click("#tab-app")
  await page.fill("#app-amount", rubles)
  await page.click("#app-topup button[type=submit]")
}

/** «Следующий шаг» of the scenario player: exactly one step runs, and the page says which. */
export const nextStep = async (page: Page, step: number): Promise<void> => {
  await page.click("#scenario-next")
  await page.waitForSelector(`body[data-scenario='step-${step}']`, WAIT)
}
