// I9 No channel can read or change another subscriber's data unless linked (R20). Journeys link
// (with the code the target received), unlink, and act and read as other numbers.
import { describe, expect, it } from "vitest"
import { checkJourneys, TARGETS } from "../../qa/index.ts"

describe("I9 access only to own or linked numbers", () => {
  it("I9: no read or change of another number unless linked (generated journeys)", async () => {
    const r = await checkJourneys({
      name: "I9 access own or linked",
      targets: [TARGETS.linked, TARGETS.unknownRefused],
      mix: { link: 8, money: 4, account: 4, family: 2, auth: 1, usage: 1, advance: 1, travel: 0 },
    })
    expect(r.runs).toBeGreaterThan(0)
  })
})
