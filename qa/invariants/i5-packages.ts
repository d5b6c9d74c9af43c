// I5 A package never goes below zero; usage beyond it is priced, never lost.
import type { UsageRated } from "../../core/domain/events.ts"
import { isRussianNumber } from "../../core/rules/rating.ts"
import { KB_PER_MB } from "../../core/rules/packages.ts"
import type { TwinCore } from "../../core/engine/twin-core.ts"
import type { ShadowSub } from "./shadow.ts"
import { isAbroad, type Invariant } from "./types.ts"

/** What the overflow of a usage should cost, and whether packages may cover it at all (the model of R3/R4). */
const expected = (
  twin: TwinCore,
  sub: ShadowSub,
  e: UsageRated,
  uncovered: number,
): { cost: number; packages: boolean } | null => {
  const t = twin.cat.tariffs.get(sub.tariff)
  if (t === undefined) return null
  const r = twin.cat.data.roaming
  const mb = (kb: number): number => Math.ceil(kb / KB_PER_MB)
  if (!isAbroad(e.where)) {
    if (e.direction === "in") return { cost: 0, packages: false }
    if (e.kind === "data") return { cost: mb(uncovered) * t.payg.dataMb, packages: true }
    if (!isRussianNumber(e.peer))
      return { cost: e.units * (e.kind === "call" ? t.payg.intlCallMinute : t.payg.intlSms), packages: false }
    return { cost: uncovered * (e.kind === "call" ? t.payg.callMinute : t.payg.sms), packages: true }
  }
  if (sub.services.has("zabugorishche")) {
    if (e.kind === "sms" && e.direction === "in") return { cost: 0, packages: false }
    if (e.kind === "data") return { cost: mb(uncovered) * t.payg.dataMb, packages: true }
    return { cost: uncovered * (e.kind === "call" ? t.payg.callMinute : t.payg.sms), packages: true }
  }
  if (e.kind === "data") return { cost: mb(e.units) * r.dataMb, packages: false }
  if (e.kind === "call")
    return { cost: e.units * (e.direction === "in" ? r.incomingMinute : r.callMinute), packages: false }
  return { cost: e.direction === "in" ? 0 : e.units * r.sms, packages: false }
}

export const i5Packages: Invariant = {
  id: "I5",
  title: "a package never goes below zero; overflow is priced, never lost",
  check(c) {
    for (const s of c.twin.state.subscribers.values()) {
      for (const p of s.packages) {
        if (!Number.isSafeInteger(p.left) || p.left < 0) return `${s.msisdn}: package ${p.id} has ${p.left} left`
        if (p.left > p.total) return `${s.msisdn}: package ${p.id} has ${p.left} left of ${p.total}`
      }
    }
    for (const e of c.events) {
      if (e.type !== "UsageRated") continue
      let drawn = 0
      for (const [id, n] of e.draws) {
        if (!Number.isSafeInteger(n) || n <= 0) return `usage seq ${e.seq}: draw of ${n} from ${id}`
        drawn += n
      }
      if (drawn > e.units) return `usage seq ${e.seq} of ${e.msisdn}: drew ${drawn} from packages for ${e.units} units`
      const pre = c.before.get(e.msisdn)
      if (pre === undefined) continue
      const x = expected(c.twin, pre, e, e.units - drawn)
      if (x === null) continue
      if (!x.packages && drawn > 0)
        return (
          `usage seq ${e.seq} of ${e.msisdn} (${e.kind} ${e.direction} at ${e.where} to ${e.peer}) ` +
          `drew ${drawn} from packages that do not cover it`
        )
      if (e.cost !== x.cost)
        return (
          `usage seq ${e.seq} of ${e.msisdn} (${e.kind} ${e.direction} at ${e.where}, ${e.units} units, ` +
          `${drawn} from packages): cost ${e.cost}, expected ${x.cost}`
        )
      if (x.packages && drawn < e.units && c.step.t === "command" && c.step.command._tag === "Usage") {
        const kind = e.kind === "call" ? "minutes" : e.kind
        const s = c.twin.state.subscribers.get(e.msisdn)
        const left =
          s?.packages.filter(
            (p) =>
              p.kind === kind &&
              p.left > 0 &&
              (p.expiresAt === null || p.expiresAt > e.at || p.source === "tariff" || p.source === "share"),
          ) ?? []
        if (left.length > 0) {
          const still = left.map((p) => `${p.id}=${p.left}`).join(", ")
          return `usage seq ${e.seq} of ${e.msisdn}: ${e.units - drawn} units priced while ${still} still had units`
        }
      }
    }
    return null
  },
}
