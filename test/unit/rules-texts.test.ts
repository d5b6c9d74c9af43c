// What the subscriber reads (core/rules/texts.ts) where it depends on numbers and conditions: a
// ledger line's name (R14, R16) with the catalog's names and never an internal id, dates and times
// in Moscow time, shared data in ГБ or МБ, a provider payment to a phone or a contract, the reason
// a usage was cut. Exact texts.
import { describe, expect, it } from "vitest"
import { fromMsk } from "../../core/domain/time.ts"
import { dateRu, ledgerWhat, texts, timeRu } from "../../core/rules/texts.ts"
import { fastCatalog, rub } from "../helpers/twin.ts"

const cat = fastCatalog()
const NB = "\u00a0"

describe("R14, R16 ledger lines by name (ledgerWhat)", () => {
  it("R14: top-ups name their method; an unknown method falls back to «пополнение счета»", () => {
    expect(ledgerWhat(cat, "topup", "card")).toBe("пополнение картой")
    expect(ledgerWhat(cat, "topup", "google-pay")).toBe("пополнение через Google Pay")
    expect(ledgerWhat(cat, "topup", "x")).toBe("пополнение счета")
  })
  it("R14: fees name the tariff or service from the catalog, in quotes; an unknown id only the reason", () => {
    expect(ledgerWhat(cat, "fee-monthly", "smart")).toBe('абонентская плата "Смарт"')
    expect(ledgerWhat(cat, "fee-monthly", "own-circle")).toBe('абонентская плата "Свой круг"')
    expect(ledgerWhat(cat, "fee-monthly", "nope")).toBe("абонентская плата")
    expect(ledgerWhat(cat, "fee-daily", "goodok")).toBe(`ежедневная плата за услугу "GOOD'OK"`)
    expect(ledgerWhat(cat, "fee-service-connect", "goodok")).toBe(`подключение услуги "GOOD'OK"`)
    expect(ledgerWhat(cat, "fee-daily", "smart")).toBe("ежедневная плата за услугу")
    expect(ledgerWhat(cat, "fee-tariff-change", "smart")).toBe('смена тарифа "Смарт"')
    expect(ledgerWhat(cat, "fee-tariff-change", "goodok")).toBe("смена тарифа")
    expect(ledgerWhat(cat, "package-purchase", "internet-mini")).toBe('покупка пакета "Интернет-Мини"')
    expect(ledgerWhat(cat, "package-purchase", "nope")).toBe("покупка пакета")
  })
  it("R3, R14: «Забугорище» names the country; numbers are written as +7 ddd ddd-dd-dd", () => {
    expect(ledgerWhat(cat, "fee-zabugorishche", "TR")).toBe("Забугорище (Турция)")
    expect(ledgerWhat(cat, "fee-zabugorishche", "XX")).toBe("Забугорище")
    expect(ledgerWhat(cat, "fee-family-member", "79160000002")).toBe("участник «МЫ МТС» +7 916 000-00-02")
    expect(ledgerWhat(cat, "fee-family-member", "")).toBe("участник «МЫ МТС»")
    expect(ledgerWhat(cat, "transfer-in", "79160000002")).toBe("перевод с другого номера +7 916 000-00-02")
    expect(ledgerWhat(cat, "transfer-out", "79160000002")).toBe("перевод на другой номер +7 916 000-00-02")
    expect(ledgerWhat(cat, "transfer-out", "")).toBe("перевод на другой номер")
  })
  it("R12, R14: a transfer fee names the number or the provider; a provider payment names the account", () => {
    expect(ledgerWhat(cat, "fee-transfer", "79160000002")).toBe("комиссия за перевод +7 916 000-00-02")
    expect(ledgerWhat(cat, "fee-transfer", "")).toBe("комиссия за перевод")
    expect(ledgerWhat(cat, "fee-transfer", "mobile:89161234567")).toBe("комиссия за оплату «Мобильный телефон»")
    expect(ledgerWhat(cat, "payment-other", "mobile:89161234567")).toBe("оплата «Мобильный телефон», +7 916 123-45-67")
    expect(ledgerWhat(cat, "payment-other", "tv-internet:12345")).toBe("оплата «ТВ и Интернет», договор 12345")
    expect(ledgerWhat(cat, "payment-other", "nope:12345")).toBe("оплата")
    expect(ledgerWhat(cat, "payment-other", "no-colon")).toBe("оплата")
    // A ref with no «provider:» part names no provider, even one that begins with a provider's id.
    expect(ledgerWhat(cat, "payment-other", "mobileX")).toBe("оплата")
    // Only a leading 8 becomes 7.
    expect(ledgerWhat(cat, "payment-other", "mobile:79168888888")).toBe("оплата «Мобильный телефон», +7 916 888-88-88")
  })
  it("R11, R14: autopay says by threshold or by date; other reasons are their plain name", () => {
    expect(ledgerWhat(cat, "autopay", "threshold")).toBe("автоплатеж при низком балансе")
    expect(ledgerWhat(cat, "autopay", "date")).toBe("автоплатеж по дате")
    expect(ledgerWhat(cat, "autopay", "")).toBe("автоплатеж")
    expect(ledgerWhat(cat, "usage-data", "")).toBe("мобильный интернет")
    expect(ledgerWhat(cat, "promised-repayment", "promised")).toBe("погашение обещанного платежа")
  })
})

describe("message texts that depend on numbers and conditions", () => {
  it("dates and times are Moscow time, zero-padded", () => {
    const t = fromMsk(2026, 3, 5, 7, 4)
    expect(dateRu(t)).toBe("05.03.2026")
    expect(timeRu(t)).toBe("07:04")
    expect(dateRu(fromMsk(2026, 12, 31, 23, 59))).toBe("31.12.2026")
    expect(timeRu(fromMsk(2026, 12, 31, 23, 59))).toBe("23:59")
  })
  it("R2: the invitation names shared data in whole ГБ, otherwise in МБ", () => {
    expect(texts.familyInvite("79160000001", 100, 2048, 10)).toBe(
      "Абонент +7 916 000-00-01 приглашает вас в «МЫ МТС» и делится пакетами: 100 мин, 2 ГБ, 10 SMS. " +
        "Ваш тариф сменится на «МЫ МТС (участник)» без абонентской платы. " +
        "Ответьте на это SMS словом «Да», чтобы согласиться, или «Нет».",
    )
    expect(texts.familyInvite("79160000001", 0, 1536, 0)).toContain("0 мин, 1536 МБ, 0 SMS.")
    expect(texts.familyInvite("79160000001", 0, 0, 0)).toContain("0 мин, 0 ГБ, 0 SMS.")
  })
  it("R12: a provider payment names a phone account as a number and any other as a contract; a fee only when due", () => {
    // The fee's «руб.» closes the sentence: no second full stop.
    expect(texts.providerPaid("Мобильный телефон", "89161234567", rub(100), rub(10))).toMatch(
      /^Оплата «Мобильный телефон» \(\+7 916 123-45-67\) на 100,00 руб\. выполнена, комиссия 10,00 руб\.$/,
    )
    expect(texts.providerPaid("Мобильный телефон", "79161234567", rub(100), 0)).toBe(
      "Оплата «Мобильный телефон» (+7 916 123-45-67) на 100,00 руб. выполнена.",
    )
    expect(texts.providerPaid("ТВ и Интернет", "12345", rub(1500), 0)).toBe(
      `Оплата «ТВ и Интернет» (договор 12345) на 1${NB}500,00 руб. выполнена.`,
    )
    // 11 digits not starting 7 or 8, or 12 digits: a contract.
    expect(texts.providerPaid("ТВ и Интернет", "91612345678", rub(1), 0)).toContain("(договор 91612345678)")
    expect(texts.providerPaid("ТВ и Интернет", "891612345678", rub(1), 0)).toContain("(договор 891612345678)")
    expect(texts.providerPaid("ТВ и Интернет", "x89161234567", rub(1), 0)).toContain("(договор x89161234567)")
  })
  it("R15: a cut usage says what was cut and the balance", () => {
    expect(texts.usageCut("call", -rub(1))).toBe(
      "Звонок прерван: недостаточно средств на счете. Баланс: -1,00 руб. Пополните счет.",
    )
    expect(texts.usageCut("sms", 0)).toBe(
      "SMS не отправлено: недостаточно средств на счете. Баланс: 0,00 руб. Пополните счет.",
    )
    expect(texts.usageCut("data", rub(1))).toBe(
      "Доступ в интернет приостановлен: недостаточно средств на счете. Баланс: 1,00 руб. Пополните счет.",
    )
  })
  it("R10, R24: the promised payment names amount, fee and due date; the login notice its instant", () => {
    expect(texts.promised(rub(200), rub(7), fromMsk(2026, 6, 4, 9))).toBe(
      "Обещанный платеж 200,00 руб. зачислен на счет до 04.06.2026. Плата за услугу 7,00 руб.",
    )
    expect(texts.loginNotice(fromMsk(2026, 6, 1, 0, 5))).toBe(
      "Выполнен вход в Личный кабинет МТС 01.06.2026 в 00:05. Если это были не вы, смените пароль.",
    )
    expect(texts.lockNotice(3)).toContain("3 раза подряд")
    expect(texts.constructorSet(300, 10)).toBe("Пакеты тарифа «Мой тариф» изменены: 300 мин, 10 ГБ.")
  })
})
