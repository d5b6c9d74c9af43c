// I1 Money is conserved: balance = initial + Σ ledger entries (from the persisted log), for every
// subscriber, after every step of generated journeys (usage, fees, top-ups, transfers, promised
// payments, packages, family fees, the clock), on the default catalog and on generated variations.
import { describe, expect, it } from "vitest"
import { checkJourneys, i1Money, TARGETS } from "../../qa/index.ts"

describe("I1 money is conserved", () => {
  it("I1: balance = initial + Σ ledger for every subscriber after every generated step (default catalog)", async () => {
    const r = await checkJourneys({
      name: "I1 money conserved",
      targets: [
        TARGETS.renewal,
        TARGETS.transferDone,
        TARGETS.promisedOpen,
        TARGETS.unknownRefused,
        TARGETS.monthEndStart,
        TARGETS.leapDayStart,
        TARGETS.yearEndStart,
      ],
      mix: { usage: 6, money: 6, advance: 4, family: 2 },
    })
    expect(r.runs).toBeGreaterThan(0)
  })
  it("I1: money is conserved on generated catalog variations", async () => {
    const r = await checkJourneys({
      name: "I1 money conserved, catalog variations",
      varyCatalog: true,
      weight: 0.5,
      invariants: [i1Money],
    })
    expect(r.runs).toBeGreaterThan(0)
  })
})
