// I8 Channel parity: generated journeys run through the real channel adapters where a channel
// offers the action (LK top-up/block/services/packages, SMS consent and kiosk code requests), the
// network and the clock through the core; parity steps read the balance through USSD, IVR, LK,
// app and kiosk, which must all show the same value. Every other checker runs too.
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { ALL_INVARIANTS, channelExecutor, checkJourneys, KNOWN, type Step } from "../../qa/index.ts"

describe("I8 channel parity", () => {
  it("I8: USSD, IVR, LK, app and kiosk show the same balance through generated journeys (channel adapters)", async () => {
    const r = await checkJourneys({
      name: "I8 channel parity",
      weight: 0.25,
      maxSteps: 25,
      invariants: ALL_INVARIANTS,
      executor: channelExecutor,
      mix: { usage: 5, money: 4, account: 3, advance: 2, travel: 2, family: 1, auth: 0, link: 0 },
      extraSteps: [{ weight: 4, arbitrary: fc.constantFrom(...KNOWN).map((m): Step => ({ t: "parity", msisdn: m })) }],
    })
    expect(r.runs).toBeGreaterThan(0)
  })
})
