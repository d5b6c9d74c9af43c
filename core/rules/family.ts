// Family sharing on «МЫ МТС» (R2, I4): the owner invites up to 5 MTS numbers with chosen shares
// of minutes/SMS/GB; the member agrees by SMS «Да»; the member's tariff becomes the member
// tariff with no fee; each member costs the owner 50 ₽ a month; shares never exceed what the
// owner has.
import type { CommandOf } from "../domain/commands.ts"
import type { Draft } from "../domain/events.ts"
import { err } from "../domain/errors.ts"
import { addMonths, HOUR } from "../domain/time.ts"
import type { Pkg, Shares } from "../domain/account.ts"
import { isBlocked, type FamilyMemberEntry, type Subscriber } from "../state/model.ts"
import { phoneRu } from "../domain/phone.ts"
import { refuseWhileBlocked } from "./funds.ts"
import { actingOn, getSub, isErr, ok, smsTo, tariffOf, type Ctx, type RuleResult } from "./context.ts"
import { KB_PER_MB, sharePackages, tariffPackages } from "./packages.ts"
import { monthlyFeeOf } from "./services.ts"
import { SENDER, texts } from "./texts.ts"

const ownerTariffLeft = (o: Subscriber): Shares => {
  const get = (kind: Pkg["kind"]): number => o.packages.find((p) => p.source === "tariff" && p.kind === kind)?.left ?? 0
  return { minutes: get("minutes"), sms: get("sms"), dataMb: Math.floor(get("data") / KB_PER_MB) }
}

/** An invitation not answered in time: it frees its place at once (R2), before the nightly tidy-up. */
const lapsed = (m: FamilyMemberEntry, now: number): boolean => m.status === "invited" && m.expiresAt <= now

/** Shares already promised to invited (not yet active, not lapsed) members: reserved from what is left. */
const reserved = (o: Subscriber, now: number): Shares => {
  const r = { minutes: 0, sms: 0, dataMb: 0 }
  if (o.family?.role === "owner") {
    for (const m of o.family.members) {
      if (m.status !== "invited" || lapsed(m, now)) continue
      r.minutes += m.shares.minutes
      r.sms += m.shares.sms
      r.dataMb += m.shares.dataMb
    }
  }
  return r
}

const exceeds = (o: Subscriber, want: Shares, includeReserved: boolean, now: number): string | null => {
  const left = ownerTariffLeft(o)
  const res = includeReserved ? reserved(o, now) : { minutes: 0, sms: 0, dataMb: 0 }
  if (want.minutes > left.minutes - res.minutes)
    return `minutes: ${want.minutes} > ${left.minutes - res.minutes} the owner has`
  if (want.sms > left.sms - res.sms) return `sms: ${want.sms} > ${left.sms - res.sms} the owner has`
  if (want.dataMb > left.dataMb - res.dataMb)
    return `dataMb: ${want.dataMb} > ${left.dataMb - res.dataMb} the owner has`
  return null
}

export const familyInvite = (ctx: Ctx, c: CommandOf<"FamilyInvite">): RuleResult<{ expiresAt: number }> => {
  const o = actingOn(ctx, c, "self")
  if (isErr(o)) return o
  const t = tariffOf(ctx, o)
  // An invitation the owner himself let lapse does not stop him from sharing.
  const ownInviteLapsed = o.family?.role === "invited" && o.family.expiresAt <= ctx.now
  if (!t.familyOwner || o.family?.role === "member" || (o.family?.role === "invited" && !ownInviteLapsed)) {
    return err(
      "FAMILY_NOT_OWNER",
      `msisdn: ${c.msisdn} on ${t.id} cannot share packages (needs «МЫ МТС» and not be a member)`,
      "Делиться пакетами можно только на тарифе «МЫ МТС»",
      "msisdn",
    )
  }
  // R2, R19, R15: each member costs the owner a monthly fee, a paid change refused while blocked.
  const blocked = refuseWhileBlocked(o, "inviting a «МЫ МТС» member")
  if (blocked) return blocked
  const m = getSub(ctx, c.member, "member")
  if (isErr(m)) return m
  if (m.msisdn === o.msisdn)
    return err(
      "FAMILY_MEMBER_INELIGIBLE",
      "member: the owner cannot invite himself",
      "Нельзя пригласить свой номер",
      "member",
    )
  const mt = tariffOf(ctx, m)
  const memberInviteLapsed = m.family?.role === "invited" && m.family.expiresAt <= ctx.now
  if ((m.family !== null && !memberInviteLapsed) || mt.corporate) {
    return err(
      "FAMILY_MEMBER_INELIGIBLE",
      `member: ${c.member} is already in a group, invited, or on a corporate tariff`,
      "Этот номер нельзя пригласить в «МЫ МТС»",
      "member",
    )
  }
  // R2: lapsed invitations free their places at once: closed here, before the new one.
  const tidy: Draft[] = []
  const all = o.family?.role === "owner" ? o.family.members : []
  for (const x of all)
    if (lapsed(x, ctx.now)) tidy.push({ type: "FamilyDeclined", owner: o.msisdn, member: x.msisdn, reason: "expired" })
  if (o.family?.role === "invited" && ownInviteLapsed)
    tidy.push({ type: "FamilyDeclined", owner: o.family.owner, member: o.msisdn, reason: "expired" })
  if (
    m.family?.role === "invited" &&
    memberInviteLapsed &&
    !(m.family.owner === o.msisdn && all.some((x) => x.msisdn === m.msisdn && lapsed(x, ctx.now)))
  ) {
    tidy.push({ type: "FamilyDeclined", owner: m.family.owner, member: m.msisdn, reason: "expired" })
  }
  const members = all.filter((x) => !lapsed(x, ctx.now))
  const max = ctx.cat.data.family.maxMembers
  if (members.length >= max)
    return err(
      "FAMILY_FULL",
      `member: ${c.msisdn} already has ${members.length} members (at most ${max})`,
      `В «МЫ МТС» может быть не больше ${max} участников`,
      "member",
    )
  for (const [f, v] of [
    ["minutes", c.minutes],
    ["sms", c.sms],
    ["dataMb", c.dataMb],
  ] as const) {
    if (!Number.isSafeInteger(v) || v < 0)
      return err("INVALID_FIELD", `${f}: must be a non-negative integer, got ${v}`, "Неверный объем пакета", f)
  }
  if (c.minutes + c.sms + c.dataMb === 0)
    return err(
      "INVALID_FIELD",
      "minutes: share at least some minutes, SMS or data",
      "Выберите, чем поделиться",
      "minutes",
    )
  const shares = { minutes: c.minutes, sms: c.sms, dataMb: c.dataMb }
  const over = exceeds(o, shares, true, ctx.now)
  if (over !== null)
    return err("FAMILY_SHARE_EXCEEDS", over, "Нельзя поделиться больше, чем есть в вашем пакете", over.split(":")[0])
  const expiresAt = ctx.now + ctx.cat.data.family.inviteTtlHours * HOUR
  // R2: the invitation comes from a number the member can answer, names the inviting number and
  // what is shared («На добавленный номер мы пришлём SMS, на которое нужно ответить словом «Да»»).
  return ok(
    [
      ...tidy,
      { type: "FamilyInvited", owner: o.msisdn, member: m.msisdn, shares, expiresAt },
      smsTo(
        m.msisdn,
        ctx.cat.data.family.replyNumber,
        texts.familyInvite(o.msisdn, shares.minutes, shares.dataMb, shares.sms),
      ),
    ],
    { expiresAt },
  )
}

/** The member joins: the owner's tariff packages give up the shares, the member gets them. */
export const joined = (o: Subscriber, m: Subscriber, shares: Shares): Draft => {
  const ownerPackages = o.packages
    .filter((p) => p.source === "tariff")
    .map((p) => {
      const cut = p.kind === "minutes" ? shares.minutes : p.kind === "sms" ? shares.sms : shares.dataMb * KB_PER_MB
      return { ...p, total: p.total - cut, left: p.left - cut }
    })
  return {
    type: "FamilyJoined",
    owner: o.msisdn,
    member: m.msisdn,
    prevTariff: m.tariff,
    ownerPackages,
    memberPackages: sharePackages(o.msisdn, shares, o.renewAt),
  }
}

export const familyReply = (ctx: Ctx, c: CommandOf<"FamilyReply">): RuleResult<{ joined: boolean }> => {
  const m = actingOn(ctx, c, "self")
  if (isErr(m)) return m
  // R2: only an answer to the number the invitation came from counts.
  const replyNumber = ctx.cat.data.family.replyNumber
  if (c.to !== undefined && c.to !== replyNumber) {
    return err(
      "FAMILY_NO_INVITE",
      `to: a «МЫ МТС» answer goes to ${replyNumber}, not ${c.to}`,
      `Чтобы ответить на приглашение в «МЫ МТС», отправьте «Да» или «Нет» на номер ${replyNumber}`,
      "to",
    )
  }
  if (m.family?.role !== "invited")
    return err(
      "FAMILY_NO_INVITE",
      `msisdn: ${c.msisdn} has no pending «МЫ МТС» invitation`,
      "У вас нет приглашений в «МЫ МТС»",
      "msisdn",
    )
  const o = ctx.state.subscribers.get(m.family.owner)
  const entry = o?.family?.role === "owner" ? o.family.members.find((x) => x.msisdn === m.msisdn) : undefined
  if (o === undefined || entry === undefined || entry.expiresAt <= ctx.now) {
    const ev: Draft[] =
      o === undefined ? [] : [{ type: "FamilyDeclined", owner: o.msisdn, member: m.msisdn, reason: "expired" }]
    return {
      events: ev,
      error: err(
        "FAMILY_NO_INVITE",
        `msisdn: the invitation to ${c.msisdn} has lapsed`,
        "Срок приглашения истек",
        "msisdn",
      ),
    }
  }
  if (!c.accept) {
    return ok(
      [
        { type: "FamilyDeclined", owner: o.msisdn, member: m.msisdn, reason: "declined" },
        smsTo(o.msisdn, SENDER.mts, texts.familyDeclinedOwner(m.msisdn)),
      ],
      { joined: false },
    )
  }
  if (isBlocked(o)) {
    return err(
      "BLOCKED",
      `msisdn: the owner ${o.msisdn} is blocked; sharing cannot start while the owner's number is blocked`,
      `Номер владельца группы ${phoneRu(o.msisdn)} заблокирован. Ответьте «Да» после снятия блокировки, пока приглашение действует.`,
      "msisdn",
    )
  }
  const over = exceeds(o, entry.shares, false, ctx.now)
  if (over !== null) {
    return {
      events: [
        { type: "FamilyDeclined", owner: o.msisdn, member: m.msisdn, reason: "declined" },
        smsTo(o.msisdn, SENDER.mts, texts.familyDeclinedOwner(m.msisdn)),
      ],
      error: err(
        "FAMILY_SHARE_EXCEEDS",
        `${over} (the owner used his packages since the invitation)`,
        "У владельца группы недостаточно пакетов",
        "msisdn",
      ),
    }
  }
  const fee = ctx.cat.data.family.memberFee
  const ev: Draft[] = [joined(o, m, entry.shares)]
  if (fee > 0) ev.push({ type: "Money", msisdn: o.msisdn, amount: -fee, reason: "fee-family-member", ref: m.msisdn })
  ev.push(smsTo(o.msisdn, SENDER.mts, texts.familyJoinedOwner(m.msisdn, fee)))
  ev.push(smsTo(m.msisdn, SENDER.mts, texts.familyJoinedMember(o.msisdn)))
  return ok(ev, { joined: true })
}

export const familyRemove = (ctx: Ctx, c: CommandOf<"FamilyRemove">): RuleResult<{ removed: boolean }> => {
  const actor = actingOn(ctx, c, "self")
  if (isErr(actor)) return actor
  const m = getSub(ctx, c.member, "member")
  if (isErr(m)) return m
  // The owner removes a member, or a member leaves (msisdn === member).
  const ownerMsisdn =
    c.msisdn === c.member
      ? m.family?.role === "member" || m.family?.role === "invited"
        ? m.family.owner
        : ""
      : c.msisdn
  const o = ctx.state.subscribers.get(ownerMsisdn)
  const entry = o?.family?.role === "owner" ? o.family.members.find((x) => x.msisdn === m.msisdn) : undefined
  if (o === undefined || entry === undefined)
    return err(
      "FAMILY_NOT_MEMBER",
      `member: ${c.member} is not in the group of ${c.msisdn}`,
      "Номер не состоит в вашей группе «МЫ МТС»",
      "member",
    )
  if (entry.status === "invited") {
    return ok([{ type: "FamilyDeclined", owner: o.msisdn, member: m.msisdn, reason: "declined" }], { removed: true })
  }
  const prev = m.family?.role === "member" ? m.family.prevTariff : "smart"
  const back = ctx.cat.tariffs.get(prev) ?? tariffOf(ctx, o)
  const shareLeft = (kind: Pkg["kind"]): number =>
    m.packages.find((p) => p.source === "share" && p.kind === kind)?.left ?? 0
  const ownerPackages = o.packages
    .filter((p) => p.source === "tariff")
    .map((p) => {
      const add =
        p.kind === "minutes"
          ? entry.shares.minutes
          : p.kind === "sms"
            ? entry.shares.sms
            : entry.shares.dataMb * KB_PER_MB
      return { ...p, total: p.total + add, left: p.left + Math.min(add, shareLeft(p.kind)) }
    })
  // The member returns to his previous tariff with a fresh period.
  const renewAt = addMonths(ctx.now, 1)
  const choice =
    back.kind === "constructor"
      ? { minutes: back.packages.minutes, dataGb: Math.floor(back.packages.dataMb / 1024) }
      : null
  const ev: Draft[] = [
    {
      type: "FamilyRemoved",
      owner: o.msisdn,
      member: m.msisdn,
      restoredTariff: back.id,
      ownerPackages,
      memberPackages: tariffPackages(back, renewAt, null),
    },
    {
      type: "TariffChanged",
      msisdn: m.msisdn,
      from: ctx.cat.data.family.memberTariff,
      to: back.id,
      renewAt,
      packages: tariffPackages(back, renewAt, null),
      services: m.services,
      constructorChoice: choice,
    },
  ]
  // R19: no monthly fee while voluntarily blocked; the period is marked skipped and unblocking renews it.
  // The fee is the restored tariff's with its packages (a constructor's default options), as a renewal charges it.
  const fee = monthlyFeeOf(back, choice)
  if (m.voluntaryBlock) ev.push({ type: "PeriodRenewed", msisdn: m.msisdn, renewAt, packages: [], charged: false })
  else if (fee > 0) ev.push({ type: "Money", msisdn: m.msisdn, amount: -fee, reason: "fee-monthly", ref: back.id })
  ev.push(smsTo(m.msisdn, SENDER.mts, texts.familyRemovedMember(o.msisdn, back.name)))
  ev.push(smsTo(o.msisdn, SENDER.mts, texts.familyRemovedOwner(m.msisdn)))
  return ok(ev, { removed: true })
}
