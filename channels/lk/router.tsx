// The Личный кабинет at /lk: the JSON API at /lk/api and the server-rendered pages.
import { Hono } from "hono"
import type { ChannelDeps } from "../context.ts"
import { selfcareApi } from "../selfcare/api.ts"
import { lkPages } from "./pages.tsx"

export const lkRouter = (deps: ChannelDeps): Hono => {
  const r = new Hono()
  r.route("/api", selfcareApi(deps, "lk"))
  r.route("/", lkPages(deps))
  return r
}
