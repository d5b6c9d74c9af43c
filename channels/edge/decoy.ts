// What an outsider hears for a number the twin does not have, on the steps before any login (the
// LK/app SMS password request and login, the kiosk's code order and login): the answers an
// existing number gives, counted the same way (code requests per hour, wrong codes to the lock),
// and a wrong code costs the same hashing time. So these surfaces do not tell who is a subscriber
// (issue 14). The counts are the channel's, in memory, per twin; nothing reaches the twin's log.
import { Result } from "effect"
import type { DomainError } from "../../core/domain/errors.ts"
import { HOUR } from "../../core/domain/time.ts"
import type { TwinCore } from "../../core/engine/twin-core.ts"
import {
  codeRateError,
  kioskNotConnectedError,
  loginLockedError,
  secretProblem,
  wrongLoginError,
} from "../../core/rules/auth.ts"
import { verifySecret } from "../../core/rules/secrets.ts"

interface Decoy {
  requests: number[]
  failures: number
  locked: boolean
}

/** Numbers remembered per twin; the oldest is forgotten beyond this. */
const MAX_DECOYS = 10_000
const DUMMY = { hash: "00".repeat(32), salt: "00".repeat(16) }

const decoys = new WeakMap<TwinCore, Map<string, Decoy>>()

const decoyOf = (twin: TwinCore, msisdn: string): Decoy => {
  let m = decoys.get(twin)
  if (m === undefined) {
    m = new Map()
    decoys.set(twin, m)
  }
  let d = m.get(msisdn)
  if (d === undefined) {
    d = { requests: [], failures: 0, locked: false }
    m.set(msisdn, d)
    if (m.size > MAX_DECOYS) m.delete(m.keys().next().value as string)
  }
  return d
}

/** Is `e` the refusal of a number the twin does not have (field `msisdn`)? */
export const unknownNumber = (e: DomainError): boolean => e.code === "UNKNOWN_SUBSCRIBER" && e.field === "msisdn"

/** R22 for an unknown number: "the password was sent", until the hour's allowance is used. */
export const decoyOtp = (twin: TwinCore, msisdn: string): Result.Result<{ expiresAt: number }, DomainError> => {
  const d = decoyOf(twin, msisdn)
  const limited = codeRateError(twin.cat, msisdn, d.requests, twin.now)
  if (limited !== null) return Result.fail(limited)
  d.requests = [...d.requests.filter((t) => t > twin.now - HOUR), twin.now]
  d.failures = 0
  d.locked = false
  return Result.succeed({ expiresAt: twin.now + twin.cat.data.auth.otpValidHours * HOUR })
}

/** R24 for an unknown number: a wrong code, counted to the lock like a real one. */
export const decoyLogin = (twin: TwinCore, msisdn: string, secret: string): DomainError => {
  const d = decoyOf(twin, msisdn)
  if (d.locked) return loginLockedError(msisdn)
  const bad = secretProblem(secret.trim())
  if (bad !== null) return bad
  verifySecret(secret.trim(), DUMMY, twin.cat.data.auth) // the time a real check takes
  d.failures++
  d.locked = d.failures >= twin.cat.data.auth.lkMaxFailures
  return wrongLoginError(twin.cat, msisdn, d.failures)
}

/** R27 for an unknown number: the answer of a number without «Электронный Помощник». */
export const decoyKiosk = (msisdn: string): DomainError => kioskNotConnectedError(msisdn)
