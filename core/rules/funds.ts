// How much a subscriber can spend now: prepaid down to 0, credit down to -creditLimit (R8, R15).
import { err, type DomainError } from "../domain/errors.ts"
import type { Subscriber } from "../state/model.ts"

export const available = (s: Subscriber): number => (s.payment === "prepaid" ? s.balance : s.balance + s.creditLimit)

export const requireFunds = (s: Subscriber, amount: number, what: string): DomainError | null =>
  amount > 0 && available(s) < amount
    ? err("INSUFFICIENT_FUNDS", `amount: ${what} costs ${amount} kopecks, ${s.msisdn} has ${available(s)} available`, "Недостаточно средств на счете", "amount")
    : null
