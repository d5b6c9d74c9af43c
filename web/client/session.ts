// Which twin and subscriber the console shows, and keeping every panel current: the twin's SSE
// stream announces each committed batch, and the console redraws the board and every panel.
import type { Library, StreamBatch, Timeline } from "../router.tsx"
import { phoneRu } from "../../core/domain/phone.ts"
import { api, consoleTwinUrl, twinUrl } from "./api.ts"
import { $select, h, messageOf, say } from "./dom.ts"
import { fetchBoard } from "./inbox.ts"
import { st } from "./state.ts"
import { renderBoard } from "./summary.ts"
import { addTimeline, clearTimeline, filterTimeline } from "./timeline.ts"

/** A twin as the control API lists it (GET /api/twins). */
export interface TwinInfo {
  id: string
  name: string
  now: number
  nowIso: string
  seq: number
  subscribers: number
}

/** A subscriber as the control API lists it (GET /api/twins/:id/subscribers). */
interface SubscriberInfo {
  msisdn: string
  name: string
  tariff: string
  balance: number
}

const saveUrl = (): void => {
  const u = new URL(location.href)
  u.searchParams.set("twin", st.twin)
  if (st.msisdn !== "") u.searchParams.set("msisdn", st.msisdn)
  history.replaceState(null, "", u)
}

const twinLabel = (t: TwinInfo): string => {
  const sc = st.scenarioNames[t.id]
  if (sc !== undefined) return `Сценарий «${sc}»`
  if (t.id === "default" && t.name === t.id) return "Демо-двойник"
  return t.name === t.id ? `Двойник ${t.id}` : t.name
}

/** Fill the twin picker and select `prefer` (or the demo twin); the selected id. */
export const loadTwins = async (prefer: string): Promise<string> => {
  const [{ twins }, lib] = await Promise.all([
    api<{ twins: TwinInfo[] }>("GET", "/api/twins"),
    api<Library>("GET", "/console/api/library").catch((): Pick<Library, "running"> => ({ running: {} })),
  ])
  st.scenarioNames = lib.running
  const sel = $select("#twin")
  sel.replaceChildren(...twins.map((t) => h("option", { value: t.id, text: twinLabel(t) })))
  const pick = twins.find((t) => t.id === prefer) ?? twins.find((t) => t.id === "default") ?? twins[0]
  if (pick === undefined) throw new Error("нет ни одного двойника")
  sel.value = pick.id
  return pick.id
}

export const selectTwin = async (id: string, msisdn: string): Promise<void> => {
  st.twin = id
  st.seq = 0
  const { subscribers } = await api<{ subscribers: SubscriberInfo[] }>("GET", twinUrl("/subscribers"))
  const sel = $select("#msisdn")
  sel.replaceChildren(
    ...subscribers.map((s) => h("option", { value: s.msisdn, text: `${phoneRu(s.msisdn)} — ${s.name}` })),
  )
  st.msisdn = subscribers.some((s) => s.msisdn === msisdn) ? msisdn : (subscribers[0]?.msisdn ?? "")
  sel.value = st.msisdn
  saveUrl()
  clearTimeline()
  st.inboxSeen = 0
  for (const f of st.channelResets) f()
  await loadTimeline()
  connect()
  await refresh()
}

export const selectSubscriber = async (msisdn: string): Promise<void> => {
  st.msisdn = msisdn
  $select("#msisdn").value = msisdn
  st.inboxSeen = 0
  saveUrl()
  filterTimeline()
  for (const f of st.channelResets) f()
  await refresh()
}

const loadTimeline = async (): Promise<void> => {
  const { items } = await api<Timeline>("GET", consoleTwinUrl("/timeline"))
  addTimeline(items, false)
}

// ---- live updates ------------------------------------------------------------------------------

const connect = (): void => {
  st.es?.close()
  const es = new EventSource(`/console/twins/${encodeURIComponent(st.twin)}/stream`)
  st.es = es
  es.addEventListener("events", (ev) => {
    const batch = JSON.parse(ev.data) as StreamBatch
    addTimeline(batch.items, true)
    scheduleRefresh()
  })
  es.addEventListener("hello", () => document.body.setAttribute("data-live", "1"))
}

let refreshing: Promise<void> | null = null
let again = false

/** One refresh at a time; batches that arrive meanwhile fold into one more. */
const scheduleRefresh = (): void => {
  if (refreshing !== null) {
    again = true
    return
  }
  refreshing = refresh().finally(() => {
    refreshing = null
    if (again) {
      again = false
      scheduleRefresh()
    }
  })
}

/** Redraw the board and every panel from the server's current answers. */
export const refresh = async (): Promise<void> => {
  if (st.twin === "" || st.msisdn === "") return
  try {
    const b = await fetchBoard()
    st.board = b
    renderBoard(b)
    await Promise.all(st.channelRefreshers.map((f) => f(b)))
    document.body.setAttribute("data-seq", String(b.twin.seq))
  } catch (e) {
    say(`Обновление: ${messageOf(e)}`, "error")
  }
}
