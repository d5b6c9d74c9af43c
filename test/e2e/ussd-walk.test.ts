// Walks EVERY screen of the USSD tree from every code, for subscribers on different tariffs,
// and checks the screen length rules (80 UCS-2 chars with Cyrillic, 182 GSM-7 otherwise).
import { describe, expect, test } from "vitest"
import { screenSize } from "../../channels/text/screen.ts"
import { codesOf } from "../../channels/ussd/tree.ts"
import { CONS, CORP, CREDIT, OWNER, rig, VIP } from "./ussd-setup.ts"

/** Sample free input for prompts (amounts, numbers, codes). */
const PROMPT_INPUT = "100"
const MAX_DEPTH = 6

describe("USSD screen limits over the whole tree", () => {
  test.each([OWNER, CORP, CONS, CREDIT, VIP])("every screen reachable by %s fits one USSD screen", async (msisdn) => {
    const r = rig()
    const codes = [...codesOf(r.twin).keys()]
    const seen = new Set<string>()
    let screens = 0
    const queue: string[][] = codes.map((c) => c.split("*"))
    while (queue.length > 0) {
      const path = queue.shift() as string[]
      const s = await r.drv.ussdDial(msisdn, `*${path.join("*")}#`)
      screens++
      const size = screenSize(s.text)
      expect(size.length, `${path.join("*")}: ${JSON.stringify(s.text)}`).toBeLessThanOrEqual(size.max)
      expect(s.text.length).toBeGreaterThan(0)
      const key = `${s.end}|${s.text}`
      if (s.end || seen.has(key) || path.length >= MAX_DEPTH + 1) continue
      seen.add(key)
      const keys = [...s.text.matchAll(/^(\d+)>/gm)].map((m) => m[1] as string)
      if (keys.length === 0) queue.push([...path, PROMPT_INPUT])
      for (const k of keys) queue.push([...path, k])
    }
    expect(screens).toBeGreaterThan(60)
  })
})
