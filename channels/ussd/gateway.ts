// The USSD gateway: one session per handset of a twin, continue (CON) and end (END) screens,
// chained codes, `0` back, `00` main menu, «Далее» paging, idle timeout in twin time.
import type { DomainError } from "../../core/domain/errors.ts"
import type { TwinCore } from "../../core/engine/twin-core.ts"
import { NEXT_KEY, paginate } from "../text/screen.ts"
import type { Node, UssdCtx } from "./nodes.ts"
import { parseCode, resolve, root } from "./tree.ts"

export interface Screen {
  readonly text: string
  /** The session is over (an END screen). */
  readonly end: boolean
  /** The core's refusal behind this screen, if an action was refused. */
  readonly error: DomainError | null
}

interface Frame {
  readonly node: Node
  page: number
}

interface Session {
  readonly key: string
  /** Gateway session id (Africa's Talking `sessionId`), when the session came through that API. */
  readonly gatewayId: string | null
  stack: Frame[]
  /** Twin time of the last screen. */
  lastAt: number
  /** Replies consumed from the gateway's cumulative `text` (Africa's Talking sends all of them each time). */
  consumed: number
}

export const UNKNOWN_COMMAND = "Неверная команда"
export const SESSION_EXPIRED = "Сеанс завершен. Наберите команду заново"
const INVALID_CHOICE = "Неверный выбор"
const BACK = "0>Назад"

/** Bound on live sessions per gateway (TigerStyle: every queue has a bound); the idlest go first. */
export const MAX_SESSIONS = 10_000
/** Longest reply a handset can send in one USSD message. */
export const MAX_INPUT = 182

const menuLines = (n: Extract<Node, { kind: "menu" }>): string[] => [
  ...n.title,
  ...n.items.map((i) => `${i.key}>${i.label}`),
]

/** The pages of a frame's node; menus below the root carry «0>Назад». */
const pagesOf = (node: Node, depth: number): string[] => {
  switch (node.kind) {
    case "menu":
      return paginate(menuLines(node), depth > 1 ? [BACK] : [])
    case "prompt":
      return paginate(node.lines)
    case "text":
      return paginate(node.lines)
  }
}

export class UssdGateway {
  private readonly sessions = new Map<string, Session>()

  constructor(private readonly maxSessions = MAX_SESSIONS) {}

  get size(): number {
    return this.sessions.size
  }

  private static key(twin: TwinCore, msisdn: string): string {
    return `${twin.id}\u0000${msisdn}`
  }

  /** The live session of a handset (null when none or idle longer than the twin's timeout). */
  private live(twin: TwinCore, msisdn: string): Session | null {
    const k = UssdGateway.key(twin, msisdn)
    const s = this.sessions.get(k)
    if (s === undefined) return null
    if (twin.now - s.lastAt > twin.cat.data.channels.ussdIdleSeconds * 1000) {
      this.sessions.delete(k)
      return null
    }
    return s
  }

  /** Dial a code: a new session replaces any old one of the handset. */
  dial(twin: TwinCore, msisdn: string, code: string, gatewayId: string | null = null): Screen {
    const k = UssdGateway.key(twin, msisdn)
    this.sessions.delete(k)
    const parts = parseCode(code)
    const found = parts === null ? null : resolve(twin, parts)
    if (found === null) return { text: UNKNOWN_COMMAND, end: true, error: null }
    const x: UssdCtx = { twin, msisdn }
    const s: Session = { key: k, gatewayId, stack: [{ node: found.entry(x), page: 0 }], lastAt: twin.now, consumed: 0 }
    let screen = this.show(s)
    for (const input of found.chain) {
      if (screen.end) break
      screen = this.step(x, s, input)
    }
    if (!screen.end) this.keep(s)
    return screen
  }

  /** A reply typed into the open session; END when there is none. */
  reply(twin: TwinCore, msisdn: string, input: string): Screen {
    const s = this.live(twin, msisdn)
    if (s === null) return { text: SESSION_EXPIRED, end: true, error: null }
    const screen = this.step({ twin, msisdn }, s, input.trim())
    if (screen.end) this.sessions.delete(s.key)
    else this.keep(s)
    return screen
  }

  /**
   * Africa's Talking style: `text` holds every reply of the session joined by `*`; only the new
   * ones are applied. An empty `text` starts the session by dialling `serviceCode`.
   */
  gateway(twin: TwinCore, msisdn: string, sessionId: string, serviceCode: string, textAll: string): Screen {
    if (textAll === "") return this.dial(twin, msisdn, serviceCode, sessionId)
    const s = this.live(twin, msisdn)
    if (s === null || s.gatewayId !== sessionId) return { text: SESSION_EXPIRED, end: true, error: null }
    const inputs = textAll.split("*")
    let screen: Screen = this.show(s)
    for (const input of inputs.slice(s.consumed)) {
      s.consumed++
      screen = this.step({ twin, msisdn }, s, input)
      if (screen.end) break
    }
    if (screen.end) this.sessions.delete(s.key)
    else this.keep(s)
    return screen
  }

  /** Remember a session as the most recent, evicting the idlest beyond the bound. */
  private keep(s: Session): void {
    this.sessions.delete(s.key)
    this.sessions.set(s.key, s)
    while (this.sessions.size > this.maxSessions) {
      const oldest = this.sessions.keys().next()
      if (oldest.done === true) break
      this.sessions.delete(oldest.value)
    }
  }

  private show(s: Session, prefix?: string, error: DomainError | null = null): Screen {
    const top = s.stack[s.stack.length - 1] as Frame
    const pages = pagesOf(top.node, s.stack.length)
    const page = pages[Math.min(top.page, pages.length - 1)] as string
    const last = top.page >= pages.length - 1
    const end = top.node.kind === "text" && last
    const err = error ?? ("error" in top.node && top.node.error !== undefined ? top.node.error : null)
    if (prefix !== undefined) {
      const withPrefix = `${prefix}\n${page}`
      if (paginate([withPrefix]).length === 1) return { text: withPrefix, end, error: err }
    }
    return { text: page, end, error: err }
  }

  private step(x: UssdCtx, s: Session, input: string): Screen {
    s.lastAt = x.twin.now
    const top = s.stack[s.stack.length - 1] as Frame
    const pages = pagesOf(top.node, s.stack.length).length
    if (input === "00") {
      s.stack = [{ node: root(), page: 0 }]
      return this.show(s)
    }
    if (top.node.kind === "menu") {
      const item = top.node.items.find((i) => i.key === input)
      if (item !== undefined) return this.push(s, item.go(x))
    }
    if (top.node.kind === "prompt" && input !== "0" && !(input === NEXT_KEY && top.page < pages - 1)) {
      if (input === "") return this.show(s)
      return this.push(s, top.node.onInput(x, input.slice(0, MAX_INPUT)))
    }
    if (input === NEXT_KEY && top.page < pages - 1) {
      top.page++
      return this.show(s)
    }
    if (input === "0") {
      if (top.page > 0) top.page--
      else if (s.stack.length > 1) s.stack.pop()
      return this.show(s)
    }
    return this.show(s, INVALID_CHOICE)
  }

  private push(s: Session, node: Node): Screen {
    // A prompt answered with a new prompt (e.g. a wrong amount) replaces it rather than stacking.
    const top = s.stack[s.stack.length - 1] as Frame
    if (top.node.kind === "prompt" && node.kind === "prompt") s.stack.pop()
    s.stack.push({ node, page: 0 })
    return this.show(s)
  }
}

/** A one-off END screen for input the gateway cannot take (used by routers). */
export const endScreen = (message: string): Screen => ({ text: message, end: true, error: null })
