// Request bodies of the telephony channels (USSD, IVR, SMS) and of the twin control routes that
// decode by hand, as Effect Schemas for the OpenAPI document: the routes' own readers
// (channels/ussd/http-input.ts, channels/control/router.ts) name the same fields and limits.
import { Schema } from "effect"
import { Msisdn } from "../core/domain/ids.ts"

const text = (max: number) => Schema.String.pipe(Schema.check(Schema.isMaxLength(max)))

export const UssdDialBody = Schema.Struct({ msisdn: Msisdn, code: text(64) }).annotate({
  identifier: "UssdDial",
  description: "Набор USSD-кода с телефона абонента: *100#, *111#, *100*1# …",
})
export const UssdReplyBody = Schema.Struct({ msisdn: Msisdn, text: text(64) }).annotate({
  identifier: "UssdReply",
  description: "Ответ в открытом меню USSD: номер пункта или сумма",
})
export const UssdGatewayBody = Schema.Struct({
  sessionId: text(100),
  serviceCode: text(64),
  phoneNumber: text(32),
  text: Schema.optional(text(2000)),
}).annotate({
  identifier: "UssdGatewayCallback",
  description: "Поля шлюза (форма или JSON): text — все ответы сеанса через *",
})
export const IvrCallBody = Schema.Struct({ msisdn: Msisdn, number: text(16) }).annotate({
  identifier: "IvrCall",
  description: "Звонок: 111 — Мобильный помощник, 0890 — горячая линия",
})
export const IvrKeysBody = Schema.Struct({
  keys: Schema.String.pipe(Schema.check(Schema.isPattern(/^[0-9*#]{0,64}$/))),
}).annotate({ identifier: "IvrKeys", description: "Клавиши тонального набора" })
export const SmsSendBody = Schema.Struct({ from: Msisdn, to: text(32), text: Schema.optional(text(1000)) }).annotate({
  identifier: "SmsSend",
  description: "SMS с телефона абонента на короткий или мобильный номер",
})
export const CreateTwinBody = Schema.Struct({
  id: Schema.optional(text(64)),
  name: Schema.optional(text(100)),
  seed: Schema.optional(Schema.String),
  start: Schema.optional(Schema.String),
  demo: Schema.optional(Schema.Boolean),
}).annotate({ identifier: "CreateTwin", description: "Новый двойник; demo: true — с демонстрационными абонентами" })
export const AdvanceBody = Schema.Struct({
  by: Schema.optional(Schema.String),
  to: Schema.optional(Schema.String),
  months: Schema.optional(Schema.Int),
}).annotate({
  identifier: "Advance",
  description: "Время двойника вперед: by «1d 2h», to — момент ISO, months — календарные месяцы",
})

export const TELEPHONY_BODIES = {
  UssdDial: UssdDialBody,
  UssdReply: UssdReplyBody,
  UssdGatewayCallback: UssdGatewayBody,
  IvrCall: IvrCallBody,
  IvrKeys: IvrKeysBody,
  SmsSend: SmsSendBody,
  CreateTwin: CreateTwinBody,
  Advance: AdvanceBody,
} as const
