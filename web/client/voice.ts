// Speaking IVR prompts with the browser's speech synthesis, in a Russian voice where there is one.
import { $input } from "./dom.ts"
import { rememberVoice, voiceWanted } from "./state.ts"

const synth = (): SpeechSynthesis | undefined => (typeof speechSynthesis === "undefined" ? undefined : speechSynthesis)

const russian = (): SpeechSynthesisVoice | undefined =>
  synth()
    ?.getVoices()
    .find((v) => v.lang.toLowerCase().startsWith("ru"))

export const voice = {
  say(lines: readonly string[]): void {
    const s = synth()
    if (!$input("#ivr-voice").checked || s === undefined) return
    const ru = russian()
    for (const line of lines) {
      const u = new SpeechSynthesisUtterance(line)
      u.lang = "ru-RU"
      if (ru !== undefined) u.voice = ru
      s.speak(u)
    }
  },
  stop(): void {
    synth()?.cancel()
  },
}

/** The «озвучивать» toggle: remembered across reloads; its title says which voice reads. */
export const bindVoice = (): void => {
  const v = $input("#ivr-voice")
  v.checked = voiceWanted()
  const label = v.closest("label")
  const noteVoice = (): void => {
    const ru = russian()
    if (synth() === undefined) {
      v.disabled = true
      label?.setAttribute("title", "Этот браузер не умеет синтез речи")
    } else if (ru === undefined)
      label?.setAttribute("title", "Русского голоса в браузере нет: прочитает голос по умолчанию")
    else label?.setAttribute("title", `Голос: ${ru.name}`)
  }
  noteVoice()
  synth()?.addEventListener("voiceschanged", noteVoice)
  v.addEventListener("change", () => {
    rememberVoice(v.checked)
    if (!v.checked) voice.stop()
  })
}
