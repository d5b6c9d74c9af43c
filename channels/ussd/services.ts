// Service, tariff, linked-number and offer screens of the *111# tree. Prices and availability
// come from the core's views; the core decides every connect, change and refusal.
import { phoneRu } from "../../core/domain/phone.ts"
import { servicePriceRu } from "../text/price.ts"
import { accountView, servicesView, tariffsView, type ServiceView, type TariffOffer } from "../../core/engine/views.ts"
import { linkedBy } from "../../core/rules/linked.ts"
import { mskDay } from "../../core/domain/time.ts"
import { normalizeMsisdn } from "../text/phone.ts"
import { amountText } from "../text/amounts.ts"
import { count, DAYS, POINTS } from "../text/plural.ts"
import { rubShort } from "../text/money.ts"
import { exec, menu, numbered, prompt, read, text, type Node, type UssdCtx } from "./nodes.ts"

const sub = (x: UssdCtx) => x.twin.state.subscribers.get(x.msisdn)

const servicesOf = (x: UssdCtx): ServiceView[] => {
  const s = sub(x)
  return s === undefined ? [] : servicesView(x.twin, s)
}

/** "3,50 руб. в сутки", "50 руб. в месяц", "бесплатно"; «Забугорище» its fee abroad (R3). */
export const priceText = (sv: ServiceView): string => servicePriceRu(sv, rubShort, true)

const connect = (x: UssdCtx, sv: ServiceView): Node =>
  exec(x, { _tag: "ConnectService", msisdn: x.msisdn, service: sv.id, by: x.msisdn, via: "ussd" }, () =>
    text(`Услуга «${sv.name}» подключена`),
  )

const disconnect = (x: UssdCtx, sv: ServiceView): Node =>
  exec(x, { _tag: "DisconnectService", msisdn: x.msisdn, service: sv.id, by: x.msisdn, via: "ussd" }, () =>
    text(`Услуга «${sv.name}» отключена`),
  )

/** One service: status, price, connect or disconnect (R17). */
export const service =
  (id: string) =>
  (x: UssdCtx): Node => {
    const sv = servicesOf(x).find((s) => s.id === id)
    if (sv === undefined) return text("Услуга не найдена")
    // «Услуга … подключена»: the noun the verb agrees with (never «Мобильный помощник / подключена»).
    return menu(
      [`Услуга «${sv.name}» ${sv.connected ? "подключена" : "не подключена"}`, priceText(sv)],
      [
        sv.connected
          ? { key: "1", label: "Отключить", go: (y) => disconnect(y, sv) }
          : { key: "1", label: "Подключить", go: (y) => connect(y, sv) },
        { key: "2", label: "Описание", go: () => text(sv.description) },
      ],
    )
  }

/** *111*242#: «Мобильный помощник», removed with «2 Удалить» (R18). */
export const mobileAssistant = (x: UssdCtx): Node => {
  const sv = servicesOf(x).find((s) => s.id === "mobile-assistant")
  if (sv === undefined) return text("Услуга не найдена")
  return menu(
    [`«${sv.name}»: ${sv.connected ? "подключен" : "не подключен"}`],
    [
      { key: "1", label: "Подключить", go: (y) => connect(y, sv) },
      { key: "2", label: "Удалить", go: (y) => disconnect(y, sv) },
    ],
  )
}

/** *111*2163#: connect «Электронный Помощник» (R27; the core refuses corporate and VIP). */
export const eAssistant = (x: UssdCtx): Node =>
  exec(x, { _tag: "ConnectService", msisdn: x.msisdn, service: "e-assistant", by: x.msisdn, via: "ussd" }, () =>
    text("Услуга «Электронный Помощник» подключена", "Код доступа: пустое SMS на номер 6262"),
  )

/** 5>Удоб.связь: every service the tariff allows, connected ones marked. */
export const convenience = (x: UssdCtx): Node =>
  menu(
    ["Удобная связь"],
    [
      ...numbered(
        servicesOf(x)
          .filter((s) => s.available)
          .map((s) => ({ label: `${s.name}${s.connected ? " (вкл)" : ""}`, go: service(s.id) })),
      ),
      { key: "88", label: "Привязанные номера", go: linked },
    ],
  )

/** *111*919#: paid services connected on the number, each can be turned off. */
export const content = (x: UssdCtx): Node => {
  const paid = servicesOf(x).filter((s) => s.connected && (s.monthlyFee > 0 || s.dailyFee > 0))
  return paid.length === 0
    ? text("Платных подписок нет")
    : menu(
        ["Платные подписки:"],
        numbered(paid.map((s) => ({ label: `${s.name} ${priceText(s)}`, go: service(s.id) }))),
      )
}

// --- tariffs (R6) ----------------------------------------------------------------------------

const tariffScreen = (t: TariffOffer): Node =>
  menu(
    [`«${t.name}»`, `${rubShort(t.monthlyFee)}/мес, переход ${rubShort(t.changeFee)}`],
    [
      {
        key: "1",
        label: "Перейти",
        go: (x) =>
          exec(
            x,
            { _tag: "ChangeTariff", msisdn: x.msisdn, tariff: t.tariff, confirmed: true, by: x.msisdn, via: "ussd" },
            () => text(`Тарифный план изменен на «${t.name}»`),
          ),
      },
      { key: "2", label: "Описание", go: () => text(t.description) },
    ],
  )

const tariffList = (x: UssdCtx, title: string, pick: (t: TariffOffer) => boolean): Node => {
  const ts = tariffsView(x.twin, x.msisdn).filter((t) => t.selectable && !t.current && pick(t))
  return ts.length === 0
    ? text("Нет доступных тарифов")
    : menu([title], numbered(ts.map((t) => ({ label: t.name, go: () => tariffScreen(t) }))))
}

/** 3>Тарифы: every tariff the subscriber may choose. */
export const tariffs = (x: UssdCtx): Node => tariffList(x, "Тарифы", () => true)

/** *111*2*5#: number, tariff, and the popular plans. */
export const tariffAndNumber = (x: UssdCtx): Node =>
  read(accountView(x.twin, x.msisdn, x.msisdn), (v) =>
    menu(
      [`Номер: ${phoneRu(v.msisdn)}`, `Тариф: «${v.tariff.name}»`],
      [{ key: "1", label: "Популярные тарифы", go: (y) => tariffList(y, "Популярные тарифы", (t) => t.popular) }],
    ),
  )

// --- linked numbers (R20) --------------------------------------------------------------------

const codePrompt = (target: string, hint?: string): Node =>
  prompt([...(hint === undefined ? [] : [hint]), `Введите код из SMS на номер ${phoneRu(target)}`], (x, input) =>
    exec(
      x,
      { _tag: "LinkConfirm", msisdn: x.msisdn, target, code: input.slice(0, 16), by: x.msisdn, via: "ussd" },
      () => text(`Номер ${phoneRu(target)} привязан`),
    ),
  )

const numberPrompt = (hint?: string): Node =>
  prompt([...(hint === undefined ? [] : [hint]), "Введите номер в формате 7XXXXXXXXXX"], (x, input) => {
    const target = normalizeMsisdn(input)
    if (target === null) return numberPrompt("Неверный номер")
    return exec(x, { _tag: "LinkRequest", msisdn: x.msisdn, target, by: x.msisdn, via: "ussd" }, () =>
      codePrompt(target),
    )
  })

/** *111*828#: linked numbers; *111*828*1# adds one (a code goes to that number); 4: the logins this number is linked to. */
export const linked = (x: UssdCtx): Node => {
  const nums = sub(x)?.linked ?? []
  const owners = linkedBy(x.twin.state, x.msisdn)
  return menu(
    ["Привязанные номера"],
    [
      { key: "1", label: "Добавить", go: () => numberPrompt() },
      {
        key: "2",
        label: "Список",
        go: () => (nums.length === 0 ? text("Привязанных номеров нет") : text(...nums.map(phoneRu))),
      },
      {
        key: "3",
        label: "Отвязать",
        go: () =>
          nums.length === 0
            ? text("Привязанных номеров нет")
            : menu(
                ["Отвязать номер:"],
                numbered(
                  nums.map((n) => ({
                    label: phoneRu(n),
                    go: (y: UssdCtx) =>
                      exec(y, { _tag: "Unlink", msisdn: y.msisdn, target: n, by: y.msisdn, via: "ussd" }, () =>
                        text(`Номер ${phoneRu(n)} отвязан`),
                      ),
                  })),
                ),
              ),
      },
      // R20: this number in another's LK: see it and remove it.
      {
        key: "4",
        label: "Мой номер привязан",
        go: () =>
          owners.length === 0
            ? text("Ваш номер никуда не привязан")
            : menu(
                ["Удалить привязку к:"],
                numbered(
                  owners.map((o) => ({
                    label: o,
                    go: (y: UssdCtx) =>
                      exec(y, { _tag: "Unlink", msisdn: o, target: y.msisdn, by: y.msisdn, via: "ussd" }, () =>
                        text(`Привязка к ${o} удалена`),
                      ),
                  })),
                ),
              ),
      },
    ],
  )
}

// --- offers: «Хит дня» and bonus points ------------------------------------------------------

/** 0> Хит дня: one one-off package a day, in catalog order by the twin's Moscow day. */
export const hitOfDay = (x: UssdCtx): Node => {
  const offers = x.twin.cat.data.oneOffPackages
  const o = offers[mskDay(x.twin.now) % Math.max(1, offers.length)]
  if (o === undefined) return text("Сегодня предложений нет")
  const unit = o.kind === "data" ? "МБ" : o.kind === "minutes" ? "мин" : "SMS"
  return menu(
    [
      `Хит дня: «${o.name}»`,
      `${amountText({ unit }, o.amount)} на ${count(o.validDays, DAYS)} за ${rubShort(o.price)}`,
    ],
    [
      {
        key: "1",
        label: "Подключить",
        go: (y) =>
          exec(y, { _tag: "BuyPackage", msisdn: y.msisdn, offer: o.id, by: y.msisdn, via: "ussd" }, () =>
            text(`Пакет «${o.name}» подключен`),
          ),
      },
    ],
  )
}

/** Bonus points and what they buy (R13). */
export const bonuses = (x: UssdCtx): Node =>
  read(accountView(x.twin, x.msisdn, x.msisdn), (v) =>
    menu(
      [`Бонусы: ${count(v.bonus, POINTS)}`],
      numbered(
        x.twin.cat.data.bonusOffers.map((o) => ({
          label: `${o.name} ${o.points} б.`,
          go: (y: UssdCtx) =>
            exec(y, { _tag: "ExchangeBonus", msisdn: y.msisdn, offer: o.id, by: y.msisdn, via: "ussd" }, () =>
              text(`Баллы обменяны: «${o.name}»`),
            ),
        })),
      ),
    ),
  )
