// fast-check arbitraries for QA: catalogs (variations of the default one that still validate),
// subscribers, start dates and journeys of steps across the channels' operations, the network
// (usage, travel, mobile data) and the clock. Steps target the journey's own subscribers; a
// controlled share (UNKNOWN_SHARE) targets a number that was never created, for the refusal
// paths. Bursts (short fixed runs of steps) reach the rare states: a kiosk or LK lock, a family
// at its member limit and its renewal, a second promised payment, a transfer at the fee's edge.
import fc from "fast-check"
import { defaultCatalog } from "../core/catalog/default.ts"
import { indexCatalog, type CatalogIndex } from "../core/catalog/load.ts"
import type { Catalog } from "../core/catalog/schema.ts"
import type { Command } from "../core/domain/commands.ts"
import { DAY, HOUR, MINUTE, parseInstant } from "../core/domain/time.ts"
import type { Step } from "./steps.ts"

/** The subscriber numbers journeys use; the last one is never created (an unknown number). */
export const POOL = [
  "79990000001",
  "79990000002",
  "79990000003",
  "79990000004",
  "79990000005",
  "79990000006",
  "79990000007",
  "79990000099",
] as const
export const KNOWN = POOL.slice(0, 7)
/** The number no journey creates: steps aimed at it check the refusal paths. */
export const UNKNOWN = "79990000099"
/** Share of number-targeting picks that aim at UNKNOWN (1 in 20). */
export const UNKNOWN_SHARE = 0.05
/** Peers outside the twin: a Russian mobile, a foreign number, a short number. */
export const PEERS = ["79031112233", "441632960001", "0890"] as const

const scale = (v: number, f: number): number => Math.max(0, Math.round((v * f) / 100))

/**
 * Variations of the default catalog that still validate: prices, fees, limits and counts are
 * perturbed; ids, kinds and structure stay. Cheap scrypt so auth-heavy journeys stay fast.
 */
export const catalogArb = (): fc.Arbitrary<CatalogIndex> =>
  fc
    .record({
      price: fc.integer({ min: 0, max: 300 }),
      fee: fc.integer({ min: 0, max: 300 }),
      zabPopular: fc.integer({ min: 0, max: 100_000 }),
      zabOther: fc.integer({ min: 0, max: 100_000 }),
      maxMembers: fc.integer({ min: 1, max: 6 }),
      memberFee: fc.integer({ min: 0, max: 20_000 }),
      lkMax: fc.integer({ min: 1, max: 5 }),
      kioskMax: fc.integer({ min: 1, max: 5 }),
      kioskLockHours: fc.integer({ min: 1, max: 48 }),
      kpp: fc.integer({ min: 0, max: 5_000 }),
      pkg: fc.integer({ min: 1, max: 200 }),
      flip: fc.subarray(
        defaultCatalog.countries.map((c) => c.code),
        { maxLength: 4 },
      ),
    })
    .map((v) => {
      const c: Catalog = {
        ...defaultCatalog,
        tariffs: defaultCatalog.tariffs.map((t) => ({
          ...t,
          monthlyFee: scale(t.monthlyFee, v.fee),
          packages: {
            minutes: scale(t.packages.minutes, v.pkg),
            sms: scale(t.packages.sms, v.pkg),
            dataMb: scale(t.packages.dataMb, v.pkg),
          },
          payg: {
            callMinute: scale(t.payg.callMinute, v.price),
            intlCallMinute: scale(t.payg.intlCallMinute, v.price),
            sms: scale(t.payg.sms, v.price),
            intlSms: scale(t.payg.intlSms, v.price),
            dataMb: scale(t.payg.dataMb, v.price),
          },
        })),
        services: defaultCatalog.services.map((s) => ({
          ...s,
          dailyFee: scale(s.dailyFee, v.fee),
          monthlyFee: scale(s.monthlyFee, v.fee),
        })),
        countries: defaultCatalog.countries.map((c) => (v.flip.includes(c.code) ? { ...c, popular: !c.popular } : c)),
        roaming: { ...defaultCatalog.roaming, zabugorishchePopular: v.zabPopular, zabugorishcheOther: v.zabOther },
        family: { ...defaultCatalog.family, maxMembers: v.maxMembers, memberFee: v.memberFee },
        bonus: { kopecksPerPoint: v.kpp },
        auth: {
          ...defaultCatalog.auth,
          lkMaxFailures: v.lkMax,
          kioskMaxFailures: v.kioskMax,
          kioskLockHours: v.kioskLockHours,
          scryptN: 16,
        },
      }
      return named(indexCatalog(c), `catalog variation ${JSON.stringify(v)}`)
    })

/** Print a catalog in counterexamples by what was varied, not by its whole content. */
const named = (idx: CatalogIndex, text: string): CatalogIndex =>
  Object.assign(Object.create(null) as object, idx, { [fc.toStringMethod]: () => text }) as CatalogIndex

/** The default catalog with a cheap scrypt (what CI journeys use unless a property varies it). */
export const defaultQaCatalog = (): CatalogIndex =>
  named(
    indexCatalog({ ...defaultCatalog, auth: { ...defaultCatalog.auth, scryptN: 16 } }),
    "default catalog (scryptN 16)",
  )

const TARIFFS = ["my-mts", "my-mts", "my-mts", "smart", "super", "constructor", "corporate", "vip"] as const

/** One subscriber as a CreateSubscriber command. */
export const subscriberArb = (msisdn: string): fc.Arbitrary<Extract<Command, { _tag: "CreateSubscriber" }>> =>
  fc
    .record({
      tariff: fc.constantFrom(...TARIFFS),
      balance: fc.oneof(
        { weight: 4, arbitrary: fc.integer({ min: 0, max: 500_000 }) },
        { weight: 1, arbitrary: fc.integer({ min: -50_000, max: 500 }) },
      ),
      payment: fc.constantFrom("prepaid", "prepaid", "prepaid", "credit") as fc.Arbitrary<"prepaid" | "credit">,
      creditLimit: fc.integer({ min: 0, max: 200_000 }),
      kiosk: fc.boolean(),
    })
    .map((v) => ({
      _tag: "CreateSubscriber" as const,
      msisdn,
      name: `Абонент ${msisdn.slice(-4)}`,
      tariff: v.tariff,
      balance: v.balance,
      payment: v.payment,
      ...(v.payment === "credit" ? { creditLimit: v.creditLimit } : {}),
      services: v.kiosk && v.tariff !== "corporate" && v.tariff !== "vip" ? ["e-assistant"] : [],
    }))

type Create = Extract<Command, { _tag: "CreateSubscriber" }>

/** A population: the first `min`..7 pool numbers, each a generated subscriber. */
export const populationArb = (min = 3): fc.Arbitrary<Create[]> =>
  fc.integer({ min, max: KNOWN.length }).chain((n) => fc.tuple(...KNOWN.slice(0, n).map((m) => subscriberArb(m))))

/**
 * Start days that stress the calendar: month ends (31st, 30th, 28 February), the year end, the
 * leap day, and an ordinary first of the month. Renewals and daily jobs cross them.
 */
export const START_DAYS = [
  "2026-06-01",
  "2026-01-31",
  "2026-04-30",
  "2026-02-28",
  "2026-12-31",
  "2028-02-29",
  "2027-03-31",
] as const

/** A start instant: one of START_DAYS at a minute of the day, often the last hour (midnight edges, R3). */
export const startArb = (days: readonly string[] = START_DAYS): fc.Arbitrary<number> =>
  fc
    .record({
      day: fc.constantFrom(...days),
      minute: fc.oneof(
        { weight: 3, arbitrary: fc.integer({ min: 0, max: 24 * 60 - 1 }) },
        { weight: 1, arbitrary: fc.integer({ min: 23 * 60, max: 24 * 60 - 1 }) },
      ),
    })
    .map((v) => (parseInstant(`${v.day}T00:00:00+03:00`) as number) + v.minute * MINUTE)

/** A family: an owner on «МЫ МТС» and up to 6 candidate members (one more than the default limit). */
export const familyArb = (): fc.Arbitrary<{
  owner: Extract<Command, { _tag: "CreateSubscriber" }>
  members: Array<Extract<Command, { _tag: "CreateSubscriber" }>>
}> =>
  fc
    .tuple(subscriberArb(KNOWN[0] as string), fc.tuple(...KNOWN.slice(1).map((m) => subscriberArb(m))))
    .map(([o, ms]) => ({
      owner: { ...o, tariff: "my-mts", balance: Math.max(o.balance ?? 0, 100_000), payment: "prepaid" },
      members: ms.map((m) => ({ ...m, tariff: m.tariff === "corporate" ? "smart" : m.tariff })),
    }))

/** The numbers a journey's steps aim at: its own subscribers, and UNKNOWN for a small share. */
export interface Numbers {
  readonly known: readonly string[]
}

const cmd = (c: Command): Step => ({ t: "command", command: c })

/** Arbitraries of one journey's steps over its numbers. */
export const stepArbs = (n: Numbers) => {
  const known = fc.constantFrom(...(n.known.length > 0 ? n.known : KNOWN))
  const any = fc.oneof(
    { weight: Math.round((1 - UNKNOWN_SHARE) * 100), arbitrary: known },
    { weight: Math.round(UNKNOWN_SHARE * 100), arbitrary: fc.constant(UNKNOWN) },
  )
  /** Who acts: mostly the number itself, sometimes the operator (no `by`), sometimes another number (I9). */
  const actor = (msisdn: string): fc.Arbitrary<{ by?: string }> =>
    fc.oneof(
      { weight: 6, arbitrary: fc.constant({ by: msisdn }) },
      { weight: 2, arbitrary: fc.constant({}) },
      { weight: 2, arbitrary: known.map((b) => ({ by: b })) },
    )
  const withActor = <C extends Command & { msisdn: string }>(a: fc.Arbitrary<C>): fc.Arbitrary<Step> =>
    a.chain((c) => actor(c.msisdn).map((by) => cmd({ ...c, ...by })))
  const peer = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...PEERS) }, { weight: 2, arbitrary: known })
  const countries = fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom("home", "russia", "TR", "AE", "BR", "US", "TH") },
    { weight: 1, arbitrary: fc.constant("XX") },
  )
  const wrongCode = fc.constantFrom("12345", "wrong", "0000000")

  const usage: fc.Arbitrary<Step> = fc.oneof(
    fc
      .record({
        m: any,
        to: peer,
        dir: fc.constantFrom("out", "out", "in") as fc.Arbitrary<"out" | "in">,
        // Whole minutes are frequent: a call of exactly N minutes is billed N minutes (R4).
        seconds: fc.oneof(
          fc.integer({ min: 1, max: 600 }),
          fc.integer({ min: 1, max: 200 }).map((x) => x * 60),
          fc.integer({ min: 1, max: 10 }).map((x) => x * 60 + 1),
        ),
      })
      .map((v) =>
        cmd({ _tag: "Usage", msisdn: v.m, usage: { _tag: "call", to: v.to, seconds: v.seconds, direction: v.dir } }),
      ),
    fc
      .record({
        m: any,
        to: peer,
        count: fc.integer({ min: 1, max: 20 }),
        dir: fc.constantFrom("out", "out", "in") as fc.Arbitrary<"out" | "in">,
      })
      .map((v) =>
        cmd({ _tag: "Usage", msisdn: v.m, usage: { _tag: "sms", to: v.to, count: v.count, direction: v.dir } }),
      ),
    fc
      .record({
        m: any,
        kb: fc.oneof(
          fc.integer({ min: 1, max: 5000 }),
          fc.integer({ min: 1, max: 3000 }).map((x) => x * 1024),
          fc.integer({ min: 1, max: 3000 }).map((x) => x * 1024 + 1),
        ),
      })
      .map((v) => cmd({ _tag: "Usage", msisdn: v.m, usage: { _tag: "data", kb: v.kb } })),
  )
  const travel: fc.Arbitrary<Step> = fc
    .record({ m: any, to: countries })
    .map((v) => cmd({ _tag: "Travel", msisdn: v.m, to: v.to }))
  const network: fc.Arbitrary<Step> = fc
    .record({ m: known, on: fc.boolean() })
    .map((v) => cmd({ _tag: "SetNetwork", msisdn: v.m, mobileData: v.on }))
  const advance: fc.Arbitrary<Step> = fc.oneof(
    fc.integer({ min: 1, max: 12 * 60 }).map((m) => ({ t: "advance" as const, ms: m * MINUTE })),
    fc.integer({ min: 1, max: 48 }).map((h) => ({ t: "advance" as const, ms: h * HOUR })),
    fc.integer({ min: 1, max: 35 }).map((d) => ({ t: "advance" as const, ms: d * DAY })),
  )
  const money: fc.Arbitrary<Step> = fc.oneof(
    withActor(
      fc
        .record({
          msisdn: any,
          amount: fc.oneof(fc.integer({ min: 100, max: 300_000 }), fc.integer({ min: -100, max: 2_000_000 })),
          method: fc.constantFrom("card", "cash", "bank", "apple-pay") as fc.Arbitrary<
            "card" | "cash" | "bank" | "apple-pay"
          >,
        })
        .map((v) => ({ _tag: "TopUp" as const, ...v })),
    ),
    withActor(
      fc
        .record({ msisdn: known, amount: fc.option(fc.integer({ min: 100, max: 100_000 }), { nil: undefined }) })
        .map((v) => ({
          _tag: "PromisedPayment" as const,
          msisdn: v.msisdn,
          ...(v.amount !== undefined ? { amount: v.amount } : {}),
        })),
    ),
    withActor(
      fc
        .record({ msisdn: known, to: any, amount: fc.integer({ min: 1, max: 100_000 }) })
        .map((v) => ({ _tag: "Transfer" as const, ...v })),
    ),
    fc
      .record({ m: known, to: known, delta: fc.constantFrom(-1, 0, 1, -500, 500) })
      .map((v): Step => ({ t: "transfer-edge", msisdn: v.m, to: v.to, delta: v.delta })),
    withActor(
      fc
        .record({
          msisdn: known,
          offer: fc.constantFrom("internet-vip", "internet-mini", "minutes-100", "sms-50", "nope"),
        })
        .map((v) => ({ _tag: "BuyPackage" as const, ...v })),
    ),
    withActor(
      fc
        .record({ msisdn: known, offer: fc.constantFrom("bonus-1gb", "bonus-100min", "bonus-50sms") })
        .map((v) => ({ _tag: "ExchangeBonus" as const, ...v })),
    ),
    withActor(
      fc
        .record({
          msisdn: known,
          amount: fc.integer({ min: 100, max: 100_000 }),
          threshold: fc.integer({ min: 0, max: 50_000 }),
          day: fc.integer({ min: 1, max: 28 }),
          mode: fc.constantFrom("date", "threshold") as fc.Arbitrary<"date" | "threshold">,
        })
        .map((v) => ({
          _tag: "SetAutopay" as const,
          msisdn: v.msisdn,
          mode: v.mode,
          amount: v.amount,
          ...(v.mode === "date" ? { day: v.day } : { threshold: v.threshold }),
        })),
    ),
    withActor(known.map((m) => ({ _tag: "CancelAutopay" as const, msisdn: m }))),
    // Paying a provider from the balance (a phone, TV/internet, utilities), its fee included.
    withActor(
      fc
        .record({
          msisdn: known,
          provider: fc.constantFrom("mobile", "tv-internet", "utilities", "nope"),
          amount: fc.integer({ min: 1, max: 200_000 }),
        })
        .map((v) => ({
          _tag: "PayProvider" as const,
          msisdn: v.msisdn,
          provider: v.provider,
          account: v.provider === "mobile" ? "79031112233" : "12345678",
          amount: v.amount,
        })),
    ),
    withActor(
      fc.record({ msisdn: known, charges: fc.boolean() }).map((v) => ({ _tag: "SetNotifications" as const, ...v })),
    ),
    // Payment cards: the operator issues one of a few codes, a subscriber activates one (R9).
    fc
      .record({
        code: fc.constantFrom("123456789012", "555566667777"),
        amount: fc.integer({ min: 1_000, max: 100_000 }),
      })
      .map((v) => cmd({ _tag: "IssuePaymentCard", code: v.code, amount: v.amount })),
    withActor(
      fc
        .record({ msisdn: known, code: fc.constantFrom("123456789012", "555566667777", "000000000000") })
        .map((v) => ({ _tag: "ActivatePaymentCard" as const, ...v })),
    ),
  )
  const account: fc.Arbitrary<Step> = fc.oneof(
    withActor(
      fc
        .record({
          msisdn: known,
          tariff: fc.constantFrom("my-mts", "smart", "super", "constructor", "vip", "corporate", "my-mts-member"),
          confirmed: fc.boolean(),
        })
        .map((v) => ({ _tag: "ChangeTariff" as const, ...v })),
    ),
    withActor(
      fc
        .record({
          msisdn: known,
          minutes: fc.constantFrom(100, 300, 600, 1000, 7),
          dataGb: fc.constantFrom(5, 10, 20, 40),
        })
        .map((v) => ({ _tag: "ConfigureConstructor" as const, ...v })),
    ),
    withActor(
      fc
        .record({
          msisdn: known,
          service: fc.constantFrom(
            "goodok",
            "blacklist",
            "zabugorishche",
            "mobile-assistant",
            "e-assistant",
            "shared-package",
            "own-circle",
          ),
        })
        .map((v) => ({ _tag: "ConnectService" as const, ...v })),
    ),
    withActor(
      fc
        .record({
          msisdn: known,
          service: fc.constantFrom("goodok", "zabugorishche", "mobile-assistant", "e-assistant"),
        })
        .map((v) => ({ _tag: "DisconnectService" as const, ...v })),
    ),
    known.chain((m) =>
      fc
        .tuple(actor(m), fc.constantFrom("ivr", "lk", "app") as fc.Arbitrary<"ivr" | "lk" | "app">, fc.boolean())
        .map(([by, via, on]) => cmd({ _tag: on ? "Block" : "Unblock", msisdn: m, via, ...by })),
    ),
    // The operator creating a number that exists (refused) or the unknown one (refused: the journey keeps it unknown).
    known.map((m) => cmd({ _tag: "CreateSubscriber", msisdn: m, name: "Повтор", tariff: "smart" })),
    // Setup state put in place by the control API (no charge); system-only, so refused from a handset (I9).
    withActor(
      fc
        .record({ msisdn: known, offer: fc.constantFrom("internet-mini", "minutes-100", "nope") })
        .map((v) => ({ _tag: "SetupPackage" as const, ...v })),
    ),
    withActor(fc.record({ msisdn: known, target: any }).map((v) => ({ _tag: "SetupLink" as const, ...v }))),
    withActor(
      fc.record({ msisdn: known, member: any, minutes: fc.integer({ min: 0, max: 60 }) }).map((v) => ({
        _tag: "SetupFamily" as const,
        msisdn: v.msisdn,
        member: v.member,
        minutes: v.minutes,
        sms: 5,
        dataMb: 100,
      })),
    ),
  )
  const family: fc.Arbitrary<Step> = fc.oneof(
    {
      weight: 3,
      arbitrary: withActor(
        fc
          .record({
            msisdn: known,
            member: any,
            minutes: fc.integer({ min: 0, max: 600 }),
            sms: fc.integer({ min: 0, max: 200 }),
            dataMb: fc.integer({ min: 0, max: 20_000 }),
          })
          .map((v) => ({ _tag: "FamilyInvite" as const, ...v })),
      ),
    },
    {
      weight: 3,
      arbitrary: fc
        .record({ m: known, accept: fc.constantFrom(true, true, false) })
        .map((v) => cmd({ _tag: "FamilyReply", msisdn: v.m, accept: v.accept, by: v.m, via: "sms" })),
    },
    {
      weight: 1,
      arbitrary: withActor(
        fc.record({ msisdn: known, member: known }).map((v) => ({ _tag: "FamilyRemove" as const, ...v })),
      ),
    },
  )
  const auth: fc.Arbitrary<Step> = fc.oneof(
    known.map((m) => cmd({ _tag: "RequestOtp", msisdn: m, by: m, via: "sms" })),
    fc
      .record({
        m: known,
        secret: fc.constantFrom("12345", "wrong", "000000x", " "),
        ch: fc.constantFrom("lk", "app") as fc.Arbitrary<"lk" | "app">,
      })
      .map((v) => cmd({ _tag: "Login", msisdn: v.m, secret: v.secret, channel: v.ch, by: v.m, via: v.ch })),
    fc
      .record({ m: known, ch: fc.constantFrom("lk", "app") as fc.Arbitrary<"lk" | "app"> })
      .map((v): Step => ({ t: "login-inbox", msisdn: v.m, channel: v.ch })),
    fc
      .record({ m: known, ch: fc.constantFrom("lk", "app") as fc.Arbitrary<"lk" | "app"> })
      .map((v) => cmd({ _tag: "LoginByNetwork", msisdn: v.m, channel: v.ch, by: v.m, via: v.ch })),
    fc
      .record({
        m: known,
        ch: fc.constantFrom("lk", "app", "kiosk") as fc.Arbitrary<"lk" | "app" | "kiosk">,
        op: fc.constantFrom("resume", "logout") as fc.Arbitrary<"resume" | "logout">,
      })
      .map((v): Step => ({ t: "session", msisdn: v.m, channel: v.ch, op: v.op })),
    fc
      .record({ m: known, p: fc.constantFrom("Passw0rd12", "short1", "onlyletters") })
      .map((v) => cmd({ _tag: "SetPassword", msisdn: v.m, password: v.p, by: v.m, via: "lk" })),
    known.map((m) => cmd({ _tag: "RequestKioskCode", msisdn: m, by: m, via: "sms" })),
    fc
      .record({ m: known, code: wrongCode })
      .map((v) => cmd({ _tag: "KioskLogin", msisdn: v.m, code: v.code, by: v.m, via: "kiosk" })),
    known.map((m): Step => ({ t: "kiosk-inbox", msisdn: m })),
    fc
      .record({ m: known, from: fc.constantFrom("MTS", "111", "evil"), text: fc.constantFrom("Баланс: 100 руб.", "") })
      .map((v) => cmd({ _tag: "ServiceSms", msisdn: v.m, from: v.from, text: v.text, by: v.m, via: "sms" })),
  )
  const link: fc.Arbitrary<Step> = fc.oneof(
    fc
      .record({ m: known, t: any })
      .map((v) => cmd({ _tag: "LinkRequest", msisdn: v.m, target: v.t, by: v.m, via: "lk" })),
    fc.record({ m: known, t: known }).map((v): Step => ({ t: "link-inbox", msisdn: v.m, target: v.t })),
    fc
      .record({ m: known, t: known, code: wrongCode })
      .map((v) => cmd({ _tag: "LinkConfirm", msisdn: v.m, target: v.t, code: v.code, by: v.m, via: "lk" })),
    fc.record({ m: known, t: known }).map((v) => cmd({ _tag: "Unlink", msisdn: v.m, target: v.t, by: v.m, via: "lk" })),
    fc.record({ by: known, m: any }).map((v): Step => ({ t: "read", by: v.by, msisdn: v.m })),
    // A subscriber channel trying network / operator operations (I9).
    fc.record({ by: known, m: known }).map((v) => cmd({ _tag: "Travel", msisdn: v.m, to: "TR", by: v.by })),
  )

  /** Short fixed runs of steps that reach the rare states (each a single fast-check command). */
  const rare: fc.Arbitrary<Step[]> = fc.oneof(
    // Kiosk lock (R27): the service, a code, then more wrong codes than the (varied) limit allows.
    known.map((m): Step[] => [
      cmd({ _tag: "ConnectService", msisdn: m, service: "e-assistant", by: m }),
      cmd({ _tag: "RequestKioskCode", msisdn: m, by: m, via: "sms" }),
      ...Array.from({ length: 6 }, () => cmd({ _tag: "KioskLogin", msisdn: m, code: "000000", by: m, via: "kiosk" })),
    ]),
    // LK lock (R24): a code, then wrong codes past the limit, then the right one (refused while locked).
    known.map((m): Step[] => [
      cmd({ _tag: "RequestOtp", msisdn: m, by: m, via: "sms" }),
      ...Array.from({ length: 5 }, () =>
        cmd({ _tag: "Login", msisdn: m, secret: "wrong", channel: "lk", by: m, via: "lk" }),
      ),
      { t: "login-inbox", msisdn: m, channel: "lk" },
    ]),
    // A family filled to its limit (R2, I4), optionally followed by the owner's renewal with its member fees.
    fc.record({ extra: fc.boolean(), renew: fc.boolean() }).map(({ extra, renew }): Step[] => {
      const [owner, ...rest] = n.known.length > 0 ? n.known : KNOWN
      if (owner === undefined) return []
      const members = rest.slice(0, extra ? 6 : 5)
      return [
        cmd({ _tag: "TopUp", msisdn: owner, amount: 500_000, method: "card" }),
        cmd({ _tag: "ChangeTariff", msisdn: owner, tariff: "my-mts", confirmed: true, by: owner }),
        ...members.flatMap((m) => [
          cmd({ _tag: "FamilyInvite", msisdn: owner, member: m, minutes: 10, sms: 5, dataMb: 100, by: owner }),
          cmd({ _tag: "FamilyReply", msisdn: m, accept: true, by: m, via: "sms" }),
        ]),
        ...(renew ? [{ t: "advance" as const, ms: 32 * DAY }] : []),
      ]
    }),
    // A second promised payment while the first is open (R10: refused), then its due date.
    fc
      .record({ m: known, wait: fc.boolean() })
      .map(({ m, wait }): Step[] => [
        cmd({ _tag: "PromisedPayment", msisdn: m, by: m }),
        cmd({ _tag: "PromisedPayment", msisdn: m, amount: 10_000, by: m }),
        ...(wait ? [{ t: "advance" as const, ms: 8 * DAY }] : []),
      ]),
    // A transfer of exactly the balance, one kopeck more, or the balance less its fee (R12).
    fc
      .record({ m: known, to: known, delta: fc.constantFrom(-1, 0, 1) })
      .map((v): Step[] => [{ t: "transfer-edge", msisdn: v.m, to: v.to, delta: v.delta }]),
    // A link confirmed with the code the target's handset received (R20, I9).
    fc
      .record({ m: known, t: known })
      .map((v): Step[] => [
        cmd({ _tag: "LinkRequest", msisdn: v.m, target: v.t, by: v.m, via: "lk" }),
        { t: "link-inbox", msisdn: v.m, target: v.t },
      ]),
    // A call of whole minutes against the package edge (R4).
    fc
      .record({ m: known, min: fc.integer({ min: 1, max: 5 }) })
      .map((v): Step[] => [
        cmd({ _tag: "Usage", msisdn: v.m, usage: { _tag: "call", to: "79031112233", seconds: v.min * 60 } }),
      ]),
    // A voluntary block lifted at once, or after the renewal it skipped (R1, R19: the renewal is made on unblocking).
    fc
      .record({ m: known, skip: fc.boolean() })
      .map(({ m, skip }): Step[] => [
        cmd({ _tag: "Block", msisdn: m, by: m, via: "lk" }),
        ...(skip ? [{ t: "advance" as const, ms: 32 * DAY }] : []),
        cmd({ _tag: "Unblock", msisdn: m, by: m, via: "lk" }),
      ]),
    // «Забугорище» across a Moscow midnight (R3).
    fc
      .record({ m: known, c: fc.constantFrom("TR", "BR") })
      .map((v): Step[] => [
        cmd({ _tag: "Travel", msisdn: v.m, to: v.c }),
        cmd({ _tag: "Usage", msisdn: v.m, usage: { _tag: "data", kb: 2048 } }),
        { t: "advance", ms: 12 * HOUR },
        cmd({ _tag: "Usage", msisdn: v.m, usage: { _tag: "call", to: "79031112233", seconds: 60 } }),
      ]),
  )
  return { usage, travel, network, advance, money, account, family, auth, link, rare }
}

/** How often each family of steps appears in a journey; a property biases it toward its invariant. */
export interface Mix {
  usage: number
  travel: number
  network: number
  advance: number
  money: number
  account: number
  family: number
  auth: number
  link: number
  rare: number
}

export const BALANCED: Mix = {
  usage: 6,
  travel: 2,
  network: 1,
  advance: 3,
  money: 3,
  account: 3,
  family: 2,
  auth: 2,
  link: 2,
  rare: 2,
}

/** One fast-check command's worth of steps (a single step, or a burst of the rare kind). */
export const stepArb = (mix: Partial<Mix> = {}, n: Numbers = { known: KNOWN }): fc.Arbitrary<Step[]> => {
  const m = { ...BALANCED, ...mix }
  const a = stepArbs(n)
  const one = (x: fc.Arbitrary<Step>): fc.Arbitrary<Step[]> => x.map((s) => [s])
  const parts: Array<[number, fc.Arbitrary<Step[]>]> = [
    [m.usage, one(a.usage)],
    [m.travel, one(a.travel)],
    [m.network, one(a.network)],
    [m.advance, one(a.advance)],
    [m.money, one(a.money)],
    [m.account, one(a.account)],
    [m.family, one(a.family)],
    [m.auth, one(a.auth)],
    [m.link, one(a.link)],
    [m.rare, a.rare],
  ]
  return fc.oneof(...parts.filter(([w]) => w > 0).map(([weight, arbitrary]) => ({ weight, arbitrary })))
}

/**
 * A tour of every channel for one number (a channel executor routes each by its `via`): the
 * e-assistant by USSD, a cash top-up at the kiosk, a block and unblock through the 111 menu, a
 * promised payment through the IVR, a service by its USSD code, a package in the app, a kiosk
 * code by SMS and a tariff change in the LK.
 */
export const channelTourArb = (numbers: readonly string[] = KNOWN): fc.Arbitrary<Step[]> =>
  fc
    .record({ m: fc.constantFrom(...numbers), tariff: fc.constantFrom("smart", "my-mts", "super") })
    .map(({ m, tariff }): Step[] => [
      cmd({ _tag: "ConnectService", msisdn: m, service: "e-assistant", by: m, via: "ussd" }),
      cmd({ _tag: "TopUp", msisdn: m, amount: 50_000, method: "cash", by: m, via: "kiosk" }),
      cmd({ _tag: "Block", msisdn: m, by: m, via: "ivr" }),
      cmd({ _tag: "Unblock", msisdn: m, by: m, via: "ivr" }),
      cmd({ _tag: "PromisedPayment", msisdn: m, by: m, via: "ivr" }),
      cmd({ _tag: "ConnectService", msisdn: m, service: "goodok", by: m, via: "ussd" }),
      cmd({ _tag: "BuyPackage", msisdn: m, offer: "internet-mini", by: m, via: "app" }),
      cmd({ _tag: "RequestKioskCode", msisdn: m, by: m, via: "sms" }),
      cmd({ _tag: "ChangeTariff", msisdn: m, tariff, confirmed: true, by: m, via: "lk" }),
    ])
