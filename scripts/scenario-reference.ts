// Regenerate docs/scenarios.md and scenarios/scenario.schema.json from the scenario schemas:
//   npx tsx scripts/scenario-reference.ts
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { generatedFiles } from "../scenarios/spec/files.ts"

const root = fileURLToPath(new URL("../", import.meta.url))
for (const [path, text] of Object.entries(generatedFiles(root))) {
  writeFileSync(join(root, path), text, "utf8")
  console.log(`wrote ${path} (${text.length} characters)`)
}
