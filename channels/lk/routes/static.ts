// The LK's static files and its live stamp (R25 untouched: watching a page never keeps a session alive).
import { createHash } from "node:crypto"
import { readFileSync } from "node:fs"
import type { Hono } from "hono"
import { Result } from "effect"
import { peekSession } from "../../../core/engine/session-view.ts"
import { accountView } from "../../../core/engine/views.ts"
import { twinOf, type ChannelDeps } from "../../context.ts"
import { readSessionCookie } from "../../security.ts"
import { href } from "../components/layout.tsx"
import { LK_COOKIE, pageCtx } from "./page.tsx"

const LK_JS = readFileSync(new URL("../lk.js", import.meta.url), "utf8")
const LK_CSS = readFileSync(new URL("../lk.css", import.meta.url), "utf8")

/** The LK's stylesheet and script, and the live stamp an open page polls. */
export const staticRoutes = (r: Hono, deps: ChannelDeps): void => {
  r.get("/static/lk.css", (c) =>
    c.body(LK_CSS, 200, { "content-type": "text/css; charset=utf-8", "cache-control": "no-cache" }),
  )
  r.get("/static/lk.js", (c) =>
    c.body(LK_JS, 200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-cache" }),
  )

  // Live page (R25 untouched): a stamp of what the page shows, read without touching the session,
  // so watching an open page never keeps a session alive. `ended` when the session is over.
  r.get("/live", (c) => {
    const twin = twinOf(deps, c)
    const token = readSessionCookie(c, LK_COOKIE)
    const ended = { ended: true, stamp: "", login: href(pageCtx(c), "/lk/login", { ended: "1" }) }
    if (twin === null || token === null) return c.json(ended)
    const peek = peekSession(twin, token, "lk")
    if (!peek.alive) return c.json(ended)
    const target = c.req.query("msisdn") ?? peek.msisdn
    const v = accountView(twin, target, peek.msisdn)
    if (Result.isFailure(v)) return c.json({ ended: false, stamp: "" })
    const stamp = createHash("sha1").update(JSON.stringify(v.success)).digest("hex").slice(0, 16)
    return c.json({ ended: false, stamp }, 200, { "cache-control": "no-store" })
  })
}
