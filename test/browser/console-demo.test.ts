// The trainer console carrying a whole demo in Chromium: the IVR transcript, one-click relogin
// after a clock jump and a reload, a tariff change inside the LK panel, the scenario library
// picker with Russian narration, and a failed scenario shown as failed with its step.
import { describe, expect, it } from "vitest"
import { useBrowserSession } from "./session.ts"
import { lkFrame, loginAppByNetwork, loginLkBySms, nextStep, openFreshTwin, WAIT } from "./console-flow.ts"

/** Poll from Node (the console's CSP forbids a string predicate in the page). */
const until = async (what: string, f: () => Promise<boolean>): Promise<void> => {
  const deadline = Date.now() + WAIT.timeout
  while (!(await f())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

describe("trainer console carries a demo (browser)", () => {
  const s = useBrowserSession({
    // A session the core ended (R25) answers 401, which Chromium logs for the request: expected here.
    expected: (text) => text.includes("status of 401"),
  })

  it("IVR: after 111 → 1 → 1 every prompt is in the transcript once", async () => {
    await openFreshTwin(s.page, s.server, "79160000001")
    await s.page.fill("#ivr-number", "111")
    await s.page.click("#ivr-dial")
    await s.page.locator("#ivr-transcript p.prompt").first().waitFor(WAIT)
    const greeting = (await s.page.locator("#ivr-transcript p.prompt").first().textContent()) ?? ""
    expect(greeting).not.toBe("")
    for (const key of ["1", "1"]) {
      const before = await s.page.locator("#ivr-transcript p").count()
      await s.page.click(`[data-key='${key}']`)
      await until(
        `an answer to ${key}`,
        async () =>
          (await s.page.locator("#ivr-transcript p").count()) > before + 1 ||
          (await s.page.locator("#ivr-transcript p.note", { hasText: "звонок завершен" }).count()) > 0,
      )
    }
    const prompts = await s.page.locator("#ivr-transcript p.prompt").allTextContents()
    expect(prompts.filter((p) => p === greeting)).toHaveLength(1)
    expect(new Set(prompts).size).toBe(prompts.length)
    expect(await s.page.locator("#ivr-transcript p.key").allTextContents()).toEqual(["[1]", "[1]"])
    // The voice option is there (speech synthesis of the prompts, off by default).
    expect(await s.page.isChecked("#ivr-voice")).toBe(false)
  })

  it("R25: after «+1 д» the LK and app panels offer «Войти снова»; one click logs in; a reload remembers them", async () => {
    await openFreshTwin(s.page, s.server, "79160000001")
    await loginLkBySms(s.page)
    await loginAppByNetwork(s.page)
    await s.page.click("[data-advance-by='1d']")
    await s.page.locator("#now", { hasText: "02.06.2026" }).waitFor(WAIT)
    // The core ended both sessions (20 minutes without activity); the panels say so and offer one click.
    await s.page.waitForSelector("body[data-lk='out']", WAIT)
    await s.page.locator("#lk-login", { hasText: "Войти снова" }).waitFor(WAIT)
    await s.page.click("#tab-app")
    await s.page.locator("#app-login", { hasText: "Войти снова" }).waitFor(WAIT)
    await s.page.click("#lk-login")
    await s.page.waitForSelector("body[data-lk='in']", WAIT)
    await lkFrame(s.page).locator("#lk-balance").waitFor(WAIT)
    // The password came by SMS from 3339 and was taken from the inbox on screen.
    expect(await s.page.locator("#sms-inbox li", { hasText: "3339" }).count()).toBeGreaterThan(0)
    await s.page.click("#app-login")
    await s.page.locator("#app-topup").waitFor(WAIT)

    // A reload: the LK session lives on (its cookie), the app remembers it was logged in.
    await s.page.reload()
    await s.page.waitForSelector("body[data-ready][data-live]", WAIT)
    await s.page.waitForSelector("body[data-lk='in']", WAIT)
    await s.page.click("#tab-app")
    await s.page.locator("#app-login", { hasText: "Войти снова" }).waitFor(WAIT)
    await s.page.click("#app-login")
    await s.page.locator("#app-topup").waitFor(WAIT)
  })

  it("R6: a tariff change inside the console's LK panel states the true cost and charges it", async () => {
    await openFreshTwin(s.page, s.server, "79160000001")
    await loginLkBySms(s.page)
    const lk = lkFrame(s.page)
    const before = (await s.page.textContent("#sum-balance")) ?? ""
    await lk.locator("nav.side a", { hasText: "Тариф" }).click()
    await lk.locator("li[data-tariff='smart'] button", { hasText: "Перейти" }).click()
    await lk.locator("#tariff-total").waitFor(WAIT)
    expect(await lk.locator("#tariff-total").textContent()).toBe("650,00 руб.")
    await lk.locator("button", { hasText: "Подтвердить переход" }).click()
    await lk.locator(".notice.ok", { hasText: "Тариф изменен на «Смарт»" }).waitFor(WAIT)
    await s.page.locator("#sum-tariff", { hasText: "«Смарт»" }).waitFor(WAIT)
    expect(await s.page.textContent("#sum-balance")).not.toBe(before)
    // The ledger names the tariff by its catalog name, never by its id.
    await s.page
      .locator("#ledger tbody tr", { hasText: "абонентская плата" })
      .filter({ hasText: "Смарт" })
      .first()
      .waitFor(WAIT)
    expect(await s.page.locator("#ledger tbody", { hasText: "(smart)" }).count()).toBe(0)
  })

  it("R6 R17: the app panel acts too: «Перейти» asks with the amount charged now, services connect", async () => {
    await openFreshTwin(s.page, s.server, "79160000002")
    await loginAppByNetwork(s.page)
    await s.page.click("#app-body [role=tab]:text('Тарифы')")
    await s.page.locator(".app-actions button", { hasText: "Перейти на «Супер МТС»" }).click()
    await s.page.locator(".app-actions .note", { hasText: "Будет списано сейчас" }).waitFor(WAIT)
    await s.page.locator(".app-actions button", { hasText: "Подтвердить" }).click()
    await s.page.locator("#sum-tariff", { hasText: "«Супер МТС»" }).waitFor(WAIT)
    await s.page.click("#app-body [role=tab]:text('Услуги')")
    await s.page.locator(".app-actions button", { hasText: "Подключить «GOOD'OK»" }).click()
    await s.page.locator("#timeline li", { hasText: "Подключена услуга «GOOD'OK»" }).first().waitFor(WAIT)
  })

  it("scenario picker: a library scenario opens, steps read in Russian, each acts in its panel", async () => {
    await s.page.goto(`${s.server.url}/?token=${s.server.token}`)
    await s.page.waitForSelector("body[data-ready][data-live]", WAIT)
    expect(await s.page.locator("#scenario-library option").count()).toBeGreaterThan(20)
    await s.page.selectOption("#scenario-library", "r08-balance-codes.yaml")
    await s.page.click("#scenario-pick button[type=submit]")
    await s.page.locator("#scenario-steps li.current").waitFor(WAIT)
    expect(await s.page.locator("#scenario-steps li").first().textContent()).toContain("Абонент набирает *100#")
    // The twin picker names the scenario, not its id.
    expect(await s.page.locator("#twin option:checked").textContent()).toContain("Проверка счета по USSD")
    await nextStep(s.page, 1)
    // The USSD screen shows what the scenario dialled and what the network answered.
    expect(await s.page.inputValue("#ussd-code")).toBe("*100#")
    await s.page.locator("#ussd-screen", { hasText: "716,92" }).waitFor(WAIT)
    expect(await s.page.textContent("#scenario-now")).toContain("Шаг 1 из")
    await nextStep(s.page, 2)
    expect(await s.page.textContent("#scenario-now")).toContain("Проверка: на экране «716,92»")
    expect(await s.page.textContent("#scenario-now")).toContain("✔")
    await s.page.click("#scenario-all")
    await s.page.waitForSelector("body[data-scenario='passed']", WAIT)
    expect(await s.page.textContent("#scenario-now")).toContain("проверки пройдены")
    // No step reads like YAML or an internal code.
    for (const t of await s.page.locator("#scenario-steps li > span:first-child").allTextContents())
      expect(t).not.toMatch(/^(ussd|sms|ivr|lk|app|kiosk|проверка):|\{|SAME_TARIFF/)
  })

  it("a failed scenario is shown as failed, with the step", async () => {
    await s.page.goto(`${s.server.url}/?token=${s.server.token}`)
    await s.page.waitForSelector("body[data-ready][data-live]", WAIT)
    const yaml = [
      'name: "Баланс, которого нет"',
      "start: 2026-06-01T09:00:00+03:00",
      "seed: 1",
      "subscribers:",
      '  - { msisdn: "79160000009", name: "Проверка", tariff: smart, balance: 100.00 }',
      "steps:",
      '  - ussd: { msisdn: "79160000009", dial: "*100#" }',
      '  - expect: { msisdn: "79160000009", balance: 999.00 }',
    ].join("\n")
    await s.page.setInputFiles("#scenario-file", {
      name: "fail.yaml",
      mimeType: "text/yaml",
      buffer: Buffer.from(yaml),
    })
    await s.page.click("#scenario-load button[type=submit]")
    await s.page.locator("#scenario-steps li.current").waitFor(WAIT)
    await s.page.click("#scenario-all")
    await s.page.waitForSelector("body[data-scenario='failed']", WAIT)
    expect(await s.page.textContent("#scenario-now")).toContain(
      "Сценарий не пройден — шаг 2: Проверка: баланс 999,00 руб.",
    )
    expect(await s.page.getAttribute("#status", "class")).toContain("error")
    expect(await s.page.textContent("#status")).toContain("не пройден")
  })

  it("an SMS reply is not an error; every label is Russian, with no internal ids", async () => {
    await openFreshTwin(s.page, s.server, "79160000001")
    await s.page.fill("#sms-to", "111")
    await s.page.fill("#sms-text", "непонятная команда")
    await s.page.click("#sms-send button[type=submit]")
    await until("the SMS status", async () =>
      ((await s.page.textContent("#status")) ?? "").startsWith("SMS отправлено"),
    )
    expect(await s.page.getAttribute("#status", "class")).not.toContain("error")
    const twinLabels = await s.page.locator("#twin option").allTextContents()
    for (const l of twinLabels) expect(l).not.toMatch(/\((scenario-\d+|twin-\d+|default)\)/)
    expect(await s.page.textContent("#sum-tariff")).not.toMatch(/my-mts|smart/)
  })

  it("logged no page errors or console errors", () => {
    expect(s.problems).toEqual([])
  })
})
