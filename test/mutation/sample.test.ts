// The mutation sample that `npm test` runs: StrykerJS (stryker.config.mjs, vitest runner, the fast
// rule tests of vitest.mutation.config.ts) over a fixed file of core/rules/, the funds check and
// the balance block (R8, R15, R19). The score must reach the 85% target; the full run over
// core/rules/ is `npm run test:mutation` (README «Для QA»). The one survivor is equivalent: a
// prepaid number's credit limit is always 0, so `available` gives the same with or without it.
// About 20 mutants at 1–2 CPU-seconds each: a minute or two on an idle machine; the timeout allows
// for a machine shared by many jobs.
import { spawnSync } from "node:child_process"
import { readFileSync, rmSync } from "node:fs"
import { describe, expect, it } from "vitest"

const FILE = "core/rules/funds.ts"
const OUT = "test-results/mutation-sample"

interface Report {
  files: Record<
    string,
    { mutants: Array<{ status: string; mutatorName: string; location: { start: { line: number } } }> }
  >
}

describe("mutation sample", () => {
  it("R8, R15, R19: StrykerJS kills at least 85% of the mutants of the funds check and balance block", () => {
    rmSync(OUT, { recursive: true, force: true })
    const r = spawnSync("npx", ["stryker", "run"], {
      env: {
        ...process.env,
        STRYKER_MUTATE: FILE,
        STRYKER_CONCURRENCY: process.env.STRYKER_CONCURRENCY ?? "1",
        STRYKER_OUT: OUT,
        STRYKER_TMP: `${OUT}/sandbox`,
      },
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    })
    expect(r.status, `stryker failed:\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`).toBe(0)
    const report = JSON.parse(readFileSync(`${OUT}/mutation.json`, "utf8")) as Report
    const mutants = report.files[FILE]?.mutants ?? []
    const count = (s: string) => mutants.filter((m) => m.status === s).length
    const detected = count("Killed") + count("Timeout")
    const undetected = count("Survived") + count("NoCoverage")
    const survivors = mutants
      .filter((m) => m.status === "Survived" || m.status === "NoCoverage")
      .map((m) => `${m.mutatorName} at line ${m.location.start.line}`)
    // A run that tested (almost) nothing proves nothing.
    expect(detected + undetected).toBeGreaterThanOrEqual(15)
    expect(count("RuntimeError") + count("CompileError"), "mutants that broke the run").toBe(0)
    expect((100 * detected) / (detected + undetected), `survivors: ${survivors.join("; ")}`).toBeGreaterThanOrEqual(85)
  }, 1_500_000)
})
