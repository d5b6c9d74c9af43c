// Secrets are stored only as salted hashes (node:crypto): scrypt, with the cost N from the
// catalog so that large simulations can run cheaply.
import { createHmac, hash, scryptSync, timingSafeEqual } from "node:crypto"
import type { SecretHash } from "../state/model.ts"

/**
 * N = 2 is scrypt's least cost, where its work factor protects nothing (any N the catalog allows
 * is a power of two ≥ 2) while its fixed cost, the 1 KiB PBKDF2 expansion of r = 8 (~60–80 µs a
 * call in Node), dominates the simulations and benchmarks that use it (bench/rating.ts simCatalog).
 * At that setting the secret is hashed with HMAC-SHA-256 keyed by its salt: still salted and
 * stored only hashed, and as strong as scrypt with N = 2. Every larger N (the default catalog,
 * the tests) is scrypt.
 */
const MIN_COST = 2

export const hashSecret = (secret: string, salt: string, n: number): string =>
  n <= MIN_COST
    ? createHmac("sha256", salt).update(secret).digest("hex")
    : scryptSync(secret, salt, 32, { N: n, r: 8, p: 1, maxmem: 256 * n * 8 + 1024 * 1024 }).toString("hex")

export const verifySecret = (secret: string, h: SecretHash, n: number): boolean => {
  const a = Buffer.from(hashSecret(secret, h.salt, n), "hex")
  const b = Buffer.from(h.hash, "hex")
  return a.length === b.length && timingSafeEqual(a, b)
}

/** For high-entropy tokens and lookup keys (session tokens, payment card codes). */
/** One-shot SHA-256 (node:crypto `hash`, about half the cost of a createHash object per call). */
export const sha256 = (s: string): string => hash("sha256", s, "hex")
