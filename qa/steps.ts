// The steps a QA journey is made of: core commands, the clock, and the few actions that need
// a value only the handset sees at run time (a code in its SMS inbox). Steps are plain JSON,
// so a failing journey can be printed, replayed and turned into a scenario YAML.
import { Result } from "effect"
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

/** Execute a step directly on the core (no channel). */
export const executeOnCore = (twin: TwinCore, step: Step): StepOutcome => {
  switch (step.t) {
    case "command": return outcome(twin.execute(step.command))
    case "advance": return outcome(twin.advanceBy(step.ms))
    case "login-inbox":
      return outcome(twin.execute({ _tag: "Login", msisdn: step.msisdn, channel: step.channel, secret: inboxCode(twin, step.msisdn, "3339") ?? NO_CODE, by: step.msisdn, via: step.channel }))
    case "kiosk-inbox":
      return outcome(twin.execute({ _tag: "KioskLogin", msisdn: step.msisdn, code: inboxCode(twin, step.msisdn, "6262", /(\d{6})/) ?? NO_CODE, by: step.msisdn, via: "kiosk" }))
    case "link-inbox":
      return outcome(twin.execute({ _tag: "LinkConfirm", msisdn: step.msisdn, target: step.target, code: linkCode(twin, step.msisdn, step.target) ?? NO_CODE, by: step.msisdn, via: "lk" }))
    case "read": return outcome(accountView(twin, step.msisdn, step.by))
    case "http": case "parity": return { ok: false, code: "NO_CHANNEL", via: "core" }
    case "snapshot":
      twin.snapshot()
      return { ok: true, code: null, via: "core" }
  }
}

export const coreExecutor = (twin: TwinCore): Executor => ({
  twin,
  execute: (step) => Promise.resolve(executeOnCore(twin, step)),
})

/** One line per step, for failure paths and reports. */
export const describeStep = (s: Step): string => {
  switch (s.t) {
    case "command": return JSON.stringify(s.command)
    case "advance": return `advance ${s.ms} ms`
    case "login-inbox": return `${s.channel} login of ${s.msisdn} with the SMS code from 3339`
    case "kiosk-inbox": return `kiosk login of ${s.msisdn} with the code from 6262`
    case "link-inbox": return `link ${s.target} to ${s.msisdn} with the code sent to ${s.target}`
    case "read": return `${s.by} reads the account of ${s.msisdn}`
    case "snapshot": return "snapshot"
    case "parity": return `read the balance of ${s.msisdn} through every channel (I8)`
    case "http": return `${s.entry}: ${s.method} ${s.path}`
  }
}
