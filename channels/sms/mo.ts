// Mobile-originated SMS to short numbers: «2163» to 111 connects «Электронный Помощник», an
// empty SMS to 6262 orders a kiosk code, «Да»/«Нет» answer a «МЫ МТС» invitation, and a few
// words to 111 ask for the balance, tariff or packages. The replies the handset receives are
// the SMS the core delivered for this action, or the channel's own answer, which the core also
// delivers to the handset's inbox (ServiceSms), so every reply is in the inbox.
import { Result } from "effect"
import type { Command } from "../../core/domain/commands.ts"
import type { DomainError } from "../../core/domain/errors.ts"
import type { Event } from "../../core/domain/events.ts"
import { accountView, smsText, type AccountView } from "../../core/engine/views.ts"
import type { TwinCore } from "../../core/engine/twin-core.ts"
import { isMsisdn } from "../../core/domain/ids.ts"
import { smsSegments } from "../../core/domain/sms.ts"
import { OPERATOR_SENDERS } from "../../core/rules/service-sms.ts"
import { isPeriodic, oneOffLine, packageLine } from "../text/amounts.ts"
import { formatRub } from "../text/money.ts"

export interface SmsOut {
  from: string
  text: string
  segments: number
  encoding: string /** Stored in the core's inbox (true; false only if the core refused the reply). */
  stored: boolean
}

export interface MoResult {
  replies: SmsOut[]
  error: DomainError | null
  command: Command["_tag"] | null
}

export const SHORT_111 = "111"
export const SHORT_KIOSK = "6262"
/** Longest MO text accepted: a long SMS of 10 UCS-2 parts. */
export const MAX_SMS_TEXT = 670

export const HELP_111 =
  "Отправьте на номер 111: 2163 — подключить «Электронный Помощник», БАЛАНС — баланс, ТАРИФ — тариф, ПАКЕТЫ — остатки пакетов."
export const HELP_6262 = "Чтобы получить код доступа к «Электронному Помощнику», отправьте пустое SMS на номер 6262."
export const HELP_OTHER = "Номер не обслуживается. Справка о сервисах: SMS на номер 111."

/** «Да», «да!», « ДА. », "da" → true; «Нет», «нет!!» → false; anything else → null. */
export const consent = (text: string): boolean | null => {
  const w = text
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[\s\p{P}\p{S}]/gu, "")
  if (w === "да" || w === "da" || w === "yes") return true
  if (w === "нет" || w === "net" || w === "no") return false
  return null
}

const word = (text: string): string =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\p{P}\s]+$/u, "")
    .replace(/^[\p{P}\s]+/u, "")

/** The SMS the handset received among `events`, as the handset shows them (codes in clear). */
const delivered = (twin: TwinCore, events: readonly Event[], msisdn: string): SmsOut[] =>
  events.flatMap((e) =>
    e.type === "SmsDelivered" && e.msisdn === msisdn
      ? [{ from: e.from, text: smsText(twin, e), segments: e.segments, encoding: e.encoding, stored: true }]
      : [],
  )

/** A reply comes from the short number written to when it is the operator's, else from «MTS». */
export const replySender = (to: string): string => (OPERATOR_SENDERS.includes(to) ? to : "MTS")

/** The channel's own reply to the handset `msisdn` that wrote to `to`: the core delivers it to the inbox. */
const answer = (twin: TwinCore, msisdn: string, to: string, text: string): SmsOut => {
  const sender = replySender(to)
  const r = twin.execute({ _tag: "ServiceSms", msisdn, from: sender, text, by: msisdn, via: "sms" })
  const sms = Result.isSuccess(r) ? delivered(twin, r.success.events, msisdn)[0] : undefined
  return sms ?? { from: sender, text, ...smsSegments(text), stored: false }
}

const act = (twin: TwinCore, from: string, replyFrom: string, cmd: Command): MoResult => {
  const r = twin.execute(cmd)
  if (Result.isFailure(r))
    return { replies: [answer(twin, from, replyFrom, r.failure.ru)], error: r.failure, command: cmd._tag }
  return { replies: delivered(twin, r.success.events, from), error: null, command: cmd._tag }
}

/** The balance, tariff and package texts (I8: the same lines USSD shows). */
export const balanceSms = (v: AccountView): string => `Баланс: ${formatRub(v.balance)}`
export const tariffSms = (v: AccountView): string =>
  `Ваш тариф: «${v.tariff.name}». Абонентская плата: ${formatRub(v.tariff.monthlyFee)} в месяц`
export const packagesSms = (v: AccountView): string => {
  const lines = [
    ...v.packages.filter(isPeriodic).map(packageLine),
    ...v.packages.filter((p) => !isPeriodic(p)).map(oneOffLine),
  ]
  return lines.length === 0 ? "Пакетов нет" : lines.join("\n")
}

const info = (twin: TwinCore, from: string, render: (v: AccountView) => string): MoResult => {
  const v = accountView(twin, from, from)
  return Result.isFailure(v)
    ? { replies: [answer(twin, from, SHORT_111, v.failure.ru)], error: v.failure, command: null }
    : { replies: [answer(twin, from, SHORT_111, render(v.success))], error: null, command: null }
}

/** Handle one MO SMS from a subscriber (`from` exists in the twin; R28: the number identifies him). */
export const handleMo = (twin: TwinCore, from: string, to: string, text: string): MoResult => {
  // R2: «Да»/«Нет» answer a «МЫ МТС» invitation only when sent to the number it came from.
  const yes = to === twin.cat.data.family.replyNumber ? consent(text) : null
  if (yes !== null)
    return act(twin, from, to, { _tag: "FamilyReply", msisdn: from, accept: yes, to, by: from, via: "sms" })
  if (to === SHORT_KIOSK) {
    return text.trim() === ""
      ? act(twin, from, SHORT_KIOSK, { _tag: "RequestKioskCode", msisdn: from, by: from, via: "sms" })
      : { replies: [answer(twin, from, SHORT_KIOSK, HELP_6262)], error: null, command: null }
  }
  if (to === SHORT_111) {
    const w = word(text)
    if (w === "2163")
      return act(twin, from, SHORT_111, {
        _tag: "ConnectService",
        msisdn: from,
        service: "e-assistant",
        by: from,
        via: "sms",
      })
    if (w === "баланс") return info(twin, from, balanceSms)
    if (w === "тариф") return info(twin, from, tariffSms)
    if (w === "пакеты" || w === "остаток" || w === "остатки") return info(twin, from, packagesSms)
    return { replies: [answer(twin, from, SHORT_111, HELP_111)], error: null, command: null }
  }
  if (isMsisdn(to)) {
    // Person to person: the SMS centre hands it to the network, which rates it (a network event,
    // so no `by`); the recipient's handset inbox is outside the core's model.
    const r = twin.execute({
      _tag: "Usage",
      msisdn: from,
      usage: { _tag: "sms", to, count: Math.max(1, smsSegments(text).segments) },
      via: "network",
    })
    return Result.isFailure(r)
      ? { replies: [answer(twin, from, "MTS", r.failure.ru)], error: r.failure, command: "Usage" }
      : { replies: delivered(twin, r.success.events, from), error: null, command: "Usage" }
  }
  return { replies: [answer(twin, from, to, HELP_OTHER)], error: null, command: null }
}
