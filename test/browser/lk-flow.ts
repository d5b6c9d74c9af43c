// Личный кабинет interactions shared by the browser tests and the screenshot script: a fresh demo
// twin, a subscriber logged in by number on MTS mobile data (R26), pages opened in that twin.
import type { Page } from "playwright-core"
import { WAIT } from "./console-flow.ts"

export const newDemoTwin = async (base: string): Promise<string> => {
  const res = await fetch(`${base}/api/twins`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ demo: true, name: "Тест ЛК" }) })
  return ((await res.json()) as { id: string }).id
}

/** Run one core command through the control API (what another channel or the trainer does). */
export const command = async (base: string, twin: string, cmd: Record<string, unknown>): Promise<void> => {
  const res = await fetch(`${base}/api/twins/${encodeURIComponent(twin)}/commands`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(cmd) })
  if (!res.ok) throw new Error(`command ${String(cmd._tag)}: HTTP ${res.status} ${await res.text()}`)
}

/** Log `msisdn` into the LK of `twin` in this page (network identification) and open «Мой МТС». */
export const openLk = async (page: Page, base: string, twin: string, msisdn: string): Promise<void> => {
  await command(base, twin, { _tag: "SetNetwork", msisdn, mobileData: true })
  await page.goto(`${base}/lk/login?twin=${encodeURIComponent(twin)}`)
  await page.click("#by-network summary")
  await page.fill("#msisdn3", msisdn)
  await page.click("form[aria-label='Вход через мобильный интернет МТС'] button[type=submit]")
  await page.waitForSelector("body[data-live-ready] #lk-balance", WAIT)
}

/** [scrollWidth, clientWidth] of the page: equal when there is no horizontal scroll. */
export const widths = async (page: Page): Promise<[number, number]> =>
  (await page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")) as [number, number]
