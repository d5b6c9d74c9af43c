// The self-service operations of the LK and the «Мой МТС» app: each turns validated input into
// one core command (by = the logged-in number, via = the channel) or one core view, and says in
// Russian what the page shows. No business rule lives here: the core decides, this translates.
import { dataVolumeRu } from "../text/amounts.ts"
import { servicePriceRu } from "../text/price.ts"
import { Result } from "effect"
import { decoyLogin, decoyOtp, unknownNumber } from "../edge/decoy.ts"
import { linkedBy } from "../../core/rules/linked.ts"
import type { Command, CommandOf, CommandTag } from "../../core/domain/commands.ts"
import { err, type DomainError } from "../../core/domain/errors.ts"
import {
  accountView,
  dateRangeBounds,
  detailView,
  periodBounds,
  promisedQuote,
  readable,
  tariffsView,
  type AccountView,
  type Detail,
  type ExpensePeriod,
} from "../../core/engine/views.ts"
import type { ResultOf, TwinCore } from "../../core/engine/twin-core.ts"
import { available } from "../../core/rules/funds.ts"
import { statusOf } from "../../core/state/model.ts"
import {
  asOfRu,
  dateRu,
  dateTimeRu,
  gbRu,
  msisdnRu,
  NEGATIVE_WARNING,
  packageLineRu,
  rub,
  STATUS_RU,
} from "./format.ts"

export type WebChannel = "lk" | "app"

/** Who acts: the twin, the logged-in number and the channel. */
/** `token`: the session this actor acts in (kept open when it changes the password). */
export interface Actor {
  readonly twin: TwinCore
  readonly me: string
  readonly via: WebChannel
  readonly token?: string
}

/** What a page or screen shows (`text`, Russian) and its JSON payload. */
export interface Reply {
  readonly text: string
  readonly data: Record<string, unknown>
}

export type Res = Result.Result<Reply, DomainError>

const reply = (text: string, data: Record<string, unknown> = {}): Res => Result.succeed({ text, data })

/** Run one command on behalf of the session; the core's error (with its Russian text) passes through. */
const exec = <T extends CommandTag>(a: Actor, cmd: CommandOf<T>): Result.Result<ResultOf<T>, DomainError> =>
  Result.map(a.twin.execute(cmd), (o) => o.value)

const actor = (a: Actor) => ({ by: a.me, via: a.via })

const account = (a: Actor, target: string): Result.Result<AccountView, DomainError> => accountView(a.twin, target, a.me)

// ---- authentication (R22–R26) -------------------------------------------------------------

// Before login an unknown number hears what an existing one would (channels/edge/decoy.ts).
export const requestOtp = (twin: TwinCore, via: WebChannel, msisdn: string): Res => {
  const sent = exec({ twin, me: msisdn, via }, { _tag: "RequestOtp", msisdn, by: msisdn, via })
  const r = Result.isFailure(sent) && unknownNumber(sent.failure) ? decoyOtp(twin, msisdn) : sent
  return Result.flatMap(r, (v) =>
    reply(
      `Пароль отправлен в SMS с номера 3339 на ${msisdnRu(msisdn)}. Пароль действует до ${dateTimeRu(v.expiresAt)}.`,
      { msisdn, expiresAt: v.expiresAt },
    ),
  )
}

export const login = (
  twin: TwinCore,
  via: WebChannel,
  msisdn: string,
  secret: string,
): Result.Result<{ token: string; msisdn: string }, DomainError> => {
  const r = twin.execute({
    _tag: "Login",
    msisdn,
    secret,
    channel: via,
    by: msisdn,
    via,
  })
  if (Result.isFailure(r) && unknownNumber(r.failure)) return Result.fail(decoyLogin(twin, msisdn, secret))
  return Result.map(r, (o) => o.value)
}

export const loginByNetwork = (
  twin: TwinCore,
  via: WebChannel,
  msisdn: string,
): Result.Result<{ token: string; msisdn: string }, DomainError> =>
  Result.map(twin.execute({ _tag: "LoginByNetwork", msisdn, channel: via, by: msisdn, via }), (o) => o.value)

/** R25: the core validates and touches the idle session, on this channel only; the logged-in number. */
export const resume = (twin: TwinCore, via: WebChannel, token: string): Result.Result<string, DomainError> =>
  Result.map(twin.execute({ _tag: "ResumeSession", token, channel: via, via }), (o) => o.value.msisdn)

export const logout = (twin: TwinCore, via: WebChannel, token: string): Res =>
  Result.flatMap(exec({ twin, me: "", via }, { _tag: "Logout", token, via }), () =>
    reply("Вы вышли из Личного кабинета."),
  )

// ---- «Мой МТС»: balance, packages -------------------------------------------------------------

/** The part of the account view that the balance answer shows (as in accountView), without the
 *  rest of the view (services, packages, family ...) that the LK balance request would only drop. */
type BalanceView = Pick<
  AccountView,
  | "msisdn"
  | "asOf"
  | "balance"
  | "available"
  | "negative"
  | "payment"
  | "debt"
  | "creditLimit"
  | "status"
  | "promised"
  | "autopay"
>

const balanceView = (a: Actor, target: string): Result.Result<BalanceView, DomainError> =>
  Result.map(readable(a.twin, target, a.me), (s) => ({
    msisdn: s.msisdn,
    asOf: a.twin.now,
    balance: s.balance,
    available: available(s),
    negative: s.balance < 0,
    payment: s.payment,
    debt: s.payment === "credit" ? Math.max(0, -s.balance) : 0,
    creditLimit: s.creditLimit,
    status: statusOf(s),
    promised: s.promised === null ? null : { amount: s.promised.amount, fee: s.promised.fee, dueAt: s.promised.dueAt },
    autopay: s.autopay,
  }))

const balanceLines = (v: BalanceView): string[] => {
  const lines = [`Мой баланс ${rub(v.balance)}`, asOfRu(v.asOf)]
  if (v.negative && v.payment === "prepaid") lines.push(NEGATIVE_WARNING)
  if (v.payment === "credit") lines.push(`Задолженность ${rub(v.debt)}, кредитный лимит ${rub(v.creditLimit)}`)
  if (v.status !== "active") lines.push(`Статус: ${STATUS_RU[v.status]}`)
  if (v.promised !== null) lines.push(`Обещанный платеж ${rub(v.promised.amount)} до ${dateRu(v.promised.dueAt)}`)
  return lines
}

const balanceData = (v: BalanceView) => ({
  msisdn: v.msisdn,
  asOf: v.asOf,
  balance: v.balance,
  available: v.available,
  negative: v.negative,
  payment: v.payment,
  debt: v.debt,
  creditLimit: v.creditLimit,
  status: v.status,
  promised: v.promised,
  autopay: v.autopay,
})

export const balance = (a: Actor, target: string): Res =>
  Result.flatMap(balanceView(a, target), (v) => reply(balanceLines(v).join("\n"), balanceData(v)))

export const overview = (a: Actor, target: string): Res =>
  Result.flatMap(account(a, target), (v) =>
    reply(
      [
        `${v.personal.name}, ${msisdnRu(v.msisdn)}`,
        ...balanceLines(v),
        `Тариф «${v.tariff.name}»`,
        "Пакеты услуг:",
        ...(v.packages.length === 0 ? ["нет пакетов"] : v.packages.map(packageLineRu)),
      ].join("\n"),
      { account: v },
    ),
  )

export const packages = (a: Actor, target: string): Res =>
  Result.flatMap(account(a, target), (v) =>
    reply(
      [
        "Пакеты услуг",
        ...(v.packages.length === 0 ? ["Подключите пакеты для экономии расходов"] : v.packages.map(packageLineRu)),
      ].join("\n"),
      { msisdn: v.msisdn, asOf: v.asOf, packages: v.packages },
    ),
  )

// ---- money: top-up (R9), promised payment (R10), autopay (R11), transfer (R12) ------------------

export const topUp = (
  a: Actor,
  target: string,
  amount: number,
  method: "card" | "apple-pay" | "google-pay" | "samsung-pay",
): Res =>
  Result.flatMap(exec(a, { _tag: "TopUp", msisdn: target, amount, method, ...actor(a) }), (v) =>
    reply(`Платеж на ${rub(amount)} зачислен. Баланс ${rub(v.balance)}`, {
      msisdn: target,
      amount,
      method,
      balance: v.balance,
    }),
  )

export const promisedOffer = (a: Actor, target: string): Res =>
  Result.flatMap(account(a, target), (v) => {
    const q = promisedQuote(a.twin, v.msisdn)
    return reply(
      v.promised !== null
        ? `Обещанный платеж ${rub(v.promised.amount)} действует до ${dateRu(v.promised.dueAt)}`
        : `Обещанный платеж: доступно до ${rub(v.promisedOffer.limit)}${q !== null ? `, плата ${rub(q.fee)}` : ""}`,
      { msisdn: v.msisdn, current: v.promised, limit: v.promisedOffer.limit, quote: q },
    )
  })

export const promisedPayment = (a: Actor, target: string, amount: number | undefined): Res =>
  Result.flatMap(
    exec(a, {
      _tag: "PromisedPayment",
      msisdn: target,
      ...(amount !== undefined ? { amount } : {}),
      ...actor(a),
    }),
    (v) =>
      reply(`Обещанный платеж ${rub(v.amount)} зачислен до ${dateRu(v.dueAt)}. Плата за услугу ${rub(v.fee)}`, {
        msisdn: target,
        ...v,
      }),
  )

export interface AutopayInput {
  mode: "date" | "threshold" | "off"
  amount?: number | undefined
  day?: number | undefined
  threshold?: number | undefined
}

export const autopay = (a: Actor, target: string, x: AutopayInput): Res => {
  if (x.mode === "off")
    return Result.flatMap(exec(a, { _tag: "CancelAutopay", msisdn: target, ...actor(a) }), () =>
      reply("Автоплатеж отключен", { msisdn: target, autopay: null }),
    )
  if (x.amount === undefined)
    return Result.fail(
      err("INVALID_FIELD", "amount: autopay needs an amount in kopecks", "Укажите сумму автоплатежа", "amount"),
    )
  const cmd: Command = {
    _tag: "SetAutopay",
    msisdn: target,
    mode: x.mode,
    amount: x.amount,
    ...(x.day !== undefined ? { day: x.day } : {}),
    ...(x.threshold !== undefined ? { threshold: x.threshold } : {}),
    ...actor(a),
  }
  return Result.flatMap(exec(a, cmd), () =>
    Result.flatMap(account(a, target), (v) =>
      reply(
        x.mode === "date"
          ? `Автоплатеж подключен: ${rub(x.amount ?? 0)} каждый месяц ${x.day ?? ""}-го числа`
          : `Автоплатеж подключен: ${rub(x.amount ?? 0)}, когда баланс меньше ${rub(x.threshold ?? 0)}`,
        { msisdn: target, autopay: v.autopay },
      ),
    ),
  )
}

export const transfer = (a: Actor, target: string, to: string, amount: number): Res =>
  Result.flatMap(exec(a, { _tag: "Transfer", msisdn: target, to, amount, ...actor(a) }), (v) =>
    reply(`Перевод ${rub(v.amount)} на номер ${msisdnRu(to)} выполнен. Комиссия ${rub(v.fee)}`, {
      msisdn: target,
      to,
      ...v,
    }),
  )

/** Payments to other providers from the balance: ТВ и Интернет, квартплата, мобильный телефон (000_…). */
export const payProvider = (a: Actor, target: string, provider: string, account: string, amount: number): Res =>
  Result.flatMap(
    exec(a, {
      _tag: "PayProvider",
      msisdn: target,
      provider,
      account,
      amount,
      ...actor(a),
    }),
    (v) =>
      reply(`Оплата «${v.provider}» на ${rub(v.amount)} выполнена${v.fee > 0 ? `. Комиссия ${rub(v.fee)}` : ""}`, {
        msisdn: target,
        providerId: provider,
        ...v,
      }),
  )

// ---- «Расходы» (R14) ----------------------------------------------------------------------

export type Period = { period: ExpensePeriod } | { from: string; to: string }

/** R14, I8: the period's bounds come from the core (views.periodBounds), custom dates too. */
const boundsOf = (now: number, p: Period): Result.Result<{ from: number; to: number }, DomainError> =>
  "period" in p ? Result.succeed(periodBounds(now, p.period)) : dateRangeBounds(p.from, p.to)

const USAGE_RU = { call: "звонок", sms: "SMS", data: "интернет" } as const

const usageVolumeRu = (u: Detail["usage"][number]): string =>
  u.kind === "call"
    ? `${Math.floor(u.volume / 60)} мин ${u.volume % 60} с`
    : u.kind === "sms"
      ? `${u.volume} шт.`
      : dataVolumeRu(u.volume)

export const expenses = (a: Actor, target: string, p: Period): Res =>
  Result.flatMap(boundsOf(a.twin.now, p), ({ from, to }) =>
    Result.flatMap(detailView(a.twin, target, from, to, a.me), (d) => {
      const t = d.totals
      const lines = [
        `Расходы с ${dateRu(from)} по ${dateRu(to - 1)}: ${rub(t.spent)}`,
        `Звонки ${rub(t.calls)}, SMS ${rub(t.sms)}, интернет ${rub(t.data)}, абонентская плата и услуги ${rub(t.fees)}, роуминг ${rub(t.roaming)}, прочее ${rub(t.other)}`,
        `Зачислено ${rub(t.credited)}`,
        ...d.usage.map(
          (u) =>
            `${dateTimeRu(u.at)} ${USAGE_RU[u.kind]}${u.peer !== "" ? ` ${msisdnRu(u.peer)}` : ""} ${usageVolumeRu(u)} — ${rub(u.cost)}`,
        ),
        ...d.ledger
          .filter((l) => !l.reason.startsWith("usage-"))
          .map((l) => `${dateTimeRu(l.at)} ${l.label} ${rub(l.amount)}`),
      ]
      return reply(lines.join("\n"), { detail: d })
    }),
  )

// ---- «Услуги» (R17) ------------------------------------------------------------------------

export const services = (a: Actor, target: string): Res =>
  Result.flatMap(account(a, target), (v) => {
    const price = (s: AccountView["services"][number]): string => servicePriceRu(s, rub)
    const on = v.services.filter((s) => s.connected)
    const avail = v.services.filter((s) => !s.connected && s.available)
    return reply(
      [
        "Подключенные:",
        ...on.map((s) => `${s.name} — ${price(s)}${s.removable ? " · Отключить" : ""}`),
        "Доступные:",
        ...avail.map((s) => `${s.name} — ${price(s)} · Подключить`),
      ].join("\n"),
      { msisdn: v.msisdn, services: v.services },
    )
  })

export const connectService = (a: Actor, target: string, service: string): Res =>
  Result.flatMap(exec(a, { _tag: "ConnectService", msisdn: target, service, ...actor(a) }), (v) =>
    reply(
      `Услуга «${a.twin.cat.services.get(service)?.name ?? service}» подключена${v.connectFee > 0 ? `, списано ${rub(v.connectFee)}` : ""}`,
      { msisdn: target, service, ...v },
    ),
  )

export const disconnectService = (a: Actor, target: string, service: string): Res =>
  Result.flatMap(exec(a, { _tag: "DisconnectService", msisdn: target, service, ...actor(a) }), () =>
    reply(`Услуга «${a.twin.cat.services.get(service)?.name ?? service}» отключена`, { msisdn: target, service }),
  )

export const buyPackage = (a: Actor, target: string, offer: string): Res =>
  Result.flatMap(exec(a, { _tag: "BuyPackage", msisdn: target, offer, ...actor(a) }), (v) =>
    reply(
      `Пакет «${a.twin.cat.oneOff.get(offer)?.name ?? offer}» подключен до ${dateRu(v.expiresAt)}, списано ${rub(v.price)}`,
      { msisdn: target, offer, ...v },
    ),
  )

// ---- «Тариф» (R6) --------------------------------------------------------------------------

export const tariffs = (a: Actor, target: string): Res =>
  Result.flatMap(account(a, target), (v) => {
    const list = tariffsView(a.twin, v.msisdn)
    return reply(
      [
        `Ваш тариф «${v.tariff.name}», абонентская плата ${rub(v.tariff.monthlyFee)} в месяц`,
        ...list
          .filter((t) => t.selectable && !t.current)
          .map((t) => `«${t.name}» — ${rub(t.monthlyFee)} в месяц · Перейти`),
      ].join("\n"),
      { msisdn: v.msisdn, current: v.tariff, tariffs: list },
    )
  })

/** R6: without `confirmed` the core answers with the confirmation text; the channel shows it as a step. */
export const changeTariff = (a: Actor, target: string, tariff: string, confirmed: boolean): Res => {
  const r = exec(a, {
    _tag: "ChangeTariff",
    msisdn: target,
    tariff,
    confirmed,
    ...actor(a),
  })
  if (Result.isFailure(r) && r.failure.code === "CONFIRMATION_REQUIRED") {
    const t = tariffsView(a.twin, target).find((x) => x.tariff === tariff)
    // What the change charges at once (change fee and the first month, the core's quote), stated plainly.
    const now = t === undefined ? "" : `\nБудет списано сейчас: ${rub(t.total)}`
    return reply(`${r.failure.ru}${now}\nПодтвердить · Отмена`, {
      msisdn: target,
      tariff,
      confirmationRequired: true,
      quote: t ?? null,
    })
  }
  return Result.flatMap(r, (v) =>
    reply(`Тариф изменен на «${v.name}». Списано ${rub(v.changeFee + v.monthlyFee)}`, {
      msisdn: target,
      confirmationRequired: false,
      ...v,
    }),
  )
}

// ---- block (R19) ---------------------------------------------------------------------------

export const block = (a: Actor, target: string): Res =>
  Result.flatMap(exec(a, { _tag: "Block", msisdn: target, ...actor(a) }), () =>
    reply("Добровольная блокировка номера установлена", { msisdn: target, status: "blocked-voluntary" }),
  )

export const unblock = (a: Actor, target: string): Res =>
  Result.flatMap(exec(a, { _tag: "Unblock", msisdn: target, ...actor(a) }), () =>
    Result.flatMap(account(a, target), (v) =>
      reply("Добровольная блокировка номера снята", { msisdn: target, status: v.status }),
    ),
  )

// ---- «Привязанные» (R20) --------------------------------------------------------------------

export const linked = (a: Actor): Res =>
  Result.flatMap(account(a, a.me), (v) => {
    const rows = v.linked.map((m) => {
      const s = a.twin.state.subscribers.get(m)
      return { msisdn: m, balance: s?.balance ?? null }
    })
    // R20: the logins this number is linked to, so its owner can see and remove them.
    const by = linkedBy(a.twin.state, a.me)
    return reply(
      [
        "Привязанные номера",
        ...(rows.length === 0
          ? ["Нет привязанных номеров · Добавить"]
          : rows.map((r) => `${msisdnRu(r.msisdn)}${r.balance !== null ? ` — ${rub(r.balance)}` : ""}`)),
        ...(by.length === 0
          ? []
          : ["Мой номер привязан к Личному кабинету", ...by.map((m) => `${msisdnRu(m)} · Удалить привязку`)]),
      ].join("\n"),
      { msisdn: a.me, linked: rows, linkedBy: by },
    )
  })

/** R20: the linked number takes itself out of the LK of `owner`. */
export const leaveLink = (a: Actor, owner: string): Res =>
  Result.flatMap(exec(a, { _tag: "Unlink", msisdn: owner, target: a.me, ...actor(a) }), () =>
    reply(`Ваш номер больше не привязан к Личному кабинету номера ${msisdnRu(owner)}`, { owner, linked: false }),
  )

export const linkRequest = (a: Actor, target: string): Res =>
  Result.flatMap(exec(a, { _tag: "LinkRequest", msisdn: a.me, target, ...actor(a) }), (v) =>
    reply(`Код подтверждения отправлен в SMS на номер ${msisdnRu(target)}. Введите его, чтобы добавить номер.`, {
      target,
      expiresAt: v.expiresAt,
    }),
  )

export const linkConfirm = (a: Actor, target: string, code: string): Res =>
  Result.flatMap(exec(a, { _tag: "LinkConfirm", msisdn: a.me, target, code, ...actor(a) }), () =>
    reply(`Номер ${msisdnRu(target)} добавлен в «Привязанные»`, { target, linked: true }),
  )

export const unlink = (a: Actor, target: string): Res =>
  Result.flatMap(exec(a, { _tag: "Unlink", msisdn: a.me, target, ...actor(a) }), () =>
    reply(`Номер ${msisdnRu(target)} отвязан`, { target, linked: false }),
  )

// ---- «Поделиться пакетами» (R2) -----------------------------------------------------------

export const family = (a: Actor): Res =>
  Result.flatMap(account(a, a.me), (v) => {
    const f = v.family
    const lines = ["Поделиться пакетами"]
    if (f === null)
      lines.push(
        a.twin.cat.tariffs.get(v.tariff.id)?.familyOwner === true
          ? "Участников пока нет · Пригласить участника"
          : "Делиться пакетами можно на тарифе «МЫ МТС»",
      )
    else if (f.role === "owner") {
      for (const m of f.members)
        lines.push(
          `${msisdnRu(m.msisdn)} — ${m.status === "active" ? "делится" : "приглашен, ждем ответа «Да»"}: ${m.minutes} мин, ${m.sms} SMS, ${gbRu(m.dataMb)} Гб`,
        )
      lines.push("Пригласить участника")
    } else lines.push(`Вы ${f.role === "member" ? "участник" : "приглашены в"} группы владельца ${msisdnRu(f.owner)}`)
    return reply(lines.join("\n"), { msisdn: a.me, family: f })
  })

export const familyInvite = (a: Actor, member: string, minutes: number, sms: number, dataMb: number): Res =>
  Result.flatMap(exec(a, { _tag: "FamilyInvite", msisdn: a.me, member, minutes, sms, dataMb, ...actor(a) }), () =>
    reply(`Приглашение отправлено на ${msisdnRu(member)}. Делиться начнем, когда участник ответит «Да» на SMS.`, {
      member,
      minutes,
      sms,
      dataMb,
      status: "invited",
    }),
  )

export const familyRemove = (a: Actor, member: string): Res =>
  Result.flatMap(exec(a, { _tag: "FamilyRemove", msisdn: a.me, member, ...actor(a) }), () =>
    reply(`Участник ${msisdnRu(member)} исключен`, { member }),
  )

// ---- «Настройки»: personal data (R21), password (R23), notifications (R16) ---------------------

export const personal = (a: Actor, target: string): Res =>
  Result.flatMap(account(a, target), (v) =>
    reply(
      [
        "Персональные данные",
        `ФИО: ${v.personal.name}`,
        `Номер: ${msisdnRu(v.msisdn)}`,
        `Паспорт: ${v.personal.passport !== "" ? v.personal.passport : "не указан"}`,
        `Регион: ${v.personal.region}`,
      ].join("\n"),
      { msisdn: v.msisdn, personal: v.personal },
    ),
  )

/** «Настройки входа» (R23): the current password, then the new one twice; the changing session stays open. */
export const setPassword = (
  a: Actor,
  password: string,
  current: string | undefined,
  confirm: string | undefined,
): Res =>
  Result.flatMap(
    exec(a, {
      _tag: "SetPassword",
      msisdn: a.me,
      password,
      ...(current !== undefined ? { current } : {}),
      ...(confirm !== undefined ? { confirm } : {}),
      ...(a.token !== undefined ? { keep: a.token } : {}),
      ...actor(a),
    }),
    () => reply("Постоянный пароль установлен", { msisdn: a.me }),
  )

export const notifications = (a: Actor, charges: boolean | undefined, logins: boolean | undefined): Res =>
  Result.flatMap(
    exec(a, {
      _tag: "SetNotifications",
      msisdn: a.me,
      ...(charges !== undefined ? { charges } : {}),
      ...(logins !== undefined ? { logins } : {}),
      ...actor(a),
    }),
    () =>
      Result.flatMap(account(a, a.me), (v) =>
        reply(
          `Уведомления о списаниях ${v.notifications.charges ? "включены" : "выключены"}, о входе ${v.notifications.logins ? "включены" : "выключены"}`,
          { msisdn: a.me, notifications: v.notifications },
        ),
      ),
  )

// ---- bonuses (R13) -------------------------------------------------------------------------

export const bonuses = (a: Actor, target: string): Res =>
  Result.flatMap(account(a, target), (v) => {
    const offers = a.twin.cat.data.bonusOffers
    return reply(
      [`Бонусы: ${v.bonus} баллов`, ...offers.map((o) => `«${o.name}» — ${o.points} баллов · Обменять`)].join("\n"),
      { msisdn: v.msisdn, bonus: v.bonus, offers },
    )
  })

export const exchangeBonus = (a: Actor, target: string, offer: string): Res =>
  Result.flatMap(exec(a, { _tag: "ExchangeBonus", msisdn: target, offer, ...actor(a) }), (v) =>
    reply(
      `Баллы обменяны на «${a.twin.cat.bonusOffers.get(offer)?.name ?? offer}». Списано ${v.points} баллов, осталось ${v.left}`,
      { msisdn: target, offer, ...v },
    ),
  )

/** I9 guard for reads that do not go through an account view. */
export const mayRead = (a: Actor, target: string): Result.Result<void, DomainError> =>
  Result.map(readable(a.twin, target, a.me), () => undefined)
