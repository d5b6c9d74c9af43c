// Loading and indexing a catalog. A user catalog (JSON or YAML) is validated by the same Schema.
import { readFileSync } from "node:fs"
import { Schema } from "effect"
import { parse as parseYaml } from "yaml"
import { Catalog, type BonusOffer, type Country, type OneOffPackage, type Service, type Tariff } from "./schema.ts"
import { defaultCatalog } from "./default.ts"

/** A validated catalog with lookup maps. */
export interface CatalogIndex {
  readonly data: Catalog
  readonly tariffs: ReadonlyMap<string, Tariff>
  readonly services: ReadonlyMap<string, Service>
  readonly oneOff: ReadonlyMap<string, OneOffPackage>
  readonly bonusOffers: ReadonlyMap<string, BonusOffer>
  readonly countries: ReadonlyMap<string, Country>
}

export class CatalogError extends Error {
  override readonly name = "CatalogError"
}

const byId = <T extends { id: string }>(xs: readonly T[], what: string): Map<string, T> => {
  const m = new Map<string, T>()
  for (const x of xs) {
    if (m.has(x.id)) throw new CatalogError(`catalog: duplicate ${what} id "${x.id}"`)
    m.set(x.id, x)
  }
  return m
}

/** Validate unknown data as a catalog and index it. Throws CatalogError naming the path and reason. */
export const indexCatalog = (input: unknown): CatalogIndex => {
  let data: Catalog
  try {
    data = Schema.decodeUnknownSync(Catalog)(input)
  } catch (e) {
    throw new CatalogError(`catalog: ${String(e instanceof Error ? e.message : e)}`)
  }
  const tariffs = byId(data.tariffs, "tariff")
  const services = byId(data.services, "service")
  const oneOff = byId(data.oneOffPackages, "package")
  const bonusOffers = byId(data.bonusOffers, "bonus offer")
  const countries = new Map(data.countries.map((c) => [c.code, c]))
  for (const t of data.tariffs) {
    for (const s of t.defaultServices) if (!services.has(s)) throw new CatalogError(`catalog: tariff ${t.id} names unknown default service "${s}"`)
    if (t.kind === "constructor" && !t.adjustable) throw new CatalogError(`catalog: constructor tariff ${t.id} needs "constructor" options`)
  }
  if (!tariffs.has(data.family.memberTariff)) throw new CatalogError(`catalog: family.memberTariff "${data.family.memberTariff}" is not a tariff`)
  if (data.channels.hotlineOperators < 1) throw new CatalogError("catalog: channels.hotlineOperators must be at least 1")
  if (data.auth.scryptN < 2 || (data.auth.scryptN & (data.auth.scryptN - 1)) !== 0) throw new CatalogError("catalog: auth.scryptN must be a power of two ≥ 2")
  return { data, tariffs, services, oneOff, bonusOffers, countries }
}

export const defaultCatalogIndex = (): CatalogIndex => indexCatalog(defaultCatalog)

/** Load a user catalog file (.json, .yaml or .yml). */
export const loadCatalogFile = (path: string): CatalogIndex => {
  const text = readFileSync(path, "utf8")
  const raw: unknown = /\.ya?ml$/i.test(path) ? parseYaml(text) : JSON.parse(text)
  return indexCatalog(raw)
}
