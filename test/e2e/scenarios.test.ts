// The scenario library (scenarios/library/*.yaml) runs in-process through HTTP, every file a
// customer journey naming its rules; plus determinism (same scenario twice → same state hash)
// and the reports.
import { readdirSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { coverage } from "../../scenarios/coverage.ts"
import { loadAll, runAll } from "../../server/scenario-runs.ts"
import { formatResult } from "../../scenarios/report/human.ts"
import { htmlReport } from "../../scenarios/report/html.ts"
import { junitXml } from "../../scenarios/report/junit.ts"
import type { ScenarioResult } from "../../scenarios/runner.ts"

const LIB = fileURLToPath(new URL("../../scenarios/library/", import.meta.url))
const files = readdirSync(LIB)
  .filter((f) => f.endsWith(".yaml"))
  .sort()
  .map((f) => `${LIB}${f}`)

const runFiles = async (paths: readonly string[]): Promise<ScenarioResult[]> => {
  const loaded = await loadAll(paths)
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.format()).join("\n"))
  return runAll(loaded.scenarios, { concurrency: 4 })
}

describe("scenario library", () => {
  it("covers every rule R1–R29, and every library file names the rules it covers", async () => {
    const rows = await coverage(LIB)
    expect(rows).toHaveLength(29)
    expect(rows.filter((r) => r.files.length === 0).map((r) => r.rule)).toEqual([])
    for (const f of files) expect(rows.some((r) => r.files.some((x) => f.endsWith(x.replace(/^.*\//, ""))))).toBe(true)
  })

  it.each(files.map((f) => [f.replace(/^.*\//, ""), f]))("%s passes", async (_name, file) => {
    const [r] = await runFiles([file])
    expect(r, "one result").toBeDefined()
    if (r === undefined) return
    expect(r.passed, formatResult(r)).toBe(true)
    expect(r.rules.length).toBeGreaterThan(0)
    expect(r.steps.filter((s) => s.kind === "expect").length).toBeGreaterThan(0)
  })
})

describe("the normative example (scenarios/examples/zabugorishche.yaml)", () => {
  it("runs unchanged and passes", async () => {
    const file = fileURLToPath(new URL("../../scenarios/examples/zabugorishche.yaml", import.meta.url))
    const [r] = await runFiles([file])
    expect(r, "one result").toBeDefined()
    if (r === undefined) return
    expect(r.passed, formatResult(r)).toBe(true)
    expect(r.rules).toEqual(["R1", "R3", "R8", "R15"])
    expect(
      r.steps
        .filter((s) => s.kind === "ussd" || s.kind === "ivr")
        .map((s) => s.answer)
        .join("\n"),
    ).toContain("руб")
  })
})

describe("determinism", () => {
  it("the same scenario run twice ends in the same state hash and the same event log", async () => {
    const file = files.find((f) => f.endsWith("r10-promised-payment.yaml")) as string
    const [a, b] = await runFiles([file, file])
    expect(a?.passed).toBe(true)
    expect(a?.finalHash).toMatch(/^[0-9a-f]{16,}$/)
    expect(b?.finalHash).toBe(a?.finalHash)
    expect(b?.events.map((e) => `${e.seq}:${e.type}:${e.at}`)).toEqual(
      a?.events.map((e) => `${e.seq}:${e.type}:${e.at}`),
    )
  })
})

describe("reports", () => {
  it("JUnit XML and the HTML timeline describe each scenario and subscriber", async () => {
    const results = await runFiles(files.filter((f) => /r12-transfer|r03-zabugorishche-trip/.test(f)))
    const xml = junitXml(results)
    expect(xml).toContain('<testsuites name="twin scenarios" tests="2" failures="0"')
    expect(xml).toContain("Перевод денег маме")
    const html = htmlReport(results)
    expect(html).toContain("<svg")
    expect(html).toContain("<polyline")
    expect(html).toContain("Смирнова Галина Петровна · 79161000122")
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/)
  })

  it("HTML: events under the step that caused them, in Russian; checks in the timeline with pass/fail; no raw ids or hashes", async () => {
    const [r] = await runFiles(files.filter((f) => /r06-tariff-change-lk/.test(f)))
    if (r === undefined) throw new Error("no result")
    const html = htmlReport([r])
    // R6: the change shows under the step that confirmed it, not under the one that did not.
    const rows = [...html.matchAll(/<tr class="([^"]*)">([\s\S]*?)<\/tr>/g)].map((m) => ({
      cls: m[1] ?? "",
      text: (m[2] ?? "").replace(/<[^>]+>/g, " "),
    }))
    const changed = rows.findIndex((x) => x.cls === "event" && x.text.includes("Тариф изменен"))
    expect(changed).toBeGreaterThan(0)
    const step = rows
      .slice(0, changed)
      .reverse()
      .find((x) => x.cls !== "event")
    expect(step?.text).toContain("change-tariff")
    expect(step?.text).not.toContain("confirmed")
    expect(rows.some((x) => x.cls === "check passed" && x.text.includes("проверка"))).toBe(true)
    expect(html).toContain("Абонент Федорова Светлана Николаевна, тариф «Смарт»")
    expect(html).not.toMatch(/renewAt=|tokenHash|hash=|salt|"code":"\d/)
    expect(html).not.toMatch(/\b[0-9a-f]{16,}\b/)
  })
})
