// Reproduction works (R10 planted): with a bug planted in the rules (promised payments stack), the
// property suite fails; the printed reproduce command — test file, full title, seed, path and the
// commands' replay path — run in a fresh vitest replays the same violation; and the exported
// scenario loads, runs up to the failing step and ends in an expect that fails on the bug and
// passes once the bug is gone.
import { spawnSync } from "node:child_process"
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { loadScenarioText } from "../../scenarios/loader.ts"
import { runAll } from "../../server/scenario-runs.ts"
import { webOperations } from "../../scenarios/drivers.ts"
import { checkJourneys, TARGETS } from "../../qa/index.ts"
import { plantPromisedStacking } from "../helpers/planted.ts"

const dir = mkdtempSync(join(tmpdir(), "qa-repro-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
/** The first test's failure report, read by the next ones (same file, run in order). */
let report = ""

const failureOf = async (run: () => Promise<unknown>): Promise<string> => {
  try {
    await run()
  } catch (e) {
    return e instanceof Error ? e.message : String(e)
  }
  return ""
}

const violationLine = (m: string): string => /violated at step \d+ \([^\n]*/.exec(m)?.[0] ?? ""

describe("QA toolkit: reproduction of a planted failure", () => {
  it("R10 planted bug (promised payments stack): the property suite catches it", async () => {
    const unplant = plantPromisedStacking()
    const out = process.env.QA_OUT
    process.env.QA_OUT = out ?? dir
    try {
      report = await failureOf(() =>
        checkJourneys({
          name: "planted R10 promised stacking",
          runs: 60,
          mix: {
            money: 8,
            rare: 4,
            advance: 1,
            usage: 1,
            account: 0,
            family: 0,
            auth: 0,
            link: 0,
            travel: 0,
            network: 0,
          },
          targets: [TARGETS.promisedOpen],
        }),
      )
    } finally {
      unplant()
      if (out === undefined) delete process.env.QA_OUT
    }
    expect(report).toMatch(/ORACLE violated at step \d+ .*second promised payment/)
    // The replay (a child vitest) prints this line so the parent can compare it with its own.
    console.log(`[planted] ${violationLine(report)}`)
  })

  it("the printed reproduce command names this file and the real test title and replays the same violation", () => {
    if (process.env.QA_PATH !== undefined) return // inside the replay itself
    const command = /reproduce: (.*)/.exec(report)?.[1] ?? ""
    expect(command).toContain("test/property/reproduce.test.ts")
    expect(command).toContain("QA_REPLAY=")
    const r = spawnSync("sh", ["-c", command], {
      encoding: "utf8",
      env: { ...process.env, QA_OUT: dir, NO_COLOR: "1", FORCE_COLOR: "0" },
      timeout: 280_000,
    })
    const text = `${r.stdout}\n${r.stderr}`
    // Only the planted test ran (the -t pattern matched it, the others are filtered out) and it saw the same violation.
    expect(text, text.slice(-2000)).toMatch(/Tests\s+1 passed \| 2 skipped \(3\)/)
    expect(text).toContain(`[planted] ${violationLine(report)}`)
    expect(r.status).toBe(0)
  }, 300_000)

  it("the exported scenario loads, reproduces the bug at its closing expect, and passes without the bug", async () => {
    if (process.env.QA_PATH !== undefined) return
    const files = readdirSync(dir).filter((f) => f.startsWith("planted-r10") && f.endsWith(".yaml"))
    expect(files.length).toBeGreaterThan(0)
    const text = readFileSync(join(dir, files[0] as string), "utf8")
    const loaded = loadScenarioText(files[0] as string, text, { operations: webOperations() })
    if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join("\n"))
    const last = loaded.scenario.steps[loaded.scenario.steps.length - 1]
    expect(last?._tag).toBe("expect")
    const unplant = plantPromisedStacking()
    let buggy: Awaited<ReturnType<typeof runAll>>[number] | undefined
    try {
      buggy = (await runAll([loaded.scenario], { concurrency: 1 }))[0]
    } finally {
      unplant()
    }
    // With the bug, every step runs and only the closing expectation fails.
    const failed = buggy?.steps.filter((s) => s.status === "failed") ?? []
    expect(
      failed.map((s) => s.kind),
      JSON.stringify(failed.map((s) => s.failures)),
    ).toEqual(["expect"])
    expect(failed[0]?.index).toBe(loaded.scenario.steps.length)
    const fixed = (await runAll([loaded.scenario], { concurrency: 1 }))[0]
    expect(
      fixed?.passed,
      JSON.stringify(fixed?.steps.filter((s) => s.status === "failed").map((s) => s.failures)),
    ).toBe(true)
  })
})
