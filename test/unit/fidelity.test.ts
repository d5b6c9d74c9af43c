// Fidelity to the source documents (issue 16): each test names the rule it checks and the
// document passage it rests on. Library scenarios state the same journeys (scenarios/library/).
import { describe, expect, it } from "vitest"
import { DAY } from "../../core/domain/time.ts"
import { parseInstant } from "../../core/domain/time.ts"
import { ledgerOf } from "../../core/engine/views.ts"
import { addSub, fails, lastSms, newTwin, rub, run, sub } from "../helpers/twin.ts"

const A = "79160000001"
const B = "79160000002"

describe("nightly fees are decided one after another (R15, R17)", () => {
  it("R15: with 1,50 ₽ and two daily-fee services the first fee leaves 0,00 ₽ and the second is not taken", () => {
    const t = newTwin()
    addSub(t, A, "super", 150, { services: ["goodok", "blacklist"] })
    t.advanceBy(DAY)
    // «Черный список» 1,50 ₽ leaves 0,00 ₽; GOOD'OK (3,50 ₽) is then not covered and not taken.
    expect(sub(t, A).balance).toBe(0)
    const fees = ledgerOf(t, A).filter((e) => e.reason === "fee-daily")
    expect(fees).toHaveLength(1)
  })
  it("R15: a number already below zero is charged no daily fee", () => {
    const t = newTwin()
    addSub(t, A, "super", -100, { services: ["goodok", "blacklist"] })
    t.advanceBy(3 * DAY)
    expect(sub(t, A).balance).toBe(-100)
  })
  it("R15: a fee that leaves the balance at zero or above lets the next one be charged", () => {
    const t = newTwin()
    addSub(t, A, "super", 600, { services: ["goodok", "blacklist"] })
    t.advanceBy(DAY)
    expect(sub(t, A).balance).toBe(600 - 350 - 150)
  })
})

describe("a blocked number is charged no recurring fee and may make no paid change (R15, R19, R2)", () => {
  it("R19: a voluntarily blocked «МЫ МТС» owner cannot invite a member", () => {
    const t = newTwin()
    addSub(t, A, "my-mts", rub(2000))
    addSub(t, B, "smart", rub(100))
    run(t, { _tag: "Block", msisdn: A })
    const e = fails(t, { _tag: "FamilyInvite", msisdn: A, member: B, minutes: 100, sms: 0, dataMb: 0 })
    expect(e.code).toBe("BLOCKED")
    expect(e.ru).toContain("Платные изменения недоступны")
  })
  it("R19: a blocked owner pays no member fee at the renewal; R15: nor does an owner below zero", () => {
    const t = newTwin()
    addSub(t, A, "my-mts", rub(2000))
    addSub(t, B, "smart", rub(100))
    run(t, { _tag: "FamilyInvite", msisdn: A, member: B, minutes: 100, sms: 10, dataMb: 1024 })
    run(t, { _tag: "FamilyReply", msisdn: B, accept: true })
    run(t, { _tag: "Block", msisdn: A })
    const before = sub(t, A).balance
    t.advanceMonths(1)
    expect(sub(t, A).balance).toBe(before)
  })
  it("R15: below zero the monthly fee is not charged; the top-up that lifts the block renews the period", () => {
    const t = newTwin()
    addSub(t, A, "smart", -250)
    expect(sub(t, A).balance).toBe(-250)
    const renewAt = sub(t, A).renewAt
    t.advanceMonths(1)
    expect(sub(t, A).balance).toBe(-250)
    expect(sub(t, A).renewAt).toBeGreaterThan(renewAt)
    run(t, { _tag: "TopUp", msisdn: A, amount: rub(1000), method: "card" })
    // The skipped renewal is made at once: 650 ₽ for «Смарт».
    expect(sub(t, A).balance).toBe(-250 + rub(1000) - rub(650))
  })
  it("R15: paid changes are refused below zero with a clear message; a free one is not", () => {
    const t = newTwin()
    addSub(t, A, "smart", -250)
    for (const c of [
      { _tag: "ConnectService", msisdn: A, service: "blacklist" },
      { _tag: "BuyPackage", msisdn: A, offer: "internet-mini" },
      { _tag: "ChangeTariff", msisdn: A, tariff: "my-mts", confirmed: true },
    ] as const) {
      const e = fails(t, c)
      expect(e.code).toBe("BLOCKED")
      expect(e.ru).toContain("Ваш баланс меньше нуля, рекомендуем пополнить")
    }
    run(t, { _tag: "ConnectService", msisdn: A, service: "internet-control" })
  })
})

describe("the renewal day (R1)", () => {
  it("R1: a period from the 31st renews on the last day of shorter months and on the 31st again after", () => {
    const start = parseInstant("2026-01-31T12:00:00+03:00") as number
    const t = newTwin({ start })
    addSub(t, A, "smart", rub(10_000))
    const days: string[] = []
    for (let i = 0; i < 4; i++) {
      t.advanceTo(sub(t, A).renewAt)
      days.push(new Date(sub(t, A).renewAt + 3 * 3600_000).toISOString().slice(0, 10))
    }
    // Renewed on 28.02, 31.03, 30.04, 31.05; the next renewals are listed.
    expect(days).toEqual(["2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30"])
  })
})

describe("online charging: only the covered part of a usage is rated (R15, R4)", () => {
  it("R15: a huge data session on 500 ₽ prepaid is granted 50 MB at 10 ₽/MB; the rest is cut off, recorded and told by SMS", () => {
    const t = newTwin()
    addSub(t, A, "super", rub(500))
    const out = run(t, { _tag: "Usage", msisdn: A, usage: { _tag: "data", kb: 8_000_000 } })
    expect(sub(t, A).balance).toBe(0)
    const rated = out.events.find((e) => e.type === "UsageRated")
    const cut = out.events.find((e) => e.type === "UsageCut")
    expect(rated?.type === "UsageRated" ? rated.units : 0).toBe(50 * 1024)
    expect(cut?.type === "UsageCut" ? cut.volume : 0).toBe(8_000_000 - 50 * 1024)
    expect(lastSms(t, A, "MTS")).toContain("Доступ в интернет приостановлен: недостаточно средств на счете")
  })
  it("R15: a call is granted the minutes the balance covers; nothing at all is refused and recorded as cut off", () => {
    const t = newTwin()
    addSub(t, A, "super", rub(5)) // 2 ₽ a minute
    run(t, { _tag: "Usage", msisdn: A, usage: { _tag: "call", to: "79031112233", seconds: 600 } })
    expect(sub(t, A).balance).toBe(rub(1))
    expect(lastSms(t, A, "MTS")).toContain("Звонок прерван")
    const e = fails(t, { _tag: "Usage", msisdn: A, usage: { _tag: "call", to: "79031112233", seconds: 60 } })
    expect(e.code).toBe("INSUFFICIENT_FUNDS")
    expect(sub(t, A).balance).toBe(rub(1))
  })
  it("R3: abroad, a day's «Забугорище» fee the balance does not cover lets no usage through and is not charged", () => {
    const t = newTwin()
    addSub(t, A, "my-mts", rub(100))
    run(t, { _tag: "Travel", msisdn: A, to: "TR" })
    expect(fails(t, { _tag: "Usage", msisdn: A, usage: { _tag: "data", kb: 1024 } }).code).toBe("INSUFFICIENT_FUNDS")
    expect(sub(t, A).balance).toBe(rub(100))
  })
})

describe("«Забугорище» shows what it costs everywhere it is listed (R3, R17)", () => {
  it("R3: the services view carries the popular and other daily fees, and the fee where the subscriber is abroad", async () => {
    const { servicesView } = await import("../../core/engine/views.ts")
    const { servicePriceRu } = await import("../../channels/text/price.ts")
    const { formatRub } = await import("../../core/domain/money.ts")
    const t = newTwin()
    addSub(t, A, "my-mts", rub(2000))
    const home = servicesView(t, sub(t, A)).find((s) => s.id === "zabugorishche")
    expect(home?.abroadDaily).toEqual({ popular: rub(390), other: rub(490), here: null })
    const text = home === undefined ? "" : servicePriceRu(home, formatRub)
    expect(text).toContain("490,00 руб. в остальных")
    expect(text).toContain("в России бесплатно")
    expect(text).not.toMatch(/^бесплатно/i)
    run(t, { _tag: "Travel", msisdn: A, to: "BR" })
    const abroad = servicesView(t, sub(t, A)).find((s) => s.id === "zabugorishche")
    expect(abroad?.abroadDaily?.here).toEqual({ country: "Бразилия", amount: rub(490) })
  })
})

describe("SMS passwords can be requested without limit (R23)", () => {
  it("R23: the default catalog sets no anti-flood limit: 30 SMS passwords in an hour are all sent", () => {
    const t = newTwin()
    addSub(t, A, "smart")
    for (let i = 0; i < 30; i++) run(t, { _tag: "RequestOtp", msisdn: A })
    expect(lastSms(t, A, "3339")).toContain("Пароль для входа в Личный кабинет")
  })
})

describe("the permanent password (R23, R24)", () => {
  it("R23: abcdefgh and 12345678 are accepted (at least 8 letters or digits; symbols advised, not required)", () => {
    const t = newTwin()
    addSub(t, A, "smart")
    run(t, { _tag: "SetPassword", msisdn: A, password: "abcdefgh" })
    run(t, { _tag: "SetPassword", msisdn: A, password: "12345678" })
    run(t, { _tag: "SetPassword", msisdn: A, password: "Пароль-2026!" })
  })
  it("R23, R24: the subscriber changes it with the current password and the new one twice; the change sends an SMS", async () => {
    const { codeFrom } = await import("../helpers/twin.ts")
    const t = newTwin()
    addSub(t, A, "smart")
    run(t, { _tag: "RequestOtp", msisdn: A })
    const otp = codeFrom(t, A, "3339")
    const me = { by: A, via: "lk" } as const
    expect(fails(t, { _tag: "SetPassword", msisdn: A, password: "abcdefgh", ...me }).field).toBe("current")
    expect(
      fails(t, { _tag: "SetPassword", msisdn: A, password: "abcdefgh", current: "0000x", confirm: "abcdefgh", ...me })
        .code,
    ).toBe("WRONG_CODE")
    expect(
      fails(t, { _tag: "SetPassword", msisdn: A, password: "abcdefgh", current: otp, confirm: "abcdefgk", ...me })
        .field,
    ).toBe("confirm")
    run(t, { _tag: "SetPassword", msisdn: A, password: "abcdefgh", current: otp, confirm: "abcdefgh", ...me })
    expect(lastSms(t, A, "MTS")).toContain("Пароль для входа в Личный кабинет изменен")
    run(t, { _tag: "SetPassword", msisdn: A, password: "12345678", current: "abcdefgh", confirm: "12345678", ...me })
    run(t, { _tag: "Login", msisdn: A, secret: "12345678", channel: "lk" })
  })
})

describe("«Мобильный помощник» switched off (R18)", () => {
  it("R18: off, managing the account by 111, the LK and the app is refused with how to switch it on; viewing and *111# work", async () => {
    const { accountView } = await import("../../core/engine/views.ts")
    const t = newTwin()
    addSub(t, A, "super", rub(100))
    run(t, { _tag: "DisconnectService", msisdn: A, service: "mobile-assistant", by: A, via: "ussd" })
    for (const via of ["ivr", "lk", "app"] as const) {
      const e = fails(t, { _tag: "PromisedPayment", msisdn: A, by: A, via })
      expect(e.code).toBe("MOBILE_ASSISTANT_REQUIRED")
      expect(e.ru).toContain("*111*242#")
    }
    expect(fails(t, { _tag: "Block", msisdn: A, by: A, via: "ivr" }).code).toBe("MOBILE_ASSISTANT_REQUIRED")
    expect(fails(t, { _tag: "ConnectService", msisdn: A, service: "goodok", by: A, via: "lk" }).code).toBe(
      "MOBILE_ASSISTANT_REQUIRED",
    )
    // Viewing and login: the personal account cannot be switched off.
    expect(accountView(t, A, A)._tag).toBe("Success")
    run(t, { _tag: "RequestOtp", msisdn: A, by: A, via: "lk" })
    // USSD (МТС Сервис) still manages, and switching it back on works from the LK too.
    run(t, { _tag: "PromisedPayment", msisdn: A, by: A, via: "ussd" })
    run(t, { _tag: "ConnectService", msisdn: A, service: "mobile-assistant", by: A, via: "lk" })
    run(t, { _tag: "Block", msisdn: A, by: A, via: "ivr" })
  })
})

describe("payments to other providers (R9)", () => {
  it("R9: money leaves the balance for ТВ и Интернет, квартплата or a mobile phone with its own ledger reason and a readable line", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(1000))
    run(t, { _tag: "PayProvider", msisdn: A, provider: "tv-internet", account: "123456789", amount: rub(450) })
    run(t, { _tag: "PayProvider", msisdn: A, provider: "mobile", account: "89031112233", amount: rub(100) })
    expect(sub(t, A).balance).toBe(rub(1000 - 450 - 100 - 10))
    const lines = ledgerOf(t, A).filter((l) => l.reason === "payment-other" || l.reason === "fee-transfer")
    expect(lines.map((l) => l.label)).toEqual([
      "оплата «ТВ и Интернет», договор 123456789",
      "оплата «Мобильный телефон», +7 903 111-22-33",
      "комиссия за оплату «Мобильный телефон»",
    ])
    expect(
      fails(t, { _tag: "PayProvider", msisdn: A, provider: "utilities", account: "55555", amount: rub(5000) }).code,
    ).toBe("INSUFFICIENT_FUNDS")
  })
})

describe("«МЫ МТС» consent (R2)", () => {
  it("R2: the invitation comes from the reply number 111 and names the inviting number and the shares chosen by the owner", () => {
    const t = newTwin()
    addSub(t, A, "my-mts", rub(2000))
    addSub(t, B, "smart", rub(100))
    run(t, { _tag: "FamilyInvite", msisdn: A, member: B, minutes: 120, sms: 30, dataMb: 1536 })
    const text = lastSms(t, B, "111")
    expect(text).toContain("Абонент +7 916 000-00-01 приглашает вас")
    expect(text).toContain("120 мин, 1536 МБ, 30 SMS")
    expect(fails(t, { _tag: "FamilyReply", msisdn: B, accept: true, to: "6262", by: B, via: "sms" }).field).toBe("to")
    run(t, { _tag: "FamilyReply", msisdn: B, accept: true, to: "111", by: B, via: "sms" })
    expect(sub(t, B).family?.role).toBe("member")
  })
  it("R2: an invitation that lapses frees its place at once, before the nightly clean-up", async () => {
    const { accountView } = await import("../../core/engine/views.ts")
    const { HOUR } = await import("../../core/domain/time.ts")
    const t = newTwin({ catalog: (await import("../helpers/twin.ts")).fastCatalog() })
    const numbers = ["79160000011", "79160000012", "79160000013", "79160000014", "79160000015", "79160000016"]
    addSub(t, A, "my-mts", rub(2000))
    for (const n of numbers) addSub(t, n, "smart", rub(100))
    for (const n of numbers.slice(0, 5))
      run(t, { _tag: "FamilyInvite", msisdn: A, member: n, minutes: 10, sms: 0, dataMb: 0 })
    expect(
      fails(t, { _tag: "FamilyInvite", msisdn: A, member: numbers[5] as string, minutes: 10, sms: 0, dataMb: 0 }).code,
    ).toBe("FAMILY_FULL")
    t.advanceBy(25 * HOUR - 16 * HOUR) // 09:00 + 9 h = 18:00 the same day: not lapsed yet
    t.advanceBy(16 * HOUR) // 10:00 next day: lapsed at 09:00; the nightly job ran at 00:00, before
    const v = accountView(t, A, A)
    expect(v._tag === "Success" && v.success.family?.role === "owner" ? v.success.family.members.length : -1).toBe(0)
    run(t, { _tag: "FamilyInvite", msisdn: A, member: numbers[5] as string, minutes: 10, sms: 0, dataMb: 0 })
    run(t, { _tag: "FamilyInvite", msisdn: A, member: numbers[0] as string, minutes: 10, sms: 0, dataMb: 0 })
  })
})

describe("texts and names a person reads (R16, R14, R17)", () => {
  it("R16: the daily-fee SMS names the service and the balance that fee left", () => {
    const t = newTwin()
    addSub(t, A, "super", rub(10), { services: ["goodok"] })
    run(t, { _tag: "SetNotifications", msisdn: A, charges: true })
    t.advanceBy(DAY)
    expect(lastSms(t, A, "MTS")).toBe('Списание 3,50 руб.: ежедневная плата за услугу "GOOD\'OK". Баланс: 6,50 руб.')
  })
  it('R14: ledger lines name what they are about: «пополнение картой», «абонентская плата "Смарт"», «Забугорище (Турция)»', () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(1000))
    addSub(t, B, "my-mts", rub(3000))
    run(t, { _tag: "TopUp", msisdn: A, amount: rub(100), method: "card" })
    t.advanceMonths(1)
    run(t, { _tag: "Travel", msisdn: B, to: "TR" })
    run(t, { _tag: "Usage", msisdn: B, usage: { _tag: "data", kb: 100 } })
    const labels = [...ledgerOf(t, A), ...ledgerOf(t, B)].map((l) => l.label)
    expect(labels).toContain("пополнение картой")
    expect(labels).toContain('абонентская плата "Смарт"')
    expect(labels).toContain("Забугорище (Турция)")
    for (const l of labels) expect(l).not.toMatch(/\b(card|smart|TR|zabugorishche|my-mts)\b/)
  })
  it("R14: a 1.5 MB session reads «1,5 МБ» in the expense detail, not «0 Гб»", async () => {
    const { dataVolumeRu } = await import("../../channels/text/amounts.ts")
    expect(dataVolumeRu(1536)).toBe("1,5 МБ")
    expect(dataVolumeRu(640)).toBe("640 КБ")
    expect(dataVolumeRu(3 * 1024 * 1024)).toBe("3 ГБ")
  })
  it("R17: subscriber texts write a number one way, +7 916 000-00-01", async () => {
    const { phoneRu } = await import("../../core/domain/phone.ts")
    expect(phoneRu("79160000001")).toBe("+7 916 000-00-01")
    const t = newTwin()
    addSub(t, A, "smart", rub(1000))
    addSub(t, B, "smart", rub(10))
    run(t, { _tag: "Transfer", msisdn: A, to: B, amount: rub(100) })
    expect(lastSms(t, B, "MTS")).toContain("с номера +7 916 000-00-01")
  })
})

describe("the «Сервисы МТС» grid of the LK (R17)", () => {
  const GRID = [
    "Управление интернетом",
    "Кошелек «МТС Деньги»",
    "MTC Cashback",
    "МТС Онлайн",
    "Мой контент",
    "20% возвращается",
    "Вторая память",
    "МТС Поиск",
    "SMS Pro",
    "Голосовая почта",
  ]
  it("R17: the 10 services missing from the grid are catalog services with price and description, (dis)connected like others", async () => {
    const { servicesView } = await import("../../core/engine/views.ts")
    const t = newTwin()
    addSub(t, A, "smart", rub(1000))
    const view = servicesView(t, sub(t, A))
    for (const name of GRID) {
      const sv = view.find((s) => s.name === name)
      expect(sv, name).toBeDefined()
      expect(sv?.description.length ?? 0, name).toBeGreaterThan(10)
      expect(sv?.available, name).toBe(true)
    }
    for (const sv of view.filter((s) => GRID.includes(s.name))) {
      for (const via of ["lk", "app", "ussd", "kiosk"] as const) {
        run(t, { _tag: "ConnectService", msisdn: A, service: sv.id, by: A, via })
        run(t, { _tag: "DisconnectService", msisdn: A, service: sv.id, by: A, via })
      }
    }
  })
})
