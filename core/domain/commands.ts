// The one command union every channel, the network simulator, scenarios and the control API
// send to the core. Shapes are Effect Schemas: decoded at the edge, documented in OpenAPI.
import { type Result, Schema } from "effect"
import type { DomainError } from "./errors.ts"
import { decodeStrict } from "./decode.ts"
import { Channel, Msisdn } from "./ids.ts"

const Int = Schema.Int
const Str = Schema.String

/** Common to subscriber commands: who acts (for I9) and through which channel. */
const actor = {
  /** The number on whose behalf a channel acts (logged-in number or caller). Absent: operator/control. */
  by: Schema.optional(Msisdn),
  via: Schema.optional(Channel),
}

export const CreateSubscriber = Schema.TaggedStruct("CreateSubscriber", {
  msisdn: Msisdn,
  name: Str,
  passport: Schema.optional(Str),
  birthDate: Schema.optional(Str),
  region: Schema.optional(Str),
  tariff: Str,
  payment: Schema.optional(Schema.Literals(["prepaid", "credit"])),
  creditLimit: Schema.optional(Int),
  /** Opening balance in kopecks. */
  balance: Schema.optional(Int),
  bonus: Schema.optional(Int),
  /** Extra services on top of the tariff's defaults. */
  services: Schema.optional(Schema.Array(Str)),
  /** Average monthly spend before the twin started, kopecks (drives the promised-payment limit). */
  avgMonthlySpend: Schema.optional(Int),
  ...actor,
})

const UsageSpec = Schema.Union([
  Schema.TaggedStruct("call", { to: Str, seconds: Int, direction: Schema.optional(Schema.Literals(["out", "in"])) }),
  Schema.TaggedStruct("sms", {
    to: Str,
    count: Schema.optional(Int),
    direction: Schema.optional(Schema.Literals(["out", "in"])),
  }),
  Schema.TaggedStruct("data", { kb: Int }),
])
export type UsageSpec = typeof UsageSpec.Type

export const Usage = Schema.TaggedStruct("Usage", { msisdn: Msisdn, usage: UsageSpec, ...actor })
export const Travel = Schema.TaggedStruct("Travel", {
  msisdn: Msisdn,
  /** "home", "russia", or an ISO country code. */
  to: Str,
  ...actor,
})
export const SetNetwork = Schema.TaggedStruct("SetNetwork", { msisdn: Msisdn, mobileData: Schema.Boolean, ...actor })

export const TopUpMethod = Schema.Literals(["card", "cash", "apple-pay", "google-pay", "samsung-pay", "bank"])
export const TopUp = Schema.TaggedStruct("TopUp", { msisdn: Msisdn, amount: Int, method: TopUpMethod, ...actor })
export const IssuePaymentCard = Schema.TaggedStruct("IssuePaymentCard", { code: Str, amount: Int, ...actor })
export const ActivatePaymentCard = Schema.TaggedStruct("ActivatePaymentCard", { msisdn: Msisdn, code: Str, ...actor })
export const PromisedPayment = Schema.TaggedStruct("PromisedPayment", {
  msisdn: Msisdn,
  amount: Schema.optional(Int),
  ...actor,
})
export const SetAutopay = Schema.TaggedStruct("SetAutopay", {
  msisdn: Msisdn,
  mode: Schema.Literals(["date", "threshold"]),
  amount: Int,
  /** Day of month 1..28 for mode "date". */
  day: Schema.optional(Int),
  /** Balance in kopecks under which mode "threshold" tops up. */
  threshold: Schema.optional(Int),
  ...actor,
})
export const CancelAutopay = Schema.TaggedStruct("CancelAutopay", { msisdn: Msisdn, ...actor })
export const Transfer = Schema.TaggedStruct("Transfer", { msisdn: Msisdn, to: Msisdn, amount: Int, ...actor })
/** Pay another provider from the balance: ТВ и Интернет, квартплата, a mobile phone (catalog providerPayments). */
export const PayProvider = Schema.TaggedStruct("PayProvider", {
  msisdn: Msisdn,
  provider: Str,
  /** Contract/account number, or the phone number for a mobile phone. */
  account: Str,
  amount: Int,
  ...actor,
})
export const ExchangeBonus = Schema.TaggedStruct("ExchangeBonus", { msisdn: Msisdn, offer: Str, ...actor })
export const SetNotifications = Schema.TaggedStruct("SetNotifications", {
  msisdn: Msisdn,
  charges: Schema.optional(Schema.Boolean),
  logins: Schema.optional(Schema.Boolean),
  ...actor,
})
export const ChangeTariff = Schema.TaggedStruct("ChangeTariff", {
  msisdn: Msisdn,
  tariff: Str,
  confirmed: Schema.optional(Schema.Boolean),
  ...actor,
})
export const ConfigureConstructor = Schema.TaggedStruct("ConfigureConstructor", {
  msisdn: Msisdn,
  minutes: Int,
  dataGb: Int,
  ...actor,
})
export const ConnectService = Schema.TaggedStruct("ConnectService", { msisdn: Msisdn, service: Str, ...actor })
export const DisconnectService = Schema.TaggedStruct("DisconnectService", { msisdn: Msisdn, service: Str, ...actor })
export const BuyPackage = Schema.TaggedStruct("BuyPackage", { msisdn: Msisdn, offer: Str, ...actor })
export const Block = Schema.TaggedStruct("Block", { msisdn: Msisdn, ...actor })
export const Unblock = Schema.TaggedStruct("Unblock", { msisdn: Msisdn, ...actor })
export const FamilyInvite = Schema.TaggedStruct("FamilyInvite", {
  msisdn: Msisdn,
  member: Msisdn,
  minutes: Int,
  sms: Int,
  dataMb: Int,
  ...actor,
})
/** «Да»/«Нет» to a «МЫ МТС» invitation; `to`: the number the SMS was sent to (only catalog family.replyNumber counts). */
export const FamilyReply = Schema.TaggedStruct("FamilyReply", {
  msisdn: Msisdn,
  accept: Schema.Boolean,
  to: Schema.optional(Str),
  ...actor,
})
export const FamilyRemove = Schema.TaggedStruct("FamilyRemove", { msisdn: Msisdn, member: Msisdn, ...actor })
export const LinkRequest = Schema.TaggedStruct("LinkRequest", { msisdn: Msisdn, target: Msisdn, ...actor })
export const LinkConfirm = Schema.TaggedStruct("LinkConfirm", { msisdn: Msisdn, target: Msisdn, code: Str, ...actor })
export const Unlink = Schema.TaggedStruct("Unlink", { msisdn: Msisdn, target: Msisdn, ...actor })
export const RequestOtp = Schema.TaggedStruct("RequestOtp", { msisdn: Msisdn, ...actor })
export const Login = Schema.TaggedStruct("Login", {
  msisdn: Msisdn,
  secret: Str,
  channel: Schema.Literals(["lk", "app"]),
  ...actor,
})
export const LoginByNetwork = Schema.TaggedStruct("LoginByNetwork", {
  msisdn: Msisdn,
  channel: Schema.Literals(["lk", "app"]),
  ...actor,
})
/** The channels that hold a core session (a token): LK and app after Login, the kiosk after KioskLogin. */
export const SessionChannel = Schema.Literals(["lk", "app", "kiosk"])
export type SessionChannel = typeof SessionChannel.Type
export const ResumeSession = Schema.TaggedStruct("ResumeSession", {
  token: Str,
  /** The channel presenting the token (R25, R27): a session works only on the channel that opened it. */
  channel: Schema.optional(SessionChannel),
  ...actor,
})
export const Logout = Schema.TaggedStruct("Logout", { token: Str, ...actor })
/**
 * «Настройки входа» (R23): the current password (the SMS password or the permanent one), then the
 * new one twice. A subscriber channel (`by` set) must send `current` and `confirm`; the operator
 * (no `by`) sets a password without them. `keep`: the session token of the channel making the
 * change: it stays open, every other session of the number ends (issue 14).
 */
export const SetPassword = Schema.TaggedStruct("SetPassword", {
  msisdn: Msisdn,
  password: Str,
  current: Schema.optional(Str),
  confirm: Schema.optional(Str),
  keep: Schema.optional(Str),
  ...actor,
})
export const RequestKioskCode = Schema.TaggedStruct("RequestKioskCode", { msisdn: Msisdn, ...actor })
export const KioskLogin = Schema.TaggedStruct("KioskLogin", { msisdn: Msisdn, code: Str, ...actor })
/** An operator SMS to the subscriber's own handset (a channel's reply); `by` must be `msisdn`. */
export const ServiceSms = Schema.TaggedStruct("ServiceSms", { msisdn: Msisdn, from: Str, text: Str, ...actor })
/** Scenario setup as state (core/rules/setup.ts): a package held, a link made, a family member joined — no charge, no SMS. */
export const SetupPackage = Schema.TaggedStruct("SetupPackage", { msisdn: Msisdn, offer: Str, ...actor })
export const SetupLink = Schema.TaggedStruct("SetupLink", { msisdn: Msisdn, target: Msisdn, ...actor })
export const SetupFamily = Schema.TaggedStruct("SetupFamily", {
  msisdn: Msisdn,
  member: Msisdn,
  minutes: Int,
  sms: Int,
  dataMb: Int,
  ...actor,
})

export const Command = Schema.Union([
  CreateSubscriber,
  Usage,
  Travel,
  SetNetwork,
  TopUp,
  IssuePaymentCard,
  ActivatePaymentCard,
  PromisedPayment,
  SetAutopay,
  CancelAutopay,
  Transfer,
  PayProvider,
  ExchangeBonus,
  SetNotifications,
  ChangeTariff,
  ConfigureConstructor,
  ConnectService,
  DisconnectService,
  BuyPackage,
  Block,
  Unblock,
  FamilyInvite,
  FamilyReply,
  FamilyRemove,
  LinkRequest,
  LinkConfirm,
  Unlink,
  RequestOtp,
  Login,
  LoginByNetwork,
  ResumeSession,
  Logout,
  SetPassword,
  RequestKioskCode,
  KioskLogin,
  ServiceSms,
  SetupPackage,
  SetupLink,
  SetupFamily,
])
export type Command = typeof Command.Type
export type CommandTag = Command["_tag"]
type CommandMap = { [T in CommandTag]: Extract<Command, { _tag: T }> }
/**
 * The command of tag `T`. As a parameter type it lets TypeScript infer `T` from the argument's
 * `_tag` (so `execute({ _tag: "Login", ... })` knows it returns a Login's result), and it indexes
 * the rule table without a cast.
 */
export type CommandOf<T extends CommandTag> = CommandMap[T] & { readonly _tag: T }

/** Decode untrusted input into a Command; unknown fields are refused, the error names the field and the reason. */
export const decodeCommand: (input: unknown) => Result.Result<Command, DomainError> = decodeStrict(Command, "command")
