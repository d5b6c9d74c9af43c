// Seeded, counter-based randomness: draw i of a twin is a hash of (seed, i), so the state only
// needs the counter, and a replay that restores the counter continues the same sequence.

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

/** A 32-bit integer mixer (murmur3 finalizer), unsigned. */
export const mix32 = (x: number): number => mix32i(x) >>> 0

export class Rng {
  private readonly base: number
  constructor(seed: string, public counter: number) {
    this.base = fnv1a(seed)
  }
  /** Next uniform 32-bit unsigned integer. */
  next(): number {
    const c = this.counter++
    return mix32(this.base ^ mix32(c))
  }
  /** Uniform integer in [0, n). */
  below(n: number): number {
    return this.next() % n
  }
  /** A string of `n` decimal digits (the first may be 0). */
  digits(n: number): string {
    let s = ""
    for (let i = 0; i < n; i++) s += String(this.below(10))
    return s
  }
  /** `bytes` random bytes as hex. */
  hex(bytes: number): string {
    let s = ""
    for (let i = 0; i < bytes; i += 4) s += this.next().toString(16).padStart(8, "0")
    return s.slice(0, bytes * 2)
  }
}
