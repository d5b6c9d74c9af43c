// Caps of one server (issue 15: bounded work), each a clear answer instead of a stall or a reset:
// twins per server (503), live event streams (503), open connections (503 on the raw socket),
// slow request bodies (408 from the request timeout).
import { serve, type ServerType } from "@hono/node-server"
import { connect, type Socket } from "node:net"
import type { AddressInfo } from "node:net"
import type { Server } from "node:http"
import { describe, expect, it } from "vitest"
import { makeApp } from "../../server/app.ts"
import { DEFAULT_LIMITS, limitServer, serverOptions, type Limits } from "../../channels/limits.ts"
import { Registry } from "../../core/engine/registry.ts"
import { fastCatalog } from "../helpers/twin.ts"

const listen = (
  fetch: (r: Request) => Response | Promise<Response>,
  limits: Limits,
): Promise<{ server: ServerType; port: number }> =>
  new Promise((ok) => {
    const server = serve(
      { fetch, port: 0, hostname: "127.0.0.1", serverOptions: serverOptions(limits) },
      (info: AddressInfo) => ok({ server, port: info.port }),
    )
    limitServer(server as Server, limits)
  })

/** Open a raw socket, send `head`, and collect what the server sends until it closes (or `ms`). */
const raw = (port: number, head: string, ms = 15_000): Promise<{ socket: Socket; answer: Promise<string> }> =>
  new Promise((ok, fail) => {
    const socket = connect(port, "127.0.0.1", () => {
      if (head !== "") socket.write(head)
      let got = ""
      const answer = new Promise<string>((done) => {
        const timer = setTimeout(() => done(got), ms)
        socket.on("data", (d: Buffer) => {
          got += d.toString()
        })
        socket.on("close", () => {
          clearTimeout(timer)
          done(got)
        })
        socket.on("error", () => undefined)
      })
      ok({ socket, answer })
    })
    socket.once("error", fail)
  })

describe("server caps (issue 15)", () => {
  it("twins per server: beyond the cap the control API answers 503 CAPACITY naming the field", async () => {
    const registry = Registry.open(":memory:", { createDefault: false, catalog: fastCatalog(), maxTwins: 2 })
    const app = makeApp({ registry })
    const create = () =>
      app.request("/api/twins", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ demo: false }),
      })
    expect((await create()).status).toBe(201)
    expect((await create()).status).toBe(201)
    const third = await create()
    expect(third.status).toBe(503)
    expect(((await third.json()) as { error: unknown }).error).toMatchObject({ code: "CAPACITY", field: "twins" })
    expect(registry.list().length).toBe(2)
  })

  it("live event streams: beyond the cap a new stream gets 503; a closed stream frees its place", async () => {
    const registry = Registry.open(":memory:", { createDefault: false, catalog: fastCatalog() })
    registry.create({ id: "s", demo: false })
    const app = makeApp({ registry }, { sseClients: 1 })
    const open = () => app.request("/console/twins/s/stream")
    const first = await open()
    expect(first.status).toBe(200)
    expect(first.headers.get("content-type")).toMatch(/^text\/event-stream/)
    const reader = first.body?.getReader()
    await reader?.read()
    const second = await open()
    expect(second.status).toBe(503)
    expect(((await second.json()) as { error: unknown }).error).toMatchObject({ code: "CAPACITY", field: "stream" })
    await reader?.cancel()
    const third = await open()
    expect(third.status).toBe(200)
    await third.body?.cancel()
  })

  it("open connections: beyond the cap the client reads a 503 before the socket closes", async () => {
    const registry = Registry.open(":memory:", { createDefault: false, catalog: fastCatalog() })
    registry.create({ id: "default", demo: false })
    const limits: Limits = { ...DEFAULT_LIMITS, connections: 2, headersTimeoutMs: 1000, requestTimeoutMs: 1500 }
    const { server, port } = await listen(makeApp({ registry }).fetch, limits)
    try {
      const a = await raw(port, "")
      const b = await raw(port, "")
      const c = await raw(port, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
      const refused = await c.answer
      expect(refused).toMatch(/^HTTP\/1\.1 503 Service Unavailable/)
      expect(refused).toMatch(/"code":"CAPACITY","field":"connection"/)
      a.socket.destroy()
      b.socket.destroy()
    } finally {
      server.close()
    }
  })

  it("slow request bodies: a body that never finishes gets 408 from the request timeout, and the connection is closed", async () => {
    const registry = Registry.open(":memory:", { createDefault: false, catalog: fastCatalog() })
    const t = registry.create({ id: "default", demo: false })
    const limits: Limits = { ...DEFAULT_LIMITS, headersTimeoutMs: 1000, requestTimeoutMs: 1500 }
    const { server, port } = await listen(makeApp({ registry }).fetch, limits)
    try {
      const slow = await raw(
        port,
        'POST /api/twins/default/commands HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"_tag":',
      )
      expect(await slow.answer).toMatch(/^HTTP\/1\.1 408/)
      expect(t.state.seq).toBe(0)
    } finally {
      server.close()
    }
  })
})

describe("durability level (issue 15)", () => {
  it("--durability full sets SQLite synchronous=FULL (read back from SQLite); the default is normal", async () => {
    const { mkdtempSync, rmSync } = await import("node:fs")
    const { tmpdir } = await import("node:os")
    const { join } = await import("node:path")
    const dir = mkdtempSync(join(tmpdir(), "twin-durability-"))
    try {
      const full = Registry.open(join(dir, "full.db"), { createDefault: false, store: { durability: "full" } })
      expect(full.store.durability).toBe("full")
      full.close()
      const normal = Registry.open(join(dir, "normal.db"), { createDefault: false })
      expect(normal.store.durability).toBe("normal")
      normal.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
