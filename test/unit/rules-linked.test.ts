// Linked numbers decided by core/rules/linked.ts (R20, I9): the link code sent by SMS to the
// number being linked, valid 1 hour, void after 3 wrong codes, linking refused for 24 hours after
// 3 voided codes within 24 hours, the SMS to both numbers, unlinking by the login or by the linked
// number itself. Exact codes, fields, events and instants; a refusal changes nothing.
import { describe, expect, it } from "vitest"
import { defaultCatalog } from "../../core/catalog/default.ts"
import { indexCatalog } from "../../core/catalog/load.ts"
import type { DomainError } from "../../core/domain/errors.ts"
import { HOUR } from "../../core/domain/time.ts"
import type { TwinCore } from "../../core/engine/twin-core.ts"
import { linkedBy } from "../../core/rules/linked.ts"
import { addSub, codeFrom, fails, inbox, lastSms, newTwin, rub, run, sub, unchanged } from "../helpers/twin.ts"

const A = "79160000901"
const B = "79160000902"
const C = "79160000903"
const X = "79169999999"

const twin = (): TwinCore => {
  const t = newTwin()
  addSub(t, A, "smart", rub(100))
  addSub(t, B, "smart", rub(100))
  addSub(t, C, "smart", rub(100))
  return t
}
/** A code that is surely not `code` (same length). */
const other = (code: string): string => (code[0] === "0" ? `1${code.slice(1)}` : `0${code.slice(1)}`)
const request = (t: TwinCore, target = B) => run(t, { _tag: "LinkRequest", msisdn: A, target, by: A })
const confirm = (t: TwinCore, code: string, target = B) =>
  t.execute({ _tag: "LinkConfirm", msisdn: A, target, code, by: A })
const refused = (r: ReturnType<typeof confirm>): DomainError => {
  if (r._tag === "Success") throw new Error("the link was confirmed")
  return r.failure
}
const codeOf = (e: DomainError) => [e.code, e.field]
const lastEvent = (t: TwinCore) => [...t.log.read(t.log.count() - 1)].at(-1)

describe("R20 link request", () => {
  it("R20: the code goes by SMS from MTS to the linked number, valid 1 hour; the event logs only its hash", () => {
    const t = twin()
    const r = request(t)
    expect(r.value.expiresAt).toBe(t.now + HOUR)
    const ev = r.events.find((e) => e.type === "LinkRequested")
    expect(ev).toMatchObject({ msisdn: A, target: B, expiresAt: t.now + HOUR })
    const code = codeFrom(t, B, "MTS")
    expect(code).toHaveLength(defaultCatalog.auth.otpDigits)
    expect(lastSms(t, B, "MTS")).toBe(
      `Код для привязки вашего номера к Личному кабинету номера +7 916 000-09-01: ${code}. Если вы не ` +
        "запрашивали привязку, никому не сообщайте код.",
    )
    expect(JSON.stringify(r.events)).not.toContain(`: ${code}.`)
    // The logged SMS masks the code one mark a digit and keeps the draw it came from.
    const sms = r.events.find((e) => e.type === "SmsDelivered")
    expect(sms).toMatchObject({ msisdn: B, from: "MTS", code: { digits: 4 }, segments: 3, encoding: "UCS-2" })
    // Drawn just before the salt: LinkRequested records the counter after both draws.
    expect(sms?.type === "SmsDelivered" && sms.code?.draw).toBe(ev?.type === "LinkRequested" && ev.rng - 2)
    expect(sms?.type === "SmsDelivered" && sms.text).toContain(": ••••. Если")
    expect(inbox(t, A)).toHaveLength(0)
    expect(sub(t, A).linkRequests).toEqual([expect.objectContaining({ target: B, expiresAt: t.now + HOUR })])
  })
  it("R20, I9: an unknown or unauthorised login, an unknown target are refused and change nothing", () => {
    const t = twin()
    unchanged(t, () => {
      expect(codeOf(fails(t, { _tag: "LinkRequest", msisdn: X, target: B }))).toEqual(["UNKNOWN_SUBSCRIBER", "msisdn"])
      expect(codeOf(fails(t, { _tag: "LinkRequest", msisdn: A, target: B, by: C }))).toEqual([
        "NOT_AUTHORIZED",
        "msisdn",
      ])
      expect(codeOf(fails(t, { _tag: "LinkRequest", msisdn: A, target: X, by: A }))).toEqual([
        "UNKNOWN_SUBSCRIBER",
        "target",
      ])
    })
  })
  it("R20: linking the number to itself or a number already linked is LINK_INVALID on target", () => {
    const t = twin()
    unchanged(t, () => {
      expect(codeOf(fails(t, { _tag: "LinkRequest", msisdn: A, target: A }))).toEqual(["LINK_INVALID", "target"])
    })
    request(t)
    run(t, { _tag: "LinkConfirm", msisdn: A, target: B, code: codeFrom(t, B, "MTS") })
    unchanged(t, () => {
      expect(codeOf(fails(t, { _tag: "LinkRequest", msisdn: A, target: B }))).toEqual(["LINK_INVALID", "target"])
    })
    request(t, C)
  })
  it("R23: link codes count against the hourly code allowance (limit 1: the 2nd is RATE_LIMITED)", () => {
    const t = newTwin({
      catalog: indexCatalog({
        ...defaultCatalog,
        auth: { ...defaultCatalog.auth, scryptN: 16, codeRequestsPerHour: 1 },
      }),
    })
    addSub(t, A, "smart", rub(100))
    addSub(t, B, "smart", rub(100))
    request(t)
    unchanged(t, () =>
      expect(codeOf(fails(t, { _tag: "LinkRequest", msisdn: A, target: B }))).toEqual(["RATE_LIMITED", "msisdn"]),
    )
    t.advanceBy(HOUR)
    request(t)
  })
})

describe("R20 link confirmation", () => {
  it("R20: the right code (spaces trimmed) links; both numbers get an SMS; the code works once", () => {
    const t = twin()
    request(t)
    const code = codeFrom(t, B, "MTS")
    const r = confirm(t, ` ${code} `)
    if (r._tag === "Failure") throw new Error(r.failure.message)
    expect(r.success.events.map((e) => e.type)).toEqual(["LinkConfirmed", "SmsDelivered", "SmsDelivered"])
    expect(r.success.events[0]).toMatchObject({ type: "LinkConfirmed", msisdn: A, target: B })
    expect(sub(t, A).linked).toEqual([B])
    expect(sub(t, A).linkRequests).toEqual([])
    expect(lastSms(t, A, "MTS")).toBe("Номер +7 916 000-09-02 привязан к вашему Личному кабинету.")
    expect(lastSms(t, B, "MTS")).toBe(
      "Ваш номер привязан к Личному кабинету номера +7 916 000-09-01. Если это сделали не вы, удалите привязку: " +
        "Личный кабинет, «Настройки» → «Привязанные», или *111*828#, пункт 4.",
    )
    expect(linkedBy(t.state, B)).toEqual([A])
    unchanged(t, () => expect(codeOf(refused(confirm(t, code)))).toEqual(["LINK_NO_REQUEST", "target"]))
  })
  it("R20, I9: confirming for an unknown or unauthorised login, or with no request, is refused and changes nothing", () => {
    const t = twin()
    unchanged(t, () => {
      expect(codeOf(fails(t, { _tag: "LinkConfirm", msisdn: X, target: B, code: "1234" }))).toEqual([
        "UNKNOWN_SUBSCRIBER",
        "msisdn",
      ])
      expect(codeOf(fails(t, { _tag: "LinkConfirm", msisdn: A, target: B, code: "1234", by: C }))).toEqual([
        "NOT_AUTHORIZED",
        "msisdn",
      ])
      expect(codeOf(refused(confirm(t, "1234")))).toEqual(["LINK_NO_REQUEST", "target"])
    })
    request(t)
    // A request for B is no request for C.
    unchanged(t, () =>
      expect(codeOf(refused(confirm(t, codeFrom(t, B, "MTS"), C)))).toEqual(["LINK_NO_REQUEST", "target"]),
    )
  })
  it("R20: the code lapses at exactly 1 hour: CODE_EXPIRED on code, nothing counted; a minute before it works", () => {
    const t = twin()
    request(t)
    request(t, C)
    t.advanceBy(HOUR - 1)
    run(t, { _tag: "LinkConfirm", msisdn: A, target: C, code: codeFrom(t, C, "MTS") })
    t.advanceBy(1)
    unchanged(t, () => expect(codeOf(refused(confirm(t, codeFrom(t, B, "MTS"))))).toEqual(["CODE_EXPIRED", "code"]))
    expect(sub(t, A).linked).toEqual([C])
  })
  it("R20: wrong codes 1 and 2 are WRONG_CODE with the attempts left; the 3rd voids the code (CODE_VOID)", () => {
    const t = twin()
    request(t)
    const code = codeFrom(t, B, "MTS")
    const first = refused(confirm(t, other(code)))
    expect([...codeOf(first), first.ru]).toEqual(["WRONG_CODE", "code", "Неверный код. Осталось попыток: 2"])
    expect(sub(t, A).linkRequests[0]?.failures).toBe(1)
    const second = refused(confirm(t, other(code)))
    expect(second.ru).toBe("Неверный код. Осталось попыток: 1")
    expect(sub(t, A).linkRequests[0]?.failures).toBe(2)
    const n = t.log.count()
    const third = refused(confirm(t, other(code)))
    expect(codeOf(third)).toEqual(["CODE_VOID", "code"])
    expect(t.log.count()).toBe(n + 1)
    expect(lastEvent(t)).toMatchObject({ type: "LinkFailed", msisdn: A, target: B, failures: 3, voided: true })
    expect(lastEvent(t)).not.toHaveProperty("lockedUntil")
    expect(sub(t, A).linkRequests).toEqual([])
    expect(sub(t, A).linkGuard).toEqual({ voids: [t.now], lockedUntil: 0 })
    // The voided code no longer links, even the right one.
    unchanged(t, () => expect(codeOf(refused(confirm(t, code)))).toEqual(["LINK_NO_REQUEST", "target"]))
    expect(sub(t, A).linked).toEqual([])
  })
  const voidOnce = (t: TwinCore, target = B): DomainError => {
    request(t, target)
    const code = codeFrom(t, target, "MTS")
    confirm(t, other(code), target)
    confirm(t, other(code), target)
    return refused(confirm(t, other(code), target))
  }
  it("R20: the 3rd voided code within 24 hours refuses linking for 24 hours (LINK_LOCKED), then it works", () => {
    const t = twin()
    expect(voidOnce(t).code).toBe("CODE_VOID")
    t.advanceBy(HOUR)
    expect(voidOnce(t).code).toBe("CODE_VOID")
    t.advanceBy(HOUR)
    const lockAt = t.now
    const third = voidOnce(t)
    expect([...codeOf(third), third.ru]).toEqual([
      "LINK_LOCKED",
      "code",
      "Неверный код. Привязка номеров временно недоступна. Попробуйте через сутки",
    ])
    expect(lastEvent(t)).toMatchObject({ type: "LinkFailed", voided: true, lockedUntil: lockAt + 24 * HOUR })
    expect(sub(t, A).linkGuard?.lockedUntil).toBe(lockAt + 24 * HOUR)
    unchanged(t, () => {
      expect(codeOf(fails(t, { _tag: "LinkRequest", msisdn: A, target: C }))).toEqual(["LINK_LOCKED", "msisdn"])
      expect(codeOf(refused(confirm(t, "1234")))).toEqual(["LINK_LOCKED", "msisdn"])
    })
    t.advanceBy(24 * HOUR - 1)
    unchanged(t, () => expect(fails(t, { _tag: "LinkRequest", msisdn: A, target: C }).code).toBe("LINK_LOCKED"))
    t.advanceBy(1)
    request(t, C)
    run(t, { _tag: "LinkConfirm", msisdn: A, target: C, code: codeFrom(t, C, "MTS") })
    expect(sub(t, A).linked).toEqual([C])
  })
  it("R20: a request pending while the lock starts cannot be confirmed until the lock ends", () => {
    const t = twin()
    request(t, C)
    const code = codeFrom(t, C, "MTS")
    voidOnce(t)
    voidOnce(t)
    expect(voidOnce(t).code).toBe("LINK_LOCKED")
    unchanged(t, () => expect(codeOf(refused(confirm(t, code, C)))).toEqual(["LINK_LOCKED", "msisdn"]))
  })
  it("R20: voids 24 hours old or older do not count: 2 voids, +24 h, a void is still CODE_VOID", () => {
    const t = twin()
    voidOnce(t)
    voidOnce(t)
    t.advanceBy(24 * HOUR)
    expect(voidOnce(t).code).toBe("CODE_VOID")
    expect(voidOnce(t).code).toBe("CODE_VOID")
    expect(voidOnce(t).code).toBe("LINK_LOCKED")
  })
  it("R20: a void 1 ms inside the 24 hours counts: void, +24 h − 1 ms, void, void is LINK_LOCKED", () => {
    const t = twin()
    voidOnce(t)
    t.advanceBy(24 * HOUR - 1)
    expect(voidOnce(t).code).toBe("CODE_VOID")
    expect(voidOnce(t).code).toBe("LINK_LOCKED")
  })
})

describe("R20 unlinking", () => {
  const linked = (): TwinCore => {
    const t = twin()
    request(t)
    run(t, { _tag: "LinkConfirm", msisdn: A, target: B, code: codeFrom(t, B, "MTS") })
    request(t, C)
    run(t, { _tag: "LinkConfirm", msisdn: A, target: C, code: codeFrom(t, C, "MTS") })
    return t
  }
  it("R20: the login removes a link: Unlinked, the other link stays", () => {
    const t = linked()
    const r = run(t, { _tag: "Unlink", msisdn: A, target: B, by: A })
    expect(r.events).toEqual([expect.objectContaining({ type: "Unlinked", msisdn: A, target: B })])
    expect(sub(t, A).linked).toEqual([C])
    expect(linkedBy(t.state, B)).toEqual([])
  })
  it("R20: the linked number itself may remove its link from another's LK", () => {
    const t = linked()
    run(t, { _tag: "Unlink", msisdn: A, target: C, by: C })
    expect(sub(t, A).linked).toEqual([B])
  })
  it("R20, I9: a third number may not unlink; unknown login, a number not linked: refused, nothing changes", () => {
    const t = linked()
    const D = "79160000904"
    addSub(t, D, "smart", rub(100))
    unchanged(t, () => {
      expect(codeOf(fails(t, { _tag: "Unlink", msisdn: A, target: B, by: C }))).toEqual(["NOT_AUTHORIZED", "msisdn"])
      expect(codeOf(fails(t, { _tag: "Unlink", msisdn: X, target: B, by: B }))).toEqual([
        "UNKNOWN_SUBSCRIBER",
        "msisdn",
      ])
      expect(codeOf(fails(t, { _tag: "Unlink", msisdn: A, target: D, by: A }))).toEqual(["NOT_LINKED", "target"])
      expect(codeOf(fails(t, { _tag: "Unlink", msisdn: A, target: D, by: D }))).toEqual(["NOT_LINKED", "target"])
    })
  })
  it("R20: linkedBy lists the logins that hold a number, sorted (not in the order they were created)", () => {
    const t = twin()
    const first = "79160000900"
    addSub(t, first, "smart", rub(100))
    for (const owner of [C, first, A]) {
      run(t, { _tag: "LinkRequest", msisdn: owner, target: B })
      run(t, { _tag: "LinkConfirm", msisdn: owner, target: B, code: codeFrom(t, B, "MTS") })
    }
    expect(linkedBy(t.state, B)).toEqual([first, A, C])
    expect(linkedBy(t.state, A)).toEqual([])
  })
})
