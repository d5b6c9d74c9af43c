// The test selection StrykerJS runs against mutants of core/rules/ (npm run test:mutation): the
// core unit tests and the property suite (oracle included) with few runs per property, so a
// mutant costs about a second. Stryker's perTest coverage then runs only the tests that reach a mutant.
import { defineConfig } from "vitest/config"

export default defineConfig({
  test: {
    include: ["test/unit/core-*.test.ts", "test/property/i*.test.ts"],
    // The channel-parity property drives HTTP adapters (seconds per journey) and checks no rule
    // the core properties do not; the scenario library is one 13 s test that reaches every mutant.
    exclude: ["test/property/i8-parity.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: "forks",
    env: { QA_RUNS: process.env.QA_RUNS ?? "6", QA_OUT: process.env.QA_OUT ?? "test-results/qa-mutation" },
  },
})
