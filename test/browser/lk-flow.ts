// Личный кабинет interactions shared by the browser tests and the screenshot script: a fresh demo
// twin, a subscriber logged in by number on MTS mobile data (R26), pages opened in that twin.
import type { Page } from "playwright-core"
import { NETWORK_IDENTITY_COOKIE } from "../../channels/edge/network.ts"
import { WAIT } from "./console-flow.ts"

/** The served app and its control token (the control API needs it, issue 14). */
export interface Served {
  readonly url: string
  readonly token: string
}

const control = (srv: Served, path: string, body: unknown): Promise<Response> =>
  fetch(`${srv.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${srv.token}` },
    body: JSON.stringify(body),
  })

export const newDemoTwin = async (srv: Served): Promise<string> => {
  const res = await control(srv, "/api/twins", { demo: true, name: "Тест ЛК" })
  return ((await res.json()) as { id: string }).id
}

/** Run one core command through the control API (what another channel or the trainer does). */
export const command = async (srv: Served, twin: string, cmd: Record<string, unknown>): Promise<void> => {
  const res = await control(srv, `/api/twins/${encodeURIComponent(twin)}/commands`, cmd)
  if (!res.ok) throw new Error(`command ${String(cmd._tag)}: HTTP ${res.status} ${await res.text()}`)
}

/** Log `msisdn` into the LK of `twin` in this page (network identification) and open «Мой МТС». */
export const openLk = async (page: Page, srv: Served, twin: string, msisdn: string): Promise<void> => {
  await command(srv, twin, { _tag: "SetNetwork", msisdn, mobileData: true })
  // The handset's network identity, as the operator's gateway would insert it (R26, issue 14).
  const res = await control(srv, `/api/twins/${encodeURIComponent(twin)}/subscribers/${msisdn}/network-identity`, {})
  if (!res.ok) throw new Error(`network identity: HTTP ${res.status} ${await res.text()}`)
  const id = (await res.json()) as { value: string }
  await page.context().addCookies([{ name: NETWORK_IDENTITY_COOKIE, value: id.value, url: srv.url }])
  await page.goto(`${srv.url}/lk/login?twin=${encodeURIComponent(twin)}`)
  await page.click("#by-network summary")
  await page.fill("#msisdn3", msisdn)
  await page.click("form[aria-label='Вход через мобильный интернет МТС'] button[type=submit]")
  await page.waitForSelector("body[data-live-ready] #lk-balance", WAIT)
}

/** [scrollWidth, clientWidth] of the page: equal when there is no horizontal scroll. */
export const widths = async (page: Page): Promise<[number, number]> =>
  (await page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")) as [
    number,
    number,
  ]
