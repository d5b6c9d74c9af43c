// An IVR call as a small state machine: a node says a prompt and waits for keys (a menu option,
// or digits ended by #). Digit timeout and the failure limit come from the catalog; all timing
// is twin time: silence is measured when the next request arrives.
import type { DomainError } from "../../core/domain/errors.ts"
import type { Caller } from "../telephony/caller.ts"

/** The caller (channels/telephony/caller.ts) and the call the menu is in. */
export interface IvrCtx extends Caller {
  readonly call: Call
}

/** What one input leads to: phrases said, then the next node (or hang-up), and a core refusal if any. */
export interface Step {
  readonly say: readonly string[]
  readonly next: IvrNode | "hangup"
  readonly error?: DomainError
  /** The input was understood but wrong (e.g. a passport that does not match): counts as a failure. */
  readonly failed?: boolean
}

export type IvrNode =
  | {
      readonly kind: "menu"
      readonly prompt: string
      readonly options: Readonly<Record<string, (x: IvrCtx) => Step>>
      /** Multi-digit fast routes dialled in one go (111 then 2163), tried before single options. */
      readonly routes?: Readonly<Record<string, (x: IvrCtx) => Step>>
    }
  | {
      readonly kind: "digits"
      readonly prompt: string
      readonly max: number
      readonly onInput: (x: IvrCtx, digits: string) => Step
    }
  /** Waiting in the hotline queue: keys are ignored, no timeouts; `ready` connects when it is our turn. */
  | { readonly kind: "queue"; readonly ready: (x: IvrCtx) => Step | null }

export interface Call {
  readonly id: string
  readonly twinId: string
  readonly msisdn: string
  readonly number: string
  readonly startedAt: number
  node: IvrNode | null
  /** Consecutive invalid inputs and timeouts. */
  failures: number
  /** Twin time when the caller was last asked for input. */
  promptAt: number
  /** Digits typed so far into a `digits` node. */
  buffer: string
  transcript: string[]
  ended: boolean
  /** Set by the hotline once the passport matched (R29). */
  identified: boolean
  /** Hotline: the caller left the automatic menu for a specialist (queued or talking); counts in the queue. */
  operator?: boolean
}

export const NO_INPUT = "Вы ничего не выбрали."
export const INVALID = "Неверный выбор."
export const GOODBYE = "Спасибо за звонок. До свидания!"
export const REPEAT_KEY = "*"

export const say = (next: IvrNode | "hangup", ...phrases: string[]): Step => ({ say: phrases, next })

const promptOf = (n: IvrNode): string | null => (n.kind === "queue" ? null : n.prompt)

/** Enter a node: say its prompt. */
const enter = (x: IvrCtx, step: Step, out: string[]): DomainError | null => {
  const c = x.call
  out.push(...step.say)
  if (step.next === "hangup") {
    c.node = null
    c.ended = true
    return step.error ?? null
  }
  c.node = step.next
  c.buffer = ""
  c.promptAt = x.twin.now
  const p = promptOf(step.next)
  if (p !== null) out.push(p)
  if (step.next.kind === "queue") {
    const ready = step.next.ready(x)
    if (ready !== null) return enter(x, ready, out) ?? step.error ?? null
  }
  return step.error ?? null
}

/** Count a failure; `why` (if any) is said first; at the limit the call says goodbye and ends. */
const fail = (x: IvrCtx, why: string | null, out: string[]): void => {
  const c = x.call
  c.failures++
  c.buffer = ""
  if (c.failures >= x.twin.cat.data.channels.ivrMaxFailures) {
    out.push(...(why === null ? [] : [why]), GOODBYE)
    c.ended = true
    c.node = null
    return
  }
  const p = c.node === null ? null : promptOf(c.node)
  out.push(...(why === null ? [] : [why]), ...(p === null ? [] : [p]))
}

/** Start a call at its first node (the greeting is part of the step). */
export const start = (x: IvrCtx, first: Step): { said: string[]; error: DomainError | null } => {
  const out: string[] = []
  const error = enter(x, first, out)
  x.call.transcript.push(...out)
  return { said: out, error }
}

/** Count the silences since the last prompt: each full digit timeout is a failure (3 → goodbye). */
export const elapse = (x: IvrCtx): string[] => {
  const c = x.call
  const out: string[] = []
  const timeout = x.twin.cat.data.channels.ivrDigitTimeoutSeconds * 1000
  if (c.node?.kind === "queue") {
    const ready = c.node.ready(x)
    if (ready !== null) enter(x, ready, out)
  }
  while (!c.ended && c.node !== null && c.node.kind !== "queue" && x.twin.now - c.promptAt >= timeout) {
    c.promptAt += timeout
    fail(x, NO_INPUT, out)
  }
  c.transcript.push(...out)
  return out
}

/** Press keys one by one (after counting silences); returns what the caller heard. */
export const press = (x: IvrCtx, keys: string): { said: string[]; error: DomainError | null } => {
  const c = x.call
  const out = elapse(x)
  let error: DomainError | null = null
  const heard: string[] = []
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string
    const n = c.node
    if (c.ended || n === null) break
    if (n.kind === "queue") {
      heard.push("Пожалуйста, оставайтесь на линии.")
      continue
    }
    c.promptAt = x.twin.now
    if (n.kind === "menu") {
      const routes = n.routes ?? {}
      const route = Object.keys(routes).find((r) => keys.startsWith(r, i))
      const next = route === undefined ? undefined : routes[route]
      if (route !== undefined && next !== undefined) {
        c.failures = 0
        i += route.length - 1
        error = enter(x, next(x), heard) ?? error
        continue
      }
      const opt = n.options[k]
      if (opt !== undefined) {
        c.failures = 0
        error = enter(x, opt(x), heard) ?? error
      } else if (k === REPEAT_KEY) heard.push(n.prompt)
      else fail(x, INVALID, heard)
      continue
    }
    // digits node: collect until #, * starts over
    if (k === "#") {
      const digits = c.buffer
      c.buffer = ""
      if (digits === "") fail(x, INVALID, heard)
      else {
        const step = n.onInput(x, digits)
        if (step.failed === true && c.failures + 1 >= x.twin.cat.data.channels.ivrMaxFailures) {
          heard.push(...step.say)
          fail(x, null, heard)
        } else {
          c.failures = step.failed === true ? c.failures + 1 : 0
          error = enter(x, step, heard) ?? error
        }
      }
    } else if (k === REPEAT_KEY) {
      c.buffer = ""
      heard.push(n.prompt)
    } else if (c.buffer.length >= n.max) fail(x, INVALID, heard)
    else c.buffer += k
  }
  c.transcript.push(...heard)
  return { said: [...out, ...heard], error }
}

export const hangUp = (c: Call): void => {
  c.ended = true
  c.node = null
}
