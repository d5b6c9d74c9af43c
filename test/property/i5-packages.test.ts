// I5 A package never goes below zero; usage beyond it is priced (at the catalog price), never lost.
import { describe, expect, it } from "vitest"
import { checkJourneys, TARGETS } from "../../qa/index.ts"

describe("I5 packages never negative, overflow priced", () => {
  it("I5: packages never below zero; overflow priced, never lost (generated journeys)", async () => {
    const r = await checkJourneys({
      name: "I5 packages and overflow",
      targets: [TARGETS.exactMinuteCall, TARGETS.renewal],
      mix: { usage: 10, money: 3, account: 3, advance: 2, travel: 2, family: 2, auth: 0, link: 0 },
    })
    expect(r.runs).toBeGreaterThan(0)
  })
  it("I5: holds on catalog variations (package sizes, prices)", async () => {
    const r = await checkJourneys({
      name: "I5 packages, catalog variations",
      varyCatalog: true,
      weight: 0.5,
      mix: { usage: 10, money: 3, account: 2, advance: 2, travel: 2, family: 1, auth: 0, link: 0 },
    })
    expect(r.runs).toBeGreaterThan(0)
  })
})
