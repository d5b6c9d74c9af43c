// What follows automatically from committed events: autopay by threshold (R11) and an SMS on
// every charge when the subscriber asked for it (R16).
import type { Draft, Event } from "../domain/events.ts"
import type { State } from "../state/model.ts"
import { smsTo } from "./context.ts"
import { usageReason } from "./rating.ts"
import { REASON_RU, SENDER, texts } from "./texts.ts"

/** What follows from `committed[from..]`, the events just committed. */
export const reactions = (state: State, committed: readonly Event[], from = 0): Draft[] => {
  let out: Draft[] | null = null
  let touched: Set<string> | null = null
  for (let i = from; i < committed.length; i++) {
    const e = committed[i] as Event
    let charge: number
    if (e.type === "UsageRated") charge = e.cost
    else if (e.type === "Money") charge = -e.amount
    else continue
    if (charge <= 0) continue
    const s = state.subscribers.get(e.msisdn)
    if (s === undefined) continue
    if (s.notifyCharges) {
      const what = REASON_RU[e.type === "UsageRated" ? usageReason(e.kind) : e.reason]
      ;(out ??= []).push(smsTo(s.msisdn, SENDER.mts, texts.charge(charge, what, s.balance)))
    }
    if (s.autopay?.mode === "threshold") (touched ??= new Set()).add(s.msisdn)
  }
  if (touched !== null) {
    for (const m of touched) {
      const s = state.subscribers.get(m)
      const a = s?.autopay
      if (s !== undefined && a?.mode === "threshold" && s.balance < a.threshold) {
        ;(out ??= []).push({ type: "Money", msisdn: m, amount: a.amount, reason: "autopay", ref: "threshold" }, smsTo(m, SENDER.mts, texts.autopay(a.amount)))
      }
    }
  }
  return out ?? EMPTY
}

const EMPTY: Draft[] = []
