// The generated files of the scenario language: docs/scenarios.md (the reference, with the
// examples of docs/examples/) and scenarios/scenario.schema.json (for editors). One function
// builds both, so the script that writes them and the test that checks them agree.
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { defaultCatalogIndex } from "../../core/catalog/load.ts"
import { scenarioReference, type ExampleFile } from "./reference.ts"
import { scenarioJsonSchema } from "./schema.ts"

export const EXAMPLES_DIR = "docs/examples"
export const REFERENCE_FILE = "docs/scenarios.md"
export const SCHEMA_FILE = "scenarios/scenario.schema.json"
/** The first line of every library and example file (the path is relative to the file). */
export const modeline = (fromDir: string): string => {
  const depth = fromDir.split("/").filter((x) => x !== "").length
  return `# yaml-language-server: $schema=${"../".repeat(depth)}${SCHEMA_FILE}`
}

export const exampleFiles = (root: string): ExampleFile[] =>
  readdirSync(join(root, EXAMPLES_DIR))
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => ({ path: `${EXAMPLES_DIR}/${f}`, text: readFileSync(join(root, EXAMPLES_DIR, f), "utf8") }))

/** Path (relative to the repository root) → content, for every generated file. */
export const generatedFiles = (root: string): Record<string, string> => {
  const cat = defaultCatalogIndex()
  return {
    [REFERENCE_FILE]: scenarioReference(cat, exampleFiles(root)),
    [SCHEMA_FILE]: `${JSON.stringify(scenarioJsonSchema(cat), null, 2)}\n`,
  }
}
