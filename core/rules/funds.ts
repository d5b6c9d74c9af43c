// How much a subscriber can spend now: prepaid down to 0, credit down to -creditLimit (R8, R15).
import { err, type DomainError } from "../domain/errors.ts"
import { isFinanciallyBlocked, type Subscriber } from "../state/model.ts"

export const available = (s: Subscriber): number => (s.payment === "prepaid" ? s.balance : s.balance + s.creditLimit)

export const requireFunds = (s: Subscriber, amount: number, what: string): DomainError | null =>
  amount > 0 && available(s) < amount
    ? err(
        "INSUFFICIENT_FUNDS",
        `amount: ${what} costs ${amount} kopecks, ${s.msisdn} has ${available(s)} available`,
        "Недостаточно средств на счете",
        "amount",
      )
    : null

/**
 * R15, R19: while a number is blocked (voluntarily or for the balance) a change that costs money,
 * now or every day or month, is refused with what to do about it.
 */
export const refuseWhileBlocked = (s: Subscriber, what: string): DomainError | null => {
  if (s.voluntaryBlock) {
    return err(
      "BLOCKED",
      `msisdn: ${s.msisdn} is voluntarily blocked; ${what} is a paid change and is refused while blocked`,
      "Номер заблокирован. Платные изменения недоступны, пока действует добровольная блокировка. Снять " +
        "блокировку можно в Личном кабинете, в приложении «Мой МТС» или по номеру 111.",
      "msisdn",
    )
  }
  if (isFinanciallyBlocked(s)) {
    return err(
      "BLOCKED",
      `msisdn: ${s.msisdn} is blocked for a negative balance; ${what} is a paid change and is refused while blocked`,
      "Ваш баланс меньше нуля, рекомендуем пополнить. Платные изменения недоступны, пока номер заблокирован.",
      "msisdn",
    )
  }
  return null
}
