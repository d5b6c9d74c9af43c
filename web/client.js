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
  /** Called when the subscriber changes: panels drop per-number screens. */
  channelResets: [],
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
    h("td", { text: r.label }),
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
  // Scale to the data (with a margin) so small movements show; the zero line is drawn when in range.
  const min = Math.min(...vals), max = Math.max(...vals)
  const pad = Math.max((max - min) * 0.15, 100)
  const lo = min - pad, hi = max + pad
  const x = (t) => P + ((t - t0) / (t1 - t0)) * (W - 2 * P)
  const y = (v) => H - P - ((v - lo) / (hi - lo || 1)) * (H - 2 * P)
  let d = `M${x(points[0][0]).toFixed(1)},${y(points[0][1]).toFixed(1)}`
  for (let i = 1; i < points.length; i++) {
    const [t, v] = points[i]
    d += ` H${x(t).toFixed(1)} V${y(v).toFixed(1)}`
  }
  if (lo < 0 && hi > 0) el.append(svg("line", { x1: 0, x2: W, y1: y(0), y2: y(0), stroke: "#b9c0c9", "stroke-dasharray": "4 3", "vector-effect": "non-scaling-stroke" }))
  for (let i = 1; i < points.length - 1; i++) el.append(svg("circle", { cx: x(points[i][0]), cy: y(points[i][1]), r: 2.5, fill: points[i][1] < points[i - 1][1] ? "#c8101a" : "#12873f" }))
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

// ---- channels: shared ------------------------------------------------------------------------

/** Sessions the console holds per twin, channel and number: bearer token, idle limit, last use (twin time). */
const tokens = new Map()
const keepToken = (ch, data) => tokens.set(tokKey(ch), { token: data.token, idleMs: Number(data.idleMinutes ?? 0) * 60_000, lastAt: st.board?.twin.now ?? 0 })
const tokKey = (ch) => `${st.twin}/${ch}/${st.msisdn}`

/**
 * R26: the console's phone is on MTS mobile data: the operator's gateway inserts its network
 * identity (issued by the control API), and the login request carries it.
 */
const networkLogin = async (base) => {
  const id = await api("POST", `/api/twins/${encodeURIComponent(st.twin)}/subscribers/${st.msisdn}/network-identity`)
  return chan("POST", `${base}/login/network`, { msisdn: st.msisdn }, undefined, { [id.header]: id.value })
}

/** Call a channel's own HTTP API for the selected twin, as that channel's client would. */
const chan = async (method, path, body, ch, extra = {}) => {
  const headers = { "x-twin": st.twin, accept: "application/json", ...extra }
  const t = ch === undefined ? undefined : tokens.get(tokKey(ch))
  const now = st.board?.twin.now ?? 0
  if (t !== undefined && t.idleMs > 0 && now - t.lastAt >= t.idleMs) {
    // R25: the channel ends a session after its idle time (given at login) of twin time.
    tokens.delete(tokKey(ch))
    return { ok: false, status: 401, data: {}, error: null, text: `Сеанс завершен: ${Math.round(t.idleMs / 60000)} минут без активности. Войдите снова.` }
  }
  if (t !== undefined) {
    headers.authorization = `Bearer ${t.token}`
    t.lastAt = now
  }
  if (body !== undefined) headers["content-type"] = "application/json"
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  const raw = await res.text()
  let data = {}
  try {
    data = raw === "" ? {} : JSON.parse(raw)
  } catch {
    data = { text: raw }
  }
  const error = data?.error ?? null
  if (ch !== undefined && (res.status === 401 || error?.code === "SESSION_INVALID")) tokens.delete(tokKey(ch))
  return { ok: res.ok && error === null, status: res.status, data, error, text: typeof data?.text === "string" ? data.text : (error?.ru ?? "") }
}

const rubles = (input) => {
  const v = Number(String(input).replace(/\s/g, "").replace(",", "."))
  return Number.isFinite(v) && v > 0 ? Math.round(v * 100) : null
}

/** Multi-line channel text as paragraphs. */
const textBlock = (text, cls = "text") => h("div", { class: cls }, ...String(text).split("\n").map((line) => h("p", { text: line })))

const msg = (r) => h("p", { class: r.ok ? "note" : "note error-text", role: r.ok ? "status" : "alert", text: r.text })

/** Replace a panel body, unless the trainer is typing in it and this is only a live refresh. */
let forcing = false
const paint = (body, ...kids) => {
  const active = document.activeElement
  const typing = body.contains(active) && active instanceof HTMLInputElement
  if (typing && !forcing) return false
  const id = body.contains(active) && active instanceof HTMLElement ? active.id : ""
  body.replaceChildren(...kids.filter((k) => k !== null && k !== undefined))
  if (id !== "") document.getElementById(id)?.focus()
  return true
}
/** Re-render after the trainer's own action in a panel (it may replace the focused input). */
const forced = async (render) => {
  forcing = true
  try {
    await render()
  } finally {
    forcing = false
  }
}

const flash = (channel) => {
  const el = document.querySelector(`[data-channel="${channel}"]`)
  const keep = new Set([el, el?.closest(".panel")].filter((x) => x !== null && x !== undefined))
  for (const other of document.querySelectorAll(".active")) if (!keep.has(other)) other.classList.remove("active")
  for (const k of keep) k.classList.add("active")
}

// ---- phone: USSD, SMS, IVR -------------------------------------------------------------------

const bindPhone = () => {
  const screen = $("#ussd-screen")
  const ussd = async (path, body) => {
    flash("ussd")
    const r = await chan("POST", path, { msisdn: st.msisdn, ...body })
    screen.textContent = r.text
    screen.classList.toggle("ended", r.data?.end === true)
    const answer = $("#ussd-answer")
    answer.value = ""
    if (r.data?.end === false) answer.focus()
    return r
  }
  $("#ussd-dial").addEventListener("submit", (e) => {
    e.preventDefault()
    act("USSD-запрос отправлен", () => ussd("/ussd/dial", { code: $("#ussd-code").value.trim() }))
  })
  $("#ussd-reply").addEventListener("submit", (e) => {
    e.preventDefault()
    act("Ответ отправлен", () => ussd("/ussd/reply", { text: $("#ussd-answer").value.trim() }))
  })
  $("#sms-send").addEventListener("submit", (e) => {
    e.preventDefault()
    flash("sms")
    act("SMS отправлено", async () => {
      const r = await chan("POST", "/sms/send", { from: st.msisdn, to: $("#sms-to").value.trim(), text: $("#sms-text").value })
      if (!r.ok) throw new Error(r.text)
      $("#sms-text").value = ""
    })
  })

  // IVR: a live call; the keypad sends DTMF while connected, otherwise it types the number.
  const transcript = $("#ivr-transcript")
  let call = null
  const heard = (r) => {
    const lines = Array.isArray(r.data?.transcript) ? r.data.transcript : r.text !== "" ? [r.text] : []
    for (const line of lines) transcript.append(h("span", { class: "prompt", text: `🔊 ${line}\n` }))
    transcript.scrollTop = transcript.scrollHeight
    if (r.data?.end === true || !r.ok) hang(false)
  }
  const setCall = (id) => {
    call = id
    $("#ivr-hangup").disabled = id === null
    $("#ivr-dial").disabled = id !== null
  }
  const hang = async (tell) => {
    const id = call
    setCall(null)
    if (id !== null && tell) await chan("DELETE", `/ivr/calls/${encodeURIComponent(id)}`)
    transcript.append(h("span", { class: "note", text: "— звонок завершен —\n" }))
  }
  $("#ivr-call").addEventListener("submit", (e) => {
    e.preventDefault()
    flash("ivr")
    act("Звонок", async () => {
      if (call !== null) await hang(true)
      transcript.replaceChildren(h("span", { class: "note", text: `📞 ${$("#ivr-number").value}\n` }))
      const r = await chan("POST", "/ivr/calls", { msisdn: st.msisdn, number: $("#ivr-number").value.trim() })
      if (typeof r.data?.callId === "string") setCall(r.data.callId)
      heard(r)
    })
  })
  $("#ivr-hangup").addEventListener("click", () => act("Трубка положена", () => hang(true)))
  for (const b of document.querySelectorAll("[data-key]")) {
    b.addEventListener("click", () => {
      const key = b.getAttribute("data-key")
      if (call === null) {
        $("#ivr-number").value += key
        return
      }
      flash("ivr")
      transcript.append(h("span", { class: "key", text: `[${key}]\n` }))
      act(`Нажата клавиша ${key}`, async () => heard(await chan("POST", `/ivr/calls/${encodeURIComponent(call)}/dtmf`, { keys: key })))
    })
  }
  st.channelResets.push(() => {
    screen.textContent = ""
    if (call !== null) void hang(true)
  })
}

// ---- LK and «Мой МТС»: self-service JSON APIs ---------------------------------------------------

const TABS = [["account", "Счет"], ["tariffs", "Тарифы"], ["internet", "Интернет"], ["services", "Услуги"], ["bonuses", "Бонусы"], ["roaming", "Роуминг"], ["support", "Поддержка"]]

/** Login screen shared by the LK and the app: SMS password from 3339, or by number on MTS mobile data (R22, R26). */
const loginView = (ch, rerender, note) => {
  const base = `/${ch}/api`
  const out = h("div", { class: "out" })
  const code = h("input", { id: `${ch}-code`, autocomplete: "one-time-code", inputmode: "numeric", placeholder: "Пароль из SMS" })
  const show = (r) => out.replaceChildren(msg(r))
  const enter = async (r) => {
    show(r)
    if (r.ok && typeof r.data?.token === "string") {
      keepToken(ch, r.data)
      await forced(rerender)
    }
  }
  return h("div", { class: "login" },
    h("p", { class: "title", text: ch === "lk" ? "Вход в Личный кабинет" : "Вход в «Мой МТС»" }),
    h("p", { class: "note", text: `Номер ${st.msisdn}` }),
    note === undefined ? null : h("p", { class: "note", text: note }),
    h("div", { class: "inline wrap" },
      h("button", { type: "button", id: `${ch}-otp`, onclick: () => { flash(ch); void act("Пароль запрошен", async () => show(await chan("POST", `${base}/otp`, { msisdn: st.msisdn }))) } }, "Получить пароль по SMS"),
      h("button", { type: "button", id: `${ch}-network`, onclick: () => { flash(ch); void act("Вход", async () => enter(await networkLogin(base))) } }, "Войти по мобильному интернету МТС")),
    h("form", { class: "inline", onsubmit: (e) => { e.preventDefault(); flash(ch); void act("Вход", async () => enter(await chan("POST", `${base}/login`, { msisdn: st.msisdn, secret: code.value.trim() }))) } },
      h("label", { for: `${ch}-code`, class: "sr", text: "Пароль" }), code, h("button", { type: "submit" }, "Войти")),
    out)
}

const topUpForm = (ch, onDone, methods) => {
  const amount = h("input", { id: `${ch}-amount`, value: "500", inputmode: "decimal", size: 6 })
  const method = methods === undefined ? null : h("select", { id: `${ch}-method` }, ...methods.map(([v, t]) => h("option", { value: v, text: t })))
  return h("form", { class: "inline wrap", id: `${ch}-topup`, onsubmit: (e) => {
    e.preventDefault()
    flash(ch)
    void act("Пополнение", async () => {
      const k = rubles(amount.value)
      if (k === null) throw new Error("Введите сумму в рублях")
      await onDone(await chan("POST", `/${ch}/api/topup`, { amount: k, ...(method === null ? {} : { method: method.value }) }, ch))
    })
  } },
  h("label", { for: `${ch}-amount`, text: "Пополнить, ₽" }), amount,
  method === null ? null : h("label", { for: `${ch}-method`, class: "sr", text: "Способ оплаты" }), method,
  h("button", { type: "submit", class: "primary" }, "Пополнить"))
}

const logoutButton = (ch, rerender) => h("button", { type: "button", onclick: () => void act("Выход", async () => {
  await chan("POST", `/${ch}/api/logout`, {}, ch)
  tokens.delete(tokKey(ch))
  await forced(rerender)
}) }, "Выйти")

const lkPanel = () => {
  const body = $("#lk-body")
  let last = null
  const render = async () => {
    if (!tokens.has(tokKey("lk"))) {
      paint(body, loginView("lk", render))
      return
    }
    const r = await chan("GET", "/lk/api/overview", undefined, "lk")
    if (!tokens.has(tokKey("lk"))) {
      paint(body, loginView("lk", render, r.text))
      return
    }
    const lines = r.text.split("\n")
    paint(body,
      h("div", { class: "lk-head" }, h("span", { class: "title", text: "Мой МТС · Личный кабинет" }), logoutButton("lk", render)),
      h("p", { class: "who", text: lines[0] ?? "" }),
      h("div", { id: "lk-balance", class: "big-text" }, ...lines.slice(1, 3).map((l) => h("p", { text: l }))),
      topUpForm("lk", (x) => { last = x; return forced(render) }),
      last === null ? null : msg(last),
      textBlock(lines.slice(3).join("\n")))
  }
  st.channelRefreshers.push(render)
}

const appPanel = () => {
  const body = $("#app-body")
  let tab = "account"
  let last = null
  const render = async () => {
    if (!tokens.has(tokKey("app"))) {
      paint(body, loginView("app", render))
      return
    }
    const r = await chan("GET", `/app/api/tabs/${tab}`, undefined, "app")
    if (!tokens.has(tokKey("app"))) {
      paint(body, loginView("app", render, r.text))
      return
    }
    paint(body,
      h("div", { class: "lk-head" }, h("span", { class: "title", text: "«Мой МТС»" }), logoutButton("app", render)),
      h("div", { class: "tabs", role: "tablist", "aria-label": "Разделы приложения" }, ...TABS.map(([id, name]) => h("button", {
        type: "button", role: "tab", "aria-selected": String(id === tab), class: id === tab ? "tab on" : "tab",
        onclick: () => { tab = id; last = null; void forced(render) },
      }, name))),
      h("div", { id: "app-screen", class: "tab-text" }, textBlock(r.text)),
      tab === "account" ? topUpForm("app", (x) => { last = x; return forced(render) }, [["card", "Банковская карта"], ["apple-pay", "Apple Pay"], ["google-pay", "Google Pay"]]) : null,
      last === null ? null : msg(last))
  }
  st.channelRefreshers.push(render)
}

// ---- kiosk: «Электронный Помощник» terminal screen ------------------------------------------

const kioskPanel = () => {
  const body = $("#kiosk-body")
  let screen = null
  const show = async (r, after) => {
    screen = r
    if (r.ok && typeof r.data?.token === "string") keepToken("kiosk", r.data)
    if (after !== undefined) await after()
    await forced(render)
  }
  const call = (label, method, path, bodyOf) => () => {
    flash("kiosk")
    void act(label, async () => show(await chan(method, `/kiosk/api${path}`, bodyOf === undefined ? undefined : bodyOf(), "kiosk")))
  }
  const render = async () => {
    const inSession = tokens.has(tokKey("kiosk"))
    if (!inSession) {
      const code = h("input", { id: "kiosk-code", inputmode: "numeric", autocomplete: "off", placeholder: "Код доступа" })
      paint(body,
        h("div", { class: "terminal" }, textBlock(screen?.text ?? "«Электронный Помощник». Введите номер телефона и код доступа.")),
        h("p", { class: "note", text: `Номер ${st.msisdn}` }),
        h("div", { class: "inline wrap" },
          h("button", { type: "button", id: "kiosk-start", onclick: call("Терминал", "POST", "/start", () => ({ msisdn: st.msisdn })) }, "Ввести номер"),
          h("button", { type: "button", id: "kiosk-order", onclick: call("Пароль заказан", "POST", "/order-code", () => ({ msisdn: st.msisdn })) }, "Заказать пароль")),
        h("form", { class: "inline", onsubmit: (e) => { e.preventDefault(); call("Вход в терминал", "POST", "/login", () => ({ msisdn: st.msisdn, code: code.value.trim() }))() } },
          h("label", { for: "kiosk-code", class: "sr", text: "Код доступа" }), code, h("button", { type: "submit" }, "Войти")))
      return
    }
    const cash = h("input", { id: "kiosk-cash", value: "100", inputmode: "decimal", size: 6 })
    paint(body,
      h("div", { class: "terminal" }, textBlock(screen?.text ?? "")),
      h("div", { class: "inline wrap" },
        h("button", { type: "button", onclick: call("Баланс", "GET", "/balance") }, "Баланс"),
        h("button", { type: "button", onclick: call("Услуги", "GET", "/services") }, "Услуги"),
        h("button", { type: "button", onclick: call("Тарифы", "GET", "/tariffs") }, "Тарифы"),
        h("button", { type: "button", onclick: () => {
          flash("kiosk")
          void act("Выход из терминала", async () => show(await chan("POST", "/kiosk/api/logout", {}, "kiosk"), async () => tokens.delete(tokKey("kiosk"))))
        } }, "Выход")),
      h("form", { class: "inline", onsubmit: (e) => {
        e.preventDefault()
        const k = rubles(cash.value)
        if (k === null) return say("Введите сумму в рублях", true)
        call("Наличные внесены", "POST", "/topup-cash", () => ({ amount: k }))()
      } }, h("label", { for: "kiosk-cash", text: "Наличные, ₽" }), cash, h("button", { type: "submit", class: "primary" }, "Внести")))
  }
  st.channelRefreshers.push(render)
  st.channelResets.push(() => { screen = null })
}


// ---- scenario player --------------------------------------------------------------------------

const CHANNEL_PANELS = new Set(["ussd", "sms", "ivr", "lk", "app", "kiosk"])

const scenarioPlayer = () => {
  let run = null
  let steps = []
  const list = $("#scenario-steps")
  const next = $("#scenario-next")
  const all = $("#scenario-all")
  const renderSteps = (state) => {
    // One outcome per step that ran (a check has its own pass mark), with what the channel answered.
    const outcome = new Map(state.outcomes.map((o) => [o.index, o]))
    const current = state.finished ? -1 : (steps.find((s) => s.index > state.done)?.index ?? -1)
    list.replaceChildren(...steps.map((s) => {
      const o = outcome.get(s.index)
      const status = o?.status ?? (s.index <= state.done ? "passed" : "")
      const li = h("li", { class: `${status}${s.index === current ? " current" : ""}`, "data-index": String(s.index), "data-panel": s.panel, "aria-current": s.index === current ? "step" : false },
        h("span", { text: `${s.text}${status === "passed" ? " ✓" : status === "failed" ? " ✗" : ""}` }),
        o !== undefined && o.status !== "not-run" && o.answer !== "" && CHANNEL_PANELS.has(s.panel)
          ? h("span", { class: "out", text: o.answer }) : null,
        o !== undefined && o.failures.length > 0 ? h("span", { class: "out error-text", text: o.failures.join("\n") }) : null)
      return li
    }))
    list.querySelector("li.current")?.scrollIntoView({ block: "nearest" })
    const fin = state.finished
    next.disabled = fin
    all.disabled = fin
    const title = $("#scenario-title")
    title.classList.toggle("error-text", state.passed === false)
    if (fin) title.textContent = `${run?.name ?? ""} — ${state.passed ? "все проверки пройдены" : `ошибка${state.crash !== null ? `: ${state.crash}` : ""}`}`
    document.body.setAttribute("data-scenario", fin ? (state.passed ? "passed" : "failed") : `step-${state.done}`)
  }
  /** Highlight the panel of the last step that acted and show its subscriber. */
  const follow = async (state) => {
    const last = steps.filter((s) => s.index <= state.done && s.panel !== "check").pop()
    if (last === undefined) return
    flash(last.panel)
    if (last.msisdn !== null && last.msisdn !== st.msisdn) {
      st.msisdn = last.msisdn
      $("#msisdn").value = last.msisdn
      saveUrl()
      filterTimeline()
      await refresh()
    }
  }
  $("#scenario-load").addEventListener("submit", (e) => {
    e.preventDefault()
    const file = $("#scenario-file").files?.[0]
    if (file === undefined) return say("Выберите файл сценария", true)
    act("Сценарий загружен", async () => {
      list.replaceChildren()
      let out
      try {
        out = await api("POST", "/console/api/scenarios", { file: file.name, yaml: await file.text() })
      } catch (err) {
        const errors = err instanceof ApiError ? err.body?.errors : undefined
        if (Array.isArray(errors)) list.replaceChildren(...errors.map((m) => h("li", { class: "failed", text: m })))
        throw err
      }
      run = out
      steps = out.steps
      $("#scenario-title").textContent = `${out.name}${out.rules.length > 0 ? ` (${out.rules.join(", ")})` : ""}`
      await loadTwins(out.state.twinId)
      await selectTwin(out.state.twinId, steps.find((s) => s.msisdn !== null)?.msisdn ?? "")
      renderSteps(out.state)
      next.focus()
    })
  })
  const step = (mode) => () => act(mode === "next" ? "Шаг выполнен" : "Сценарий выполнен", async () => {
    if (run === null) return
    next.disabled = true
    all.disabled = true
    const state = await api("POST", `/console/api/scenarios/${encodeURIComponent(run.state.id)}/${mode}`)
    renderSteps(state)
    await follow(state)
  })
  next.addEventListener("click", step("next"))
  all.addEventListener("click", step("all"))
}

// ---- start -----------------------------------------------------------------------------------

const start = async () => {
  bindControls()
  bindPhone()
  lkPanel()
  appPanel()
  kioskPanel()
  scenarioPlayer()
  const q = new URL(location.href).searchParams
  const id = await loadTwins(q.get("twin") ?? "")
  await selectTwin(id, q.get("msisdn") ?? "")
  document.body.setAttribute("data-ready", "1")
  say("Готово")
}

start().catch((e) => say(`Ошибка запуска: ${e instanceof Error ? e.message : String(e)}`, true))
