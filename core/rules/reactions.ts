// What follows automatically from committed events: autopay by threshold (R11) and an SMS on
// every charge when the subscriber asked for it (R16).
import type { Draft, Event } from "../domain/events.ts"
import type { State } from "../state/model.ts"
import { smsTo } from "./context.ts"
import { REASON_RU, SENDER, texts } from "./texts.ts"

export const reactions = (state: State, committed: readonly Event[]): Draft[] => {
  let out: Draft[] | null = null
  let touched: Set<string> | null = null
  for (const e of committed) {
    let charge = 0
    let what = ""
    if (e.type === "UsageRated" && e.cost > 0) {
      charge = e.cost
      what = REASON_RU[e.kind === "call" ? "usage-call" : e.kind === "sms" ? "usage-sms" : "usage-data"]
    } else if (e.type === "Money" && e.amount < 0) {
      charge = -e.amount
      what = REASON_RU[e.reason]
    } else continue
    const s = state.subscribers.get(e.msisdn)
    if (s === undefined) continue
    if (s.notifyCharges) (out ??= []).push(smsTo(s.msisdn, SENDER.mts, texts.charge(charge, what, s.balance)))
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
