// Request bodies of the LK and app JSON APIs, as Effect Schemas: decoded at the edge and
// published in /openapi.json. Money is integer kopecks; `msisdn` (optional) picks a linked number.
import { Schema } from "effect"
import { Kopecks, Msisdn } from "../../core/domain/ids.ts"

const Target = { msisdn: Schema.optional(Msisdn) }
const Short = Schema.String.pipe(Schema.check(Schema.isMaxLength(64)))

export const OtpBody = Schema.Struct({ msisdn: Msisdn }).annotate({
  identifier: "OtpRequest",
  description: "Ask for an SMS password from 3339 (R22).",
})
export const LoginBody = Schema.Struct({
  msisdn: Msisdn,
  secret: Schema.String.pipe(Schema.check(Schema.isMaxLength(128))),
}).annotate({ identifier: "LoginRequest", description: "SMS password or permanent password (R22, R23)." })
export const NetworkLoginBody = Schema.Struct({ msisdn: Schema.optional(Msisdn) }).annotate({
  identifier: "NetworkLoginRequest",
  description:
    "Identification on the operator's mobile data (R26): the number comes from the X-Network-Identity header " +
    "the operator's gateway inserts (issued by the twin to an attached handset), never from the body; a body " +
    "msisdn must be that number.",
})
export const TopUpBody = Schema.Struct({
  amount: Kopecks,
  method: Schema.optional(Schema.Literals(["card", "apple-pay", "google-pay", "samsung-pay"])),
  ...Target,
}).annotate({ identifier: "TopUpRequest", description: "Top-up in kopecks (R9)." })
export const PromisedBody = Schema.Struct({ amount: Schema.optional(Kopecks), ...Target }).annotate({
  identifier: "PromisedPaymentRequest",
})
export const AutopayBody = Schema.Struct({
  mode: Schema.Literals(["date", "threshold", "off"]),
  amount: Schema.optional(Kopecks),
  day: Schema.optional(Schema.Int),
  threshold: Schema.optional(Kopecks),
  ...Target,
}).annotate({
  identifier: "AutopayRequest",
  description: "R11: by date (day 1..28) or under a threshold; mode off cancels.",
})
export const ServiceBody = Schema.Struct({ service: Short, ...Target }).annotate({ identifier: "ServiceRequest" })
export const TariffBody = Schema.Struct({
  tariff: Short,
  confirmed: Schema.optional(Schema.Boolean),
  ...Target,
}).annotate({
  identifier: "TariffChangeRequest",
  description: "R6: without confirmed the answer is the confirmation screen.",
})
export const TargetBody = Schema.Struct({ ...Target }).annotate({ identifier: "TargetRequest" })
export const LinkRequestBody = Schema.Struct({ target: Msisdn }).annotate({
  identifier: "LinkRequest",
  description: "R20: a code goes by SMS to the target.",
})
export const LinkLeaveBody = Schema.Struct({ owner: Msisdn }).annotate({
  identifier: "LinkLeave",
  description: "R20: the linked number removes itself from the LK of `owner`.",
})
export const LinkConfirmBody = Schema.Struct({
  target: Msisdn,
  code: Schema.String.pipe(Schema.check(Schema.isMaxLength(16))),
}).annotate({ identifier: "LinkConfirm" })
export const FamilyInviteBody = Schema.Struct({
  member: Msisdn,
  minutes: Schema.Int,
  sms: Schema.Int,
  dataMb: Schema.Int,
}).annotate({ identifier: "FamilyInvite", description: "R2: «Пригласить участника» → «Начать делиться»." })
export const FamilyRemoveBody = Schema.Struct({ member: Msisdn }).annotate({ identifier: "FamilyRemove" })
/** «Настройки входа» (R23): the current password (SMS or permanent), then the new one twice. */
export const PasswordBody = Schema.Struct({
  current: Schema.optional(Schema.String.pipe(Schema.check(Schema.isMaxLength(128)))),
  password: Schema.String.pipe(Schema.check(Schema.isMaxLength(128))),
  confirm: Schema.optional(Schema.String.pipe(Schema.check(Schema.isMaxLength(128)))),
}).annotate({ identifier: "SetPassword" })
export const BonusBody = Schema.Struct({ offer: Short, ...Target }).annotate({ identifier: "BonusExchange" })
export const NotificationsBody = Schema.Struct({
  charges: Schema.optional(Schema.Boolean),
  logins: Schema.optional(Schema.Boolean),
}).annotate({ identifier: "Notifications" })
export const TransferBody = Schema.Struct({ to: Msisdn, amount: Kopecks, ...Target }).annotate({
  identifier: "Transfer",
})
/** A payment to another provider from the balance (000_…): provider id from the catalog, account or phone, kopecks. */
export const PayProviderBody = Schema.Struct({ provider: Short, account: Short, amount: Kopecks, ...Target }).annotate({
  identifier: "PayProvider",
})
export const BuyPackageBody = Schema.Struct({ offer: Short, ...Target }).annotate({ identifier: "BuyPackage" })

/** Bodies by name, for the OpenAPI document. */
export const BODY_SCHEMAS = {
  OtpRequest: OtpBody,
  LoginRequest: LoginBody,
  NetworkLoginRequest: NetworkLoginBody,
  TopUpRequest: TopUpBody,
  PromisedPaymentRequest: PromisedBody,
  AutopayRequest: AutopayBody,
  ServiceRequest: ServiceBody,
  TariffChangeRequest: TariffBody,
  TargetRequest: TargetBody,
  LinkRequest: LinkRequestBody,
  LinkConfirm: LinkConfirmBody,
  LinkLeave: LinkLeaveBody,
  FamilyInvite: FamilyInviteBody,
  FamilyRemove: FamilyRemoveBody,
  SetPassword: PasswordBody,
  PayProvider: PayProviderBody,
  BonusExchange: BonusBody,
  Notifications: NotificationsBody,
  Transfer: TransferBody,
  BuyPackage: BuyPackageBody,
} as const
