// «Электронный Помощник» at /kiosk: the JSON screen API at /kiosk/api and the terminal page.
import { Hono } from "hono"
import type { ChannelDeps } from "../context.ts"
import { kioskApi } from "./api.ts"
import { kioskPage } from "./page.tsx"

export const kioskRouter = (deps: ChannelDeps): Hono => {
  const r = new Hono()
  r.route("/api", kioskApi(deps))
  r.route("/", kioskPage(deps))
  return r
}
