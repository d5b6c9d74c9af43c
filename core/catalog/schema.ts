// The catalog is data: tariffs, services, packages, countries and every price or limit the
// rules use. It is validated by this Schema when loaded (the default one and user files alike).
import { Effect, Schema } from "effect"
import { ADDED_DEFAULTS } from "./added.ts"

const Kop = Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(0)))
const Count = Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(0)))
/**
 * A count added after catalogs were first stored with twins: a stored catalog without the key
 * decodes with the default catalog's value, so old twin databases still open.
 */
const AddedCount = (fallback: number) => Count.pipe(Schema.withDecodingDefaultKey(Effect.succeed(fallback)))

const Id = Schema.String.pipe(Schema.check(Schema.isPattern(/^[a-z0-9][a-z0-9-]*$/)))

export const PackageAmounts = Schema.Struct({
  minutes: Count,
  sms: Count,
  /** Data in megabytes. */
  dataMb: Count,
})

export const PaygPrices = Schema.Struct({
  /** Per started minute of an outgoing call to a Russian number. */
  callMinute: Kop,
  /** Per started minute to a foreign number. */
  intlCallMinute: Kop,
  sms: Kop,
  intlSms: Kop,
  /** Per started megabyte. */
  dataMb: Kop,
})

export const ConstructorOptions = Schema.Struct({
  minutes: Schema.Array(Schema.Struct({ amount: Count, fee: Kop })),
  dataGb: Schema.Array(Schema.Struct({ amount: Count, fee: Kop })),
  sms: Count,
})

export const Tariff = Schema.Struct({
  id: Id,
  name: Schema.String,
  description: Schema.String,
  kind: Schema.Literals(["packaged", "payg", "constructor", "member"]),
  monthlyFee: Kop,
  /** What switching to this tariff costs. */
  changeFee: Kop,
  packages: PackageAmounts,
  payg: PaygPrices,
  corporate: Schema.Boolean,
  vip: Schema.Boolean,
  /** Can a subscriber switch to it himself (the member tariff cannot: only via family sharing). */
  selectable: Schema.Boolean,
  /** Popular plan shown by *111*2*5#. */
  popular: Schema.Boolean,
  familyOwner: Schema.Boolean,
  defaultServices: Schema.Array(Id),
  adjustable: Schema.optional(ConstructorOptions),
})
export type Tariff = typeof Tariff.Type

export const Service = Schema.Struct({
  id: Id,
  name: Schema.String,
  description: Schema.String,
  connectFee: Kop,
  monthlyFee: Kop,
  dailyFee: Kop,
  removable: Schema.Boolean,
  /** Tariffs on which it cannot be connected. */
  notOn: Schema.Array(Id),
  /** Tariff flags on which it cannot be connected. */
  notOnCorporate: Schema.Boolean,
  notOnVip: Schema.Boolean,
  /** USSD code that connects it, when the operator published one. */
  ussd: Schema.optional(Schema.String),
})
export type Service = typeof Service.Type

export const PackageKind = Schema.Literals(["minutes", "sms", "data"])
export type PackageKind = typeof PackageKind.Type

export const OneOffPackage = Schema.Struct({
  id: Id,
  name: Schema.String,
  kind: PackageKind,
  /** Minutes, SMS count or megabytes. */
  amount: Count,
  price: Kop,
  validDays: Count,
})
export type OneOffPackage = typeof OneOffPackage.Type

export const BonusOffer = Schema.Struct({
  id: Id,
  name: Schema.String,
  kind: PackageKind,
  amount: Count,
  points: Count,
  validDays: Count,
})
export type BonusOffer = typeof BonusOffer.Type

export const Country = Schema.Struct({
  code: Schema.String.pipe(Schema.check(Schema.isPattern(/^[A-Z]{2}$/))),
  name: Schema.String,
  popular: Schema.Boolean,
})
export type Country = typeof Country.Type

/** A provider a subscriber can pay from the balance (*111#, LK): ТВ и Интернет, квартплата, мобильный телефон. */
export const Provider = Schema.Struct({
  id: Id,
  name: Schema.String,
  /** What the payer types: a contract/account number or a phone number. */
  account: Schema.Literals(["contract", "phone"]),
  /** Commission per payment, kopecks. */
  fee: Kop,
})
export type Provider = typeof Provider.Type

export const Catalog = Schema.Struct({
  version: Schema.Int,
  tariffs: Schema.Array(Tariff),
  services: Schema.Array(Service),
  oneOffPackages: Schema.Array(OneOffPackage),
  bonusOffers: Schema.Array(BonusOffer),
  countries: Schema.Array(Country),
  roaming: Schema.Struct({
    /** «Забугорище» daily fee in popular countries / elsewhere (R3). */
    zabugorishchePopular: Kop,
    zabugorishcheOther: Kop,
    /** Roaming prices without «Забугорище». */
    callMinute: Kop,
    incomingMinute: Kop,
    sms: Kop,
    dataMb: Kop,
  }),
  promisedPayment: Schema.Struct({
    /** Limit by average monthly spend: the highest tier whose minAvgSpend is reached applies. */
    tiers: Schema.Array(Schema.Struct({ minAvgSpend: Kop, limit: Kop })),
    /** Fee by amount: the first tier with amount ≤ upTo applies. */
    fees: Schema.Array(Schema.Struct({ upTo: Kop, fee: Kop })),
    validDays: Count,
    minAmount: Kop,
  }),
  topUp: Schema.Struct({ min: Kop, max: Kop, lkDefault: Kop }),
  transfer: Schema.Struct({ fee: Kop, min: Kop, max: Kop }),
  /** Payments to other providers from the balance (000_…: «внести плату за ТВ и Интернет, квартплату, мобильный телефон»). */
  providerPayments: Schema.Struct({ min: Kop, max: Kop, providers: Schema.Array(Provider) }).pipe(
    Schema.withDecodingDefaultKey(Effect.succeed(ADDED_DEFAULTS.providerPayments)),
  ),
  family: Schema.Struct({
    maxMembers: Count,
    memberFee: Kop,
    memberTariff: Id,
    inviteTtlHours: Count,
    /** R2: the number the invitation comes from; only «Да»/«Нет» sent to it answers (default 111). */
    replyNumber: Schema.String.pipe(
      Schema.check(Schema.isPattern(/^\d{3,6}$/)),
      Schema.withDecodingDefaultKey(Effect.succeed(ADDED_DEFAULTS.familyReplyNumber)),
    ),
  }),
  bonus: Schema.Struct({ kopecksPerPoint: Count }),
  auth: Schema.Struct({
    otpValidHours: Count,
    otpDigits: Count,
    lkMaxFailures: Count,
    kioskMaxFailures: Count,
    kioskLockHours: Count,
    kioskCodeDigits: Count,
    /** LK and app sessions end after this many minutes without activity (R25). */
    sessionIdleMinutes: Count,
    /** A kiosk terminal session ends after this many minutes without activity (R27, default). */
    kioskSessionIdleMinutes: AddedCount(ADDED_DEFAULTS.kioskSessionIdleMinutes),
    /**
     * Anti-flood limit on code requests (SMS passwords, kiosk and link codes) per number per hour.
     * 0 (the default) is no limit: a temporary password can be requested «неограниченное количество
     * раз» (R23).
     */
    codeRequestsPerHour: Count,
    passwordMinLength: Count,
    /** scrypt cost (N, a power of two). Lower it for large simulations. */
    scryptN: Count,
    /**
     * How secrets are hashed (always salted, stored only hashed): "scrypt" with cost scryptN, or
     * "hmac-sha256" for simulations of millions of logins, where even scrypt's least cost (~70 µs a
     * call) would dominate.
     */
    kdf: Schema.Literals(["scrypt", "hmac-sha256"]).pipe(
      Schema.withDecodingDefaultKey(Effect.succeed(ADDED_DEFAULTS.kdf)),
    ),
  }),
  channels: Schema.Struct({
    ussdIdleSeconds: Count,
    ivrDigitTimeoutSeconds: Count,
    ivrMaxFailures: Count,
    /** Scripted hotline 0890 operators taking calls at once; further calls wait in the queue (R29). At least 1. */
    hotlineOperators: AddedCount(ADDED_DEFAULTS.hotlineOperators),
  }),
})
export type Catalog = typeof Catalog.Type
