// The catalog of simulations and benchmarks: the default one with a cheap scrypt cost (never production).
import { defaultCatalog } from "../core/catalog/default.ts"
import { indexCatalog, type CatalogIndex } from "../core/catalog/load.ts"

/** The default catalog with a cheap scrypt cost (simulations and benchmarks, never production). */
export const simCatalog = (): CatalogIndex =>
  indexCatalog({ ...defaultCatalog, auth: { ...defaultCatalog.auth, scryptN: 2, kdf: "hmac-sha256" } })
