// R18: «Мобильный помощник» switched off (*111*242# → «2 Удалить») forbids managing the account
// through the assistant: the 111 voice menu and the internet assistant (the LK and the «Мой МТС»
// app). The personal account itself cannot be switched off, so logging in and viewing (balance,
// packages, detail, *100#) still work; so do payments into the account. USSD *111# (МТС Сервис)
// stays the way to switch it back on.
import type { Command, CommandTag } from "../domain/commands.ts"
import { err, type DomainError } from "../domain/errors.ts"
import { hasService } from "../state/model.ts"
import type { Ctx } from "./context.ts"

export const MOBILE_ASSISTANT = "mobile-assistant"

/** Commands that manage the account (change tariff, services, packages, blocks, money out). */
const MANAGING: ReadonlySet<CommandTag> = new Set<CommandTag>([
  // ConfigureConstructor is refused without the assistant on every channel by R5 (services.ts).
  "ChangeTariff",
  "ConnectService",
  "DisconnectService",
  "BuyPackage",
  "Block",
  "Unblock",
  "PromisedPayment",
  "SetAutopay",
  "CancelAutopay",
  "Transfer",
  "ExchangeBonus",
  "FamilyInvite",
  "FamilyRemove",
  "LinkRequest",
  "Unlink",
  "PayProvider",
])

/** The assistant's channels: the 111 voice menu and the internet assistant (LK, app). */
const ASSISTANT_VIA: ReadonlySet<string> = new Set(["ivr", "lk", "app"])

export const assistantRefusal = (ctx: Ctx, c: Command): DomainError | null => {
  if (!MANAGING.has(c._tag) || c.by === undefined || c.via === undefined || !ASSISTANT_VIA.has(c.via)) return null
  if (c._tag === "ConnectService" && c.service === MOBILE_ASSISTANT) return null
  if (!("msisdn" in c)) return null
  const s = ctx.state.subscribers.get(c.msisdn)
  if (s === undefined || hasService(s, MOBILE_ASSISTANT)) return null
  return err(
    "MOBILE_ASSISTANT_REQUIRED",
    `msisdn: «Мобильный помощник» is switched off on ${c.msisdn}; managing the account through ${c.via} is ` +
      `refused (switch it on by *111*242#, 1)`,
    "«Мобильный помощник» отключен: управление счетом через голосовое меню 111, Личный кабинет и приложение " +
      "запрещено. Чтобы снова включить его, наберите *111*242# и выберите «1 Подключить».",
    "msisdn",
  )
}
