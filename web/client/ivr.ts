// The voice menu (111, 0890): a live call; the keypad sends DTMF while connected, otherwise it
// types the number. The transcript shows (and the voice reads) each prompt once.
import { type ChannelReply, chan, list, str } from "./api.ts"
import { $, $button, $input, act, h, onSubmit } from "./dom.ts"
import { flash } from "./layout.ts"
import { st } from "./state.ts"
import { bindVoice, voice } from "./voice.ts"

export interface IvrPanel {
  /** What a scenario step did on the phone, shown as if the subscriber did it here. */
  show(input: string, answer: string): void
}

export const ivrPanel = (): IvrPanel => {
  const transcript = $("#ivr-transcript")
  let call: string | null = null
  const line = (cls: string, text: string): void => {
    transcript.append(h("p", { class: cls, text }))
    transcript.scrollTop = transcript.scrollHeight
  }
  const setCall = (id: string | null): void => {
    call = id
    $button("#ivr-hangup").disabled = id === null
    $button("#ivr-dial").disabled = id !== null
  }
  const hang = async (tell: boolean): Promise<void> => {
    const id = call
    if (id === null && !tell) return
    setCall(null)
    if (id !== null && tell) {
      voice.stop()
      await chan("DELETE", `/ivr/calls/${encodeURIComponent(id)}`)
    }
    line("note", "— звонок завершен —")
  }
  /** Print (and speak) only what the menu said in answer to this request: each prompt once. */
  const heard = (r: ChannelReply): void => {
    const said = Array.isArray(r.data.said) ? list<string>(r.data, "said") : r.text !== "" ? [r.text] : []
    for (const s of said) line("prompt", s)
    voice.say(said)
    if (r.data.end === true || !r.ok) void hang(false)
  }
  const dial = async (number: string): Promise<void> => {
    if (call !== null) await hang(true)
    transcript.replaceChildren()
    line("note", `Звонок на ${number}`)
    const r = await chan("POST", "/ivr/calls", { msisdn: st.msisdn, number })
    const id = str(r.data, "callId")
    if (id !== "") setCall(id)
    heard(r)
  }
  const press = async (id: string, key: string): Promise<void> => {
    line("key", `[${key}]`)
    heard(await chan("POST", `/ivr/calls/${encodeURIComponent(id)}/dtmf`, { keys: key }))
  }
  onSubmit("#ivr-call", () => {
    flash("ivr")
    void act("Звонок", () => dial($input("#ivr-number").value.trim()))
  })
  $("#ivr-hangup").addEventListener("click", () => void act("Трубка положена", () => hang(true)))
  for (const b of document.querySelectorAll<HTMLButtonElement>("[data-key]")) {
    b.addEventListener("click", () => {
      const key = b.dataset.key ?? ""
      if (call === null) {
        $input("#ivr-number").value += key
        return
      }
      const id = call
      flash("ivr")
      void act(`Нажата клавиша ${key}`, () => press(id, key))
    })
  }
  bindVoice()
  st.channelResets.push(() => {
    if (call !== null) void hang(true)
  })
  return {
    show(input, answer) {
      flash("ivr")
      transcript.replaceChildren()
      const [number = "", keys = ""] = input.split(" ")
      line("note", `Звонок на ${number}`)
      for (const k of keys) line("key", `[${k}]`)
      const lines = answer.split("\n").filter((l) => l !== "")
      for (const l of lines) line("prompt", l)
      voice.say(lines)
    },
  }
}
