// Shared setup for the telephony e2e tests: an app on an in-memory registry, a twin with known
// subscribers, and the telephony driver over app.fetch.
import { Registry } from "../../core/engine/registry.ts"
import type { TwinCore } from "../../core/engine/twin-core.ts"
import { makeApp } from "../../server/app.ts"
import { makeTelephonyDriver } from "../../channels/telephony-driver.ts"
import type { TelephonyDriver } from "../../channels/driver.ts"
import { addSub, fastCatalog, rub, T0 } from "../helpers/twin.ts"

export const OWNER = "79161110001"
export const CORP = "79161110002"
export const CONS = "79161110003"
export const CREDIT = "79161110004"
export const VIP = "79161110005"

export interface Rig {
  app: ReturnType<typeof makeApp>
  twin: TwinCore
  registry: Registry
  drv: TelephonyDriver
}

export const rig = (): Rig => {
  const registry = Registry.open(":memory:", { createDefault: false, catalog: fastCatalog() })
  const twin = registry.create({ id: "default", seed: "7", demo: false, start: T0 })
  addSub(twin, OWNER, "my-mts", rub(2000), { passport: "4510 123456" })
  addSub(twin, CORP, "corporate", rub(1000))
  addSub(twin, CONS, "constructor", rub(800))
  addSub(twin, CREDIT, "smart", rub(-150), { payment: "credit", creditLimit: rub(1000) })
  addSub(twin, VIP, "vip", rub(5000))
  const app = makeApp({ registry })
  const drv = makeTelephonyDriver(async (req) => app.fetch(req), "default")
  return { app, twin, registry, drv }
}

/** The twin's state hash and log length: unchanged means nothing happened (bad-input tests). */
export const fingerprint = (twin: TwinCore): { hash: string; seq: number } => ({
  hash: twin.hash(),
  seq: twin.state.seq,
})

export const postJson = (app: Rig["app"], path: string, body: unknown, headers: Record<string, string> = {}) =>
  app.request(path, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  })

export const postForm = (app: Rig["app"], path: string, fields: Record<string, string>) =>
  app.request(path, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  })
