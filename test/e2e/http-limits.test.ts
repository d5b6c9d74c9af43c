// The 64 KB body limit over a real loopback socket: bodies that declare their length are judged
// by the header, chunked bodies by counting; GETs skip it. Nothing is stored from a refused body.
import type { ServerType } from "@hono/node-server"
import { request } from "node:http"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { makeApp, MAX_BODY_BYTES } from "../../server/app.ts"
import { Registry } from "../../core/engine/registry.ts"
import { listenOnLoopback } from "../helpers/listen.ts"
import { fastCatalog } from "../helpers/twin.ts"

let server: ServerType
let port = 0
let registry: Registry

beforeAll(async () => {
  registry = Registry.open(":memory:", { catalog: fastCatalog() })
  ;({ server, port } = await listenOnLoopback(makeApp({ registry }).fetch))
})
afterAll(() => {
  server.close()
  registry.close()
})

const send = (path: string, body: string, chunked: boolean): Promise<number> =>
  new Promise((res, rej) => {
    const headers: Record<string, string> = { "content-type": "application/json" }
    if (!chunked) headers["content-length"] = String(Buffer.byteLength(body))
    const req = request({ host: "127.0.0.1", port, path, method: "POST", headers }, (r) => {
      r.resume()
      r.on("end", () => res(r.statusCode ?? 0))
    })
    req.on("error", rej)
    if (chunked) {
      // No content-length: node sends Transfer-Encoding: chunked.
      for (let i = 0; i < body.length; i += 8192) req.write(body.slice(i, i + 8192))
    } else req.write(body)
    req.end()
  })

describe("HTTP body limit (issue 5: request size limits)", () => {
  it("a declared body over 64 KB is refused with 413; the twin is unchanged", async () => {
    const twin = registry.default
    const hash = twin.hash()
    const big = JSON.stringify({ msisdn: "79160000001", code: "*100#", pad: "x".repeat(MAX_BODY_BYTES) })
    expect(await send("/ussd/dial", big, false)).toBe(413)
    expect(
      await send(
        "/api/twins/default/commands",
        JSON.stringify({
          _tag: "TopUp",
          msisdn: "79160000001",
          amount: 100,
          method: "card",
          pad: "x".repeat(MAX_BODY_BYTES),
        }),
        false,
      ),
    ).toBe(413)
    expect(twin.hash()).toBe(hash)
  })
  it("a chunked body over 64 KB is refused with 413 while it streams", async () => {
    const twin = registry.default
    const hash = twin.hash()
    expect(
      await send(
        "/api/twins/default/commands",
        JSON.stringify({
          _tag: "TopUp",
          msisdn: "79160000001",
          amount: 100,
          method: "card",
          pad: "y".repeat(MAX_BODY_BYTES),
        }),
        true,
      ),
    ).toBe(413)
    expect(twin.hash()).toBe(hash)
  })
  it("small bodies pass, declared or chunked", async () => {
    expect(await send("/ussd/dial", JSON.stringify({ msisdn: "79160000001", code: "*100#" }), false)).toBe(200)
    expect(await send("/ussd/dial", JSON.stringify({ msisdn: "79160000001", code: "*100#" }), true)).toBe(200)
  })
})
