// Headless Chromium driven by playwright-core, with a fresh profile. No browser is ever
// downloaded: Debian's /usr/bin/chromium when the machine has it (or CHROMIUM_PATH), otherwise
// the Chromium that ships inside the npm package @sparticuz/chromium (a devDependency, so a
// fresh `npm install` is enough to run the browser tests).
import { existsSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { chromium, type BrowserContext } from "playwright-core"

const DEBIAN_CHROMIUM = "/usr/bin/chromium"

// The probe's flags: without the background-networking ones Chromium keeps dialling hosts that
// this closed network refuses.
const BASE_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
]

export interface BrowserBinary {
  readonly executablePath: string
  readonly args: readonly string[]
  /** How it was found, for logs and the closing note. */
  readonly source: "CHROMIUM_PATH" | "debian" | "@sparticuz/chromium"
}

let found: Promise<BrowserBinary> | undefined

const packagedArgs = async (): Promise<string[]> => {
  const { default: packaged } = await import("@sparticuz/chromium")
  return [...new Set([...packaged.args.filter((a) => !a.startsWith("--headless")), ...BASE_ARGS])]
}

/**
 * The Chromium this machine can run, found once per process. The test run's global setup finds
 * it first and hands it to the workers as CHROMIUM_PATH (+ CHROMIUM_SOURCE for the packaged
 * build's own flags).
 */
export const findChromium = (): Promise<BrowserBinary> =>
  (found ??= (async (): Promise<BrowserBinary> => {
    const fromEnv = process.env.CHROMIUM_PATH
    if (fromEnv !== undefined && fromEnv !== "") {
      const packaged = process.env.CHROMIUM_SOURCE === "@sparticuz/chromium"
      return {
        executablePath: fromEnv,
        args: packaged ? await packagedArgs() : BASE_ARGS,
        source: packaged ? "@sparticuz/chromium" : "CHROMIUM_PATH",
      }
    }
    if (existsSync(DEBIAN_CHROMIUM)) return { executablePath: DEBIAN_CHROMIUM, args: BASE_ARGS, source: "debian" }
    // Unpacks its brotli-compressed build into the temp folder on first use (no network).
    const { default: packaged } = await import("@sparticuz/chromium")
    return {
      executablePath: await packaged.executablePath(),
      args: await packagedArgs(),
      source: "@sparticuz/chromium",
    }
  })())

export interface Chromium {
  readonly context: BrowserContext
  readonly binary: BrowserBinary
  close(): Promise<void>
}

export const launchChromium = async (viewport = { width: 1280, height: 800 }): Promise<Chromium> => {
  const binary = await findChromium()
  const dir = mkdtempSync(join(tmpdir(), "console-chromium-"))
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: binary.executablePath,
    args: [...binary.args],
    headless: true,
    viewport,
    locale: "ru-RU",
  })
  return {
    context,
    binary,
    close: async () => {
      await context.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
