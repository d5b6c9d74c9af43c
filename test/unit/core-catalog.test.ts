// The catalog is data validated by a Schema at load (issue 2), and a user can load his own.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { stringify } from "yaml"
import { defaultCatalog } from "../../core/catalog/default.ts"
import { CatalogError, defaultCatalogIndex, indexCatalog, loadCatalogFile } from "../../core/catalog/load.ts"
import { hashSecret, verifySecret } from "../../core/rules/secrets.ts"

const dir = mkdtempSync(join(tmpdir(), "twin-cat-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe("catalog", () => {
  it("R7: the default catalog validates and has the tariffs, services and countries the spec names", () => {
    const c = defaultCatalogIndex()
    expect([...c.tariffs.keys()]).toEqual([
      "my-mts",
      "my-mts-member",
      "smart",
      "super",
      "constructor",
      "corporate",
      "vip",
    ])
    for (const id of [
      "zabugorishche",
      "goodok",
      "blacklist",
      "mobile-assistant",
      "e-assistant",
      "internet-control",
      "shared-package",
      "own-circle",
      "web-sms",
    ])
      expect(c.services.has(id)).toBe(true)
    for (const p of ["TR", "AE", "EG", "TH", "CN", "IT", "ES", "DE", "FR"])
      expect(c.countries.get(p)?.popular).toBe(true)
    for (const n of ["BR", "ZA", "MX", "AU"]) expect(c.countries.get(n)?.popular).toBe(false)
    expect(c.data.countries.filter((x) => x.popular).length).toBeGreaterThanOrEqual(30)
    expect(c.oneOff.get("internet-vip")?.amount).toBe(30 * 1024)
  })

  it("a user catalog in YAML loads; changed prices take effect", () => {
    const path = join(dir, "my.yaml")
    writeFileSync(
      path,
      stringify({ ...defaultCatalog, roaming: { ...defaultCatalog.roaming, zabugorishcheOther: 55_000 } }),
    )
    expect(loadCatalogFile(path).data.roaming.zabugorishcheOther).toBe(55_000)
  })

  it("a bad catalog is refused with the path and reason", () => {
    expect(() => indexCatalog({ ...defaultCatalog, topUp: { min: -1, max: 1, lkDefault: 1 } })).toThrow(/topUp/)
    expect(() =>
      indexCatalog({ ...defaultCatalog, tariffs: [...defaultCatalog.tariffs, defaultCatalog.tariffs[0]] }),
    ).toThrow(CatalogError)
    expect(() => indexCatalog({ ...defaultCatalog, auth: { ...defaultCatalog.auth, scryptN: 1000 } })).toThrow(
      /scryptN/,
    )
    expect(() => indexCatalog({ ...defaultCatalog, roaming: { ...defaultCatalog.roaming, callMinute: 9.5 } })).toThrow(
      /callMinute/,
    )
    expect(() => indexCatalog({ ...defaultCatalog, auth: { ...defaultCatalog.auth, kdf: "md5" } })).toThrow(/kdf/)
  })

  it("auth.kdf: secrets are salted scrypt by default (also a catalog stored without the key), salted HMAC-SHA-256 when asked", () => {
    const { kdf: _kdf, ...auth } = defaultCatalog.auth
    const stored = indexCatalog({ ...defaultCatalog, auth: { ...auth, scryptN: 16 } }).data.auth
    expect(stored.kdf).toBe("scrypt")
    const sim = indexCatalog({ ...defaultCatalog, auth: { ...defaultCatalog.auth, scryptN: 2, kdf: "hmac-sha256" } })
      .data.auth
    for (const k of [stored, sim]) {
      const h = hashSecret("1234", "salt-a", k)
      expect(h).toMatch(/^[0-9a-f]{64}$/)
      expect(h).not.toContain("1234")
      expect(hashSecret("1234", "salt-b", k)).not.toBe(h)
      expect(verifySecret("1234", { hash: h, salt: "salt-a" }, k)).toBe(true)
      expect(verifySecret("1235", { hash: h, salt: "salt-a" }, k)).toBe(false)
    }
    expect(hashSecret("1234", "salt-a", stored)).not.toBe(
      hashSecret("1234", "salt-a", { ...stored, kdf: "hmac-sha256" }),
    )
  })
})
