// Issue 3: account features and security in the core, one block per rule, plus abuse cases.
import { describe, expect, it } from "vitest"
import { Result } from "effect"
import { DAY, HOUR, MINUTE } from "../../core/domain/time.ts"
import { accountView, ledgerOf, passportMatches } from "../../core/engine/views.ts"
import { encodeState } from "../../core/state/snapshot.ts"
import { addSub, codeFrom, fails, inbox, lastSms, newTwin, rub, run, sub, unchanged } from "../helpers/twin.ts"
import type { TwinCore } from "../../core/engine/twin-core.ts"
import { indexCatalog } from "../../core/catalog/load.ts"
import { defaultCatalog } from "../../core/catalog/default.ts"

const O = "79160000001" // owner
const A = "79160000002"
const B = "79160000003"

describe("R9 top-up and payment cards", () => {
  it("R9: top-up by card and cash credits the balance with a ledger entry and an SMS", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(10))
    run(t, { _tag: "TopUp", msisdn: A, amount: rub(500), method: "card" })
    run(t, { _tag: "TopUp", msisdn: A, amount: rub(100), method: "cash" })
    expect(sub(t, A).balance).toBe(rub(610))
    expect(ledgerOf(t, A).map((e) => [e.reason, e.ref])).toEqual([
      ["topup", "card"],
      ["topup", "cash"],
    ])
    expect(lastSms(t, A)).toBe("Баланс пополнен на 100,00 руб. Баланс: 610,00 руб.")
  })
  it("R9: a payment card activates once, by its code", () => {
    const t = newTwin()
    addSub(t, A, "smart", 0)
    run(t, { _tag: "IssuePaymentCard", code: "123456789012", amount: rub(300) })
    run(t, { _tag: "ActivatePaymentCard", msisdn: A, code: "1234 5678 9012", by: A, via: "ivr" })
    expect(sub(t, A).balance).toBe(rub(300))
    expect(fails(t, { _tag: "ActivatePaymentCard", msisdn: A, code: "123456789012" }).code).toBe("PAYMENT_CARD_INVALID")
    expect(JSON.stringify(encodeState(t.state))).not.toContain("123456789012")
  })
})

describe("R10 promised payment", () => {
  it("R10: limit by average spend, fee by amount, one at a time, repaid after 3 days", () => {
    const t = newTwin()
    addSub(t, A, "super", 0, { avgMonthlySpend: rub(250) })
    expect(fails(t, { _tag: "PromisedPayment", msisdn: A, amount: rub(300) }).code).toBe("PROMISED_PAYMENT_LIMIT")
    const r = run(t, {
      _tag: "PromisedPayment",
      msisdn: A,
      amount: rub(150),
      via: "ivr",
      by: A,
    })
    expect(r.value).toMatchObject({ amount: rub(150), fee: rub(10) })
    expect(sub(t, A).balance).toBe(rub(140))
    // abuse: a second promised payment while one is open
    unchanged(t, () =>
      expect(fails(t, { _tag: "PromisedPayment", msisdn: A, amount: rub(10) }).code).toBe("PROMISED_PAYMENT_OPEN"),
    )
    t.advanceBy(3 * DAY)
    expect(sub(t, A).promised).toBeNull()
    expect(sub(t, A).balance).toBe(-rub(10))
    expect(ledgerOf(t, A).map((e) => e.reason)).toEqual([
      "promised-payment",
      "fee-promised-payment",
      "promised-repayment",
    ])
  })
  it("R10: a higher average spend gives a higher limit (800 ₽ from 500 ₽/month)", () => {
    const t = newTwin()
    addSub(t, A, "super", 0, { avgMonthlySpend: rub(600) })
    expect(run(t, { _tag: "PromisedPayment", msisdn: A }).value.limit).toBe(rub(800))
  })
})

describe("R11 autopay", () => {
  it("R11: by date tops up every month on that day", () => {
    const t = newTwin()
    addSub(t, A, "super", rub(100))
    run(t, { _tag: "SetAutopay", msisdn: A, mode: "date", day: 5, amount: rub(300) })
    t.advanceMonths(2)
    expect(ledgerOf(t, A).filter((e) => e.reason === "autopay")).toHaveLength(2)
  })
  it("R11: by threshold tops up when the balance falls below it", () => {
    const t = newTwin()
    addSub(t, A, "super", rub(60))
    run(t, { _tag: "SetAutopay", msisdn: A, mode: "threshold", threshold: rub(50), amount: rub(200) })
    run(t, { _tag: "Usage", msisdn: A, usage: { _tag: "call", to: "79031112233", seconds: 6 * 60 } })
    expect(sub(t, A).balance).toBe(rub(60 - 12 + 200))
    expect(fails(t, { _tag: "SetAutopay", msisdn: A, mode: "date", amount: rub(100), day: 31 }).field).toBe("day")
  })
})

describe("R12 transfers, R13 bonuses, R16 charge notifications", () => {
  it("R12: transfer from the positive balance with a fee; never more than the balance", () => {
    const t = newTwin()
    addSub(t, A, "super", rub(100))
    addSub(t, B, "super", 0)
    run(t, { _tag: "Transfer", msisdn: A, to: B, amount: rub(50) })
    expect([sub(t, A).balance, sub(t, B).balance]).toEqual([rub(40), rub(50)])
    unchanged(t, () =>
      expect(fails(t, { _tag: "Transfer", msisdn: A, to: B, amount: rub(40) }).code).toBe("INSUFFICIENT_FUNDS"),
    )
  })
  it("R13: 1 point per 10 ₽ spent; points buy packages from the bonus catalog", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(5000))
    t.advanceMonths(3) // 3 × 650 ₽ = 195 points
    expect(sub(t, A).bonus).toBe(195)
    run(t, { _tag: "ExchangeBonus", msisdn: A, offer: "bonus-1gb" })
    expect(sub(t, A).bonus).toBe(45)
    expect(sub(t, A).packages.some((p) => p.offer === "bonus-1gb" && p.total === 1024 * 1024)).toBe(true)
    expect(fails(t, { _tag: "ExchangeBonus", msisdn: A, offer: "bonus-1gb" }).code).toBe("BONUS_INSUFFICIENT")
  })
  it("R16: with notifications on, every charge sends an SMS", () => {
    const t = newTwin()
    addSub(t, A, "super", rub(100))
    run(t, { _tag: "SetNotifications", msisdn: A, charges: true })
    run(t, { _tag: "Usage", msisdn: A, usage: { _tag: "sms", to: "79031112233" } })
    expect(lastSms(t, A, "MTS")).toBe("Списание 2,00 руб.: SMS. Баланс: 98,00 руб.")
  })
})

describe("R6 tariff change, R5 constructor, R17/R18 services", () => {
  it("R6: tariff change asks for confirmation with its price, then charges and switches packages", () => {
    const t = newTwin()
    addSub(t, A, "super", rub(1000))
    const e = fails(t, { _tag: "ChangeTariff", msisdn: A, tariff: "smart" })
    expect(e.code).toBe("CONFIRMATION_REQUIRED")
    expect(e.ru).toContain("650,00 руб.")
    run(t, { _tag: "ChangeTariff", msisdn: A, tariff: "smart", confirmed: true })
    expect(sub(t, A).tariff).toBe("smart")
    expect(sub(t, A).balance).toBe(rub(350))
    expect(fails(t, { _tag: "ChangeTariff", msisdn: A, tariff: "corporate", confirmed: true }).code).toBe(
      "TARIFF_NOT_AVAILABLE",
    )
  })
  it("R5: constructor packages change only with «Мобильный помощник»; R18: it is on by default and removable", () => {
    const t = newTwin()
    addSub(t, A, "constructor", rub(1000))
    expect(sub(t, A).services).toContain("mobile-assistant")
    run(t, { _tag: "ConfigureConstructor", msisdn: A, minutes: 600, dataGb: 20 })
    expect(Result.getOrThrow(accountView(t, A)).tariff.monthlyFee).toBe(rub(200 + 220 + 250))
    expect(fails(t, { _tag: "ConfigureConstructor", msisdn: A, minutes: 7, dataGb: 5 }).field).toBe("minutes")
    run(t, { _tag: "DisconnectService", msisdn: A, service: "mobile-assistant", via: "ussd", by: A })
    expect(fails(t, { _tag: "ConfigureConstructor", msisdn: A, minutes: 100, dataGb: 5 }).code).toBe(
      "MOBILE_ASSISTANT_REQUIRED",
    )
  })
  it("R17: services connect with their price and disconnect; daily fees are charged", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(100))
    run(t, { _tag: "ConnectService", msisdn: A, service: "goodok" })
    expect(fails(t, { _tag: "ConnectService", msisdn: A, service: "goodok" }).code).toBe("SERVICE_ALREADY_CONNECTED")
    t.advanceBy(2 * DAY)
    expect(
      ledgerOf(t, A)
        .filter((e) => e.reason === "fee-daily")
        .map((e) => e.amount),
    ).toEqual([-350, -350])
    run(t, { _tag: "DisconnectService", msisdn: A, service: "goodok" })
    expect(sub(t, A).services).not.toContain("goodok")
  })
})

describe("R19 voluntary block", () => {
  it("R19: block via IVR; no usage and no monthly fee while blocked; unblock renews", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(2000))
    run(t, { _tag: "Block", msisdn: A, via: "ivr", by: A })
    expect(fails(t, { _tag: "Usage", msisdn: A, usage: { _tag: "data", kb: 1 } }).code).toBe("BLOCKED")
    t.advanceMonths(2)
    expect(ledgerOf(t, A)).toHaveLength(0)
    run(t, { _tag: "Unblock", msisdn: A, via: "lk", by: A })
    expect(ledgerOf(t, A).map((e) => e.reason)).toEqual(["fee-monthly"])
  })
  it("R19: corporate tariffs cannot block via IVR (LK can)", () => {
    const t = newTwin()
    addSub(t, A, "corporate", rub(2000))
    unchanged(t, () => expect(fails(t, { _tag: "Block", msisdn: A, via: "ivr", by: A }).code).toBe("BLOCK_NOT_ALLOWED"))
    run(t, { _tag: "Block", msisdn: A, via: "lk", by: A })
  })
  it("R19/I9: nobody can unblock someone else's number", () => {
    const t = newTwin()
    addSub(t, A, "smart")
    addSub(t, B, "smart")
    run(t, { _tag: "Block", msisdn: A, via: "lk", by: A })
    unchanged(t, () => expect(fails(t, { _tag: "Unblock", msisdn: A, via: "lk", by: B }).code).toBe("NOT_AUTHORIZED"))
  })
})

describe("R2 family sharing on «МЫ МТС»", () => {
  const family = (): TwinCore => {
    const t = newTwin()
    addSub(t, O, "my-mts", rub(3000))
    for (let i = 2; i <= 7; i++) addSub(t, `7916000000${i}`, "smart", rub(500))
    return t
  }
  it("R2: invite → SMS → «Да» → member tariff, shared packages, 50 ₽ to the owner, confirmation SMS", () => {
    const t = family()
    run(t, { _tag: "FamilyInvite", msisdn: O, member: A, minutes: 300, sms: 100, dataMb: 10 * 1024, by: O, via: "lk" })
    expect(lastSms(t, A)).toContain("Ответьте на это SMS словом «Да»")
    run(t, { _tag: "FamilyReply", msisdn: A, accept: true, by: A, via: "sms" })
    expect(sub(t, A).tariff).toBe("my-mts-member")
    expect(sub(t, A).packages.find((p) => p.kind === "minutes")?.total).toBe(300)
    expect(sub(t, O).packages.find((p) => p.kind === "minutes")?.total).toBe(1200)
    expect(ledgerOf(t, O).map((e) => [e.reason, e.amount])).toEqual([["fee-family-member", -rub(50)]])
    expect(lastSms(t, O)).toContain("подтвердил участие")
    // member usage is drawn from the share
    run(t, { _tag: "Usage", msisdn: A, usage: { _tag: "call", to: "79031112233", seconds: 600 } })
    expect(sub(t, A).packages.find((p) => p.kind === "minutes")?.left).toBe(290)
    expect(sub(t, A).balance).toBe(rub(500))
    // renewal: owner pays 1100 + 50, the member's share renews, no fee for the member
    t.advanceMonths(1)
    expect(sub(t, A).packages.find((p) => p.kind === "minutes")?.left).toBe(300)
    expect(ledgerOf(t, A)).toHaveLength(0)
  })
  it("R2: «Нет» declines; the owner is told", () => {
    const t = family()
    run(t, { _tag: "FamilyInvite", msisdn: O, member: A, minutes: 10, sms: 0, dataMb: 0 })
    run(t, { _tag: "FamilyReply", msisdn: A, accept: false })
    expect(sub(t, A).tariff).toBe("smart")
    expect(lastSms(t, O)).toContain("отказался")
  })
  it("R2/I4: a 6th member is refused; sharing more than the owner has is refused; nothing changes", () => {
    const t = family()
    for (let i = 2; i <= 6; i++)
      run(t, { _tag: "FamilyInvite", msisdn: O, member: `7916000000${i}`, minutes: 100, sms: 10, dataMb: 1024 })
    unchanged(t, () =>
      expect(
        fails(t, { _tag: "FamilyInvite", msisdn: O, member: "79160000007", minutes: 1, sms: 0, dataMb: 0 }).code,
      ).toBe("FAMILY_FULL"),
    )
    const t2 = family()
    unchanged(t2, () => {
      const e = fails(t2, { _tag: "FamilyInvite", msisdn: O, member: A, minutes: 1501, sms: 0, dataMb: 0 })
      expect([e.code, e.field]).toEqual(["FAMILY_SHARE_EXCEEDS", "minutes"])
    })
  })
  it("R2: removal returns the member to his tariff and the unused share to the owner", () => {
    const t = family()
    run(t, { _tag: "FamilyInvite", msisdn: O, member: A, minutes: 300, sms: 0, dataMb: 0 })
    run(t, { _tag: "FamilyReply", msisdn: A, accept: true })
    run(t, { _tag: "Usage", msisdn: A, usage: { _tag: "call", to: "79031112233", seconds: 60 * 100 } })
    run(t, { _tag: "FamilyRemove", msisdn: O, member: A })
    expect(sub(t, A).tariff).toBe("smart")
    const m = sub(t, O).packages.find((p) => p.kind === "minutes")
    expect([m?.total, m?.left]).toEqual([1500, 1400])
  })
  it("R2: an unanswered invitation lapses after 24 hours", () => {
    const t = family()
    run(t, { _tag: "FamilyInvite", msisdn: O, member: A, minutes: 10, sms: 0, dataMb: 0 })
    t.advanceBy(2 * DAY)
    expect(sub(t, A).family).toBeNull()
    expect(fails(t, { _tag: "FamilyReply", msisdn: A, accept: true }).code).toBe("FAMILY_NO_INVITE")
  })
})

describe("R20 linked numbers, R21 personal data, R29 passport", () => {
  it("R20: linking needs the code sent to the linked number; then the login manages it", () => {
    const t = newTwin()
    addSub(t, A, "smart")
    addSub(t, B, "smart", rub(100))
    run(t, { _tag: "LinkRequest", msisdn: A, target: B, by: A, via: "lk" })
    const code = codeFrom(t, B, "MTS")
    expect(inbox(t, A).some((m) => m.text.includes(code))).toBe(false)
    expect(fails(t, { _tag: "TopUp", msisdn: B, amount: rub(10), method: "card", by: A }).code).toBe("NOT_AUTHORIZED")
    expect(
      fails(t, { _tag: "LinkConfirm", msisdn: A, target: B, code: code === "0000" ? "1111" : "0000", by: A }).code,
    ).toBe("WRONG_CODE")
    run(t, { _tag: "LinkConfirm", msisdn: A, target: B, code, by: A })
    run(t, { _tag: "TopUp", msisdn: B, amount: rub(10), method: "card", by: A })
    expect(sub(t, B).balance).toBe(rub(110))
    // linking is one-way: B cannot act on A
    expect(fails(t, { _tag: "Block", msisdn: A, by: B }).code).toBe("NOT_AUTHORIZED")
    expect(Result.isFailure(accountView(t, A, B))).toBe(true)
  })
  it("R21: personal data is visible to the owner; R29: passport identifies the caller", () => {
    const t = newTwin()
    addSub(t, A, "smart", 0, { passport: "4510 123456" })
    expect(Result.getOrThrow(accountView(t, A, A)).personal.passport).toBe("4510 123456")
    expect(passportMatches(t, A, "4510123456")).toBe(true)
    expect(passportMatches(t, A, "4510 000000")).toBe(false)
  })
})

describe("R22–R26 LK authentication", () => {
  it("R22: SMS password from 3339, valid 2 days; R24: login notification", () => {
    const t = newTwin()
    addSub(t, A, "smart")
    run(t, { _tag: "RequestOtp", msisdn: A, via: "lk" })
    const code = codeFrom(t, A, "3339")
    const r = run(t, { _tag: "Login", msisdn: A, secret: code, channel: "lk" })
    expect(r.value.token).toMatch(/^[0-9a-f]{32}$/)
    expect(lastSms(t, A, "MTS")).toContain("Выполнен вход")
    t.advanceBy(2 * DAY + 1)
    expect(fails(t, { _tag: "Login", msisdn: A, secret: code, channel: "lk" }).code).toBe("CODE_EXPIRED")
  })
  it("R24/I6: 3 wrong codes lock the login; even the right code is refused; a new SMS code unlocks", () => {
    const t = newTwin()
    addSub(t, A, "smart")
    run(t, { _tag: "RequestOtp", msisdn: A })
    const code = codeFrom(t, A, "3339")
    const wrong = code === "0000" ? "1111" : "0000"
    expect(fails(t, { _tag: "Login", msisdn: A, secret: wrong, channel: "lk" }).code).toBe("WRONG_CODE")
    expect(fails(t, { _tag: "Login", msisdn: A, secret: wrong, channel: "lk" }).code).toBe("WRONG_CODE")
    expect(fails(t, { _tag: "Login", msisdn: A, secret: wrong, channel: "lk" }).code).toBe("LOGIN_LOCKED")
    expect(lastSms(t, A, "MTS")).toContain("заблокирован")
    unchanged(t, () =>
      expect(fails(t, { _tag: "Login", msisdn: A, secret: code, channel: "lk" }).code).toBe("LOGIN_LOCKED"),
    )
    run(t, { _tag: "RequestOtp", msisdn: A })
    run(t, { _tag: "Login", msisdn: A, secret: codeFrom(t, A, "3339"), channel: "lk" })
  })
  it("R23: a permanent password needs ≥ 8 letters or digits (symbols allowed, not required); a 7-char one is refused", () => {
    const t = newTwin()
    addSub(t, A, "smart")
    unchanged(t, () => {
      for (const p of ["abc1234", "abcd 1234", "1234567"])
        expect([p, fails(t, { _tag: "SetPassword", msisdn: A, password: p }).code]).toEqual([p, "WEAK_PASSWORD"])
    })
    run(t, { _tag: "SetPassword", msisdn: A, password: "Moscow2026" })
    expect(lastSms(t, A, "MTS")).toContain("Пароль для входа в Личный кабинет изменен")
    run(t, { _tag: "Login", msisdn: A, secret: "Moscow2026", channel: "app" })
  })
  it("R25: the session ends after 20 minutes idle or on logout", () => {
    const t = newTwin()
    addSub(t, A, "smart")
    run(t, { _tag: "SetPassword", msisdn: A, password: "Moscow2026" })
    const { token } = run(t, { _tag: "Login", msisdn: A, secret: "Moscow2026", channel: "lk" }).value
    t.advanceBy(19 * MINUTE)
    run(t, { _tag: "ResumeSession", token })
    t.advanceBy(19 * MINUTE)
    expect(run(t, { _tag: "ResumeSession", token }).value.msisdn).toBe(A)
    t.advanceBy(20 * MINUTE)
    expect(fails(t, { _tag: "ResumeSession", token }).code).toBe("SESSION_INVALID")
    const t2 = run(t, { _tag: "Login", msisdn: A, secret: "Moscow2026", channel: "lk" }).value.token
    run(t, { _tag: "Logout", token: t2 })
    expect(fails(t, { _tag: "ResumeSession", token: t2 }).code).toBe("SESSION_INVALID")
  })
  it("R26: on operator mobile data the number identifies the subscriber without a password", () => {
    const t = newTwin()
    addSub(t, A, "smart")
    expect(fails(t, { _tag: "LoginByNetwork", msisdn: A, channel: "app" }).code).toBe("NETWORK_ID_UNAVAILABLE")
    run(t, { _tag: "SetNetwork", msisdn: A, mobileData: true })
    run(t, { _tag: "LoginByNetwork", msisdn: A, channel: "app" })
  })
  it("R23: with the catalog's anti-flood limit switched on (off by default), code requests are limited per number", () => {
    const t = newTwin({
      catalog: indexCatalog({
        ...defaultCatalog,
        auth: { ...defaultCatalog.auth, scryptN: 16, codeRequestsPerHour: 5 },
      }),
    })
    addSub(t, A, "smart")
    for (let i = 0; i < 5; i++) run(t, { _tag: "RequestOtp", msisdn: A })
    expect(fails(t, { _tag: "RequestOtp", msisdn: A }).code).toBe("RATE_LIMITED")
    t.advanceBy(HOUR)
    run(t, { _tag: "RequestOtp", msisdn: A })
  })
})

describe("R27 kiosk «Электронный Помощник»", () => {
  it("R27: connect, code from 6262, login; more than 3 wrong codes block for 24 h; then the old code works", () => {
    const t = newTwin()
    addSub(t, A, "smart")
    expect(fails(t, { _tag: "RequestKioskCode", msisdn: A }).code).toBe("KIOSK_NOT_CONNECTED")
    run(t, { _tag: "ConnectService", msisdn: A, service: "e-assistant", via: "sms", by: A })
    run(t, { _tag: "RequestKioskCode", msisdn: A, via: "sms", by: A })
    const code = codeFrom(t, A, "6262")
    const wrong = code === "000000" ? "111111" : "000000"
    for (let i = 0; i < 3; i++) expect(fails(t, { _tag: "KioskLogin", msisdn: A, code: wrong }).code).toBe("WRONG_CODE")
    expect(fails(t, { _tag: "KioskLogin", msisdn: A, code: wrong }).code).toBe("KIOSK_LOCKED")
    unchanged(t, () => expect(fails(t, { _tag: "KioskLogin", msisdn: A, code }).code).toBe("KIOSK_LOCKED"))
    t.advanceBy(24 * HOUR)
    run(t, { _tag: "KioskLogin", msisdn: A, code })
  })
  it("R27: not available on corporate and VIP tariffs", () => {
    const t = newTwin()
    addSub(t, A, "corporate")
    addSub(t, B, "vip")
    expect(fails(t, { _tag: "ConnectService", msisdn: A, service: "e-assistant" }).code).toBe("SERVICE_NOT_AVAILABLE")
    expect(fails(t, { _tag: "ConnectService", msisdn: B, service: "e-assistant" }).code).toBe("SERVICE_NOT_AVAILABLE")
  })
})

describe("secrets are stored only hashed", () => {
  it("codes and passwords appear in the handset inbox only: never in credentials, snapshots or other events", () => {
    const t = newTwin()
    addSub(t, A, "smart")
    run(t, { _tag: "ConnectService", msisdn: A, service: "e-assistant" })
    run(t, { _tag: "RequestOtp", msisdn: A })
    run(t, { _tag: "RequestKioskCode", msisdn: A })
    run(t, { _tag: "SetPassword", msisdn: A, password: "Secret2026x" })
    const otp = codeFrom(t, A, "3339")
    const kiosk = codeFrom(t, A, "6262")
    const s = sub(t, A)
    const creds = JSON.stringify(s.auth)
    for (const secret of [otp, kiosk, "Secret2026x"]) expect(creds).not.toContain(secret)
    const nonSms = [...t.log.read(0)]
      .filter((e) => e.type !== "SmsDelivered")
      .map((e) => JSON.stringify(e))
      .join("\n")
    expect(nonSms).not.toContain("Secret2026x")
    expect(nonSms).not.toMatch(new RegExp(`"${kiosk}"`))
    expect(s.auth.otp?.hash).toMatch(/^[0-9a-f]{64}$/)
    expect(s.auth.otp?.salt).toMatch(/^[0-9a-f]{32}$/)
  })
})
