// Turn a failing journey into a scenario file (the scenario language of scenarios/loader.ts): subscribers from
// the setup, then the steps through the network, the clock and the LK/kiosk channels, with the
// violated invariant as a comment and, where it can be said as an expectation, as `expect`.
import { stringify } from "yaml"
import type { Command } from "../core/domain/commands.ts"
import { DAY, HOUR, MINUTE, formatMskIso } from "../core/domain/time.ts"
import type { InvariantId } from "./invariants/types.ts"
import { describeStep, type Step } from "./steps.ts"

export interface ScenarioSource {
  readonly title: string
  readonly invariant: InvariantId | "model"
  readonly message: string
  readonly seed: string
  /** The property's fast-check seed and path. */
  readonly found: string
  readonly start: number
  /** The subscribers created before the journey. */
  readonly population: ReadonlyArray<Extract<Command, { _tag: "CreateSubscriber" }>>
  /** The steps run, the failing one last. */
  readonly steps: readonly Step[]
  /** For I1: the balances the log says each number should have, kopecks. */
  readonly expectBalances?: ReadonlyArray<{ msisdn: string; balance: number }>
  /** The catalog differed from the default one (the file cannot carry it; the runner prints it). */
  readonly catalogNote?: string
}

const RULES_OF: Record<InvariantId | "model", string[]> = {
  I1: ["R4", "R9", "R12"], I2: ["R15", "R19"], I3: ["R3"], I4: ["R2"], I5: ["R4"], I6: ["R24", "R27"], I7: ["R14"], I8: ["R8"], I9: ["R20"], model: [],
}

const rubles = (k: number): string => (k / 100).toFixed(2)
const LK_METHODS: readonly string[] = ["card", "apple-pay", "google-pay"]

export const durationText = (ms: number): string => {
  const parts: string[] = []
  let rest = ms
  for (const [unit, size] of [["d", DAY], ["h", HOUR], ["m", MINUTE], ["s", 1000]] as const) {
    const n = Math.floor(rest / size)
    if (n > 0) parts.push(`${n}${unit}`)
    rest -= n * size
  }
  if (rest > 0) parts.push(`${rest}ms`)
  return parts.join(" ") || "1s"
}

type Yaml = Record<string, unknown>

/** The scenario steps for one journey step, or a comment when it has no scenario form. */
const stepYaml = (s: Step, known: ReadonlySet<string>, loggedIn: Set<string>): Yaml[] | string => {
  const lk = (msisdn: string, op: string, args: Yaml = {}): Yaml[] => {
    const out: Yaml[] = []
    if (op !== "request-code" && op !== "login" && !loggedIn.has(msisdn)) {
      out.push({ lk: { msisdn, do: "request-code" } }, { lk: { msisdn, do: "login", with: { code: "${sms.3339}" } } })
      loggedIn.add(msisdn)
    }
    out.push({ lk: Object.keys(args).length === 0 ? { msisdn, do: op } : { msisdn, do: op, with: args } })
    return out
  }
  switch (s.t) {
    case "advance": return [{ advance: durationText(s.ms) }]
    case "login-inbox": loggedIn.add(s.msisdn); return [{ [s.channel]: { msisdn: s.msisdn, do: "login", with: { code: "${sms.3339}" } } }]
    case "kiosk-inbox": return [{ kiosk: { msisdn: s.msisdn, do: "login", with: { code: "${sms.6262}" } } }]
    case "link-inbox": return lk(s.msisdn, "link-confirm", { target: s.target, code: `\${sms.MTS@${s.target}}` })
    case "read": return known.has(s.by) ? lk(s.by, "overview", s.by === s.msisdn ? {} : { msisdn: s.msisdn }) : "reader is not a subscriber"
    case "parity": return [{ ussd: { msisdn: s.msisdn, dial: "*100#" } }, { ivr: { msisdn: s.msisdn, call: "111", keys: "11" } }]
    case "http": return "a raw HTTP request (fuzzing)"
    case "snapshot": return "a store snapshot (no scenario form; does not change the state)"
    case "command": break
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
      const usage = u._tag === "data" ? `${u.kb}KB` : u._tag === "call"
        ? { to: u.to, seconds: u.seconds, direction: u.direction ?? "out" }
        : { to: u.to, count: u.count ?? 1, direction: u.direction ?? "out" }
      return [{ usage: { msisdn: c.msisdn, [u._tag]: usage } }]
    }
    case "Travel": return c.by !== undefined ? "a handset cannot move itself (refused)" : [{ travel: { msisdn: c.msisdn, to: c.to } }]
    case "SetNetwork": return [{ network: { msisdn: c.msisdn, mobileData: c.mobileData } }]
    // The LK takes cards and wallets only (cash and bank transfers are other channels' payments).
    case "TopUp": return lk(by, "topup", { amount: rubles(c.amount), ...(LK_METHODS.includes(c.method) ? { method: c.method } : {}), ...on })
    case "PromisedPayment": return lk(by, "promised-payment", { ...(c.amount !== undefined ? { amount: rubles(c.amount) } : {}), ...on })
    case "Transfer": return lk(by, "transfer", { to: c.to, amount: rubles(c.amount), ...on })
    case "BuyPackage": return lk(by, "buy-package", { offer: c.offer, ...on })
    case "ExchangeBonus": return lk(by, "exchange-bonus", { offer: c.offer, ...on })
    case "SetAutopay": return lk(by, "autopay", { mode: c.mode, amount: rubles(c.amount), ...(c.day !== undefined ? { day: c.day } : {}), ...(c.threshold !== undefined ? { threshold: rubles(c.threshold) } : {}), ...on })
    case "SetNotifications": return lk(by, "notifications", { ...(c.charges !== undefined ? { charges: c.charges } : {}), ...(c.logins !== undefined ? { logins: c.logins } : {}) })
    case "ChangeTariff": return lk(by, "change-tariff", { tariff: c.tariff, confirmed: c.confirmed === true, ...on })
    case "ConnectService": return lk(by, "connect-service", { service: c.service, ...on })
    case "DisconnectService": return lk(by, "disconnect-service", { service: c.service, ...on })
    case "Block": return lk(by, "block", on)
    case "Unblock": return lk(by, "unblock", on)
    case "FamilyInvite": return lk(by, "family-invite", { member: c.member, minutes: c.minutes, sms: c.sms, data: `${c.dataMb}MB` })
    case "FamilyRemove": return lk(by, "family-remove", { member: c.member })
    case "FamilyReply": return [{ sms: { from: c.msisdn, to: c.to ?? "111", text: c.accept ? "Да" : "Нет" } }]
    case "LinkRequest": return lk(by, "link-request", { target: c.target })
    case "Unlink": return lk(by, "unlink", { target: c.target })
    case "RequestOtp": return lk(c.msisdn, "request-code")
    case "Login": return [{ [c.channel]: { msisdn: c.msisdn, do: "login", with: { code: c.secret } } }]
    case "LoginByNetwork": return [{ [c.channel]: { msisdn: c.msisdn, do: "login", with: { network: true } } }]
    case "SetPassword": return lk(by, "set-password", { password: c.password })
    case "RequestKioskCode": return [{ sms: { from: c.msisdn, to: "6262", text: "" } }]
    case "KioskLogin": return [{ kiosk: { msisdn: c.msisdn, do: "login", with: { code: c.code } } }]
    default: return "no channel form"
  }
}

export const toScenarioYaml = (src: ScenarioSource): string => {
  const known = new Set(src.population.map((p) => p.msisdn))
  const loggedIn = new Set<string>()
  const steps: Yaml[] = []
  const skipped: string[] = []
  src.steps.forEach((s, i) => {
    const y = stepYaml(s, known, loggedIn)
    if (typeof y === "string") skipped.push(`step ${i + 1} (${y}): ${describeStep(s)}`)
    else steps.push(...y)
  })
  for (const b of src.expectBalances ?? []) steps.push({ expect: { msisdn: b.msisdn, balance: Number(rubles(b.balance)) } })
  const doc = {
    name: `QA regression ${src.invariant}: ${src.title}`.slice(0, 120),
    description: `Found by the QA property suite (${src.found}). ${src.message}`.slice(0, 500),
    rules: RULES_OF[src.invariant],
    start: formatMskIso(src.start),
    seed: src.seed,
    subscribers: src.population.map((p) => ({
      msisdn: p.msisdn, name: p.name, tariff: p.tariff, balance: Number(rubles(p.balance ?? 0)),
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
  ]
  return `${header.join("\n")}\n${stringify(doc, { lineWidth: 0 })}`
}
