// Serve a fetch handler (the app) on 127.0.0.1 for tests over a real socket; port 0: an ephemeral one.
import { serve, type ServerType } from "@hono/node-server"
import type { AddressInfo } from "node:net"

export const listenOnLoopback = (
  fetch: (req: Request) => Response | Promise<Response>,
  port = 0,
): Promise<{ server: ServerType; port: number }> =>
  new Promise((ok) => {
    const server = serve({ fetch, port, hostname: "127.0.0.1" }, (info: AddressInfo) => ok({ server, port: info.port }))
  })
