// The LK panel: the real Личный кабинет in a frame. The console only logs it in (one click: the
// SMS password is requested and read from the handset inbox on screen) and covers it with a
// login button when the page in the frame is the login page. Whether a session is alive is the
// core's answer (R25, /lk/live and the page itself), never a timer of the console.
import { phoneRu } from "../../core/domain/phone.ts"
import { $, act, h, say } from "./dom.ts"
import { flash } from "./layout.ts"
import { codeFromInbox } from "./otp.ts"
import { lastInboxSeq, rememberLogin, st, wasLoggedIn } from "./state.ts"

export interface LkPanel {
  /** A scenario step acted in the LK: show the page as it is now. */
  show(): void
}

/** POST a form to a page of the LK as its own form would (same CSRF token, same cookie). */
const postForm = (url: string, fields: Record<string, string>): Promise<Response> =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
    credentials: "same-origin",
  })

const parse = (html: string): Document => new DOMParser().parseFromString(html, "text/html")
const pageNotice = (html: string): string => parse(html).querySelector(".notice.error")?.textContent?.trim() ?? ""

/** What the LK's live peek answers (channels/lk/pages.tsx, GET /lk/live). */
interface LivePeek {
  ended: boolean
}

const SMS_SENDER = "3339"

const coverText = (me: string): string => {
  const you = phoneRu(st.msisdn)
  if (me !== "" && me !== st.msisdn)
    return `В кабинете другой абонент (${phoneRu(me)}). Войдите как ${you}: пароль придет в SMS на телефон слева.`
  if (wasLoggedIn("lk"))
    return "Сеанс Личного кабинета завершен. Войдите снова одним нажатием: пароль придет в SMS на телефон слева."
  return `Войдите в Личный кабинет абонента ${you}: пароль придет в SMS от ${SMS_SENDER} на телефон слева.`
}

export const lkPanel = (): LkPanel => {
  const frame = $<HTMLIFrameElement>("#lk-frame")
  const box = $("#lk-body")
  const tools = $("#lk-tools")
  const q = (): string => `twin=${encodeURIComponent(st.twin)}`
  /** Open the LK, or its login page when there is no live session (a peek that touches nothing). */
  const open = async (): Promise<void> => {
    const live = await fetch(`/lk/live?${q()}`, { credentials: "same-origin" })
      .then((r) => r.json() as Promise<LivePeek>)
      .catch((): LivePeek => ({ ended: true }))
    frame.src = live.ended ? `/lk/login?${q()}` : `/lk?${q()}`
  }
  const cover = (text: string | null, button?: HTMLElement): void => {
    box.querySelector(".login-cover")?.remove()
    if (text === null) return
    box.append(h("div", { class: "login-cover" }, h("p", { text }), button))
  }
  /** One click: ask for the SMS password, read it from the handset inbox, log in, show the LK. */
  const login = async (): Promise<void> => {
    flash("lk")
    const page = await fetch(`/lk/login?${q()}`, { credentials: "same-origin" })
    const csrf =
      parse(await page.text())
        .querySelector("input[name=_csrf]")
        ?.getAttribute("value") ?? ""
    const after = lastInboxSeq()
    const asked = await postForm(`/lk/login/code?${q()}`, { _csrf: csrf, msisdn: st.msisdn })
    const askedHtml = await asked.text()
    if (!asked.ok) throw new Error(pageNotice(askedHtml) || `HTTP ${asked.status}`)
    const code = await codeFromInbox(SMS_SENDER, after)
    say(`Пароль из SMS от ${SMS_SENDER}: ${code}`)
    const done = await postForm(`/lk/login?${q()}`, { _csrf: csrf, msisdn: st.msisdn, secret: code })
    const html = await done.text()
    if (html.includes('data-section="login"')) throw new Error(pageNotice(html) || "вход не выполнен")
    rememberLogin("lk", true)
    await open()
  }
  const loginButton = (): HTMLButtonElement => {
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
    let doc: Document | null = null
    try {
      doc = frame.contentDocument
    } catch {
      doc = null
    }
    const body: HTMLElement | null = doc?.body ?? null
    if (body === null || frame.src === "about:blank" || frame.src === "") return
    const me = body.getAttribute("data-me") ?? ""
    const section = body.getAttribute("data-section") ?? ""
    tools.replaceChildren()
    if (section !== "login" && me === st.msisdn) {
      rememberLogin("lk", true)
      cover(null)
      tools.append(
        h("span", { class: "who", text: `вход: ${phoneRu(me)}` }),
        h("a", { href: `/lk?${q()}`, target: "_blank", rel: "noopener", text: "в новой вкладке" }),
      )
      document.body.setAttribute("data-lk", "in")
      return
    }
    document.body.setAttribute("data-lk", "out")
    cover(coverText(me), loginButton())
  })
  st.channelResets.push(() => void open())
  return {
    show() {
      flash("lk")
      if (document.body.getAttribute("data-lk") === "in") frame.contentWindow?.location.reload()
    },
  }
}
