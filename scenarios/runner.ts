// Running one scenario against a twin over HTTP: set up the subscribers through the control API,
// then play the steps (network and clock through the control API, channels through the drivers)
// and check every `expect`. Stops at the first failing step; everything is recorded for reports.
import type { ChannelReply, Fetcher } from "../channels/driver.ts"
import { formatRub } from "../core/domain/money.ts"
import { formatMskIso } from "../core/domain/time.ts"
import { ControlClient, type EventRow } from "./client.ts"
import { makeDrivers, type Drivers } from "./drivers.ts"
import { checkExpect, type Failure, type LastAction, type ReplyRecord } from "./expect.ts"
import type { Bound, Channel, Expect, Pos, Scenario, Step, SubscriberSpec, TextMatch } from "./model.ts"
import { resolveArgs, resolveTemplates } from "./templates.ts"

export type StepStatus = "passed" | "failed" | "not-run"

export interface StepRecord {
  readonly index: number
  readonly pos: Pos | null
  /** Twin time when the step ran (after it, for advance). */
  readonly at: number
  readonly kind: "setup" | Step["_tag"] | Channel
  readonly msisdn: string | null
  readonly sent: string
  readonly answer: string
  readonly accepted: boolean
  readonly errorCode: string | null
  readonly status: StepStatus
  readonly failures: readonly Failure[]
  readonly note?: string
}

export interface BalanceSample { readonly at: number; readonly step: number; readonly balances: Readonly<Record<string, number>> }

export interface ScenarioResult {
  readonly file: string
  readonly name: string
  readonly rules: readonly string[]
  readonly seed: string
  readonly start: string
  readonly twinId: string
  readonly passed: boolean
  readonly steps: readonly StepRecord[]
  /** Set when the run could not go on for a reason outside the expectations (setup, transport). */
  readonly crash: string | null
  readonly finalHash: string | null
  readonly subscribers: readonly { readonly msisdn: string; readonly name: string }[]
  readonly balances: readonly BalanceSample[]
  readonly events: readonly EventRow[]
  /** Wall-clock duration of the run, for JUnit only. */
  readonly wallMs: number
}

export interface RunTarget {
  readonly fetcher: Fetcher
  readonly twinId: string
  /** Called once the run is over (e.g. to close an in-process registry). */
  readonly dispose?: () => void
}

const reply = (r: ChannelReply): { accepted: boolean; code: string | null; answer: string; message: string } => ({
  accepted: r.ok,
  code: r.error?.code ?? null,
  answer: r.text,
  message: r.error?.message ?? "",
})

class Refused extends Error {}

/** Commands that set up one subscriber, in order. */
const setupCommands = (s: SubscriberSpec): Array<{ _tag: string } & Record<string, unknown>> => {
  const cmds: Array<{ _tag: string } & Record<string, unknown>> = [{
    _tag: "CreateSubscriber", msisdn: s.msisdn, name: s.name, tariff: s.tariff, payment: s.payment, balance: s.balance,
    ...(s.services.length > 0 ? { services: [...s.services] } : {}),
    ...(s.creditLimit !== undefined ? { creditLimit: s.creditLimit } : {}),
    ...(s.passport !== undefined ? { passport: s.passport } : {}),
    ...(s.birthDate !== undefined ? { birthDate: s.birthDate } : {}),
    ...(s.region !== undefined ? { region: s.region } : {}),
    ...(s.bonus !== undefined ? { bonus: s.bonus } : {}),
    ...(s.avgMonthlySpend !== undefined ? { avgMonthlySpend: s.avgMonthlySpend } : {}),
  }]
  for (const p of s.packages) cmds.push({ _tag: "BuyPackage", msisdn: s.msisdn, offer: p })
  if (s.notifications !== undefined) cmds.push({ _tag: "SetNotifications", msisdn: s.msisdn, ...s.notifications })
  if (s.autopay !== undefined) cmds.push({ _tag: "SetAutopay", msisdn: s.msisdn, ...s.autopay })
  return cmds
}

export const runScenario = async (sc: Scenario, target: RunTarget): Promise<ScenarioResult> => {
  const wall0 = performance.now()
  const client = new ControlClient(target.fetcher, "http://twin.local", target.twinId)
  const steps: StepRecord[] = []
  const balances: BalanceSample[] = []
  const replies: ReplyRecord[] = []
  let lastAction: LastAction | null = null
  let crash: string | null = null
  let now = sc.startAt
  let finalHash: string | null = null
  let events: EventRow[] = []

  const sample = async (step: number): Promise<void> => {
    const rows = await client.subscribers()
    balances.push({ at: now, step, balances: Object.fromEntries(rows.map((r) => [r.msisdn, r.balance])) })
  }

  const mustCommand = async (cmd: { _tag: string } & Record<string, unknown>): Promise<unknown> => {
    const r = await client.command(cmd)
    if (!r.ok) throw new Refused(`${cmd._tag}${typeof cmd.msisdn === "string" ? ` ${cmd.msisdn}` : ""}: ${r.error?.code ?? r.status} ${r.error?.message ?? ""}`)
    return r.body?.value
  }

  try {
    const info = await client.create(sc.seed, sc.start)
    now = info.now
    // Setup: payment cards, subscribers, then links and family groups (they need every number).
    const log: string[] = []
    for (const c of sc.paymentCards) {
      await mustCommand({ _tag: "IssuePaymentCard", code: c.code, amount: c.amount })
      log.push(`карта оплаты ${c.code}`)
    }
    for (const s of sc.subscribers) {
      for (const c of setupCommands(s)) await mustCommand(c)
      log.push(`${s.msisdn} ${s.name}, ${s.tariff}`)
    }
    for (const s of sc.subscribers) {
      for (const target of s.linked) {
        await mustCommand({ _tag: "LinkRequest", msisdn: s.msisdn, target })
        const code = await resolveTemplates(`\${sms.*@${target}}`, target, (m) => client.inbox(m))
        await mustCommand({ _tag: "LinkConfirm", msisdn: s.msisdn, target, code })
        log.push(`${s.msisdn} управляет ${target}`)
      }
      for (const f of s.family) {
        await mustCommand({ _tag: "FamilyInvite", msisdn: s.msisdn, member: f.msisdn, minutes: f.minutes, sms: f.sms, dataMb: f.dataMb })
        await mustCommand({ _tag: "FamilyReply", msisdn: f.msisdn, accept: true })
        log.push(`${f.msisdn} в группе «МЫ МТС» ${s.msisdn}`)
      }
    }
    steps.push({ index: 0, pos: null, at: now, kind: "setup", msisdn: null, sent: log.join("; "), answer: "", accepted: true, errorCode: null, status: "passed", failures: [] })
    await sample(0)
  } catch (e) {
    crash = `setup failed: ${e instanceof Error ? e.message : String(e)}`
  }

  let drivers: Drivers | null = null
  const needDrivers = (): Drivers => (drivers ??= makeDrivers(target.fetcher, target.twinId))

  let stopped = crash !== null
  for (const [i, st] of sc.steps.entries()) {
    const index = i + 1
    const base = { index, pos: st.pos, ...(st.comment !== undefined ? { note: st.comment } : {}) }
    if (stopped) {
      steps.push({ ...base, at: now, kind: kindOf(st), msisdn: msisdnOf(st), sent: describe(st), answer: "", accepted: false, errorCode: null, status: "not-run", failures: [] })
      continue
    }
    const next = sc.steps[i + 1]
    const refusalExpected = next !== undefined && next._tag === "expect" && (next.expect.error !== undefined || next.expect.ok === false)
    try {
      if (st._tag === "expect") {
        const failures = await checkExpect(st.expect, { client, replies, lastAction })
        steps.push({ ...base, at: now, kind: "expect", msisdn: st.expect.msisdn ?? null, sent: describe(st), answer: "", accepted: true, errorCode: null, status: failures.length === 0 ? "passed" : "failed", failures })
        if (failures.length > 0) stopped = true
        continue
      }
      const out = await act(st, client, needDrivers, replies)
      if (out.at !== null) now = out.at
      lastAction = { kind: kindOf(st), ok: out.accepted, code: out.code, message: out.message }
      const failures: Failure[] = []
      if (!out.accepted && !refusalExpected) {
        failures.push({ what: `${kindOf(st)} refused`, expected: "accepted (or add `- expect: { error: CODE }` right after a step that must be refused)", actual: `${out.code ?? "error"}: ${out.message || out.answer}` })
      }
      steps.push({ ...base, at: now, kind: kindOf(st), msisdn: msisdnOf(st), sent: out.sent, answer: out.answer, accepted: out.accepted, errorCode: out.code, status: failures.length === 0 ? "passed" : "failed", failures })
      if (failures.length > 0) stopped = true
      await sample(index)
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e)
      steps.push({ ...base, at: now, kind: kindOf(st), msisdn: msisdnOf(st), sent: describe(st), answer: "", accepted: false, errorCode: null, status: "failed", failures: [{ what: kindOf(st), expected: "the step runs", actual: msg }] })
      stopped = true
    }
  }
  try {
    const info = await client.info()
    finalHash = info.hash
    now = info.now
    events = await client.events()
  } catch (e) {
    crash ??= `reading the final state failed: ${e instanceof Error ? e.message : String(e)}`
  }
  target.dispose?.()
  const passed = crash === null && steps.every((s) => s.status === "passed")
  return {
    file: sc.file, name: sc.name, rules: sc.rules, seed: sc.seed, start: sc.start, twinId: target.twinId, passed, steps, crash, finalHash,
    subscribers: sc.subscribers.map((s) => ({ msisdn: s.msisdn, name: s.name })), balances, events, wallMs: Math.round(performance.now() - wall0),
  }
}

interface ActOutcome { sent: string; answer: string; accepted: boolean; code: string | null; message: string; at: number | null }

const act = async (st: Step, client: ControlClient, needDrivers: () => Drivers, replies: ReplyRecord[]): Promise<ActOutcome> => {
  const cmd = async (sent: string, c: { _tag: string } & Record<string, unknown>): Promise<ActOutcome> => {
    const r = await client.command(c)
    const events = r.body?.events ?? []
    return { sent, answer: events.map((e) => e.type).join(", "), accepted: r.ok, code: r.error?.code ?? null, message: r.error?.message ?? "", at: null }
  }
  const channel = async (ch: Channel, msisdn: string, sent: string, run: (d: Drivers) => Promise<ChannelReply>): Promise<ActOutcome> => {
    const r = await run(needDrivers())
    replies.push({ msisdn, channel: ch, reply: r })
    const o = reply(r)
    return { sent, answer: o.answer, accepted: o.accepted, code: o.code, message: o.message, at: null }
  }
  const inbox = (m: string) => client.inbox(m)
  switch (st._tag) {
    case "advance": {
      const a = st.advance
      const r = await client.advance("by" in a ? { by: a.text } : "months" in a ? { months: a.months } : { to: a.to })
      if (!r.ok || r.body === null) return { sent: a.text, answer: "", accepted: false, code: r.error?.code ?? null, message: r.error?.message ?? "", at: null }
      return { sent: a.text, answer: `заданий: ${r.body.jobs}, событий: ${r.body.events}`, accepted: true, code: null, message: "", at: r.body.now }
    }
    case "travel":
      return cmd(st.to === "home" ? "домой" : st.to, { _tag: "Travel", msisdn: st.msisdn, to: st.to })
    case "network":
      return cmd(st.mobileData ? "мобильный интернет МТС: вкл." : "мобильный интернет МТС: выкл.", { _tag: "SetNetwork", msisdn: st.msisdn, mobileData: st.mobileData })
    case "usage":
      return cmd(st.text, { _tag: "Usage", msisdn: st.msisdn, usage: { ...st.usage } })
    case "ussd": {
      if (st.dial !== undefined) {
        const code = st.dial
        return channel("ussd", st.msisdn, code, (d) => d.telephony.ussdDial(st.msisdn, code))
      }
      const text = await resolveTemplates(st.reply ?? "", st.msisdn, inbox)
      return channel("ussd", st.msisdn, text, (d) => d.telephony.ussdReply(st.msisdn, text))
    }
    case "sms": {
      const text = await resolveTemplates(st.text, st.from, inbox)
      return channel("sms", st.from, `→ ${st.to}: ${text === "" ? "(пустое SMS)" : text}`, (d) => d.telephony.smsSend(st.from, st.to, text))
    }
    case "ivr": {
      const keys = await resolveTemplates(st.keys, st.msisdn, inbox)
      return channel("ivr", st.msisdn, `☎ ${st.call}${keys === "" ? "" : `, клавиши ${keys}`}`, (d) => d.telephony.ivrCall(st.msisdn, st.call, keys))
    }
    case "web": {
      const args = await resolveArgs(st.args, st.msisdn, inbox)
      const shown = Object.keys(args).length === 0 ? "" : ` ${JSON.stringify(args)}`
      return channel(st.channel, st.msisdn, `${st.op}${shown}`, (d) => d.web[st.channel].perform(st.msisdn, st.op, args))
    }
    case "expect":
      return { sent: "", answer: "", accepted: true, code: null, message: "", at: null }
  }
}

const kindOf = (st: Step): StepRecord["kind"] => (st._tag === "web" ? st.channel : st._tag)

const msisdnOf = (st: Step): string | null => {
  switch (st._tag) {
    case "advance": return null
    case "sms": return st.from
    case "expect": return st.expect.msisdn ?? null
    default: return st.msisdn
  }
}

/** A one-line description of a step as written (for steps that did not run, and for expects). */
export const describe = (st: Step): string => {
  switch (st._tag) {
    case "advance": return st.advance.text
    case "travel": return st.to
    case "network": return `mobileData: ${st.mobileData}`
    case "usage": return st.text
    case "ussd": return st.dial ?? st.reply ?? ""
    case "sms": return `→ ${st.to}: ${st.text}`
    case "ivr": return `☎ ${st.call} ${st.keys}`
    case "web": return `${st.op} ${JSON.stringify(st.args)}`
    case "expect":
      return describeExpect(st.expect)
  }
}

const money = (k: number): string => formatRub(k).replace(/\u00a0/g, " ")
const bound = (b: Bound, show: (n: number) => string = String): string =>
  "eq" in b ? show(b.eq) : [b.min !== undefined ? `≥${show(b.min)}` : "", b.max !== undefined ? `≤${show(b.max)}` : ""].filter((x) => x !== "").join(" ")
const text = (m: TextMatch): string =>
  [...m.contains.map((c) => `∋ «${c}»`), ...m.lacks.map((c) => `∌ «${c}»`), ...(m.matches !== undefined ? [`~ /${m.matches.source}/`] : [])].join(" ")

/** An expectation as one readable line, money in rubles. */
export const describeExpect = (e: Expect): string => {
  const parts: string[] = []
  if (e.balance !== undefined) parts.push(`баланс ${bound(e.balance, money)}`)
  if (e.tariff !== undefined) parts.push(`тариф ${e.tariff}`)
  if (e.status !== undefined) parts.push(`статус ${e.status}`)
  if (e.location !== undefined) parts.push(`где ${e.location}`)
  if (e.services !== undefined) parts.push(`услуги ${[...e.services.has.map((x) => `+${x}`), ...e.services.lacks.map((x) => `−${x}`)].join(" ")}`)
  if (e.linked !== undefined) parts.push(`привязаны ${[...e.linked.has.map((x) => `+${x}`), ...e.linked.lacks.map((x) => `−${x}`)].join(" ")}`)
  for (const p of e.packages ?? []) parts.push(`пакет ${p.key} ${bound(p.left)}`)
  for (const c of e.charges ?? []) {
    const what = [c.service, c.reason].filter((x) => x !== undefined).join("/") || "все"
    parts.push(`списания ${what}${c.count ? ` ×${bound(c.count)}` : ""}${c.total ? ` Σ${bound(c.total, money)}` : ""}${c.last !== undefined ? ` последнее ${money(c.last)}` : ""}`)
  }
  for (const q of e.inbox ?? []) parts.push(`SMS${q.from !== undefined ? ` от ${q.from}` : ""}${q.contains !== undefined ? ` ∋ «${q.contains}»` : ""}${q.count ? ` ×${bound(q.count)}` : ""}`)
  for (const q of e.events ?? []) parts.push(`события ${q.type} ×${bound(q.count)}`)
  if (e.screen !== undefined) parts.push(`экран ${text(e.screen)}`)
  if (e.prompt !== undefined) parts.push(`IVR ${text(e.prompt)}`)
  if (e.reply !== undefined) parts.push(`ответ ${text(e.reply)}`)
  if (e.end !== undefined) parts.push(e.end ? "сессия завершена" : "сессия продолжается")
  if (e.error !== undefined) parts.push(`отказ ${e.error}`)
  if (e.ok !== undefined) parts.push(e.ok ? "принято" : "отказ")
  if (e.family !== undefined) parts.push(`семья ${e.family.role ?? ""}${e.family.members ? ` участников ${bound(e.family.members)}` : ""}${e.family.active ? ` активных ${bound(e.family.active)}` : ""}`)
  if (e.promised !== undefined) parts.push(e.promised ? "обещанный платеж открыт" : "обещанного платежа нет")
  if (e.bonus !== undefined) parts.push(`баллы ${bound(e.bonus)}`)
  if (e.lkLocked !== undefined) parts.push(`вход в ЛК ${e.lkLocked ? "заблокирован" : "открыт"}`)
  if (e.kioskLocked !== undefined) parts.push(`терминал ${e.kioskLocked ? "заблокирован" : "открыт"}`)
  if (e.autopay !== undefined) parts.push(`автоплатеж ${e.autopay}`)
  return parts.join("; ")
}

export const twinTime = (at: number): string => formatMskIso(at).replace("T", " ").replace(/:\d\d\+03:00$/, "")
