// Worker thread for the HTTP suite: the twin's full hono app (durable SQLite registry, as in
// `twin serve`) and a bare hono route, each on its own loopback port, same @hono/node-server
// setup. Runs in its own thread so the load generator does not share its event loop.
import { serve, type ServerType } from "@hono/node-server"
import { Hono } from "hono"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { parentPort } from "node:worker_threads"
import { Registry } from "../core/engine/registry.ts"
import { makeApp } from "../server/app.ts"
import { newControlToken, servedHosts } from "../channels/edge/control-token.ts"

const port = parentPort
if (port === null) throw new Error("bench/http-server.ts must run in a worker thread")

export const LK_MSISDN = "79160000001"

const dir = mkdtempSync(join(tmpdir(), "twin-bench-http-"))
const registry = Registry.open(join(dir, "twin.db"))
// R26: on the operator's mobile data the LK identifies the number without a password.
const on = registry.default.execute({ _tag: "SetNetwork", msisdn: LK_MSISDN, mobileData: true })
if (on._tag === "Failure") throw new Error(`http bench setup: ${on.failure.message}`)

const bare = new Hono()
bare.post("/bare", async (c) => c.json({ ok: true, echo: (await c.req.json<{ msisdn?: string }>()).msisdn ?? null }))
bare.get("/bare", (c) => c.json({ ok: true }))

const listen = (fetch: (r: Request) => Response | Promise<Response>): Promise<{ server: ServerType; port: number }> =>
  new Promise((ok) => {
    const server = serve({ fetch, port: 0, hostname: "127.0.0.1" }, (info) => ok({ server, port: info.port }))
  })

// As `twin serve` runs it: control token, served host names, origin and content-type checks (issue 14).
const token = newControlToken()
const app = makeApp({ registry }, { token, hosts: servedHosts("127.0.0.1").hosts })
const twinSrv = await listen(app.fetch)
const bareSrv = await listen(bare.fetch)
// The load generator plays the console: the control token for USSD, a network identity for the LK login.
port.postMessage({
  type: "ready",
  twinPort: twinSrv.port,
  barePort: bareSrv.port,
  token,
  identity: registry.default.networkIdentity(LK_MSISDN),
})
port.on("message", (m: { type: string }) => {
  if (m.type !== "stop") return
  twinSrv.server.close()
  bareSrv.server.close()
  registry.close()
  rmSync(dir, { recursive: true, force: true })
  port.postMessage({ type: "stopped" })
  port.close()
})
