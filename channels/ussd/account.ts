// Account screens: balance (*100#), packages (*100*1#, *100*2#), debt (*100*3#, *132#), tariff
// (*111*59#), expense control (*111*23#), promised payment (*111*123#), SMS password (*111*25#).
import { accountView, detailView, promisedQuote, type AccountView } from "../../core/engine/views.ts"
import { DAY, fromMsk, mskDay, mskDayStart, mskParts } from "../../core/domain/time.ts"
import { isPeriodic, oneOffLine, packageLine } from "../text/amounts.ts"
import { dateRu, dayMonthRu } from "../text/dates.ts"
import { formatRub, parseKeypadRubles, rubShort } from "../text/money.ts"
import { exec, menu, prompt, read, text, type Node, type UssdCtx } from "./nodes.ts"

const view = (x: UssdCtx, render: (v: AccountView) => Node): Node => read(accountView(x.twin, x.msisdn, x.msisdn), render)

/** The balance line every channel shows (I8). */
export const balanceLine = (v: AccountView): string => `Баланс: ${formatRub(v.balance)}`
export const tariffLine = (v: AccountView): string => `Ваш тариф: «${v.tariff.name}»`

export const balance = (x: UssdCtx): Node =>
  view(x, (v) => text(
    balanceLine(v),
    ...(v.promised === null ? [] : [`Обещанный платеж ${formatRub(v.promised.amount)} до ${dateRu(v.promised.dueAt)}`]),
    ...(v.negative ? ["Баланс меньше нуля, рекомендуем пополнить"] : []),
  ))

export const periodicPackages = (x: UssdCtx): Node =>
  view(x, (v) => {
    const ps = v.packages.filter(isPeriodic)
    return ps.length === 0 ? text("Периодических пакетов нет") : text(`Пакеты до ${dateRu(v.renewAt)}:`, ...ps.map(packageLine))
  })

export const oneOffPackages = (x: UssdCtx): Node =>
  view(x, (v) => {
    const ps = v.packages.filter((p) => !isPeriodic(p))
    return ps.length === 0 ? text("Разовых пакетов нет") : text(...ps.map(oneOffLine))
  })

export const debt = (x: UssdCtx): Node =>
  view(x, (v) => v.payment === "credit"
    ? text(`Задолженность: ${formatRub(v.debt)}`, `Кредитный лимит: ${formatRub(v.creditLimit)}`)
    : text("Задолженности нет: авансовый метод оплаты", balanceLine(v)))

export const tariff = (x: UssdCtx): Node =>
  view(x, (v) => text(tariffLine(v), `Абонентская плата: ${formatRub(v.tariff.monthlyFee)} в месяц`))

// --- expense control (R14) ---------------------------------------------------------------

const monthStart = (t: number): number => {
  const p = mskParts(t)
  return fromMsk(p.year, p.month, 1)
}

const expenses = (x: UssdCtx, label: string, from: number): Node =>
  read(detailView(x.twin, x.msisdn, from, x.twin.now + 1, x.msisdn), (d) => {
    const t = d.totals
    const lines = [`Расходы ${label}: ${formatRub(t.spent)}`]
    if (t.calls > 0) lines.push(`Звонки: ${formatRub(t.calls)}`)
    if (t.sms > 0) lines.push(`SMS: ${formatRub(t.sms)}`)
    if (t.data > 0) lines.push(`Интернет: ${formatRub(t.data)}`)
    if (t.fees > 0) lines.push(`Абон. плата и услуги: ${formatRub(t.fees)}`)
    if (t.roaming > 0) lines.push(`Роуминг: ${formatRub(t.roaming)}`)
    if (t.other > 0) lines.push(`Прочее: ${formatRub(t.other)}`)
    return text(...lines)
  })

/** Credited payments of the last 30 days, newest first (shared by *111*23# and IVR 111→2→2). */
export const recentPayments = (x: UssdCtx): Node =>
  read(detailView(x.twin, x.msisdn, x.twin.now - 30 * DAY, x.twin.now + 1, x.msisdn), (d) => {
    const credits = d.ledger.filter((e) => e.amount > 0).reverse()
    return credits.length === 0
      ? text("Платежей за 30 дней нет")
      : text("Платежи за 30 дней:", ...credits.map((e) => `${dayMonthRu(e.at)} ${formatRub(e.amount)} ${e.label}`))
  })

export const expenseControl = (): Node =>
  menu(["Контроль расходов"], [
    { key: "1", label: "За сегодня", go: (x) => expenses(x, "за сегодня", mskDayStart(mskDay(x.twin.now))) },
    { key: "2", label: "За неделю", go: (x) => expenses(x, "за неделю", x.twin.now - 7 * DAY) },
    { key: "3", label: "За месяц", go: (x) => expenses(x, "за месяц", monthStart(x.twin.now)) },
    { key: "4", label: "Платежи", go: recentPayments },
  ])

// --- promised payment (R10) ----------------------------------------------------------------

interface PromisedValue { amount: number; fee: number; dueAt: number }

const takePromised = (x: UssdCtx, amount?: number): Node =>
  exec<PromisedValue>(x, { _tag: "PromisedPayment", msisdn: x.msisdn, ...(amount === undefined ? {} : { amount }), by: x.msisdn, via: "ussd" },
    (p) => text(`Обещанный платеж ${formatRub(p.amount)} зачислен до ${dateRu(p.dueAt)}`, `Плата: ${formatRub(p.fee)}`))

const amountPrompt = (hint?: string): Node =>
  prompt([...(hint === undefined ? [] : [hint]), "Введите сумму в рублях"], (x, input) => {
    const amount = parseKeypadRubles(input)
    return amount === null ? amountPrompt("Неверная сумма") : takePromised(x, amount)
  })

export const promised = (x: UssdCtx): Node => {
  const q = promisedQuote(x.twin, x.msisdn)
  return view(x, (v) => {
    if (q === null) return text("Абонент не найден")
    const head = v.promised === null ? [] : [`Действует: ${formatRub(v.promised.amount)} до ${dateRu(v.promised.dueAt)}`]
    return menu([...head, `Обещанный платеж до ${rubShort(q.limit)}`, `Плата: ${rubShort(q.fee)}`], [
      { key: "1", label: `Взять ${rubShort(q.limit)}`, go: (y) => takePromised(y) },
      { key: "2", label: "Другая сумма", go: () => amountPrompt() },
    ])
  })
}

export const smsPassword = (x: UssdCtx): Node =>
  exec(x, { _tag: "RequestOtp", msisdn: x.msisdn, by: x.msisdn, via: "ussd" },
    () => text("Пароль для входа в Личный кабинет отправлен в SMS с номера 3339"))

