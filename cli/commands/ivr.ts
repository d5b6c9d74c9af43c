// `twin ivr <msisdn> <number> [keys]`: call 111, 1112163 or 0890, press keys and print what the
// voice said (e.g. `twin ivr 79160000001 111 11` is the balance).
import { defineCommand } from "citty"
import { Registry } from "../../core/engine/registry.ts"
import { makeApp } from "../../channels/http.ts"
import { makeTelephonyDriver } from "../../channels/telephony-driver.ts"

export default defineCommand({
  meta: { name: "ivr", description: "Позвонить на 111 или 0890, нажать клавиши и вывести то, что произнес автоинформатор" },
  args: {
    msisdn: { type: "positional", description: "Calling number, e.g. 79160000001", required: true },
    number: { type: "positional", description: "111, 1112163 or 0890", required: true },
    keys: { type: "positional", description: "DTMF keys, e.g. 11 (digits, * and #)", required: false },
    db: { type: "string", description: "SQLite file (created with the demo subscribers when new)", default: "./twin.db" },
    twin: { type: "string", description: "Twin id", default: "default" },
  },
  async run({ args }) {
    const registry = Registry.open(args.db)
    try {
      const app = makeApp({ registry })
      const drv = makeTelephonyDriver(async (req) => app.fetch(req), args.twin)
      const r = await drv.ivrCall(args.msisdn, args.number, typeof args.keys === "string" ? args.keys : "")
      if (r.status >= 400) {
        console.error(`${r.error?.ru ?? "Ошибка"} (${r.error?.message ?? r.status})`)
        process.exitCode = 1
        return
      }
      console.log(r.text)
      if (r.end) console.log("[звонок завершен]")
    } finally {
      registry.close()
    }
  },
})
