// Operator SMS to the subscriber's own handset: a channel's reply to a message the handset sent
// (help texts, refusals, answers to «БАЛАНС»). It lands in the inbox like every core SMS, with
// its segments. Only from the operator's short numbers, only to the number that wrote (by).
import type { CommandOf } from "../domain/commands.ts"
import { err } from "../domain/errors.ts"
import { getSub, isErr, ok, smsTo, type Ctx, type RuleResult } from "./context.ts"
import { SENDER } from "./texts.ts"

/** The operator's own senders: short numbers 111, 6262, 3339 and the alphanumeric «MTS». */
export const OPERATOR_SENDERS: readonly string[] = [SENDER.assistant, SENDER.kiosk, SENDER.otp, SENDER.mts]

/** Longest service SMS text, characters (a long SMS of 15 UCS-2 parts). */
export const MAX_SERVICE_SMS_TEXT = 1000

export const serviceSms = (ctx: Ctx, c: CommandOf<"ServiceSms">): RuleResult<{ segments: number }> => {
  const s = getSub(ctx, c.msisdn)
  if (isErr(s)) return s
  // A channel may only write to the handset that wrote to it.
  if (c.by === undefined || c.by !== c.msisdn) {
    return err(
      "NOT_AUTHORIZED",
      `by: a service SMS goes only to the number that wrote (by must be ${c.msisdn}, got ${c.by ?? "none"})`,
      "Операция недоступна",
      "by",
    )
  }
  if (!OPERATOR_SENDERS.includes(c.from)) {
    return err(
      "INVALID_FIELD",
      `from: must be one of the operator's senders ${OPERATOR_SENDERS.join(", ")}, got "${c.from.slice(0, 20)}"`,
      "Неверный отправитель",
      "from",
    )
  }
  if (c.text.trim() === "" || c.text.length > MAX_SERVICE_SMS_TEXT) {
    return err(
      "INVALID_FIELD",
      `text: must be 1..${MAX_SERVICE_SMS_TEXT} characters, got ${c.text.length}`,
      "Неверный текст сообщения",
      "text",
    )
  }
  const sms = smsTo(s.msisdn, c.from, c.text)
  return ok([sms], { segments: sms.type === "SmsDelivered" ? sms.segments : 0 })
}
