// Debian's Chromium driven by playwright-core (no downloaded browsers), with a fresh profile.
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { chromium, type BrowserContext } from "playwright-core"

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"

const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"]

export interface Chromium {
  readonly context: BrowserContext
  close(): Promise<void>
}

export const launchChromium = async (viewport = { width: 1280, height: 800 }): Promise<Chromium> => {
  const dir = mkdtempSync(join(tmpdir(), "console-chromium-"))
  const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, args: ARGS, headless: true, viewport, locale: "ru-RU" })
  return {
    context,
    close: async () => {
      await context.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
