#!/usr/bin/env node
// `node scripts/mutation-report.mjs [reports/mutation/mutation.json] > docs/mutation-survivors.md`:
// the per-file scores and every surviving mutant of a Stryker run, as markdown, from Stryker's JSON
// report (mutation-testing-report-schema). Timeouts count as killed, as Stryker counts them.
import { readFileSync } from "node:fs"
import { pathToFileURL } from "node:url"

const TESTED = new Set(["Killed", "Timeout", "Survived", "NoCoverage"])
const LIVE = new Set(["Survived", "NoCoverage"])

/** Per-file counts and the live mutants, files in name order. */
export const summarize = (report) =>
  Object.entries(report.files)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([file, f]) => {
      const tested = f.mutants.filter((m) => TESTED.has(m.status))
      const live = tested.filter((m) => LIVE.has(m.status))
      const lines = f.source.split("\n")
      return {
        file,
        tested: tested.length,
        killed: tested.length - live.length,
        survivors: live
          .map((m) => ({
            line: m.location.start.line,
            column: m.location.start.column,
            mutator: m.mutatorName,
            status: m.status,
            replacement: (m.replacement ?? "").replace(/\s+/g, " ").slice(0, 60),
            code: (lines[m.location.start.line - 1] ?? "").trim().slice(0, 100),
          }))
          .sort((a, b) => a.line - b.line || a.column - b.column),
      }
    })

const pct = (k, n) => (n === 0 ? "—" : `${((100 * k) / n).toFixed(2)}%`)
const cell = (s) => `\`${s.replaceAll("`", "'").replaceAll("|", "\\|")}\``

export const toMarkdown = (files) => {
  const tested = files.reduce((a, f) => a + f.tested, 0)
  const killed = files.reduce((a, f) => a + f.killed, 0)
  const out = [
    "| file | tested | killed | survived | score |",
    "|---|---:|---:|---:|---:|",
    ...files.map(
      (f) => `| \`${f.file}\` | ${f.tested} | ${f.killed} | ${f.tested - f.killed} | ${pct(f.killed, f.tested)} |`,
    ),
    `| **all** | ${tested} | ${killed} | ${tested - killed} | **${pct(killed, tested)}** |`,
  ]
  for (const f of files.filter((x) => x.survivors.length > 0)) {
    out.push("", `### \`${f.file}\``, "", "| line | mutator | replacement | code |", "|---:|---|---|---|")
    for (const s of f.survivors)
      out.push(
        `| ${s.line}:${s.column} | ${s.mutator}${s.status === "NoCoverage" ? " (no test reaches it)" : ""} ` +
          `| ${s.replacement === "" ? "—" : cell(s.replacement)} | ${cell(s.code)} |`,
      )
  }
  return out.join("\n")
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const path = process.argv[2] ?? "reports/mutation/mutation.json"
  console.log(toMarkdown(summarize(JSON.parse(readFileSync(path, "utf8")))))
}
