// The test selection StrykerJS runs against mutants of core/rules/ (npm run test:mutation): the
// core unit tests and the core properties (oracle included) with a few journeys each, so a
// mutant costs about a second. Stryker's perTest coverage then runs only the tests that reach a mutant.
import { defineConfig } from "vitest/config"

export default defineConfig({
  test: {
    include: ["test/unit/core-*.test.ts", "test/property/i*.test.ts", "test/property/oracle.test.ts"],
    // The channel-parity property drives HTTP adapters (seconds per journey) and the replay
    // property re-folds the log after every step; neither checks a rule the others do not. The
    // scenario library is one 13 s test that would reach every mutant.
    exclude: ["test/property/i8-parity.test.ts", "test/property/i7-replay.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Few journeys per property; coverage of target states is printed, not required, at this
    // count; a failing property stops at once (a killed mutant needs no shrunk counterexample).
    env: { QA_RUNS: process.env.QA_RUNS ?? "4", QA_COVERAGE: "report", QA_SHRINK: "off", QA_OUT: process.env.QA_OUT ?? "test-results/qa-mutation" },
  },
})
