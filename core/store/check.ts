// What an event read back from the log must look like (TigerBeetle-style assertions on replay):
// its type is known, every field of its type (core/domain/events.ts) has the right kind, and its
// seq is the next one. A log that fails stops the read loudly, naming the twin, the seq and the
// field, instead of folding a broken event into the state. The checks read a few properties per
// event and allocate nothing unless they fail.
import type { Event, EventType } from "../domain/events.ts"

/**
 * Kinds of field: "str" text, "num" a finite number, "int" a safe integer (kopecks, instants,
 * counts), "bool", "list" an array, "obj" an object, "obj|null"; a trailing "?" marks a field that
 * logs written before may lack.
 */
type Kind = "str" | "num" | "int" | "bool" | "list" | "obj" | "obj|null"
type FieldKind = Kind | `${Kind}?`

/** Every field of an event type but those all events share (type, seq, at). */
type FieldsOf<T extends EventType> = Exclude<keyof Extract<Event, { type: T }>, "type" | "seq" | "at">

/** The shape of each event type: one entry per field, so the table fails to compile when events.ts changes. */
const SHAPES = {
  SubscriberCreated: {
    msisdn: "str",
    name: "str",
    passport: "str",
    birthDate: "str",
    region: "str",
    tariff: "str",
    payment: "str",
    creditLimit: "int",
    balance: "int",
    bonus: "num",
    services: "list",
    packages: "list",
    renewAt: "int",
    avgMonthlySpend: "num",
    constructorChoice: "obj|null",
    rng: "int?",
  },
  UsageRated: {
    msisdn: "str",
    kind: "str",
    direction: "str",
    peer: "str",
    where: "str",
    volume: "num",
    units: "num",
    draws: "list",
    cost: "int",
  },
  UsageCut: { msisdn: "str", kind: "str", direction: "str", peer: "str", where: "str", volume: "num", units: "num" },
  Money: { msisdn: "str", amount: "int", reason: "str", ref: "str" },
  Travelled: { msisdn: "str", to: "str" },
  NetworkSet: { msisdn: "str", mobileData: "bool" },
  PeriodRenewed: { msisdn: "str", renewAt: "int", packages: "list", charged: "bool", renewDay: "int?" },
  TariffChanged: {
    msisdn: "str",
    from: "str",
    to: "str",
    renewAt: "int",
    packages: "list",
    services: "list",
    constructorChoice: "obj|null",
  },
  ConstructorSet: { msisdn: "str", minutes: "num", dataGb: "num", packages: "list" },
  ServiceConnected: { msisdn: "str", service: "str" },
  ServiceDisconnected: { msisdn: "str", service: "str" },
  PackageAdded: { msisdn: "str", pkg: "obj" },
  PackageExpired: { msisdn: "str", pkgId: "str" },
  BlockSet: { msisdn: "str", blocked: "bool", via: "str" },
  PromisedOpened: { msisdn: "str", amount: "int", fee: "int", dueAt: "int" },
  PromisedClosed: { msisdn: "str" },
  AutopaySet: { msisdn: "str", autopay: "obj|null" },
  NotificationsSet: { msisdn: "str", charges: "bool", logins: "bool" },
  BonusSpent: { msisdn: "str", points: "num", offer: "str" },
  FamilyInvited: { owner: "str", member: "str", shares: "obj", expiresAt: "int" },
  FamilyJoined: { owner: "str", member: "str", prevTariff: "str", ownerPackages: "list", memberPackages: "list" },
  FamilyDeclined: { owner: "str", member: "str", reason: "str" },
  FamilyRemoved: {
    owner: "str",
    member: "str",
    restoredTariff: "str",
    ownerPackages: "list",
    memberPackages: "list",
  },
  LinkRequested: { msisdn: "str", target: "str", hash: "str", salt: "str", expiresAt: "int", rng: "int" },
  LinkConfirmed: { msisdn: "str", target: "str" },
  LinkFailed: { msisdn: "str", target: "str", failures: "int?", voided: "bool?", lockedUntil: "int?" },
  Unlinked: { msisdn: "str", target: "str" },
  OtpIssued: { msisdn: "str", hash: "str", salt: "str", expiresAt: "int", rng: "int" },
  LoginSucceeded: { msisdn: "str", channel: "str", method: "str", tokenHash: "str", rng: "int" },
  LoginFailed: { msisdn: "str", failures: "int", locked: "bool" },
  PasswordSet: { msisdn: "str", hash: "str", salt: "str", rng: "int" },
  SessionTouched: { tokenHash: "str" },
  SessionEnded: { tokenHash: "str", reason: "str" },
  KioskCodeIssued: { msisdn: "str", hash: "str", salt: "str", rng: "int" },
  KioskLogin: { msisdn: "str", ok: "bool", failures: "int", lockedUntil: "int", session: "obj?" },
  SmsDelivered: {
    msisdn: "str",
    from: "str",
    text: "str",
    segments: "int",
    encoding: "str",
    code: "obj?",
  },
  PaymentCardIssued: { hash: "str", amount: "int" },
  PaymentCardUsed: { hash: "str", msisdn: "str" },
  ClockSet: { to: "int", nextDaily: "int" },
} as const satisfies { readonly [T in EventType]: { readonly [K in FieldsOf<T>]-?: FieldKind } }

/** A field to check: its name, its kind, and whether an older log may lack it. */
interface Field {
  readonly name: string
  readonly kind: Kind
  readonly optional: boolean
}

/** The table as arrays (built once), so a check is a plain loop. */
const FIELDS = new Map<string, readonly Field[]>(
  Object.entries(SHAPES).map(([type, fields]) => [
    type,
    Object.entries(fields).map(([name, k]: [string, FieldKind]) => ({
      name,
      kind: k.replace("?", "") as Kind,
      optional: k.endsWith("?"),
    })),
  ]),
)

/** A log that cannot be read as it was written: the twin, the seq and the field at fault. */
export class LogCorruptError extends Error {
  override readonly name = "LogCorruptError"
  constructor(
    readonly twin: string,
    readonly seq: number,
    readonly field: string,
    readonly reason: string,
  ) {
    super(`event log of twin "${twin}" is corrupt at seq ${seq}: ${field} ${reason}`)
  }
}

const fits = (v: unknown, kind: Kind): boolean => {
  switch (kind) {
    case "str":
      return typeof v === "string"
    case "num":
      return typeof v === "number" && Number.isFinite(v)
    case "int":
      return Number.isSafeInteger(v)
    case "bool":
      return typeof v === "boolean"
    case "list":
      return Array.isArray(v)
    case "obj":
      return typeof v === "object" && v !== null && !Array.isArray(v)
    case "obj|null":
      return v === null || (typeof v === "object" && !Array.isArray(v))
  }
}

const KIND_WORDS: Record<Kind, string> = {
  str: "text",
  num: "a finite number",
  int: "a whole number",
  bool: "true or false",
  list: "a list",
  obj: "an object",
  "obj|null": "an object or null",
}

const shown = (v: unknown): string => {
  const s = v === undefined ? "nothing" : JSON.stringify(v)
  return s.length > 60 ? `${s.slice(0, 57)}...` : s
}

/**
 * Check an event read from twin `twin`'s log where seq `seq` is due; throws LogCorruptError.
 * (`e` is what the codec decoded: typed as an Event, but only this check makes it one.)
 */
export const checkEvent = (twin: string, e: Event, seq: number): void => {
  // Rated usage, nine events in ten: its fields read by name (the table's loop is the general case,
  // and the one that names a field when this test fails).
  if (
    e.type === "UsageRated" &&
    e.seq === seq &&
    Number.isSafeInteger(e.at) &&
    typeof e.msisdn === "string" &&
    typeof e.kind === "string" &&
    typeof e.direction === "string" &&
    typeof e.peer === "string" &&
    typeof e.where === "string" &&
    Number.isFinite(e.volume) &&
    Number.isFinite(e.units) &&
    Array.isArray(e.draws) &&
    Number.isSafeInteger(e.cost)
  )
    return
  const fields = FIELDS.get(e.type)
  if (fields === undefined) throw new LogCorruptError(twin, seq, "type", `is not an event type (got ${shown(e.type)})`)
  if (e.seq !== seq)
    throw new LogCorruptError(
      twin,
      seq,
      "seq",
      typeof e.seq === "number" && Number.isSafeInteger(e.seq) && e.seq > seq
        ? `jumps to ${e.seq}: events ${seq}..${e.seq - 1} are missing`
        : `is out of order (got ${shown(e.seq)})`,
    )
  if (!Number.isSafeInteger(e.at)) throw new LogCorruptError(twin, seq, `${e.type}.at`, `is not ${KIND_WORDS.int}`)
  const rec = e as unknown as Record<string, unknown>
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i] as Field
    const v = rec[f.name]
    if (fits(v, f.kind) || (f.optional && v === undefined)) continue
    throw new LogCorruptError(twin, seq, `${e.type}.${f.name}`, `is not ${KIND_WORDS[f.kind]} (got ${shown(v)})`)
  }
}
