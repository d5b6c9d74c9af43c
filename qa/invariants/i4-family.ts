// I4 A family group has ≤ 5 members (catalog); shared amounts never exceed the owner's packages.
import { KB_PER_MB, tariffAmounts } from "../../core/rules/packages.ts"
import type { Invariant } from "./types.ts"

export const i4Family: Invariant = {
  id: "I4",
  title: "family ≤ max members; shares never exceed the owner's packages",
  check(c) {
    const st = c.twin.state
    const max = c.twin.cat.data.family.maxMembers
    for (const o of st.subscribers.values()) {
      const f = o.family
      if (f === null) continue
      if (f.role !== "owner") {
        const owner = st.subscribers.get(f.owner)
        const entry =
          owner?.family?.role === "owner" ? owner.family.members.find((m) => m.msisdn === o.msisdn) : undefined
        if (entry === undefined) return `${o.msisdn} is ${f.role} of ${f.owner}, who does not list it`
        if ((f.role === "member") !== (entry.status === "active"))
          return `${o.msisdn} is ${f.role} but listed as ${entry.status} by ${f.owner}`
        if (f.role === "member" && o.tariff !== c.twin.cat.data.family.memberTariff)
          return `member ${o.msisdn} is on ${o.tariff}, not the member tariff`
        continue
      }
      if (f.members.length > max) return `owner ${o.msisdn} has ${f.members.length} members (at most ${max})`
      if (f.members.length === 0) return `owner ${o.msisdn} has an empty group`
      const t = c.twin.cat.tariffs.get(o.tariff)
      if (t === undefined || !t.familyOwner)
        return `owner ${o.msisdn} with members is on ${o.tariff}, which cannot share`
      const amounts = tariffAmounts(t, o.constructorChoice)
      const shared = { minutes: 0, sms: 0, dataMb: 0 }
      for (const m of f.members) {
        const ms = st.subscribers.get(m.msisdn)
        if (ms === undefined) return `owner ${o.msisdn} lists unknown member ${m.msisdn}`
        const back = ms.family
        if (back === null || back.role === "owner" || back.owner !== o.msisdn)
          return `owner ${o.msisdn} lists ${m.msisdn}, which does not point back`
        if (m.status !== "active") continue
        shared.minutes += m.shares.minutes
        shared.sms += m.shares.sms
        shared.dataMb += m.shares.dataMb
        for (const p of ms.packages) {
          if (p.source !== "share") continue
          const cap =
            p.kind === "minutes" ? m.shares.minutes : p.kind === "sms" ? m.shares.sms : m.shares.dataMb * KB_PER_MB
          if (p.total > cap) return `member ${m.msisdn} holds a ${p.kind} share of ${p.total}, the owner granted ${cap}`
        }
      }
      if (shared.minutes > amounts.minutes || shared.sms > amounts.sms || shared.dataMb > amounts.dataMb) {
        return `owner ${o.msisdn} shares ${JSON.stringify(shared)} > tariff packages ${JSON.stringify(amounts)}`
      }
      for (const p of o.packages) {
        if (p.source !== "tariff") continue
        const whole =
          p.kind === "minutes" ? amounts.minutes : p.kind === "sms" ? amounts.sms : amounts.dataMb * KB_PER_MB
        const given = p.kind === "minutes" ? shared.minutes : p.kind === "sms" ? shared.sms : shared.dataMb * KB_PER_MB
        if (p.total + given > whole)
          return `owner ${o.msisdn}: ${p.kind} package ${p.total} + shared ${given} > tariff ${whole}`
      }
    }
    return null
  },
}
