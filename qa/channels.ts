// The channel executor: each self-service step goes through the channel its command names
// (`via`) over HTTP (in-process `app.fetch`), the way a handset or a browser would do it —
// blocks through the IVR 111 menu, the LK or the app; promised payments through the IVR or the
// app; top-ups through the LK, the app or the kiosk; services through USSD short codes, the app
// or the kiosk; tariffs, transfers, packages, family and links through the LK or the app;
// consent and kiosk codes by SMS. The network, the clock, the operator's commands and actions on
// another number go to the core. Web sessions are opened by network identity, else with the
// code the SMS from 3339 (the kiosk: 6262) brings, read from the handset's inbox, and opened
// again when one has ended (20 minutes idle, R25). When a channel cannot be used without
// changing what the journey is about (wrong LK codes counted, a kiosk lock, no «Электронный
// Помощник»), the step goes to the core.
// The parity step reads one fact — the balance — through USSD, IVR, LK, app and kiosk (I8).
import { makeApp } from "../server/app.ts"
import type { ChannelReply, Fetcher } from "../channels/driver.ts"
import { makeTelephonyDriver } from "../channels/telephony-driver.ts"
import { makeWebDrivers } from "../channels/web-driver.ts"
import type { Command } from "../core/domain/commands.ts"
import { formatAmount } from "../core/domain/money.ts"
import type { QaTwin } from "./runner.ts"
import { executeOnCore, inboxCode, NO_CODE, type Executor, type Step, type StepOutcome, type Tokens } from "./steps.ts"

type WebChannel = "lk" | "app" | "kiosk"

const reply = (r: ChannelReply, via: string): StepOutcome => ({
  ok: r.ok,
  code: r.ok ? null : (r.error?.code ?? `HTTP_${r.status}`),
  via,
})
const rub = (kop: number): string => (kop / 100).toFixed(2)

/** Services whose USSD page connects or disconnects them (key 1 toggles; *111*2163# only connects). */
const USSD_SERVICE: Readonly<Record<string, string>> = { goodok: "*111*1#", blacklist: "*111*442#" }

export const channelExecutor = (t: QaTwin): Executor => {
  const app = makeApp({ registry: t.registry })
  const fetcher: Fetcher = (req) => Promise.resolve(app.fetch(req))
  const tel = makeTelephonyDriver(fetcher, t.twin.id)
  const web = makeWebDrivers(fetcher, t.twin.id)
  const sessions = new Set<string>()
  const tokens: Tokens = new Map()
  const sub = (m: string) => t.twin.state.subscribers.get(m)

  /** Open a session on a web channel without touching what the journey checks (no OTP, no wrong codes). */
  const open = async (ch: WebChannel, m: string): Promise<boolean> => {
    const s = sub(m)
    if (s === undefined) return false
    if (ch === "kiosk") {
      if (!s.services.includes("e-assistant") || s.auth.kioskLockedUntil > t.twin.now) return false
      await tel.smsSend(m, "6262", "")
      await web.kiosk.perform(m, "start", {})
      const r = await web.kiosk.perform(m, "login", { code: inboxCode(t.twin, m, "6262", /(\d{6})/) ?? NO_CODE })
      return r.ok
    }
    // R26: on MTS mobile data the number identifies the subscriber.
    if (s.mobileData) return (await web[ch].perform(m, "login", { network: true })).ok
    // Else an SMS code from 3339, read from the handset's inbox (R22). Asking for one resets the
    // LK's wrong-code count, so only when there is none to reset; else the step goes to the core.
    if (s.auth.lkFailures > 0 || s.auth.lkLocked) return false
    if (!(await web[ch].perform(m, "request-code", {})).ok) return false
    return (await web[ch].perform(m, "login", { code: inboxCode(t.twin, m, "3339") ?? NO_CODE })).ok
  }

  /** `op` on a web channel as `m`, logging in first and again when the session has ended; null: channel unavailable. */
  const webCall = async (
    ch: WebChannel,
    m: string,
    op: string,
    args: Record<string, unknown>,
  ): Promise<ChannelReply | null> => {
    const key = `${ch}:${m}`
    for (let attempt = 0; attempt < 2; attempt++) {
      if (!sessions.has(key)) {
        if (!(await open(ch, m))) return null
        sessions.add(key)
      }
      const r = await web[ch].perform(m, op, args)
      if (r.status !== 401 && r.error?.code !== "SESSION_INVALID") return r
      sessions.delete(key)
    }
    return null
  }
  const onWeb = async (
    ch: WebChannel,
    m: string,
    op: string,
    args: Record<string, unknown>,
  ): Promise<StepOutcome | null> => {
    const r = await webCall(ch, m, op, args)
    return r === null ? null : reply(r, ch)
  }

  /** The channel a self-service command goes through, and the call; null: the core. */
  const route = async (c: Command): Promise<StepOutcome | null> => {
    if (!("msisdn" in c) || c.by !== c.msisdn) return null
    const m = c.msisdn
    const s = sub(m)
    if (s === undefined) return null
    const web2 = (ch: "lk" | "app"): "lk" | "app" => (c.via === "app" || c.via === "lk" ? c.via : ch)
    switch (c._tag) {
      case "Block":
      case "Unblock":
        if (c.via === "ivr") return reply(await tel.ivrCall(m, "111", c._tag === "Block" ? "61" : "62"), "ivr")
        return onWeb(web2("lk"), m, c._tag === "Block" ? "block" : "unblock", {})
      case "PromisedPayment":
        if (c.amount === undefined) return reply(await tel.ivrCall(m, "111", "31"), "ivr")
        return onWeb("app", m, "promised-payment", { amount: rub(c.amount) })
      case "TopUp":
        // Cash goes into the kiosk; the LK takes cards, the app wallets; a bank transfer is no self-service channel's.
        if (c.method === "cash")
          return s.services.includes("e-assistant") ? onWeb("kiosk", m, "topup-cash", { amount: rub(c.amount) }) : null
        if (c.method === "bank") return null
        return onWeb(c.method === "card" ? "lk" : "app", m, "topup", { amount: rub(c.amount), method: c.method })
      case "ConnectService":
      case "DisconnectService": {
        const connect = c._tag === "ConnectService"
        const code = USSD_SERVICE[c.service]
        // The USSD page toggles: dial it only when the toggle does what the command asks.
        if (code !== undefined && s.services.includes(c.service) !== connect)
          return reply(await tel.ussdDial(m, `${code.slice(0, -1)}*1#`), "ussd")
        if (connect && c.service === "e-assistant") return reply(await tel.ussdDial(m, "*111*2163#"), "ussd")
        const op = connect ? "connect-service" : "disconnect-service"
        return (await onWeb("kiosk", m, op, { service: c.service })) ?? onWeb("app", m, op, { service: c.service })
      }
      case "ChangeTariff": {
        const r = await webCall(web2("app"), m, "change-tariff", { tariff: c.tariff, confirmed: c.confirmed === true })
        if (r === null) return null
        // Unconfirmed, the channel shows the quote and asks to confirm (R6): the core's CONFIRMATION_REQUIRED.
        const quote = r.ok && (r.data as { confirmationRequired?: unknown } | null)?.confirmationRequired === true
        return quote ? { ok: false, code: "CONFIRMATION_REQUIRED", via: web2("app") } : reply(r, web2("app"))
      }
      case "BuyPackage":
        return onWeb(web2("lk"), m, "buy-package", { offer: c.offer })
      case "Transfer":
        return onWeb(web2("lk"), m, "transfer", { to: c.to, amount: rub(c.amount) })
      case "ExchangeBonus":
        return onWeb("app", m, "exchange-bonus", { offer: c.offer })
      case "SetAutopay":
        return onWeb("lk", m, "autopay", {
          mode: c.mode,
          amount: rub(c.amount),
          ...(c.day !== undefined ? { day: c.day } : {}),
          ...(c.threshold !== undefined ? { threshold: rub(c.threshold) } : {}),
        })
      case "CancelAutopay":
        return onWeb("lk", m, "autopay", { mode: "off" })
      case "SetNotifications":
        return onWeb("lk", m, "notifications", {
          ...(c.charges !== undefined ? { charges: c.charges } : {}),
          ...(c.logins !== undefined ? { logins: c.logins } : {}),
        })
      case "FamilyInvite":
        return onWeb("lk", m, "family-invite", {
          member: c.member,
          minutes: c.minutes,
          sms: c.sms,
          data: `${c.dataMb}MB`,
        })
      case "FamilyRemove":
        return onWeb("lk", m, "family-remove", { member: c.member })
      case "FamilyReply":
        return reply(await tel.smsSend(m, c.to ?? "111", c.accept ? "Да" : "Нет"), "sms")
      case "RequestKioskCode":
        return reply(await tel.smsSend(m, "6262", ""), "sms")
      case "LinkRequest":
        return onWeb("lk", m, "link-request", { target: c.target })
      case "LinkConfirm":
        return onWeb("lk", m, "link-confirm", { target: c.target, code: c.code })
      case "Unlink":
        return onWeb("lk", m, "unlink", { target: c.target })
      case "SetPassword":
        return onWeb("lk", m, "set-password", { password: c.password })
      case "Login": {
        // A login attempt is the channel's own: through its login form, not a session.
        const r = await web[c.channel].perform(m, "login", { code: c.secret })
        if (r.ok) sessions.add(`${c.channel}:${m}`)
        return reply(r, c.channel)
      }
      default:
        return null
    }
  }

  const parity = async (msisdn: string): Promise<StepOutcome> => {
    const s = sub(msisdn)
    if (s === undefined) return { ok: false, code: "UNKNOWN_SUBSCRIBER", via: "parity" }
    const seen: string[] = []
    const bad: string[] = []
    const ussd = (await tel.ussdDial(msisdn, "*100#")).text
    seen.push("ussd")
    if (!ussd.includes(formatAmount(s.balance)))
      bad.push(`ussd shows ${JSON.stringify(ussd.slice(0, 80))}, balance is ${formatAmount(s.balance)}`)
    const ivr = (await tel.ivrCall(msisdn, "111", "11")).text
    const rubles = Math.trunc(Math.abs(s.balance) / 100)
    seen.push("ivr")
    if (!ivr.includes(`${rubles} рубл`) && !ivr.includes(`${rubles} рубе`) && !ivr.includes(`${rubles} руб`))
      bad.push(
        `ivr says ${JSON.stringify(ivr.slice(-90))}, balance is ${rubles} rubles ${Math.abs(s.balance) % 100} kopecks`,
      )
    for (const ch of ["lk", "app", "kiosk"] as const) {
      const r = await webCall(ch, msisdn, "balance", {})
      if (r === null || !r.ok) continue
      const now = sub(msisdn)?.balance ?? s.balance
      const d = r.data as { balance?: unknown } | null
      seen.push(ch)
      if (d?.balance !== now) bad.push(`${ch} shows balance ${String(d?.balance)}, the account has ${now}`)
    }
    return bad.length === 0
      ? { ok: true, code: null, via: "parity", detail: `read through ${seen.join(", ")}` }
      : { ok: false, code: "PARITY_MISMATCH", via: "parity", detail: bad.join("; ") }
  }

  const execute = async (step: Step): Promise<StepOutcome> => {
    switch (step.t) {
      case "parity":
        return parity(step.msisdn)
      case "command":
        return (await route(step.command)) ?? executeOnCore(t.twin, step, tokens)
      case "login-inbox": {
        // The handset reads the code from 3339 in its inbox and types it into the login form.
        const r = await web[step.channel].perform(step.msisdn, "login", {
          code: inboxCode(t.twin, step.msisdn, "3339") ?? NO_CODE,
        })
        if (r.ok) sessions.add(`${step.channel}:${step.msisdn}`)
        return reply(r, step.channel)
      }
      case "kiosk-inbox": {
        await web.kiosk.perform(step.msisdn, "start", {})
        const r = await web.kiosk.perform(step.msisdn, "login", {
          code: inboxCode(t.twin, step.msisdn, "6262", /(\d{6})/) ?? NO_CODE,
        })
        if (r.ok) sessions.add(`kiosk:${step.msisdn}`)
        return reply(r, "kiosk")
      }
      default:
        return executeOnCore(t.twin, step, tokens)
    }
  }
  return { twin: t.twin, execute }
}
