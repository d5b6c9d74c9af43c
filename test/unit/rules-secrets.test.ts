// The secret machinery of core/rules/ (random.ts, secrets.ts, network-identity.ts): the keyed
// generator behind every code, salt and token (draw i = HMAC-SHA-256(twin secret, i ‖ block)),
// salted hashes (scrypt or HMAC), the network identity of R26. Checked against node:crypto
// directly and against the published FNV-1a vectors; same inputs give the same output (I7).
import { createHmac, scryptSync } from "node:crypto"
import { describe, expect, it } from "vitest"
import { networkIdentity, networkIdentityMsisdn } from "../../core/rules/network-identity.ts"
import { digitsAt, fnv1a, mix32, mix32i, randomTwinSecret, replaySecret, Rng } from "../../core/rules/random.ts"
import { hashSecret, sha256, verifySecret } from "../../core/rules/secrets.ts"

/** Block `b` of draw `counter` as random.ts documents it: HMAC(key, counter(6 B) ‖ 0(2 B) ‖ b(4 B)). */
const blockOf = (key: string, counter: number, b: number): Buffer => {
  const msg = Buffer.alloc(12)
  msg.writeUIntBE(counter, 0, 6)
  msg.writeUInt32BE(b, 8)
  return createHmac("sha256", Buffer.from(key, "utf8")).update(msg).digest()
}
const digitsOf = (key: string, counter: number, n: number): string => {
  const bytes = Buffer.concat([0, 1, 2].map((b) => blockOf(key, counter, b)))
  let s = ""
  for (let i = 0; i < n; i++) s += String(bytes.readUInt32BE(i * 4) % 10)
  return s
}

describe("I7 the keyed generator (random.ts)", () => {
  it("I7: digits of draw i are HMAC-SHA-256(secret, i) read 4 bytes a digit; each draw moves the counter by 1", () => {
    const r = new Rng("twin-secret", 5)
    expect(r.digits(4)).toBe(digitsOf("twin-secret", 5, 4))
    expect(r.counter).toBe(6)
    // 12 digits need 48 bytes: the second block (b = 1) of the same draw.
    expect(r.digits(12)).toBe(digitsOf("twin-secret", 6, 12))
    expect(r.counter).toBe(7)
    expect(r.digitsAt(5, 4)).toBe(digitsOf("twin-secret", 5, 4))
    expect(digitsAt(Buffer.from("twin-secret"), 6, 12)).toBe(digitsOf("twin-secret", 6, 12))
    // A counter above 2^32 is written in 6 bytes, not truncated.
    expect(new Rng("twin-secret", 2 ** 40 + 3).digits(6)).toBe(digitsOf("twin-secret", 2 ** 40 + 3, 6))
  })
  it("I7: hex(n) is the first n bytes of the draw; 40 bytes span two blocks", () => {
    const r = new Rng("k", 0)
    expect(r.hex(16)).toBe(blockOf("k", 0, 0).toString("hex", 0, 16))
    expect(r.hex(40)).toBe(Buffer.concat([blockOf("k", 1, 0), blockOf("k", 1, 1)]).toString("hex", 0, 40))
    expect(r.hex(32)).toBe(blockOf("k", 2, 0).toString("hex"))
    expect(r.counter).toBe(3)
  })
  it("I7: the replay secret is SHA-256 of the seed with its label; a random secret is 32 fresh bytes", () => {
    expect(replaySecret("1")).toBe("6d72a959d42b72785d3047d668a43ef5df8ec13525312eee8830b02ce2929c23")
    expect(replaySecret("1")).toBe(sha256("sso-twin replay secret\u00001"))
    const a = randomTwinSecret()
    expect(a).toMatch(/^[0-9a-f]{64}$/)
    expect(randomTwinSecret()).not.toBe(a)
  })
  it("FNV-1a gives the published vectors; the mixer is murmur3's finalizer of x + golden ratio", () => {
    expect(fnv1a("")).toBe(0x811c9dc5)
    expect(fnv1a("a")).toBe(0xe40c292c)
    expect(fnv1a("foobar")).toBe(0xbf9cf968)
    expect([mix32(0), mix32(1), mix32(0xffffffff)]).toEqual([2462723854, 2527132011, 920564995])
    expect([mix32i(0), mix32i(1)]).toEqual([-1832243442, -1767835285])
    expect(mix32(12345)).toBe(mix32i(12345) >>> 0)
  })
})

describe("secrets are stored only hashed (secrets.ts)", () => {
  const scrypt = { kdf: "scrypt", scryptN: 16 } as const
  const hmac = { kdf: "hmac-sha256", scryptN: 16 } as const
  it("a secret hashes by scrypt with the catalog's N, or by HMAC-SHA-256 keyed by its salt", () => {
    expect(hashSecret("1234", "salt", scrypt)).toBe(
      scryptSync("1234", "salt", 32, { N: 16, r: 8, p: 1 }).toString("hex"),
    )
    expect(hashSecret("1234", "salt", { kdf: "scrypt", scryptN: 1024 })).toBe(
      scryptSync("1234", "salt", 32, { N: 1024, r: 8, p: 1 }).toString("hex"),
    )
    expect(hashSecret("1234", "salt", hmac)).toBe(createHmac("sha256", "salt").update("1234").digest("hex"))
    expect(sha256("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  })
  it("verifySecret: the right secret only; a hash of another length never matches", () => {
    for (const k of [scrypt, hmac]) {
      const h = { hash: hashSecret("1234", "s1", k), salt: "s1" }
      expect(verifySecret("1234", h, k)).toBe(true)
      expect(verifySecret("1235", h, k)).toBe(false)
      expect(verifySecret("1234", { ...h, salt: "s2" }, k)).toBe(false)
      expect(verifySecret("1234", { ...h, hash: h.hash.slice(0, 62) }, k)).toBe(false)
    }
  })
})

describe("R26 network identity (network-identity.ts)", () => {
  const M = "79160000001"
  it("R26: the identity is the number and its HMAC tag; it vouches for that number under that key only", () => {
    const id = networkIdentity("key", M)
    const tag = createHmac("sha256", "key").update(`network-identity\u0000${M}`).digest("base64url")
    expect(id).toBe(`${M}.${tag}`)
    expect(tag).toHaveLength(43)
    expect(networkIdentityMsisdn("key", id)).toBe(M)
    expect(networkIdentityMsisdn("key", ` ${id} `)).toBe(M)
    expect(networkIdentityMsisdn("other-key", id)).toBeNull()
  })
  it("R26: another number with the tag, a changed or cut tag, a number not of 7 + 10 digits: null", () => {
    const id = networkIdentity("key", M)
    const tag = id.slice(M.length + 1)
    expect(networkIdentityMsisdn("key", `79160000002.${tag}`)).toBeNull()
    const changed = `${tag.slice(0, 42)}${tag.endsWith("A") ? "B" : "A"}`
    expect(networkIdentityMsisdn("key", `${M}.${changed}`)).toBeNull()
    expect(networkIdentityMsisdn("key", `${M}.${tag.slice(0, 42)}`)).toBeNull()
    expect(networkIdentityMsisdn("key", `${M}.${tag}x`)).toBeNull()
    expect(networkIdentityMsisdn("key", `x${M}.${tag}`)).toBeNull()
    expect(networkIdentityMsisdn("key", `${M}${tag}`)).toBeNull()
    const eight = `8${M.slice(1)}`
    expect(networkIdentityMsisdn("key", networkIdentity("key", eight))).toBeNull()
  })
})
