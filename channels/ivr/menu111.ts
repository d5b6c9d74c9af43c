// «Мобильный помощник» at 111: the voice menu of the sources (111_1_1 balance, 111_2_1 card
// payment, 111_2_2 credited payments, 111_3 promised payment, 111_4 tariff, 111_6 block,
// 111_7 promotions), constructor packages (R5) and 111 2163 «Электронный Помощник» (R27).
import { Result } from "effect"
import type { CommandOf, CommandTag } from "../../core/domain/commands.ts"
import type { ResultOf } from "../../core/engine/twin-core.ts"
import {
  accountView,
  constructorOptions,
  promisedQuote,
  recentPaymentsView,
  RECENT_PAYMENT_DAYS,
  type AccountView,
} from "../../core/engine/views.ts"
import { isPeriodic, oneOffLine, packageLine, gbText } from "../text/amounts.ts"
import { dateRu } from "../text/dates.ts"
import { parseKeypadRubles, rubSpoken } from "../text/money.ts"
import { count, DAYS, MINUTES } from "../text/plural.ts"
import { GOODBYE, say, type IvrCtx, type IvrNode, type Step } from "./call.ts"

export const GREETING_111 = "Здравствуйте! Вас приветствует Мобильный помощник МТС."
/** R18: with «Мобильный помощник» switched off the number 111 only informs (the core refuses management). */
export const GREETING_111_OFF =
  "Здравствуйте! «Мобильный помощник» на вашем номере отключен: управлять счетом по номеру 111 нельзя, узнать баланс можно. " +
  "Чтобы снова включить «Мобильный помощник», наберите *111*242# и выберите 1."
export const MAIN_PROMPT =
  "Баланс и остатки пакетов — нажмите 1. Платежи — 2. Обещанный платеж — 3. Ваш тарифный план — 4. " +
  "Пакеты тарифа-конструктора — 5. Добровольная блокировка — 6. Текущие акции — 7. Повторить — звездочка."
const BACK_PROMPT = "Чтобы вернуться в главное меню, нажмите 0."

/** Fast route for the «Электронный Помощник» service: 111, then 2163 [S4]. */
export const KIOSK_ROUTE = "2163"

const run = <T extends CommandTag>(x: IvrCtx, cmd: CommandOf<T>, done: (v: ResultOf<T>) => string[]): Step => {
  const r = x.twin.execute(cmd)
  if (Result.isFailure(r)) return { say: [r.failure.ru], next: back(), error: r.failure }
  return { say: done(r.success.value), next: back() }
}

const withView = (x: IvrCtx, f: (v: AccountView) => Step): Step => {
  const r = accountView(x.twin, x.msisdn, x.msisdn)
  return Result.isFailure(r) ? { say: [r.failure.ru], next: back(), error: r.failure } : f(r.success)
}

const back = (): IvrNode => ({ kind: "menu", prompt: BACK_PROMPT, options: { "0": () => say(main()) } })

/** The balance as the voice says it (I8: same value as *100# and SMS). */
export const spokenBalance = (v: AccountView): string => `Ваш баланс: ${rubSpoken(v.balance)}.`
export const spokenTariff = (v: AccountView): string =>
  `Ваш тарифный план — «${v.tariff.name}». Абонентская плата ${rubSpoken(v.tariff.monthlyFee)} в месяц.`
export const spokenPackages = (v: AccountView): string => {
  const ps = v.packages.filter(isPeriodic).map(packageLine)
  const once = v.packages.filter((p) => !isPeriodic(p)).map(oneOffLine)
  const all = [...ps, ...once]
  return all.length === 0 ? "Пакетов нет." : `Остатки пакетов. ${all.join(". ")}.`
}

// 1: balance and packages
const balanceMenu = (): IvrNode => ({
  kind: "menu",
  prompt: "Баланс — нажмите 1. Остатки пакетов — 2.",
  options: {
    "1": (x) =>
      withView(x, (v) =>
        say(
          back(),
          spokenBalance(v),
          ...(v.promised === null
            ? []
            : [`Обещанный платеж ${rubSpoken(v.promised.amount)} до ${dateRu(v.promised.dueAt)}.`]),
        ),
      ),
    "2": (x) => withView(x, (v) => say(back(), spokenPackages(v))),
  },
})

// 2: payments

const cardNumber = (amount: number): IvrNode => ({
  kind: "digits",
  prompt: "Введите номер банковской карты и нажмите решетку.",
  max: 19,
  onInput: (x, digits) =>
    digits.length < 16
      ? say(cardNumber(amount), "Номер карты должен содержать от 16 до 19 цифр.")
      : run(x, { _tag: "TopUp", msisdn: x.msisdn, amount, method: "card", by: x.msisdn, via: "ivr" }, (v) => [
          `Платеж на сумму ${rubSpoken(amount)} зачислен. Ваш баланс: ${rubSpoken(v.balance)}.`,
        ]),
})

const cardAmount = (): IvrNode => ({
  kind: "digits",
  prompt: "Введите сумму платежа в рублях и нажмите решетку.",
  max: 6,
  onInput: (_x, digits) => {
    const amount = parseKeypadRubles(digits)
    return amount === null ? say(cardAmount(), "Неверная сумма.") : say(cardNumber(amount))
  },
})

const paymentCard = (): IvrNode => ({
  kind: "digits",
  prompt: "Введите код карты оплаты и нажмите решетку.",
  max: 16,
  onInput: (x, digits) =>
    run(x, { _tag: "ActivatePaymentCard", msisdn: x.msisdn, code: digits, by: x.msisdn, via: "ivr" }, (v) => [
      `Карта оплаты активирована. Зачислено ${rubSpoken(v.amount)}. Ваш баланс: ${rubSpoken(v.balance)}.`,
    ]),
})

const credited = (x: IvrCtx): Step => {
  const r = recentPaymentsView(x.twin, x.msisdn, x.msisdn)
  if (Result.isFailure(r)) return { say: [r.failure.ru], next: back(), error: r.failure }
  const credits = r.success
  return credits.length === 0
    ? say(back(), `За последние ${RECENT_PAYMENT_DAYS} дней платежей не было.`)
    : say(
        back(),
        `Зачисленные платежи за ${RECENT_PAYMENT_DAYS} дней: ` +
          credits.map((e) => `${dateRu(e.at)} — ${rubSpoken(e.amount)}, ${e.label}`).join("; ") +
          ".",
      )
}

const paymentsMenu = (): IvrNode => ({
  kind: "menu",
  prompt: "Оплата банковской картой — нажмите 1. Зачисленные платежи — 2. Активация карты оплаты — 3.",
  options: { "1": () => say(cardAmount()), "2": credited, "3": () => say(paymentCard()) },
})

// 3: promised payment (R10)
const promisedDone = (p: ResultOf<"PromisedPayment">): string[] => [
  `Обещанный платеж на сумму ${rubSpoken(p.amount)} зачислен на ваш счет до ${dateRu(p.dueAt)}. Плата за услугу ${rubSpoken(p.fee)}.`,
]

const promisedAmount = (): IvrNode => ({
  kind: "digits",
  prompt: "Введите сумму в рублях и нажмите решетку.",
  max: 6,
  onInput: (x, digits) => {
    const amount = parseKeypadRubles(digits)
    return amount === null
      ? say(promisedAmount(), "Неверная сумма.")
      : run(x, { _tag: "PromisedPayment", msisdn: x.msisdn, amount, by: x.msisdn, via: "ivr" }, promisedDone)
  },
})

const promisedMenu = (x: IvrCtx): Step => {
  const q = promisedQuote(x.twin, x.msisdn)
  if (q === null) return say("hangup", "Абонент не найден.")
  return say({
    kind: "menu",
    prompt:
      `Вам доступен обещанный платеж до ${rubSpoken(q.limit)}. ` +
      "Чтобы получить его на эту сумму, нажмите 1. Чтобы ввести другую сумму — 2.",
    options: {
      "1": (y) => run(y, { _tag: "PromisedPayment", msisdn: y.msisdn, by: y.msisdn, via: "ivr" }, promisedDone),
      "2": () => say(promisedAmount()),
    },
  })
}

// 5: constructor packages (R5: the core requires «Мобильный помощник»)
const constructorData = (minutes: number, opts: ReadonlyArray<{ amount: number; fee: number }>): IvrNode => ({
  kind: "menu",
  prompt:
    "Выберите пакет интернета. " +
    opts.map((o, i) => `${gbText(o.amount * 1024)} за ${rubSpoken(o.fee)} — нажмите ${i + 1}`).join(". ") +
    ".",
  options: Object.fromEntries(
    opts.map((o, i) => [
      String(i + 1),
      (x: IvrCtx) =>
        run(
          x,
          { _tag: "ConfigureConstructor", msisdn: x.msisdn, minutes, dataGb: o.amount, by: x.msisdn, via: "ivr" },
          (v) => [
            `Пакеты изменены: ${count(minutes, MINUTES)}, ${gbText(o.amount * 1024)}. Абонентская ` +
              `плата ${rubSpoken(v.monthlyFee)} в месяц.`,
          ],
        ),
    ]),
  ),
})

/** R5: the options come from the core's read-only view; the core decides the change itself. */
const constructorMenu = (x: IvrCtx): Step => {
  const r = constructorOptions(x.twin, x.msisdn, x.msisdn)
  if (Result.isFailure(r)) return { say: [r.failure.ru], next: back(), error: r.failure }
  const o = r.success
  if (o === null)
    return say(
      back(),
      "Ваш тариф не является тарифом-конструктором. Изменять пакеты можно только на тарифе-конструкторе.",
    )
  const now =
    o.current === null
      ? []
      : [
          `Сейчас подключено: ${count(o.current.minutes, MINUTES)}, ${gbText(o.current.dataGb * 1024)}, ` +
            `абонентская плата ${rubSpoken(o.monthlyFee)} в месяц.`,
        ]
  return say({
    kind: "menu",
    prompt: [
      ...now,
      "Выберите пакет минут. " +
        o.minutes.map((m, i) => `${count(m.amount, MINUTES)} за ${rubSpoken(m.fee)} — нажмите ${i + 1}`).join(". ") +
        ".",
    ].join(" "),
    options: Object.fromEntries(
      o.minutes.map((m, i) => [String(i + 1), () => say(constructorData(m.amount, o.dataGb))]),
    ),
  })
}

// 6: voluntary block (R19: the core refuses corporate tariffs via the IVR)
const blockMenu = (): IvrNode => ({
  kind: "menu",
  prompt: "Чтобы установить добровольную блокировку, нажмите 1. Чтобы снять блокировку — 2.",
  options: {
    "1": (x) =>
      run(x, { _tag: "Block", msisdn: x.msisdn, by: x.msisdn, via: "ivr" }, () => [
        "Добровольная блокировка номера установлена.",
      ]),
    "2": (x) =>
      run(x, { _tag: "Unblock", msisdn: x.msisdn, by: x.msisdn, via: "ivr" }, () => [
        "Добровольная блокировка номера снята.",
      ]),
  },
})

// 7: promotions — the catalog's one-off packages, bought at once
const promotions = (x: IvrCtx): Step => {
  const offers = x.twin.cat.data.oneOffPackages.slice(0, 8)
  if (offers.length === 0) return say(back(), "Сейчас акций нет.")
  const amount = (o: (typeof offers)[number]): string =>
    o.kind === "data" ? gbText(o.amount) : o.kind === "minutes" ? count(o.amount, MINUTES) : `${o.amount} SMS`
  return say({
    kind: "menu",
    prompt:
      "Текущие акции. " +
      offers
        .map(
          (o, i) =>
            `«${o.name}»: ${amount(o)} на ${count(o.validDays, DAYS)} за ${rubSpoken(o.price)} — нажмите ${i + 1}`,
        )
        .join(". ") +
      ".",
    options: Object.fromEntries(
      offers.map((o, i) => [
        String(i + 1),
        (y: IvrCtx) =>
          run(y, { _tag: "BuyPackage", msisdn: y.msisdn, offer: o.id, by: y.msisdn, via: "ivr" }, (v) => [
            `Пакет «${o.name}» подключен до ${dateRu(v.expiresAt)}.`,
          ]),
      ]),
    ),
  })
}

/** 111 2163: connect «Электронный Помощник» (the core refuses corporate and VIP tariffs). */
export const connectKiosk = (x: IvrCtx): Step => {
  const r = x.twin.execute({
    _tag: "ConnectService",
    msisdn: x.msisdn,
    service: "e-assistant",
    by: x.msisdn,
    via: "ivr",
  })
  if (Result.isFailure(r)) return { say: [r.failure.ru, GOODBYE], next: "hangup", error: r.failure }
  return say(
    "hangup",
    "Услуга «Электронный Помощник» подключена. Чтобы получить код доступа, отправьте пустое SMS на номер 6262.",
    GOODBYE,
  )
}

export const main = (): IvrNode => ({
  kind: "menu",
  prompt: MAIN_PROMPT,
  options: {
    "1": () => say(balanceMenu()),
    "2": () => say(paymentsMenu()),
    "3": promisedMenu,
    "4": (x) => withView(x, (v) => say(back(), spokenTariff(v))),
    "5": constructorMenu,
    "6": () => say(blockMenu()),
    "7": promotions,
  },
  routes: { [KIOSK_ROUTE]: connectKiosk },
})

/** The first step of a call to 111 (or 1112163: straight to the kiosk service). */
export const start111 = (x: IvrCtx, fast: string): Step => {
  const v = accountView(x.twin, x.msisdn, x.msisdn)
  const on = Result.isFailure(v) || v.success.services.some((s) => s.id === "mobile-assistant" && s.connected)
  const greeting = on ? GREETING_111 : GREETING_111_OFF
  if (fast !== KIOSK_ROUTE) return say(main(), greeting)
  const k = connectKiosk(x)
  return { ...k, say: [greeting, ...k.say] }
}
