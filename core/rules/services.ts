// Tariff change (R6), constructor packages (R5), services (R17, R18), one-off packages (R4).
import type { Service, Tariff } from "../catalog/schema.ts"
import type { CommandOf } from "../domain/commands.ts"
import type { Draft } from "../domain/events.ts"
import { err } from "../domain/errors.ts"
import { formatRub } from "../domain/money.ts"
import { addMonths } from "../domain/time.ts"
import { hasService } from "../state/model.ts"
import { actingOn, isErr, ok, smsTo, tariffOf, type Ctx, type RuleResult } from "./context.ts"
import { refuseWhileBlocked, requireFunds } from "./funds.ts"
import { oneOffPackage, tariffPackages } from "./packages.ts"
import { SENDER, texts } from "./texts.ts"

export const serviceAvailable = (sv: Service, t: Tariff): boolean =>
  !sv.notOn.includes(t.id) && !(sv.notOnCorporate && t.corporate) && !(sv.notOnVip && t.vip)

/** Monthly fee of a tariff for a subscriber's constructor choice (R5). */
export const monthlyFeeOf = (t: Tariff, choice: { minutes: number; dataGb: number } | null): number => {
  if (t.kind !== "constructor" || t.adjustable === undefined || choice === null) return t.monthlyFee
  const m = t.adjustable.minutes.find((o) => o.amount === choice.minutes)?.fee ?? 0
  const d = t.adjustable.dataGb.find((o) => o.amount === choice.dataGb)?.fee ?? 0
  return t.monthlyFee + m + d
}

export interface TariffQuote {
  tariff: string
  name: string
  changeFee: number
  monthlyFee: number
  total: number
}

export const tariffQuote = (t: Tariff): TariffQuote => {
  const choice =
    t.kind === "constructor" ? { minutes: t.packages.minutes, dataGb: Math.floor(t.packages.dataMb / 1024) } : null
  const monthly = monthlyFeeOf(t, choice)
  return { tariff: t.id, name: t.name, changeFee: t.changeFee, monthlyFee: monthly, total: t.changeFee + monthly }
}

export const changeTariff = (ctx: Ctx, c: CommandOf<"ChangeTariff">): RuleResult<TariffQuote> => {
  const s = actingOn(ctx, c, "linked")
  if (isErr(s)) return s
  const t = ctx.cat.tariffs.get(c.tariff)
  if (t === undefined)
    return err("UNKNOWN_TARIFF", `tariff: no tariff "${c.tariff}" in the catalog`, "Тариф не найден", "tariff")
  if (t.id === s.tariff)
    return err("SAME_TARIFF", `tariff: ${c.msisdn} is already on ${t.id}`, "Этот тариф уже подключен", "tariff")
  const cur = tariffOf(ctx, s)
  if (!t.selectable || (t.corporate && !cur.corporate))
    return err(
      "TARIFF_NOT_AVAILABLE",
      `tariff: "${t.id}" cannot be chosen by the subscriber`,
      "Переход на этот тариф недоступен",
      "tariff",
    )
  if (s.family?.role === "member")
    return err(
      "FAMILY_MEMBER_INELIGIBLE",
      `msisdn: ${c.msisdn} is a «МЫ МТС» member; leave the group first`,
      "Вы участник «МЫ МТС». Чтобы сменить тариф, выйдите из группы",
      "msisdn",
    )
  if (s.family?.role === "owner" && !t.familyOwner)
    return err(
      "FAMILY_HAS_MEMBERS",
      `tariff: ${c.msisdn} shares packages with members; remove them first`,
      "Сначала исключите участников «МЫ МТС»",
      "tariff",
    )
  const blocked = refuseWhileBlocked(s, "a tariff change")
  if (blocked) return blocked
  const q = tariffQuote(t)
  // R6: the change asks for confirmation; the quote says what it costs.
  if (c.confirmed !== true) {
    return err(
      "CONFIRMATION_REQUIRED",
      `confirmed: switching to ${t.id} costs ${q.changeFee} kopecks now and ${q.monthlyFee} a month; send confirmed: true`,
      `Переход на тариф «${t.name}»: стоимость перехода ${formatRub(q.changeFee)}, абонентская ` +
        `плата ${formatRub(q.monthlyFee)} в месяц. Подтвердите переход.`,
      "confirmed",
    )
  }
  const lack = requireFunds(s, q.total, "tariff change")
  if (lack) return lack
  const services = new Set(
    s.services.filter((id) => {
      const sv = ctx.cat.services.get(id)
      return sv !== undefined && serviceAvailable(sv, t)
    }),
  )
  for (const id of t.defaultServices) services.add(id)
  const renewAt = addMonths(ctx.now, 1)
  const choice =
    t.kind === "constructor" ? { minutes: t.packages.minutes, dataGb: Math.floor(t.packages.dataMb / 1024) } : null
  const ev: Draft[] = []
  if (q.changeFee > 0)
    ev.push({ type: "Money", msisdn: s.msisdn, amount: -q.changeFee, reason: "fee-tariff-change", ref: t.id })
  ev.push({
    type: "TariffChanged",
    msisdn: s.msisdn,
    from: s.tariff,
    to: t.id,
    renewAt,
    packages: tariffPackages(t, renewAt, choice),
    services: [...services].sort(),
    constructorChoice: choice,
  })
  if (q.monthlyFee > 0)
    ev.push({ type: "Money", msisdn: s.msisdn, amount: -q.monthlyFee, reason: "fee-monthly", ref: t.id })
  ev.push(smsTo(s.msisdn, SENDER.mts, texts.tariffChanged(t.name)))
  return ok(ev, q)
}

export const configureConstructor = (
  ctx: Ctx,
  c: CommandOf<"ConfigureConstructor">,
): RuleResult<{ monthlyFee: number }> => {
  const s = actingOn(ctx, c, "linked")
  if (isErr(s)) return s
  const t = tariffOf(ctx, s)
  if (t.kind !== "constructor" || t.adjustable === undefined)
    return err(
      "NOT_CONSTRUCTOR",
      `msisdn: ${c.msisdn} is on ${t.id}, not a constructor tariff`,
      "Изменять пакеты можно только на тарифе-конструкторе",
      "msisdn",
    )
  // R5: packages on constructor tariffs change only with «Мобильный помощник» connected.
  if (!hasService(s, "mobile-assistant"))
    return err(
      "MOBILE_ASSISTANT_REQUIRED",
      `msisdn: ${c.msisdn} has no «Мобильный помощник»; constructor packages cannot change`,
      "Менять пакеты можно только при подключенном «Мобильном помощнике». Чтобы подключить его, наберите " +
        "*111*242# и выберите «1 Подключить».",
      "msisdn",
    )
  const blocked = refuseWhileBlocked(s, "a constructor package change")
  if (blocked) return blocked
  const opts = t.adjustable
  if (!opts.minutes.some((o) => o.amount === c.minutes))
    return err(
      "INVALID_FIELD",
      `minutes: must be one of ${opts.minutes.map((o) => o.amount).join(", ")}`,
      "Такого пакета минут нет",
      "minutes",
    )
  if (!opts.dataGb.some((o) => o.amount === c.dataGb))
    return err(
      "INVALID_FIELD",
      `dataGb: must be one of ${opts.dataGb.map((o) => o.amount).join(", ")}`,
      "Такого пакета интернета нет",
      "dataGb",
    )
  const fresh = tariffPackages(t, s.renewAt, { minutes: c.minutes, dataGb: c.dataGb })
  // Keep what was used this period: left = new total - used (never below zero, I5).
  const packages = fresh.map((p) => {
    const old = s.packages.find((o) => o.id === p.id)
    const used = old === undefined ? 0 : old.total - old.left
    return { ...p, left: Math.max(0, p.total - used) }
  })
  return ok(
    [
      { type: "ConstructorSet", msisdn: s.msisdn, minutes: c.minutes, dataGb: c.dataGb, packages },
      smsTo(s.msisdn, SENDER.assistant, texts.constructorSet(c.minutes, c.dataGb)),
    ],
    { monthlyFee: monthlyFeeOf(t, { minutes: c.minutes, dataGb: c.dataGb }) },
  )
}

export const connectService = (
  ctx: Ctx,
  c: CommandOf<"ConnectService">,
): RuleResult<{ connectFee: number; monthlyFee: number; dailyFee: number }> => {
  const s = actingOn(ctx, c, "linked")
  if (isErr(s)) return s
  const sv = ctx.cat.services.get(c.service)
  if (sv === undefined)
    return err("UNKNOWN_SERVICE", `service: no service "${c.service}" in the catalog`, "Услуга не найдена", "service")
  if (hasService(s, sv.id))
    return err(
      "SERVICE_ALREADY_CONNECTED",
      `service: ${sv.id} is already connected on ${c.msisdn}`,
      `Услуга «${sv.name}» уже подключена`,
      "service",
    )
  const t = tariffOf(ctx, s)
  if (!serviceAvailable(sv, t))
    return err(
      "SERVICE_NOT_AVAILABLE",
      `service: ${sv.id} is not available on tariff ${t.id}`,
      `Услуга «${sv.name}» недоступна на вашем тарифе`,
      "service",
    )
  // R15, R19: a paid service is refused while blocked; a free one too while voluntarily blocked.
  const paid = sv.connectFee > 0 || sv.monthlyFee > 0 || sv.dailyFee > 0
  const blocked = paid || s.voluntaryBlock ? refuseWhileBlocked(s, `connecting ${sv.id}`) : null
  if (blocked) return blocked
  const lack = requireFunds(s, sv.connectFee, `connecting ${sv.id}`)
  if (lack) return lack
  const ev: Draft[] = []
  if (sv.connectFee > 0)
    ev.push({ type: "Money", msisdn: s.msisdn, amount: -sv.connectFee, reason: "fee-service-connect", ref: sv.id })
  ev.push({ type: "ServiceConnected", msisdn: s.msisdn, service: sv.id })
  ev.push(smsTo(s.msisdn, SENDER.mts, sv.id === "e-assistant" ? texts.eAssistantOn() : texts.serviceOn(sv.name)))
  return ok(ev, { connectFee: sv.connectFee, monthlyFee: sv.monthlyFee, dailyFee: sv.dailyFee })
}

export const disconnectService = (ctx: Ctx, c: CommandOf<"DisconnectService">): RuleResult => {
  const s = actingOn(ctx, c, "linked")
  if (isErr(s)) return s
  const sv = ctx.cat.services.get(c.service)
  if (sv === undefined)
    return err("UNKNOWN_SERVICE", `service: no service "${c.service}" in the catalog`, "Услуга не найдена", "service")
  if (!hasService(s, sv.id))
    return err(
      "SERVICE_NOT_CONNECTED",
      `service: ${sv.id} is not connected on ${c.msisdn}`,
      `Услуга «${sv.name}» не подключена`,
      "service",
    )
  if (!sv.removable)
    return err(
      "SERVICE_NOT_REMOVABLE",
      `service: ${sv.id} cannot be disconnected`,
      `Услугу «${sv.name}» нельзя отключить`,
      "service",
    )
  return ok([
    { type: "ServiceDisconnected", msisdn: s.msisdn, service: sv.id },
    smsTo(s.msisdn, SENDER.mts, texts.serviceOff(sv.name)),
  ])
}

export const buyPackage = (ctx: Ctx, c: CommandOf<"BuyPackage">): RuleResult<{ price: number; expiresAt: number }> => {
  const s = actingOn(ctx, c, "linked")
  if (isErr(s)) return s
  const o = ctx.cat.oneOff.get(c.offer)
  if (o === undefined)
    return err("UNKNOWN_OFFER", `offer: no one-off package "${c.offer}" in the catalog`, "Пакет не найден", "offer")
  const blocked = refuseWhileBlocked(s, `buying ${o.id}`)
  if (blocked) return blocked
  const lack = requireFunds(s, o.price, `package ${o.id}`)
  if (lack) return lack
  // The Money event takes seq + 1, so the package is added at seq + 2; its id keeps seq + 1.
  const pkg = oneOffPackage(o, ctx.state.seq + 1, ctx.now)
  const until = pkg.expiresAt
  return ok(
    [
      { type: "Money", msisdn: s.msisdn, amount: -o.price, reason: "package-purchase", ref: o.id },
      {
        type: "PackageAdded",
        msisdn: s.msisdn,
        pkg,
      },
      smsTo(s.msisdn, SENDER.mts, texts.packageBought(o.name, until)),
    ],
    { price: o.price, expiresAt: until },
  )
}
