// The HTTP server of `twin serve` as a scoped Effect service: the app (server/app.ts) on the
// registry in context, listening once the layer is built, closed gracefully when its scope ends:
// no new connections, idle ones closed at once, requests in flight given GRACE_MS to finish
// before the rest (live console streams) are cut. The registry and store close after it.
import type { Server } from "node:http"
import { createAdaptorServer } from "@hono/node-server"
import { Context, Data, Effect, Layer } from "effect"
import { limitServer, serverOptions, type Limits } from "../channels/limits.ts"
import { TwinRegistry } from "../core/engine/services.ts"
import { makeApp, type AppOptions } from "./app.ts"

/** How long requests in flight get to finish at shutdown before their connections are closed. */
export const GRACE_MS = 1000

/** The socket could not listen (port in use, no permission, not an address of this machine). */
export class ListenFailed extends Data.TaggedError("ListenFailed")<{
  readonly code: string | undefined
  readonly message: string
}> {}

export interface ListenOptions {
  readonly port: number
  readonly host: string
  readonly limits: Limits
  readonly app?: AppOptions
}

export interface Listening {
  readonly server: Server
  /** The port bound (the one asked for, or the one the system chose for port 0). */
  readonly port: number
}

/** Close a listening server: stop accepting, end idle keep-alive connections, cut the rest after `graceMs`. */
export const closeServer = (server: Server, graceMs = GRACE_MS): Effect.Effect<void> =>
  Effect.callback<void>((resume) => {
    if (!server.listening) return resume(Effect.void)
    const cut = setTimeout(() => server.closeAllConnections(), graceMs)
    server.close(() => {
      clearTimeout(cut)
      resume(Effect.void)
    })
    server.closeIdleConnections()
  })

export class HttpServer extends Context.Service<HttpServer, Listening>()("twin/HttpServer") {
  static readonly layer = (o: ListenOptions) =>
    Layer.effect(
      HttpServer,
      Effect.acquireRelease(
        Effect.gen(function* () {
          const registry = yield* TwinRegistry
          const app = makeApp({ registry }, { ...o.app, sseClients: o.limits.sseClients })
          const server = createAdaptorServer({
            fetch: app.fetch,
            hostname: o.host,
            serverOptions: serverOptions(o.limits),
          }) as Server
          limitServer(server, o.limits)
          const port = yield* Effect.callback<number, ListenFailed>((resume) => {
            const failed = (e: NodeJS.ErrnoException): void =>
              resume(Effect.fail(new ListenFailed({ code: e.code, message: e.message })))
            server.once("error", failed)
            server.listen(o.port, o.host, () => {
              server.off("error", failed)
              const address = server.address()
              resume(Effect.succeed(typeof address === "object" && address !== null ? address.port : o.port))
            })
          })
          // Past the listen, a server error (a failed accept) is logged; the server keeps serving.
          server.on("error", (e) => console.error(`[twin] server error: ${e.message}`))
          return { server, port }
        }),
        ({ server }) => closeServer(server),
      ),
    )
}
