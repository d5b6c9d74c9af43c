// Terminal sessions of the «Электронный Помощник» kiosk. The core's KioskLogin checks the code
// (and counts failures, I6) but issues no session, so the terminal keeps which number is at the
// screen: random tokens per twin, ended by «Выход» or when the number is unknown. Bounded.
import { randomToken } from "../security.ts"

const MAX_SESSIONS = 10_000

export class KioskSessions {
  private readonly byToken = new Map<string, { twin: string; msisdn: string }>()

  open(twin: string, msisdn: string): string {
    if (this.byToken.size >= MAX_SESSIONS) {
      const oldest = this.byToken.keys().next()
      if (oldest.done !== true) this.byToken.delete(oldest.value)
    }
    const token = randomToken()
    this.byToken.set(token, { twin, msisdn })
    return token
  }

  /** The number at the screen for this token on this twin, or null. */
  get(twin: string, token: string): string | null {
    const s = this.byToken.get(token)
    return s !== undefined && s.twin === twin ? s.msisdn : null
  }

  close(token: string): void {
    this.byToken.delete(token)
  }
}
