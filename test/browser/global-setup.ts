// Finds the browser once, before any test worker starts: @sparticuz/chromium unpacks its build
// into the temp folder on first use, and two workers unpacking at once would race. Workers
// inherit CHROMIUM_PATH and launch that binary directly.
import { findChromium } from "./browser.ts"

export default async function setup(): Promise<void> {
  const binary = await findChromium()
  process.env.CHROMIUM_PATH = binary.executablePath
  process.env.CHROMIUM_SOURCE = binary.source
  console.log(`browser tests: Chromium from ${binary.source} at ${binary.executablePath}`)
}
