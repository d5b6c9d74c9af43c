// The «Электронный Помощник» terminal as a screen model (R27): enter the number, enter the code
// or «Заказать пароль», then the «Сервис МТС» menu: balance, services, tariff change, cash
// top-up. Each function is one screen: Russian text plus its data. The core decides everything.
import { servicePriceRu } from "../text/price.ts"
import { Result } from "effect"
import { decoyKiosk, unknownNumber } from "../edge/decoy.ts"
import type { CommandOf, CommandTag } from "../../core/domain/commands.ts"
import type { DomainError } from "../../core/domain/errors.ts"
import { isMsisdn } from "../../core/domain/ids.ts"
import { err } from "../../core/domain/errors.ts"
import { accountView, tariffsView } from "../../core/engine/views.ts"
import type { ResultOf, TwinCore } from "../../core/engine/twin-core.ts"
import { asOfRu, msisdnRu, rub } from "../lk/format.ts"
import type { Res } from "../lk/selfcare.ts"

export type Screen =
  | "number"
  | "code"
  | "menu"
  | "balance"
  | "services"
  | "tariffs"
  | "confirm-tariff"
  | "topup"
  | "done"
  | "bye"

const screen = (s: Screen, text: string, data: Record<string, unknown> = {}): Res =>
  Result.succeed({ text, data: { screen: s, ...data } })

const exec = <T extends CommandTag>(twin: TwinCore, cmd: CommandOf<T>): Result.Result<ResultOf<T>, DomainError> =>
  Result.map(twin.execute(cmd), (o) => o.value)

const who = (msisdn: string) => ({ by: msisdn, via: "kiosk" as const })

export const MENU = ["1 Баланс", "2 Услуги", "3 Смена тарифа", "4 Пополнить счет наличными", "0 Выход"] as const

export const welcome = (): Res => screen("number", "«Электронный Помощник»\nВведите номер телефона")

export const enterNumber = (msisdn: string): Res =>
  isMsisdn(msisdn)
    ? screen("code", `Номер ${msisdnRu(msisdn)}\nВведите код доступа или нажмите «Заказать пароль»`, { msisdn })
    : Result.fail(err("INVALID_FIELD", "msisdn: expected 7 and 10 digits", "Неверный номер телефона", "msisdn"))

export const orderCode = (twin: TwinCore, msisdn: string): Res =>
  Result.flatMap(unknownAsUnconnected(exec(twin, { _tag: "RequestKioskCode", msisdn, ...who(msisdn) }), msisdn), () =>
    screen("code", "Код доступа отправлен в SMS с номера 6262. Введите код", { msisdn }),
  )

/** An unknown number is answered as a number without the service (channels/edge/decoy.ts). */
const unknownAsUnconnected = <A>(r: Result.Result<A, DomainError>, msisdn: string): Result.Result<A, DomainError> =>
  Result.isFailure(r) && unknownNumber(r.failure) ? Result.fail(decoyKiosk(msisdn)) : r

/**
 * R27, I6: the core checks the code, refuses corporate/VIP and unconnected numbers, blocks after
 * >3 wrong codes, and opens the terminal's session: the token the terminal keeps.
 */
export const login = (
  twin: TwinCore,
  msisdn: string,
  code: string,
): Result.Result<{ msisdn: string; token: string }, DomainError> =>
  unknownAsUnconnected(exec(twin, { _tag: "KioskLogin", msisdn, code, ...who(msisdn) }), msisdn)

/** R27: the core decides whether the terminal's token is still valid (kiosk channel, idle limit); the number at the screen. */
export const resume = (twin: TwinCore, token: string): Result.Result<string, DomainError> =>
  Result.map(exec(twin, { _tag: "ResumeSession", token, channel: "kiosk", via: "kiosk" }), (v) => v.msisdn)

/** «Выход»: the core ends the terminal's session. */
export const logout = (twin: TwinCore, token: string): Res =>
  Result.flatMap(exec(twin, { _tag: "Logout", token, via: "kiosk" }), () => bye())

export const menu = (msisdn: string): Res =>
  screen("menu", ["Сервис МТС", `Номер ${msisdnRu(msisdn)}`, ...MENU].join("\n"), { msisdn, menu: MENU })

export const balance = (twin: TwinCore, msisdn: string): Res =>
  Result.flatMap(accountView(twin, msisdn, msisdn), (v) =>
    screen(
      "balance",
      [
        `Баланс: ${rub(v.balance)}`,
        asOfRu(v.asOf),
        `Тариф: «${v.tariff.name}»`,
        ...(v.negative ? ["Баланс меньше нуля, рекомендуем пополнить"] : []),
      ].join("\n"),
      { msisdn, balance: v.balance, tariff: v.tariff.id, status: v.status },
    ),
  )

export const services = (twin: TwinCore, msisdn: string): Res =>
  Result.flatMap(accountView(twin, msisdn, msisdn), (v) => {
    const price = (s: (typeof v.services)[number]): string => servicePriceRu(s, rub)
    return screen(
      "services",
      [
        "Управление услугами",
        ...v.services
          .filter((s) => s.connected)
          .map((s) => `[услуга подключена] ${s.name} — ${price(s)}${s.removable ? " · Отключить" : ""}`),
        ...v.services.filter((s) => !s.connected && s.available).map((s) => `${s.name} — ${price(s)} · Подключить`),
      ].join("\n"),
      { msisdn, services: v.services },
    )
  })

export const connect = (twin: TwinCore, msisdn: string, service: string): Res =>
  Result.flatMap(exec(twin, { _tag: "ConnectService", msisdn, service, ...who(msisdn) }), () =>
    screen("done", `Услуга «${twin.cat.services.get(service)?.name ?? service}» подключена`, { msisdn, service }),
  )

export const disconnect = (twin: TwinCore, msisdn: string, service: string): Res =>
  Result.flatMap(exec(twin, { _tag: "DisconnectService", msisdn, service, ...who(msisdn) }), () =>
    screen("done", `Услуга «${twin.cat.services.get(service)?.name ?? service}» отключена`, { msisdn, service }),
  )

export const tariffs = (twin: TwinCore, msisdn: string): Res =>
  Result.flatMap(accountView(twin, msisdn, msisdn), (v) => {
    const list = tariffsView(twin, msisdn).filter((t) => t.selectable)
    return screen(
      "tariffs",
      [
        `Ваш тариф: «${v.tariff.name}»`,
        ...list.filter((t) => !t.current).map((t) => `«${t.name}» — ${rub(t.monthlyFee)}/мес. · Перейти`),
      ].join("\n"),
      { msisdn, current: v.tariff.id, tariffs: list },
    )
  })

export const changeTariff = (twin: TwinCore, msisdn: string, tariff: string, confirmed: boolean): Res => {
  const r = exec(twin, {
    _tag: "ChangeTariff",
    msisdn,
    tariff,
    confirmed,
    ...who(msisdn),
  })
  if (Result.isFailure(r) && r.failure.code === "CONFIRMATION_REQUIRED") {
    // What the change charges at once (change fee and first month, the core's quote).
    const q = tariffsView(twin, msisdn).find((t) => t.tariff === tariff)
    return screen(
      "confirm-tariff",
      `${r.failure.ru}${q !== undefined ? `\nБудет списано сейчас: ${rub(q.total)}` : ""}\nПодтвердить · Отмена`,
      { msisdn, tariff, confirmationRequired: true },
    )
  }
  return Result.flatMap(r, (v) =>
    screen("done", `Тариф изменен на «${v.name}»`, { msisdn, confirmationRequired: false, ...v }),
  )
}

export const topUpCash = (twin: TwinCore, msisdn: string, amount: number): Res =>
  Result.flatMap(exec(twin, { _tag: "TopUp", msisdn, amount, method: "cash", ...who(msisdn) }), (v) =>
    screen("done", `Внесено ${rub(amount)} Баланс: ${rub(v.balance)}\nВозьмите чек`, {
      msisdn,
      amount,
      balance: v.balance,
    }),
  )

export const bye = (): Res => screen("bye", "Спасибо! Сеанс завершен")
