// Server-rendered pages of the Личный кабинет at /lk. Session in an HTTP-only cookie holding the
// core's token; every form carries a double-submit CSRF token; every action is one core command
// through channels/selfcare/operations.ts; the page shows the core's Russian text on errors.
import { Hono } from "hono"
import type { ChannelDeps } from "../context.ts"
import { lkKit } from "./routes/kit.ts"
import { staticRoutes } from "./routes/static.ts"
import { loginRoutes } from "./routes/login.ts"
import { sectionRoutes } from "./routes/sections.tsx"
import { actionRoutes } from "./routes/actions.tsx"

/** The LK's HTML app: static files and the live stamp, login, section pages, form actions. */
export const lkPages = (deps: ChannelDeps): Hono => {
  const r = new Hono()
  const kit = lkKit(deps)
  staticRoutes(r, deps)
  loginRoutes(r, kit)
  sectionRoutes(r, kit)
  actionRoutes(r, kit)
  return r
}
