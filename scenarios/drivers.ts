// The channel drivers a scenario uses (channels/telephony-driver.ts, channels/web-driver.ts).
// Loaded on first use so the language, the network steps and the reports work on their own; a
// channel step names the missing driver instead of failing the whole run.
import type { Fetcher, TelephonyDriver, WebDriver } from "../channels/driver.ts"

export interface Drivers {
  readonly telephony: TelephonyDriver | null
  readonly web: { readonly lk: WebDriver; readonly app: WebDriver; readonly kiosk: WebDriver } | null
  /** Why a driver is missing, for the step that needs it. */
  readonly missing: { readonly telephony?: string; readonly web?: string }
}

type TelephonyFactory = (fetcher: Fetcher, twinId: string) => TelephonyDriver
type WebFactory = (fetcher: Fetcher, twinId: string) => { lk: WebDriver; app: WebDriver; kiosk: WebDriver }

const load = async <T>(file: string, name: string): Promise<T | string> => {
  try {
    const mod: unknown = await import(new URL(file, import.meta.url).href)
    const f = typeof mod === "object" && mod !== null ? (mod as Record<string, unknown>)[name] : undefined
    return typeof f === "function" ? (f as T) : `${file} does not export ${name}`
  } catch (e) {
    return `${file} is not available (${e instanceof Error ? e.message.split("\n")[0] : String(e)})`
  }
}

let factories: Promise<{ tel: TelephonyFactory | string; web: WebFactory | string }> | null = null

const loadFactories = (): Promise<{ tel: TelephonyFactory | string; web: WebFactory | string }> =>
  (factories ??= Promise.all([
    load<TelephonyFactory>("../channels/telephony-driver.ts", "makeTelephonyDriver"),
    load<WebFactory>("../channels/web-driver.ts", "makeWebDrivers"),
  ]).then(([tel, web]) => ({ tel, web })))

export const makeDrivers = async (fetcher: Fetcher, twinId: string): Promise<Drivers> => {
  const { tel, web } = await loadFactories()
  return {
    telephony: typeof tel === "string" ? null : tel(fetcher, twinId),
    web: typeof web === "string" ? null : web(fetcher, twinId),
    missing: { ...(typeof tel === "string" ? { telephony: tel } : {}), ...(typeof web === "string" ? { web } : {}) },
  }
}

/** Operation names per web channel, for checking `do:` when a file is loaded (null: driver missing). */
export const webOperations = async (): Promise<Partial<Record<"lk" | "app" | "kiosk", readonly string[]>> | undefined> => {
  const { web } = await loadFactories()
  if (typeof web === "string") return undefined
  const d = web(async () => new Response(null, { status: 503 }), "probe")
  return { lk: d.lk.operations, app: d.app.operations, kiosk: d.kiosk.operations }
}
