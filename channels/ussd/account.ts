// Account screens: balance (*100#), packages (*100*1#, *100*2#), debt (*100*3#, *132#), tariff
// (*111*59#), expense control (*111*23#), promised payment (*111*123#), SMS password (*111*25#).
import {
  accountView,
  expensesView,
  promisedQuote,
  recentPaymentsView,
  RECENT_PAYMENT_DAYS,
  type AccountView,
  type ExpensePeriod,
} from "../../core/engine/views.ts"
import { isPeriodic, oneOffLine, packageLine } from "../text/amounts.ts"
import { dateRu, dayMonthRu } from "../text/dates.ts"
import { formatRub, parseKeypadRubles, rubShort } from "../text/money.ts"
import { exec, menu, numbered, prompt, read, text, type Node, type UssdCtx } from "./nodes.ts"

const view = (x: UssdCtx, render: (v: AccountView) => Node): Node =>
  read(accountView(x.twin, x.msisdn, x.msisdn), render)

/** The balance line every channel shows (I8). */
export const balanceLine = (v: AccountView): string => `Баланс: ${formatRub(v.balance)}`
export const tariffLine = (v: AccountView): string => `Ваш тариф: «${v.tariff.name}»`

export const balance = (x: UssdCtx): Node =>
  view(x, (v) =>
    text(
      balanceLine(v),
      ...(v.promised === null
        ? []
        : [`Обещанный платеж ${formatRub(v.promised.amount)} до ${dateRu(v.promised.dueAt)}`]),
      ...(v.negative ? ["Баланс меньше нуля, рекомендуем пополнить"] : []),
    ),
  )

export const periodicPackages = (x: UssdCtx): Node =>
  view(x, (v) => {
    const ps = v.packages.filter(isPeriodic)
    return ps.length === 0
      ? text("Периодических пакетов нет")
      : text(`Пакеты до ${dateRu(v.renewAt)}:`, ...ps.map(packageLine))
  })

export const oneOffPackages = (x: UssdCtx): Node =>
  view(x, (v) => {
    const ps = v.packages.filter((p) => !isPeriodic(p))
    return ps.length === 0 ? text("Разовых пакетов нет") : text(...ps.map(oneOffLine))
  })

export const debt = (x: UssdCtx): Node =>
  view(x, (v) =>
    v.payment === "credit"
      ? text(`Задолженность: ${formatRub(v.debt)}`, `Кредитный лимит: ${formatRub(v.creditLimit)}`)
      : text("Задолженности нет: авансовый метод оплаты", balanceLine(v)),
  )

export const tariff = (x: UssdCtx): Node =>
  view(x, (v) => text(tariffLine(v), `Абонентская плата: ${formatRub(v.tariff.monthlyFee)} в месяц`))

// --- expense control (R14) ---------------------------------------------------------------

/** R14, I8: the period comes from the core (views.periodBounds), the same as in the LK and the app. */
const expenses = (x: UssdCtx, label: string, period: ExpensePeriod): Node =>
  read(expensesView(x.twin, x.msisdn, period, x.msisdn), (d) => {
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

/** Credited payments of the last 30 days, newest first (the core's list, shared with IVR 111→2→2). */
export const recentPayments = (x: UssdCtx): Node =>
  read(recentPaymentsView(x.twin, x.msisdn, x.msisdn), (credits) =>
    credits.length === 0
      ? text(`Платежей за ${RECENT_PAYMENT_DAYS} дней нет`)
      : text(
          `Платежи за ${RECENT_PAYMENT_DAYS} дней:`,
          ...credits.map((e) => `${dayMonthRu(e.at)} ${formatRub(e.amount)} ${e.label}`),
        ),
  )

export const expenseControl = (): Node =>
  menu(
    ["Контроль расходов"],
    [
      { key: "1", label: "За сегодня", go: (x) => expenses(x, "за сегодня", "today") },
      { key: "2", label: "За неделю", go: (x) => expenses(x, "за неделю", "week") },
      { key: "3", label: "За месяц", go: (x) => expenses(x, "за месяц", "month") },
      { key: "4", label: "Платежи", go: recentPayments },
    ],
  )

// --- promised payment (R10) ----------------------------------------------------------------

const takePromised = (x: UssdCtx, amount?: number): Node =>
  exec(
    x,
    {
      _tag: "PromisedPayment",
      msisdn: x.msisdn,
      ...(amount === undefined ? {} : { amount }),
      by: x.msisdn,
      via: "ussd",
    },
    (p) => text(`Обещанный платеж ${formatRub(p.amount)} зачислен до ${dateRu(p.dueAt)}`, `Плата: ${formatRub(p.fee)}`),
  )

const amountPrompt = (hint?: string): Node =>
  prompt([...(hint === undefined ? [] : [hint]), "Введите сумму в рублях"], (x, input) => {
    const amount = parseKeypadRubles(input)
    return amount === null ? amountPrompt("Неверная сумма") : takePromised(x, amount)
  })

export const promised = (x: UssdCtx): Node => {
  const q = promisedQuote(x.twin, x.msisdn)
  return view(x, (v) => {
    if (q === null) return text("Абонент не найден")
    const head =
      v.promised === null ? [] : [`Действует: ${formatRub(v.promised.amount)} до ${dateRu(v.promised.dueAt)}`]
    return menu(
      [...head, `Обещанный платеж до ${rubShort(q.limit)}`, `Плата: ${rubShort(q.fee)}`],
      [
        { key: "1", label: `Взять ${rubShort(q.limit)}`, go: (y) => takePromised(y) },
        { key: "2", label: "Другая сумма", go: () => amountPrompt() },
      ],
    )
  })
}

export const smsPassword = (x: UssdCtx): Node =>
  exec(x, { _tag: "RequestOtp", msisdn: x.msisdn, by: x.msisdn, via: "ussd" }, () =>
    text("Пароль для входа в Личный кабинет отправлен в SMS с номера 3339"),
  )

// ---- payments to other providers (000_…: «внести плату за ТВ и Интернет, квартплату, мобильный телефон»)

const payAmount = (provider: { id: string; name: string }, account: string, hint?: string): Node =>
  prompt([...(hint === undefined ? [] : [hint]), `«${provider.name}»`, "Введите сумму в рублях"], (x, input) => {
    const amount = parseKeypadRubles(input)
    return amount === null
      ? payAmount(provider, account, "Неверная сумма")
      : exec(
          x,
          { _tag: "PayProvider", msisdn: x.msisdn, provider: provider.id, account, amount, by: x.msisdn, via: "ussd" },
          (v) => text(`Оплачено ${rubShort(v.amount)}${v.fee > 0 ? `, комиссия ${rubShort(v.fee)}` : ""}`),
        )
  })

/** 2>Счет → 8>Оплата услуг: a provider from the catalog, the account or phone number, the amount. */
export const payProviders = (x: UssdCtx): Node =>
  menu(
    ["Оплата услуг со счета"],
    numbered(
      x.twin.cat.data.providerPayments.providers.map((p) => ({
        label: p.name,
        go: () =>
          prompt([p.account === "phone" ? "Введите номер телефона" : "Введите номер договора"], (_y, account) =>
            payAmount(p, account.trim()),
          ),
      })),
    ),
  )
