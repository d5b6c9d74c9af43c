// The «Мой МТС» panel: the app's screens over its JSON API (channels/app/router.ts). The tab list
// is the server's (rendered into the page from the app's own table); each screen's text and data
// are the app API's answer; whether the session is alive is the core's answer (a 401), never a
// timer of the console.
import type { AppTab } from "../../channels/app/router.ts"
import { phoneRu } from "../../core/domain/phone.ts"
import { type ChannelReply, chan, dropToken, hasToken, keepToken, list, networkLogin, str } from "./api.ts"
import { $, act, forced, h, type Kid, paint, say, textBlock } from "./dom.ts"
import { flash } from "./layout.ts"
import { codeFromInbox } from "./otp.ts"
import { lastInboxSeq, rememberLogin, st, wasLoggedIn } from "./state.ts"
import { topUpForm } from "./topup.ts"

export interface AppPanel {
  /** What a scenario step did in the app, shown under the current screen. */
  show(answer: string, ok: boolean): void
}

/** One tab of the app as the page lists it (data-tabs of #app-body, from the app's APP_TABS). */
export interface AppTabInfo {
  id: AppTab
  name: string
}

/** Shapes of the tab answers the panel turns into buttons (channels/lk/selfcare.ts, channels/app/tabs.ts). */
interface TariffOffer {
  tariff: string
  name: string
  selectable: boolean
  current: boolean
}
interface ServiceOffer {
  id: string
  name: string
  connected: boolean
  removable: boolean
  available: boolean
}
interface Offer {
  id: string
  name: string
}

/** A step the subscriber must confirm before the app sends it. */
type Confirm = { tariff: string; text: string } | { block: true } | null

const msg = (r: Pick<ChannelReply, "ok" | "text">): HTMLElement =>
  h("p", { class: r.ok ? "note" : "note error-text", role: r.ok ? "status" : "alert", text: r.text })

const SMS_SENDER = "3339"

const tabsOf = (body: HTMLElement): AppTabInfo[] => {
  try {
    const v: unknown = JSON.parse(body.dataset.tabs ?? "[]")
    return Array.isArray(v) ? (v as AppTabInfo[]) : []
  } catch {
    return []
  }
}

export const appPanel = (): AppPanel => {
  const body = $("#app-body")
  const tabs = tabsOf(body)
  let tab: AppTab = "account"
  let last: Pick<ChannelReply, "ok" | "text"> | null = null
  /** The core's words when it ended the session (shown on the login screen). */
  let ended = ""
  let confirm: Confirm = null
  const rerender = (): Promise<void> => forced(render)

  const enter = async (r: ChannelReply): Promise<void> => {
    const token = str(r.data, "token")
    if (!r.ok || token === "") throw new Error(r.text || "вход не выполнен")
    keepToken("app", token)
    rememberLogin("app", true)
    ended = ""
    await rerender()
  }
  /** One click: SMS password from 3339 read from the inbox on screen (R22). */
  const loginBySms = async (): Promise<void> => {
    flash("app")
    const after = lastInboxSeq()
    const asked = await chan("POST", "/app/api/otp", { msisdn: st.msisdn })
    if (!asked.ok) throw new Error(asked.text)
    const code = await codeFromInbox(SMS_SENDER, after)
    say(`Пароль из SMS от ${SMS_SENDER}: ${code}`)
    await enter(await chan("POST", "/app/api/login", { msisdn: st.msisdn, secret: code }))
  }
  const button = (label: string, onclick: () => void, attrs: Record<string, string> = {}): HTMLButtonElement =>
    h("button", { type: "button", ...attrs, onclick }, label)

  const loginView = (): HTMLElement => {
    const again = wasLoggedIn("app")
    const note =
      ended !== "" ? ended : again ? "Сеанс завершен. Войдите снова одним нажатием." : `Номер ${phoneRu(st.msisdn)}`
    return h(
      "div",
      { class: "login" },
      h("p", { class: "title", text: "Вход в «Мой МТС»" }),
      h("p", { class: "note", text: note }),
      h(
        "div",
        { class: "inline wrap" },
        button(again ? "Войти снова" : "Войти по SMS", () => void act("Вход в «Мой МТС»", loginBySms), {
          id: "app-login",
          class: "primary",
        }),
        button(
          "Войти по мобильному интернету МТС",
          () => {
            flash("app")
            void act("Вход в «Мой МТС»", async () => enter(await networkLogin("/app/api")))
          },
          { id: "app-network" },
        ),
      ),
    )
  }

  /** What a screen of the app lets the subscriber do, as buttons: each is one call of the app's API. */
  const action = (label: string, path: string, payload: unknown, after?: (x: ChannelReply) => void): HTMLElement =>
    button(label, () => {
      flash("app")
      void act(label, async () => {
        const x = await chan("POST", `/app/api/${path}`, payload, "app")
        last = x
        after?.(x)
        await rerender()
      })
    })
  const cancel = (): HTMLElement =>
    button("Отмена", () => {
      confirm = null
      last = null
      void rerender()
    })

  const tariffActions = (data: Record<string, unknown>): Kid[] => {
    if (confirm !== null && "tariff" in confirm) {
      const { tariff, text } = confirm
      return [
        h("p", { class: "note", text }),
        h(
          "div",
          { class: "inline wrap" },
          action("Подтвердить", "tariff", { tariff, confirmed: true }, () => {
            confirm = null
          }),
          cancel(),
        ),
      ]
    }
    return list<TariffOffer>(data, "tariffs")
      .filter((t) => t.selectable && !t.current)
      .map((t) =>
        action(`Перейти на «${t.name}»`, "tariff", { tariff: t.tariff }, (x) => {
          if (x.ok && x.data.confirmationRequired === true) {
            confirm = { tariff: t.tariff, text: x.text.replace(/\nПодтвердить · Отмена$/, "") }
            last = null
          }
        }),
      )
  }

  const supportActions = (data: Record<string, unknown>): Kid[] => {
    if (data.status === "blocked-voluntary") return [action("Разблокировать номер", "unblock", {})]
    if (confirm !== null && "block" in confirm)
      return [
        h("p", {
          class: "note",
          text:
            `Заблокировать номер ${phoneRu(st.msisdn)}? ` +
            "Звонки, SMS и интернет будут недоступны, пока вы не снимете блокировку.",
        }),
        action("Да, заблокировать", "block", {}, () => {
          confirm = null
        }),
        cancel(),
      ]
    return [
      button("Заблокировать номер", () => {
        confirm = { block: true }
        void rerender()
      }),
    ]
  }

  const appActions = (name: AppTab, data: Record<string, unknown>): HTMLElement | null => {
    const rows: Kid[] = []
    if (name === "account" && data.promised === null) rows.push(action("Обещанный платеж", "promised-payment", {}))
    if (name === "tariffs") rows.push(...tariffActions(data))
    if (name === "services")
      for (const sv of list<ServiceOffer>(data, "services").filter((x) => (x.connected ? x.removable : x.available)))
        rows.push(
          action(
            `${sv.connected ? "Отключить" : "Подключить"} «${sv.name}»`,
            sv.connected ? "services/disconnect" : "services/connect",
            { service: sv.id },
          ),
        )
    if (name === "internet")
      for (const o of list<Offer>(data, "offers"))
        rows.push(action(`Подключить «${o.name}»`, "packages/buy", { offer: o.id }))
    if (name === "bonuses")
      for (const o of list<Offer>(data, "offers"))
        rows.push(action(`Обменять на «${o.name}»`, "bonuses/exchange", { offer: o.id }))
    if (name === "support") rows.push(...supportActions(data))
    return rows.length === 0 ? null : h("div", { class: "app-actions" }, ...rows)
  }

  const head = (): HTMLElement =>
    h(
      "div",
      { class: "lk-head" },
      h("span", { class: "title", text: `«Мой МТС» · ${phoneRu(st.msisdn)}` }),
      button("Выйти", () => {
        void act("Выход из «Мой МТС»", async () => {
          await chan("POST", "/app/api/logout", {}, "app")
          dropToken("app")
          rememberLogin("app", false)
          await rerender()
        })
      }),
    )

  const tabBar = (): HTMLElement =>
    h(
      "div",
      { class: "tabs", role: "tablist", "aria-label": "Разделы приложения" },
      ...tabs.map((t) =>
        h(
          "button",
          {
            type: "button",
            role: "tab",
            "aria-selected": String(t.id === tab),
            class: t.id === tab ? "tab on" : "tab",
            onclick: () => {
              tab = t.id
              last = null
              confirm = null
              void rerender()
            },
          },
          t.name,
        ),
      ),
    )

  async function render(): Promise<void> {
    if (!hasToken("app")) {
      paint(body, loginView())
      return
    }
    const r = await chan("GET", `/app/api/tabs/${tab}`, undefined, "app")
    if (!hasToken("app")) {
      // The core ended the session (R25): its answer is what the login screen says.
      ended = r.text
      paint(body, loginView())
      return
    }
    paint(
      body,
      head(),
      tabBar(),
      h("div", { id: "app-screen", class: "tab-text" }, textBlock(r.text)),
      tab === "account"
        ? topUpForm(
            (x) => {
              last = x
              return rerender()
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
      void rerender()
    },
  }
}
