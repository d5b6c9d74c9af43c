// Trainer console client: one small ES module, no framework. It drives the twin through the
// control API and the channels' HTTP APIs, listens to the twin's SSE stream and re-renders every
// panel after each committed batch, so an action in one channel shows up in all the others.

const $ = (sel) => {
  const el = document.querySelector(sel)
  if (el === null) throw new Error(`console: no element ${sel}`)
  return el
}
const h = (tag, attrs = {}, ...kids) => {
  const el = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue
    if (k === "class") el.className = v
    else if (k === "text") el.textContent = v
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v)
    else el.setAttribute(k, v === true ? "" : String(v))
  }
  for (const kid of kids.flat()) if (kid !== null && kid !== undefined) el.append(kid)
  return el
}

const st = {
  twin: "",
  msisdn: "",
  seq: 0,
  es: null,
  board: null,
  refreshing: null,
  again: false,
  /** Panels a refresh should leave alone because the trainer is typing in them. */
  channelRefreshers: [],
}

// ---- HTTP ------------------------------------------------------------------------------------

class ApiError extends Error {
  constructor(status, body) {
    super(body?.error?.ru ?? body?.error?.message ?? `HTTP ${status}`)
    this.status = status
    this.body = body
  }
}

const api = async (method, url, body) => {
  const res = await fetch(url, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const type = res.headers.get("content-type") ?? ""
  const data = type.includes("json") ? await res.json() : await res.text()
  if (!res.ok) throw new ApiError(res.status, typeof data === "object" ? data : { error: { ru: String(data).slice(0, 200) } })
  return data
}

const say = (text, error = false) => {
  const s = $("#status")
  s.textContent = text
  s.classList.toggle("error", error)
}

/** Run a trainer action; show its error in the status line instead of throwing. */
const act = async (label, fn) => {
  try {
    say(`${label}…`)
    const out = await fn()
    say(label)
    return out
  } catch (e) {
    say(`${label}: ${e instanceof Error ? e.message : String(e)}`, true)
    return undefined
  }
}

const twinUrl = (suffix = "") => `/api/twins/${encodeURIComponent(st.twin)}${suffix}`
const command = (cmd) => api("POST", twinUrl("/commands"), cmd)

// ---- twins and subscribers -----------------------------------------------------------------

const saveUrl = () => {
  const u = new URL(location.href)
  u.searchParams.set("twin", st.twin)
  if (st.msisdn !== "") u.searchParams.set("msisdn", st.msisdn)
  history.replaceState(null, "", u)
}

const loadTwins = async (prefer) => {
  const { twins } = await api("GET", "/api/twins")
  const sel = $("#twin")
  sel.replaceChildren(...twins.map((t) => h("option", { value: t.id, text: `${t.name} (${t.id})` })))
  const pick = twins.find((t) => t.id === prefer) ?? twins.find((t) => t.id === "default") ?? twins[0]
  if (pick === undefined) throw new Error("нет ни одного двойника")
  sel.value = pick.id
  return pick.id
}

const selectTwin = async (id, msisdn) => {
  st.twin = id
  st.seq = 0
  const { subscribers } = await api("GET", twinUrl("/subscribers"))
  const sel = $("#msisdn")
  sel.replaceChildren(...subscribers.map((s) => h("option", { value: s.msisdn, text: `${s.msisdn} — ${s.name}` })))
  st.msisdn = subscribers.some((s) => s.msisdn === msisdn) ? msisdn : (subscribers[0]?.msisdn ?? "")
  sel.value = st.msisdn
  saveUrl()
  $("#timeline").replaceChildren()
  await loadTimeline()
  connect()
  await refresh()
}

// ---- live updates ----------------------------------------------------------------------------

const connect = () => {
  if (st.es !== null) st.es.close()
  const es = new EventSource(`/console/twins/${encodeURIComponent(st.twin)}/stream`)
  st.es = es
  es.addEventListener("events", (ev) => {
    const msg = JSON.parse(ev.data)
    addTimeline(msg.items, true)
    scheduleRefresh()
  })
  es.addEventListener("hello", () => document.body.setAttribute("data-live", "1"))
}

const scheduleRefresh = () => {
  if (st.refreshing !== null) {
    st.again = true
    return
  }
  st.refreshing = refresh().finally(() => {
    st.refreshing = null
    if (st.again) {
      st.again = false
      scheduleRefresh()
    }
  })
}

const refresh = async () => {
  if (st.twin === "" || st.msisdn === "") return
  try {
    const b = await api("GET", `/console/api/twins/${encodeURIComponent(st.twin)}/board/${st.msisdn}`)
    st.board = b
    renderBoard(b)
    await Promise.all(st.channelRefreshers.map((f) => f(b)))
    document.body.setAttribute("data-seq", String(b.twin.seq))
  } catch (e) {
    say(`Обновление: ${e instanceof Error ? e.message : String(e)}`, true)
  }
}

// ---- timeline --------------------------------------------------------------------------------

const loadTimeline = async () => {
  const { items } = await api("GET", `/console/api/twins/${encodeURIComponent(st.twin)}/timeline`)
  addTimeline(items, false)
}

const MAX_TIMELINE = 300

const addTimeline = (items, fresh) => {
  const list = $("#timeline")
  for (const li of list.querySelectorAll("li.fresh")) li.classList.remove("fresh")
  const mine = $("#timeline-mine").checked
  for (const it of items) {
    if (it.seq <= st.seq) continue
    st.seq = it.seq
    const li = h("li", { class: `${it.kind}${fresh ? " fresh" : ""}`, "data-msisdn": it.msisdn, "data-type": it.type },
      h("span", { class: "when", text: it.atText }),
      h("span", { class: "what", text: it.msisdn !== "" && it.msisdn !== st.msisdn ? `${it.msisdn}: ${it.text}` : it.text }))
    li.hidden = mine && it.msisdn !== "" && it.msisdn !== st.msisdn
    list.prepend(li)
  }
  while (list.children.length > MAX_TIMELINE) list.lastElementChild?.remove()
}

const filterTimeline = () => {
  const mine = $("#timeline-mine").checked
  for (const li of $("#timeline").children) {
    const m = li.getAttribute("data-msisdn") ?? ""
    li.hidden = mine && m !== "" && m !== st.msisdn
  }
}

// ---- board: summary, clock, ledger, chart, inbox ---------------------------------------------

const renderBoard = (b) => {
  $("#now").textContent = b.twin.nowText
  const dt = $("#advance-date")
  dt.min = b.twin.nowIso.slice(0, 16)
  if (dt.value === "" || dt.value < dt.min) dt.value = dt.min
  const a = b.account
  const bal = $("#sum-balance")
  bal.textContent = a.balanceText
  bal.classList.toggle("negative", a.balance < 0)
  $("#sum-tariff").textContent = a.tariff
  $("#sum-status").textContent = a.status
  $("#sum-location").textContent = a.location === "abroad" ? `за границей: ${a.countryName}` : a.location === "russia" ? "поездка по России" : "домашний регион"
  const loc = $("#location")
  if (document.activeElement !== loc) loc.value = a.location === "abroad" ? a.country : a.location
  $("#mobile-data").checked = a.mobileData
  renderLedger(b.ledger)
  renderChart(b.chart)
  renderInbox(b.inbox)
}

const renderLedger = (rows) => {
  const body = $("#ledger tbody")
  body.replaceChildren(...rows.slice().reverse().map((r) => h("tr", {},
    h("td", { text: r.atText }),
    h("td", { text: r.ref !== "" ? `${r.label} (${r.ref})` : r.label }),
    h("td", { class: `num ${r.amount < 0 ? "neg" : "pos"}`, text: r.amountText }),
    h("td", { class: "num", text: r.runningText }))))
  if (rows.length === 0) body.append(h("tr", {}, h("td", { colspan: "4", class: "note", text: "Списаний и зачислений пока нет" })))
}

const SVG = "http://www.w3.org/2000/svg"
const svg = (tag, attrs) => {
  const el = document.createElementNS(SVG, tag)
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v))
  return el
}

const rub = (k) => `${(k / 100).toLocaleString("ru-RU", { maximumFractionDigits: 0 })} ₽`

/** Step chart of the balance over twin time: the balance holds until the next ledger entry. */
const renderChart = (points) => {
  const el = $("#chart")
  const W = 400, H = 120, P = 6
  el.replaceChildren()
  if (points.length === 0) return
  const t0 = points[0][0], t1 = Math.max(points[points.length - 1][0], t0 + 1)
  const vals = points.map((p) => p[1])
  const lo = Math.min(0, ...vals), hi = Math.max(0, ...vals, 1)
  const x = (t) => P + ((t - t0) / (t1 - t0)) * (W - 2 * P)
  const y = (v) => H - P - ((v - lo) / (hi - lo || 1)) * (H - 2 * P)
  let d = `M${x(points[0][0]).toFixed(1)},${y(points[0][1]).toFixed(1)}`
  for (let i = 1; i < points.length; i++) {
    const [t, v] = points[i]
    d += ` H${x(t).toFixed(1)} V${y(v).toFixed(1)}`
  }
  el.append(svg("line", { x1: 0, x2: W, y1: y(0), y2: y(0), stroke: "#b9c0c9", "stroke-dasharray": "4 3", "vector-effect": "non-scaling-stroke" }))
  el.append(svg("path", { d, fill: "none", stroke: "#e30611", "stroke-width": 2, "vector-effect": "non-scaling-stroke" }))
  const cap = $("#chart-caption")
  const first = st.board?.ledger[0]
  cap.replaceChildren(h("span", { text: `мин ${rub(Math.min(...vals))} · макс ${rub(Math.max(...vals))}` }),
    h("span", { text: first === undefined ? "" : `с ${first.atText.slice(0, 10)} по ${st.board?.twin.nowText.slice(0, 10) ?? ""}` }))
}

const renderInbox = (inbox) => {
  const list = $("#sms-inbox")
  list.replaceChildren(...inbox.slice(-30).reverse().map((m) => h("li", {},
    h("span", { class: "from", text: m.from }), h("span", { class: "when", text: m.atText }), h("div", { text: m.text }))))
  if (inbox.length === 0) list.append(h("li", { class: "note", text: "Входящих SMS нет" }))
}

// ---- trainer controls ------------------------------------------------------------------------

const bindControls = () => {
  $("#twin").addEventListener("change", (e) => act("Двойник выбран", () => selectTwin(e.target.value, st.msisdn)))
  $("#msisdn").addEventListener("change", (e) => act("Абонент выбран", async () => {
    st.msisdn = e.target.value
    saveUrl()
    filterTimeline()
    for (const f of st.channelResets) f()
    await refresh()
  }))
  $("#new-twin").addEventListener("click", () => act("Новый демо-двойник создан", async () => {
    const t = await api("POST", "/api/twins", { demo: true, name: `Демо ${new Date().toLocaleTimeString("ru-RU")}` })
    await loadTwins(t.id)
    await selectTwin(t.id, st.msisdn)
  }))
  for (const b of document.querySelectorAll("[data-advance-by]")) {
    b.addEventListener("click", () => act(`Время: ${b.textContent}`, () => api("POST", twinUrl("/advance"), { by: b.getAttribute("data-advance-by") })))
  }
  for (const b of document.querySelectorAll("[data-advance-months]")) {
    b.addEventListener("click", () => act(`Время: ${b.textContent}`, () => api("POST", twinUrl("/advance"), { months: Number(b.getAttribute("data-advance-months")) })))
  }
  $("#advance-to").addEventListener("submit", (e) => {
    e.preventDefault()
    const v = $("#advance-date").value
    act("Время переведено", () => api("POST", twinUrl("/advance"), { to: `${v.length === 16 ? `${v}:00` : v}+03:00` }))
  })
  $("#travel").addEventListener("submit", (e) => {
    e.preventDefault()
    act("Местоположение изменено", () => command({ _tag: "Travel", msisdn: st.msisdn, to: $("#location").value }))
  })
  $("#mobile-data").addEventListener("change", (e) => {
    act(e.target.checked ? "Мобильный интернет включен" : "Мобильный интернет выключен",
      () => command({ _tag: "SetNetwork", msisdn: st.msisdn, mobileData: e.target.checked }))
  })
  const usage = {
    call: { _tag: "call", to: "79031112233", seconds: 120 },
    sms: { _tag: "sms", to: "79031112233", count: 1 },
    data: { _tag: "data", kb: 100 * 1024 },
  }
  for (const b of document.querySelectorAll("[data-usage]")) {
    b.addEventListener("click", () => act(b.textContent ?? "Потребление", () => command({ _tag: "Usage", msisdn: st.msisdn, usage: usage[b.getAttribute("data-usage")] })))
  }
  $("#timeline-mine").addEventListener("change", filterTimeline)
}

st.channelResets = []

// ---- start -----------------------------------------------------------------------------------

const start = async () => {
  bindControls()
  const q = new URL(location.href).searchParams
  const id = await loadTwins(q.get("twin") ?? "")
  await selectTwin(id, q.get("msisdn") ?? "")
  document.body.setAttribute("data-ready", "1")
  say("Готово")
}

start().catch((e) => say(`Ошибка запуска: ${e instanceof Error ? e.message : String(e)}`, true))
