// `twin catalog`: the catalog facts a product person needs to write expectations — tariffs with
// prices and packages, services with prices, package and bonus offers, countries with their
// «Забугорище» fee, and every limit and period (family size, invitation lapse, lockout counts,
// idle timeouts, code validity). Money as written in scenario files (rubles), volumes with units.
import type { CatalogIndex } from "../core/catalog/load.ts"

/** Rubles as a scenario file writes them: 65000 → "650.00". */
const rubles = (k: number): string => `${Math.trunc(k / 100)}.${String(Math.abs(k) % 100).padStart(2, "0")}`
const volume = (mb: number): string => (mb % 1024 === 0 && mb > 0 ? `${mb / 1024}GB` : `${mb}MB`)

export interface CatalogFacts {
  readonly tariffs: readonly {
    readonly id: string
    readonly name: string
    readonly kind: string
    readonly monthlyFee: string
    readonly changeFee: string
    readonly packages: { readonly minutes: number; readonly sms: number; readonly data: string }
    readonly payg: { readonly callMinute: string; readonly sms: string; readonly dataMb: string }
    readonly selectable: boolean
    readonly popular: boolean
    readonly familyOwner: boolean
    readonly corporate: boolean
    readonly vip: boolean
    readonly defaultServices: readonly string[]
    readonly adjustable?: {
      readonly minutes: readonly { readonly amount: number; readonly fee: string }[]
      readonly data: readonly { readonly amount: string; readonly fee: string }[]
    }
  }[]
  readonly services: readonly {
    readonly id: string
    readonly name: string
    readonly connectFee: string
    readonly monthlyFee: string
    readonly dailyFee: string
    readonly removable: boolean
    readonly ussd: string | null
    readonly notOn: readonly string[]
  }[]
  readonly packages: readonly {
    readonly id: string
    readonly name: string
    readonly kind: string
    readonly amount: string
    readonly price: string
    readonly validDays: number
  }[]
  readonly bonusOffers: readonly {
    readonly id: string
    readonly name: string
    readonly kind: string
    readonly amount: string
    readonly points: number
    readonly validDays: number
  }[]
  readonly countries: readonly {
    readonly code: string
    readonly name: string
    readonly popular: boolean
    readonly zabugorishcheDailyFee: string
  }[]
  readonly roaming: Readonly<Record<string, string>>
  /** Every limit and period: name → value with its unit. */
  readonly limits: Readonly<Record<string, string>>
}

const amountOf = (kind: string, n: number): string => (kind === "data" ? volume(n) : String(n))

/** The facts, money in rubles ("650.00"), volumes with units, periods with units. */
export const catalogFacts = (cat: CatalogIndex): CatalogFacts => {
  const d = cat.data
  return {
    tariffs: d.tariffs.map((t) => ({
      id: t.id,
      name: t.name,
      kind: t.kind,
      monthlyFee: rubles(t.monthlyFee),
      changeFee: rubles(t.changeFee),
      packages: { minutes: t.packages.minutes, sms: t.packages.sms, data: volume(t.packages.dataMb) },
      payg: { callMinute: rubles(t.payg.callMinute), sms: rubles(t.payg.sms), dataMb: rubles(t.payg.dataMb) },
      selectable: t.selectable,
      popular: t.popular,
      familyOwner: t.familyOwner,
      corporate: t.corporate,
      vip: t.vip,
      defaultServices: [...t.defaultServices],
      ...(t.adjustable !== undefined
        ? {
            adjustable: {
              minutes: t.adjustable.minutes.map((o) => ({ amount: o.amount, fee: rubles(o.fee) })),
              data: t.adjustable.dataGb.map((o) => ({ amount: `${o.amount}GB`, fee: rubles(o.fee) })),
            },
          }
        : {}),
    })),
    services: d.services.map((s) => ({
      id: s.id,
      name: s.name,
      connectFee: rubles(s.connectFee),
      monthlyFee: rubles(s.monthlyFee),
      dailyFee: rubles(s.dailyFee),
      removable: s.removable,
      ussd: s.ussd ?? null,
      notOn: [...s.notOn],
    })),
    packages: d.oneOffPackages.map((p) => ({
      id: p.id,
      name: p.name,
      kind: p.kind,
      amount: amountOf(p.kind, p.amount),
      price: rubles(p.price),
      validDays: p.validDays,
    })),
    bonusOffers: d.bonusOffers.map((b) => ({
      id: b.id,
      name: b.name,
      kind: b.kind,
      amount: amountOf(b.kind, b.amount),
      points: b.points,
      validDays: b.validDays,
    })),
    countries: d.countries.map((c) => ({
      code: c.code,
      name: c.name,
      popular: c.popular,
      zabugorishcheDailyFee: rubles(c.popular ? d.roaming.zabugorishchePopular : d.roaming.zabugorishcheOther),
    })),
    roaming: {
      "zabugorishche daily fee, popular countries": rubles(d.roaming.zabugorishchePopular),
      "zabugorishche daily fee, other countries": rubles(d.roaming.zabugorishcheOther),
      "call minute without zabugorishche": rubles(d.roaming.callMinute),
      "incoming minute without zabugorishche": rubles(d.roaming.incomingMinute),
      "SMS without zabugorishche": rubles(d.roaming.sms),
      "1 MB without zabugorishche": rubles(d.roaming.dataMb),
    },
    limits: {
      "family: members at most (R2)": String(d.family.maxMembers),
      "family: fee per member, monthly (R2)": rubles(d.family.memberFee),
      "family: member tariff (R2)": d.family.memberTariff,
      "family: invitation lapses after (R2)": `${d.family.inviteTtlHours}h`,
      "promised payment: limit by average monthly spend (R10)": d.promisedPayment.tiers
        .map((t) => `from ${rubles(t.minAvgSpend)}: ${rubles(t.limit)}`)
        .join("; "),
      "promised payment: fee by amount (R10)": d.promisedPayment.fees
        .map((f) => `up to ${rubles(f.upTo)}: ${rubles(f.fee)}`)
        .join("; "),
      "promised payment: valid for (R10)": `${d.promisedPayment.validDays}d`,
      "promised payment: least amount (R10)": rubles(d.promisedPayment.minAmount),
      "top-up: least / most (R9)": `${rubles(d.topUp.min)} / ${rubles(d.topUp.max)}`,
      "top-up: LK default amount (R9)": rubles(d.topUp.lkDefault),
      "transfer: fee / least / most (R12)": `${rubles(d.transfer.fee)} / ${rubles(d.transfer.min)} / ${rubles(d.transfer.max)}`,
      "bonus: kopecks per point (R13)": String(d.bonus.kopecksPerPoint),
      "SMS password from 3339: valid for (R22)": `${d.auth.otpValidHours}h`,
      "SMS password: digits (R22)": String(d.auth.otpDigits),
      "SMS password: requests per hour at most (R22)": String(d.auth.codeRequestsPerHour),
      "LK login: wrong codes before lockout (R24)": String(d.auth.lkMaxFailures),
      "LK / app session: idle timeout (R25)": `${d.auth.sessionIdleMinutes}m`,
      "password: least length (R23)": String(d.auth.passwordMinLength),
      "kiosk code from 6262: digits (R27)": String(d.auth.kioskCodeDigits),
      "kiosk: wrong codes before lockout (R27)": String(d.auth.kioskMaxFailures),
      "kiosk: lockout lasts (R27)": `${d.auth.kioskLockHours}h`,
      "kiosk: session idle timeout (R27)": `${d.auth.kioskSessionIdleMinutes}m`,
      "USSD: session idle timeout (R28)": `${d.channels.ussdIdleSeconds}s`,
      "IVR 111: digit timeout (R28)": `${d.channels.ivrDigitTimeoutSeconds}s`,
      "IVR 111: timeouts or wrong keys before goodbye (R28)": String(d.channels.ivrMaxFailures),
      "hotline 0890: operators at once (R29)": String(d.channels.hotlineOperators),
    },
  }
}

const table = (head: readonly string[], rows: readonly (readonly string[])[]): string => {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)))
  const line = (r: readonly string[]): string =>
    r
      .map((c, i) => c.padEnd(w[i] ?? 0))
      .join("  ")
      .trimEnd()
  return [line(head), line(w.map((n) => "-".repeat(n))), ...rows.map(line)].join("\n")
}

/** The facts as text tables (ids as scenario files write them, names as the operator does). */
export const formatCatalogFacts = (f: CatalogFacts): string =>
  [
    "Тарифы (tariff: id; money in rubles as scenario files write it)",
    table(
      ["id", "name", "monthly", "change", "minutes", "sms", "data", "payg min/sms/MB", "notes"],
      f.tariffs.map((t) => [
        t.id,
        `«${t.name}»`,
        t.monthlyFee,
        t.changeFee,
        String(t.packages.minutes),
        String(t.packages.sms),
        t.packages.data,
        `${t.payg.callMinute}/${t.payg.sms}/${t.payg.dataMb}`,
        [
          t.popular ? "popular" : "",
          t.familyOwner ? "family owner" : "",
          t.selectable ? "" : "not selectable",
          t.corporate ? "corporate" : "",
          t.vip ? "vip" : "",
          t.adjustable !== undefined
            ? `constructor: minutes ${t.adjustable.minutes.map((o) => `${o.amount}=${o.fee}`).join(", ")}; ` +
              `data ${t.adjustable.data.map((o) => `${o.amount}=${o.fee}`).join(", ")}`
            : "",
        ]
          .filter((x) => x !== "")
          .join(", "),
      ]),
    ),
    "",
    "Услуги (services: id)",
    table(
      ["id", "name", "connect", "monthly", "daily", "USSD", "notes"],
      f.services.map((s) => [
        s.id,
        `«${s.name}»`,
        s.connectFee,
        s.monthlyFee,
        s.dailyFee,
        s.ussd ?? "",
        [s.removable ? "" : "not removable", s.notOn.length > 0 ? `not on ${s.notOn.join(", ")}` : ""]
          .filter((x) => x !== "")
          .join(", "),
      ]),
    ),
    "",
    "Пакеты (buy-package offer / packages: id)",
    table(
      ["id", "name", "kind", "amount", "price", "valid days"],
      f.packages.map((p) => [p.id, `«${p.name}»`, p.kind, p.amount, p.price, String(p.validDays)]),
    ),
    "",
    "Бонусные предложения (exchange-bonus offer: id)",
    table(
      ["id", "name", "kind", "amount", "points", "valid days"],
      f.bonusOffers.map((b) => [b.id, `«${b.name}»`, b.kind, b.amount, String(b.points), String(b.validDays)]),
    ),
    "",
    "Страны (travel to: code) и «Забугорище» в сутки",
    table(
      ["code", "name", "popular", "zabugorishche/day"],
      f.countries.map((c) => [c.code, c.name, c.popular ? "yes" : "", c.zabugorishcheDailyFee]),
    ),
    "",
    "Роуминг",
    table(["what", "rubles"], Object.entries(f.roaming)),
    "",
    "Лимиты и сроки (h hours, m minutes, s seconds, d days)",
    table(["what", "value"], Object.entries(f.limits)),
  ].join("\n")
