// Issue 9: the security headers of every answer are set in one step (precomputed record; JSON
// answers carry them from the start). They must stay exactly hono's `secureHeaders` with the
// twin's CSP, on JSON answers, pages, 404s and 413s, in-process and over a real socket.
import type { ServerType } from "@hono/node-server"
import { onMobileData } from "../helpers/edge.ts"
import { Hono } from "hono"
import { secureHeaders } from "hono/secure-headers"
import { request } from "node:http"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { makeApp, MAX_BODY_BYTES } from "../../server/app.ts"
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from "../../channels/security.ts"
import { Registry } from "../../core/engine/registry.ts"
import { listenOnLoopback } from "../helpers/listen.ts"
import { fastCatalog } from "../helpers/twin.ts"

/** What hono's middleware sets with the options the app used before issue 9. */
const honoReference = async (): Promise<Record<string, string>> => {
  const ref = new Hono()
  ref.use(
    "*",
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
      },
    }),
  )
  ref.get("/", (c) => c.text("x"))
  const r = await ref.request("/")
  const out: Record<string, string> = {}
  for (const [k, v] of r.headers) if (k !== "content-type") out[k] = v
  return out
}

const lower = (h: Readonly<Record<string, string>>): Record<string, string> =>
  Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]))

const securityOf = (h: Headers | Record<string, string | string[] | undefined>): Record<string, string> => {
  const out: Record<string, string> = {}
  const get = (k: string) => (h instanceof Headers ? (h.get(k) ?? undefined) : h[k])
  for (const k of Object.keys(lower(SECURITY_HEADERS))) {
    const v = get(k)
    if (v !== undefined) out[k] = String(v)
  }
  return out
}

let registry: Registry
let app: Hono
let server: ServerType
let port = 0

beforeAll(async () => {
  registry = Registry.open(":memory:", { catalog: fastCatalog() })
  registry.default.execute({ _tag: "SetNetwork", msisdn: "79160000001", mobileData: true })
  app = makeApp({ registry })
  ;({ server, port } = await listenOnLoopback(app.fetch))
})
afterAll(() => {
  server.close()
  registry.close()
})

const wire = (
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> =>
  new Promise((ok, fail) => {
    const req = request({ host: "127.0.0.1", port, path, method, headers }, (r) => {
      r.resume()
      r.on("end", () => ok({ status: r.statusCode ?? 0, headers: r.headers }))
    })
    req.on("error", fail)
    if (body !== undefined) req.write(body)
    req.end()
  })

describe("security headers (issue 9: one precomputed set)", () => {
  it("the precomputed set is exactly hono's secureHeaders with the twin's CSP", async () => {
    expect(lower(SECURITY_HEADERS)).toEqual(await honoReference())
    expect(SECURITY_HEADERS["Content-Security-Policy"]).toBe(CONTENT_SECURITY_POLICY)
  })

  it("every kind of answer carries the whole set, in-process and on the wire", async () => {
    const expected = lower(SECURITY_HEADERS)
    const login = await app.request("/lk/api/login/network", {
      method: "POST",
      headers: { "content-type": "application/json", ...onMobileData(registry.default, "79160000001") },
      body: JSON.stringify({ msisdn: "79160000001" }),
    })
    expect(login.status).toBe(200)
    const { token } = (await login.json()) as { token: string }
    const auth = { authorization: `Bearer ${token}` }
    const dial = JSON.stringify({ msisdn: "79160000001", code: "*100#" })
    const json = { "content-type": "application/json" }
    const cases: Array<[string, string, Record<string, string>, string | undefined, number]> = [
      ["GET", "/lk/api/balance", auth, undefined, 200],
      ["GET", "/lk/api/balance", {}, undefined, 401],
      ["POST", "/ussd/dial", json, dial, 200],
      ["POST", "/ussd/dial", json, "{", 400],
      ["GET", "/healthz", {}, undefined, 200],
      ["GET", "/no/such/path", {}, undefined, 404],
      ["GET", "/lk/login", {}, undefined, 200],
      ["POST", "/ussd/dial", json, JSON.stringify({ pad: "x".repeat(MAX_BODY_BYTES) }), 413],
    ]
    for (const [method, path, headers, body, status] of cases) {
      const r = await app.request(path, { method, headers, ...(body === undefined ? {} : { body }) })
      expect(r.status, `${method} ${path}`).toBe(status)
      expect(securityOf(r.headers), `${method} ${path}`).toEqual(expected)
      expect(r.headers.get("x-powered-by")).toBeNull()
      const w = await wire(
        method,
        path,
        body === undefined ? headers : { ...headers, "content-length": String(Buffer.byteLength(body)) },
        body,
      )
      expect(w.status, `wire ${method} ${path}`).toBe(status)
      expect(securityOf(w.headers), `wire ${method} ${path}`).toEqual(expected)
    }
  })

  it("JSON answers keep their content type; pages keep theirs and their cookies", async () => {
    const h = await app.request("/healthz")
    expect(h.headers.get("content-type")).toBe("application/json")
    expect(await h.json()).toEqual({ ok: true })
    const page = await app.request("/lk/login")
    expect(page.headers.get("content-type")).toMatch(/^text\/html/)
    expect(page.headers.getSetCookie().join(";")).toMatch(/twin_csrf=[a-f0-9]{32}/)
  })
})
