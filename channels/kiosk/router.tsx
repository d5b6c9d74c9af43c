// «Электронный Помощник» at /kiosk: the JSON screen API at /kiosk/api and the terminal page.
import { Hono } from "hono"
import type { ChannelDeps } from "../context.ts"
import { kioskApi } from "./api.ts"
import { KioskSessions } from "./sessions.ts"
import { kioskPage } from "./page.tsx"

export const kioskRouter = (deps: ChannelDeps): Hono => {
  const r = new Hono()
  const sessions = new KioskSessions()
  r.route("/api", kioskApi(deps, sessions))
  r.route("/", kioskPage(deps, sessions))
  return r
}
