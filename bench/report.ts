// docs/benchmarks.md and the SVG charts (hand-written SVG, no dependencies).
import { mkdirSync, writeFileSync } from "node:fs"
import { fmt, markdownTable, pct, verdict, type MachineInfo, type SuiteResult } from "./lib/figures.ts"
import { DOCS_DIR } from "./lib/paths.ts"

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")

/** Horizontal bars: each measured figure against its same-run limit (limit = 100%). */
export const ratioChart = (results: readonly SuiteResult[]): string => {
  const rows = results.flatMap((r) => r.figures.filter((f) => f.ratio !== undefined && f.limit !== undefined))
  const W = 760
  const left = 300
  const barW = 400
  const rowH = 34
  const H = 50 + rows.length * rowH + 30
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="10" y="22" font-size="15" font-weight="bold">Measured vs limit measured in the same run (limit = 100%)</text>`,
  ]
  const maxR = Math.max(1, ...rows.map((f) => f.ratio ?? 0))
  const x = (r: number): number => left + (r / maxR) * barW
  rows.forEach((f, k) => {
    const y = 45 + k * rowH
    const r = f.ratio ?? 0
    const target = /(\d+(?:\.\d+)?)%/.exec(f.target)
    const color = f.pass === false ? "#d9534f" : "#2e8b57"
    parts.push(
      `<text x="${left - 8}" y="${y + 15}" text-anchor="end">${esc(`${f.suite}: ${f.name}`.slice(0, 48))}</text>`,
    )
    parts.push(`<rect x="${left}" y="${y + 3}" width="${barW * (1 / maxR)}" height="18" fill="#e6e6e6"/>`)
    parts.push(`<rect x="${left}" y="${y + 3}" width="${Math.max(1, x(r) - left)}" height="18" fill="${color}"/>`)
    if (target !== null) {
      const tx = x(Number(target[1]) / 100)
      parts.push(`<line x1="${tx}" y1="${y}" x2="${tx}" y2="${y + 24}" stroke="#000" stroke-dasharray="3,2"/>`)
    }
    parts.push(`<text x="${Math.min(W - 60, x(r) + 6)}" y="${y + 16}">${esc(pct(r))}</text>`)
  })
  parts.push(
    `<text x="${left}" y="${H - 10}" fill="#555">grey: the limit (100%); dashed: the target; green PASS, red FAIL</text>`,
  )
  parts.push("</svg>")
  return parts.join("\n")
}

export interface GrowthPoint {
  subscribers: number
  days: number
  seconds: number
  secondsPerSubscriberDay: number
  bytesPerSubscriber: number | null
  heapBytes: number | null
}

/** Log-log chart of time and memory against subscribers, with the fitted exponents. */
export const growthChart = (points: readonly GrowthPoint[], timeExp: number, memExp: number | null): string => {
  const W = 760
  const H = 380
  const L = 70
  const R = 70
  const T = 40
  const B = 50
  const xs = points.map((p) => Math.log10(p.subscribers))
  const x0 = Math.min(...xs) - 0.1
  const x1 = Math.max(...xs) + 0.1
  const X = (v: number): number => L + ((Math.log10(v) - x0) / (x1 - x0)) * (W - L - R)
  const series = (vals: number[], color: string, label: string, unit: string, side: "left" | "right"): string[] => {
    const lv = vals.map((v) => Math.log10(Math.max(v, 1e-9)))
    const y0 = Math.min(...lv) - 0.2
    const y1 = Math.max(...lv) + 0.2
    const Y = (v: number): number => T + (1 - (Math.log10(Math.max(v, 1e-9)) - y0) / (y1 - y0)) * (H - T - B)
    const out: string[] = []
    const pts = points.map((p, k) => `${X(p.subscribers).toFixed(1)},${Y(vals[k] as number).toFixed(1)}`)
    out.push(`<polyline fill="none" stroke="${color}" stroke-width="2" points="${pts.join(" ")}"/>`)
    points.forEach((p, k) => {
      const v = vals[k] as number
      out.push(`<circle cx="${X(p.subscribers)}" cy="${Y(v)}" r="4" fill="${color}"/>`)
      out.push(
        `<text x="${X(p.subscribers) + (side === "left" ? -6 : 6)}" y="${Y(v) - 8}" ` +
          `text-anchor="${side === "left" ? "end" : "start"}" fill="${color}">${esc(`${fmt(v)} ${unit}`)}</text>`,
      )
    })
    out.push(
      `<text x="${side === "left" ? L : W - R}" y="${T - 8}" text-anchor="${side === "left" ? "start" : "end"}" ` +
        `fill="${color}">${esc(label)}</text>`,
    )
    return out
  }
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="10" y="20" font-size="15" font-weight="bold">Cost growth (log-log): time per simulated day and heap vs subscribers</text>`,
    `<line x1="${L}" y1="${H - B}" x2="${W - R}" y2="${H - B}" stroke="#000"/>`,
  ]
  for (const p of points) {
    parts.push(
      `<line x1="${X(p.subscribers)}" y1="${H - B}" x2="${X(p.subscribers)}" y2="${H - B + 5}" stroke="#000"/>`,
    )
    parts.push(`<text x="${X(p.subscribers)}" y="${H - B + 18}" text-anchor="middle">${fmt(p.subscribers)}</text>`)
  }
  parts.push(
    `<text x="${(L + W - R) / 2}" y="${H - 10}" text-anchor="middle">subscribers (log scale) · fitted ` +
      `exponents: time ${timeExp.toFixed(2)}${memExp !== null ? `, memory ${memExp.toFixed(2)}` : ""} (1.00 = linear)</text>`,
  )
  parts.push(
    ...series(
      points.map((p) => p.seconds / p.days),
      "#1f77b4",
      "seconds per simulated day",
      "s/day",
      "left",
    ),
  )
  const heaps = points.map((p) => p.heapBytes)
  if (heaps.every((h): h is number => h !== null))
    parts.push(
      ...series(
        heaps.map((h) => h / 2 ** 20),
        "#ff7f0e",
        "heap held (MB)",
        "MB",
        "right",
      ),
    )
  parts.push("</svg>")
  return parts.join("\n")
}

export const writeReport = (results: readonly SuiteResult[], m: MachineInfo, mode: string): void => {
  mkdirSync(DOCS_DIR, { recursive: true })
  writeFileSync(`${DOCS_DIR}/bench-ratios.svg`, `${ratioChart(results)}\n`)
  const growth = results.find((r) => r.suite === "growth")
  const gd = growth?.data as { points: GrowthPoint[]; timeExponent: number; memoryExponent: number | null } | undefined
  if (gd !== undefined && gd.points.length >= 2)
    writeFileSync(`${DOCS_DIR}/bench-growth.svg`, `${growthChart(gd.points, gd.timeExponent, gd.memoryExponent)}\n`)
  const lines: string[] = [
    "# Benchmarks",
    "",
    `Generated by \`npm run bench${mode === "" ? "" : ` -- ${mode}`}\` on ${m.date.slice(0, 10)} · ` +
      `Node ${m.node} · ${m.cpus} × ${m.cpu} · ${m.memGb} GB RAM · ${m.platform} · load average at ` +
      `start ${m.loadavg.join(" / ")} (other processes shared the cores).`,
    "Every limit in the table was measured in the same run, on the same machine, right next to the figure it bounds.",
    "Raw results: `bench/results/*.json`. Charts: [ratios](bench-ratios.svg), [growth](bench-growth.svg).",
    "",
    markdownTable(results),
    "",
    "![measured vs limit](bench-ratios.svg)",
    "",
  ]
  if (gd !== undefined) lines.push("![cost growth](bench-growth.svg)", "")
  for (const r of results) {
    const notes = r.notes ?? []
    if (notes.length === 0) continue
    lines.push(`## ${r.title}`, "", ...notes.map((n) => `- ${n}`), "")
  }
  const failed = results.flatMap((r) => r.figures).filter((f) => f.pass === false)
  lines.push(
    "## Verdict",
    "",
    failed.length === 0
      ? "All targets met in this run."
      : `Below target in this run: ${failed.map((f) => `${f.suite} / ${f.name} (${verdict(f.pass)})`).join("; ")}.`,
    "",
  )
  writeFileSync(`${DOCS_DIR}/benchmarks.md`, lines.join("\n"))
}
