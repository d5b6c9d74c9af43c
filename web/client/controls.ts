// The trainer's controls in the top bar: twin and subscriber pickers, the twin's clock (advance
// by an hour, a day, a month, or to a date), travel, mobile data and one-click usage.
import type { UsageSpec } from "../../core/domain/commands.ts"
import { api, command, twinUrl } from "./api.ts"
import { $, $input, $select, act, onSubmit } from "./dom.ts"
import { loadTwins, selectSubscriber, selectTwin, type TwinInfo } from "./session.ts"
import { st } from "./state.ts"
import { filterTimeline } from "./timeline.ts"

/** What each usage button consumes: a 2-minute call, one SMS, 100 MB. */
const USAGE: Record<string, UsageSpec> = {
  call: { _tag: "call", to: "79031112233", seconds: 120 },
  sms: { _tag: "sms", to: "79031112233", count: 1 },
  data: { _tag: "data", kb: 100 * 1024 },
}

const advance = (body: { by: string } | { months: number } | { to: string }): Promise<unknown> =>
  api("POST", twinUrl("/advance"), body)

const bindPickers = (): void => {
  const twin = $select("#twin")
  twin.addEventListener("change", () => void act("Двойник выбран", () => selectTwin(twin.value, st.msisdn)))
  const msisdn = $select("#msisdn")
  msisdn.addEventListener("change", () => void act("Абонент выбран", () => selectSubscriber(msisdn.value)))
  $("#new-twin").addEventListener("click", () => {
    void act("Новый демо-двойник создан", async () => {
      const name = `Демо ${new Date().toLocaleTimeString("ru-RU")}`
      const t = await api<TwinInfo>("POST", "/api/twins", { demo: true, name })
      await loadTwins(t.id)
      await selectTwin(t.id, st.msisdn)
    })
  })
}

const bindClock = (): void => {
  for (const b of document.querySelectorAll<HTMLButtonElement>("[data-advance-by]"))
    b.addEventListener(
      "click",
      () => void act(`Время: ${b.textContent}`, () => advance({ by: b.dataset.advanceBy ?? "" })),
    )
  for (const b of document.querySelectorAll<HTMLButtonElement>("[data-advance-months]"))
    b.addEventListener(
      "click",
      () => void act(`Время: ${b.textContent}`, () => advance({ months: Number(b.dataset.advanceMonths) })),
    )
  onSubmit("#advance-to", () => {
    // A datetime-local value is Moscow wall time: the twin's clock is Moscow time.
    const v = $input("#advance-date").value
    void act("Время переведено", () => advance({ to: `${v.length === 16 ? `${v}:00` : v}+03:00` }))
  })
}

const bindNetwork = (): void => {
  onSubmit("#travel", () => {
    const to = $select("#location").value
    void act("Местоположение изменено", () => command({ _tag: "Travel", msisdn: st.msisdn, to }))
  })
  const data = $input("#mobile-data")
  data.addEventListener("change", () => {
    const on = data.checked
    void act(on ? "Мобильный интернет включен" : "Мобильный интернет выключен", () =>
      command({ _tag: "SetNetwork", msisdn: st.msisdn, mobileData: on }),
    )
  })
  for (const b of document.querySelectorAll<HTMLButtonElement>("[data-usage]")) {
    const usage = USAGE[b.dataset.usage ?? ""]
    if (usage === undefined) continue
    b.addEventListener(
      "click",
      () => void act(b.textContent ?? "Потребление", () => command({ _tag: "Usage", msisdn: st.msisdn, usage })),
    )
  }
}

export const bindControls = (): void => {
  bindPickers()
  bindClock()
  bindNetwork()
  $input("#timeline-mine").addEventListener("change", filterTimeline)
}
