// The small, simplified model a journey runs against next to the twin. It predicts only what
// is certain from little state (blocks, LK wrong-code counting and locks, usage while blocked,
// who may act on whom) and follows the twin's answers for the rest. A prediction that differs
// from the twin's answer fails the journey like an invariant does.
import type { CatalogIndex } from "../core/catalog/load.ts"
import type { Step, StepOutcome } from "./steps.ts"

export interface ModelSub {
  tariff: string
  blocked: boolean
  lkFailures: number
  lkLocked: boolean
  /** «Мобильный помощник» connected (R18: off, managing through 111, the LK and the app is refused). */
  assistant: boolean
}

/** R18: the channels of the assistant (core/rules/assistant.ts). */
const ASSISTANT_VIA: ReadonlySet<string> = new Set(["ivr", "lk", "app"])

/** "ok" or the error code the twin must answer. */
export type Prediction = string

export class QaModel {
  readonly subs = new Map<string, ModelSub>()
  constructor(readonly cat: CatalogIndex) {}

  /** What the twin must answer to `step`, or undefined when the model does not know. */
  predict(step: Step): Prediction | undefined {
    if (step.t === "login-inbox") return this.subs.get(step.msisdn)?.lkLocked === true ? "LOGIN_LOCKED" : undefined
    if (step.t !== "command") return undefined
    const c = step.command
    if (!("msisdn" in c)) return undefined
    const s = this.subs.get(c.msisdn)
    if (c._tag === "CreateSubscriber") return s !== undefined ? "SUBSCRIBER_EXISTS" : undefined
    if (s === undefined)
      return c._tag === "Usage" || c._tag === "Travel"
        ? c.by !== undefined
          ? "NOT_AUTHORIZED"
          : "UNKNOWN_SUBSCRIBER"
        : undefined
    const self = c.by === undefined || c.by === c.msisdn
    // R18: checked before the rule itself, for a subscriber acting through the assistant.
    const assistantOff = c.by !== undefined && c.via !== undefined && ASSISTANT_VIA.has(c.via) && !s.assistant
    switch (c._tag) {
      case "Block":
        if (!self) return undefined
        if (assistantOff) return "MOBILE_ASSISTANT_REQUIRED"
        if (this.cat.tariffs.get(s.tariff)?.corporate === true && c.via === "ivr") return "BLOCK_NOT_ALLOWED"
        return s.blocked ? "ALREADY_BLOCKED" : "ok"
      case "Unblock":
        if (self && assistantOff) return "MOBILE_ASSISTANT_REQUIRED"
        return self ? (s.blocked ? "ok" : "NOT_BLOCKED") : undefined
      case "Usage":
        if (c.by !== undefined) return "NOT_AUTHORIZED"
        return s.blocked ? "BLOCKED" : undefined
      case "Login": {
        if (s.lkLocked) return "LOGIN_LOCKED"
        const secret = c.secret.trim()
        if (secret.length === 0 || secret.length > 128) return "INVALID_FIELD"
        // The generated wrong secrets are never a code or a password the twin issued.
        return s.lkFailures + 1 >= this.cat.data.auth.lkMaxFailures ? "LOGIN_LOCKED" : "WRONG_CODE"
      }
      default:
        return undefined
    }
  }

  /** Follow the twin's answer. */
  update(step: Step, out: StepOutcome): void {
    const code = out.code ?? "ok"
    if (step.t === "login-inbox") {
      this.loginAnswer(step.msisdn, code)
      return
    }
    if (step.t !== "command") return
    const c = step.command
    if (!("msisdn" in c)) return
    if (c._tag === "CreateSubscriber") {
      if (out.ok) {
        const assistant =
          (this.cat.tariffs.get(c.tariff)?.defaultServices.includes("mobile-assistant") ?? false) ||
          (c.services ?? []).includes("mobile-assistant")
        this.subs.set(c.msisdn, { tariff: c.tariff, blocked: false, lkFailures: 0, lkLocked: false, assistant })
      }
      return
    }
    const s = this.subs.get(c.msisdn)
    if (s === undefined || (!out.ok && c._tag !== "Login")) return
    switch (c._tag) {
      case "Block":
        s.blocked = true
        return
      case "Unblock":
        s.blocked = false
        return
      case "RequestOtp":
        s.lkLocked = false
        s.lkFailures = 0
        return
      case "Login":
        this.loginAnswer(c.msisdn, code)
        return
      // R24: wrong codes count "in a row": any login that succeeds, on mobile data too (R26), ends the row.
      case "LoginByNetwork":
        s.lkFailures = 0
        return
      case "ChangeTariff":
        s.tariff = c.tariff
        if (this.cat.tariffs.get(c.tariff)?.defaultServices.includes("mobile-assistant") === true) s.assistant = true
        return
      case "ConnectService":
        if (c.service === "mobile-assistant") s.assistant = true
        return
      case "DisconnectService":
        if (c.service === "mobile-assistant") s.assistant = false
        return
      case "FamilyReply":
        if (c.accept) s.tariff = this.cat.data.family.memberTariff
        return
      default:
        return
    }
  }

  private loginAnswer(msisdn: string, code: string): void {
    const s = this.subs.get(msisdn)
    if (s === undefined) return
    if (code === "ok") s.lkFailures = 0
    else if (code === "WRONG_CODE") s.lkFailures++
    else if (code === "LOGIN_LOCKED" && !s.lkLocked) {
      s.lkFailures++
      s.lkLocked = true
    }
  }
}
