// `twin coverage [--dir FOLDER]`: one line per rule R1–R29 with the library scenarios that cover it.
import { defineCommand } from "citty"
import { coverage, formatCoverage, LIBRARY_DIR } from "../../scenarios/coverage.ts"

export default defineCommand({
  meta: { name: "coverage", description: "Which library scenarios cover each rule R1–R29" },
  args: {
    dir: { type: "string", description: "Scenario folder (default: scenarios/library)" },
  },
  async run({ args }) {
    const rows = await coverage(args.dir ?? LIBRARY_DIR)
    console.log(formatCoverage(rows))
  },
})
