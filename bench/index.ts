// `npm run bench`: every suite, each figure next to its limit measured in the same run; results
// to bench/results/*.json, the table to docs/benchmarks.md, charts to docs/*.svg.
import { existsSync, readFileSync, writeFileSync } from "node:fs"
import os from "node:os"
import { machine, markdownTable, printSuite, writeJson, type SuiteResult } from "./lib/figures.ts"
import { RESULTS_DIR } from "./lib/paths.ts"
import { runLog } from "./log.ts"
import { runRating } from "./rating.ts"

export const SUITES = ["rating", "log", "population", "http", "growth", "cluster"] as const
export type SuiteName = (typeof SUITES)[number]

export interface BenchOptions {
  readonly quick: boolean
  /** Population at the full 100,000 × 30 days and growth to 1,000,000 × 3 days (long). */
  readonly full: boolean
  readonly only: readonly SuiteName[]
  /** Write bench/results, docs/benchmarks.md and the SVG charts. */
  readonly write: boolean
}

export interface SuiteOptions {
  readonly quick: boolean
  readonly full: boolean
}
type Runner = (o: SuiteOptions) => Promise<SuiteResult>

const loadRunner = async (name: SuiteName): Promise<Runner> => {
  switch (name) {
    case "rating":
      return runRating
    case "log":
      return runLog
    case "population":
      return (await import("./population.ts")).runPopulation
    case "http":
      return (await import("./http.ts")).runHttp
    case "growth":
      return (await import("./growth.ts")).runGrowth
    case "cluster":
      return (await import("./cluster.ts")).runClusterSuite
  }
}

export const runBench = async (o: BenchOptions): Promise<SuiteResult[]> => {
  const m = machine()
  console.log(
    `twin bench${o.quick ? " --quick" : o.full ? " --full" : ""} · Node ${m.node} · ${m.cpus} × ${m.cpu} ` +
      `· ${m.memGb} GB · ${m.platform} · load average ${m.loadavg.join(" ")}`,
  )
  const results: SuiteResult[] = []
  for (const name of o.only) {
    const t0 = performance.now()
    const r = await (await loadRunner(name))({ quick: o.quick, full: o.full && !o.quick })
    printSuite(r)
    console.log(
      `  (${((performance.now() - t0) / 1000).toFixed(1)} s; load average now ${os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(" ")})`,
    )
    results.push(r)
    if (o.write) writeJson(`${RESULTS_DIR}/${name}.json`, { machine: m, quick: o.quick, full: o.full, ...r })
  }
  if (o.write) {
    // The report covers every suite: this run's results, and the last saved ones for suites not run.
    const all: SuiteResult[] = []
    for (const name of SUITES) {
      const now = results.find((r) => r.suite === name || (name === "log" && r.suite === "event-log"))
      if (now !== undefined) {
        all.push(now)
        continue
      }
      const path = `${RESULTS_DIR}/${name}.json`
      if (!existsSync(path)) continue
      const saved = JSON.parse(readFileSync(path, "utf8")) as SuiteResult & {
        machine: { date: string }
        quick?: boolean
        full?: boolean
      }
      all.push({
        ...saved,
        notes: [
          ...(saved.notes ?? []),
          `From an earlier run ` +
            `(${saved.machine.date.slice(0, 16)}${saved.quick === true ? ", --quick" : saved.full === true ? ", --full" : ""}).`,
        ],
      })
    }
    const { writeReport } = await import("./report.ts")
    writeReport(all, m, o.quick ? "--quick" : o.full ? "--full" : "")
  }
  return results
}

export { markdownTable, writeFileSync }
