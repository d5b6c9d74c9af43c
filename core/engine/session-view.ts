// A read-only look at a web session (R25): whose it is and whether it is still alive at the twin's
// time, without touching it. A page that only watches for changes must not keep a session alive.
import { sha256 } from "../rules/secrets.ts"
import { sessionLapsed } from "../rules/sessions.ts"
import type { TwinCore } from "./twin-core.ts"

export type SessionPeek = { alive: true; msisdn: string } | { alive: false }

export const peekSession = (twin: TwinCore, token: string, channel: string): SessionPeek => {
  const x = twin.state.sessions.get(sha256(token))
  if (x === undefined || x.channel !== channel || sessionLapsed(twin.cat, x.channel, x.lastSeen, twin.now))
    return { alive: false }
  return { alive: true, msisdn: x.msisdn }
}
