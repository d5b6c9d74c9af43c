// Voluntary block (R19): via IVR 111→6, LK, app; not for corporate tariffs via IVR; no fee
// and no usage while blocked; unblock from LK/app/IVR. A renewal skipped during the block is
// made on unblocking.
import type { CommandOf } from "../domain/commands.ts"
import type { Draft } from "../domain/events.ts"
import { err } from "../domain/errors.ts"
import { actingOn, isErr, ok, smsTo, tariffOf, type Ctx, type RuleResult } from "./context.ts"
import { renewalEvents } from "./jobs.ts"
import { SENDER, texts } from "./texts.ts"
import { isFinanciallyBlocked } from "../state/model.ts"

export const block = (ctx: Ctx, c: CommandOf<"Block">): RuleResult => {
  const s = actingOn(ctx, c, "linked")
  if (isErr(s)) return s
  const t = tariffOf(ctx, s)
  if (t.corporate && c.via === "ivr") {
    return err(
      "BLOCK_NOT_ALLOWED",
      `via: voluntary block of corporate tariff ${t.id} is not available through the IVR`,
      "Добровольная блокировка для корпоративных тарифов через Мобильный помощник недоступна. Обратитесь к менеджеру вашей компании",
      "via",
    )
  }
  if (s.voluntaryBlock)
    return err("ALREADY_BLOCKED", `msisdn: ${c.msisdn} is already blocked`, "Номер уже заблокирован", "msisdn")
  return ok([
    { type: "BlockSet", msisdn: s.msisdn, blocked: true, via: c.via ?? "control" },
    smsTo(s.msisdn, SENDER.mts, texts.blocked()),
  ])
}

export const unblock = (ctx: Ctx, c: CommandOf<"Unblock">): RuleResult => {
  const s = actingOn(ctx, c, "linked")
  if (isErr(s)) return s
  if (!s.voluntaryBlock)
    return err("NOT_BLOCKED", `msisdn: ${c.msisdn} is not blocked`, "Номер не заблокирован", "msisdn")
  const ev: Draft[] = [{ type: "BlockSet", msisdn: s.msisdn, blocked: false, via: c.via ?? "control" }]
  // R15: still below zero, the skipped renewal waits for the top-up that lifts the balance block.
  if (s.renewalSkipped && s.family?.role !== "member" && !isFinanciallyBlocked(s))
    ev.push(...renewalEvents(ctx, s, ctx.now, true))
  ev.push(smsTo(s.msisdn, SENDER.mts, texts.unblocked()))
  return ok(ev)
}
