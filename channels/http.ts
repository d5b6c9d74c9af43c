// The one hono app: every channel router, the control API and the web console are mounted here.
import { Hono } from "hono"
import type { ChannelDeps } from "./context.ts"
import { guardEdge, jsonAnswer } from "./security.ts"
import { controlRouter } from "./control/router.ts"
import { ussdRouter } from "./ussd/router.ts"
import { ivrRouter } from "./ivr/router.ts"
import { smsRouter } from "./sms/router.ts"
import { webRouter } from "../web/router.tsx"
import { lkRouter } from "./lk/router.tsx"
import { appRouter } from "./app/router.ts"
import { kioskRouter } from "./kiosk/router.tsx"
import { docsRouter } from "./docs.tsx"
import { guardRequest, IN_PROCESS, type EdgeOptions } from "./edge/guard.ts"

/** Request bodies above this are refused with 413 before any handler runs. */
export const MAX_BODY_BYTES = 64 * 1024

/**
 * The app. `edge`: the served server's control token and host names (cli/commands/serve.ts);
 * in-process callers (tests, the CLI's handset commands, in-process scenarios) have no socket
 * and default to no token and any host. Origin and content-type checks apply either way.
 */
export const makeApp = (deps: ChannelDeps, edge: EdgeOptions = IN_PROCESS): Hono => {
  const app = new Hono()
  const tooLarge = () => jsonAnswer({ error: { code: "INVALID_FIELD", field: "body", message: `body: larger than ${MAX_BODY_BYTES} bytes`, ru: "Слишком большой запрос" } }, 413)
  app.get("/healthz", () => jsonAnswer({ ok: true }))
  app.route("/api", controlRouter(deps))
  app.route("/ussd", ussdRouter(deps))
  app.route("/ivr", ivrRouter(deps))
  app.route("/sms", smsRouter(deps))
  app.route("/lk", lkRouter(deps))
  app.route("/app", appRouter(deps))
  app.route("/kiosk", kioskRouter(deps))
  app.route("/", docsRouter())
  // The console's scenario player drives the channels in-process, behind the control token its own
  // endpoint already checked: the app's routes without the request guard.
  const routes = app.fetch.bind(app)
  app.route("/", webRouter(deps, async (req) => routes(req)))
  app.notFound((c) => c.json({ error: { code: "NOT_FOUND", field: "path", message: `path: no route ${c.req.method} ${c.req.path}`, ru: "Страница не найдена" } }, 404))
  app.onError((e, c) => {
    console.error(`[twin] unhandled error on ${c.req.method} ${c.req.path}: ${e instanceof Error ? e.message : String(e)}`)
    return c.json({ error: { code: "INTERNAL", field: null, message: "internal error", ru: "Внутренняя ошибка" } }, 500)
  })
  // Body limit before any handler, security headers (strict CSP and the rest) on every answer.
  return guardEdge(app, MAX_BODY_BYTES, tooLarge, (req) => guardRequest(req, edge))
}
