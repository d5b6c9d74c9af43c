// The channel executor: steps that a channel offers go through the real channel adapters over
// HTTP (in-process `app.fetch`), the rest (network, clock, operator) through the core. The
// parity step reads one fact — the balance — through USSD, IVR, LK, app and kiosk (I8).
import { makeApp } from "../channels/http.ts"
import type { ChannelReply, Fetcher } from "../channels/driver.ts"
import { makeTelephonyDriver } from "../channels/telephony-driver.ts"
import { makeWebDrivers } from "../channels/web-driver.ts"
import { formatAmount } from "../core/domain/money.ts"
import type { QaTwin } from "./runner.ts"
import { executeOnCore, inboxCode, type Executor, type Step, type StepOutcome } from "./steps.ts"

const reply = (r: ChannelReply, via: string): StepOutcome => ({ ok: r.ok, code: r.ok ? null : (r.error?.code ?? `HTTP_${r.status}`), via })

export const channelExecutor = (t: QaTwin): Executor => {
  const app = makeApp({ registry: t.registry })
  const fetcher: Fetcher = (req) => Promise.resolve(app.fetch(req))
  const tel = makeTelephonyDriver(fetcher, t.twin.id)
  const web = makeWebDrivers(fetcher, t.twin.id)
  const loggedIn = new Set<string>()

  /** Log `msisdn` in to lk/app with a fresh SMS code (a handset reading its inbox). */
  const login = async (ch: "lk" | "app" | "kiosk", msisdn: string): Promise<boolean> => {
    const key = `${ch}:${msisdn}`
    if (loggedIn.has(key)) return true
    if (ch === "kiosk") {
      await tel.smsSend(msisdn, "6262", "")
      await web.kiosk.perform(msisdn, "start", {})
      const r = await web.kiosk.perform(msisdn, "login", { code: inboxCode(t.twin, msisdn, "6262", /(\d{6})/) ?? "" })
      if (r.ok) loggedIn.add(key)
      return r.ok
    }
    await web[ch].perform(msisdn, "request-code", {})
    const r = await web[ch].perform(msisdn, "login", { code: inboxCode(t.twin, msisdn, "3339") ?? "" })
    if (r.ok) loggedIn.add(key)
    return r.ok
  }

  const parity = async (msisdn: string): Promise<StepOutcome> => {
    const s = t.twin.state.subscribers.get(msisdn)
    if (s === undefined) return { ok: false, code: "UNKNOWN_SUBSCRIBER", via: "parity" }
    const seen: string[] = []
    const bad: string[] = []
    const expectText = (ch: string, text: string, balance: number): void => {
      seen.push(ch)
      if (!text.includes(formatAmount(balance))) bad.push(`${ch} shows ${JSON.stringify(text.slice(0, 80))}, balance is ${formatAmount(balance)}`)
    }
    expectText("ussd", (await tel.ussdDial(msisdn, "*100#")).text, s.balance)
    const ivr = (await tel.ivrCall(msisdn, "111", "11")).text
    const rub = Math.trunc(Math.abs(s.balance) / 100)
    const kop = Math.abs(s.balance) % 100
    seen.push("ivr")
    if (!ivr.includes(`${rub} рубл`) && !ivr.includes(`${rub} рубе`) && !ivr.includes(`${rub} руб`)) bad.push(`ivr says ${JSON.stringify(ivr.slice(-90))}, balance is ${rub} rubles ${kop} kopecks`)
    for (const ch of ["lk", "app", "kiosk"] as const) {
      if (ch === "kiosk" && !s.services.includes("e-assistant")) continue
      if (!(await login(ch, msisdn))) continue
      const r = await web[ch].perform(msisdn, "balance", {})
      const now = t.twin.state.subscribers.get(msisdn)?.balance ?? s.balance
      const d = r.data as { balance?: unknown } | null
      if (!r.ok) {
        loggedIn.delete(`${ch}:${msisdn}`)
        continue
      }
      seen.push(ch)
      if (d?.balance !== now) bad.push(`${ch} shows balance ${String(d?.balance)}, the account has ${now}`)
    }
    return bad.length === 0
      ? { ok: true, code: null, via: "parity", detail: `read through ${seen.join(", ")}` }
      : { ok: false, code: "PARITY_MISMATCH", via: "parity", detail: bad.join("; ") }
  }

  const execute = async (step: Step): Promise<StepOutcome> => {
    if (step.t === "parity") return parity(step.msisdn)
    if (step.t === "command") {
      const c = step.command
      // Self-service actions a channel offers go through it (acting as the number itself).
      if ("msisdn" in c && (c.by === c.msisdn || c.by === undefined)) {
        if (c._tag === "RequestKioskCode") return reply(await tel.smsSend(c.msisdn, "6262", ""), "sms")
        if (c._tag === "FamilyReply") return reply(await tel.smsSend(c.msisdn, c.to ?? "111", c.accept ? "Да" : "Нет"), "sms")
      }
      if ("msisdn" in c && c.by === c.msisdn && (c._tag === "TopUp" || c._tag === "Block" || c._tag === "Unblock" || c._tag === "ConnectService" || c._tag === "BuyPackage") && (await login("lk", c.msisdn))) {
        const args: Record<string, unknown> =
          c._tag === "TopUp" ? { amount: (c.amount / 100).toFixed(2), method: c.method } : c._tag === "ConnectService" ? { service: c.service } : c._tag === "BuyPackage" ? { offer: c.offer } : {}
        const op = c._tag === "TopUp" ? "topup" : c._tag === "Block" ? "block" : c._tag === "Unblock" ? "unblock" : c._tag === "ConnectService" ? "connect-service" : "buy-package"
        return reply(await web.lk.perform(c.msisdn, op, args), "lk")
      }
    }
    return executeOnCore(t.twin, step)
  }
  return { twin: t.twin, execute }
}
