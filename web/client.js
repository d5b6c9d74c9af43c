// Trainer console client: one small ES module, no framework. It drives the twin through the
// control API and the channels' own HTTP surfaces, listens to the twin's SSE stream and re-renders
// every panel after each committed batch, so an action in one channel shows up in all the others.
// The LK panel is the real Личный кабинет in a frame; the console only logs it in (one click: the
// SMS password is requested and read from the handset inbox on screen) and remembers which panels
// were logged in, so after a clock jump or a reload «Войти снова» is one click. Session rules
// (20 minutes without activity, R25) are the core's: the console never decides a session is over.

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
  /** Newest inbox message seen, so fresh SMS are marked. */
  inboxSeen: 0,
  /** Scenario names of scenario twins (the twin picker shows them instead of ids). */
  scenarioNames: {},
  /** Panels a refresh re-renders. */
  channelRefreshers: [],
  /** Called when the twin or subscriber changes: panels drop per-number screens. */
  channelResets: [],
}

/** +7 916 000-00-01 */
const msisdnRu = (m) =>
  typeof m === "string" && /^7\d{10}$/.test(m)
    ? `+7 ${m.slice(1, 4)} ${m.slice(4, 7)}-${m.slice(7, 9)}-${m.slice(9)}`
    : String(m ?? "")

// ---- what the console remembers across reloads (never a secret: only which panels were in) -------

const store = {
  get(key, fallback) {
    try {
      const v = localStorage.getItem(`twin-console.${key}`)
      return v === null ? fallback : JSON.parse(v)
    } catch {
      return fallback
    }
  },
  set(key, value) {
    try {
      localStorage.setItem(`twin-console.${key}`, JSON.stringify(value))
    } catch {
      // Private mode: the console still works, it only forgets on reload.
    }
  },
}
const loginKey = () => `${st.twin}/${st.msisdn}`
const wasLoggedIn = (ch) => (store.get("logins", {})[loginKey()] ?? []).includes(ch)
const rememberLogin = (ch, on) => {
  const all = store.get("logins", {})
  const set = new Set(all[loginKey()] ?? [])
  if (on) set.add(ch)
  else set.delete(ch)
  all[loginKey()] = [...set]
  store.set("logins", all)
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
  if (!res.ok)
    throw new ApiError(res.status, typeof data === "object" ? data : { error: { ru: String(data).slice(0, 200) } })
  return data
}

/** The status line: tone "error" (red), "good" (green) or plain. */
const say = (text, tone = "") => {
  const s = $("#status")
  s.textContent = text
  s.classList.toggle("error", tone === "error" || tone === true)
  s.classList.toggle("good", tone === "good")
}

/** Run a trainer action; show its error in the status line instead of throwing. */
const act = async (label, fn) => {
  try {
    say(`${label}…`)
    const out = await fn()
    say(label)
    return out
  } catch (e) {
    say(`${label}: ${e instanceof Error ? e.message : String(e)}`, "error")
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

const twinLabel = (t) => {
  const sc = st.scenarioNames[t.id]
  if (sc !== undefined) return `Сценарий «${sc}»`
  if (t.id === "default" && t.name === t.id) return "Демо-двойник"
  return t.name === t.id ? `Двойник ${t.id}` : t.name
}

const loadTwins = async (prefer) => {
  const [{ twins }, lib] = await Promise.all([
    api("GET", "/api/twins"),
    api("GET", "/console/api/library").catch(() => ({ running: {} })),
  ])
  st.scenarioNames = lib.running ?? {}
  const sel = $("#twin")
  sel.replaceChildren(...twins.map((t) => h("option", { value: t.id, text: twinLabel(t) })))
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
  sel.replaceChildren(
    ...subscribers.map((s) => h("option", { value: s.msisdn, text: `${msisdnRu(s.msisdn)} — ${s.name}` })),
  )
  st.msisdn = subscribers.some((s) => s.msisdn === msisdn) ? msisdn : (subscribers[0]?.msisdn ?? "")
  sel.value = st.msisdn
  saveUrl()
  $("#timeline").replaceChildren()
  st.inboxSeen = 0
  for (const f of st.channelResets) f()
  await loadTimeline()
  connect()
  await refresh()
}

const selectSubscriber = async (msisdn) => {
  st.msisdn = msisdn
  $("#msisdn").value = msisdn
  st.inboxSeen = 0
  saveUrl()
  filterTimeline()
  for (const f of st.channelResets) f()
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
    say(`Обновление: ${e instanceof Error ? e.message : String(e)}`, "error")
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
    const li = h(
      "li",
      { class: `${it.kind}${fresh ? " fresh" : ""}`, "data-msisdn": it.msisdn, "data-type": it.type },
      h("span", { class: "when", text: `${it.atText.slice(0, 5)} ${it.atText.slice(11)}`, title: it.atText }),
      h("span", {
        class: "what",
        text: it.msisdn !== "" && it.msisdn !== st.msisdn ? `${msisdnRu(it.msisdn)}: ${it.text}` : it.text,
      }),
    )
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
  $("#sum-tariff").textContent = `«${a.tariff}»`
  $("#sum-status").textContent = a.status
  $("#sum-location").textContent =
    a.location === "abroad"
      ? `за границей: ${a.countryName}`
      : a.location === "russia"
        ? "поездка по России"
        : "домашний регион"
  const loc = $("#location")
  if (document.activeElement !== loc) loc.value = a.location === "abroad" ? a.country : a.location
  $("#mobile-data").checked = a.mobileData
  renderLedger(b.ledger)
  renderChart(b.chart)
  renderInbox(b.inbox)
}

const renderLedger = (rows) => {
  const body = $("#ledger tbody")
  body.replaceChildren(
    ...rows
      .slice()
      .reverse()
      .map((r) =>
        h(
          "tr",
          {},
          h("td", { text: `${r.atText.slice(0, 5)} ${r.atText.slice(11)}`, title: r.atText }),
          h("td", { text: r.label }),
          h("td", { class: `num ${r.amount < 0 ? "neg" : "pos"}`, text: r.amountText }),
          h("td", { class: "num", text: r.runningText }),
        ),
      ),
  )
  if (rows.length === 0)
    body.append(h("tr", {}, h("td", { colspan: "4", class: "note", text: "Списаний и зачислений пока нет" })))
}

const SVG = "http://www.w3.org/2000/svg"
const svg = (tag, attrs) => {
  const el = document.createElementNS(SVG, tag)
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v))
  return el
}

/** Whole rubles for the chart caption (integer division of kopecks, no float money). */
const rubWhole = (k) => `${Math.trunc(k / 100).toLocaleString("ru-RU")} ₽`

/** Step chart of the balance over twin time: the balance holds until the next ledger entry. */
const renderChart = (points) => {
  const el = $("#chart")
  const W = 400,
    H = 120,
    P = 6
  el.replaceChildren()
  if (points.length === 0) return
  const t0 = points[0][0],
    t1 = Math.max(points[points.length - 1][0], t0 + 1)
  const vals = points.map((p) => p[1])
  // Scale to the data (with a margin) so small movements show; the zero line is drawn when in range.
  const min = Math.min(...vals),
    max = Math.max(...vals)
  const pad = Math.max((max - min) * 0.15, 100)
  const lo = min - pad,
    hi = max + pad
  const x = (t) => P + ((t - t0) / (t1 - t0)) * (W - 2 * P)
  const y = (v) => H - P - ((v - lo) / (hi - lo || 1)) * (H - 2 * P)
  let d = `M${x(points[0][0]).toFixed(1)},${y(points[0][1]).toFixed(1)}`
  for (let i = 1; i < points.length; i++) {
    const [t, v] = points[i]
    d += ` H${x(t).toFixed(1)} V${y(v).toFixed(1)}`
  }
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
  for (let i = 1; i < points.length - 1; i++)
    el.append(
      svg("circle", {
        cx: x(points[i][0]),
        cy: y(points[i][1]),
        r: 2.5,
        fill: points[i][1] < points[i - 1][1] ? "#c8101a" : "#12873f",
      }),
    )
  el.append(
    svg("path", { d, fill: "none", stroke: "#e30611", "stroke-width": 2, "vector-effect": "non-scaling-stroke" }),
  )
  const cap = $("#chart-caption")
  const first = st.board?.ledger[0]
  cap.replaceChildren(
    h("span", { text: `мин ${rubWhole(Math.min(...vals))} · макс ${rubWhole(Math.max(...vals))}` }),
    h("span", {
      text: first === undefined ? "" : `с ${first.atText.slice(0, 10)} по ${st.board?.twin.nowText.slice(0, 10) ?? ""}`,
    }),
  )
}

const renderInbox = (inbox) => {
  const list = $("#sms-inbox")
  const seen = st.inboxSeen
  list.replaceChildren(
    ...inbox
      .slice(-30)
      .reverse()
      .map((m) =>
        h(
          "li",
          { class: seen > 0 && m.seq > seen ? "fresh" : "" },
          h("span", { class: "from", text: m.from }),
          h("span", { class: "when", text: m.atText }),
          h("div", { text: m.text }),
        ),
      ),
  )
  if (inbox.length === 0) list.append(h("li", { class: "note", text: "Входящих SMS нет" }))
  st.inboxSeen = Math.max(seen, ...inbox.map((m) => m.seq), 1)
}

// ---- trainer controls ------------------------------------------------------------------------

const bindControls = () => {
  $("#twin").addEventListener("change", (e) => act("Двойник выбран", () => selectTwin(e.target.value, st.msisdn)))
  $("#msisdn").addEventListener("change", (e) => act("Абонент выбран", () => selectSubscriber(e.target.value)))
  $("#new-twin").addEventListener("click", () =>
    act("Новый демо-двойник создан", async () => {
      const t = await api("POST", "/api/twins", { demo: true, name: `Демо ${new Date().toLocaleTimeString("ru-RU")}` })
      await loadTwins(t.id)
      await selectTwin(t.id, st.msisdn)
    }),
  )
  for (const b of document.querySelectorAll("[data-advance-by]")) {
    b.addEventListener("click", () =>
      act(`Время: ${b.textContent}`, () => api("POST", twinUrl("/advance"), { by: b.getAttribute("data-advance-by") })),
    )
  }
  for (const b of document.querySelectorAll("[data-advance-months]")) {
    b.addEventListener("click", () =>
      act(`Время: ${b.textContent}`, () =>
        api("POST", twinUrl("/advance"), { months: Number(b.getAttribute("data-advance-months")) }),
      ),
    )
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
    act(e.target.checked ? "Мобильный интернет включен" : "Мобильный интернет выключен", () =>
      command({ _tag: "SetNetwork", msisdn: st.msisdn, mobileData: e.target.checked }),
    )
  })
  const usage = {
    call: { _tag: "call", to: "79031112233", seconds: 120 },
    sms: { _tag: "sms", to: "79031112233", count: 1 },
    data: { _tag: "data", kb: 100 * 1024 },
  }
  for (const b of document.querySelectorAll("[data-usage]")) {
    b.addEventListener("click", () =>
      act(b.textContent ?? "Потребление", () =>
        command({ _tag: "Usage", msisdn: st.msisdn, usage: usage[b.getAttribute("data-usage")] }),
      ),
    )
  }
  $("#timeline-mine").addEventListener("change", filterTimeline)
}

// ---- channels: shared ------------------------------------------------------------------------

/** Bearer tokens the console holds for the app and kiosk panels, per twin, channel and number (memory only). */
const tokens = new Map()
const tokKey = (ch) => `${st.twin}/${ch}/${st.msisdn}`
const keepToken = (ch, data) => tokens.set(tokKey(ch), data.token)

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
  if (t !== undefined) headers.authorization = `Bearer ${t}`
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
  // R25 is the core's: a session it ended answers 401, and only then the panel shows its login.
  if (ch !== undefined && (res.status === 401 || error?.code === "SESSION_INVALID")) tokens.delete(tokKey(ch))
  return {
    ok: res.ok && error === null,
    status: res.status,
    data,
    error,
    text: typeof data?.text === "string" ? data.text : (error?.ru ?? ""),
  }
}

/** Rubles as typed ("500", "150,50") → integer kopecks, by string arithmetic; null when not an amount. */
const kopecks = (input) => {
  const m = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(String(input).replace(/\s/g, ""))
  if (m === null) return null
  const k = Number(m[1]) * 100 + Number((m[2] ?? "0").padEnd(2, "0"))
  return k > 0 ? k : null
}

/** Multi-line channel text as paragraphs. */
const textBlock = (text, cls = "text") =>
  h(
    "div",
    { class: cls },
    ...String(text)
      .split("\n")
      .map((line) => h("p", { text: line })),
  )

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

const TAB_OF = { app: "tab-app", kiosk: "tab-kiosk", steps: "tab-steps" }

/** Show one of the app / terminal / steps tabs. */
const selectTab = (which) => {
  for (const [name, id] of Object.entries(TAB_OF)) {
    const tab = $(`#${id}`)
    const on = name === which
    tab.setAttribute("aria-selected", String(on))
    $(`#${tab.getAttribute("aria-controls")}`).hidden = !on
  }
}

const flash = (channel) => {
  if (channel === "app" || channel === "kiosk") selectTab(channel)
  const el = document.querySelector(`[data-channel="${channel}"]`)
  const keep = new Set([el, el?.closest(".panel")].filter((x) => x !== null && x !== undefined))
  for (const other of document.querySelectorAll(".active")) if (!keep.has(other)) other.classList.remove("active")
  for (const k of keep) k.classList.add("active")
}

/** The newest one-time password from `sender` that arrived after inbox message `after`. */
const codeFromInbox = async (sender, after) => {
  for (let i = 0; i < 40; i++) {
    const b = await api("GET", `/console/api/twins/${encodeURIComponent(st.twin)}/board/${st.msisdn}`)
    const m = b.inbox.filter((x) => x.from === sender && x.seq > after).pop()
    const code = m === undefined ? undefined : /(\d{4,8})/.exec(m.text)?.[1]
    if (code !== undefined) {
      st.board = b
      renderBoard(b)
      flash("sms")
      return code
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`пароль от ${sender} не пришел`)
}
const lastInboxSeq = () => Math.max(0, ...(st.board?.inbox ?? []).map((m) => m.seq))

// ---- phone: USSD, SMS, IVR -------------------------------------------------------------------

/** Speak IVR prompts with the browser's speech synthesis, in a Russian voice where there is one. */
const voice = {
  enabled: () => $("#ivr-voice").checked,
  russian: () =>
    typeof speechSynthesis === "undefined"
      ? undefined
      : speechSynthesis.getVoices().find((v) => (v.lang ?? "").toLowerCase().startsWith("ru")),
  say(lines) {
    if (!this.enabled() || typeof speechSynthesis === "undefined") return
    const ru = this.russian()
    for (const line of lines) {
      const u = new SpeechSynthesisUtterance(line)
      u.lang = "ru-RU"
      if (ru !== undefined) u.voice = ru
      speechSynthesis.speak(u)
    }
  },
  stop() {
    if (typeof speechSynthesis !== "undefined") speechSynthesis.cancel()
  },
}

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
    void (async () => {
      say("SMS отправляется…")
      const r = await chan("POST", "/sms/send", {
        from: st.msisdn,
        to: $("#sms-to").value.trim(),
        text: $("#sms-text").value,
      })
      // A reply SMS is what the subscriber gets, whatever it says: it is not a console error.
      if (!r.ok && !(r.status === 200 && Array.isArray(r.data?.replies) && r.data.replies.length > 0))
        return say(`SMS: ${r.text}`, "error")
      $("#sms-text").value = ""
      say(
        r.data?.replies?.length > 0
          ? `SMS отправлено, ответ пришел от ${r.data.replies[0].from ?? r.data.to}`
          : "SMS отправлено",
      )
    })()
  })

  // IVR: a live call; the keypad sends DTMF while connected, otherwise it types the number.
  const transcript = $("#ivr-transcript")
  let call = null
  const line = (cls, text) => {
    transcript.append(h("p", { class: cls, text }))
    transcript.scrollTop = transcript.scrollHeight
  }
  /** Print (and speak) only what the menu said in answer to this request: each prompt once. */
  const heard = (r) => {
    const said = Array.isArray(r.data?.said) ? r.data.said : r.text !== "" ? [r.text] : []
    for (const s of said) line("prompt", s)
    voice.say(said)
    if (r.data?.end === true || !r.ok) void hang(false)
  }
  const setCall = (id) => {
    call = id
    $("#ivr-hangup").disabled = id === null
    $("#ivr-dial").disabled = id !== null
  }
  const hang = async (tell) => {
    const id = call
    if (id === null && !tell) return
    setCall(null)
    if (id !== null && tell) {
      voice.stop()
      await chan("DELETE", `/ivr/calls/${encodeURIComponent(id)}`)
    }
    line("note", "— звонок завершен —")
  }
  const dial = async (number) => {
    if (call !== null) await hang(true)
    transcript.replaceChildren()
    line("note", `Звонок на ${number}`)
    const r = await chan("POST", "/ivr/calls", { msisdn: st.msisdn, number })
    if (typeof r.data?.callId === "string") setCall(r.data.callId)
    heard(r)
  }
  const press = async (key) => {
    line("key", `[${key}]`)
    heard(await chan("POST", `/ivr/calls/${encodeURIComponent(call)}/dtmf`, { keys: key }))
  }
  $("#ivr-call").addEventListener("submit", (e) => {
    e.preventDefault()
    flash("ivr")
    act("Звонок", () => dial($("#ivr-number").value.trim()))
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
      act(`Нажата клавиша ${key}`, () => press(key))
    })
  }
  const v = $("#ivr-voice")
  v.checked = store.get("voice", false) === true
  const label = v.closest("label")
  const noteVoice = () => {
    if (typeof speechSynthesis === "undefined") {
      v.disabled = true
      label?.setAttribute("title", "Этот браузер не умеет синтез речи")
    } else if (voice.russian() === undefined)
      label?.setAttribute("title", "Русского голоса в браузере нет: прочитает голос по умолчанию")
    else label?.setAttribute("title", `Голос: ${voice.russian()?.name ?? ""}`)
  }
  noteVoice()
  if (typeof speechSynthesis !== "undefined") speechSynthesis.addEventListener?.("voiceschanged", noteVoice)
  v.addEventListener("change", () => {
    store.set("voice", v.checked)
    if (!v.checked) voice.stop()
  })
  st.channelResets.push(() => {
    screen.textContent = ""
    if (call !== null) void hang(true)
  })
  /** What a scenario step did on the phone, shown as if the subscriber did it here. */
  return {
    showUssd(input, answer) {
      flash("ussd")
      if (input.startsWith("*") || input.startsWith("#")) $("#ussd-code").value = input
      screen.textContent = answer
    },
    showIvr(input, answer) {
      flash("ivr")
      transcript.replaceChildren()
      const [number, keys = ""] = input.split(" ")
      line("note", `Звонок на ${number}`)
      for (const k of keys) line("key", `[${k}]`)
      const lines = answer.split("\n").filter((l) => l !== "")
      for (const l of lines) line("prompt", l)
      voice.say(lines)
    },
  }
}

// ---- LK: the real Личный кабинет in a frame ------------------------------------------------------

/** POST a form to a page of the LK as its own form would (same CSRF token, same cookie). */
const postForm = (url, fields) =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
    credentials: "same-origin",
  })

const pageNotice = (html) =>
  new DOMParser().parseFromString(html, "text/html").querySelector(".notice.error")?.textContent?.trim() ?? ""

const lkPanel = () => {
  const frame = $("#lk-frame")
  const box = $("#lk-body")
  const tools = $("#lk-tools")
  const q = () => `twin=${encodeURIComponent(st.twin)}`
  /** Open the LK, or its login page when there is no live session (a peek that touches nothing). */
  const open = async () => {
    const live = await fetch(`/lk/live?${q()}`, { credentials: "same-origin" })
      .then((r) => r.json())
      .catch(() => ({ ended: true }))
    frame.src = live.ended === true ? `/lk/login?${q()}` : `/lk?${q()}`
  }
  const cover = (text, button) => {
    box.querySelector(".login-cover")?.remove()
    if (text === null) return
    box.append(h("div", { class: "login-cover" }, h("p", { text }), button))
  }
  /** One click: ask for the SMS password, read it from the handset inbox, log in, show the LK. */
  const login = async () => {
    flash("lk")
    const page = await fetch(`/lk/login?${q()}`, { credentials: "same-origin" })
    const csrf =
      new DOMParser()
        .parseFromString(await page.text(), "text/html")
        .querySelector("input[name=_csrf]")
        ?.getAttribute("value") ?? ""
    const after = lastInboxSeq()
    const asked = await postForm(`/lk/login/code?${q()}`, { _csrf: csrf, msisdn: st.msisdn })
    const askedHtml = await asked.text()
    if (!asked.ok) throw new Error(pageNotice(askedHtml) || `HTTP ${asked.status}`)
    const code = await codeFromInbox("3339", after)
    say(`Пароль из SMS от 3339: ${code}`)
    const done = await postForm(`/lk/login?${q()}`, { _csrf: csrf, msisdn: st.msisdn, secret: code })
    const html = await done.text()
    if (html.includes('data-section="login"')) throw new Error(pageNotice(html) || "вход не выполнен")
    rememberLogin("lk", true)
    await open()
  }
  const loginButton = () => {
    const again = wasLoggedIn("lk")
    return h(
      "button",
      {
        type: "button",
        id: "lk-login",
        class: "primary",
        onclick: () => void act(again ? "Вход в Личный кабинет снова" : "Вход в Личный кабинет", login),
      },
      again ? "Войти снова" : "Войти по SMS",
    )
  }
  frame.addEventListener("load", () => {
    let doc = null
    try {
      doc = frame.contentDocument
    } catch {
      doc = null
    }
    if (doc === null || doc.body === null || frame.src === "about:blank" || frame.src === "") return
    const body = doc.body
    const me = body.getAttribute("data-me") ?? ""
    const section = body.getAttribute("data-section") ?? ""
    tools.replaceChildren()
    if (section !== "login" && me === st.msisdn) {
      rememberLogin("lk", true)
      cover(null)
      tools.append(
        h("span", { class: "who", text: `вход: ${msisdnRu(me)}` }),
        h("a", { href: `/lk?${q()}`, target: "_blank", rel: "noopener", text: "в новой вкладке" }),
      )
      document.body.setAttribute("data-lk", "in")
      return
    }
    document.body.setAttribute("data-lk", "out")
    const again = wasLoggedIn("lk")
    const text =
      me !== "" && me !== st.msisdn
        ? `В кабинете другой абонент (${msisdnRu(me)}). Войдите как ${msisdnRu(st.msisdn)}: пароль придет в SMS на телефон слева.`
        : again
          ? "Сеанс Личного кабинета завершен (20 минут без действий по времени двойника или перезагрузка). Войдите снова одним нажатием: пароль придет в SMS на телефон слева."
          : `Войдите в Личный кабинет абонента ${msisdnRu(st.msisdn)}: пароль придет в SMS от 3339 на телефон слева.`
    cover(text, loginButton())
  })
  st.channelResets.push(() => void open())
  return {
    /** A scenario step acted in the LK: show the page as it is now. */
    show() {
      flash("lk")
      if (document.body.getAttribute("data-lk") === "in") frame.contentWindow?.location.reload()
    },
  }
}

// ---- «Мой МТС»: the app's screens over its JSON API ----------------------------------------------

const TABS = [
  ["main", "Мой МТС"],
  ["account", "Счет"],
  ["tariffs", "Тарифы"],
  ["internet", "Интернет"],
  ["services", "Услуги"],
  ["bonuses", "Бонусы МТС"],
  ["roaming", "Роуминг"],
  ["entertainment", "Развлечения"],
  ["support", "Поддержка"],
]

const topUpForm = (ch, onDone, methods) => {
  const amount = h("input", { id: `${ch}-amount`, value: "500", inputmode: "decimal", size: 6 })
  const method =
    methods === undefined
      ? null
      : h("select", { id: `${ch}-method` }, ...methods.map(([v, t]) => h("option", { value: v, text: t })))
  return h(
    "form",
    {
      class: "inline wrap",
      id: `${ch}-topup`,
      onsubmit: (e) => {
        e.preventDefault()
        flash(ch)
        void act("Пополнение", async () => {
          const k = kopecks(amount.value)
          if (k === null) throw new Error("Введите сумму в рублях")
          await onDone(
            await chan(
              "POST",
              `/${ch}/api/topup`,
              { amount: k, ...(method === null ? {} : { method: method.value }) },
              ch,
            ),
          )
        })
      },
    },
    h("label", { for: `${ch}-amount`, text: "Пополнить, ₽" }),
    amount,
    method === null ? null : h("label", { for: `${ch}-method`, class: "sr", text: "Способ оплаты" }),
    method,
    h("button", { type: "submit", class: "primary" }, "Пополнить"),
  )
}

const appPanel = () => {
  const body = $("#app-body")
  let tab = "account"
  let last = null
  let ended = ""
  const enter = async (r) => {
    if (!r.ok || typeof r.data?.token !== "string") throw new Error(r.text || "вход не выполнен")
    keepToken("app", r.data)
    rememberLogin("app", true)
    ended = ""
    await forced(render)
  }
  /** One click: SMS password from 3339 read from the inbox on screen (R22). */
  const loginBySms = async () => {
    flash("app")
    const after = lastInboxSeq()
    const asked = await chan("POST", "/app/api/otp", { msisdn: st.msisdn })
    if (!asked.ok) throw new Error(asked.text)
    const code = await codeFromInbox("3339", after)
    say(`Пароль из SMS от 3339: ${code}`)
    await enter(await chan("POST", "/app/api/login", { msisdn: st.msisdn, secret: code }))
  }
  const loginView = () => {
    const again = wasLoggedIn("app")
    return h(
      "div",
      { class: "login" },
      h("p", { class: "title", text: "Вход в «Мой МТС»" }),
      h("p", {
        class: "note",
        text:
          ended !== ""
            ? ended
            : again
              ? "Сеанс завершен. Войдите снова одним нажатием."
              : `Номер ${msisdnRu(st.msisdn)}`,
      }),
      h(
        "div",
        { class: "inline wrap" },
        h(
          "button",
          {
            type: "button",
            id: "app-login",
            class: "primary",
            onclick: () => void act("Вход в «Мой МТС»", loginBySms),
          },
          again ? "Войти снова" : "Войти по SMS",
        ),
        h(
          "button",
          {
            type: "button",
            id: "app-network",
            onclick: () => {
              flash("app")
              void act("Вход в «Мой МТС»", async () => enter(await networkLogin("/app/api")))
            },
          },
          "Войти по мобильному интернету МТС",
        ),
      ),
    )
  }
  const render = async () => {
    if (!tokens.has(tokKey("app"))) {
      paint(body, loginView())
      return
    }
    const r = await chan("GET", `/app/api/tabs/${tab}`, undefined, "app")
    if (!tokens.has(tokKey("app"))) {
      ended = r.text
      paint(body, loginView())
      return
    }
    paint(
      body,
      h(
        "div",
        { class: "lk-head" },
        h("span", { class: "title", text: `«Мой МТС» · ${msisdnRu(st.msisdn)}` }),
        h(
          "button",
          {
            type: "button",
            onclick: () =>
              void act("Выход из «Мой МТС»", async () => {
                await chan("POST", "/app/api/logout", {}, "app")
                tokens.delete(tokKey("app"))
                rememberLogin("app", false)
                await forced(render)
              }),
          },
          "Выйти",
        ),
      ),
      h(
        "div",
        { class: "tabs", role: "tablist", "aria-label": "Разделы приложения" },
        ...TABS.map(([id, name]) =>
          h(
            "button",
            {
              type: "button",
              role: "tab",
              "aria-selected": String(id === tab),
              class: id === tab ? "tab on" : "tab",
              onclick: () => {
                tab = id
                last = null
                confirm = null
                void forced(render)
              },
            },
            name,
          ),
        ),
      ),
      h("div", { id: "app-screen", class: "tab-text" }, textBlock(r.text)),
      tab === "account"
        ? topUpForm(
            "app",
            (x) => {
              last = x
              return forced(render)
            },
            [
              ["card", "Банковская карта"],
              ["apple-pay", "Apple Pay"],
              ["google-pay", "Google Pay"],
            ],
          )
        : null,
      appActions(tab, r.data),
      last === null ? null : msg(last),
    )
  }
  /** What a screen of the app lets the subscriber do, as buttons: each is one call of the app's API. */
  const action = (label, path, body, after) =>
    h(
      "button",
      {
        type: "button",
        onclick: () => {
          flash("app")
          void act(label, async () => {
            const x = await chan("POST", `/app/api/${path}`, body, "app")
            last = x
            if (after !== undefined) after(x)
            await forced(render)
          })
        },
      },
      label,
    )
  let confirm = null
  const appActions = (name, data) => {
    const rows = []
    if (name === "account" && data?.promised === null) rows.push(action("Обещанный платеж", "promised-payment", {}))
    if (name === "tariffs") {
      if (confirm?.tariff !== undefined) {
        rows.push(
          h("p", { class: "note", text: confirm.text }),
          h(
            "div",
            { class: "inline wrap" },
            action("Подтвердить", "tariff", { tariff: confirm.tariff, confirmed: true }, () => {
              confirm = null
            }),
            h(
              "button",
              {
                type: "button",
                onclick: () => {
                  confirm = null
                  last = null
                  void forced(render)
                },
              },
              "Отмена",
            ),
          ),
        )
      } else {
        for (const t of (data?.tariffs ?? []).filter((x) => x.selectable && !x.current)) {
          rows.push(
            action(`Перейти на «${t.name}»`, "tariff", { tariff: t.tariff }, (x) => {
              if (x.ok && x.data?.confirmationRequired === true) {
                confirm = { tariff: t.tariff, text: x.text.replace(/\nПодтвердить · Отмена$/, "") }
                last = null
              }
            }),
          )
        }
      }
    }
    if (name === "services") {
      for (const sv of (data?.services ?? []).filter((x) => (x.connected ? x.removable : x.available))) {
        rows.push(
          action(
            `${sv.connected ? "Отключить" : "Подключить"} «${sv.name}»`,
            sv.connected ? "services/disconnect" : "services/connect",
            { service: sv.id },
          ),
        )
      }
    }
    if (name === "internet")
      for (const o of data?.offers ?? []) rows.push(action(`Подключить «${o.name}»`, "packages/buy", { offer: o.id }))
    if (name === "bonuses")
      for (const o of data?.offers ?? [])
        rows.push(action(`Обменять на «${o.name}»`, "bonuses/exchange", { offer: o.id }))
    if (name === "support") {
      if (data?.status === "blocked-voluntary") rows.push(action("Разблокировать номер", "unblock", {}))
      else if (confirm?.block === true) {
        rows.push(
          h("p", {
            class: "note",
            text: `Заблокировать номер ${msisdnRu(st.msisdn)}? Звонки, SMS и интернет будут недоступны, пока вы не снимете блокировку.`,
          }),
          action("Да, заблокировать", "block", {}, () => {
            confirm = null
          }),
          h(
            "button",
            {
              type: "button",
              onclick: () => {
                confirm = null
                void forced(render)
              },
            },
            "Отмена",
          ),
        )
      } else
        rows.push(
          h(
            "button",
            {
              type: "button",
              onclick: () => {
                confirm = { block: true }
                void forced(render)
              },
            },
            "Заблокировать номер",
          ),
        )
    }
    return rows.length === 0 ? null : h("div", { class: "app-actions" }, ...rows)
  }
  st.channelRefreshers.push(render)
  st.channelResets.push(() => {
    last = null
    ended = ""
    confirm = null
  })
  return {
    show(answer, ok) {
      flash("app")
      last = { ok, text: `Сценарий: ${answer}` }
      void forced(render)
    },
  }
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
    void act(label, async () =>
      show(await chan(method, `/kiosk/api${path}`, bodyOf === undefined ? undefined : bodyOf(), "kiosk")),
    )
  }
  const render = async () => {
    const inSession = tokens.has(tokKey("kiosk"))
    if (!inSession) {
      const code = h("input", {
        id: "kiosk-code",
        inputmode: "numeric",
        autocomplete: "off",
        placeholder: "Код доступа",
      })
      paint(
        body,
        h(
          "div",
          { class: "terminal" },
          textBlock(screen?.text ?? "«Электронный Помощник». Введите номер телефона и код доступа."),
        ),
        h("p", { class: "note", text: `Номер ${msisdnRu(st.msisdn)}` }),
        h(
          "div",
          { class: "inline wrap" },
          h(
            "button",
            {
              type: "button",
              id: "kiosk-start",
              onclick: call("Терминал", "POST", "/start", () => ({ msisdn: st.msisdn })),
            },
            "Ввести номер",
          ),
          h(
            "button",
            {
              type: "button",
              id: "kiosk-order",
              onclick: call("Пароль заказан", "POST", "/order-code", () => ({ msisdn: st.msisdn })),
            },
            "Заказать пароль",
          ),
        ),
        h(
          "form",
          {
            class: "inline",
            onsubmit: (e) => {
              e.preventDefault()
              call("Вход в терминал", "POST", "/login", () => ({ msisdn: st.msisdn, code: code.value.trim() }))()
            },
          },
          h("label", { for: "kiosk-code", class: "sr", text: "Код доступа" }),
          code,
          h("button", { type: "submit" }, "Войти"),
        ),
      )
      return
    }
    const cash = h("input", { id: "kiosk-cash", value: "100", inputmode: "decimal", size: 6 })
    paint(
      body,
      h("div", { class: "terminal" }, textBlock(screen?.text ?? "")),
      h(
        "div",
        { class: "inline wrap" },
        h("button", { type: "button", onclick: call("Баланс", "GET", "/balance") }, "Баланс"),
        h("button", { type: "button", onclick: call("Услуги", "GET", "/services") }, "Услуги"),
        h("button", { type: "button", onclick: call("Тарифы", "GET", "/tariffs") }, "Тарифы"),
        h(
          "button",
          {
            type: "button",
            onclick: () => {
              flash("kiosk")
              void act("Выход из терминала", async () =>
                show(await chan("POST", "/kiosk/api/logout", {}, "kiosk"), async () => tokens.delete(tokKey("kiosk"))),
              )
            },
          },
          "Выход",
        ),
      ),
      h(
        "form",
        {
          class: "inline",
          onsubmit: (e) => {
            e.preventDefault()
            const k = kopecks(cash.value)
            if (k === null) return say("Введите сумму в рублях", "error")
            call("Наличные внесены", "POST", "/topup-cash", () => ({ amount: k }))()
          },
        },
        h("label", { for: "kiosk-cash", text: "Наличные, ₽" }),
        cash,
        h("button", { type: "submit", class: "primary" }, "Внести"),
      ),
    )
  }
  st.channelRefreshers.push(render)
  st.channelResets.push(() => {
    screen = null
  })
  return {
    show(answer, ok) {
      flash("kiosk")
      screen = { ok, text: answer }
      void forced(render)
    },
  }
}

// ---- scenario player --------------------------------------------------------------------------

/** Panels whose steps have an answer the subscriber sees (the others act on the network or clock). */
const CHANNEL_PANELS = new Set(["ussd", "sms", "ivr", "lk", "app", "kiosk"])

const scenarioPlayer = (panels) => {
  let run = null
  let steps = []
  let shown = 0
  const list = $("#scenario-steps")
  const dots = $("#scenario-dots")
  const now = $("#scenario-now")
  const next = $("#scenario-next")
  const all = $("#scenario-all")
  const mark = (status) => (status === "passed" ? "✔" : status === "failed" ? "✘" : "")
  const narrate = (text, tone = "") => {
    now.textContent = text
    now.classList.toggle("failed", tone === "failed")
    now.classList.toggle("passed", tone === "passed")
  }
  const renderSteps = (state) => {
    // One outcome per step that ran (a check has its own pass mark), with what the channel answered.
    const outcome = new Map(state.outcomes.map((o) => [o.index, o]))
    const current = state.finished ? -1 : (steps.find((s) => s.index > state.done)?.index ?? -1)
    const statusOf = (s) => outcome.get(s.index)?.status ?? (s.index <= state.done ? "passed" : "")
    list.replaceChildren(
      ...steps.map((s) => {
        const o = outcome.get(s.index)
        const status = statusOf(s)
        return h(
          "li",
          {
            class: `${status}${s.index === current ? " current" : ""}`,
            "data-index": String(s.index),
            "data-panel": s.panel,
            "aria-current": s.index === current ? "step" : false,
          },
          h("span", { text: s.text }),
          h("span", { class: "mark", text: mark(status) }),
          o !== undefined && o.status !== "not-run" && o.answer !== "" && CHANNEL_PANELS.has(s.panel)
            ? h("span", { class: "out", text: o.answer })
            : null,
          o !== undefined && o.failures.length > 0
            ? h("span", { class: "out error-text", text: o.failures.join("\n") })
            : null,
        )
      }),
    )
    dots.replaceChildren(
      ...steps.map((s) => h("li", { class: `${statusOf(s)}${s.index === current ? " current" : ""}`, title: s.text })),
    )
    list.querySelector("li.current")?.scrollIntoView({ block: "nearest" })
    const fin = state.finished
    next.disabled = fin
    all.disabled = fin
    const title = $("#scenario-title")
    const failed = state.outcomes.find((o) => o.status === "failed")
    const failedStep = failed === undefined ? undefined : steps.find((s) => s.index === failed.index)
    title.classList.toggle("error-text", state.passed === false)
    if (fin && state.passed) {
      title.textContent = `«${run?.name ?? ""}» — все проверки пройдены ✔`
      narrate(`«${run?.name ?? ""}»: все ${steps.length} шагов выполнены, проверки пройдены ✔`, "passed")
      say("Сценарий пройден", "good")
    } else if (fin) {
      const where = failedStep !== undefined ? `шаг ${failedStep.index}: ${failedStep.text}` : (state.crash ?? "")
      title.textContent = `«${run?.name ?? ""}» — не пройден, ${where}`
      narrate(
        `Сценарий не пройден — ${where} ✘${failed !== undefined && failed.failures.length > 0 ? ` (${failed.failures[0]})` : ""}`,
        "failed",
      )
      say(`Сценарий не пройден на шаге ${failedStep?.index ?? "—"}`, "error")
    } else {
      const last = steps.filter((s) => s.index <= state.done).pop()
      const upcoming = steps.find((s) => s.index === current)
      const lastStatus = last === undefined ? "" : statusOf(last)
      narrate(
        last === undefined
          ? `Шаг 1 из ${steps.length}: ${upcoming?.text ?? ""}`
          : `Шаг ${last.index} из ${steps.length}: ${last.text} ${mark(lastStatus)}`,
        lastStatus,
      )
    }
    document.body.setAttribute("data-scenario", fin ? (state.passed ? "passed" : "failed") : `step-${state.done}`)
  }
  /** Each step that ran since the last look acts in its own panel, as the subscriber would see it. */
  const actOut = async (state) => {
    const ran = state.outcomes.filter((o) => o.index > shown && o.status !== "not-run")
    shown = Math.max(shown, ...ran.map((o) => o.index))
    let lastPanel = null
    for (const o of ran) {
      const s = steps.find((x) => x.index === o.index)
      if (s === undefined) continue
      if (s.msisdn !== null && s.msisdn !== st.msisdn && s.panel !== "check") await selectSubscriber(s.msisdn)
      if (s.panel === "ussd") panels.phone.showUssd(s.input, o.answer)
      else if (s.panel === "ivr") panels.phone.showIvr(s.input, o.answer)
      else if (s.panel === "lk") panels.lk.show()
      else if (s.panel === "app") panels.app.show(o.answer, o.status !== "failed")
      else if (s.panel === "kiosk") panels.kiosk.show(o.answer, o.status !== "failed")
      if (s.panel !== "check") lastPanel = s.panel
    }
    if (
      lastPanel !== null &&
      lastPanel !== "ussd" &&
      lastPanel !== "ivr" &&
      lastPanel !== "app" &&
      lastPanel !== "kiosk" &&
      lastPanel !== "lk"
    )
      flash(lastPanel)
    await refresh()
  }
  const opened = async (out) => {
    run = out
    steps = out.steps
    shown = 0
    $("#scenario-title").textContent = `«${out.name}»${out.rules.length > 0 ? ` (${out.rules.join(", ")})` : ""}`
    await loadTwins(out.state.twinId)
    await selectTwin(out.state.twinId, steps.find((s) => s.msisdn !== null)?.msisdn ?? "")
    selectTab("steps")
    renderSteps(out.state)
    next.focus()
  }
  const load = (body) =>
    act("Сценарий открыт", async () => {
      list.replaceChildren()
      let out
      try {
        out = await api("POST", "/console/api/scenarios", body)
      } catch (err) {
        const errors = err instanceof ApiError ? err.body?.errors : undefined
        if (Array.isArray(errors)) list.replaceChildren(...errors.map((m) => h("li", { class: "failed", text: m })))
        selectTab("steps")
        throw err
      }
      await opened(out)
    })
  $("#scenario-load").addEventListener("submit", (e) => {
    e.preventDefault()
    const file = $("#scenario-file").files?.[0]
    if (file === undefined) return say("Выберите файл сценария", "error")
    void file.text().then((yaml) => load({ file: file.name, yaml }))
  })
  $("#scenario-pick").addEventListener("submit", (e) => {
    e.preventDefault()
    const file = $("#scenario-library").value
    if (file === "") return say("Выберите сценарий из библиотеки", "error")
    void load({ library: file })
  })
  const step = (mode) => async () => {
    if (run === null) return
    next.disabled = true
    all.disabled = true
    try {
      say(mode === "next" ? "Шаг выполняется…" : "Сценарий выполняется…")
      const state = await api("POST", `/console/api/scenarios/${encodeURIComponent(run.state.id)}/${mode}`)
      renderSteps(state)
      await actOut(state)
      if (!state.finished) say(mode === "next" ? "Шаг выполнен" : "")
    } catch (e) {
      say(`Сценарий: ${e instanceof Error ? e.message : String(e)}`, "error")
    }
  }
  next.addEventListener("click", step("next"))
  all.addEventListener("click", step("all"))
  return {
    async library() {
      const { scenarios } = await api("GET", "/console/api/library")
      $("#scenario-library").append(
        ...scenarios.map((s) =>
          h("option", { value: s.file, text: `${s.name}${s.rules.length > 0 ? ` (${s.rules.join(", ")})` : ""}` }),
        ),
      )
    },
  }
}

// ---- start -----------------------------------------------------------------------------------

const start = async () => {
  bindControls()
  for (const [name, id] of Object.entries(TAB_OF)) $(`#${id}`).addEventListener("click", () => selectTab(name))
  const panels = { phone: bindPhone(), lk: lkPanel(), app: appPanel(), kiosk: kioskPanel() }
  const player = scenarioPlayer(panels)
  const q = new URL(location.href).searchParams
  await player.library()
  const id = await loadTwins(q.get("twin") ?? "")
  await selectTwin(id, q.get("msisdn") ?? "")
  document.body.setAttribute("data-ready", "1")
  say("Готово")
}

start().catch((e) => say(`Ошибка запуска: ${e instanceof Error ? e.message : String(e)}`, "error"))
