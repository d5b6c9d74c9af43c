// Suite 4: HTTP. USSD (POST /ussd/dial *100#) and LK (GET /lk/api/balance with a session)
// requests/s and p50/p99 against a bare hono route in the same server setup (another port of
// the same worker thread), loopback only, with autocannon; then p99 at a fixed 5,000 req/s.
import autocannon from "autocannon"
import { tsWorker } from "./lib/worker.ts"
import type { Figure, SuiteResult } from "./lib/figures.ts"

const LK_MSISDN = "79160000001"

interface Load { rps: number; p50: number; p99: number; requests: number; errors: number; non2xx: number }

const load = async (o: { url: string; method: "GET" | "POST"; body?: string; headers?: Record<string, string>; seconds: number; connections: number; rate?: number }): Promise<Load> => {
  const r = await autocannon({
    url: o.url, method: o.method, connections: o.connections, duration: o.seconds, pipelining: 1,
    headers: { "content-type": "application/json", ...o.headers }, ...(o.body !== undefined ? { body: o.body } : {}),
    ...(o.rate !== undefined ? { overallRate: o.rate } : {}),
  })
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, requests: r.requests.total, errors: r.errors + r.timeouts, non2xx: r.non2xx }
}

export const runHttp = async (opts: { quick: boolean }): Promise<SuiteResult> => {
  const seconds = opts.quick ? 3 : 8
  const w = tsWorker(new URL("./http-server.ts", import.meta.url))
  const ready = await new Promise<{ twinPort: number; barePort: number }>((ok, fail) => {
    w.once("message", (m: { type: string; twinPort: number; barePort: number }) => (m.type === "ready" ? ok(m) : fail(new Error("http server: unexpected message"))))
    w.once("error", fail)
  })
  try {
    const twin = `http://127.0.0.1:${ready.twinPort}`
    const bareUrl = `http://127.0.0.1:${ready.barePort}/bare`
    const login = await fetch(`${twin}/lk/api/login/network`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ msisdn: LK_MSISDN }) })
    const lj = (await login.json()) as { token?: string; data?: { token?: string } }
    const token = lj.token ?? lj.data?.token
    if (login.status !== 200 || token === undefined) throw new Error(`http bench: LK login failed (${login.status} ${JSON.stringify(lj).slice(0, 200)})`)
    const ussdBody = JSON.stringify({ msisdn: LK_MSISDN, code: "*100#" })
    const probe = await fetch(`${twin}/ussd/dial`, { method: "POST", headers: { "content-type": "application/json" }, body: ussdBody })
    if (probe.status !== 200) throw new Error(`http bench: USSD probe answered ${probe.status}: ${(await probe.text()).slice(0, 200)}`)
    const lkHeaders = { authorization: `Bearer ${token}` }
    const conns = 32
    // Warm-up, then saturating runs: each channel right after a bare run of the same method.
    await load({ url: bareUrl, method: "POST", body: ussdBody, seconds: 1, connections: conns })
    await load({ url: `${twin}/ussd/dial`, method: "POST", body: ussdBody, seconds: 1, connections: conns })
    const barePost = await load({ url: bareUrl, method: "POST", body: ussdBody, seconds, connections: conns })
    const ussd = await load({ url: `${twin}/ussd/dial`, method: "POST", body: ussdBody, seconds, connections: conns })
    const bareGet = await load({ url: bareUrl, method: "GET", seconds, connections: conns })
    const lk = await load({ url: `${twin}/lk/api/balance`, method: "GET", headers: lkHeaders, seconds, connections: conns })
    // Diagnostic: the twin app's own middleware stack (security headers, body limit) with no channel work.
    const health = await load({ url: `${twin}/healthz`, method: "GET", seconds, connections: conns })
    // Fixed rate: 5,000 req/s offered (autocannon paces the requests).
    const RATE = 5000
    const ussdAt = await load({ url: `${twin}/ussd/dial`, method: "POST", body: ussdBody, seconds, connections: 64, rate: RATE })
    const lkAt = await load({ url: `${twin}/lk/api/balance`, method: "GET", headers: lkHeaders, seconds, connections: 64, rate: RATE })
    const bareAt = await load({ url: bareUrl, method: "POST", body: ussdBody, seconds, connections: 64, rate: RATE })
    for (const [n, l] of [["ussd", ussd], ["lk", lk], ["ussd@5000", ussdAt], ["lk@5000", lkAt]] as const) {
      if (l.non2xx > 0 || l.errors > 0) throw new Error(`http bench: ${n} had ${l.non2xx} non-2xx answers and ${l.errors} errors`)
    }
    const fig = (name: string, l: Load, ref: Load, refName: string): Figure => ({
      suite: "http", name: `${name} req/s (p50 ${l.p50} ms, p99 ${l.p99} ms)`, value: l.rps, unit: "req/s",
      limit: { name: `${refName} (p50 ${ref.p50} ms, p99 ${ref.p99} ms)`, value: ref.rps, unit: "req/s" }, ratio: l.rps / ref.rps,
      target: "≥ 50% of bare", pass: l.rps / ref.rps >= 0.5,
    })
    const at = (name: string, l: Load): Figure => ({
      suite: "http", name: `${name} p99 at ${RATE.toLocaleString("en-US")} req/s offered (served ${Math.round(l.rps).toLocaleString("en-US")} req/s, p50 ${l.p50} ms)`, value: l.p99, unit: "ms",
      limit: { name: `bare route p99 at the same rate (served ${Math.round(bareAt.rps)} req/s)`, value: bareAt.p99, unit: "ms" },
      target: "p99 ≤ 20 ms and ≥ 95% of the offered rate served", pass: l.p99 <= 20 && l.rps >= RATE * 0.95,
    })
    return {
      suite: "http",
      title: `4. HTTP on loopback (autocannon, ${conns} connections, ${seconds} s per run; server in its own thread)`,
      figures: [
        fig("USSD POST /ussd/dial *100#", ussd, barePost, "bare hono POST"), fig("LK GET /lk/api/balance", lk, bareGet, "bare hono GET"), at("USSD", ussdAt), at("LK", lkAt),
        { ...fig("twin app GET /healthz (middleware only, diagnostic)", health, bareGet, "bare hono GET"), target: "—", pass: null },
      ],
      data: { seconds, connections: conns, barePost, bareGet, ussd, lk, health, rate: RATE, ussdAt, lkAt, bareAt },
      notes: [
        "Both servers run in one worker thread (the same @hono/node-server setup, two loopback ports); autocannon runs in the main thread, so the two cores are split between load generator and server.",
        "The twin app is the full `makeApp` of `twin serve` (security headers, body limit, channel routers) on a durable SQLite registry: every USSD dial and LK request that changes state is logged and flushed before the answer.",
      ],
    }
  } finally {
    w.postMessage({ type: "stop" })
    await new Promise<void>((ok) => {
      const t = setTimeout(() => ok(), 5000)
      w.once("message", () => {
        clearTimeout(t)
        ok()
      })
    })
    await w.terminate()
  }
}
