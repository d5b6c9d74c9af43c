// The handset's SMS inbox, as the board (web/board.ts) lists it.
import type { Board } from "../board.ts"
import { api, consoleTwinUrl } from "./api.ts"
import { $, h } from "./dom.ts"
import { st } from "./state.ts"

const SHOWN = 30

export const renderInbox = (inbox: Board["inbox"]): void => {
  const list = $("#sms-inbox")
  const seen = st.inboxSeen
  list.replaceChildren(
    ...inbox
      .slice(-SHOWN)
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

export const fetchBoard = (): Promise<Board> => api<Board>("GET", consoleTwinUrl(`/board/${st.msisdn}`))
