// The channel drivers a scenario uses: USSD, IVR and SMS through channels/telephony-driver.ts,
// LK, app and kiosk through channels/web-driver.ts. Both speak HTTP through the run's Fetcher.
import type { Fetcher, TelephonyDriver, WebDriver } from "../channels/driver.ts"
import { makeTelephonyDriver } from "../channels/telephony-driver.ts"
import { makeWebDrivers } from "../channels/web-driver.ts"

export interface Drivers {
  readonly telephony: TelephonyDriver
  readonly web: { readonly lk: WebDriver; readonly app: WebDriver; readonly kiosk: WebDriver }
}

export const makeDrivers = (fetcher: Fetcher, twinId: string): Drivers => ({
  telephony: makeTelephonyDriver(fetcher, twinId),
  web: makeWebDrivers(fetcher, twinId),
})

/** Operation names per web channel, for checking `do:` when a file is loaded. */
export const webOperations = (): Record<"lk" | "app" | "kiosk", readonly string[]> => {
  const d = makeWebDrivers(async () => new Response(null, { status: 503 }), "probe")
  return { lk: d.lk.operations, app: d.app.operations, kiosk: d.kiosk.operations }
}
