// What follows automatically from committed events: autopay by threshold (R11), an SMS on every
// charge when the subscriber asked for it (R16), and the renewal skipped under the balance block
// (R15) once a credit lifts the block.
import type { Draft, Event } from "../domain/events.ts"
import { isFinanciallyBlockedAt } from "../state/model.ts"
import { smsTo, type Ctx } from "./context.ts"
import { renewalEvents } from "./jobs.ts"
import { usageReason } from "./rating.ts"
import { ledgerWhat, SENDER, texts } from "./texts.ts"

/** What follows from `committed[from..]`, the events just committed. */
export const reactions = (ctx: Ctx, committed: readonly Event[], from = 0): Draft[] => {
  const state = ctx.state
  let out: Draft[] | null = null
  let touched: Set<string> | null = null
  let credited: Set<string> | null = null
  // Balance after each committed event, walking back from the balance now: a charge SMS names
  // the balance that charge left, not the one at the end of the batch.
  let later: Map<string, number> | null = null
  let notes: Draft[] | null = null
  for (let i = committed.length - 1; i >= from; i--) {
    const e = committed[i] as Event
    let charge: number
    if (e.type === "UsageRated") charge = e.cost
    else if (e.type === "Money") {
      charge = -e.amount
      if (e.amount > 0) (credited ??= new Set()).add(e.msisdn)
    } else continue
    const s = state.subscribers.get(e.msisdn)
    if (s === undefined) continue
    if (charge > 0) {
      if (s.notifyCharges) {
        const after = s.balance + (later?.get(s.msisdn) ?? 0)
        const what =
          e.type === "UsageRated" ? ledgerWhat(ctx.cat, usageReason(e.kind), "") : ledgerWhat(ctx.cat, e.reason, e.ref)
        ;(notes ??= []).push(smsTo(s.msisdn, SENDER.mts, texts.charge(charge, what, after)))
      }
      if (s.autopay?.mode === "threshold") (touched ??= new Set()).add(s.msisdn)
    }
    if (charge !== 0 && s.notifyCharges) (later ??= new Map()).set(s.msisdn, (later.get(s.msisdn) ?? 0) + charge)
  }
  if (notes !== null) out = notes.reverse()
  // Autopay credits made here, not yet in the balance: they lift a balance block as well (R15).
  let autopaid: Map<string, number> | null = null
  if (touched !== null) {
    for (const m of touched) {
      const s = state.subscribers.get(m)
      const a = s?.autopay
      if (s !== undefined && a?.mode === "threshold" && s.balance < a.threshold) {
        ;(out ??= []).push(
          { type: "Money", msisdn: m, amount: a.amount, reason: "autopay", ref: "threshold" },
          smsTo(m, SENDER.mts, texts.autopay(a.amount)),
        )
        ;(autopaid ??= new Map()).set(m, a.amount)
        ;(credited ??= new Set()).add(m)
      }
    }
  }
  if (credited !== null) {
    for (const m of credited) {
      const s = state.subscribers.get(m)
      const balance = (s?.balance ?? 0) + (autopaid?.get(m) ?? 0)
      // R15: the renewal skipped while the balance was below zero is made once a credit lifts the block.
      if (
        s?.renewalSkipped &&
        !s.voluntaryBlock &&
        !isFinanciallyBlockedAt(s, balance) &&
        s.family?.role !== "member"
      ) {
        ;(out ??= []).push(...renewalEvents(ctx, s, ctx.now, true))
      }
    }
  }
  return out ?? EMPTY
}

const EMPTY: Draft[] = []
