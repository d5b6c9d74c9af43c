// The README «Для QA» oracle example, kept as a real property: a checker with its own
// per-journey state (`init`) that works out what the ledger must hold from the steps alone, and
// a target state the property must reach.
import { describe, expect, it } from "vitest"
import { checkJourneys, type Invariant, type Target } from "../../qa/index.ts"

interface TopUps {
  expected: Map<string, number>
  credited: Map<string, number>
}
const add = (m: Map<string, number>, k: string, v: number): void => void m.set(k, (m.get(k) ?? 0) + v)

const topUpsCredited: Invariant<TopUps> = {
  id: "R9",
  title: "every accepted top-up credits exactly its amount",
  init: () => ({ expected: new Map(), credited: new Map() }),
  check(c, st) {
    if (c.step.t === "command" && c.step.command._tag === "TopUp" && c.outcome.ok)
      add(st.expected, c.step.command.msisdn, c.step.command.amount)
    for (const e of c.events) if (e.type === "Money" && e.reason === "topup") add(st.credited, e.msisdn, e.amount)
    for (const [m, want] of st.expected)
      if (st.credited.get(m) !== want) return `${m}: top-ups of ${want} credited as ${st.credited.get(m) ?? 0}`
    return null
  },
}
const topUpAccepted: Target = {
  name: "top-up accepted",
  reached: (c) => c.step.t === "command" && c.step.command._tag === "TopUp" && c.outcome.ok,
}

describe("R9", () => {
  it("R9: every accepted top-up credits exactly its amount (oracle with per-journey state)", async () => {
    const r = await checkJourneys({
      name: "R9 top-ups credited",
      invariants: [topUpsCredited],
      mix: { money: 8, usage: 2 },
      targets: [topUpAccepted],
    })
    expect(r.coverage.reached.get("top-up accepted")).toBeGreaterThan(0)
  })
})
