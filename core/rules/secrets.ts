// Secrets are stored only as salted hashes (node:crypto): scrypt with the cost N from the catalog,
// or, when the catalog says so (auth.kdf, for large simulations), salted HMAC-SHA-256.
import { createHmac, hash, scryptSync, timingSafeEqual } from "node:crypto"
import type { SecretHash } from "../state/model.ts"

/** The catalog's hashing settings (auth.kdf and auth.scryptN). */
export interface KdfSettings {
  readonly kdf: "scrypt" | "hmac-sha256"
  readonly scryptN: number
}

/**
 * "hmac-sha256" is for simulations (sim/catalog.ts simCatalog): even at scrypt's least cost its
 * fixed part, the 1 KiB PBKDF2 expansion of r = 8, costs ~60–80 µs a call in Node and dominated
 * simulated LK logins. The secret is then hashed with HMAC-SHA-256 keyed by its salt: still salted
 * and stored only hashed.
 */
export const hashSecret = (secret: string, salt: string, k: KdfSettings): string =>
  k.kdf === "hmac-sha256"
    ? createHmac("sha256", salt).update(secret).digest("hex")
    : scryptSync(secret, salt, 32, { N: k.scryptN, r: 8, p: 1, maxmem: 256 * k.scryptN * 8 + 1024 * 1024 }).toString(
        "hex",
      )

export const verifySecret = (secret: string, h: SecretHash, k: KdfSettings): boolean => {
  const a = Buffer.from(hashSecret(secret, h.salt, k), "hex")
  const b = Buffer.from(h.hash, "hex")
  return a.length === b.length && timingSafeEqual(a, b)
}

/** For high-entropy tokens and lookup keys (session tokens, payment card codes). */
/** One-shot SHA-256 (node:crypto `hash`, about half the cost of a createHash object per call). */
export const sha256 = (s: string): string => hash("sha256", s, "hex")
