// Running one scenario against a twin over HTTP: set up the subscribers through the control API,
// then play the steps (network and clock through the control API, channels through the drivers)
// and check every `expect`. Stops at the first failing step (unless keepGoing); everything is
// recorded for reports.
// One execution path: `openScenario` plays a scenario step by step (the trainer console's player),
// and `runScenario` is `openScenario(...).runAll()`.
import type { ChannelReply, Fetcher } from "../channels/driver.ts"
import { formatRub } from "../core/domain/money.ts"
import { formatMskIso } from "../core/domain/time.ts"
import { ControlClient, eventRu, type EventRow } from "./client.ts"
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
  /** The events this step caused: sequence numbers after `from` up to `to` (absent when it caused none or did not run). */
  readonly events?: { readonly from: number; readonly to: number }
}

export interface BalanceSample {
  readonly at: number
  readonly step: number
  readonly balances: Readonly<Record<string, number>>
}

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

/**
 * How `subscribers:` is put in place. "state" (the default): exactly as declared, no charge and
 * no SMS (packages, links and family members by the control API's Setup commands). "traffic":
 * replayed as a subscriber would do it (packages bought, links confirmed by code, invitations
 * answered «Да»), with the charges and messages that brings.
 */
export type SetupMode = "state" | "traffic"

export interface OpenOptions {
  readonly setup?: SetupMode
  /** Run every step even after a failing check, reporting every failure (twin run --keep-going). */
  readonly keepGoing?: boolean
}

/** Commands that set up one subscriber, in order. */
const setupCommands = (s: SubscriberSpec, mode: SetupMode): Array<{ _tag: string } & Record<string, unknown>> => {
  const cmds: Array<{ _tag: string } & Record<string, unknown>> = [
    {
      _tag: "CreateSubscriber",
      msisdn: s.msisdn,
      name: s.name,
      tariff: s.tariff,
      payment: s.payment,
      balance: s.balance,
      ...(s.services.length > 0 ? { services: [...s.services] } : {}),
      ...(s.creditLimit !== undefined ? { creditLimit: s.creditLimit } : {}),
      ...(s.passport !== undefined ? { passport: s.passport } : {}),
      ...(s.birthDate !== undefined ? { birthDate: s.birthDate } : {}),
      ...(s.region !== undefined ? { region: s.region } : {}),
      ...(s.bonus !== undefined ? { bonus: s.bonus } : {}),
      ...(s.avgMonthlySpend !== undefined ? { avgMonthlySpend: s.avgMonthlySpend } : {}),
    },
  ]
  for (const p of s.packages)
    cmds.push({ _tag: mode === "state" ? "SetupPackage" : "BuyPackage", msisdn: s.msisdn, offer: p })
  if (s.notifications !== undefined) cmds.push({ _tag: "SetNotifications", msisdn: s.msisdn, ...s.notifications })
  if (s.autopay !== undefined) cmds.push({ _tag: "SetAutopay", msisdn: s.msisdn, ...s.autopay })
  return cmds
}

/** One step of a scenario as written, before it runs (for a step list). Index 1-based; 0 is setup. */
export interface StepInfo {
  readonly index: number
  readonly pos: Pos
  readonly kind: StepRecord["kind"]
  readonly msisdn: string | null
  /** One readable line: what the step does or checks. */
  readonly text: string
  readonly step: Step
}

/**
 * A scenario opened on its twin (setup done), played one step at a time. `next()` runs exactly
 * one step — an acting step or an `expect` with its own pass mark — and returns its record, or
 * null once nothing is left to run (all steps ran, a step failed, or setup crashed). `runAll()`
 * plays whatever is left, marks the steps after a failure as not run, reads the final state and
 * returns the whole result (the same object on every later call). Calls are serialized, so
 * overlapping `next()`/`runAll()` calls run one after another in call order.
 */
export interface ScenarioStepper {
  readonly scenario: Scenario
  readonly twinId: string
  readonly steps: readonly StepInfo[]
  /** Every record so far: setup (index 0) when it succeeded, then each step that ran, in order. */
  readonly records: readonly StepRecord[]
  /** Index of the last step that ran (0: none yet). */
  readonly position: number
  /** No step will run any more (all ran, one failed, or setup crashed). */
  readonly stopped: boolean
  /** Setup or transport failure outside the expectations, if any. */
  readonly crash: string | null
  /** The result, once `runAll()` finished. */
  readonly result: ScenarioResult | null
  next(): Promise<StepRecord | null>
  runAll(): Promise<ScenarioResult>
}

export const stepInfo = (st: Step, index: number): StepInfo => ({
  index,
  pos: st.pos,
  kind: kindOf(st),
  msisdn: msisdnOf(st),
  text: describe(st),
  step: st,
})

/** Create the scenario's twin through the control API and set up its subscribers; the record of setup, or the reason it failed. */
const setUp = async (
  sc: Scenario,
  client: ControlClient,
  mode: SetupMode,
): Promise<{ record: StepRecord; now: number } | { crash: string }> => {
  const mustCommand = async (cmd: { _tag: string } & Record<string, unknown>): Promise<unknown> => {
    const r = await client.command(cmd)
    if (!r.ok)
      throw new Refused(
        `${cmd._tag}${typeof cmd.msisdn === "string" ? ` ${cmd.msisdn}` : ""}: ${r.error?.code ?? r.status} ${r.error?.message ?? ""}`,
      )
    return r.body?.value
  }
  try {
    const info = await client.create(sc.seed, sc.start, sc.secret)
    // Setup: payment cards, subscribers, then links and family groups (they need every number).
    const log: string[] = []
    for (const c of sc.paymentCards) {
      await mustCommand({ _tag: "IssuePaymentCard", code: c.code, amount: c.amount })
      log.push(`карта оплаты ${c.code}`)
    }
    for (const s of sc.subscribers) {
      for (const c of setupCommands(s, mode)) await mustCommand(c)
      log.push(`${s.msisdn} ${s.name}, ${s.tariff}`)
    }
    for (const s of sc.subscribers) {
      for (const target of s.linked) {
        if (mode === "state") await mustCommand({ _tag: "SetupLink", msisdn: s.msisdn, target })
        else {
          await mustCommand({ _tag: "LinkRequest", msisdn: s.msisdn, target })
          const code = await resolveTemplates(`\${sms.*@${target}}`, target, (m) => client.inbox(m))
          await mustCommand({ _tag: "LinkConfirm", msisdn: s.msisdn, target, code })
        }
        log.push(`${s.msisdn} управляет ${target}`)
      }
      for (const f of s.family) {
        const shares = { minutes: f.minutes, sms: f.sms, dataMb: f.dataMb }
        if (mode === "state") await mustCommand({ _tag: "SetupFamily", msisdn: s.msisdn, member: f.msisdn, ...shares })
        else {
          await mustCommand({ _tag: "FamilyInvite", msisdn: s.msisdn, member: f.msisdn, ...shares })
          await mustCommand({ _tag: "FamilyReply", msisdn: f.msisdn, accept: true })
        }
        log.push(`${f.msisdn} в группе «МЫ МТС» ${s.msisdn}`)
      }
    }
    return {
      now: info.now,
      record: {
        index: 0,
        pos: null,
        at: info.now,
        kind: "setup",
        msisdn: null,
        sent: log.join("; "),
        answer: "",
        accepted: true,
        errorCode: null,
        status: "passed",
        failures: [],
      },
    }
  } catch (e) {
    return { crash: `setup failed: ${e instanceof Error ? e.message : String(e)}` }
  }
}

/** Open a scenario on `target`: create its twin and set up its subscribers, ready to play step by step. */
export const openScenario = async (
  sc: Scenario,
  target: RunTarget,
  opts: OpenOptions = {},
): Promise<ScenarioStepper> => {
  const wall0 = performance.now()
  const client = new ControlClient(target.fetcher, "http://twin.local", target.twinId)
  const records: StepRecord[] = []
  const balances: BalanceSample[] = []
  const replies: ReplyRecord[] = []
  const infos = sc.steps.map((st, i) => stepInfo(st, i + 1))
  let lastAction: LastAction | null = null
  let crash: string | null = null
  let now = sc.startAt
  let position = 0
  let stopped = false
  let result: ScenarioResult | null = null

  const sample = async (step: number): Promise<void> => {
    const rows = await client.subscribers()
    balances.push({ at: now, step, balances: Object.fromEntries(rows.map((r) => [r.msisdn, r.balance])) })
  }
  /** The log's last sequence number before the next step: events after it belong to that step. */
  let seq = 0
  const caused = async (): Promise<{ events?: { from: number; to: number } }> => {
    const from = seq
    seq = (await client.info()).seq
    return seq > from ? { events: { from, to: seq } } : {}
  }

  const setup = await setUp(sc, client, opts.setup ?? "state")
  if ("crash" in setup) {
    crash = setup.crash
    stopped = true
  } else {
    now = setup.now
    try {
      await sample(0)
      records.push({ ...setup.record, ...(await caused()) })
    } catch (e) {
      records.push(setup.record)
      crash = `setup failed: ${e instanceof Error ? e.message : String(e)}`
      stopped = true
    }
  }

  let drivers: Drivers | null = null
  const needDrivers = (): Drivers => (drivers ??= makeDrivers(target.fetcher, target.twinId))

  /** Run step `index` (1-based); its record. */
  const runStep = async (index: number, st: Step): Promise<StepRecord> => {
    const base = { index, pos: st.pos, ...(st.comment !== undefined ? { note: st.comment } : {}) }
    const after = sc.steps[index]
    const refusalExpected =
      after !== undefined && after._tag === "expect" && (after.expect.error !== undefined || after.expect.ok === false)
    try {
      if (st._tag === "expect") {
        const failures = await checkExpect(st.expect, { client, replies, lastAction })
        return {
          ...base,
          at: now,
          kind: "expect",
          msisdn: st.expect.msisdn ?? null,
          sent: describe(st),
          answer: "",
          accepted: true,
          errorCode: null,
          status: failures.length === 0 ? "passed" : "failed",
          failures,
        }
      }
      const out = await act(st, client, needDrivers, replies)
      if (out.at !== null) now = out.at
      lastAction = { kind: kindOf(st), ok: out.accepted, code: out.code, message: out.message }
      const failures: Failure[] = []
      if (!out.accepted && !refusalExpected) {
        failures.push({
          what: `${kindOf(st)} refused`,
          expected: "accepted (or add `- expect: { error: CODE }` right after a step that must be refused)",
          actual: `${out.code ?? "error"}: ${out.message || out.answer}`,
        })
      }
      await sample(index)
      return {
        ...base,
        ...(await caused()),
        at: now,
        kind: kindOf(st),
        msisdn: msisdnOf(st),
        sent: out.sent,
        answer: out.answer,
        accepted: out.accepted,
        errorCode: out.code,
        status: failures.length === 0 ? "passed" : "failed",
        failures,
      }
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e)
      return {
        ...base,
        at: now,
        kind: kindOf(st),
        msisdn: msisdnOf(st),
        sent: describe(st),
        answer: "",
        accepted: false,
        errorCode: null,
        status: "failed",
        failures: [{ what: kindOf(st), expected: "the step runs", actual: msg }],
      }
    }
  }

  const step = async (): Promise<StepRecord | null> => {
    const st = sc.steps[position]
    if (stopped || st === undefined) {
      stopped = true
      return null
    }
    const rec = await runStep(++position, st)
    records.push(rec)
    if ((rec.status === "failed" && opts.keepGoing !== true) || position >= sc.steps.length) stopped = true
    return rec
  }

  const finish = async (): Promise<ScenarioResult> => {
    if (result !== null) return result
    while ((await step()) !== null) {
      /* play the rest */
    }
    const steps = [...records]
    for (const [i, st] of sc.steps.entries()) {
      if (i < position) continue
      steps.push({
        index: i + 1,
        pos: st.pos,
        ...(st.comment !== undefined ? { note: st.comment } : {}),
        at: now,
        kind: kindOf(st),
        msisdn: msisdnOf(st),
        sent: describe(st),
        answer: "",
        accepted: false,
        errorCode: null,
        status: "not-run",
        failures: [],
      })
    }
    let finalHash: string | null = null
    let events: EventRow[] = []
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
    result = {
      file: sc.file,
      name: sc.name,
      rules: sc.rules,
      seed: sc.seed,
      start: sc.start,
      twinId: target.twinId,
      passed,
      steps,
      crash,
      finalHash,
      subscribers: sc.subscribers.map((s) => ({ msisdn: s.msisdn, name: s.name })),
      balances,
      events,
      wallMs: Math.round(performance.now() - wall0),
    }
    return result
  }

  // One call at a time: each waits for the calls before it.
  let queue: Promise<unknown> = Promise.resolve()
  const serial = <T>(f: () => Promise<T>): Promise<T> => {
    const p = queue.then(f, f)
    queue = p.catch(() => undefined)
    return p
  }

  return {
    scenario: sc,
    twinId: target.twinId,
    steps: infos,
    get records() {
      return records
    },
    get position() {
      return position
    },
    get stopped() {
      return stopped || position >= sc.steps.length
    },
    get crash() {
      return crash
    },
    get result() {
      return result
    },
    next: () => serial(() => (result !== null ? Promise.resolve(null) : step())),
    runAll: () => serial(finish),
  }
}

/** Play a whole scenario: open it, run every step, stop at the first failure. */
export const runScenario = async (sc: Scenario, target: RunTarget, opts: OpenOptions = {}): Promise<ScenarioResult> =>
  (await openScenario(sc, target, opts)).runAll()

interface ActOutcome {
  sent: string
  answer: string
  accepted: boolean
  code: string | null
  message: string
  at: number | null
}

const act = async (
  st: Step,
  client: ControlClient,
  needDrivers: () => Drivers,
  replies: ReplyRecord[],
): Promise<ActOutcome> => {
  const cmd = async (sent: string, c: { _tag: string } & Record<string, unknown>): Promise<ActOutcome> => {
    const r = await client.command(c)
    const events = r.body?.events ?? []
    // What happened, in Russian with the catalog's names (never an event type or an internal id).
    return {
      sent,
      answer: events.map((e) => eventRu(e)).join("; "),
      accepted: r.ok,
      code: r.error?.code ?? null,
      message: r.error?.message ?? "",
      at: null,
    }
  }
  const channel = async (
    ch: Channel,
    msisdn: string,
    sent: string,
    run: (d: Drivers) => Promise<ChannelReply>,
  ): Promise<ActOutcome> => {
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
      if (!r.ok || r.body === null)
        return {
          sent: a.text,
          answer: "",
          accepted: false,
          code: r.error?.code ?? null,
          message: r.error?.message ?? "",
          at: null,
        }
      return {
        sent: a.text,
        answer: `заданий: ${r.body.jobs}, событий: ${r.body.events}`,
        accepted: true,
        code: null,
        message: "",
        at: r.body.now,
      }
    }
    case "travel":
      return cmd(st.to === "home" ? "домой" : st.to, { _tag: "Travel", msisdn: st.msisdn, to: st.to })
    case "network":
      return cmd(st.mobileData ? "мобильный интернет МТС: вкл." : "мобильный интернет МТС: выкл.", {
        _tag: "SetNetwork",
        msisdn: st.msisdn,
        mobileData: st.mobileData,
      })
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
      // reply: the newest SMS in the inbox names the number to answer.
      const to = st.to ?? (await client.inbox(st.from)).at(-1)?.from
      if (to === undefined)
        return {
          sent: `ответ: ${text}`,
          answer: "",
          accepted: false,
          code: null,
          message: `reply: the inbox of ${st.from} is empty, there is no SMS to answer`,
          at: null,
        }
      return channel("sms", st.from, `→ ${to}: ${text === "" ? "(пустое SMS)" : text}`, (d) =>
        d.telephony.smsSend(st.from, to, text),
      )
    }
    case "ivr": {
      const keys = await resolveTemplates(st.keys, st.msisdn, inbox)
      const wait = async (ms: number): Promise<void> => {
        const r = await client.advance({ by: `${ms}ms` })
        if (!r.ok) throw new Error(`waiting in the call: ${r.error?.code ?? r.status} ${r.error?.message ?? ""}`)
      }
      // biome-ignore lint/suspicious/noThenProperty: `then` is the IVR step's field (the keys after silence), never awaited.
      const silence = st.timeouts > 0 ? { timeouts: st.timeouts, then: st.then, wait } : undefined
      const shown =
        `☎ ${st.call}${keys === "" ? "" : `, клавиши ${keys}`}` +
        `${st.timeouts > 0 ? `, молчание ×${st.timeouts}` : ""}${st.then !== "" ? `, затем ${st.then}` : ""}`
      const out = await channel("ivr", st.msisdn, shown, (d) => d.telephony.ivrCall(st.msisdn, st.call, keys, silence))
      return st.timeouts > 0 ? { ...out, at: (await client.info()).now } : out
    }
    case "web": {
      const args = await resolveArgs(st.args, st.msisdn, inbox)
      // Secrets typed into a channel (codes, passwords) are not repeated in reports.
      const masked = Object.fromEntries(
        Object.entries(args).map(([k, v]) => [k, k === "code" || k === "password" ? "••••" : v]),
      )
      const shown = Object.keys(args).length === 0 ? "" : ` ${JSON.stringify(masked)}`
      return channel(st.channel, st.msisdn, `${st.op}${shown}`, (d) =>
        d.web[st.channel].perform(st.msisdn, st.op, args),
      )
    }
    case "expect":
      return { sent: "", answer: "", accepted: true, code: null, message: "", at: null }
  }
}

const kindOf = (st: Step): StepRecord["kind"] => (st._tag === "web" ? st.channel : st._tag)

const msisdnOf = (st: Step): string | null => {
  switch (st._tag) {
    case "advance":
      return null
    case "sms":
      return st.from
    case "expect":
      return st.expect.msisdn ?? null
    default:
      return st.msisdn
  }
}

/** A one-line description of a step as written (for steps that did not run, and for expects). */
export const describe = (st: Step): string => {
  switch (st._tag) {
    case "advance":
      return st.advance.text
    case "travel":
      return st.to
    case "network":
      return `mobileData: ${st.mobileData}`
    case "usage":
      return st.text
    case "ussd":
      return st.dial ?? st.reply ?? ""
    case "sms":
      return st.to === null ? `ответ на последнее SMS: ${st.text}` : `→ ${st.to}: ${st.text}`
    case "ivr":
      return `☎ ${st.call} ${st.keys}${st.timeouts > 0 ? ` молчание ×${st.timeouts}` : ""}${st.then !== "" ? ` затем ${st.then}` : ""}`
    case "web":
      return `${st.op} ${JSON.stringify(st.args)}`
    case "expect":
      return describeExpect(st.expect)
  }
}

const money = (k: number): string => formatRub(k).replace(/\u00a0/g, " ")
const bound = (b: Bound, show: (n: number) => string = String): string =>
  "eq" in b
    ? show(b.eq)
    : [b.min !== undefined ? `≥${show(b.min)}` : "", b.max !== undefined ? `≤${show(b.max)}` : ""]
        .filter((x) => x !== "")
        .join(" ")
const text = (m: TextMatch): string =>
  [
    ...m.contains.map((c) => `∋ «${c}»`),
    ...m.lacks.map((c) => `∌ «${c}»`),
    ...(m.matches !== undefined ? [`~ /${m.matches.source}/`] : []),
  ].join(" ")

/** An expectation as one readable line, money in rubles. */
export const describeExpect = (e: Expect): string => {
  const parts: string[] = []
  if (e.balance !== undefined) parts.push(`баланс ${bound(e.balance, money)}`)
  if (e.tariff !== undefined) parts.push(`тариф ${e.tariff}`)
  if (e.status !== undefined) parts.push(`статус ${e.status}`)
  if (e.location !== undefined) parts.push(`где ${e.location}`)
  if (e.services !== undefined)
    parts.push(`услуги ${[...e.services.has.map((x) => `+${x}`), ...e.services.lacks.map((x) => `−${x}`)].join(" ")}`)
  if (e.linked !== undefined)
    parts.push(`привязаны ${[...e.linked.has.map((x) => `+${x}`), ...e.linked.lacks.map((x) => `−${x}`)].join(" ")}`)
  for (const p of e.packages ?? []) parts.push(`пакет ${p.key} ${bound(p.left)}`)
  for (const c of e.charges ?? []) {
    const what = [c.service, c.reason].filter((x) => x !== undefined).join("/") || "все"
    parts.push(
      `списания ${what}${c.count ? ` ×${bound(c.count)}` : ""}${c.total ? ` Σ${bound(c.total, money)}` : ""}` +
        `${c.last !== undefined ? ` последнее ${money(c.last)}` : ""}`,
    )
  }
  for (const q of e.inbox ?? [])
    parts.push(
      `SMS${q.from !== undefined ? ` от ${q.from}` : ""}${q.contains !== undefined ? ` ∋ «${q.contains}»` : ""}` +
        `${q.count ? ` ×${bound(q.count)}` : ""}`,
    )
  for (const q of e.events ?? []) parts.push(`события ${q.type} ×${bound(q.count)}`)
  if (e.screen !== undefined) parts.push(`экран ${text(e.screen)}`)
  if (e.prompt !== undefined) parts.push(`IVR ${text(e.prompt)}`)
  if (e.reply !== undefined) parts.push(`ответ ${text(e.reply)}`)
  if (e.end !== undefined) parts.push(e.end ? "сессия завершена" : "сессия продолжается")
  if (e.error !== undefined) parts.push(`отказ ${e.error}`)
  if (e.ok !== undefined) parts.push(e.ok ? "принято" : "отказ")
  if (e.family !== undefined)
    parts.push(
      `семья ${e.family.role ?? ""}${e.family.members ? ` участников ${bound(e.family.members)}` : ""}` +
        `${e.family.active ? ` активных ${bound(e.family.active)}` : ""}`,
    )
  if (e.promised !== undefined) parts.push(e.promised ? "обещанный платеж открыт" : "обещанного платежа нет")
  if (e.bonus !== undefined) parts.push(`баллы ${bound(e.bonus)}`)
  if (e.lkLocked !== undefined) parts.push(`вход в ЛК ${e.lkLocked ? "заблокирован" : "открыт"}`)
  if (e.kioskLocked !== undefined) parts.push(`терминал ${e.kioskLocked ? "заблокирован" : "открыт"}`)
  if (e.autopay !== undefined) parts.push(`автоплатеж ${e.autopay}`)
  return parts.join("; ")
}

export const twinTime = (at: number): string =>
  formatMskIso(at)
    .replace("T", " ")
    .replace(/:\d\d\+03:00$/, "")
