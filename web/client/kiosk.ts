// The «Электронный Помощник» terminal panel over the kiosk's JSON API (channels/kiosk/api.ts):
// number and access code, then balance, services, tariffs and cash in. The screen text is the
// kiosk's answer; whether the session is alive is the core's answer (a 401).
import { phoneRu } from "../../core/domain/phone.ts"
import { type ChannelReply, chan, dropToken, hasToken, keepToken, str } from "./api.ts"
import { $, act, forced, h, paint, say, textBlock } from "./dom.ts"
import { flash } from "./layout.ts"
import { st } from "./state.ts"
import { ENTER_AMOUNT, kopecksOf } from "./topup.ts"

export interface KioskPanel {
  /** What a scenario step did at the terminal, shown on its screen. */
  show(answer: string, ok: boolean): void
}

type Screen = Pick<ChannelReply, "ok" | "text">

export const kioskPanel = (): KioskPanel => {
  const body = $("#kiosk-body")
  let screen: Screen | null = null
  const rerender = (): Promise<void> => forced(render)
  const show = async (r: ChannelReply, after?: () => void): Promise<void> => {
    screen = r
    const token = str(r.data, "token")
    if (r.ok && token !== "") keepToken("kiosk", token)
    after?.()
    await rerender()
  }
  const call =
    (label: string, method: "GET" | "POST", path: string, bodyOf?: () => unknown): (() => void) =>
    () => {
      flash("kiosk")
      void act(label, async () => show(await chan(method, `/kiosk/api${path}`, bodyOf?.(), "kiosk")))
    }
  const button = (label: string, onclick: () => void, id?: string): HTMLButtonElement =>
    h("button", { type: "button", id, onclick }, label)

  const loginView = (): HTMLElement[] => {
    const code = h("input", { id: "kiosk-code", inputmode: "numeric", autocomplete: "off", placeholder: "Код доступа" })
    const me = (): { msisdn: string } => ({ msisdn: st.msisdn })
    return [
      h(
        "div",
        { class: "terminal" },
        textBlock(screen?.text ?? "«Электронный Помощник». Введите номер телефона и код доступа."),
      ),
      h("p", { class: "note", text: `Номер ${phoneRu(st.msisdn)}` }),
      h(
        "div",
        { class: "inline wrap" },
        button("Ввести номер", call("Терминал", "POST", "/start", me), "kiosk-start"),
        button("Заказать пароль", call("Пароль заказан", "POST", "/order-code", me), "kiosk-order"),
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
    ]
  }

  const sessionView = (): HTMLElement[] => {
    const cash = h("input", { id: "kiosk-cash", value: "100", inputmode: "decimal", size: 6 })
    const logout = (): void => {
      flash("kiosk")
      void act("Выход из терминала", async () =>
        show(await chan("POST", "/kiosk/api/logout", {}, "kiosk"), () => dropToken("kiosk")),
      )
    }
    return [
      h("div", { class: "terminal" }, textBlock(screen?.text ?? "")),
      h(
        "div",
        { class: "inline wrap" },
        button("Баланс", call("Баланс", "GET", "/balance")),
        button("Услуги", call("Услуги", "GET", "/services")),
        button("Тарифы", call("Тарифы", "GET", "/tariffs")),
        button("Выход", logout),
      ),
      h(
        "form",
        {
          class: "inline",
          onsubmit: (e) => {
            e.preventDefault()
            const amount = kopecksOf(cash.value)
            if (amount === null) return say(ENTER_AMOUNT, "error")
            call("Наличные внесены", "POST", "/topup-cash", () => ({ amount }))()
          },
        },
        h("label", { for: "kiosk-cash", text: "Наличные, ₽" }),
        cash,
        h("button", { type: "submit", class: "primary" }, "Внести"),
      ),
    ]
  }

  async function render(): Promise<void> {
    paint(body, ...(hasToken("kiosk") ? sessionView() : loginView()))
  }

  st.channelRefreshers.push(render)
  st.channelResets.push(() => {
    screen = null
  })
  return {
    show(answer, ok) {
      flash("kiosk")
      screen = { ok, text: answer }
      void rerender()
    },
  }
}
