// The handset's USSD screen: dial a code (*100#), answer a menu, see the network's text.
import { chan } from "./api.ts"
import { $, $input, act, onSubmit } from "./dom.ts"
import { flash } from "./layout.ts"
import { st } from "./state.ts"

export interface UssdPanel {
  /** What a scenario step dialled, shown as if the subscriber did it here. */
  show(input: string, answer: string): void
}

export const ussdPanel = (): UssdPanel => {
  const screen = $("#ussd-screen")
  const send = async (path: string, body: Record<string, string>): Promise<void> => {
    flash("ussd")
    const r = await chan("POST", path, { msisdn: st.msisdn, ...body })
    screen.textContent = r.text
    screen.classList.toggle("ended", r.data.end === true)
    const answer = $input("#ussd-answer")
    answer.value = ""
    if (r.data.end === false) answer.focus()
  }
  onSubmit("#ussd-dial", () => {
    void act("USSD-запрос отправлен", () => send("/ussd/dial", { code: $input("#ussd-code").value.trim() }))
  })
  onSubmit("#ussd-reply", () => {
    void act("Ответ отправлен", () => send("/ussd/reply", { text: $input("#ussd-answer").value.trim() }))
  })
  st.channelResets.push(() => {
    screen.textContent = ""
  })
  return {
    show(input, answer) {
      flash("ussd")
      if (input.startsWith("*") || input.startsWith("#")) $input("#ussd-code").value = input
      screen.textContent = answer
    },
  }
}
