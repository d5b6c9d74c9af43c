// Linked numbers (R20, I9): one login manages several numbers. Adding a number needs a code
// sent by SMS to that number, so nobody can take over a number he does not hold. The code is
// guarded against guessing (issue 14): 3 wrong codes void it (a new one must be requested), 3
// voids within a day refuse linking for a day, a code works once, the linked number is told by
// SMS, and the linked number itself may remove the link (LK, app, USSD *111*828# item 4).
import type { CommandOf } from "../domain/commands.ts"
import type { Draft } from "../domain/events.ts"
import { err, type DomainError } from "../domain/errors.ts"
import { HOUR } from "../domain/time.ts"
import type { State, Subscriber } from "../state/model.ts"
import {
  actingOn,
  authorize,
  codeSmsTo,
  drawCode,
  getSub,
  isErr,
  ok,
  smsTo,
  type Ctx,
  type RuleResult,
} from "./context.ts"
import { hashSecret, verifySecret } from "./secrets.ts"
import { codeRateLimit } from "./auth.ts"
import { SENDER, texts } from "./texts.ts"

/** Wrong codes after which a link code is void. */
export const LINK_MAX_FAILURES = 3
/** Voided codes within LINK_VOID_WINDOW_HOURS after which linking is refused. */
export const LINK_MAX_VOIDS = 3
export const LINK_VOID_WINDOW_HOURS = 24
/** How long linking is refused after LINK_MAX_VOIDS voids. */
export const LINK_LOCK_HOURS = 24

const lockedError = (s: Subscriber, ctx: Ctx): DomainError | null => {
  const until = s.linkGuard?.lockedUntil ?? 0
  return until > ctx.now
    ? err(
        "LINK_LOCKED",
        `msisdn: linking numbers to ${s.msisdn} is refused until ${new Date(until).toISOString()} after ${LINK_MAX_VOIDS} voided codes`,
        "Привязка номеров временно недоступна из-за неверного ввода кода. Попробуйте через сутки",
        "msisdn",
      )
    : null
}

export const linkRequest = (ctx: Ctx, c: CommandOf<"LinkRequest">): RuleResult<{ expiresAt: number }> => {
  const s = actingOn(ctx, c, "self")
  if (isErr(s)) return s
  const t = getSub(ctx, c.target, "target")
  if (isErr(t)) return t
  if (t.msisdn === s.msisdn || s.linked.includes(t.msisdn))
    return err(
      "LINK_INVALID",
      `target: ${c.target} is this number or already linked`,
      "Этот номер уже привязан",
      "target",
    )
  const locked = lockedError(s, ctx)
  if (locked) return locked
  const limited = codeRateLimit(ctx, s)
  if (limited) return limited
  const code = drawCode(ctx, ctx.cat.data.auth.otpDigits)
  const salt = ctx.rng.hex(16)
  const expiresAt = ctx.now + HOUR
  return ok(
    [
      {
        type: "LinkRequested",
        msisdn: s.msisdn,
        target: t.msisdn,
        hash: hashSecret(code.code, salt, ctx.cat.data.auth),
        salt,
        expiresAt,
        rng: ctx.rng.counter,
      },
      codeSmsTo(t.msisdn, SENDER.mts, (x) => texts.linkCode(s.msisdn, x), code),
    ],
    { expiresAt },
  )
}

export const linkConfirm = (ctx: Ctx, c: CommandOf<"LinkConfirm">): RuleResult => {
  const s = actingOn(ctx, c, "self")
  if (isErr(s)) return s
  const locked = lockedError(s, ctx)
  if (locked) return locked
  const r = s.linkRequests.find((x) => x.target === c.target)
  if (r === undefined)
    return err(
      "LINK_NO_REQUEST",
      `target: no pending link request for ${c.target} (a code works once; 3 wrong codes void it)`,
      "Сначала запросите код привязки",
      "target",
    )
  if (r.expiresAt <= ctx.now)
    return err(
      "CODE_EXPIRED",
      "code: the link code has expired; request a new one",
      "Срок действия кода истек. Запросите новый код",
      "code",
    )
  if (!verifySecret(c.code.trim(), r, ctx.cat.data.auth)) {
    const failures = (r.failures ?? 0) + 1
    if (failures < LINK_MAX_FAILURES) {
      return {
        events: [{ type: "LinkFailed", msisdn: s.msisdn, target: c.target, failures }],
        error: err(
          "WRONG_CODE",
          `code: wrong link code (${failures} of ${LINK_MAX_FAILURES})`,
          `Неверный код. Осталось попыток: ${LINK_MAX_FAILURES - failures}`,
          "code",
        ),
      }
    }
    // The code is void; repeated voids refuse linking for a while.
    const recent = (s.linkGuard?.voids ?? []).filter((t) => t > ctx.now - LINK_VOID_WINDOW_HOURS * HOUR).length + 1
    const lock = recent >= LINK_MAX_VOIDS
    const e: Draft = lock
      ? {
          type: "LinkFailed",
          msisdn: s.msisdn,
          target: c.target,
          failures,
          voided: true,
          lockedUntil: ctx.now + LINK_LOCK_HOURS * HOUR,
        }
      : { type: "LinkFailed", msisdn: s.msisdn, target: c.target, failures, voided: true }
    return {
      events: [e],
      error: lock
        ? err(
            "LINK_LOCKED",
            `code: wrong link code (${failures} in a row, ${recent} voided codes ` +
              `within ${LINK_VOID_WINDOW_HOURS} h); linking is refused for ${LINK_LOCK_HOURS} h`,
            "Неверный код. Привязка номеров временно недоступна. Попробуйте через сутки",
            "code",
          )
        : err(
            "CODE_VOID",
            `code: wrong link code (${failures} in a row); the code is void, request a new one`,
            "Неверный код. Код аннулирован, запросите новый",
            "code",
          ),
    }
  }
  return ok([
    { type: "LinkConfirmed", msisdn: s.msisdn, target: c.target },
    smsTo(s.msisdn, SENDER.mts, texts.linked(c.target)),
    smsTo(c.target, SENDER.mts, texts.linkedTo(s.msisdn)),
  ])
}

/**
 * Remove a link: by the login that holds it (`msisdn` = owner), or by the linked number itself
 * (`by` = `target`), which may always take its number out of another's LK.
 */
export const unlink = (ctx: Ctx, c: CommandOf<"Unlink">): RuleResult => {
  const s = getSub(ctx, c.msisdn)
  if (isErr(s)) return s
  if (c.by !== c.target) {
    const denied = authorize(ctx, c.by, c.msisdn, "self")
    if (denied) return denied
  }
  if (!s.linked.includes(c.target))
    return err("NOT_LINKED", `target: ${c.target} is not linked to ${c.msisdn}`, "Номер не привязан", "target")
  return ok([{ type: "Unlinked", msisdn: s.msisdn, target: c.target }])
}

/** The logins that have `msisdn` linked (what the linked number sees as «Мой номер привязан к»). */
export const linkedBy = (state: State, msisdn: string): string[] => {
  const out: string[] = []
  for (const s of state.subscribers.values()) if (s.linked.includes(msisdn)) out.push(s.msisdn)
  return out.sort()
}
