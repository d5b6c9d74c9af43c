// `twin sms <from> <to> [text]`: send an SMS from a handset (to 111, 6262, …) and print the SMS
// it receives back, as "sender: text".
import { defineCommand } from "citty"
import { Registry } from "../../core/engine/registry.ts"
import { makeApp } from "../../channels/http.ts"
import { makeTelephonyDriver } from "../../channels/telephony-driver.ts"

export default defineCommand({
  meta: { name: "sms", description: "Отправить SMS на короткий номер (111, 6262) и показать ответные SMS" },
  args: {
    from: { type: "positional", description: "Sender's number, e.g. 79160000001", required: true },
    to: { type: "positional", description: "Short number (111, 6262) or a mobile number", required: true },
    text: { type: "positional", description: "Message text (empty for 6262)", required: false },
    db: { type: "string", description: "SQLite file (created with the demo subscribers when new)", default: "./twin.db" },
    twin: { type: "string", description: "Twin id", default: "default" },
  },
  async run({ args }) {
    const registry = Registry.open(args.db)
    try {
      const app = makeApp({ registry })
      const drv = makeTelephonyDriver(async (req) => app.fetch(req), args.twin)
      const r = await drv.smsSend(args.from, args.to, typeof args.text === "string" ? args.text : "")
      if (r.status >= 400) {
        console.error(`${r.error?.ru ?? "Ошибка"} (${r.error?.message ?? r.status})`)
        process.exitCode = 1
        return
      }
      const replies = (r.data as { replies?: Array<{ from: string; text: string }> }).replies ?? []
      for (const m of replies) console.log(`${m.from}: ${m.text}`)
    } finally {
      registry.close()
    }
  },
})
