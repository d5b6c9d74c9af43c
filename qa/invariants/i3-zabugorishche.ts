// I3 «Забугорище» is charged at most once per day, never on a day at home, never on a day
// abroad without usage — and (R3) it is charged on a day abroad with usage while connected.
import { mskDay } from "../../core/domain/time.ts"
import { isAbroad, walk, type Invariant, type StepCheck } from "./types.ts"

export const i3Zabugorishche: Invariant = {
  id: "I3",
  title: "«Забугорище» at most once per day, never at home, never abroad without usage",
  check(c) {
    return (
      walk(c, (e, at) => {
        if (at === undefined) return null
        if (e.type === "Money" && e.reason === "fee-zabugorishche") {
          const day = mskDay(e.at)
          if (at.zabugorDays.has(day))
            return `«Забугорище» charged twice to ${e.msisdn} on Moscow day ${day} (seq ${e.seq})`
          if (!isAbroad(at.location)) return `«Забугорище» charged to ${e.msisdn} at ${at.location} (seq ${e.seq})`
          const used = c.events.some(
            (u) =>
              u.type === "UsageRated" &&
              u.msisdn === e.msisdn &&
              u.at === e.at &&
              isAbroad(u.where) &&
              !(u.kind === "sms" && u.direction === "in"),
          )
          if (!used) return `«Забугорище» charged to ${e.msisdn} (seq ${e.seq}) with no use of service abroad`
          const popular = c.twin.cat.countries.get(at.location)?.popular === true
          const fee = popular
            ? c.twin.cat.data.roaming.zabugorishchePopular
            : c.twin.cat.data.roaming.zabugorishcheOther
          if (-e.amount !== fee) return `«Забугорище» in ${at.location} charged ${-e.amount}, catalog says ${fee}`
        }
        return null
      }) ?? checkCharged(c)
    )
  },
}

/** R3: every use abroad (incoming SMS aside) with «Забугорище» connected has its day charged. */
const checkCharged = (c: StepCheck): string | null => {
  for (const e of c.events) {
    if (e.type !== "UsageRated" || !isAbroad(e.where) || (e.kind === "sms" && e.direction === "in")) continue
    const pre = c.before.get(e.msisdn)
    if (pre === undefined || !pre.services.has("zabugorishche")) continue
    if (!(c.after.get(e.msisdn)?.zabugorDays.has(mskDay(e.at)) ?? false))
      return `${e.msisdn} used service abroad (seq ${e.seq}) with «Забугорище» and the day was not charged`
  }
  return null
}
