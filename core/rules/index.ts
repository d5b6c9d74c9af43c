// The dispatch table: one rule per command tag. A reader finds any command's rule here.
import type { CommandOf, CommandTag } from "../domain/commands.ts"
import type { Ctx, Decision, RuleResult } from "./context.ts"
import {
  activatePaymentCard,
  cancelAutopay,
  exchangeBonus,
  issuePaymentCard,
  payProvider,
  promisedPayment,
  setAutopay,
  setNotifications,
  topUp,
  transfer,
} from "./payments.ts"
import { buyPackage, changeTariff, configureConstructor, connectService, disconnectService } from "./services.ts"
import { block, unblock } from "./blocks.ts"
import { familyInvite, familyRemove, familyReply } from "./family.ts"
import { linkConfirm, linkRequest, unlink } from "./linked.ts"
import {
  kioskLogin,
  login,
  loginByNetwork,
  logout,
  requestKioskCode,
  requestOtp,
  resumeSession,
  setPassword,
} from "./auth.ts"
import { rateUsage } from "./rating.ts"
import { assistantRefusal } from "./assistant.ts"
import { serviceSms } from "./service-sms.ts"
import { setupFamily, setupLink, setupPackage } from "./setup.ts"
import { createSubscriber, setNetwork, travel } from "./subscribers.ts"

type Rule<T extends CommandTag> = (ctx: Ctx, c: CommandOf<T>) => RuleResult<unknown>

/** `satisfies` checks one rule per tag and keeps each rule's own type, so its value type reaches `ResultOf`. */
export const RULES = {
  CreateSubscriber: createSubscriber,
  Usage: rateUsage,
  Travel: travel,
  SetNetwork: setNetwork,
  TopUp: topUp,
  IssuePaymentCard: issuePaymentCard,
  ActivatePaymentCard: activatePaymentCard,
  PromisedPayment: promisedPayment,
  SetAutopay: setAutopay,
  CancelAutopay: cancelAutopay,
  Transfer: transfer,
  PayProvider: payProvider,
  ExchangeBonus: exchangeBonus,
  SetNotifications: setNotifications,
  ChangeTariff: changeTariff,
  ConfigureConstructor: configureConstructor,
  ConnectService: connectService,
  DisconnectService: disconnectService,
  BuyPackage: buyPackage,
  Block: block,
  Unblock: unblock,
  FamilyInvite: familyInvite,
  FamilyReply: familyReply,
  FamilyRemove: familyRemove,
  LinkRequest: linkRequest,
  LinkConfirm: linkConfirm,
  Unlink: unlink,
  RequestOtp: requestOtp,
  Login: login,
  LoginByNetwork: loginByNetwork,
  ResumeSession: resumeSession,
  Logout: logout,
  SetPassword: setPassword,
  RequestKioskCode: requestKioskCode,
  KioskLogin: kioskLogin,
  ServiceSms: serviceSms,
  SetupPackage: setupPackage,
  SetupLink: setupLink,
  SetupFamily: setupFamily,
} satisfies { [T in CommandTag]: Rule<T> }

type ValueOf<R> = R extends Decision<infer V> ? V : never

/** What a command of tag `T` returns to its caller on success: the value of its rule's decision. */
export type ResultOf<T extends CommandTag> = ValueOf<ReturnType<(typeof RULES)[T]>>

/** The table as `decide` reads it: the rule under each tag takes that tag's command and returns its `ResultOf`. */
const TABLE: { [T in CommandTag]: (ctx: Ctx, c: CommandOf<T>) => RuleResult<ResultOf<T>> } = RULES

/** The rule of command `c` decides it, after R18's refusal of managing commands (core/rules/assistant.ts). */
export const decide = <T extends CommandTag>(ctx: Ctx, c: CommandOf<T>): RuleResult<ResultOf<T>> =>
  assistantRefusal(ctx, c) ?? TABLE[c._tag](ctx, c)
