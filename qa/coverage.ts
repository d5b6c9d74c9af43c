// Coverage of the states a property is about: each target is a predicate over one checked step
// (the twin, the checkers' shadow, the step's events). A property counts the journeys that
// reached each of its targets, prints the counts, and fails when a target was never reached —
// a property that never reaches its state proves nothing about it.
import { mskParts } from "../core/domain/time.ts"
import type { StepCheck } from "./invariants/types.ts"

export interface Target {
  readonly name: string
  reached(c: StepCheck): boolean
}

const command = (c: StepCheck): string | null => (c.step.t === "command" ? c.step.command._tag : null)
const lastDayOfMonth = (t: number): boolean => {
  const p = mskParts(t)
  return mskParts(t + 86_400_000).month !== p.month
}

/** The rare and edge states the generators aim at; properties pick theirs. */
export const TARGETS = {
  kioskLock: {
    name: "kiosk lock",
    reached: (c) => c.events.some((e) => e.type === "KioskLogin" && e.lockedUntil > e.at),
  },
  lkLock: { name: "LK lock", reached: (c) => c.events.some((e) => e.type === "LoginFailed" && e.locked) },
  familyFull: {
    name: "family at its member limit",
    reached: (c) =>
      [...c.twin.state.subscribers.values()].some(
        (s) =>
          s.family?.role === "owner" &&
          s.family.members.filter((m) => m.status === "active").length >= c.twin.cat.data.family.maxMembers,
      ),
  },
  memberJoins: { name: "member joins (member fee)", reached: (c) => c.events.some((e) => e.type === "FamilyJoined") },
  memberFeeAtRenewal: {
    name: "member fee at renewal",
    reached: (c) =>
      c.step.t === "advance" && c.events.some((e) => e.type === "Money" && e.reason === "fee-family-member"),
  },
  renewal: {
    name: "monthly renewal charged",
    reached: (c) => c.events.some((e) => e.type === "PeriodRenewed" && e.charged),
  },
  exactMinuteCall: {
    name: "call of whole minutes",
    reached: (c) => c.events.some((e) => e.type === "UsageRated" && e.kind === "call" && e.volume % 60 === 0),
  },
  transferAtFeeEdge: {
    name: "transfer refused for its fee",
    reached: (c) => {
      if (c.step.t !== "command" || c.step.command._tag !== "Transfer" || c.outcome.code !== "INSUFFICIENT_FUNDS")
        return false
      const bal = c.before.get(c.step.command.msisdn)?.ledgerBalance ?? 0
      return bal >= c.step.command.amount
    },
  },
  transferDone: { name: "transfer done", reached: (c) => command(c) === "Transfer" && c.outcome.ok },
  promisedOpen: { name: "promised payment taken", reached: (c) => c.events.some((e) => e.type === "PromisedOpened") },
  promisedRefusedOpen: {
    name: "second promised payment refused",
    reached: (c) => c.outcome.code === "PROMISED_PAYMENT_OPEN",
  },
  promisedRepaid: {
    name: "promised payment repaid",
    reached: (c) => c.events.some((e) => e.type === "PromisedClosed"),
  },
  zabugorishche: {
    name: "«Забугорище» charged",
    reached: (c) => c.events.some((e) => e.type === "Money" && e.reason === "fee-zabugorishche"),
  },
  renewalOnUnblock: {
    name: "skipped renewal made on unblocking",
    reached: (c) => command(c) === "Unblock" && c.events.some((e) => e.type === "PeriodRenewed" && e.charged),
  },
  unblockNoRenewal: {
    name: "unblocked with no renewal due",
    reached: (c) => command(c) === "Unblock" && c.outcome.ok && !c.events.some((e) => e.type === "PeriodRenewed"),
  },
  voluntaryBlock: { name: "voluntary block", reached: (c) => c.events.some((e) => e.type === "BlockSet" && e.blocked) },
  financialBlock: {
    name: "usage refused for the balance",
    reached: (c) =>
      c.step.t === "command" &&
      c.step.command._tag === "Usage" &&
      c.outcome.code === "BLOCKED" &&
      c.before.get(c.step.command.msisdn)?.voluntaryBlock === false,
  },
  linked: { name: "number linked", reached: (c) => c.events.some((e) => e.type === "LinkConfirmed") },
  unknownRefused: { name: "unknown number refused", reached: (c) => c.outcome.code === "UNKNOWN_SUBSCRIBER" },
  monthEndStart: { name: "start on a month's last day", reached: (c) => lastDayOfMonth(c.start) },
  leapDayStart: {
    name: "start on 29 February",
    reached: (c) => mskParts(c.start).month === 2 && mskParts(c.start).day === 29,
  },
  yearEndStart: {
    name: "start on 31 December",
    reached: (c) => mskParts(c.start).month === 12 && mskParts(c.start).day === 31,
  },
} satisfies Record<string, Target>

/** Journeys that reached each target, out of `runs`. */
export interface Coverage {
  readonly runs: number
  readonly reached: ReadonlyMap<string, number>
}

export const formatCoverage = (cov: Coverage): string =>
  [...cov.reached]
    .map(([name, n]) => `${name} ${n}/${cov.runs} (${cov.runs === 0 ? 0 : Math.round((100 * n) / cov.runs)}%)`)
    .join(", ")
