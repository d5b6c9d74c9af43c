// The one hono app of `twin serve`: every channel router, the control API and the web console
// are mounted here. It lives outside channels/ because it composes them with the console (web/).
import { Hono } from "hono"
import type { ChannelDeps } from "../channels/context.ts"
import { guardEdge, jsonAnswer } from "../channels/security.ts"
import { controlRouter } from "../channels/control/router.ts"
import { ussdRouter } from "../channels/ussd/router.ts"
import { ivrRouter } from "../channels/ivr/router.ts"
import { smsRouter } from "../channels/sms/router.ts"
import { webRouter } from "../web/router.tsx"
import { lkRouter } from "../channels/lk/router.tsx"
import { appRouter } from "../channels/app/router.ts"
import { kioskRouter } from "../channels/kiosk/router.tsx"
import { docsRouter } from "../channels/docs.tsx"
import { guardRequest, type EdgeOptions } from "../channels/edge/guard.ts"
import { idempotency } from "../channels/idempotency.ts"
import { DEFAULT_LIMITS, sseCap, type Limits } from "../channels/limits.ts"
import { errorBody } from "../channels/context.ts"
import { isStorageError, storeUnavailable } from "../core/engine/twin-core.ts"
import { mountFavicon } from "../channels/favicon.ts"

/** Request bodies above this are refused with 413 before any handler runs. */
export const MAX_BODY_BYTES = 64 * 1024

/**
 * What the served server passes to its app: the edge's control token and host names
 * (cli/commands/serve.ts) and the cap on live console streams. In-process callers (tests, the
 * CLI's handset commands, in-process scenarios) have no socket and default to no token, any host
 * and the default caps. Origin and content-type checks apply either way.
 */
export interface AppOptions extends Partial<EdgeOptions>, Partial<Pick<Limits, "sseClients">> {}

export const makeApp = (deps: ChannelDeps, opts: AppOptions = {}): Hono => {
  const edge: EdgeOptions = { token: opts.token ?? null, hosts: opts.hosts ?? null }
  const limits: Pick<Limits, "sseClients"> = { sseClients: opts.sseClients ?? DEFAULT_LIMITS.sseClients }
  const app = new Hono()
  const tooLarge = () =>
    jsonAnswer(
      {
        error: {
          code: "INVALID_FIELD",
          field: "body",
          message: `body: larger than ${MAX_BODY_BYTES} bytes`,
          ru: "Слишком большой запрос",
        },
      },
      413,
    )
  app.get("/healthz", () => jsonAnswer({ ok: true }))
  // Scoped so the hot GET routes pass no extra middleware: the streams live under /console, keys come with POSTs.
  app.use("/console/*", sseCap(limits.sseClients))
  app.on("POST", "*", idempotency(deps))
  mountFavicon(app)
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
  app.route(
    "/",
    webRouter(deps, async (req) => routes(req)),
  )
  app.notFound((c) =>
    c.json(
      {
        error: {
          code: "NOT_FOUND",
          field: "path",
          message: `path: no route ${c.req.method} ${c.req.path}`,
          ru: "Страница не найдена",
        },
      },
      404,
    ),
  )
  app.onError((e, c) => {
    // A store failure outside a command (the engine answers those itself): nothing was applied.
    if (isStorageError(e)) {
      console.error(
        `[twin] store unavailable on ${c.req.method} ${c.req.path}: ${e instanceof Error ? e.message : String(e)}`,
      )
      return c.json(errorBody(storeUnavailable(e instanceof Error ? e.message : String(e))), 503)
    }
    console.error(
      `[twin] unhandled error on ${c.req.method} ${c.req.path}: ${e instanceof Error ? e.message : String(e)}`,
    )
    return c.json({ error: { code: "INTERNAL", field: null, message: "internal error", ru: "Внутренняя ошибка" } }, 500)
  })
  // Body limit before any handler, security headers (strict CSP and the rest) on every answer.
  return guardEdge(app, MAX_BODY_BYTES, tooLarge, (req) => guardRequest(req, edge))
}
