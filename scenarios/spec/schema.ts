// The scenario language's written form as Effect Schemas: every top-level key, subscriber key,
// step kind (with each channel operation's `with:` from channels/web-ops.ts) and expect key, each
// with its type, unit, description and an example. The loader takes its key lists from here, and
// docs/scenarios.md and scenarios/scenario.schema.json are generated from it, so the reference,
// the editor schema and what the runner accepts cannot drift apart.
import { Schema } from "effect"
import { ERROR_CODES } from "../../channels/error-codes.ts"
import { argsSchema, type OPERATIONS, operationNames, operationOf, type WebChannel } from "../../channels/web-ops.ts"
import type { CatalogIndex } from "../../core/catalog/load.ts"
import { Msisdn } from "../../core/domain/ids.ts"
import { REASON_RU } from "../../core/rules/texts.ts"
import { RULES } from "../model.ts"

/** Closed sets a file's values come from (the catalog's ids, rule names, error codes). */
export interface Enums {
  readonly tariffs: readonly string[]
  readonly services: readonly string[]
  readonly offers: readonly string[]
  readonly bonusOffers: readonly string[]
  readonly countries: readonly string[]
  readonly codes: readonly string[]
  readonly reasons: readonly string[]
}

/** Closed sets as named schemas, so the JSON Schema defines each once ($defs) and refers to it. */
interface Named {
  readonly tariff: Schema.Top
  readonly service: Schema.Top
  readonly offer: Schema.Top
  readonly bonusOffer: Schema.Top
  readonly place: Schema.Top
  readonly code: Schema.Top
  readonly reason: Schema.Top
}

const named = (e: Enums): Named => ({
  tariff: lit(e.tariffs).annotate({ identifier: "TariffId", description: "a tariff id of the catalog (twin catalog)" }),
  service: lit(e.services).annotate({
    identifier: "ServiceId",
    description: "a service id of the catalog (twin catalog)",
  }),
  offer: lit(e.offers).annotate({
    identifier: "PackageOfferId",
    description: "a one-off package offer id of the catalog (twin catalog)",
  }),
  bonusOffer: lit(e.bonusOffers).annotate({
    identifier: "BonusOfferId",
    description: "a bonus offer id of the catalog (twin catalog)",
  }),
  place: lit(["home", "russia", ...e.countries]).annotate({
    identifier: "Place",
    description: "an ISO country code of the catalog, home or russia",
  }),
  code: lit([...e.codes, "any"]).annotate({
    identifier: "ErrorCode",
    description: "an error code (docs/scenarios.md, Error codes), or any",
  }),
  reason: lit(e.reasons).annotate({
    identifier: "ChargeReason",
    description: "a ledger reason (docs/scenarios.md, Charge reasons)",
  }),
})

const NAMED = new WeakMap<Enums, Named>()
const n = (e: Enums): Named => {
  let v = NAMED.get(e)
  if (v === undefined) NAMED.set(e, (v = named(e)))
  return v
}

export const enumsOf = (cat: CatalogIndex): Enums => ({
  tariffs: [...cat.tariffs.keys()],
  services: [...cat.services.keys()],
  offers: [...cat.oneOff.keys()],
  bonusOffers: [...cat.bonusOffers.keys()],
  countries: [...cat.countries.keys()],
  codes: Object.keys(ERROR_CODES),
  reasons: Object.keys(REASON_RU),
})

export interface FieldDoc {
  readonly schema: (e: Enums) => Schema.Top
  readonly required: boolean
  /** Type as the reference shows it ("money", "volume", "msisdn", "text", …). */
  readonly type: string
  /** Unit of the written value, "" when none. */
  readonly unit: string
  readonly description: string
  /** An example value as written in YAML. */
  readonly example: string
}

export type Fields = Readonly<Record<string, FieldDoc>>

// ---- value schemas (the written form) ----

const lit = (xs: readonly string[]): Schema.Top => (xs.length === 0 ? Schema.String : Schema.Literals(xs))
const Money = Schema.Union([
  Schema.Finite,
  Schema.String.pipe(Schema.check(Schema.isPattern(/^-?\d[\d ]*(?:[.,]\d{1,2})?$/))),
])
const Volume = Schema.String.pipe(
  Schema.check(Schema.isPattern(/^\d+(?:[.,]\d{1,6})?\s*(?:[KkMmGg][Bb]|[КкМмГг][Бб])$/u)),
)
const Duration = Schema.String.pipe(Schema.check(Schema.isPattern(/^(?:\d+\s*(?:ms|min|w|d|h|m|s|mo)\s*)+$/)))
const Instant = Schema.String.pipe(
  Schema.check(Schema.isPattern(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/)),
)
const Int = Schema.Int
const Nat = Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(0)))
const Text = Schema.String
const Bool = Schema.Boolean
const Short = Schema.String.pipe(Schema.check(Schema.isPattern(/^(?:\+?\d{3,15}|[A-Za-z][A-Za-z0-9]{1,10})$/)))
const oneOrMany = (s: Schema.Top): Schema.Top => Schema.Union([s, Schema.Array(s)])
const bound = (s: Schema.Top): Schema.Top =>
  Schema.Union([
    s,
    Schema.Struct({ eq: Schema.optionalKey(s), min: Schema.optionalKey(s), max: Schema.optionalKey(s) }),
  ])
const TextMatch = Schema.Union([
  Text,
  Schema.Struct({
    contains: Schema.optionalKey(oneOrMany(Text)),
    lacks: Schema.optionalKey(oneOrMany(Text)),
    matches: Schema.optionalKey(Text),
  }),
])

const f = (
  schema: FieldDoc["schema"] | Schema.Top,
  type: string,
  description: string,
  example: string,
  o: { required?: boolean; unit?: string } = {},
): FieldDoc => ({
  schema: Schema.isSchema(schema) ? () => schema : schema,
  required: o.required ?? false,
  type,
  unit: o.unit ?? "",
  description,
  example,
})

const MONEY_UNIT = "rubles, up to 2 decimals (150.50)"
const VOLUME_UNIT = 'KB/MB/GB written with the number ("300MB", "5GB"); a bare number is refused'

/** Build the Effect Schema of a mapping from its documented fields (unknown keys refused). */
export const structOf = (fields: Fields, e: Enums): Schema.Top =>
  Schema.Struct(
    Object.fromEntries(
      Object.entries(fields).map(([k, d]) => [k, d.required ? d.schema(e) : Schema.optionalKey(d.schema(e))]),
    ),
  )

// ---- top level and subscribers ----

export const FAMILY_FIELDS: Fields = {
  msisdn: f(Msisdn, "msisdn", "the member (another subscriber of the scenario)", '"79160000002"', { required: true }),
  minutes: f(Nat, "whole number", "minutes shared with the member", "300"),
  sms: f(Nat, "whole number", "SMS shared with the member", "100"),
  data: f(Volume, "volume", "mobile data shared with the member", "5GB", { unit: VOLUME_UNIT }),
}

export const SUBSCRIBER_FIELDS: Fields = {
  msisdn: f(Msisdn, "msisdn", "the number, 7 and 10 digits, quoted", '"79160000001"', { required: true }),
  name: f(Text, "text", "full name as the operator writes it", '"Иванова Мария Петровна"', { required: true }),
  tariff: f((e) => n(e).tariff, "tariff id", "the tariff (see `twin catalog`)", "my-mts", { required: true }),
  balance: f(Money, "money", "the balance at step 1", "2000.00", { unit: MONEY_UNIT }),
  payment: f(Schema.Literals(["prepaid", "credit"]), "one of", "payment method", "prepaid"),
  creditLimit: f(Money, "money", "credit limit (payment: credit)", "1000.00", { unit: MONEY_UNIT }),
  passport: f(Text, "text", "passport series and number (the hotline asks for it, R29)", '"4510 123456"'),
  birthDate: f(Text, "text", "date of birth", '"1980-05-12"'),
  region: f(Text, "text", "home region", '"Москва"'),
  bonus: f(Nat, "whole number", "bonus points at step 1 (R13)", "500", { unit: "points" }),
  avgMonthlySpend: f(Money, "money", "average monthly spend (promised payment limit, R10)", "600.00", {
    unit: MONEY_UNIT,
  }),
  services: f(
    (e) => Schema.Array(n(e).service),
    "list of service ids",
    "services connected at step 1 (no connection fee charged)",
    "[goodok]",
  ),
  packages: f(
    (e) => Schema.Array(n(e).offer),
    "list of package offer ids",
    "one-off packages held at step 1 (not paid for)",
    "[internet-vip]",
  ),
  linked: f(
    Schema.Array(Msisdn),
    "list of msisdn",
    "numbers this subscriber manages (R20), linked at step 1",
    '["79160000002"]',
  ),
  family: f(
    (e) => Schema.Array(structOf(FAMILY_FIELDS, e)),
    "list of members",
    "«МЫ МТС» members this subscriber owns (R2), active at step 1",
    '[{ msisdn: "79160000002", minutes: 100, sms: 50, data: 5GB }]',
  ),
  notifications: f(
    Schema.Struct({ charges: Schema.optionalKey(Bool), logins: Schema.optionalKey(Bool) }),
    "{ charges, logins }",
    "SMS notification settings (R16, R22)",
    "{ charges: true }",
  ),
  autopay: f(
    Schema.Struct({
      mode: Schema.Literals(["date", "threshold"]),
      amount: Money,
      day: Schema.optionalKey(Int),
      threshold: Schema.optionalKey(Money),
    }),
    "{ mode, amount, day, threshold }",
    "automatic payment (R11); amounts in rubles",
    "{ mode: threshold, amount: 300, threshold: 50 }",
  ),
}

export const CARD_FIELDS: Fields = {
  code: f(Text, "digits", "the payment card's code", '"1234567890123"', { required: true }),
  amount: f(Money, "money", "the card's value", "300", { required: true, unit: MONEY_UNIT }),
}

// ---- steps ----

export const CALL_FIELDS: Fields = {
  to: f(Short, "phone number", "the number called (or calling, direction: in)", '"79031112233"', { required: true }),
  minutes: f(Nat, "whole number", "call length in minutes", "3", { unit: "minutes" }),
  seconds: f(Nat, "whole number", "call length in seconds (added to minutes)", "30", { unit: "seconds" }),
  direction: f(Schema.Literals(["out", "in"]), "one of", "outgoing (default) or incoming", "out"),
}

export const SMS_USAGE_FIELDS: Fields = {
  to: f(Short, "phone number", "the recipient", '"79031112233"', { required: true }),
  count: f(Int, "whole number", "how many SMS (default 1)", "2"),
  direction: f(Schema.Literals(["out", "in"]), "one of", "outgoing (default) or incoming", "out"),
}

export const ADVANCE_FIELDS: Fields = {
  by: f(Duration, "duration", "move the twin's clock forward by this much", "1d 2h", {
    unit: 'w, d, h, m (minutes), s, ms; combined "1d 2h"',
  }),
  to: f(Instant, "instant", "move the clock to this Moscow time", "2026-07-01T00:00:00+03:00", {
    unit: "ISO 8601 with offset",
  }),
  months: f(Int, "whole number", "move forward by whole calendar months", "1", { unit: "months" }),
}

const who = (d: string): FieldDoc => f(Msisdn, "msisdn", d, '"79160000001"', { required: true })

export interface StepKind {
  readonly summary: string
  /** Fields of the step's mapping; null for the web channels (see OPERATIONS). */
  readonly fields: Fields | null
  /** A scalar shorthand, when the step has one (advance: 1d). */
  readonly scalar?: { readonly type: string; readonly unit: string; readonly example: string }
}

export const STEP_KINDS: Readonly<Record<string, StepKind>> = {
  advance: {
    summary: "Move the twin's clock: scheduled charges, renewals and timeouts happen on the way.",
    fields: ADVANCE_FIELDS,
    scalar: {
      type: "duration, months or instant",
      unit: '"90m", "1d 2h", "2w", "1mo" (calendar months) or an ISO instant',
      example: "1d",
    },
  },
  travel: {
    summary: "Move a subscriber to a country (R3 roaming) or home.",
    fields: {
      msisdn: who("the traveller"),
      to: f((e) => n(e).place, "country code", "ISO country code from the catalog, or home / russia", "TR", {
        required: true,
      }),
    },
  },
  network: {
    summary: "Turn the handset's MTS mobile data on or off (R26: login by network).",
    fields: {
      msisdn: who("the handset"),
      mobileData: f(Bool, "true/false", "on MTS mobile data", "false", { required: true }),
    },
  },
  usage: {
    summary: "Network usage: a call, SMS or mobile data, rated by the core. Give exactly one of call, sms, data.",
    fields: {
      msisdn: who("the subscriber who uses the network"),
      call: f(
        (e) => structOf(CALL_FIELDS, e),
        "{ to, minutes, seconds, direction }",
        "a call",
        '{ to: "79031112233", minutes: 3 }',
      ),
      sms: f(
        (e) => structOf(SMS_USAGE_FIELDS, e),
        "{ to, count, direction }",
        "person-to-person SMS",
        '{ to: "79031112233", count: 2 }',
      ),
      data: f(Volume, "volume", "mobile data used", "150MB", { unit: VOLUME_UNIT }),
    },
  },
  ussd: {
    summary: "USSD: dial a code (starts a session) or reply to the open screen. Give exactly one of dial, reply.",
    fields: {
      msisdn: who("the handset"),
      dial: f(
        Schema.String.pipe(Schema.check(Schema.isPattern(/^[*#\d]+$/))),
        "USSD code",
        "start a session",
        '"*100#"',
      ),
      reply: f(Text, "text", "answer the open screen (menu digit or text; ${sms.…} placeholders allowed)", '"2"'),
    },
  },
  sms: {
    summary:
      "Send an SMS from a handset to a short number, a sender name (MTS) or a phone; or answer the newest SMS in the inbox with reply.",
    fields: {
      from: who("the sending handset"),
      to: f(Short, "short number, sender name or phone", 'where to: "111", "6262", MTS, or a phone number', '"111"'),
      text: f(Text, "text", "the message (empty: an empty SMS, e.g. to 6262)", '"2163"'),
      reply: f(
        Text,
        "text",
        "answer the newest SMS in the inbox (its sender is the number written to), e.g. «Да» to an invitation; instead of to and text",
        '"Да"',
      ),
    },
  },
  ivr: {
    summary:
      "Call 111, 1112163 or the 0890 hotline, press keys, optionally stay silent for digit timeouts and press more keys.",
    fields: {
      msisdn: who("the caller"),
      call: f(
        Schema.String.pipe(Schema.check(Schema.isPattern(/^\d{3,15}$/))),
        "number",
        'the number called: "111", "1112163" or "0890"',
        '"111"',
        { required: true },
      ),
      keys: f(
        Schema.String.pipe(Schema.check(Schema.isPattern(/^[\d*#]*$|\$\{/))),
        "DTMF keys",
        "keys pressed after the greeting (digits, * and #)",
        '"11"',
      ),
      timeouts: f(
        Nat,
        "whole number",
        "digit timeouts to let pass in silence after keys (the clock moves by the catalog's digit timeout each; 3 in a row end the call)",
        "1",
        { unit: "timeouts" },
      ),
      // biome-ignore lint/suspicious/noThenProperty: `then` is the IVR step's field (the keys after silence), never awaited.
      then: f(
        Schema.String.pipe(Schema.check(Schema.isPattern(/^[\d*#]*$/))),
        "DTMF keys",
        "keys pressed after the silence",
        '"1"',
      ),
    },
  },
  lk: { summary: "«Личный кабинет» (web): an operation with its parameters (see Operations).", fields: null },
  app: { summary: "«Мой МТС» app: an operation with its parameters (see Operations).", fields: null },
  kiosk: { summary: "«Электронный Помощник» kiosk: an operation with its parameters (see Operations).", fields: null },
  expect: {
    summary: "Check the twin's state and the last channel answer; every miss is reported as expected vs actual.",
    fields: null,
  },
}

/** The fields of a web channel step (the `with:` depends on `do:`). */
export const WEB_STEP_FIELDS: Fields = {
  msisdn: who("the logged-in handset (for login, the number logging in)"),
  do: f(Text, "operation", "the operation (see Operations)", "topup", { required: true }),
  with: f(Schema.Struct({}), "mapping", "the operation's parameters (see Operations)", "{ amount: 300 }"),
}

/** Keys a step may carry besides its one action. */
export const STEP_EXTRA_FIELDS: Fields = {
  note: f(Text, "text", "a comment shown in reports next to the step", '"Сын пополняет маме"'),
}

const HasLacks = (item: Schema.Top): Schema.Top =>
  Schema.Struct({ has: Schema.optionalKey(oneOrMany(item)), lacks: Schema.optionalKey(oneOrMany(item)) })

export const CHARGE_FIELDS: Fields = {
  service: f(
    (e) => Schema.Union([n(e).service, n(e).tariff, n(e).offer]),
    "service, tariff or package id",
    "charges for this service, tariff or package",
    "zabugorishche",
  ),
  reason: f((e) => n(e).reason, "charge reason", "charges with this ledger reason (see Charge reasons)", "fee-monthly"),
  count: f(bound(Nat), "whole number or bound", "how many such charges", "1"),
  total: f(bound(Money), "money or bound", "sum of their amounts", "390.00", { unit: MONEY_UNIT }),
  last: f(Money, "money", "amount of the newest one", "390.00", { unit: MONEY_UNIT }),
}

export const INBOX_FIELDS: Fields = {
  from: f(Short, "sender", "sender: short number or name", '"3339"'),
  contains: f(Text, "text", "the SMS contains this (case-insensitive)", '"пароль"'),
  count: f(bound(Nat), "whole number or bound", "how many such SMS (default: at least one)", "{ min: 1 }"),
}

export const EXPECT_FIELDS: Fields = {
  msisdn: f(Msisdn, "msisdn", "whose account (default: the number of the last step that named one)", '"79160000001"'),
  balance: f(bound(Money), "money or { eq, min, max }", "the balance", "1610.00", { unit: MONEY_UNIT }),
  bonus: f(bound(Nat), "whole number or bound", "bonus points", "{ max: 100 }", { unit: "points" }),
  tariff: f((e) => n(e).tariff, "tariff id", "the current tariff", "smart"),
  status: f(
    Schema.Literals(["active", "blocked-voluntary", "blocked-financial"]),
    "one of",
    "the number's status",
    "active",
  ),
  location: f((e) => n(e).place, "country code", "where the subscriber is", "TR"),
  services: f(
    (e) => HasLacks(n(e).service),
    "{ has, lacks }",
    "connected / not connected services",
    "{ has: [zabugorishche] }",
  ),
  linked: f(HasLacks(Msisdn), "{ has, lacks }", "linked numbers (R20)", '{ has: ["79160000002"] }'),
  packages: f(
    (e) =>
      Schema.Struct(
        Object.fromEntries(
          ["minutes", "sms", "data", ...e.offers, ...e.bonusOffers].map((k) => [
            k,
            Schema.optionalKey(Schema.Union([bound(Nat), bound(Volume)])),
          ]),
        ),
      ),
    "{ kind or offer: amount left }",
    "left in packages: minutes and sms as numbers, data and data offers as volumes",
    "{ minutes: 1497, data: { min: 49GB } }",
    { unit: 'minutes, SMS; data as volume ("300MB")' },
  ),
  charges: f(
    (e) => oneOrMany(structOf(CHARGE_FIELDS, e)),
    "charge check or list",
    "ledger charges (see Charge checks)",
    "{ service: zabugorishche, count: 1, last: 390.00 }",
  ),
  inbox: f(
    (e) => oneOrMany(structOf(INBOX_FIELDS, e)),
    "inbox check or list",
    "SMS in the handset's inbox",
    '{ from: "3339", contains: "пароль" }',
  ),
  events: f(
    oneOrMany(Schema.Struct({ type: Text, count: Schema.optionalKey(bound(Nat)) })),
    "{ type, count } or list",
    "events of this number in the twin's log",
    "{ type: PromisedOpened, count: 1 }",
  ),
  screen: f(TextMatch, "text or { contains, lacks, matches }", "the last USSD / SMS / web answer", '"Баланс"'),
  prompt: f(TextMatch, "text or { contains, lacks, matches }", "what the last IVR call said", '"Мобильный помощник"'),
  reply: f(TextMatch, "text or { contains, lacks, matches }", "the last answer of any channel", '{ contains: "руб" }'),
  end: f(Bool, "true/false", "the last USSD session / IVR call ended", "true"),
  error: f(
    (e) => n(e).code,
    "error code",
    "the step before was refused with this code (see Error codes); any: any code",
    "WRONG_CODE",
  ),
  ok: f(Bool, "true/false", "the step before was accepted (true) or refused (false)", "false"),
  family: f(
    Schema.Struct({
      role: Schema.optionalKey(Schema.Literals(["owner", "member", "invited", "none"])),
      members: Schema.optionalKey(bound(Nat)),
      active: Schema.optionalKey(bound(Nat)),
    }),
    "{ role, members, active }",
    "«МЫ МТС» role and member counts",
    "{ role: owner, active: 1 }",
  ),
  promised: f(Bool, "true/false", "a promised payment is open", "true"),
  lkLocked: f(Bool, "true/false", "LK login is locked (R24)", "true"),
  kioskLocked: f(Bool, "true/false", "kiosk login is locked (R27)", "false"),
  autopay: f(Schema.Literals(["date", "threshold", "none"]), "one of", "the automatic payment's mode", "threshold"),
}

export const TOP_FIELDS: Fields = {
  name: f(Text, "text", "what the journey is, in Russian", '"Поездка в Турцию"', { required: true }),
  description: f(Text, "text", "longer notes", '"…"'),
  rules: f(
    oneOrMany(Schema.Literals(RULES)),
    "list of rule names",
    "rules of the specification the journey checks",
    "[R3, R8]",
  ),
  start: f(Instant, "instant", "the twin's clock at step 1 (Moscow time)", "2026-06-01T09:00:00+03:00", {
    required: true,
    unit: "ISO 8601 with offset",
  }),
  seed: f(Schema.Union([Text, Int]), "number or text", "the twin's random seed (same seed, same run)", "7"),
  secret: f(
    Text,
    "text",
    "the twin's secret, fixed for replay against a served twin (which otherwise draws a random one); at least 16 characters",
    '"replay-secret-of-this-journey"',
  ),
  subscribers: f(
    (e) => Schema.Array(structOf(SUBSCRIBER_FIELDS, e)),
    "list",
    "who exists at step 1, exactly as written (see Subscribers)",
    '- { msisdn: "79160000001", name: "…", tariff: my-mts }',
  ),
  paymentCards: f(
    (e) => Schema.Array(structOf(CARD_FIELDS, e)),
    "list",
    "payment cards that exist (R9)",
    '[{ code: "1234567890123", amount: 300 }]',
  ),
  steps: f(Schema.Array(Schema.Unknown), "list", "the steps, in order (see Steps)", "- advance: 1d"),
}

/** Key lists, for the loader (unknown keys are errors with a suggestion from these). */
export const keysOf = (fields: Fields): readonly string[] => Object.keys(fields)

// ---- whole-file schema (for the editor) ----

const webStep = (channel: WebChannel, e: Enums): Schema.Top =>
  Schema.Union(
    operationNames(channel).map((name) => {
      const o = operationOf(channel, name)
      const withSchema = o === undefined ? Schema.Struct({}) : refine(o.params, argsSchema(o), e)
      return Schema.Struct({ msisdn: Msisdn, do: Schema.Literal(name), with: Schema.optionalKey(withSchema) }).annotate(
        { description: o?.summary ?? name },
      )
    }),
  )

/** The `with:` schema with catalog ids as closed sets, so editors complete them. */
const refine = (params: (typeof OPERATIONS)[number]["params"], plain: Schema.Top, e: Enums): Schema.Top => {
  const byRef: Record<string, Schema.Top> = {
    tariff: n(e).tariff,
    service: n(e).service,
    offer: n(e).offer,
    "bonus-offer": n(e).bonusOffer,
  }
  const entries = Object.entries(params)
  if (!entries.some(([, p]) => p.ref !== undefined && p.ref !== "subscriber")) return plain
  return Schema.Struct(
    Object.fromEntries(
      entries.map(([k, p]) => {
        const s = (p.ref === undefined ? undefined : byRef[p.ref]) ?? p.schema
        return [k, p.optional ? Schema.optionalKey(s) : s]
      }),
    ),
  )
}

const stepSchema = (e: Enums): Schema.Top => {
  const note = { note: Schema.optionalKey(Text) }
  const members: Schema.Top[] = []
  for (const [kind, k] of Object.entries(STEP_KINDS)) {
    let body: Schema.Top
    if (kind === "lk" || kind === "app" || kind === "kiosk") body = webStep(kind, e)
    else if (kind === "expect") body = structOf(EXPECT_FIELDS, e)
    else if (kind === "advance") body = Schema.Union([Duration, Instant, structOf(ADVANCE_FIELDS, e)])
    else body = structOf(k.fields ?? {}, e)
    members.push(Schema.Struct({ [kind]: body, ...note }).annotate({ description: k.summary }))
  }
  return Schema.Union(members)
}

/** The whole scenario file as one Effect Schema (catalog ids as closed sets). */
export const scenarioFileSchema = (cat: CatalogIndex): Schema.Top => {
  const e = enumsOf(cat)
  const fields = Object.fromEntries(
    Object.entries(TOP_FIELDS).map(([k, d]) => {
      const s = k === "steps" ? Schema.Array(stepSchema(e)) : d.schema(e)
      const a = s.annotate({ description: d.description })
      return [k, d.required ? a : Schema.optionalKey(a)]
    }),
  )
  return Schema.Struct(fields).annotate({
    title: "Twin scenario",
    description: "A customer journey for the self-service digital twin (docs/scenarios.md)",
  })
}

/** scenario.schema.json: the JSON Schema editors with a YAML language server use. */
export const scenarioJsonSchema = (cat: CatalogIndex): Record<string, unknown> => {
  const doc = Schema.toJsonSchemaDocument(scenarioFileSchema(cat), { onExcessProperty: "error" })
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "scenario.schema.json",
    ...doc.schema,
    ...(Object.keys(doc.definitions).length > 0 ? { $defs: doc.definitions } : {}),
  }
}
