// The operations of the LK, the «Мой МТС» app and the «Электронный Помощник» kiosk as the web
// drivers (channels/web-driver.ts) offer them, with every parameter as an Effect Schema of its
// written form (what a scenario's `with:` holds) plus its unit, allowed values and an example.
// One source: the drivers decode their arguments with it, the scenario loader checks files with
// it, and docs/scenarios.md and scenario.schema.json are generated from it.
import { Result, Schema } from "effect"
import { isMsisdn, Msisdn } from "../core/domain/ids.ts"
import { parseRubles } from "../core/domain/money.ts"
import { KB_PER_MB } from "../core/rules/packages.ts"
import { APP_TABS } from "./app/router.ts"
import { parseVolumeKb } from "./text/amounts.ts"

export type WebChannel = "lk" | "app" | "kiosk"

/** A parameter's value is an id of this catalog table (or a subscriber of the scenario), checked when a file loads. */
export type ParamRef = "tariff" | "service" | "offer" | "bonus-offer" | "subscriber"

export interface Param {
  /** The written form (YAML/JSON), as an Effect Schema. */
  readonly schema: Schema.Top
  readonly optional: boolean
  /** Short type name for the reference: "money", "volume", "msisdn", "text", "whole number", "yes/no", "date", "one of", "tariff id", … */
  readonly type: string
  /** Unit of the written value ("rubles", "MB/GB", …), "" when none. */
  readonly unit: string
  /** A closed set of values, when there is one (catalog ids are checked at load, see `ref`). */
  readonly values?: readonly string[]
  readonly ref?: ParamRef
  readonly description: string
  readonly example: string | number | boolean
  /** What happens when the parameter is left out. */
  readonly absent?: string
  /** The value the driver sends (kopecks for money, MB for volumes); null when malformed. */
  readonly parse: (v: unknown) => unknown
}

export interface Operation {
  readonly name: string
  readonly channels: readonly WebChannel[]
  /** What it does, in English, naming the rule. */
  readonly summary: string
  readonly params: Readonly<Record<string, Param>>
}

const ID_RE = /^[a-z0-9][a-z0-9-]*$/
const MONEY_RE = /^\d{1,9}(?:[.,]\d{1,2})?$/
const VOLUME_RE = /^\d+(?:[.,]\d{1,6})?\s*(?:[KkMmGg][Bb]|[КкМмГг][Бб])$/u
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/

const ok = <T>(v: T | null | undefined): T | null => (v === undefined ? null : v)

const money = (description: string, example: number, optional = false, absent?: string): Param => ({
  schema: Schema.Union([Schema.Finite, Schema.String.pipe(Schema.check(Schema.isPattern(MONEY_RE)))]).annotate({
    description: `${description} (rubles)`,
  }),
  optional,
  type: "money",
  unit: "rubles, up to 2 decimals (150.50)",
  description,
  example,
  ...(absent !== undefined ? { absent } : {}),
  parse: (v) => (typeof v === "number" || typeof v === "string" ? ok(parseRubles(v)) : null),
})

const volume = (description: string, example: string, optional = false, absent?: string): Param => ({
  schema: Schema.String.pipe(Schema.check(Schema.isPattern(VOLUME_RE))).annotate({
    description: `${description} (a volume with its unit: "300MB", "5GB")`,
  }),
  optional,
  type: "volume",
  unit: 'KB, MB or GB written with the number ("300MB", "5GB"); a bare number is refused',
  description,
  example,
  ...(absent !== undefined ? { absent } : {}),
  parse: (v) => {
    const kb = typeof v === "string" ? parseVolumeKb(v) : null
    return kb === null ? null : Math.floor(kb / KB_PER_MB)
  },
})

/** A number; `declared`: it must be a subscriber of the scenario (checked at load). */
const msisdn = (description: string, optional = false, absent?: string, declared = false): Param => ({
  schema: Msisdn.annotate({ description }),
  optional,
  type: "msisdn",
  unit: "",
  ...(declared ? { ref: "subscriber" as const } : {}),
  description,
  example: "79160000002",
  ...(absent !== undefined ? { absent } : {}),
  parse: (v) => (typeof v === "string" && isMsisdn(v) ? v : null),
})

const text = (description: string, example: string, optional = false): Param => ({
  schema: Schema.String.pipe(Schema.check(Schema.isMaxLength(128))).annotate({ description }),
  optional,
  type: "text",
  unit: "",
  description,
  example,
  parse: (v) => (typeof v === "string" && v.length <= 128 ? v : null),
})

const whole = (description: string, example: number, min: number, max: number, optional = false): Param => ({
  schema: Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: min, maximum: max }))).annotate({ description }),
  optional,
  type: `whole number ${min}…${max}`,
  unit: "",
  description,
  example,
  parse: (v) => (typeof v === "number" && Number.isSafeInteger(v) && v >= min && v <= max ? v : null),
})

const yesNo = (description: string, example: boolean, optional = true, absent?: string): Param => ({
  schema: Schema.Boolean.annotate({ description }),
  optional,
  type: "true/false",
  unit: "",
  description,
  example,
  ...(absent !== undefined ? { absent } : {}),
  parse: (v) => (typeof v === "boolean" ? v : null),
})

const oneOf = (description: string, values: readonly string[], optional = false, absent?: string): Param => ({
  schema: Schema.Literals(values).annotate({ description }),
  optional,
  type: "one of",
  unit: "",
  values,
  description,
  example: values[0] ?? "",
  ...(absent !== undefined ? { absent } : {}),
  parse: (v) => (typeof v === "string" && values.includes(v) ? v : null),
})

const date = (description: string, example: string): Param => ({
  schema: Schema.String.pipe(Schema.check(Schema.isPattern(DATE_RE))).annotate({
    description: `${description} (YYYY-MM-DD, Moscow)`,
  }),
  optional: true,
  type: "date",
  unit: "YYYY-MM-DD (Moscow)",
  description,
  example,
  parse: (v) => (typeof v === "string" && DATE_RE.test(v) ? v : null),
})

const catalogId = (ref: Exclude<ParamRef, "subscriber">, description: string, example: string): Param => ({
  schema: Schema.String.pipe(Schema.check(Schema.isPattern(ID_RE))).annotate({ description }),
  optional: false,
  type: `${ref} id`,
  unit: "",
  ref,
  description,
  example,
  parse: (v) => (typeof v === "string" && ID_RE.test(v) ? v : null),
})

/** `msisdn`: act on a number linked to the logged-in one (R20) instead of the login's own. */
const ON = {
  msisdn: msisdn("a number linked to the logged-in one (R20) to act on", true, "the logged-in number itself", true),
}

const SELFCARE: readonly WebChannel[] = ["lk", "app"]
const ALL: readonly WebChannel[] = ["lk", "app", "kiosk"]

const op = (
  name: string,
  channels: readonly WebChannel[],
  summary: string,
  params: Record<string, Param> = {},
): Operation => ({ name, channels, summary, params })

/** Every operation, in the order the reference lists them. */
export const OPERATIONS: readonly Operation[] = [
  op("request-code", SELFCARE, "R22: ask for a one-time SMS password; it comes from 3339."),
  op(
    "login",
    SELFCARE,
    "R22/R23/R26: log in with the SMS password or the permanent password; with neither (or network: true), by " +
      "the operator's mobile data (R26).",
    {
      code: text("the SMS password from 3339; usually the placeholder ${sms.3339}", "${sms.3339}", true),
      password: text("the permanent password set with set-password (R23)", "Parol2026", true),
      network: yesNo(
        "log in by the operator's mobile data (R26)",
        true,
        true,
        "false, unless neither code nor password is given",
      ),
    },
  ),
  op("logout", ALL, "End the session."),
  op("overview", SELFCARE, "R1: the main page: balance, tariff, packages.", ON),
  op("balance", ALL, "R8: the balance.", { ...ON }),
  op("topup", SELFCARE, "R9: top up the balance by bank card or a wallet.", {
    amount: money("how much to pay", 300, true, "500.00"),
    method: oneOf("how the subscriber pays", ["card", "apple-pay", "google-pay", "samsung-pay"], true, "card"),
    ...ON,
  }),
  op("promised-payment", SELFCARE, "R10: take a promised payment.", {
    amount: money("the amount asked for", 100, true, "the largest amount offered"),
    ...ON,
  }),
  op("autopay", SELFCARE, "R11: set up an automatic payment by date or under a threshold; mode off cancels it.", {
    mode: oneOf(
      "by date of month, under a balance threshold, or off",
      ["date", "threshold", "off"],
      true,
      "threshold when threshold is given, else date",
    ),
    amount: money("how much each automatic payment pays", 500, true),
    day: whole("day of month for mode date", 20, 1, 28, true),
    threshold: money("pay when the balance falls below this (mode threshold)", 100, true),
    ...ON,
  }),
  op("transfer", SELFCARE, "R12: transfer money to another MTS number.", {
    to: msisdn("the number that receives the money"),
    amount: money("how much to send", 300),
    ...ON,
  }),
  op(
    "pay-provider",
    SELFCARE,
    "R9: pay another provider from the balance: ТВ и Интернет, квартплата, a mobile phone (catalog providerPayments).",
    {
      provider: oneOf("the provider (catalog providerPayments)", ["tv-internet", "utilities", "mobile"]),
      account: text("the contract number, or the phone number for a mobile phone", "77001234"),
      amount: money("how much to pay", 450),
      ...ON,
    },
  ),
  op("expenses", SELFCARE, "R14: expense detail for a period or between two dates.", {
    period: oneOf("a period ending today", ["today", "week", "month"], true, "today"),
    from: date("first day", "2026-06-01"),
    to: date("last day", "2026-06-01"),
    ...ON,
  }),
  op("packages", SELFCARE, "R4: packages left.", ON),
  op("buy-package", SELFCARE, "R4: buy a one-off package (paid from the balance).", {
    offer: catalogId("offer", "the package offer", "internet-vip"),
    ...ON,
  }),
  op("services", ALL, "R17: connected and available services.", { ...ON }),
  op("connect-service", ALL, "R17: connect a service.", {
    service: catalogId("service", "the service", "goodok"),
    ...ON,
  }),
  op("disconnect-service", ALL, "R17: disconnect a service.", {
    service: catalogId("service", "the service", "goodok"),
    ...ON,
  }),
  op("tariffs", ALL, "R6/R7: tariffs one can move to.", { ...ON }),
  op(
    "change-tariff",
    ALL,
    "R6: change the tariff: ask, see the confirmation screen, confirm. confirmed: false stops at the confirmation screen.",
    {
      tariff: catalogId("tariff", "the new tariff", "smart"),
      confirmed: yesNo("confirm on the confirmation screen", false, true, "true (the change is confirmed)"),
      ...ON,
    },
  ),
  op("block", SELFCARE, "R19: voluntary block.", ON),
  op("unblock", SELFCARE, "R19: lift the voluntary block.", ON),
  op("linked", SELFCARE, "R20: numbers linked to this one."),
  op("link-request", SELFCARE, "R20: ask to manage another number; a code goes by SMS to that number.", {
    target: msisdn("the number to manage"),
  }),
  op("link-confirm", SELFCARE, "R20: confirm the link with the code the target received.", {
    target: msisdn("the number to manage"),
    code: text("the code the target received; usually ${sms.MTS@<target>}", "${sms.MTS@79160000002}"),
  }),
  op("unlink", SELFCARE, "R20: stop managing a number.", { target: msisdn("the linked number") }),
  op("leave-link", SELFCARE, "R20: take this number out of another login's «Привязанные».", {
    owner: msisdn("the login this number is linked to"),
  }),
  op("family", SELFCARE, "R2: the «МЫ МТС» group.", ON),
  op("family-invite", SELFCARE, "R2: invite a member and share minutes, SMS and data with them.", {
    member: msisdn("the invited number"),
    minutes: whole("minutes to share", 300, 0, 100_000, true),
    sms: whole("SMS to share", 100, 0, 100_000, true),
    data: volume("mobile data to share", "5GB", true, "0"),
  }),
  op("family-remove", SELFCARE, "R2: remove a member.", { member: msisdn("the member to remove") }),
  op(
    "set-password",
    SELFCARE,
    "R23: set the permanent password: the current password (the SMS one or the permanent one), then the new one twice.",
    {
      current: text(
        "the current password: the SMS password (usually ${sms.3339}) or the permanent one",
        "${sms.3339}",
        true,
      ),
      password: text("the new password (R23: 8+ letters or digits; symbols advised)", "Parol2026"),
      confirm: text("the new password again", "Parol2026", true),
    },
  ),
  op("personal-data", SELFCARE, "R21: the subscriber's personal data.", ON),
  op("bonuses", SELFCARE, "R13: the MTS Cashback / bonus points balance.", ON),
  op("exchange-bonus", SELFCARE, "R13: exchange points for a bonus package.", {
    offer: catalogId("bonus-offer", "the bonus offer", "bonus-1gb"),
    ...ON,
  }),
  op("notifications", SELFCARE, "R16/R22: notification settings.", {
    charges: yesNo("SMS about each charge (R16)", true, true, "unchanged"),
    logins: yesNo("SMS about each login (R22)", true, true, "unchanged"),
  }),
  op("profiles", ["app"], "R20: the app's profile switcher (own and linked numbers)."),
  op("tab", ["app"], "A tab of the app.", { tab: oneOf("which tab", APP_TABS, true, "account"), ...ON }),
  op("support-chat", ["app"], "R29: a question in the «Поддержка» chat; a scripted specialist answers.", {
    text: text("the question", "Какой у меня баланс?"),
  }),
  op("support-callback", ["app"], "R29: order a callback from «Поддержка»; the confirmation comes by SMS."),
  op("start", ["kiosk"], "R27: touch the kiosk screen and enter the number."),
  op("order-code", ["kiosk"], "R27: order the kiosk code; it comes by SMS from 6262."),
  op("menu", ["kiosk"], "R27: the kiosk's main menu."),
  op("topup-cash", ["kiosk"], "R27/R9: put cash into the kiosk.", { amount: money("how much cash", 500) }),
]

/** The kiosk's `login` takes only the code from 6262. */
const KIOSK_LOGIN = op("login", ["kiosk"], "R27: log in with the code from 6262.", {
  code: text("the code from 6262; usually the placeholder ${sms.6262}", "${sms.6262}"),
})

/** Operation `name` as `channel` offers it; undefined when it does not. */
export const operationOf = (channel: WebChannel, name: string): Operation | undefined => {
  if (channel === "kiosk" && name === "login") return KIOSK_LOGIN
  const o = OPERATIONS.find((x) => x.name === name && x.channels.includes(channel))
  if (o === undefined || channel !== "kiosk") return o
  // The kiosk acts only on its own login's number.
  const { msisdn: _own, ...params } = o.params
  return { ...o, params }
}

/** Names of the operations a channel offers. */
export const operationNames = (channel: WebChannel): readonly string[] => [
  ...OPERATIONS.filter((o) => o.channels.includes(channel)).map((o) => o.name),
  ...(channel === "kiosk" ? ["login"] : []),
]

/** The `with:` mapping of an operation as one Effect Schema (for the JSON Schema and the reference). */
export const argsSchema = (o: Operation): Schema.Top =>
  Schema.Struct(
    Object.fromEntries(
      Object.entries(o.params).map(([k, p]) => [k, p.optional ? Schema.optionalKey(p.schema) : p.schema]),
    ),
  )

export interface ArgProblem {
  /** The parameter; for an unknown key, the key as written. */
  readonly key: string
  readonly kind: "unknown" | "missing" | "malformed"
  readonly message: string
  /** For a malformed value: what was written, and what is expected (type, unit, example). */
  readonly got?: string
  readonly expected?: string
}

/** A short "expected …" for a parameter: type, unit and an example. */
export const expectedOf = (p: Param): string =>
  `${p.values !== undefined ? `one of ${p.values.join(", ")}` : p.type}${p.unit !== "" ? `, ${p.unit}` : ""}; ` +
  `e.g. ${JSON.stringify(p.example)}`

/**
 * Check `args` against the operation's parameters: unknown keys, missing required ones, and
 * malformed values (the schema, then the unit). `values` are the parsed values (kopecks, MB).
 */
export const decodeArgs = (
  o: Operation,
  args: Readonly<Record<string, unknown>>,
): { readonly values: Record<string, unknown>; readonly problems: readonly ArgProblem[] } => {
  const values: Record<string, unknown> = {}
  const problems: ArgProblem[] = []
  for (const k of Object.keys(args)) {
    if (!(k in o.params)) problems.push({ key: k, kind: "unknown", message: `${o.name} has no parameter "${k}"` })
  }
  for (const [k, p] of Object.entries(o.params)) {
    const v = args[k]
    if (v === undefined) {
      if (!p.optional)
        problems.push({ key: k, kind: "missing", message: `${o.name}: "${k}" is required (${expectedOf(p)})` })
      continue
    }
    const schemaOk = Result.isSuccess(Schema.decodeUnknownResult(p.schema as Schema.Codec<unknown, unknown>)(v))
    const parsed = schemaOk ? p.parse(v) : null
    if (parsed === null) {
      const got = `${JSON.stringify(v)}${p.type === "volume" && typeof v === "number" ? " (a bare number has no unit)" : ""}`
      problems.push({
        key: k,
        kind: "malformed",
        message: `${o.name}: "${k}" is ${got}; expected ${expectedOf(p)}`,
        got,
        expected: expectedOf(p),
      })
    } else values[k] = parsed
  }
  return { values, problems }
}
