// Randomness of a twin. Two kinds:
// - `Rng`, the keyed generator of every secret (SMS passwords, kiosk and link codes, session
//   tokens, salts): draw i is HMAC-SHA-256(twin secret, i). The state keeps only the counter, so a
//   replay that restores it continues the same sequence, and the same seed and secret give the same
//   log and hash. Without the twin's secret an output says nothing about any other (HMAC is a PRF);
//   the secret itself is stored with the twin (core/store) and never returned by any API.
// - the plain 32-bit mixers below, for the simulations' population plans (not secrets).
import { createHmac, hash, randomBytes } from "node:crypto"

/** FNV-1a hash of a string (seeds are strings). */
export const fnv1a = (s: string): number => {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/**
 * The mixer below with its result as a signed 32-bit integer (the same bits): a small integer
 * to V8, so a call that is not inlined returns it without allocating a heap number.
 */
export const mix32i = (x: number): number => {
  let z = (x + 0x9e3779b9) | 0
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
  return z ^ (z >>> 16)
}

/** A 32-bit integer mixer (murmur3 finalizer), unsigned. Not for secrets. */
export const mix32 = (x: number): number => mix32i(x) >>> 0

/** A fresh random twin secret (32 bytes, hex): what a served twin gets unless one is fixed. */
export const randomTwinSecret = (): string => randomBytes(32).toString("hex")

/**
 * The secret of a twin that must replay from its seed alone (simulations, benchmarks, tests,
 * in-process scenarios): derived from the seed, so it is only as secret as the seed. A served
 * twin never gets one unless the user fixes it for replay.
 */
export const replaySecret = (seed: string): string => hash("sha256", `sso-twin replay secret\u0000${seed}`, "hex")

/** Block `block` of draw `counter`: HMAC-SHA-256(key, counter ‖ block), 32 bytes. */
const block = (key: Buffer, counter: number, blockNo: number): Buffer => {
  const msg = Buffer.allocUnsafe(12)
  msg.writeUIntBE(counter, 0, 6)
  msg.writeUInt16BE(0, 6)
  msg.writeUInt32BE(blockNo, 8)
  return createHmac("sha256", key).update(msg).digest()
}

/** The bytes of draw `counter` (as many blocks as `n` needs). */
const drawBytes = (key: Buffer, counter: number, n: number): Buffer => {
  if (n <= 32) return block(key, counter, 0)
  const parts: Buffer[] = []
  for (let b = 0; b * 32 < n; b++) parts.push(block(key, counter, b))
  return Buffer.concat(parts)
}

/**
 * `n` decimal digits from draw `counter`: each digit from 4 bytes (a 32-bit value mod 10; the bias
 * is below 10^-9). Also how the handset re-derives a code it was sent (core/engine/views.ts).
 */
export const digitsAt = (key: Buffer, counter: number, n: number): string => {
  const b = drawBytes(key, counter, n * 4)
  let s = ""
  for (let i = 0; i < n; i++) s += String(b.readUInt32BE(i * 4) % 10)
  return s
}

export class Rng {
  private readonly key: Buffer
  /** `secret`: the twin's secret (any string; hex from randomTwinSecret or replaySecret). */
  constructor(
    secret: string,
    public counter: number,
  ) {
    this.key = Buffer.from(secret, "utf8")
  }
  /** A string of `n` decimal digits (the first may be 0): one draw. */
  digits(n: number): string {
    return digitsAt(this.key, this.counter++, n)
  }
  /** `bytes` random bytes as hex: one draw. */
  hex(bytes: number): string {
    return drawBytes(this.key, this.counter++, bytes).toString("hex", 0, bytes)
  }
  /** The code drawn at `counter` (which must be a past `digits` draw): for the handset's view. */
  digitsAt(counter: number, n: number): string {
    return digitsAt(this.key, counter, n)
  }
}
