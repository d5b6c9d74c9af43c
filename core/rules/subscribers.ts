// Creating subscribers and the network side: travel (location) and mobile-data attachment.
import type { CommandOf } from "../domain/commands.ts"
import { err, invalid } from "../domain/errors.ts"
import { addMonths } from "../domain/time.ts"
import { getSub, isErr, ok, systemOnly, type Ctx, type RuleResult } from "./context.ts"
import { tariffPackages } from "./packages.ts"
import { serviceAvailable } from "./services.ts"

const DEFAULT_CREDIT_LIMIT = 100_000

export const createSubscriber = (ctx: Ctx, c: CommandOf<"CreateSubscriber">): RuleResult => {
  const denied = systemOnly(c.by, "CreateSubscriber")
  if (denied) return denied
  if (ctx.state.subscribers.has(c.msisdn))
    return err(
      "SUBSCRIBER_EXISTS",
      `msisdn: ${c.msisdn} already exists in this twin`,
      "Номер уже обслуживается",
      "msisdn",
    )
  const name = c.name.trim()
  if (name.length === 0 || name.length > 200) return invalid("name", "must be 1..200 characters")
  const t = ctx.cat.tariffs.get(c.tariff)
  if (t === undefined)
    return err("UNKNOWN_TARIFF", `tariff: no tariff "${c.tariff}" in the catalog`, "Тариф не найден", "tariff")
  if (t.kind === "member")
    return err(
      "TARIFF_NOT_AVAILABLE",
      `tariff: "${c.tariff}" is only given by joining a family group`,
      "Тариф недоступен",
      "tariff",
    )
  const balance = c.balance ?? 0
  if (!Number.isSafeInteger(balance) || Math.abs(balance) > 1_000_000_000)
    return invalid("balance", "must be an integer number of kopecks within ±10 000 000 ₽")
  const payment = c.payment ?? "prepaid"
  const creditLimit = payment === "credit" ? (c.creditLimit ?? DEFAULT_CREDIT_LIMIT) : 0
  if (!Number.isSafeInteger(creditLimit) || creditLimit < 0)
    return invalid("creditLimit", "must be a non-negative integer (kopecks)")
  const bonus = c.bonus ?? 0
  if (!Number.isSafeInteger(bonus) || bonus < 0) return invalid("bonus", "must be a non-negative integer")
  const avg = c.avgMonthlySpend ?? t.monthlyFee
  if (!Number.isSafeInteger(avg) || avg < 0)
    return invalid("avgMonthlySpend", "must be a non-negative integer (kopecks)")
  const services = new Set(t.defaultServices)
  for (const id of c.services ?? []) {
    const sv = ctx.cat.services.get(id)
    if (sv === undefined)
      return err("UNKNOWN_SERVICE", `services: no service "${id}" in the catalog`, "Услуга не найдена", "services")
    if (!serviceAvailable(sv, t))
      return err(
        "SERVICE_NOT_AVAILABLE",
        `services: "${id}" is not available on tariff ${t.id}`,
        `Услуга «${sv.name}» недоступна на вашем тарифе`,
        "services",
      )
    services.add(id)
  }
  const renewAt = addMonths(ctx.now, 1)
  const m = c.msisdn
  // Without a given passport, a random one from the twin's keyed generator (issue 14): one derived
  // from the number would let any caller pass the hotline's identification (R29).
  const drawn = c.passport === undefined ? ctx.rng.digits(8) : null
  return ok([
    {
      type: "SubscriberCreated",
      msisdn: m,
      name,
      passport: drawn === null ? (c.passport as string) : `45${drawn.slice(0, 2)} ${drawn.slice(2)}`,
      ...(drawn === null ? {} : { rng: ctx.rng.counter }),
      birthDate: c.birthDate ?? "1985-01-01",
      region: c.region ?? "Москва",
      tariff: t.id,
      payment,
      creditLimit,
      balance,
      bonus,
      services: [...services].sort(),
      packages: tariffPackages(t, renewAt, null),
      renewAt,
      avgMonthlySpend: avg,
      constructorChoice:
        t.kind === "constructor" ? { minutes: t.packages.minutes, dataGb: Math.floor(t.packages.dataMb / 1024) } : null,
    },
  ])
}

export const travel = (ctx: Ctx, c: CommandOf<"Travel">): RuleResult => {
  const denied = systemOnly(c.by, "Travel")
  if (denied) return denied
  const s = getSub(ctx, c.msisdn)
  if (isErr(s)) return s
  const raw = c.to.trim()
  const to =
    raw.toLowerCase() === "home"
      ? "home"
      : raw.toLowerCase() === "russia" || raw.toUpperCase() === "RU"
        ? "russia"
        : raw.toUpperCase()
  if (to !== "home" && to !== "russia" && !ctx.cat.countries.has(to)) {
    return err(
      "UNKNOWN_COUNTRY",
      `to: "${raw.slice(0, 20)}" is not home, russia or a country code in the catalog`,
      "Страна не найдена",
      "to",
    )
  }
  if (to === s.location) return ok([])
  return ok([{ type: "Travelled", msisdn: s.msisdn, to }])
}

export const setNetwork = (ctx: Ctx, c: CommandOf<"SetNetwork">): RuleResult => {
  const denied = systemOnly(c.by, "SetNetwork")
  if (denied) return denied
  const s = getSub(ctx, c.msisdn)
  if (isErr(s)) return s
  if (s.mobileData === c.mobileData) return ok([])
  return ok([{ type: "NetworkSet", msisdn: s.msisdn, mobileData: c.mobileData }])
}
