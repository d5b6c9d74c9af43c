// I3 «Забугорище» is charged at most once per day, never on a day at home, never on a day abroad
// without usage (and is charged on a day abroad with usage). Journeys travel, use and move the
// clock around midnight; the start time of day varies.
import { describe, expect, it } from "vitest"
import { checkJourneys, TARGETS } from "../../qa/index.ts"

describe("I3 «Забугорище» once per day abroad with usage", () => {
  it("I3: «Забугорище» at most once per day, never at home, never abroad without usage", async () => {
    const r = await checkJourneys({
      name: "I3 zabugorishche once per day",
      targets: [TARGETS.zabugorishche],
      mix: { usage: 8, travel: 5, advance: 5, account: 2, money: 2, family: 0, auth: 0, link: 0 },
    })
    expect(r.runs).toBeGreaterThan(0)
  })
  it("I3: holds on catalog variations (fees, popular countries)", async () => {
    const r = await checkJourneys({
      name: "I3 zabugorishche, catalog variations",
      targets: [TARGETS.zabugorishche],
      varyCatalog: true,
      weight: 0.5,
      mix: { usage: 8, travel: 5, advance: 5, account: 1, money: 1, family: 0, auth: 0, link: 0 },
    })
    expect(r.runs).toBeGreaterThan(0)
  })
})
