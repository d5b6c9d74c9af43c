// R14, I8: expense periods live in one place (core/engine/views.ts periodBounds); USSD *111*23#
// and the LK/app «Расходы» show the same sums for today, week and month in the Moscow calendar.
import { describe, expect, test } from "vitest"
import { Result } from "effect"
import { DAY, HOUR, MINUTE, parseInstant } from "../../core/domain/time.ts"
import {
  periodBounds,
  dateRangeBounds,
  expensesView,
  recentPaymentsView,
  type ExpensePeriod,
} from "../../core/engine/views.ts"
import * as op from "../../channels/selfcare/operations.ts"
import { formatRub } from "../../channels/text/money.ts"
import { addSub, newTwin, rub, run } from "../helpers/twin.ts"
import { rig } from "./ussd-setup.ts"

const at = (iso: string): number => parseInstant(iso) as number

describe("R14 periodBounds: the Moscow calendar", () => {
  test("R14: today from 00:00 MSK, week = the last 7 Moscow days incl. today, month from the 1st; all end at the end of today", () => {
    const now = at("2026-06-10T01:30:00+03:00") // 22:30 UTC on the 9th: still the 10th in Moscow
    const end = at("2026-06-11T00:00:00+03:00")
    expect(periodBounds(now, "today")).toEqual({ from: at("2026-06-10T00:00:00+03:00"), to: end })
    expect(periodBounds(now, "week")).toEqual({ from: at("2026-06-04T00:00:00+03:00"), to: end })
    expect(periodBounds(now, "month")).toEqual({ from: at("2026-06-01T00:00:00+03:00"), to: end })
  })
  test("R14: on the 1st the month is just today; at 23:59:59 MSK today still ends at midnight", () => {
    const first = at("2026-07-01T00:00:00+03:00")
    expect(periodBounds(first, "month")).toEqual(periodBounds(first, "today"))
    const late = at("2026-06-30T23:59:59+03:00")
    expect(periodBounds(late, "today").to).toBe(first)
    expect(periodBounds(late, "week").to - periodBounds(late, "week").from).toBe(7 * DAY)
  })
  test("R14: custom dates are inclusive Moscow days; bad or reversed dates name the field", () => {
    expect(Result.getOrThrow(dateRangeBounds("2026-06-01", "2026-06-30"))).toEqual({
      from: at("2026-06-01T00:00:00+03:00"),
      to: at("2026-07-01T00:00:00+03:00"),
    })
    const bad = (f: string, t: string): string | undefined => {
      const r = dateRangeBounds(f, t)
      return Result.isFailure(r) ? r.failure.field : undefined
    }
    expect(bad("2026-13-01", "2026-06-30")).toBe("from")
    expect(bad("2026-06-01", "June")).toBe("to")
    expect(bad("2026-06-30", "2026-06-01")).toBe("to")
    expect(bad("2024-01-01", "2026-01-01")).toBe("to")
  })
})

describe("I8 R14 every channel that shows expenses uses the same period", () => {
  const PAYG = "79161110077"
  const spendings = (): ReturnType<typeof rig> => {
    // Twin time starts 2026-06-01 09:00 MSK. Calls on a pay-as-you-go tariff at known instants.
    const r = rig()
    addSub(r.twin, PAYG, "super", rub(1000))
    const call = (minutes: number): void => {
      run(r.twin, { _tag: "Usage", msisdn: PAYG, usage: { _tag: "call", to: "79031112233", seconds: minutes * 60 } })
    }
    call(1) // 1 June 09:00: this month only
    r.twin.advanceTo(at("2026-06-01T23:57:00+03:00"))
    call(2) // 1 June 23:57: within 7×24 h of 8 June 23:55, but outside the Moscow week 2–8 June
    r.twin.advanceTo(at("2026-06-03T12:00:00+03:00"))
    call(5) // 3 June: this week
    r.twin.advanceTo(at("2026-06-08T00:10:00+03:00"))
    call(3) // today
    r.twin.advanceTo(at("2026-06-08T23:55:00+03:00"))
    return r
  }

  test("I8: *111*23# today/week/month equal the LK and the app «Расходы» and the core's expensesView", async () => {
    const r = spendings()
    const codes: Record<ExpensePeriod, string> = { today: "*111*23*1#", week: "*111*23*2#", month: "*111*23*3#" }
    const label: Record<ExpensePeriod, string> = { today: "за сегодня", week: "за неделю", month: "за месяц" }
    const expected: Record<ExpensePeriod, number> = { today: rub(6), week: rub(16), month: rub(22) }
    for (const p of ["today", "week", "month"] as const) {
      const core = Result.getOrThrow(expensesView(r.twin, PAYG, p, PAYG)).totals.spent
      expect([p, core]).toEqual([p, expected[p]])
      const ussd = await r.drv.ussdDial(PAYG, codes[p])
      expect(ussd.text).toContain(`Расходы ${label[p]}: ${formatRub(core)}`)
      for (const via of ["lk", "app"] as const) {
        const lk = Result.getOrThrow(op.expenses({ twin: r.twin, me: PAYG, via }, PAYG, { period: p }))
        const d = lk.data.detail as { totals: { spent: number }; from: number; to: number }
        expect([p, via, d.totals.spent]).toEqual([p, via, core])
        expect({ from: d.from, to: d.to }).toEqual(periodBounds(r.twin.now, p))
      }
    }
  })

  test("I8 R9: USSD *111*23# 4 and IVR 111 2 2 list the same credited payments from the core", async () => {
    const r = spendings()
    run(r.twin, { _tag: "TopUp", msisdn: PAYG, amount: rub(150), method: "card" })
    const credits = Result.getOrThrow(recentPaymentsView(r.twin, PAYG, PAYG))
    expect(credits.map((c) => c.amount)).toEqual([rub(150)])
    expect((await r.drv.ussdDial(PAYG, "*111*23*4#")).text).toContain("Платежи за 30 дней:")
    expect((await r.drv.ivrCall(PAYG, "111", "22")).text).toContain(
      "Зачисленные платежи за 30 дней: 08.06.2026 — 150 рублей 0 копеек, пополнение картой.",
    )
  })

  test("R14: reading expenses changes nothing", () => {
    const t = newTwin()
    addSub(t, PAYG, "super", rub(100))
    t.advanceBy(HOUR + MINUTE)
    const h = t.hash()
    const n = t.log.count()
    for (const p of ["today", "week", "month"] as const) Result.getOrThrow(expensesView(t, PAYG, p))
    expect([t.hash(), t.log.count()]).toEqual([h, n])
  })
})
