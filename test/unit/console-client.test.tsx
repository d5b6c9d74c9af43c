// The console client (web/client/) as the server ships it: bundled once by esbuild, with every
// module inlined, and fed the app's tab list by the page instead of keeping its own copy.
import { describe, expect, it } from "vitest"
import { APP_TABS, TAB_RU } from "../../channels/app/router.ts"
import { clientBundle } from "../../web/client-bundle.ts"
import { ConsolePage } from "../../web/page.tsx"

describe("console client", () => {
  it("issue 21: the client is bundled once for the browser: one ES module, nothing left to import", async () => {
    const js = await clientBundle()
    expect(js).not.toMatch(/^\s*import\s/m)
    // The entry point's start-up and the core's money formatter are both inside.
    expect(js).toContain("data-ready")
    expect(js).toContain("руб.")
    expect(await clientBundle()).toBe(js)
  })

  it("issue 21: no copy in the client: the app panel's tabs are the app's own table, handed over by the page", () => {
    const html = String(<ConsolePage countries={[]} />)
    const attr = /id="app-body"[^>]*data-tabs="([^"]*)"/.exec(html)?.[1] ?? ""
    const tabs: unknown = JSON.parse(attr.replaceAll("&quot;", '"'))
    expect(tabs).toEqual(APP_TABS.map((id) => ({ id, name: TAB_RU[id] })))
  })
})
