// R26 as a real network does it: on the operator's mobile data the subscriber's number is not
// taken from the client but inserted by the operator's own gateway (header enrichment). The twin
// models that gateway with a network identity it issues to an attached handset: the number and an
// HMAC-SHA-256 tag under the twin's secret. Only a holder of the twin's secret can make one, so a
// client cannot claim another number; the core still refuses a number that is off mobile data.
import { createHmac, timingSafeEqual } from "node:crypto"

const TAG_CHARS = 43 // base64url of 32 bytes

const tagOf = (key: string, msisdn: string): string =>
  createHmac("sha256", key).update(`network-identity\u0000${msisdn}`).digest("base64url")

/** The identity the gateway attaches to the handset `msisdn`'s requests: "<msisdn>.<tag>". */
export const networkIdentity = (key: string, msisdn: string): string => `${msisdn}.${tagOf(key, msisdn)}`

/** The number a network identity vouches for, or null when it was not issued under `key`. */
export const networkIdentityMsisdn = (key: string, value: string): string | null => {
  const m = /^(7\d{10})\.([A-Za-z0-9_-]{43})$/.exec(value.trim())
  if (m === null) return null
  const msisdn = m[1] as string
  const want = Buffer.from(tagOf(key, msisdn))
  const got = Buffer.from(m[2] as string)
  return got.length === TAG_CHARS && want.length === got.length && timingSafeEqual(want, got) ? msisdn : null
}
