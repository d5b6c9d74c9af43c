// The top bar's figures and the clock, drawn from the board (web/board.ts): what the subscriber
// has, where they are and what time it is in the twin. Then the ledger, chart and inbox.
import type { Board } from "../board.ts"
import { $, $input, $select } from "./dom.ts"
import { renderInbox } from "./inbox.ts"
import { renderChart, renderLedger } from "./ledger.ts"

const whereRu = (a: Board["account"]): string =>
  a.location === "abroad"
    ? `за границей: ${a.countryName ?? ""}`
    : a.location === "russia"
      ? "поездка по России"
      : "домашний регион"

export const renderBoard = (b: Board): void => {
  $("#now").textContent = b.twin.nowText
  const dt = $input("#advance-date")
  dt.min = b.twin.nowIso.slice(0, 16)
  if (dt.value === "" || dt.value < dt.min) dt.value = dt.min
  const a = b.account
  const bal = $("#sum-balance")
  bal.textContent = a.balanceText
  bal.classList.toggle("negative", a.balance < 0)
  $("#sum-tariff").textContent = `«${a.tariff}»`
  $("#sum-status").textContent = a.status
  $("#sum-location").textContent = whereRu(a)
  const loc = $select("#location")
  if (document.activeElement !== loc) loc.value = a.location === "abroad" ? (a.country ?? "") : a.location
  $input("#mobile-data").checked = a.mobileData
  renderLedger(b.ledger)
  renderChart(b)
  renderInbox(b.inbox)
}
