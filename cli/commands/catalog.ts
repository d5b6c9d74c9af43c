// `twin catalog [--json] [--catalog FILE]`: tariffs, services, packages, countries with the
// «Забугорище» fee, and every limit and period — what a scenario's expectations are written from.
import { defineCommand } from "citty"
import { type CatalogIndex, defaultCatalogIndex, loadCatalogFile } from "../../core/catalog/load.ts"
import { catalogFacts, formatCatalogFacts } from "../../scenarios/catalog-facts.ts"

export default defineCommand({
  meta: {
    name: "catalog",
    description: "Tariffs, services, packages, countries, prices, limits and periods of the catalog",
  },
  args: {
    json: { type: "boolean", description: "Print JSON instead of tables" },
    catalog: { type: "string", description: "A catalog file (JSON or YAML) instead of the built-in one" },
  },
  run({ args }) {
    let cat: CatalogIndex
    try {
      cat = args.catalog === undefined ? defaultCatalogIndex() : loadCatalogFile(args.catalog)
    } catch (e) {
      console.error(`--catalog: ${e instanceof Error ? e.message : String(e)}`)
      process.exit(2)
    }
    const facts = catalogFacts(cat)
    console.log(args.json === true ? JSON.stringify(facts, null, 2) : formatCatalogFacts(facts))
  },
})
