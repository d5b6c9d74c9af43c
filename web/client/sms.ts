// Sending an SMS from the handset to a short number (111, 3339 …); replies land in the inbox.
import { chan, list, str } from "./api.ts"
import { $input, onSubmit, say } from "./dom.ts"
import { flash } from "./layout.ts"
import { st } from "./state.ts"

/** A reply SMS as the SMS channel answers it (channels/sms/router.ts). */
interface SmsReply {
  from?: string
  text?: string
}

export const bindSms = (): void => {
  onSubmit("#sms-send", () => {
    flash("sms")
    void (async () => {
      say("SMS отправляется…")
      const text = $input("#sms-text")
      const r = await chan("POST", "/sms/send", {
        from: st.msisdn,
        to: $input("#sms-to").value.trim(),
        text: text.value,
      })
      const replies = list<SmsReply>(r.data, "replies")
      // A reply SMS is what the subscriber gets, whatever it says: it is not a console error.
      if (!r.ok && !(r.status === 200 && replies.length > 0)) return say(`SMS: ${r.text}`, "error")
      text.value = ""
      const first = replies[0]
      say(first === undefined ? "SMS отправлено" : `SMS отправлено, ответ пришел от ${first.from ?? str(r.data, "to")}`)
    })()
  })
}
