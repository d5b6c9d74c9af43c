// The dispatch table: one rule per command tag. A reader finds any command's rule here.
import type { Command, CommandOf, CommandTag } from "../domain/commands.ts"
import type { Ctx, RuleResult } from "./context.ts"
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

type Rules = { [T in CommandTag]: (ctx: Ctx, c: CommandOf<T>) => RuleResult<unknown> }

export const RULES: Rules = {
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
}

export const decide = (ctx: Ctx, c: Command): RuleResult<unknown> =>
  assistantRefusal(ctx, c) ?? (RULES[c._tag] as (ctx: Ctx, c: Command) => RuleResult<unknown>)(ctx, c)
