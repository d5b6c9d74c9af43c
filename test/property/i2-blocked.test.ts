// I2 No usage is rated while blocked (voluntary or financial, except incoming at home); no fee for
// a period spent voluntarily blocked (R19). Journeys lean on blocks, low balances and usage.
import { describe, expect, it } from "vitest"
import { checkJourneys, TARGETS } from "../../qa/index.ts"

describe("I2 nothing rated while blocked", () => {
  it("I2: no usage is rated while voluntarily or financially blocked (generated journeys)", async () => {
    const r = await checkJourneys({
      name: "I2 nothing rated while blocked",
      targets: [TARGETS.voluntaryBlock, TARGETS.financialBlock],
      mix: { usage: 8, account: 5, money: 2, advance: 3, travel: 2, family: 0, link: 0, auth: 0 },
    })
    expect(r.runs).toBeGreaterThan(0)
  })
})
