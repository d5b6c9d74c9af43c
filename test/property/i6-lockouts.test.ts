// I6 Lockouts: the 3rd wrong LK code locks, the 4th wrong kiosk code blocks for 24 h (limits from
// the catalog); no code is accepted while locked.
import { describe, expect, it } from "vitest"
import { checkJourneys, TARGETS } from "../../qa/index.ts"

describe("I6 lockouts", () => {
  it("I6: Nth wrong LK code / (N+1)th wrong kiosk code locks; nothing accepted while locked", async () => {
    const r = await checkJourneys({
      name: "I6 lockouts",
      targets: [TARGETS.kioskLock, TARGETS.lkLock],
      mix: { auth: 10, advance: 3, account: 1, usage: 0, money: 0, family: 0, link: 1, travel: 0, network: 1 },
    })
    expect(r.runs).toBeGreaterThan(0)
  })
  it("I6: holds with generated limits and lock durations (catalog variations)", async () => {
    const r = await checkJourneys({
      name: "I6 lockouts, catalog variations",
      targets: [TARGETS.kioskLock, TARGETS.lkLock],
      varyCatalog: true,
      weight: 0.5,
      mix: { auth: 10, advance: 3, account: 1, usage: 0, money: 0, family: 0, link: 1, travel: 0, network: 1 },
    })
    expect(r.runs).toBeGreaterThan(0)
  })
})
