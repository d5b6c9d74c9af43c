// R29: the number of scripted hotline operators is catalog data (channels.hotlineOperators).
import { describe, expect, test } from "vitest"
import { defaultCatalog } from "../../core/catalog/default.ts"
import { CatalogError, indexCatalog, type CatalogIndex } from "../../core/catalog/load.ts"
import { Registry } from "../../core/engine/registry.ts"
import { makeApp } from "../../server/app.ts"
import { OPERATOR_HELLO } from "../../channels/ivr/hotline.ts"
import { addSub, rub, T0 } from "../helpers/twin.ts"

const catalogWith = (hotlineOperators: number): CatalogIndex =>
  indexCatalog({
    ...defaultCatalog,
    auth: { ...defaultCatalog.auth, scryptN: 16 },
    channels: { ...defaultCatalog.channels, hotlineOperators },
  })

const CALLERS = ["79161110031", "79161110032", "79161110033"]

const hotline = (cat: CatalogIndex) => {
  const registry = Registry.open(":memory:", { createDefault: false, catalog: cat })
  const twin = registry.create({ id: "default", seed: "7", demo: false, start: T0 })
  for (const m of CALLERS) addSub(twin, m, "smart", rub(100))
  const app = makeApp({ registry })
  const call = async (msisdn: string): Promise<{ transcript: string[] }> => {
    const res = await app.request("/ivr/calls", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ msisdn, number: "0890" }),
    })
    expect(res.status).toBe(201)
    // The automatic menu first; 0 asks for a specialist.
    const { callId } = (await res.json()) as { callId: string }
    const keys = await app.request(`/ivr/calls/${callId}/dtmf`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ keys: "0" }),
    })
    return (await keys.json()) as { transcript: string[] }
  }
  return { call }
}

describe("R29 hotline operators from the catalog", () => {
  test("R29: the default catalog has one operator; a second caller queues", async () => {
    expect(defaultCatalog.channels.hotlineOperators).toBe(1)
    const h = hotline(catalogWith(1))
    expect((await h.call(CALLERS[0] as string)).transcript).toContain(OPERATOR_HELLO)
    const second = await h.call(CALLERS[1] as string)
    expect(second.transcript).not.toContain(OPERATOR_HELLO)
    expect(second.transcript.join(" ")).toContain("Ваш номер в очереди: 1.")
  })

  test("R29: with two operators two callers are answered at once and the third is first in the queue", async () => {
    const h = hotline(catalogWith(2))
    expect((await h.call(CALLERS[0] as string)).transcript).toContain(OPERATOR_HELLO)
    expect((await h.call(CALLERS[1] as string)).transcript).toContain(OPERATOR_HELLO)
    const third = await h.call(CALLERS[2] as string)
    expect(third.transcript).not.toContain(OPERATOR_HELLO)
    expect(third.transcript.join(" ")).toContain("Ваш номер в очереди: 1.")
  })

  test("R29: a catalog without operators is refused; a stored catalog without the key opens with the default", () => {
    expect(() => catalogWith(0)).toThrow(CatalogError)
    const { hotlineOperators: _, ...legacy } = defaultCatalog.channels
    expect(indexCatalog({ ...defaultCatalog, channels: legacy }).data.channels.hotlineOperators).toBe(1)
  })
})
