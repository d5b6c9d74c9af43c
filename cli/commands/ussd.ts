// `twin ussd <msisdn> <code> [--db FILE] [--twin ID]`: dial a USSD code (chained codes like
// *111*2*5# answer the menu) and print the handset's screen.
import { defineCommand } from "citty"
import { Registry } from "../../core/engine/registry.ts"
import { makeApp } from "../../channels/http.ts"
import { makeTelephonyDriver } from "../../channels/telephony-driver.ts"

export default defineCommand({
  meta: { name: "ussd", description: "Набрать USSD-команду (*100#, *111*2*5#) и показать экран телефона" },
  args: {
    msisdn: { type: "positional", description: "Calling number, e.g. 79160000001", required: true },
    code: { type: "positional", description: "USSD code, e.g. *100# (quote it in the shell)", required: true },
    db: { type: "string", description: "SQLite file (created with the demo subscribers when new)", default: "./twin.db" },
    twin: { type: "string", description: "Twin id", default: "default" },
  },
  async run({ args }) {
    const registry = Registry.open(args.db)
    try {
      const app = makeApp({ registry })
      const drv = makeTelephonyDriver(async (req) => app.fetch(req), args.twin)
      const r = await drv.ussdDial(args.msisdn, args.code)
      if (r.status >= 400) {
        console.error(`${r.error?.ru ?? "Ошибка"} (${r.error?.message ?? r.status})`)
        process.exitCode = 1
        return
      }
      console.log(r.text)
    } finally {
      registry.close()
    }
  },
})
