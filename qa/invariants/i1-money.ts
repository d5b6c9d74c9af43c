// I1 Money is conserved: balance = initial + Σ ledger entries, for every subscriber, always.
// The ledger is read from the persisted log (Money entries and rated usage costs), not from state.
import type { Invariant } from "./types.ts"

export const i1Money: Invariant = {
  id: "I1",
  title: "money is conserved: balance = initial + Σ ledger, for every subscriber",
  // The balance the ledger gives is the one the account must show.
  regression: (c) => ({
    balances: [...c.after.subs.values()].map((s) => ({ msisdn: s.msisdn, balance: s.ledgerBalance })),
  }),
  check(c) {
    for (const e of c.events) {
      if (e.type === "Money" && (!Number.isSafeInteger(e.amount) || e.reason.length === 0)) {
        return `ledger entry seq ${e.seq} of ${e.msisdn}: amount ${e.amount} reason "${e.reason}" is not an integer with a reason`
      }
      if (e.type === "UsageRated" && (!Number.isSafeInteger(e.cost) || e.cost < 0))
        return `usage seq ${e.seq} of ${e.msisdn}: cost ${e.cost} is not a non-negative integer`
    }
    if (!c.outcome.ok && c.events.some((e) => e.type === "Money" || e.type === "UsageRated")) {
      return `a refused step (${c.outcome.code}) moved money: ${c.events
        .filter((e) => e.type === "Money" || e.type === "UsageRated")
        .map((e) => e.seq)
        .join(", ")}`
    }
    for (const s of c.twin.state.subscribers.values()) {
      const sh = c.after.get(s.msisdn)
      if (sh === undefined) return `${s.msisdn} is in the state but was never created in the log`
      if (s.initialBalance !== sh.initial)
        return `${s.msisdn}: initial balance ${s.initialBalance} in state, ${sh.initial} in the log`
      if (s.balance !== sh.ledgerBalance)
        return `${s.msisdn}: balance ${s.balance} ≠ initial ${sh.initial} + Σ ledger ${sh.ledgerBalance - sh.initial} = ${sh.ledgerBalance}`
    }
    if (c.after.subs.size !== c.twin.state.subscribers.size)
      return `log has ${c.after.subs.size} subscribers, state ${c.twin.state.subscribers.size}`
    return null
  },
}
