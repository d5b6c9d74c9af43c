// Linked numbers (R20, I9): one login manages several numbers. Adding a number needs a code
// sent by SMS to that number, so nobody can take over a number he does not hold.
import type { CommandOf } from "../domain/commands.ts"
import { err } from "../domain/errors.ts"
import { HOUR } from "../domain/time.ts"
import { actingOn, codeSmsTo, drawCode, getSub, isErr, ok, smsTo, type Ctx, type RuleResult } from "./context.ts"
import { hashSecret, verifySecret } from "./secrets.ts"
import { codeRateLimit } from "./auth.ts"
import { SENDER, texts } from "./texts.ts"

export const linkRequest = (ctx: Ctx, c: CommandOf<"LinkRequest">): RuleResult => {
  const s = actingOn(ctx, c, "self")
  if (isErr(s)) return s
  const t = getSub(ctx, c.target, "target")
  if (isErr(t)) return t
  if (t.msisdn === s.msisdn || s.linked.includes(t.msisdn)) return err("LINK_INVALID", `target: ${c.target} is this number or already linked`, "Этот номер уже привязан", "target")
  const limited = codeRateLimit(ctx, s)
  if (limited) return limited
  const code = drawCode(ctx, ctx.cat.data.auth.otpDigits)
  const salt = ctx.rng.hex(16)
  const expiresAt = ctx.now + HOUR
  return ok([
    { type: "LinkRequested", msisdn: s.msisdn, target: t.msisdn, hash: hashSecret(code.code, salt, ctx.cat.data.auth), salt, expiresAt, rng: ctx.rng.counter },
    codeSmsTo(t.msisdn, SENDER.mts, (x) => texts.linkCode(s.msisdn, x), code),
  ], { expiresAt })
}

export const linkConfirm = (ctx: Ctx, c: CommandOf<"LinkConfirm">): RuleResult => {
  const s = actingOn(ctx, c, "self")
  if (isErr(s)) return s
  const r = s.linkRequests.find((x) => x.target === c.target)
  if (r === undefined) return err("LINK_NO_REQUEST", `target: no pending link request for ${c.target}`, "Сначала запросите код привязки", "target")
  if (r.expiresAt <= ctx.now) return err("CODE_EXPIRED", "code: the link code has expired; request a new one", "Срок действия кода истек. Запросите новый код", "code")
  if (!verifySecret(c.code.trim(), r, ctx.cat.data.auth)) {
    return { events: [{ type: "LinkFailed", msisdn: s.msisdn, target: c.target }], error: err("WRONG_CODE", "code: wrong link code", "Неверный код", "code") }
  }
  return ok([{ type: "LinkConfirmed", msisdn: s.msisdn, target: c.target }, smsTo(s.msisdn, SENDER.mts, texts.linked(c.target))])
}

export const unlink = (ctx: Ctx, c: CommandOf<"Unlink">): RuleResult => {
  const s = actingOn(ctx, c, "self")
  if (isErr(s)) return s
  if (!s.linked.includes(c.target)) return err("NOT_LINKED", `target: ${c.target} is not linked to ${c.msisdn}`, "Номер не привязан", "target")
  return ok([{ type: "Unlinked", msisdn: s.msisdn, target: c.target }])
}
