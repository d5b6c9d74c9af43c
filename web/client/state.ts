// What the console client holds: the selected twin and subscriber, the last board it drew, the
// panels' refresh and reset hooks, and what it remembers across reloads (never a secret: only
// which panels were logged in, and the voice toggle).
import type { Board } from "../board.ts"

export interface ConsoleState {
  twin: string
  msisdn: string
  /** Newest timeline item shown. */
  seq: number
  es: EventSource | null
  board: Board | null
  /** Newest inbox message seen, so fresh SMS are marked. */
  inboxSeen: number
  /** Scenario names of scenario twins (the twin picker shows them instead of ids). */
  scenarioNames: Record<string, string>
  /** Panels a refresh re-renders with the new board. */
  readonly channelRefreshers: Array<(b: Board) => Promise<void>>
  /** Called when the twin or subscriber changes: panels drop per-number screens. */
  readonly channelResets: Array<() => void>
}

export const st: ConsoleState = {
  twin: "",
  msisdn: "",
  seq: 0,
  es: null,
  board: null,
  inboxSeen: 0,
  scenarioNames: {},
  channelRefreshers: [],
  channelResets: [],
}

/** Newest inbox message of the board last drawn (0 when none). */
export const lastInboxSeq = (): number => Math.max(0, ...(st.board?.inbox ?? []).map((m) => m.seq))

// ---- what the console remembers across reloads -----------------------------------------------

const PREFIX = "twin-console."

const load = (key: string): unknown => {
  try {
    const v = localStorage.getItem(`${PREFIX}${key}`)
    return v === null ? undefined : JSON.parse(v)
  } catch {
    return undefined
  }
}

const save = (key: string, value: unknown): void => {
  try {
    localStorage.setItem(`${PREFIX}${key}`, JSON.stringify(value))
  } catch {
    // Private mode: the console still works, it only forgets on reload.
  }
}

export type LoginPanel = "lk" | "app"
type Logins = Record<string, string[]>

const logins = (): Logins => {
  const v = load("logins")
  return typeof v === "object" && v !== null ? (v as Logins) : {}
}
const loginKey = (): string => `${st.twin}/${st.msisdn}`

/** Whether this panel was logged in for the selected number (so the button reads «Войти снова»). */
export const wasLoggedIn = (ch: LoginPanel): boolean => (logins()[loginKey()] ?? []).includes(ch)

export const rememberLogin = (ch: LoginPanel, on: boolean): void => {
  const all = logins()
  const set = new Set(all[loginKey()] ?? [])
  if (on) set.add(ch)
  else set.delete(ch)
  all[loginKey()] = [...set]
  save("logins", all)
}

export const voiceWanted = (): boolean => load("voice") === true
export const rememberVoice = (on: boolean): void => save("voice", on)
