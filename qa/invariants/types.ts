// What every invariant checker sees after a step, and the shape of a checker.
// Checkers are separate, one per invariant (I1..I9), and run after every step.
import type { Event } from "../../core/domain/events.ts"
import type { TwinCore } from "../../core/engine/twin-core.ts"
import type { Step, StepOutcome } from "../steps.ts"
import type { Shadow, ShadowSub } from "./shadow.ts"

/** The SPEC invariants; a custom checker may use any id (a rule "R13", "ORACLE", a team's own). */
export type InvariantId = "I1" | "I2" | "I3" | "I4" | "I5" | "I6" | "I7" | "I8" | "I9"
export type CheckerId = InvariantId | (string & {})

export interface StepCheck {
  readonly twin: TwinCore
  /** The twin's start instant (replay starts from it). */
  readonly start: number
  readonly step: Step
  readonly outcome: StepOutcome
  /** The checkers' own fold of the log before this step's events … */
  readonly before: Shadow
  /** … and after them. */
  readonly after: Shadow
  /** The events this step appended, read back from the persisted log. */
  readonly events: readonly Event[]
}

/**
 * A checker run after every step. `S` is its own per-journey state (an oracle's model): `init`
 * makes a fresh one for each journey, and `check` receives it to read and update.
 */
export interface Invariant<S = undefined> {
  /** "I1".."I9" for the SPEC invariants, or any custom id ("R13", "ORACLE"). */
  readonly id: CheckerId
  readonly title: string
  /** The rules (R-numbers) the checker is about; an exported regression scenario lists them. */
  readonly rules?: readonly string[]
  /** A fresh per-journey state; absent for stateless checkers. */
  init?(): S
  /** null when the invariant holds, else a message naming the subscriber, event and values. */
  check(c: StepCheck, state: S): string | null
  /**
   * After `check` reported a violation: what the failing step should have ended in, for the
   * regression scenario's closing `expect` (an error code, or ok, and balances).
   */
  regression?(c: StepCheck, state: S): Regression | null
}

/** The correct outcome of a failing step, as a scenario can state it. */
export interface Regression {
  /** The error code the step must be refused with, or "ok" when it must be accepted. */
  readonly outcome?: string
  /** Balances (kopecks) the numbers must have after the step. */
  readonly balances?: ReadonlyArray<{ readonly msisdn: string; readonly balance: number }>
}

/** Any checker, whatever its state type (what runners and lists hold; `check` is a method, so its state parameter is bivariant). */
export type AnyInvariant = Invariant<unknown>

/** Visit the step's events in order with the shadow as it was just before each one. */
export const walk = (
  c: StepCheck,
  f: (e: Event, at: ShadowSub | undefined, shadow: Shadow) => string | null,
): string | null => {
  const sh = c.before.clone()
  for (const e of c.events) {
    const m = "msisdn" in e ? e.msisdn : "owner" in e ? e.owner : ""
    const r = f(e, sh.get(m), sh)
    if (r !== null) return r
    sh.observe(e)
  }
  return null
}

export const isAbroad = (where: string): boolean => where !== "home" && where !== "russia"
