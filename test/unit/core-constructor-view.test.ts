// R5: the read-only constructor options view (options, current choice, fees; null off a constructor tariff).
import { describe, expect, it } from "vitest"
import { Result } from "effect"
import { constructorOptions } from "../../core/engine/views.ts"
import { addSub, newTwin, rub, run } from "../helpers/twin.ts"

const C = "79160000010"
const M = "79160000011"

describe("R5 constructorOptions", () => {
  it("R5: lists the tariff's minute and data options with fees, the current choice and the monthly fee", () => {
    const t = newTwin()
    addSub(t, C, "constructor", rub(800))
    const o = Result.getOrThrow(constructorOptions(t, C, C))
    expect(o).not.toBeNull()
    if (o === null) return
    expect([o.tariff, o.name, o.baseFee, o.sms]).toEqual(["constructor", "Мой тариф", rub(200), 100])
    expect(o.minutes.map((m) => [m.amount, m.fee, m.current])).toEqual([
      [100, rub(50), false],
      [300, rub(120), true],
      [600, rub(220), false],
      [1000, rub(330), false],
    ])
    expect(o.dataGb.filter((d) => d.current).map((d) => d.amount)).toEqual([10])
    expect(o.current).toEqual({ minutes: 300, dataGb: 10 })
    expect(o.monthlyFee).toBe(rub(200 + 120 + 160))
    expect(o.mobileAssistant).toBe(true)
    run(t, { _tag: "ConfigureConstructor", msisdn: C, minutes: 600, dataGb: 40, by: C, via: "ivr" })
    const after = Result.getOrThrow(constructorOptions(t, C))
    expect([after?.current, after?.monthlyFee]).toEqual([{ minutes: 600, dataGb: 40 }, rub(200 + 220 + 380)])
  })
  it("R5: null when not on a constructor tariff; reading changes nothing", () => {
    const t = newTwin()
    addSub(t, M, "my-mts")
    const h = t.hash()
    const n = t.log.count()
    expect(Result.getOrThrow(constructorOptions(t, M, M))).toBeNull()
    expect([t.hash(), t.log.count()]).toEqual([h, n])
  })
  it("R5: shows whether «Мобильный помощник» is connected (without it the core refuses changes)", () => {
    const t = newTwin()
    addSub(t, C, "constructor", rub(800))
    run(t, { _tag: "DisconnectService", msisdn: C, service: "mobile-assistant" })
    expect(Result.getOrThrow(constructorOptions(t, C))?.mobileAssistant).toBe(false)
  })
  it("R5 I9: another number may not read the options", () => {
    const t = newTwin()
    addSub(t, C, "constructor", rub(800))
    addSub(t, M, "my-mts")
    const r = constructorOptions(t, C, M)
    expect(Result.isFailure(r) ? [r.failure.code, r.failure.field] : null).toEqual(["NOT_AUTHORIZED", "msisdn"])
  })
})
