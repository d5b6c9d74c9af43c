// `twin sms <from> <to> [text]`: send an SMS from a handset (to 111, 6262, …) and print the SMS
// it receives back, as "sender: text".
import { defineCommand } from "citty"
import { HANDSET_ARGS, withHandset } from "../handset.ts"

export default defineCommand({
  meta: { name: "sms", description: "Отправить SMS на короткий номер (111, 6262) и показать ответные SMS" },
  args: {
    from: { type: "positional", description: "Sender's number, e.g. 79160000001", required: true },
    to: { type: "positional", description: "Short number (111, 6262) or a mobile number", required: true },
    text: { type: "positional", description: "Message text (empty for 6262)", required: false },
    ...HANDSET_ARGS,
  },
  run: ({ args }) =>
    withHandset(
      args,
      (drv) => drv.smsSend(args.from, args.to, typeof args.text === "string" ? args.text : ""),
      (r) => {
        const replies = (r.data as { replies?: Array<{ from: string; text: string }> }).replies ?? []
        for (const m of replies) console.log(`${m.from}: ${m.text}`)
      },
    ),
})
