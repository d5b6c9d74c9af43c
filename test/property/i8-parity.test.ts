// I8 Channel parity: generated journeys act through the real channel adapters — each
// self-service command through the channel it names (blocks through the IVR 111 menu, the LK or
// the app; promised payments through the IVR or the app; top-ups through the LK, the app or the
// kiosk; services through USSD codes, the kiosk or the app; consent and kiosk codes by SMS),
// logging in again when a session has ended; the network and the clock go through the core.
// Parity steps read the balance through USSD, IVR, LK, app and kiosk, which must all show the
// same value. Every other checker runs too.
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  ALL_INVARIANTS,
  channelExecutor,
  channelTourArb,
  checkJourneys,
  KNOWN,
  TARGETS,
  type Step,
} from "../../qa/index.ts"

describe("I8 channel parity", () => {
  it("I8: USSD, IVR, LK, app and kiosk show the same balance through generated journeys acting on every channel", async () => {
    const r = await checkJourneys({
      name: "I8 channel parity",
      weight: 0.25,
      maxSteps: 30,
      invariants: ALL_INVARIANTS,
      executor: channelExecutor,
      mix: { usage: 4, money: 5, account: 5, advance: 3, travel: 1, family: 2, auth: 1, link: 1, rare: 1 },
      extraSteps: [
        { weight: 4, arbitrary: fc.constantFrom(...KNOWN.slice(0, 3)).map((m): Step => ({ t: "parity", msisdn: m })) },
        { weight: 1, arbitrary: channelTourArb(KNOWN.slice(0, 3)) },
      ],
      targets: [TARGETS.voluntaryBlock, TARGETS.promisedOpen],
    })
    expect(r.runs).toBeGreaterThan(0)
    // Every channel carried actions, not only balance reads (a replay of one path runs too few steps to say).
    if (process.env.QA_PATH === undefined)
      for (const ch of ["ussd", "ivr", "sms", "lk", "app", "kiosk"])
        expect(r.steps.via.get(ch) ?? 0, `actions through ${ch}`).toBeGreaterThan(0)
  })
})
