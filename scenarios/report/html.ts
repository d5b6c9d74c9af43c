// A self-contained HTML report (no scripts, no CDN): per scenario and subscriber, the journey as
// a timeline: the balance line over twin time (inline SVG), channel messages and events.
import { formatRub } from "../../core/domain/money.ts"
import { eventRu } from "../client.ts"
import { twinTime, type BalanceSample, type ScenarioResult } from "../runner.ts"
import { xmlEscape as esc } from "./junit.ts"

const W = 640
const H = 160
const PAD = 36

/** The balance of one subscriber over twin time as an SVG polyline (a step line: balance holds until the next sample). */
export const balanceSvg = (samples: readonly BalanceSample[], msisdn: string): string => {
  const pts = samples.filter((s) => s.balances[msisdn] !== undefined).map((s) => ({ at: s.at, v: s.balances[msisdn] as number }))
  if (pts.length === 0) return "<p class=\"muted\">нет данных о балансе</p>"
  const t0 = pts[0]?.at ?? 0
  const t1 = Math.max(t0 + 1, pts[pts.length - 1]?.at ?? t0)
  const vs = pts.map((p) => p.v)
  const lo = Math.min(0, ...vs)
  const hi = Math.max(1, ...vs)
  const x = (t: number): number => PAD + ((t - t0) / (t1 - t0)) * (W - 2 * PAD)
  const y = (v: number): number => H - PAD / 2 - ((v - lo) / (hi - lo)) * (H - PAD)
  const path: string[] = []
  pts.forEach((p, i) => {
    const prev = pts[i - 1]
    if (prev !== undefined) path.push(`${x(p.at).toFixed(1)},${y(prev.v).toFixed(1)}`)
    path.push(`${x(p.at).toFixed(1)},${y(p.v).toFixed(1)}`)
  })
  const dots = pts.map((p) => `<circle cx="${x(p.at).toFixed(1)}" cy="${y(p.v).toFixed(1)}" r="2.5"><title>${esc(`${twinTime(p.at)}: ${formatRub(p.v)}`)}</title></circle>`).join("")
  const zero = lo < 0 ? `<line x1="${PAD}" x2="${W - PAD}" y1="${y(0).toFixed(1)}" y2="${y(0).toFixed(1)}" class="zero"/>` : ""
  return `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="баланс ${esc(msisdn)}">
  <text x="4" y="12" class="axis">${esc(formatRub(hi))}</text><text x="4" y="${H - 4}" class="axis">${esc(formatRub(lo))}</text>
  <text x="${PAD}" y="${H - 4}" class="axis">${esc(twinTime(t0))}</text><text x="${W - PAD}" y="${H - 4}" class="axis" text-anchor="end">${esc(twinTime(t1))}</text>
  ${zero}<polyline points="${path.join(" ")}" class="line"/>${dots}</svg>`
}


const subscriberSection = (r: ScenarioResult, s: { msisdn: string; name: string }): string => {
  const steps = r.steps.filter((x) => x.msisdn === s.msisdn && x.kind !== "expect")
  const evs = r.events.filter((e) => Object.values(e).includes(s.msisdn))
  const rows = [
    ...steps.map((x) => ({ at: x.at, order: x.index * 2, html: `<tr class="${x.status}"><td>${esc(twinTime(x.at))}</td><td>${esc(x.kind)}</td><td>${esc(x.sent)}</td><td><pre>${esc(x.answer)}</pre></td></tr>` })),
    ...evs.map((e) => ({ at: e.at, order: e.seq * 2 + 1, html: `<tr class="event"><td>${esc(twinTime(e.at))}</td><td>событие</td><td colspan="2">${esc(eventRu(e))}</td></tr>` })),
  ].sort((a, b) => a.at - b.at || a.order - b.order)
  return `<section class="sub"><h3>${esc(s.name)} · ${esc(s.msisdn)}</h3>${balanceSvg(r.balances, s.msisdn)}
<details><summary>Хронология: ${steps.length} действий, ${evs.length} событий</summary><table><thead><tr><th>время двойника</th><th>канал</th><th>отправлено</th><th>ответ</th></tr></thead><tbody>${rows.map((x) => x.html).join("")}</tbody></table></details></section>`
}

const scenarioSection = (r: ScenarioResult): string => {
  const failed = r.steps.filter((s) => s.status === "failed")
  const failures = failed.flatMap((s) => s.failures.map((f) => `<li>${esc(s.pos ? `${s.pos.file}:${s.pos.line}` : r.file)} — ${esc(f.what)}: ожидалось <b>${esc(f.expected)}</b>, получено <b>${esc(f.actual)}</b></li>`))
  if (r.crash !== null) failures.push(`<li>${esc(r.crash)}</li>`)
  return `<article class="${r.passed ? "pass" : "fail"}"><h2>${r.passed ? "✔" : "✘"} ${esc(r.name)}</h2>
<p class="muted">${esc(r.file)} · seed ${esc(r.seed)} · старт ${esc(r.start)} · ${esc(r.rules.join(" "))}${r.finalHash ? ` · hash ${esc(r.finalHash.slice(0, 16))}` : ""}</p>
${failures.length > 0 ? `<ul class="failures">${failures.join("")}</ul>` : ""}
${r.subscribers.map((s) => subscriberSection(r, s)).join("\n")}</article>`
}

export const htmlReport = (results: readonly ScenarioResult[]): string => {
  const failed = results.filter((r) => !r.passed).length
  return `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><title>Сценарии: ${results.length - failed} из ${results.length} пройдено</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222}h1{font-size:20px}h2{font-size:17px;margin:0 0 4px}h3{font-size:15px;margin:12px 0 4px}
article{border:1px solid #ddd;border-left:6px solid #2a2;border-radius:6px;padding:12px 16px;margin:16px 0}article.fail{border-left-color:#d22}
.muted{color:#777}.failures{color:#b00}table{border-collapse:collapse;width:100%;font-size:13px}td,th{border-bottom:1px solid #eee;padding:3px 6px;text-align:left;vertical-align:top}
pre{margin:0;white-space:pre-wrap;font:12px/1.3 ui-monospace,monospace}tr.event{color:#555;background:#fafafa}tr.failed{background:#fee}tr.not-run{color:#aaa}
svg .line{fill:none;stroke:#e30611;stroke-width:2}svg circle{fill:#e30611}svg .axis{font-size:10px;fill:#888}svg .zero{stroke:#999;stroke-dasharray:4 3}
</style></head><body>
<h1>Сценарии: ${results.length - failed} из ${results.length} пройдено${failed > 0 ? `, ${failed} с ошибками` : ""}</h1>
${results.map(scenarioSection).join("\n")}
</body></html>
`
}
