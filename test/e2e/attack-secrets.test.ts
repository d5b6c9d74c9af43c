// Issue 14, weakness 1, from the attacker's side: predict the SMS password sent to another number
// from one's own session token. Against the old generator (a seeded, invertible 32-bit mixer,
// reproduced below as the reference) the attack recovers the key and counter and logs in as the
// other subscriber on the first try; against the twin's keyed HMAC-SHA-256 generator it finds
// nothing, and a guess built from it is refused.
import { describe, expect, it } from "vitest"
import { fnv1a, mix32, replaySecret, Rng } from "../../core/rules/random.ts"
import { A, B, json, otpOf, setup, withSubs } from "./web-helpers.ts"

// ---- the old generator and the inversion of its mixer (what the security review did) ----------

/** The multiplicative inverse of an odd 32-bit number modulo 2^32 (Newton's iteration). */
const inverse32 = (a: number): number => {
  let x = a
  for (let i = 0; i < 5; i++) x = Math.imul(x, 2 - Math.imul(a, x))
  return x
}
const unshift = (y: number, s: number): number => {
  let x = y
  for (let k = s; k < 32; k += s) x = y ^ (x >>> s)
  return x
}
/** The inverse of mix32 (murmur3's finalizer after adding the golden ratio). */
const unmix32 = (y: number): number => {
  let z = unshift(y | 0, 16)
  z = Math.imul(z, inverse32(0xc2b2ae35 | 0))
  z = unshift(z, 13)
  z = Math.imul(z, inverse32(0x85ebca6b | 0))
  z = unshift(z, 16)
  return ((z - 0x9e3779b9) | 0) >>> 0
}

/** The generator the twin used before: draw i = mix32(fnv1a(seed) ^ mix32(i)). */
class OldRng {
  private readonly base: number
  constructor(
    seed: string,
    public counter: number,
  ) {
    this.base = fnv1a(seed)
  }
  next(): number {
    return mix32(this.base ^ mix32(this.counter++))
  }
  digits(n: number): string {
    let s = ""
    for (let i = 0; i < n; i++) s += String(this.next() % 10)
    return s
  }
  hex(bytes: number): string {
    let s = ""
    for (let i = 0; i < bytes; i += 4) s += this.next().toString(16).padStart(8, "0")
    return s.slice(0, bytes * 2)
  }
}

/**
 * The attack: the token is four 32-bit draws. Invert the mixer, try every counter up to `span`
 * for the first word, and keep the key that also explains the next word. Then the next OTP (four
 * draws for the digits) is what the generator gives after the token.
 */
const predictNextOtp = (token: string, span = 20_000): string | null => {
  const words = [0, 1, 2, 3].map((i) => Number.parseInt(token.slice(i * 8, i * 8 + 8), 16))
  if (words.some((w) => !Number.isFinite(w))) return null
  const [u0 = 0, u1 = 0, u2 = 0] = words.map(unmix32)
  for (let c = 0; c < span; c++) {
    const base = (u0 ^ mix32(c)) >>> 0
    if ((u1 ^ mix32(c + 1)) >>> 0 !== base || (u2 ^ mix32(c + 2)) >>> 0 !== base) continue
    let s = ""
    for (let i = 0; i < 4; i++) s += String(mix32(base ^ mix32(c + 4 + i)) % 10)
    return s
  }
  return null
}

describe("issue 14 · weakness 1: predictable codes (attacker's view)", () => {
  it("R22: the attack is real: against the old seeded generator, one's own token gives away the next SMS password", () => {
    const old = new OldRng("7", 137)
    const token = old.hex(16)
    const next = old.digits(4)
    expect(predictNextOtp(token)).toBe(next)
  })

  it("R22, R24: from his own LK token the attacker cannot predict the SMS password sent to another number", async () => {
    const w = setup()
    withSubs(w.twin)
    // The attacker holds A: asks for his own code and logs in.
    await w.http.request("/lk/api/otp", json("POST", { msisdn: A }))
    const login = await w.http.request("/lk/api/login", json("POST", { msisdn: A, secret: otpOf(w.twin, A) }))
    expect(login.status).toBe(200)
    const { token } = (await login.json()) as { token: string }
    expect(token).toMatch(/^[0-9a-f]{32}$/)
    // Then asks the twin to send B a code, and tries to compute it.
    await w.http.request("/lk/api/otp", json("POST", { msisdn: B }))
    const predicted = predictNextOtp(token)
    expect(predicted).toBeNull() // no 32-bit key and counter explain the token
    // Knowing the seed does not help either: a served twin's secret is random, not the seed's.
    const seedGuess = new Rng(`${replaySecret("7")}\u0000${"7"}`, w.twin.state.rng - 2).digits(4)
    const real = otpOf(w.twin, B)
    for (const guess of [predicted ?? "0000", seedGuess]) {
      if (guess === real) continue // a 1-in-10,000 coincidence is not a prediction
      const r = await w.http.request("/lk/api/login", json("POST", { msisdn: B, secret: guess }))
      expect(r.status).toBe(401)
    }
  })
})
