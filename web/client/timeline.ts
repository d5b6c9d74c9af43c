// The events column: one line per committed event (described by the server, channels/text/events.ts),
// newest first, optionally only the selected subscriber's.
import type { TimelineItem } from "../../channels/text/events.ts"
import { phoneRu } from "../../core/domain/phone.ts"
import { $, $input, h } from "./dom.ts"
import { st } from "./state.ts"

const MAX_TIMELINE = 300

/** "01.06.2026 09:05" → "01.06 09:05" */
export const shortWhen = (atText: string): string => `${atText.slice(0, 5)} ${atText.slice(11)}`

const hiddenFor = (msisdn: string): boolean => $input("#timeline-mine").checked && msisdn !== "" && msisdn !== st.msisdn

export const addTimeline = (items: readonly TimelineItem[], fresh: boolean): void => {
  const list = $("#timeline")
  for (const li of list.querySelectorAll("li.fresh")) li.classList.remove("fresh")
  for (const it of items) {
    if (it.seq <= st.seq) continue
    st.seq = it.seq
    const li = h(
      "li",
      { class: `${it.kind}${fresh ? " fresh" : ""}`, "data-msisdn": it.msisdn, "data-type": it.type },
      h("span", { class: "when", text: shortWhen(it.atText), title: it.atText }),
      h("span", {
        class: "what",
        text: it.msisdn !== "" && it.msisdn !== st.msisdn ? `${phoneRu(it.msisdn)}: ${it.text}` : it.text,
      }),
    )
    li.hidden = hiddenFor(it.msisdn)
    list.prepend(li)
  }
  while (list.children.length > MAX_TIMELINE) list.lastElementChild?.remove()
}

export const filterTimeline = (): void => {
  for (const li of $("#timeline").children)
    if (li instanceof HTMLElement) li.hidden = hiddenFor(li.getAttribute("data-msisdn") ?? "")
}

export const clearTimeline = (): void => {
  $("#timeline").replaceChildren()
}
