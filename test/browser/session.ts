// One browser session for a describe block of the browser tests: the whole app on a loopback
// port (server.ts), a fresh headless Chromium (browser.ts) with one page, and the problems that
// page logged (page errors, console errors, failed requests), which each file's last test
// expects to be none. Registers its own beforeAll/afterAll.
import type { Page } from "playwright-core"
import { afterAll, beforeAll } from "vitest"
import { type Chromium, launchChromium } from "./browser.ts"
import { type ConsoleServer, startConsoleServer } from "./server.ts"

export interface BrowserSessionOptions {
  readonly viewport?: { width: number; height: number }
  /** Console message types that count as problems. */
  readonly consoleTypes?: ReadonlyArray<"error" | "warning">
  /** Console messages the test provokes on purpose (they are not problems). */
  readonly expected?: (text: string) => boolean
  /** Whether a failed request counts (an SSE stream cut by a navigation never does). */
  readonly failedRequests?: boolean
}

export interface BrowserSession {
  readonly server: ConsoleServer
  readonly browser: Chromium
  readonly page: Page
  /** What the page logged that a test did not expect. */
  readonly problems: string[]
}

export const useBrowserSession = (opts: BrowserSessionOptions = {}): BrowserSession => {
  const types: ReadonlyArray<string> = opts.consoleTypes ?? ["error"]
  const problems: string[] = []
  let live: { server: ConsoleServer; browser: Chromium; page: Page } | undefined
  const started = (): NonNullable<typeof live> => {
    if (live === undefined) throw new Error("browser session: used before beforeAll ran")
    return live
  }

  beforeAll(async () => {
    const server = await startConsoleServer()
    const browser = await launchChromium(opts.viewport ?? { width: 1280, height: 800 })
    const page = await browser.context.newPage()
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`))
    page.on("console", (m) => {
      if (types.includes(m.type()) && !(opts.expected?.(m.text()) ?? false))
        problems.push(`console.${m.type()}: ${m.text()}`)
    })
    if (opts.failedRequests === true)
      page.on("requestfailed", (r) => {
        // EventSource streams are cut when the page navigates or the twin changes: not an error.
        if (!r.url().includes("/stream")) problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ""}`)
      })
    live = { server, browser, page }
  })

  afterAll(async () => {
    await live?.browser.close()
    await live?.server.close()
  })

  return {
    get server() {
      return started().server
    },
    get browser() {
      return started().browser
    },
    get page() {
      return started().page
    },
    problems,
  }
}
