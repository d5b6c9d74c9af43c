// The amounts oracle (R1–R6, R9, R10, R12, R17): generated journeys biased toward money — fees at
// renewal, family members joining and renewing, transfers at the edge of their fee, promised
// payments taken twice and repaid, calls of whole minutes, «Забугорище» — with every amount the
// twin charges compared with the oracle's own figure after every step. Each target state must be
// reached, or the property fails.
import { describe, expect, it } from "vitest"
import { amountsOracle, checkJourneys, i1Money, TARGETS } from "../../qa/index.ts"

describe("amounts oracle", () => {
  it("R1/R2/R3/R4/R10/R12: every charge and credit equals the oracle's amount from the catalog (generated journeys)", async () => {
    const r = await checkJourneys({
      name: "ORACLE amounts",
      minPopulation: 6,
      mix: { usage: 5, money: 6, advance: 4, family: 3, account: 2, travel: 2, rare: 6, auth: 0, link: 0 },
      targets: [
        TARGETS.memberJoins,
        TARGETS.memberFeeAtRenewal,
        TARGETS.renewal,
        TARGETS.exactMinuteCall,
        TARGETS.transferAtFeeEdge,
        TARGETS.transferDone,
        TARGETS.promisedOpen,
        TARGETS.promisedRefusedOpen,
        TARGETS.promisedRepaid,
        TARGETS.zabugorishche,
        TARGETS.renewalOnUnblock,
        TARGETS.unblockNoRenewal,
        TARGETS.monthEndStart,
        TARGETS.yearEndStart,
        TARGETS.leapDayStart,
      ],
    })
    expect(r.runs).toBeGreaterThan(0)
  })
  it("R1/R2/R3/R10/R12: the oracle agrees with the twin on generated catalog variations (fees, prices, member fee)", async () => {
    const r = await checkJourneys({
      name: "ORACLE amounts, catalog variations",
      varyCatalog: true,
      weight: 0.5,
      minPopulation: 6,
      invariants: [i1Money, amountsOracle],
      mix: { usage: 5, money: 6, advance: 4, family: 3, account: 2, travel: 2, rare: 6, auth: 0, link: 0 },
      targets: [TARGETS.memberJoins, TARGETS.renewal, TARGETS.transferDone, TARGETS.zabugorishche],
    })
    expect(r.runs).toBeGreaterThan(0)
  })
})
