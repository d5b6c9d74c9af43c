// Loading and indexing a catalog. A user catalog (JSON or YAML) is validated by the same Schema.
import { readFileSync } from "node:fs"
import { Schema, SchemaIssue } from "effect"
import { LineCounter, parseDocument, type Node as YamlNode } from "yaml"
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

/** A catalog problem: the field's path (["tariffs", 1, "monthlyFee"]) and the reason. */
export class CatalogError extends Error {
  override readonly name = "CatalogError"
  constructor(
    readonly path: ReadonlyArray<string | number>,
    readonly reason: string,
  ) {
    super(`catalog: ${path.length === 0 ? "" : `${fieldName(path)}: `}${reason}`)
  }
}

/** tariffs[1].monthlyFee */
const fieldName = (path: ReadonlyArray<string | number>): string =>
  path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("")

const byId = <T extends { id: string }>(xs: readonly T[], what: string, key: string): Map<string, T> => {
  const m = new Map<string, T>()
  xs.forEach((x, i) => {
    if (m.has(x.id)) throw new CatalogError([key, i, "id"], `duplicate ${what} id "${x.id}"`)
    m.set(x.id, x)
  })
  return m
}

const formatIssue = SchemaIssue.makeFormatterStandardSchemaV1()

/** Validate unknown data as a catalog and index it. Throws CatalogError naming the path and reason. */
export const indexCatalog = (input: unknown): CatalogIndex => {
  let data: Catalog
  try {
    data = Schema.decodeUnknownSync(Catalog)(input)
  } catch (e) {
    if (!Schema.isSchemaError(e)) throw e
    const first = formatIssue(e.issue).issues[0]
    const path = (first?.path ?? [])
      .map((p) => (typeof p === "object" ? p.key : p))
      .map((k) => (typeof k === "number" ? k : String(k)))
    throw new CatalogError(path, first?.message ?? e.message)
  }
  const tariffs = byId(data.tariffs, "tariff", "tariffs")
  const services = byId(data.services, "service", "services")
  const oneOff = byId(data.oneOffPackages, "package", "oneOffPackages")
  const bonusOffers = byId(data.bonusOffers, "bonus offer", "bonusOffers")
  const countries = new Map(data.countries.map((c) => [c.code, c]))
  data.tariffs.forEach((t, i) => {
    t.defaultServices.forEach((s, j) => {
      if (!services.has(s))
        throw new CatalogError(
          ["tariffs", i, "defaultServices", j],
          `tariff ${t.id} names unknown default service "${s}"`,
        )
    })
    if (t.kind === "constructor" && !t.adjustable)
      throw new CatalogError(["tariffs", i], `constructor tariff ${t.id} needs "constructor" options`)
  })
  if (!tariffs.has(data.family.memberTariff))
    throw new CatalogError(["family", "memberTariff"], `"${data.family.memberTariff}" is not a tariff`)
  if (data.channels.hotlineOperators < 1) throw new CatalogError(["channels", "hotlineOperators"], "must be at least 1")
  if (data.auth.scryptN < 2 || (data.auth.scryptN & (data.auth.scryptN - 1)) !== 0)
    throw new CatalogError(["auth", "scryptN"], "must be a power of two ≥ 2")
  return { data, tariffs, services, oneOff, bonusOffers, countries }
}

export const defaultCatalogIndex = (): CatalogIndex => indexCatalog(defaultCatalog)

/** A problem in a catalog file: "file:line:col: field: reason" (one line). */
export class CatalogFileError extends Error {
  override readonly name = "CatalogFileError"
}

/** The deepest node on `path` that the document has (a missing key points at its parent). */
const nodeAt = (doc: ReturnType<typeof parseDocument>, path: ReadonlyArray<string | number>): YamlNode | null => {
  for (let n = path.length; n >= 0; n--) {
    const node: unknown = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true)
    if (node !== null && typeof node === "object" && "range" in node) return node as YamlNode
  }
  return null
}

/**
 * Load a user catalog file (.json, .yaml or .yml; JSON is read by the YAML parser, which keeps
 * positions). Throws CatalogFileError naming file:line:col, the field and the reason.
 */
export const loadCatalogFile = (path: string): CatalogIndex => {
  let text: string
  try {
    text = readFileSync(path, "utf8")
  } catch (e) {
    throw new CatalogFileError(`${path}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})`)
  }
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false })
  const syntax = doc.errors[0]
  if (syntax !== undefined) {
    const at = lines.linePos(syntax.pos[0])
    throw new CatalogFileError(`${path}:${at.line}:${at.col}: ${syntax.message.split("\n")[0]}`)
  }
  try {
    return indexCatalog(doc.toJS())
  } catch (e) {
    if (!(e instanceof CatalogError)) throw e
    const node = nodeAt(doc, e.path)
    const at = lines.linePos(node?.range?.[0] ?? 0)
    throw new CatalogFileError(
      `${path}:${at.line}:${at.col}: ${e.path.length === 0 ? "" : `${fieldName(e.path)}: `}${e.reason}`,
    )
  }
}
