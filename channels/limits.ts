// Caps of one server, each answered clearly instead of a stall or a reset: live event streams
// (SSE) per server (503), open connections (503 written on the raw socket, then closed), and
// slow clients (Node's headers and request timeouts answer 408). Twins per server are capped by
// the registry (core/engine/registry.ts, 503 from the control API).
import type { Server } from "node:http"
import type { Socket } from "node:net"
import type { MiddlewareHandler } from "hono"

export interface Limits {
  /** Live SSE streams at once (the console's event stream). */
  readonly sseClients: number
  /** Open TCP connections at once. */
  readonly connections: number
  /** A client must send its request headers within this many ms. */
  readonly headersTimeoutMs: number
  /** …and its whole request (headers and body) within this many ms. */
  readonly requestTimeoutMs: number
}

export const DEFAULT_LIMITS: Limits = {
  sseClients: 64,
  connections: 1024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
}

const capacity = (field: string, message: string, ru: string): string =>
  JSON.stringify({ error: { code: "CAPACITY", field, message: `${field}: ${message}`, ru } })

/** Count live event streams; beyond `max`, the new stream is closed at once and answered 503. */
export const sseCap = (max: number): MiddlewareHandler => {
  let live = 0
  return async (c, next) => {
    await next()
    const res = c.res
    if (!(res.headers.get("content-type") ?? "").startsWith("text/event-stream") || res.body === null) return
    if (live >= max) {
      await res.body.cancel()
      c.res = new Response(
        capacity(
          "stream",
          `at most ${max} live event streams per server; close one and retry`,
          "Слишком много открытых трансляций, повторите позже",
        ),
        { status: 503, headers: { "content-type": "application/json; charset=utf-8", "retry-after": "5" } },
      )
      return
    }
    live++
    let done = false
    const release = (): void => {
      if (!done) {
        done = true
        live--
      }
    }
    const reader = res.body.getReader()
    const body = new ReadableStream<Uint8Array>({
      async pull(ctl) {
        try {
          const r = await reader.read()
          if (r.done) {
            release()
            ctl.close()
          } else ctl.enqueue(r.value)
        } catch (e) {
          release()
          ctl.error(e)
        }
      },
      cancel(reason) {
        release()
        return reader.cancel(reason)
      },
    })
    c.res = new Response(body, { status: res.status, headers: res.headers })
  }
}

/** Node server options for the timeouts: checked every second, so a slow client gets its 408 on time. */
export const serverOptions = (
  limits: Limits,
): { headersTimeout: number; requestTimeout: number; connectionsCheckingInterval: number } => ({
  headersTimeout: limits.headersTimeoutMs,
  requestTimeout: limits.requestTimeoutMs,
  connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs),
})

/** Apply the connection cap and the slow-client timeouts to a Node HTTP server. */
export const limitServer = (server: Server, limits: Limits): void => {
  server.headersTimeout = limits.headersTimeoutMs
  server.requestTimeout = limits.requestTimeoutMs
  let open = 0
  const body = capacity(
    "connection",
    `at most ${limits.connections} open connections per server; retry shortly`,
    "Сервер перегружен, повторите попытку позже",
  )
  server.prependListener("connection", (socket: Socket) => {
    if (open >= limits.connections) {
      // Answer before any request is read, then close: the client sees a clear 503, not a reset.
      socket.end(
        `HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json; charset=utf-8\r\nRetry-After: 1\r\n` +
          `Connection: close\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      )
      socket.destroySoon()
      return
    }
    open++
    socket.once("close", () => {
      open--
    })
  })
}
