// The test selection StrykerJS runs against mutants of core/rules/ (npm run test:mutation): the
// core unit tests and the core properties (oracle included) with a few journeys each, so a
// mutant costs about a second. Stryker's perTest coverage then runs only the tests that reach a mutant.
import { defineConfig } from "vitest/config"

export default defineConfig({
  test: {
    // The core unit tests, and the properties whose checkers judge the rules' decisions: the
    // amounts oracle (fees, prices, units, transfers, promised payments), lockouts (I6), family
    // limits (I4), blocks (I2) and access (I9). Channel parity (I8) and replay (I7) check the
    // adapters and the fold, not the rules; the scenario library is one 13 s test that would
    // reach every mutant.
    include: [
      "test/unit/core-*.test.ts",
      "test/property/oracle.test.ts",
      "test/property/i2-blocked.test.ts",
      "test/property/i4-family.test.ts",
      "test/property/i6-lockouts.test.ts",
      "test/property/i9-access.test.ts",
    ],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // One worker that keeps its modules between runs: a mutant is switched on at run time
    // (Stryker's mutant switching), so nothing needs importing again per mutant; importing the
    // twin in fresh workers per run cost far more than the tests.
    pool: "threads",
    isolate: false,
    fileParallelism: false,
    maxWorkers: 1,
    // Few journeys per property; coverage of target states is printed, not required, at this
    // count; a failing property stops at once (a killed mutant needs no shrunk counterexample).
    env: {
      QA_RUNS: process.env.QA_RUNS ?? "3",
      QA_COVERAGE: "report",
      QA_SHRINK: "off",
      QA_OUT: process.env.QA_OUT ?? "test-results/qa-mutation",
    },
  },
})
