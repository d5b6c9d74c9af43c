// Prints the closing line CI reads ("N passed, N failed") from vitest's JSON report.
import { readFileSync } from "node:fs"

const r = JSON.parse(readFileSync("test-results/vitest.json", "utf8"))
console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed`)
process.exit(r.numFailedTests > 0 || r.numTotalTests === 0 ? 1 : 0)
