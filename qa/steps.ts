// The steps a QA journey is made of: core commands, the clock, and the few actions that need
// a value only the handset sees at run time (a code in its SMS inbox). Steps are plain JSON,
// so a failing journey can be printed, replayed and turned into a scenario YAML.
import type { Result } from "effect"
import type { Command } from "../core/domain/commands.ts"
import type { TwinCore } from "../core/engine/twin-core.ts"
import { accountView, inboxOf } from "../core/engine/views.ts"

export type Step =
  /** A core command (network usage, travel, account operations) sent to the twin. */
  | { readonly t: "command"; readonly command: Command }
  /** Move the twin clock forward by `ms` milliseconds. */
  | { readonly t: "advance"; readonly ms: number }
  /** Log in to LK/app with the last code from 3339 in the handset's inbox (R22). */
  | { readonly t: "login-inbox"; readonly msisdn: string; readonly channel: "lk" | "app" }
  /** Log in to the kiosk with the last code from 6262 in the handset's inbox (R27). */
  | { readonly t: "kiosk-inbox"; readonly msisdn: string }
  /** Confirm a link of `target` to `msisdn` with the code the target's handset received (R20). */
  | { readonly t: "link-inbox"; readonly msisdn: string; readonly target: string }
  /** Read `msisdn`'s account as the login `by` (I9 probe: must fail unless same or linked). */
  | { readonly t: "read"; readonly by: string; readonly msisdn: string }
  /** A raw HTTP request to a channel entry point (fuzzing); only a channel executor runs it. */
  | { readonly t: "http"; readonly entry: string; readonly method: string; readonly path: string }
  /** Read the balance through every channel that shows it (I8 parity); only a channel executor runs it. */
  | { readonly t: "parity"; readonly msisdn: string }
  /** Write a snapshot of the state to the store (restart then loads it and replays the tail). */
  | { readonly t: "snapshot" }
  /**
   * A transfer at the edge of the funds check (R12): amount = balance − fee + delta, worked out
   * when it runs (resolveStep), recorded as the plain Transfer command it became.
   */
  | { readonly t: "transfer-edge"; readonly msisdn: string; readonly to: string; readonly delta: number }
  /** Resume or end the session the number last opened on a channel (R25, R27), with its token. */
  | {
      readonly t: "session"
      readonly msisdn: string
      readonly channel: "lk" | "app" | "kiosk"
      readonly op: "resume" | "logout"
    }

/** What a step did, as seen from outside. */
export interface StepOutcome {
  readonly ok: boolean
  /** The domain error code on failure (or a channel error code), null on success. */
  readonly code: string | null
  /** Where the step went: "core" or the channel that carried it. */
  readonly via: string
  /** What a channel executor saw, when it matters for a checker (I8). */
  readonly detail?: string
}

/** Runs steps against one twin. The core executor is below; channel executors live in qa/channels.ts. */
export interface Executor {
  readonly twin: TwinCore
  execute(step: Step): Promise<StepOutcome>
}

const outcome = (r: Result.Result<unknown, { code: string }>, via = "core"): StepOutcome =>
  r._tag === "Success" ? { ok: true, code: null, via } : { ok: false, code: r.failure.code, via }

/** Session tokens a handset holds, by "channel:msisdn" (what a client keeps after logging in). */
export type Tokens = Map<string, string>

/** Run a login-like command and keep the token it returned. */
const keepToken = (
  tokens: Tokens,
  key: string,
  r: Result.Result<{ value: { token: string } }, { code: string }>,
): StepOutcome => {
  if (r._tag === "Success") tokens.set(key, r.success.value.token)
  return outcome(r)
}

/** A step whose values depend on the state (transfer-edge) as the plain step it becomes now. */
export const resolveStep = (twin: TwinCore, step: Step): Step => {
  if (step.t !== "transfer-edge") return step
  const balance = twin.state.subscribers.get(step.msisdn)?.balance ?? 0
  const amount = Math.max(1, balance - twin.cat.data.transfer.fee + step.delta)
  return {
    t: "command",
    command: { _tag: "Transfer", msisdn: step.msisdn, to: step.to, amount, by: step.msisdn, via: "ussd" },
  }
}

/** The last code of `digits` length in an SMS from `from` in the handset's inbox, or null. */
export const inboxCode = (twin: TwinCore, msisdn: string, from: string, pattern = /(\d{4,6})/): string | null => {
  const inbox = inboxOf(twin, msisdn)
  for (let i = inbox.length - 1; i >= 0; i--) {
    const m = inbox[i]
    if (m === undefined || m.from !== from) continue
    const code = pattern.exec(m.text)?.[1]
    if (code !== undefined) return code
  }
  return null
}

/** Find the link code the target received for `msisdn` (the SMS names the requesting number). */
export const linkCode = (twin: TwinCore, msisdn: string, target: string): string | null => {
  const inbox = inboxOf(twin, target)
  for (let i = inbox.length - 1; i >= 0; i--) {
    const m = inbox[i]
    if (m === undefined || !m.text.includes(msisdn)) continue
    const code = /(?:^|\D)(\d{4})(?:\D|$)/.exec(m.text.replace(msisdn, ""))?.[1]
    if (code !== undefined) return code
  }
  return null
}

/** A code that no twin ever issues (letters), used when the inbox has none. */
export const NO_CODE = "no-code"

/** Execute a step directly on the core (no channel); `tokens` keeps the sessions logins opened. */
export const executeOnCore = (twin: TwinCore, step: Step, tokens: Tokens = new Map()): StepOutcome => {
  switch (step.t) {
    case "command": {
      const c = step.command
      if (c._tag === "Login" || c._tag === "LoginByNetwork")
        return keepToken(tokens, `${c.channel}:${c.msisdn}`, twin.execute(c))
      if (c._tag === "KioskLogin") return keepToken(tokens, `kiosk:${c.msisdn}`, twin.execute(c))
      return outcome(twin.execute(c))
    }
    case "advance":
      return outcome(twin.advanceBy(step.ms))
    case "login-inbox":
      return keepToken(
        tokens,
        `${step.channel}:${step.msisdn}`,
        twin.execute({
          _tag: "Login",
          msisdn: step.msisdn,
          channel: step.channel,
          secret: inboxCode(twin, step.msisdn, "3339") ?? NO_CODE,
          by: step.msisdn,
          via: step.channel,
        }),
      )
    case "kiosk-inbox":
      return keepToken(
        tokens,
        `kiosk:${step.msisdn}`,
        twin.execute({
          _tag: "KioskLogin",
          msisdn: step.msisdn,
          code: inboxCode(twin, step.msisdn, "6262", /(\d{6})/) ?? NO_CODE,
          by: step.msisdn,
          via: "kiosk",
        }),
      )
    case "session": {
      const token = tokens.get(`${step.channel}:${step.msisdn}`) ?? NO_CODE
      return outcome(
        twin.execute(
          step.op === "resume"
            ? { _tag: "ResumeSession", token, channel: step.channel, by: step.msisdn, via: step.channel }
            : { _tag: "Logout", token, by: step.msisdn, via: step.channel },
        ),
      )
    }
    case "transfer-edge":
      return executeOnCore(twin, resolveStep(twin, step), tokens)
    case "link-inbox":
      return outcome(
        twin.execute({
          _tag: "LinkConfirm",
          msisdn: step.msisdn,
          target: step.target,
          code: linkCode(twin, step.msisdn, step.target) ?? NO_CODE,
          by: step.msisdn,
          via: "lk",
        }),
      )
    case "read":
      return outcome(accountView(twin, step.msisdn, step.by))
    case "http":
    case "parity":
      return { ok: false, code: "NO_CHANNEL", via: "core" }
    case "snapshot":
      twin.snapshot()
      return { ok: true, code: null, via: "core" }
  }
}

export const coreExecutor = (twin: TwinCore): Executor => {
  const tokens: Tokens = new Map()
  return { twin, execute: (step) => Promise.resolve(executeOnCore(twin, step, tokens)) }
}

/** One line per step, for failure paths and reports. */
export const describeStep = (s: Step): string => {
  switch (s.t) {
    case "command":
      return JSON.stringify(s.command)
    case "advance":
      return `advance ${s.ms} ms`
    case "login-inbox":
      return `${s.channel} login of ${s.msisdn} with the SMS code from 3339`
    case "kiosk-inbox":
      return `kiosk login of ${s.msisdn} with the code from 6262`
    case "link-inbox":
      return `link ${s.target} to ${s.msisdn} with the code sent to ${s.target}`
    case "read":
      return `${s.by} reads the account of ${s.msisdn}`
    case "snapshot":
      return "snapshot"
    case "parity":
      return `read the balance of ${s.msisdn} through every channel (I8)`
    case "http":
      return `${s.entry}: ${s.method} ${s.path}`
    case "transfer-edge":
      return `transfer from ${s.msisdn} to ${s.to} of its balance − fee ${s.delta >= 0 ? "+" : "−"} ${Math.abs(s.delta)} kopecks`
    case "session":
      return `${s.op === "resume" ? "resume" : "log out of"} the ${s.channel} session of ${s.msisdn}`
  }
}
