// Turn a failing journey into a regression scenario (scenarios/loader.ts): subscribers from the
// setup, then the steps up to the failing one through the network, the clock and the LK/kiosk/SMS
// channels; each step the journey saw refused is followed by `expect: { error: … }` so the
// scenario does not stop there; it ends with an `expect` that states the correct outcome of the
// failing step (its error code or acceptance, and the balances the oracle or the ledger give),
// which fails on the bug and passes once it is fixed.
import { stringify } from "yaml"
import type { Command } from "../core/domain/commands.ts"
import { DAY, HOUR, MINUTE, formatMskIso } from "../core/domain/time.ts"
import type { CatalogIndex } from "../core/catalog/load.ts"
import type { CheckerId, InvariantId, Regression } from "./invariants/types.ts"
import { sessionIdleMs } from "../core/rules/sessions.ts"
import { describeStep, type Step } from "./steps.ts"

export interface ScenarioSource {
  readonly title: string
  readonly invariant: CheckerId | "model"
  /** The rules the violated checker is about (custom checkers name their own). */
  readonly rules?: readonly string[]
  readonly message: string
  readonly seed: string
  /** The property's fast-check seed and path. */
  readonly found: string
  readonly start: number
  /** The subscribers created before the journey. */
  readonly population: ReadonlyArray<Extract<Command, { _tag: "CreateSubscriber" }>>
  /** The steps run, the failing one last. */
  readonly steps: readonly Step[]
  /** Each step's error code in the journey (null: accepted), aligned with `steps`. */
  readonly outcomes?: ReadonlyArray<string | null>
  /** The failing step's correct outcome, from the violated checker. */
  readonly regression?: Regression
  /** The catalog the journey ran on (countries a travel step may name). */
  readonly catalog?: CatalogIndex
  /** The catalog differed from the default one (the file cannot carry it; the runner prints it). */
  readonly catalogNote?: string
}

const RULES_OF: Record<InvariantId | "model", string[]> = {
  I1: ["R4", "R9", "R12"],
  I2: ["R15", "R19"],
  I3: ["R3"],
  I4: ["R2"],
  I5: ["R4"],
  I6: ["R24", "R27"],
  I7: ["R14"],
  I8: ["R8"],
  I9: ["R20"],
  model: [],
}

const rubles = (k: number): string => (k / 100).toFixed(2)
const LK_METHODS: readonly string[] = ["card", "apple-pay", "google-pay"]

export const durationText = (ms: number): string => {
  const parts: string[] = []
  let rest = ms
  for (const [unit, size] of [
    ["d", DAY],
    ["h", HOUR],
    ["m", MINUTE],
    ["s", 1000],
  ] as const) {
    const n = Math.floor(rest / size)
    if (n > 0) parts.push(`${n}${unit}`)
    rest -= n * size
  }
  if (rest > 0) parts.push(`${rest}ms`)
  return parts.join(" ") || "1s"
}

type Yaml = Record<string, unknown>

/** LK idle limit when the journey's catalog is not given (the default catalog's 20 minutes). */
const DEFAULT_IDLE_MS = 20 * MINUTE

/**
 * The scenario's own LK sessions, followed through the exported steps: the scenario clock (the
 * sum of its `advance` steps) and when each number last used its LK session. A session unused for
 * the LK idle limit has ended (R25), so the next LK step logs in again first.
 */
class LkSessions {
  private now = 0
  private readonly lastUse = new Map<string, number>()
  constructor(private readonly idleMs: number) {}
  advance(ms: number): void {
    this.now += ms
  }
  /** A login on the LK: the session starts now. */
  opened(msisdn: string): void {
    this.lastUse.set(msisdn, this.now)
  }
  /** Is `msisdn`'s session still open now (it is used, so its idle timer restarts)? */
  use(msisdn: string): boolean {
    const last = this.lastUse.get(msisdn)
    if (last === undefined || this.now - last >= this.idleMs) return false
    this.lastUse.set(msisdn, this.now)
    return true
  }
}

/** The scenario steps for one journey step, or a comment when it has no scenario form. */
const stepYaml = (s: Step, known: ReadonlySet<string>, lkSessions: LkSessions, cat?: CatalogIndex): Yaml[] | string => {
  const lk = (msisdn: string, op: string, args: Yaml = {}): Yaml[] => {
    const out: Yaml[] = []
    if (op !== "request-code" && op !== "login" && !lkSessions.use(msisdn)) {
      out.push({ lk: { msisdn, do: "request-code" } }, { lk: { msisdn, do: "login", with: { code: "${sms.3339}" } } })
      lkSessions.opened(msisdn)
    }
    out.push({ lk: Object.keys(args).length === 0 ? { msisdn, do: op } : { msisdn, do: op, with: args } })
    return out
  }
  switch (s.t) {
    case "advance":
      lkSessions.advance(s.ms)
      return [{ advance: durationText(s.ms) }]
    case "login-inbox":
      return [{ [s.channel]: { msisdn: s.msisdn, do: "login", with: { code: "${sms.3339}" } } }]
    case "kiosk-inbox":
      return [{ kiosk: { msisdn: s.msisdn, do: "login", with: { code: "${sms.6262}" } } }]
    case "link-inbox":
      return lk(s.msisdn, "link-confirm", { target: s.target, code: `\${sms.MTS@${s.target}}` })
    case "read":
      return known.has(s.by)
        ? lk(s.by, "overview", s.by === s.msisdn ? {} : { msisdn: s.msisdn })
        : "reader is not a subscriber"
    case "parity":
      return [{ ussd: { msisdn: s.msisdn, dial: "*100#" } }, { ivr: { msisdn: s.msisdn, call: "111", keys: "11" } }]
    case "http":
      return "a raw HTTP request (fuzzing)"
    case "snapshot":
      return "a store snapshot (no scenario form; does not change the state)"
    case "session":
      return "a session resumed or ended with its token (the scenario's channels keep their own sessions)"
    case "transfer-edge":
      return "a transfer at the funds edge (recorded as the transfer it became)"
    case "command":
      break
  }
  const c = s.command
  if ("msisdn" in c && !known.has(c.msisdn) && c._tag !== "CreateSubscriber") return "unknown number (refused)"
  const by = c.by ?? ("msisdn" in c ? c.msisdn : undefined)
  if (by === undefined || !known.has(by)) return "no channel form"
  const on = "msisdn" in c && c.msisdn !== by ? { msisdn: c.msisdn } : {}
  switch (c._tag) {
    case "Usage": {
      if (c.by !== undefined) return "a handset cannot send network usage (refused)"
      const u = c.usage
      const usage =
        u._tag === "data"
          ? `${u.kb}KB`
          : u._tag === "call"
            ? { to: u.to, seconds: u.seconds, direction: u.direction ?? "out" }
            : { to: u.to, count: u.count ?? 1, direction: u.direction ?? "out" }
      return [{ usage: { msisdn: c.msisdn, [u._tag]: usage } }]
    }
    case "Travel": {
      if (c.by !== undefined) return "a handset cannot move itself (refused)"
      const to = c.to.trim()
      const place = to.toLowerCase() === "home" || to.toLowerCase() === "russia" ? to.toLowerCase() : to.toUpperCase()
      if (place !== "home" && place !== "russia" && cat !== undefined && !cat.countries.has(place))
        return "a country not in the catalog (refused)"
      return [{ travel: { msisdn: c.msisdn, to: place } }]
    }
    case "SetNetwork":
      return [{ network: { msisdn: c.msisdn, mobileData: c.mobileData } }]
    // The LK takes cards and wallets only (cash and bank transfers are other channels' payments).
    case "TopUp":
      return lk(by, "topup", {
        amount: rubles(c.amount),
        ...(LK_METHODS.includes(c.method) ? { method: c.method } : {}),
        ...on,
      })
    case "PromisedPayment":
      return lk(by, "promised-payment", { ...(c.amount !== undefined ? { amount: rubles(c.amount) } : {}), ...on })
    case "Transfer":
      return lk(by, "transfer", { to: c.to, amount: rubles(c.amount), ...on })
    case "BuyPackage":
      return lk(by, "buy-package", { offer: c.offer, ...on })
    case "ExchangeBonus":
      return lk(by, "exchange-bonus", { offer: c.offer, ...on })
    case "SetAutopay":
      return lk(by, "autopay", {
        mode: c.mode,
        amount: rubles(c.amount),
        ...(c.day !== undefined ? { day: c.day } : {}),
        ...(c.threshold !== undefined ? { threshold: rubles(c.threshold) } : {}),
        ...on,
      })
    case "SetNotifications":
      return lk(by, "notifications", {
        ...(c.charges !== undefined ? { charges: c.charges } : {}),
        ...(c.logins !== undefined ? { logins: c.logins } : {}),
      })
    case "ChangeTariff":
      return lk(by, "change-tariff", { tariff: c.tariff, confirmed: c.confirmed === true, ...on })
    case "ConnectService":
      return lk(by, "connect-service", { service: c.service, ...on })
    case "DisconnectService":
      return lk(by, "disconnect-service", { service: c.service, ...on })
    case "Block":
      return lk(by, "block", on)
    case "Unblock":
      return lk(by, "unblock", on)
    case "FamilyInvite":
      return lk(by, "family-invite", { member: c.member, minutes: c.minutes, sms: c.sms, data: `${c.dataMb}MB` })
    case "FamilyRemove":
      return lk(by, "family-remove", { member: c.member })
    // «Да»/«Нет» to a short number answers the invitation (the SMS channel's consent reply).
    case "FamilyReply":
      return [{ sms: { from: c.msisdn, to: c.to ?? "111", text: c.accept ? "Да" : "Нет" } }]
    case "LinkRequest":
      return lk(by, "link-request", { target: c.target })
    case "Unlink":
      return lk(by, "unlink", { target: c.target })
    case "RequestOtp":
      return lk(c.msisdn, "request-code")
    case "Login":
      return [{ [c.channel]: { msisdn: c.msisdn, do: "login", with: { code: c.secret } } }]
    case "LoginByNetwork":
      return [{ [c.channel]: { msisdn: c.msisdn, do: "login", with: { network: true } } }]
    case "SetPassword":
      return lk(by, "set-password", { password: c.password })
    case "RequestKioskCode":
      return [{ sms: { from: c.msisdn, to: "6262", text: "" } }]
    case "KioskLogin":
      return [{ kiosk: { msisdn: c.msisdn, do: "login", with: { code: c.code } } }]
    case "CancelAutopay":
      return lk(by, "autopay", { mode: "off", ...on })
    default:
      return "no channel form"
  }
}

/** The number a step logs in on the LK, if it is an LK login. */
const lkLoginOf = (s: Step): string | undefined => {
  if (s.t === "login-inbox") return s.channel === "lk" ? s.msisdn : undefined
  if (s.t !== "command") return undefined
  const c = s.command
  return (c._tag === "Login" || c._tag === "LoginByNetwork") && c.channel === "lk" ? c.msisdn : undefined
}

export const toScenarioYaml = (src: ScenarioSource): string => {
  const known = new Set(src.population.map((p) => p.msisdn))
  const lkSessions = new LkSessions(src.catalog === undefined ? DEFAULT_IDLE_MS : sessionIdleMs(src.catalog, "lk"))
  const steps: Yaml[] = []
  const skipped: string[] = []
  const last = src.steps.length - 1
  src.steps.forEach((s, i) => {
    const y = stepYaml(s, known, lkSessions, src.catalog)
    if (typeof y === "string") {
      skipped.push(`step ${i + 1} (${y}): ${describeStep(s)}`)
      return
    }
    steps.push(...y)
    // A step the journey saw refused is refused here too; say so, or the scenario stops at it.
    const code = src.outcomes?.[i] ?? null
    const lkLogin = lkLoginOf(s)
    if (lkLogin !== undefined && code === null) lkSessions.opened(lkLogin)
    if (i !== last && code !== null) steps.push({ expect: { error: "any" } })
  })
  // The closing expectation: what the failing step should have ended in.
  const r = src.regression
  if (r?.outcome !== undefined && r.outcome !== "any")
    steps.push({ expect: r.outcome === "ok" ? { ok: true } : { error: r.outcome } })
  else if (src.outcomes?.[last] !== undefined && src.outcomes[last] !== null) steps.push({ expect: { error: "any" } })
  for (const b of r?.balances ?? [])
    if (known.has(b.msisdn)) steps.push({ expect: { msisdn: b.msisdn, balance: Number(rubles(b.balance)) } })
  const doc = {
    name: `QA regression ${src.invariant}: ${src.title}`.slice(0, 120),
    description: `Found by the QA property suite (${src.found}). ${src.message}`.slice(0, 500),
    rules: [...(src.rules ?? RULES_OF[src.invariant as InvariantId | "model"] ?? [])],
    start: formatMskIso(src.start),
    seed: src.seed,
    subscribers: src.population.map((p) => ({
      msisdn: p.msisdn,
      name: p.name,
      tariff: p.tariff,
      balance: Number(rubles(p.balance ?? 0)),
      ...(p.payment !== undefined ? { payment: p.payment } : {}),
      ...(p.creditLimit !== undefined ? { creditLimit: Number(rubles(p.creditLimit)) } : {}),
      ...(p.services !== undefined && p.services.length > 0 ? { services: [...p.services] } : {}),
    })),
    steps,
  }
  const header = [
    `# Generated by qa/ on a failing property run. Copy into scenarios/library/ as a regression scenario.`,
    `# Violation: ${src.invariant} — ${src.message}`,
    ...(src.catalogNote !== undefined ? [`# Catalog: ${src.catalogNote}`] : []),
    ...skipped.map((s) => `# not expressible as a scenario step, ${s}`),
    ...(r === undefined ? [`# ${src.invariant} gives no closing expectation; the last step is the failing one.`] : []),
  ]
  return `${header.join("\n")}\n${stringify(doc, { lineWidth: 0 })}`
}
