// StrykerJS over the rules (core/rules/): `npm run test:mutation`. The vitest runner runs the
// selection in vitest.mutation.config.ts (the rule example tests, milliseconds each); perTest
// coverage runs only the tests that reach each mutant. HTML report: reports/mutation/index.html.
// A fixed sample runs in `npm test` (test/mutation/sample.test.ts); the full run is documented in
// the README («Для QA»).
//   STRYKER_MUTATE=core/rules/funds.ts,core/rules/blocks.ts  files (or globs) to mutate
//   STRYKER_CONCURRENCY=2                                    test runner processes
//   STRYKER_OUT=reports/mutation                             where the reports go
//   STRYKER_TMP=.stryker-tmp                                 sandbox folder (one per concurrent run)
const out = process.env.STRYKER_OUT ?? "reports/mutation"

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts", related: false },
  coverageAnalysis: "perTest",
  // Mutants in module-level constants need every test re-run; the values they build are checked
  // through the functions that use them.
  ignoreStatic: true,
  // Wording of error messages and SMS texts is not rule logic (the scenario and e2e suites check
  // what subscribers see); string mutants there would only measure which messages tests quote.
  mutator: { excludedMutations: ["StringLiteral"] },
  mutate: process.env.STRYKER_MUTATE ? process.env.STRYKER_MUTATE.split(",") : ["core/rules/**/*.ts"],
  ignorePatterns: ["bench/results", "docs", "reports", "test-results", ".stryker-tmp*", "*.db"],
  reporters: ["html", "json", "clear-text", "progress"],
  htmlReporter: { fileName: `${out}/index.html` },
  jsonReporter: { fileName: `${out}/mutation.json` },
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 2),
  timeoutMS: 60_000,
  timeoutFactor: 2,
  thresholds: { high: 90, low: 85, break: null },
  // TypeScript 7 has no JS API for Stryker to rewrite tsconfig.json with; vitest needs no rewrite.
  tsconfigFile: "tsconfig.stryker-unused.json",
  tempDirName: process.env.STRYKER_TMP ?? ".stryker-tmp",
  cleanTempDir: "always",
}
