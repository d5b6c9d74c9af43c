// `twin bench [--quick] [--only rating,log,...] [--no-write]`: the benchmark suites (npm run bench).
import { defineCommand } from "citty"
import { SUITES, type SuiteName } from "../../bench/index.ts"

export default defineCommand({
  meta: {
    name: "bench",
    description:
      "Benchmarks: rating, event log, population, HTTP, cost growth (each next to its limit measured in the same run)",
  },
  args: {
    quick: { type: "boolean", description: "Shorter runs and smaller populations (a few minutes)", default: false },
    full: {
      type: "boolean",
      description: "Population at the full 100,000 × 30 days, growth up to 1,000,000 × 3 days (long: 15+ minutes here)",
      default: false,
    },
    only: { type: "string", description: `Comma-separated suites: ${SUITES.join(",")}` },
    write: {
      type: "boolean",
      description: "Write bench/results/*.json, docs/benchmarks.md and docs/*.svg",
      default: true,
    },
  },
  async run({ args }) {
    const only =
      args.only === undefined
        ? [...SUITES]
        : args.only
            .split(",")
            .map((s) => s.trim())
            .filter((s) => s !== "")
    const bad = only.filter((s) => !(SUITES as readonly string[]).includes(s))
    if (bad.length > 0) {
      console.error(`--only: unknown suite ${bad.join(", ")} (known: ${SUITES.join(", ")})`)
      process.exit(2)
    }
    const { runBench } = await import("../../bench/index.ts")
    const results = await runBench({ quick: args.quick, full: args.full, only: only as SuiteName[], write: args.write })
    const failed = results.flatMap((r) => r.figures).filter((f) => f.pass === false)
    console.log(
      `\n${
        failed.length === 0
          ? "All targets met."
          : `${failed.length} figure(s) below target: ${failed.map((f) => `${f.suite}/${f.name}`).join("; ")}`
      }`,
    )
  },
})
