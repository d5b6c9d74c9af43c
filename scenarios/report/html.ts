// A self-contained HTML report (no scripts, no CDN): per scenario and subscriber, the journey as
// a timeline: the balance line over twin time (inline SVG), each step with its answer or, for a
// check, pass/fail with expected vs actual, and under each step the events it caused, in Russian.
import { formatRub } from "../../core/domain/money.ts"
import { eventRu, type EventRow } from "../client.ts"
import { twinTime, type BalanceSample, type ScenarioResult, type StepRecord } from "../runner.ts"
import { xmlEscape as esc } from "./junit.ts"

const W = 680
const H = 180
/** Plot area: money labels left of it, date labels below it, so no two labels overlap. */
const LEFT = 104
const RIGHT = 12
const TOP = 10
const BOTTOM = 24

/** The balance of one subscriber over twin time as an SVG polyline (a step line: balance holds until the next sample). */
export const balanceSvg = (samples: readonly BalanceSample[], msisdn: string): string => {
  const pts = samples
    .filter((s) => s.balances[msisdn] !== undefined)
    .map((s) => ({ at: s.at, v: s.balances[msisdn] as number }))
  if (pts.length === 0) return '<p class="muted">нет данных о балансе</p>'
  const t0 = pts[0]?.at ?? 0
  const t1 = Math.max(t0 + 1, pts[pts.length - 1]?.at ?? t0)
  const vs = pts.map((p) => p.v)
  const lo = Math.min(0, ...vs)
  const hi = Math.max(1, ...vs)
  // Within one minute of twin time the steps would sit on one vertical line: space them by order instead.
  const byOrder = t1 - t0 < 60_000 && pts.length > 1
  const span = byOrder ? pts.length - 1 : t1 - t0
  const x = (t: number, i: number): number => LEFT + ((byOrder ? i : t - t0) / span) * (W - LEFT - RIGHT)
  const y = (v: number): number => TOP + (1 - (v - lo) / (hi - lo)) * (H - TOP - BOTTOM)
  const path: string[] = []
  pts.forEach((p, i) => {
    const prev = pts[i - 1]
    if (prev !== undefined) path.push(`${x(p.at, i).toFixed(1)},${y(prev.v).toFixed(1)}`)
    path.push(`${x(p.at, i).toFixed(1)},${y(p.v).toFixed(1)}`)
  })
  const dots = pts
    .map(
      (p, i) =>
        `<circle cx="${x(p.at, i).toFixed(1)}" cy="${y(p.v).toFixed(1)}" r="2.5">` +
        `<title>${esc(`${twinTime(p.at)}: ${formatRub(p.v)}`)}</title></circle>`,
    )
    .join("")
  const zero =
    lo < 0 ? `<line x1="${LEFT}" x2="${W - RIGHT}" y1="${y(0).toFixed(1)}" y2="${y(0).toFixed(1)}" class="zero"/>` : ""
  const money = (v: number, at: number): string =>
    `<text x="${LEFT - 6}" y="${at.toFixed(1)}" class="axis" text-anchor="end" dominant-baseline="middle">${esc(formatRub(v))}</text>`
  const sameDay = twinTime(t0).slice(0, 10) === twinTime(t1).slice(0, 10)
  const end = sameDay ? twinTime(t1).slice(11) : twinTime(t1)
  return `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="баланс ${esc(msisdn)}">
  ${money(hi, y(hi))}${money(lo, y(lo))}<line x1="${LEFT}" x2="${LEFT}" y1="${TOP}" y2="${H - BOTTOM}" class="frame"/>\
<line x1="${LEFT}" x2="${W - RIGHT}" y1="${H - BOTTOM}" y2="${H - BOTTOM}" class="frame"/>
  <text x="${LEFT}" y="${H - 6}" class="axis">${esc(twinTime(t0))}</text>\
<text x="${W - RIGHT}" y="${H - 6}" class="axis" text-anchor="end">${esc(end)}</text>
  ${zero}<polyline points="${path.join(" ")}" class="line"/>${dots}</svg>`
}

/** An event in Russian, as the console's timeline writes it (one function, scenarios/client.ts). */
export { eventRu }

/** Events that are bookkeeping, not something a subscriber or a trainer would call an event. */
const QUIET = new Set(["ClockSet", "SessionTouched"])

const involves = (e: EventRow, msisdn: string): boolean => Object.values(e).includes(msisdn)

const stepRow = (x: StepRecord): string => {
  const mark = x.status === "passed" ? "✔" : x.status === "failed" ? "✘" : "·"
  const failures = x.failures
    .map(
      (f) =>
        `<div class="miss">${esc(f.what)}: ожидалось <b>${esc(f.expected)}</b>, получено <b>${esc(f.actual)}</b></div>`,
    )
    .join("")
  const what = x.kind === "expect" ? "проверка" : x.kind === "setup" ? "начальное состояние" : x.kind
  const note = x.note !== undefined ? `<div class="muted">${esc(x.note)}</div>` : ""
  return (
    `<tr class="${x.kind === "expect" ? "check " : ""}${x.status}"><td>${esc(twinTime(x.at))}</td>` +
    `<td>${mark} ${esc(what)}</td><td>${esc(x.sent)}${note}</td><td><pre>${esc(x.answer)}</pre>${failures}</td></tr>`
  )
}

/** One subscriber's journey: each step that acted for them or checked them, and under it the events it caused for them. */
const subscriberSection = (r: ScenarioResult, s: { msisdn: string; name: string }): string => {
  const rows: string[] = []
  let actions = 0
  let checks = 0
  let events = 0
  /** A check without a number (screen, error) is about the number of the step before it. */
  let actor: string | null = null
  for (const x of r.steps) {
    if (x.kind !== "expect" && x.msisdn !== null) actor = x.msisdn
    const range = x.events
    const evs =
      range === undefined
        ? []
        : r.events.filter((e) => e.seq > range.from && e.seq <= range.to && !QUIET.has(e.type) && involves(e, s.msisdn))
    const own = x.msisdn === s.msisdn || (x.kind === "expect" && x.msisdn === null && actor === s.msisdn)
    if (!own && evs.length === 0) continue
    rows.push(stepRow(x))
    if (x.kind === "expect") checks++
    else actions++
    events += evs.length
    for (const e of evs)
      rows.push(
        `<tr class="event"><td>${esc(twinTime(e.at))}</td><td>событие</td><td colspan="2">${esc(eventRu(e))}</td></tr>`,
      )
  }
  return `<section class="sub"><h3>${esc(s.name)} · ${esc(s.msisdn)}</h3>${balanceSvg(r.balances, s.msisdn)}
<details open><summary>Хронология: ${actions} действий, ${checks} проверок, ${events} событий</summary>\
<table><thead><tr><th>время двойника</th><th>шаг</th><th>отправлено</th><th>ответ / проверка</th></tr></thead>\
<tbody>${rows.join("")}</tbody></table></details></section>`
}

const scenarioSection = (r: ScenarioResult): string => {
  const failed = r.steps.filter((s) => s.status === "failed")
  const failures = failed.flatMap((s) =>
    s.failures.map(
      (f) =>
        `<li>${esc(s.pos ? `${s.pos.file}:${s.pos.line}` : r.file)} — ${esc(f.what)}: ` +
        `ожидалось <b>${esc(f.expected)}</b>, получено <b>${esc(f.actual)}</b></li>`,
    ),
  )
  if (r.crash !== null) failures.push(`<li>${esc(r.crash)}</li>`)
  return `<article class="${r.passed ? "pass" : "fail"}"><h2>${r.passed ? "✔" : "✘"} ${esc(r.name)}</h2>
<p class="muted">${esc(r.file)} · seed ${esc(r.seed)} · старт ${esc(r.start)} · ${esc(r.rules.join(" "))}</p>
${failures.length > 0 ? `<ul class="failures">${failures.join("")}</ul>` : ""}
${r.subscribers.map((s) => subscriberSection(r, s)).join("\n")}</article>`
}

export const htmlReport = (results: readonly ScenarioResult[]): string => {
  const failed = results.filter((r) => !r.passed).length
  return `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><title>Сценарии: ${results.length - failed} из ${results.length} пройдено</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222}h1{font-size:20px}\
h2{font-size:17px;margin:0 0 4px}h3{font-size:15px;margin:12px 0 4px}
article{border:1px solid #ddd;border-left:6px solid #2a2;border-radius:6px;padding:12px 16px;margin:16px 0}\
article.fail{border-left-color:#d22}
.muted{color:#777}.failures{color:#b00}table{border-collapse:collapse;width:100%;font-size:13px}\
td,th{border-bottom:1px solid #eee;padding:3px 6px;text-align:left;vertical-align:top}
pre{margin:0;white-space:pre-wrap;font:12px/1.3 ui-monospace,monospace}tr.event{color:#555;background:#fafafa}\
tr.failed{background:#fee}tr.not-run{color:#aaa}
svg .line{fill:none;stroke:#e30611;stroke-width:2}svg circle{fill:#e30611}svg .axis{font-size:10px;fill:#888}\
svg .zero{stroke:#999;stroke-dasharray:4 3}svg .frame{stroke:#ddd}
tr.check td{background:#f4fbf4}tr.check.failed td{background:#fee}.miss{color:#b00;font-size:12px}
</style></head><body>
<h1>Сценарии: ${results.length - failed} из ${results.length} пройдено${failed > 0 ? `, ${failed} с ошибками` : ""}</h1>
${results.map(scenarioSection).join("\n")}
</body></html>
`
}
