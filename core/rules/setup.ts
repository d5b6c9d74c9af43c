// Setup is state, not traffic: what a scenario's `subscribers:` declares (one-off packages,
// linked numbers, «МЫ МТС» members) is put in place by the control API as it would stand after
// the fact, with no charge and no SMS. The same checks as the traffic commands apply (a package
// offer must exist, a member must be eligible and fit the owner's packages); only the money and
// the messages are left out. System-only: no channel can send these.
import type { CommandOf } from "../domain/commands.ts"
import { err } from "../domain/errors.ts"
import { getSub, isErr, ok, systemOnly, type Ctx, type RuleResult } from "./context.ts"
import { familyInvite, joined } from "./family.ts"
import { oneOffPackage } from "./packages.ts"

/** A one-off package held from now, as if bought, without the purchase (R4). */
export const setupPackage = (ctx: Ctx, c: CommandOf<"SetupPackage">): RuleResult => {
  const denied = systemOnly(c.by, "SetupPackage")
  if (denied) return denied
  const s = getSub(ctx, c.msisdn)
  if (isErr(s)) return s
  const o = ctx.cat.oneOff.get(c.offer)
  if (o === undefined)
    return err("UNKNOWN_OFFER", `offer: no one-off package "${c.offer}" in the catalog`, "Пакет не найден", "offer")
  return ok([
    {
      type: "PackageAdded",
      msisdn: s.msisdn,
      pkg: oneOffPackage(o, ctx.state.seq + 1, ctx.now),
    },
  ])
}

/** `msisdn` manages `target` (R20), as if the link code had been confirmed. */
export const setupLink = (ctx: Ctx, c: CommandOf<"SetupLink">): RuleResult => {
  const denied = systemOnly(c.by, "SetupLink")
  if (denied) return denied
  const s = getSub(ctx, c.msisdn)
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
  return ok([{ type: "LinkConfirmed", msisdn: s.msisdn, target: t.msisdn }])
}

/** `member` is an active member of `msisdn`'s «МЫ МТС» group (R2), as if invited and agreed, without SMS or the joining fee. */
export const setupFamily = (ctx: Ctx, c: CommandOf<"SetupFamily">): RuleResult => {
  const denied = systemOnly(c.by, "SetupFamily")
  if (denied) return denied
  const invite = familyInvite(ctx, {
    _tag: "FamilyInvite",
    msisdn: c.msisdn,
    member: c.member,
    minutes: c.minutes,
    sms: c.sms,
    dataMb: c.dataMb,
  })
  if (isErr(invite)) return invite
  const o = getSub(ctx, c.msisdn)
  const m = getSub(ctx, c.member, "member")
  if (isErr(o)) return o
  if (isErr(m)) return m
  // The invitation without its SMS: the lapsed invitations it closes first (R2) stay, or an owner
  // would go on listing a number that has since become an owner itself (I4).
  const kept = invite.events.filter((e) => e.type === "FamilyInvited" || e.type === "FamilyDeclined")
  return ok([...kept, joined(o, m, { minutes: c.minutes, sms: c.sms, dataMb: c.dataMb })])
}
