// I9 No channel can read or change another subscriber's data unless linked (R20).
import type { Command } from "../../core/domain/commands.ts"
import type { Invariant } from "./types.ts"

/** Commands that authenticate by themselves (a secret or a token), not by `by`. */
const SELF_AUTHENTICATING = new Set<Command["_tag"]>([
  "Login",
  "LoginByNetwork",
  "KioskLogin",
  "ResumeSession",
  "Logout",
])
/** Network / operator operations: a subscriber channel may never send them. */
const SYSTEM_ONLY = new Set<Command["_tag"]>([
  "CreateSubscriber",
  "Usage",
  "Travel",
  "SetNetwork",
  "IssuePaymentCard",
  "SetupPackage",
  "SetupLink",
  "SetupFamily",
])

export const i9Access: Invariant = {
  id: "I9",
  title: "no channel reads or changes another number unless linked",
  regression: (c) => (c.outcome.ok ? { outcome: "NOT_AUTHORIZED" } : { outcome: "ok" }),
  check(c) {
    const s = c.step
    if (s.t === "read") {
      const allowed = s.by === s.msisdn || (c.before.get(s.by)?.linked.has(s.msisdn) ?? false)
      const exists = c.before.get(s.msisdn) !== undefined
      if (!allowed && c.outcome.ok) return `${s.by} read the account of ${s.msisdn} (not linked)`
      if (allowed && exists && !c.outcome.ok)
        return `${s.by} was refused its own/linked account ${s.msisdn}: ${c.outcome.code}`
      return null
    }
    if (s.t !== "command") return null
    const cmd = s.command
    const by = cmd.by
    if (by === undefined) return null
    if (SYSTEM_ONLY.has(cmd._tag)) {
      return c.outcome.ok || c.events.length > 0 ? `${cmd._tag} sent by subscriber ${by} was accepted` : null
    }
    if (SELF_AUTHENTICATING.has(cmd._tag) || !("msisdn" in cmd)) return null
    const target = cmd.msisdn
    if (by === target || (c.before.get(by)?.linked.has(target) ?? false)) return null
    if (c.outcome.ok) return `${by} ran ${cmd._tag} on ${target} without being linked`
    if (c.events.length > 0)
      return `${by}'s refused ${cmd._tag} on ${target} still recorded ${c.events.map((e) => e.type).join(", ")}`
    return null
  },
}
