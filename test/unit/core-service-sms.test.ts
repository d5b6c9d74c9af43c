// ServiceSms: an operator SMS to the subscriber's own inbox (the SMS channel's replies, R28),
// only from the operator's short numbers, only to the number that wrote (I9), bounded text.
import { describe, expect, it } from "vitest"
import { MAX_SERVICE_SMS_TEXT, OPERATOR_SENDERS } from "../../core/rules/service-sms.ts"
import { smsSegments } from "../../core/domain/sms.ts"
import { addSub, fails, inbox, newTwin, run, unchanged } from "../helpers/twin.ts"

const A = "79160000021"
const B = "79160000022"

describe("R28 I9 ServiceSms", () => {
  it("R28: delivers an operator SMS to the writer's own inbox as SmsDelivered with segments", () => {
    const t = newTwin()
    addSub(t, A, "smart")
    const text = "Отправьте на номер 111: БАЛАНС — баланс, ТАРИФ — тариф, ПАКЕТЫ — остатки пакетов."
    const o = run(t, { _tag: "ServiceSms", msisdn: A, from: "111", text, by: A, via: "sms" })
    expect(o.events.map((e) => e.type)).toEqual(["SmsDelivered"])
    const e = o.events[0]
    expect(e?.type === "SmsDelivered" ? [e.msisdn, e.from, e.text, e.segments, e.encoding] : null).toEqual([
      A,
      "111",
      text,
      smsSegments(text).segments,
      "UCS-2",
    ])
    expect(o.value.segments).toBe(2)
    expect(inbox(t, A).at(-1)?.text).toBe(text)
  })
  it("R28: every operator sender is accepted: 111, 6262, 3339, MTS", () => {
    const t = newTwin()
    addSub(t, A, "smart")
    expect([...OPERATOR_SENDERS].sort()).toEqual(["111", "3339", "6262", "MTS"])
    for (const from of OPERATOR_SENDERS) run(t, { _tag: "ServiceSms", msisdn: A, from, text: "ok", by: A })
    expect(inbox(t, A).map((m) => m.from)).toEqual([...OPERATOR_SENDERS])
  })
  it("I9: a channel may write only to the handset that wrote to it (by = msisdn); no by is refused too", () => {
    const t = newTwin()
    addSub(t, A, "smart")
    addSub(t, B, "smart")
    unchanged(t, () => {
      expect(
        [fails(t, { _tag: "ServiceSms", msisdn: A, from: "111", text: "x", by: B, via: "sms" })].map((e) => [
          e.code,
          e.field,
        ]),
      ).toEqual([["NOT_AUTHORIZED", "by"]])
      expect(fails(t, { _tag: "ServiceSms", msisdn: A, from: "111", text: "x" }).field).toBe("by")
    })
  })
  it("R28: a sender outside the operator's short numbers, an empty or too long text are refused, naming the field", () => {
    const t = newTwin()
    addSub(t, A, "smart")
    unchanged(t, () => {
      for (const from of ["0500", "79161234567", "Bank", "", "mts"])
        expect([from, fails(t, { _tag: "ServiceSms", msisdn: A, from, text: "x", by: A }).field]).toEqual([
          from,
          "from",
        ])
      expect(fails(t, { _tag: "ServiceSms", msisdn: A, from: "111", text: "  ", by: A }).field).toBe("text")
      expect(
        fails(t, { _tag: "ServiceSms", msisdn: A, from: "111", text: "я".repeat(MAX_SERVICE_SMS_TEXT + 1), by: A })
          .field,
      ).toBe("text")
      expect(
        fails(t, { _tag: "ServiceSms", msisdn: "79990000000", from: "111", text: "x", by: "79990000000" }).code,
      ).toBe("UNKNOWN_SUBSCRIBER")
    })
    run(t, { _tag: "ServiceSms", msisdn: A, from: "111", text: "я".repeat(MAX_SERVICE_SMS_TEXT), by: A })
  })
})
