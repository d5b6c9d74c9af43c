// What every benchmark suite reports: a figure, the limit it is compared with (measured in the
// same run), the target and PASS/FAIL. Wall-clock time is used here only to measure.
import { mkdirSync, writeFileSync } from "node:fs"
import { dirname } from "node:path"
import os from "node:os"

export interface Figure {
  readonly suite: string
  readonly name: string
  readonly value: number
  readonly unit: string
  /** The reference measured in the same run (a plain loop, raw inserts, a bare route), if any. */
  readonly limit?: { readonly name: string; readonly value: number; readonly unit: string }
  /** value / limit.value when there is a limit. */
  readonly ratio?: number
  /** The target in words, e.g. "≥ 1,000,000 events/s" or "≥ 50% of raw". */
  readonly target: string
  /** null: informational, no target. */
  readonly pass: boolean | null
  readonly note?: string
}

export interface SuiteResult {
  readonly suite: string
  readonly title: string
  readonly figures: Figure[]
  /** Extra measurements for charts and the JSON file. */
  readonly data?: unknown
  readonly notes?: string[]
}

export const fmt = (v: number, digits = 0): string => {
  if (!Number.isFinite(v)) return String(v)
  const abs = Math.abs(v)
  const d = abs >= 1000 ? 0 : abs >= 100 ? Math.min(digits, 1) : abs >= 1 ? Math.max(digits, 2) : Math.max(digits, 3)
  return v.toLocaleString("en-US", { minimumFractionDigits: 0, maximumFractionDigits: d })
}

export const pct = (r: number): string => `${(r * 100).toFixed(1)}%`

export const verdict = (p: boolean | null): string => (p === null ? "info" : p ? "PASS" : "FAIL")

export const figureLine = (f: Figure): string => {
  const lim = f.limit ? `  vs ${f.limit.name}: ${fmt(f.limit.value)} ${f.limit.unit}` : ""
  const ratio = f.ratio !== undefined ? ` (${pct(f.ratio)})` : ""
  return `  [${verdict(f.pass)}] ${f.name}: ${fmt(f.value)} ${f.unit}${lim}${ratio} · target ${f.target}${f.note ? ` · ${f.note}` : ""}`
}

export const printSuite = (r: SuiteResult): void => {
  console.log(`\n${r.title}`)
  for (const f of r.figures) console.log(figureLine(f))
  for (const n of r.notes ?? []) console.log(`  note: ${n}`)
}

export interface MachineInfo {
  node: string
  cpus: number
  cpu: string
  memGb: number
  platform: string
  date: string
  loadavg: number[]
}

export const machine = (): MachineInfo => ({
  node: process.version,
  cpus: os.cpus().length,
  cpu: os.cpus()[0]?.model ?? "unknown",
  memGb: Math.round(os.totalmem() / 2 ** 30),
  platform: `${os.platform()} ${os.arch()}`,
  date: new Date().toISOString(),
  /** 1/5/15-minute load averages when the run started: other processes share these cores. */
  loadavg: os.loadavg().map((x) => Math.round(x * 100) / 100),
})

export const writeJson = (path: string, value: unknown): void => {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`)
}

/** The Markdown table of all figures (docs/benchmarks.md and the README section). */
export const markdownTable = (results: readonly SuiteResult[]): string => {
  const rows = [
    "| Suite | Figure | Measured | Limit (same run) | Ratio | Target | Result |",
    "|---|---|---:|---:|---:|---|---|",
  ]
  for (const r of results) {
    for (const f of r.figures) {
      const lim = f.limit ? `${fmt(f.limit.value)} ${f.limit.unit} (${f.limit.name})` : "—"
      rows.push(
        `| ${r.suite} | ${f.name} | ${fmt(f.value)} ${f.unit} | ${lim} ` +
          `| ${f.ratio !== undefined ? pct(f.ratio) : "—"} | ${f.target} | ${verdict(f.pass)} |`,
      )
    }
  }
  return rows.join("\n")
}
