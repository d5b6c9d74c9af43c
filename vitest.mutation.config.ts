// The test selection StrykerJS runs against mutants of core/rules/ (npm run test:mutation): the
// core unit tests and the rule example tests (test/unit/rules-*.test.ts), each a few
// milliseconds, with precise amounts, error codes and events. The properties are left out: every
// journey reaches nearly every rule, so perTest coverage ran them for every mutant (≈ 17 s each).
import { defineConfig } from "vitest/config"

export default defineConfig({
  test: {
    include: ["test/unit/core-*.test.ts", "test/unit/rules-*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // One worker that keeps its modules between runs: a mutant is switched on at run time
    // (Stryker's mutant switching), so nothing needs importing again per mutant.
    pool: "threads",
    isolate: false,
    fileParallelism: false,
    maxWorkers: 1,
  },
})
