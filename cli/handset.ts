// What the telephony CLI commands share: open the twin in --db, drive it through the channel's
// HTTP API in-process, print the error the handset would show, and close (snapshot) the store.
import { makeApp } from "../server/app.ts"
import type { ChannelReply, TelephonyDriver } from "../channels/driver.ts"
import { makeTelephonyDriver } from "../channels/telephony-driver.ts"
import { openRegistryOrExit } from "./startup.ts"

export const HANDSET_ARGS = {
  db: { type: "string", description: "SQLite file (created with the demo subscribers when new)", default: "./twin.db" },
  twin: { type: "string", description: "Twin id", default: "default" },
} as const

/** Run one handset action on the twin in `db`; prints the channel error and sets exit code 1 on refusal. */
export const withHandset = async (
  args: { db: string; twin: string },
  act: (drv: TelephonyDriver) => Promise<ChannelReply>,
  print: (r: ChannelReply) => void,
): Promise<void> => {
  const registry = openRegistryOrExit(args.db)
  try {
    const app = makeApp({ registry })
    const r = await act(makeTelephonyDriver(async (req) => app.fetch(req), args.twin))
    if (r.status >= 400) {
      console.error(`${r.error?.ru ?? "Ошибка"} (${r.error?.message ?? r.status})`)
      process.exitCode = 1
      return
    }
    print(r)
  } finally {
    registry.close()
  }
}
