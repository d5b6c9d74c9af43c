// The README «Для QA» example, kept as a real property so the documented 15 lines stay true.
import { describe, expect, it } from "vitest"
import { checkJourneys, type Invariant } from "../../qa/index.ts"

const bonusNeverNegative: Invariant = {
  id: "R13",
  title: "bonus points never negative",
  check: (c) => [...c.twin.state.subscribers.values()].find((s) => s.bonus < 0)?.msisdn ?? null,
}
describe("R13", () => {
  it("R13: bonus points never go negative", async () => {
    const r = await checkJourneys({
      name: "R13 bonus never negative",
      invariants: [bonusNeverNegative],
      mix: { money: 8, usage: 6 },
    })
    expect(r.runs).toBeGreaterThan(0)
  })
})
