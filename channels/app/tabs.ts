// The «Роуминг» and «Поддержка» tabs of «Мой МТС»: read-only views of the account and catalog.
import { Result } from "effect"
import { accountView } from "../../core/engine/views.ts"
import { msisdnRu, rub, STATUS_RU } from "../lk/format.ts"
import { servicePriceRu } from "../text/price.ts"
import type { Actor, Res } from "../lk/selfcare.ts"

export const roaming = (a: Actor, target: string): Res =>
  Result.flatMap(accountView(a.twin, target, a.me), (v) => {
    const zab = v.services.find((s) => s.id === "zabugorishche")
    const r = a.twin.cat.data.roaming
    const where =
      v.location.kind === "abroad"
        ? `Вы за границей: ${v.location.countryName ?? v.location.country ?? ""}`
        : v.location.kind === "russia"
          ? "Вы в поездке по России"
          : "Вы в домашнем регионе"
    const country = v.location.country === null ? undefined : a.twin.cat.countries.get(v.location.country)
    const lines = [
      "Роуминг",
      where,
      `«Забугорище»: ${zab?.connected === true ? "подключено" : "не подключено"}`,
      `Плата за сутки с использованием связи за границей: ${rub(r.zabugorishchePopular)} в популярных ` +
        `странах, ${rub(r.zabugorishcheOther)} в остальных`,
    ]
    if (country !== undefined) lines.push(`${country.name}: ${country.popular ? "популярная страна" : "другие страны"}`)
    return Result.succeed({
      text: lines.join("\n"),
      data: { msisdn: v.msisdn, location: v.location, zabugorishche: zab ?? null, prices: r },
    })
  })

export const support = (a: Actor, target: string): Res =>
  Result.flatMap(accountView(a.twin, target, a.me), (v) =>
    Result.succeed({
      text: [
        "Поддержка",
        `Статус: ${STATUS_RU[v.status]}`,
        v.status === "blocked-voluntary" ? "Разблокировать номер" : "Заблокировать номер",
        "Чат со специалистом · Написать",
        "Заказать обратный звонок",
        "Горячая линия: 0890 (бесплатно с мобильного МТС)",
        "Мобильный помощник: 111",
        "МТС Сервис: *111#",
      ].join("\n"),
      data: {
        msisdn: v.msisdn,
        status: v.status,
        hotline: "0890",
        assistant: "111",
        ussd: "*111#",
        chat: "/support/chat",
        callback: "/support/callback",
      },
    }),
  )

/**
 * «Мой МТС», the main screen (003_…: «Главный экран сервиса отражает баланс на телефоне, количество
 * накопленных бонусов … информацией по тарифному плану, подключенным услугам»; «название и
 * ежемесячная стоимость ТП»).
 */
export const main = (a: Actor, target: string): Res =>
  Result.flatMap(accountView(a.twin, target, a.me), (v) =>
    Result.succeed({
      text: [
        "Мой МТС",
        msisdnRu(v.msisdn),
        `Баланс: ${rub(v.balance)}`,
        `Бонусы: ${v.bonus} баллов`,
        `Тариф «${v.tariff.name}» — ${rub(v.tariff.monthlyFee)} в месяц`,
        `Услуги: ${
          v.services
            .filter((s) => s.connected)
            .map((s) => s.name)
            .join(", ") || "нет"
        }`,
        "Пополнить: банковская карта, Apple Pay, Google Pay, Samsung Pay",
      ].join("\n"),
      data: {
        msisdn: v.msisdn,
        balance: v.balance,
        bonus: v.bonus,
        tariff: v.tariff,
        payMethods: ["card", "apple-pay", "google-pay", "samsung-pay"],
      },
    }),
  )

/** The catalog's entertainment and content services (003_…: «Развлечения … игровых и новостных ресурсов»). */
const ENTERTAINMENT = ["goodok", "my-content", "mts-online"] as const

/** «Развлечения»: KION and MTC Music as the documents describe them, and the content services of the catalog. */
export const entertainment = (a: Actor, target: string): Res =>
  Result.flatMap(accountView(a.twin, target, a.me), (v) => {
    const family = a.twin.cat.tariffs.get(v.tariff.id)?.familyOwner === true || v.family?.role === "member"
    const services = v.services.filter((s) => (ENTERTAINMENT as readonly string[]).includes(s.id))
    return Result.succeed({
      text: [
        "Развлечения",
        `KION — более 180 телеканалов, сотни фильмов и сериалов${family ? " (включено в «МЫ МТС»)" : ""}`,
        `MTC Music — миллионы композиций на любой вкус${family ? " (1 месяц бесплатно с «МЫ МТС»)" : ""}`,
        ...services.map((s) => `${s.name} — ${servicePriceRu(s, rub)} · ${s.connected ? "Отключить" : "Подключить"}`),
      ].join("\n"),
      data: { msisdn: v.msisdn, services },
    })
  })

/** A question in the support chat: a scripted specialist answers from the account (R29's scripted operator, in writing). */
export const chatAnswer = (a: Actor, target: string, question: string): Res =>
  Result.flatMap(accountView(a.twin, target, a.me), (v) => {
    const q = question.toLowerCase()
    const answer = /баланс|деньг|счет|счёт/u.test(q)
      ? `Ваш баланс ${rub(v.balance)}`
      : /тариф/u.test(q)
        ? `Ваш тариф «${v.tariff.name}», абонентская плата ${rub(v.tariff.monthlyFee)} в месяц. Сменить тариф можно во вкладке «Тарифы».`
        : /парол|войти|вход/u.test(q)
          ? "Новый пароль придет в SMS с номера 3339: наберите *111*25# или нажмите «Получить пароль по SMS»."
          : /роуминг|границ|забугор/u.test(q)
            ? "Условия за границей — во вкладке «Роуминг»: «Забугорище» списывается только в дни с использованием связи."
            : "Спасибо за вопрос! Специалист ответит в этом чате. Можно также позвонить на 0890 или заказать обратный звонок."
    return Result.succeed({ text: `Специалист МТС: ${answer}`, data: { msisdn: v.msisdn, question, answer } })
  })
