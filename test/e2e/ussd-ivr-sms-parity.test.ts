// I8 channel parity: balance, tariff and packages read the same via USSD, IVR and SMS, for
// several subscribers and after usage that leaves odd remainders.
import { describe, expect, test } from "vitest"
import { parseRubles } from "../../core/domain/money.ts"
import { accountView } from "../../core/engine/views.ts"
import { packageLine } from "../../channels/text/amounts.ts"
import { run, rub, addSub } from "../helpers/twin.ts"
import { CONS, CREDIT, OWNER, rig } from "./ussd-setup.ts"

const NEG = "79161110030"

/** "Баланс: 1 234,56 руб." → kopecks */
const fromScreen = (t: string): number | null => {
  const m = /Баланс: (-?[\d\u00a0 ]+,\d{2}) руб\./.exec(t)
  return m === null ? null : parseRubles(m[1] as string)
}
/** "Ваш баланс: минус 716 рублей 92 копейки." → kopecks */
const fromVoice = (t: string): number | null => {
  const m = /Ваш баланс: (минус )?(\d+) рубл\S* (\d+) копе\S*\./.exec(t)
  if (m === null) return null
  const v = Number(m[2]) * 100 + Number(m[3])
  return m[1] === undefined ? v : -v
}

describe("I8 channel parity over USSD, IVR and SMS", () => {
  test.each([OWNER, CONS, CREDIT, NEG])(
    "I8 balance, tariff and packages of %s read the same in all three channels",
    async (m) => {
      const r = rig()
      addSub(r.twin, NEG, "my-mts", -71_692)
      if (m !== NEG) {
        run(r.twin, { _tag: "Usage", msisdn: m, usage: { _tag: "data", kb: 7_915 * 1024 + 333 } })
        run(r.twin, { _tag: "Usage", msisdn: m, usage: { _tag: "call", to: "79161110002", seconds: 61 } })
      }
      const v = accountView(r.twin, m)
      if (v._tag === "Failure") throw new Error(v.failure.message)
      const acc = v.success

      // balance
      const ussd = await r.drv.ussdDial(m, "*100#")
      const ivr = await r.drv.ivrCall(m, "111", "11")
      const sms = await r.drv.smsSend(m, "111", "баланс")
      expect(fromScreen(ussd.text)).toBe(acc.balance)
      expect(fromVoice(ivr.text)).toBe(acc.balance)
      expect(fromScreen(sms.text)).toBe(acc.balance)

      // tariff
      const name = `«${acc.tariff.name}»`
      expect((await r.drv.ussdDial(m, "*111*59#")).text).toContain(name)
      expect((await r.drv.ivrCall(m, "111", "4")).text).toContain(name)
      expect((await r.drv.smsSend(m, "111", "тариф")).text).toContain(name)

      // periodic packages: the same lines in every channel
      const lines = acc.packages.filter((p) => p.source === "tariff").map(packageLine)
      expect(lines.length).toBeGreaterThan(0)
      const screens: string[] = []
      let s = await r.drv.ussdDial(m, "*100*1#")
      screens.push(s.text)
      while (!s.end) {
        s = await r.drv.ussdReply(m, "9")
        screens.push(s.text)
      }
      const ussdPk = screens.join("\n")
      const ivrPk = (await r.drv.ivrCall(m, "111", "12")).text
      const smsPk = (await r.drv.smsSend(m, "111", "пакеты")).text
      for (const l of lines) {
        expect(ussdPk).toContain(l)
        expect(ivrPk).toContain(l)
        expect(smsPk).toContain(l)
      }
    },
  )

  test("I8 after a top-up through the IVR, USSD and SMS show the new balance", async () => {
    const r = rig()
    await r.drv.ivrCall(OWNER, "111", "2177#4276000000000001#")
    const ussd = fromScreen((await r.drv.ussdDial(OWNER, "*100#")).text)
    const sms = fromScreen((await r.drv.smsSend(OWNER, "111", "Баланс")).text)
    expect(ussd).toBe(rub(2077))
    expect(sms).toBe(rub(2077))
  })
})
