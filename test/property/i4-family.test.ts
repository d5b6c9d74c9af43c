// I4 A family group has ≤ 5 members (the catalog's limit); shared amounts never exceed the
// owner's packages. Journeys invite, accept, decline, remove, use the owner's packages between
// invitation and acceptance, change tariffs and renew months.
import { describe, expect, it } from "vitest"
import { checkJourneys, TARGETS } from "../../qa/index.ts"

describe("I4 family limits", () => {
  it("I4: family ≤ max members and shares ≤ the owner's packages (generated journeys)", async () => {
    const r = await checkJourneys({
      name: "I4 family limits",
      targets: [TARGETS.familyFull, TARGETS.memberJoins],
      minPopulation: 6,
      mix: { family: 10, usage: 4, advance: 2, account: 2, money: 1, auth: 0, link: 0, travel: 0 },
    })
    expect(r.runs).toBeGreaterThan(0)
  })
  it("I4: holds with generated member limits and fees (catalog variations)", async () => {
    const r = await checkJourneys({
      name: "I4 family limits, catalog variations",
      targets: [TARGETS.familyFull, TARGETS.memberJoins],
      varyCatalog: true,
      weight: 0.5,
      minPopulation: 6,
      mix: { family: 10, usage: 3, advance: 2, account: 1, money: 1, auth: 0, link: 0, travel: 0 },
    })
    expect(r.runs).toBeGreaterThan(0)
  })
})
