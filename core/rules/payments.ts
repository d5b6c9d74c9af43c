// Money in and out: top-up (R9), payment cards (R9), «Обещанный платеж» (R10), autopay (R11),
// transfers (R12), bonus exchange (R13), charge notifications switch (R16).
import type { CatalogIndex } from "../catalog/load.ts"
import type { CommandOf } from "../domain/commands.ts"
import type { Draft } from "../domain/events.ts"
import { err } from "../domain/errors.ts"
import { formatRub } from "../domain/money.ts"
import { DAY, fromMsk, mskParts } from "../domain/time.ts"
import type { Subscriber } from "../state/model.ts"
import { actingOn, getSub, isErr, ok, smsTo, systemOnly, type Ctx, type RuleResult } from "./context.ts"
import { KB_PER_MB } from "./packages.ts"
import { sha256 } from "./secrets.ts"
import { SENDER, texts } from "./texts.ts"
import { refuseWhileBlocked } from "./funds.ts"

const topUpAmount = (ctx: Ctx, amount: number, field = "amount") => {
  const { min, max } = ctx.cat.data.topUp
  if (!Number.isSafeInteger(amount) || amount < min || amount > max) {
    return err(
      "INVALID_FIELD",
      `${field}: must be ${min}..${max} kopecks, got ${amount}`,
      `Сумма должна быть от ${formatRub(min)} до ${formatRub(max)}`,
      field,
    )
  }
  return null
}

export const topUp = (ctx: Ctx, c: CommandOf<"TopUp">): RuleResult<{ balance: number }> => {
  const s = actingOn(ctx, c, "linked")
  if (isErr(s)) return s
  const bad = topUpAmount(ctx, c.amount)
  if (bad) return bad
  return ok(
    [
      { type: "Money", msisdn: s.msisdn, amount: c.amount, reason: "topup", ref: c.method },
      smsTo(s.msisdn, SENDER.mts, texts.topUp(c.amount, s.balance + c.amount)),
    ],
    { balance: s.balance + c.amount },
  )
}

export const issuePaymentCard = (ctx: Ctx, c: CommandOf<"IssuePaymentCard">): RuleResult => {
  const denied = systemOnly(c.by, "IssuePaymentCard")
  if (denied) return denied
  if (!/^\d{12,16}$/.test(c.code))
    return err("INVALID_FIELD", "code: a payment card code is 12 to 16 digits", "Неверный код карты", "code")
  const bad = topUpAmount(ctx, c.amount)
  if (bad) return bad
  const hash = sha256(c.code)
  if (ctx.state.paymentCards.has(hash))
    return err("INVALID_FIELD", "code: this card code was already issued", "Карта уже выпущена", "code")
  return ok([{ type: "PaymentCardIssued", hash, amount: c.amount }])
}

export const activatePaymentCard = (
  ctx: Ctx,
  c: CommandOf<"ActivatePaymentCard">,
): RuleResult<{ amount: number; balance: number }> => {
  const s = actingOn(ctx, c, "linked")
  if (isErr(s)) return s
  const code = c.code.replace(/\D/g, "")
  const card = ctx.state.paymentCards.get(sha256(code))
  if (card === undefined || card.usedBy !== null) {
    return err(
      "PAYMENT_CARD_INVALID",
      "code: no unused payment card with this code",
      "Карта оплаты не найдена или уже активирована",
      "code",
    )
  }
  return ok(
    [
      { type: "PaymentCardUsed", hash: card.hash, msisdn: s.msisdn },
      { type: "Money", msisdn: s.msisdn, amount: card.amount, reason: "payment-card", ref: "payment-card" },
      smsTo(s.msisdn, SENDER.mts, texts.topUp(card.amount, s.balance + card.amount)),
    ],
    { amount: card.amount, balance: s.balance + card.amount },
  )
}

/** Average monthly spend over the last closed months (R10 limit). */
export const avgMonthlySpend = (s: Subscriber): number =>
  s.spendHistory.length === 0 ? 0 : Math.floor(s.spendHistory.reduce((a, b) => a + b, 0) / s.spendHistory.length)

/** R10: the limit grows with the average monthly spend (tiers in the catalog). */
export const promisedLimit = (cat: CatalogIndex, s: Subscriber): number => {
  const avg = avgMonthlySpend(s)
  let limit = 0
  for (const t of cat.data.promisedPayment.tiers) if (avg >= t.minAvgSpend && t.limit > limit) limit = t.limit
  return limit
}

/** R10: the fee is tiered by amount (catalog). */
export const promisedFee = (cat: CatalogIndex, amount: number): number => {
  const tiers = cat.data.promisedPayment.fees
  for (const t of tiers) if (amount <= t.upTo) return t.fee
  return tiers.length > 0 ? (tiers[tiers.length - 1]?.fee ?? 0) : 0
}

export const promisedPayment = (
  ctx: Ctx,
  c: CommandOf<"PromisedPayment">,
): RuleResult<{ amount: number; fee: number; dueAt: number; limit: number }> => {
  const s = actingOn(ctx, c, "linked")
  if (isErr(s)) return s
  if (s.promised !== null) {
    return err(
      "PROMISED_PAYMENT_OPEN",
      `msisdn: ${c.msisdn} already has a promised payment until ${new Date(s.promised.dueAt).toISOString()}`,
      "У вас уже есть обещанный платеж. Новый можно взять после его погашения",
      "msisdn",
    )
  }
  if (s.payment !== "prepaid")
    return err(
      "PROMISED_PAYMENT_LIMIT",
      `msisdn: ${c.msisdn} uses the credit payment method; promised payments are for prepaid`,
      "Обещанный платеж недоступен при кредитной системе расчетов",
      "msisdn",
    )
  if (s.voluntaryBlock)
    return err("BLOCKED", `msisdn: ${c.msisdn} is voluntarily blocked`, "Номер заблокирован", "msisdn")
  const limit = promisedLimit(ctx.cat, s)
  const amount = c.amount ?? limit
  const pp = ctx.cat.data.promisedPayment
  if (!Number.isSafeInteger(amount) || amount < pp.minAmount || amount > limit) {
    return err(
      "PROMISED_PAYMENT_LIMIT",
      `amount: must be ${pp.minAmount}..${limit} kopecks for ${c.msisdn}, got ${amount}`,
      `Сумма обещанного платежа — до ${formatRub(limit)}`,
      "amount",
    )
  }
  const fee = promisedFee(ctx.cat, amount)
  const dueAt = ctx.now + pp.validDays * DAY
  const ev: Draft[] = [
    { type: "PromisedOpened", msisdn: s.msisdn, amount, fee, dueAt },
    { type: "Money", msisdn: s.msisdn, amount, reason: "promised-payment", ref: "promised" },
  ]
  if (fee > 0)
    ev.push({ type: "Money", msisdn: s.msisdn, amount: -fee, reason: "fee-promised-payment", ref: "promised" })
  ev.push(smsTo(s.msisdn, SENDER.mts, texts.promised(amount, fee, dueAt)))
  return ok(ev, { amount, fee, dueAt, limit })
}

/** Next 00:00 MSK on day-of-month `day` strictly after t. */
export const nextMonthlyDay = (t: number, day: number): number => {
  const p = mskParts(t)
  const here = fromMsk(p.year, p.month, day)
  if (here > t) return here
  return p.month === 12 ? fromMsk(p.year + 1, 1, day) : fromMsk(p.year, p.month + 1, day)
}

export const setAutopay = (ctx: Ctx, c: CommandOf<"SetAutopay">): RuleResult => {
  const s = actingOn(ctx, c, "linked")
  if (isErr(s)) return s
  const bad = topUpAmount(ctx, c.amount)
  if (bad) return bad
  if (c.mode === "date") {
    const day = c.day
    if (day === undefined || !Number.isSafeInteger(day) || day < 1 || day > 28)
      return err(
        "INVALID_FIELD",
        "day: autopay by date needs a day of month 1..28",
        "Укажите число месяца от 1 до 28",
        "day",
      )
    return ok([
      {
        type: "AutopaySet",
        msisdn: s.msisdn,
        autopay: { mode: "date", day, amount: c.amount, nextAt: nextMonthlyDay(ctx.now, day) },
      },
    ])
  }
  const th = c.threshold
  if (th === undefined || !Number.isSafeInteger(th) || th < 0 || th > ctx.cat.data.topUp.max)
    return err(
      "INVALID_FIELD",
      "threshold: autopay by threshold needs a balance threshold in kopecks ≥ 0",
      "Укажите порог баланса",
      "threshold",
    )
  return ok([{ type: "AutopaySet", msisdn: s.msisdn, autopay: { mode: "threshold", threshold: th, amount: c.amount } }])
}

export const cancelAutopay = (ctx: Ctx, c: CommandOf<"CancelAutopay">): RuleResult => {
  const s = actingOn(ctx, c, "linked")
  if (isErr(s)) return s
  return ok(s.autopay === null ? [] : [{ type: "AutopaySet", msisdn: s.msisdn, autopay: null }])
}

export const transfer = (ctx: Ctx, c: CommandOf<"Transfer">): RuleResult<{ amount: number; fee: number }> => {
  const s = actingOn(ctx, c, "self")
  if (isErr(s)) return s
  const to = getSub(ctx, c.to, "to")
  if (isErr(to)) return to
  if (to.msisdn === s.msisdn)
    return err("INVALID_FIELD", "to: cannot transfer to the same number", "Нельзя перевести на свой номер", "to")
  const { fee, min, max } = ctx.cat.data.transfer
  if (!Number.isSafeInteger(c.amount) || c.amount < min || c.amount > max) {
    return err(
      "INVALID_FIELD",
      `amount: must be ${min}..${max} kopecks, got ${c.amount}`,
      `Сумма перевода — от ${formatRub(min)} до ${formatRub(max)}`,
      "amount",
    )
  }
  if (s.voluntaryBlock)
    return err("BLOCKED", `msisdn: ${c.msisdn} is voluntarily blocked`, "Номер заблокирован", "msisdn")
  // R12 (default): only from the positive balance, fee included.
  if (s.balance < c.amount + fee) {
    return err(
      "INSUFFICIENT_FUNDS",
      `amount: ${c.amount} + fee ${fee} exceeds the positive balance ${Math.max(0, s.balance)}`,
      "Недостаточно средств для перевода",
      "amount",
    )
  }
  const ev: Draft[] = [{ type: "Money", msisdn: s.msisdn, amount: -c.amount, reason: "transfer-out", ref: to.msisdn }]
  if (fee > 0) ev.push({ type: "Money", msisdn: s.msisdn, amount: -fee, reason: "fee-transfer", ref: to.msisdn })
  ev.push({ type: "Money", msisdn: to.msisdn, amount: c.amount, reason: "transfer-in", ref: s.msisdn })
  ev.push(smsTo(s.msisdn, SENDER.mts, texts.transferOut(c.amount, to.msisdn)))
  ev.push(smsTo(to.msisdn, SENDER.mts, texts.transferIn(c.amount, s.msisdn)))
  return ok(ev, { amount: c.amount, fee })
}

/**
 * A payment to another provider from the balance (000_…: «внести плату за ТВ и Интернет,
 * квартплату, мобильный телефон»): like a transfer, only from the positive balance, commission
 * per catalog; the ledger reason is its own, «оплата услуг».
 */
export const payProvider = (
  ctx: Ctx,
  c: CommandOf<"PayProvider">,
): RuleResult<{ amount: number; fee: number; provider: string }> => {
  const s = actingOn(ctx, c, "linked")
  if (isErr(s)) return s
  const pp = ctx.cat.data.providerPayments
  const p = pp.providers.find((x) => x.id === c.provider)
  if (p === undefined)
    return err(
      "INVALID_FIELD",
      `provider: no provider "${c.provider}" in the catalog (${pp.providers.map((x) => x.id).join(", ")})`,
      "Получатель платежа не найден",
      "provider",
    )
  const account = c.account.replace(/[\s()+-]/g, "")
  const accountOk = p.account === "phone" ? /^[78]\d{10}$/.test(account) : /^[0-9A-Za-z]{4,20}$/.test(account)
  if (!accountOk) {
    return err(
      "INVALID_FIELD",
      `account: ${p.account === "phone" ? "a phone number of 11 digits" : "a contract number of 4..20 letters or digits"} expected`,
      p.account === "phone" ? "Введите номер телефона получателя" : "Введите номер договора или лицевого счета",
      "account",
    )
  }
  if (!Number.isSafeInteger(c.amount) || c.amount < pp.min || c.amount > pp.max) {
    return err(
      "INVALID_FIELD",
      `amount: must be ${pp.min}..${pp.max} kopecks, got ${c.amount}`,
      `Сумма платежа — от ${formatRub(pp.min)} до ${formatRub(pp.max)}`,
      "amount",
    )
  }
  const blocked = refuseWhileBlocked(s, `paying ${p.id}`)
  if (blocked) return blocked
  if (s.balance < c.amount + p.fee) {
    return err(
      "INSUFFICIENT_FUNDS",
      `amount: ${c.amount} + fee ${p.fee} exceeds the positive balance ${Math.max(0, s.balance)}`,
      "Недостаточно средств для оплаты",
      "amount",
    )
  }
  const ref = `${p.id}:${account}`
  const ev: Draft[] = [{ type: "Money", msisdn: s.msisdn, amount: -c.amount, reason: "payment-other", ref }]
  if (p.fee > 0) ev.push({ type: "Money", msisdn: s.msisdn, amount: -p.fee, reason: "fee-transfer", ref })
  ev.push(smsTo(s.msisdn, SENDER.mts, texts.providerPaid(p.name, account, c.amount, p.fee)))
  return ok(ev, { amount: c.amount, fee: p.fee, provider: p.name })
}

export const exchangeBonus = (
  ctx: Ctx,
  c: CommandOf<"ExchangeBonus">,
): RuleResult<{ points: number; left: number }> => {
  const s = actingOn(ctx, c, "linked")
  if (isErr(s)) return s
  const o = ctx.cat.bonusOffers.get(c.offer)
  if (o === undefined)
    return err("UNKNOWN_OFFER", `offer: no bonus offer "${c.offer}" in the catalog`, "Предложение не найдено", "offer")
  if (s.bonus < o.points)
    return err(
      "BONUS_INSUFFICIENT",
      `offer: ${o.id} needs ${o.points} points, ${c.msisdn} has ${s.bonus}`,
      `Недостаточно баллов: нужно ${o.points}, у вас ${s.bonus}`,
      "offer",
    )
  const total = o.kind === "data" ? o.amount * KB_PER_MB : o.amount
  const until = ctx.now + o.validDays * DAY
  return ok(
    [
      { type: "BonusSpent", msisdn: s.msisdn, points: o.points, offer: o.id },
      {
        type: "PackageAdded",
        msisdn: s.msisdn,
        pkg: {
          id: `bonus:${o.id}:${ctx.state.seq + 1}`,
          source: "bonus",
          offer: o.id,
          name: o.name,
          kind: o.kind,
          total,
          left: total,
          expiresAt: until,
        },
      },
      smsTo(s.msisdn, SENDER.mts, texts.bonus(o.name, o.points)),
    ],
    { points: o.points, left: s.bonus - o.points },
  )
}

export const setNotifications = (ctx: Ctx, c: CommandOf<"SetNotifications">): RuleResult => {
  const s = actingOn(ctx, c, "self")
  if (isErr(s)) return s
  const charges = c.charges ?? s.notifyCharges
  const logins = c.logins ?? s.notifyLogins
  if (charges === s.notifyCharges && logins === s.notifyLogins) return ok([])
  return ok([{ type: "NotificationsSet", msisdn: s.msisdn, charges, logins }])
}
