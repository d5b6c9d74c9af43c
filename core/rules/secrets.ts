// Secrets are stored only as salted scrypt hashes (node:crypto). The cost N comes from the
// catalog so that large simulations can run cheaply.
import { createHash, scryptSync, timingSafeEqual } from "node:crypto"
import type { SecretHash } from "../state/model.ts"

export const hashSecret = (secret: string, salt: string, n: number): string =>
  scryptSync(secret, salt, 32, { N: n, r: 8, p: 1, maxmem: 256 * n * 8 + 1024 * 1024 }).toString("hex")

export const verifySecret = (secret: string, h: SecretHash, n: number): boolean => {
  const a = Buffer.from(hashSecret(secret, h.salt, n), "hex")
  const b = Buffer.from(h.hash, "hex")
  return a.length === b.length && timingSafeEqual(a, b)
}

/** For high-entropy tokens and lookup keys (session tokens, payment card codes). */
export const sha256 = (s: string): string => createHash("sha256").update(s).digest("hex")
