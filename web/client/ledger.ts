// The ledger table and the balance chart. Amounts arrive from the server as kopecks (for the
// chart's geometry and the sign) and as formatted text; the caption uses the core's formatter.
import type { Board, LedgerRow } from "../board.ts"
import { formatRub } from "../../core/domain/money.ts"
import { $, h, svg } from "./dom.ts"
import { shortWhen } from "./timeline.ts"

export const renderLedger = (rows: readonly LedgerRow[]): void => {
  const body = $("#ledger tbody")
  body.replaceChildren(
    ...rows
      .slice()
      .reverse()
      .map((r) =>
        h(
          "tr",
          {},
          h("td", { text: shortWhen(r.atText), title: r.atText }),
          h("td", { text: r.label }),
          h("td", { class: `num ${r.amount < 0 ? "neg" : "pos"}`, text: r.amountText }),
          h("td", { class: "num", text: r.runningText }),
        ),
      ),
  )
  if (rows.length === 0)
    body.append(h("tr", {}, h("td", { colspan: "4", class: "note", text: "Списаний и зачислений пока нет" })))
}

const W = 400
const H = 120
const P = 6

/** Step chart of the balance over twin time: the balance holds until the next ledger entry. */
export const renderChart = (b: Board): void => {
  const points = b.chart
  const el = $("#chart")
  el.replaceChildren()
  const first = points[0]
  const lastPoint = points[points.length - 1]
  if (first === undefined || lastPoint === undefined) return
  const t0 = first[0]
  const t1 = Math.max(lastPoint[0], t0 + 1)
  const vals = points.map((p) => p[1])
  // Scale to the data (with a margin) so small movements show; the zero line is drawn when in range.
  const min = Math.min(...vals)
  const max = Math.max(...vals)
  const pad = Math.max((max - min) * 0.15, 100)
  const lo = min - pad
  const hi = max + pad
  const x = (t: number): number => P + ((t - t0) / (t1 - t0)) * (W - 2 * P)
  const y = (v: number): number => H - P - ((v - lo) / (hi - lo || 1)) * (H - 2 * P)
  let d = `M${x(first[0]).toFixed(1)},${y(first[1]).toFixed(1)}`
  for (const [t, v] of points.slice(1)) d += ` H${x(t).toFixed(1)} V${y(v).toFixed(1)}`
  if (lo < 0 && hi > 0)
    el.append(
      svg("line", {
        x1: 0,
        x2: W,
        y1: y(0),
        y2: y(0),
        stroke: "#b9c0c9",
        "stroke-dasharray": "4 3",
        "vector-effect": "non-scaling-stroke",
      }),
    )
  points.slice(1, -1).forEach(([t, v], i) => {
    const before = points[i]?.[1] ?? v
    el.append(svg("circle", { cx: x(t), cy: y(v), r: 2.5, fill: v < before ? "#c8101a" : "#12873f" }))
  })
  el.append(
    svg("path", { d, fill: "none", stroke: "#e30611", "stroke-width": 2, "vector-effect": "non-scaling-stroke" }),
  )
  const opened = b.ledger[0]
  $("#chart-caption").replaceChildren(
    h("span", { text: `мин ${formatRub(min)} · макс ${formatRub(max)}` }),
    h("span", {
      text: opened === undefined ? "" : `с ${opened.atText.slice(0, 10)} по ${b.twin.nowText.slice(0, 10)}`,
    }),
  )
}
