// Prints the closing line CI reads ("N passed, N failed") from vitest's JSON report and exits
// non-zero when anything failed, a whole file failed to load, or nothing ran at all.
import { readFileSync } from "node:fs"

const r = JSON.parse(readFileSync("test-results/vitest.json", "utf8"))
const failed = r.numFailedTests + (r.numFailedTestSuites ?? 0)
console.log(`tests: ${r.numPassedTests} passed, ${failed} failed, ${r.numPendingTests + r.numTodoTests} skipped`)
process.exit(failed > 0 || r.numTotalTests === 0 || r.numPendingTests + r.numTodoTests > 0 ? 1 : 0)
