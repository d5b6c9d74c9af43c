// Suite 4: HTTP. USSD (POST /ussd/dial *100#) and LK (GET /lk/api/balance with a session)
// requests/s and p50/p99 against a bare hono route in the same server setup (another port of
// the same worker thread), loopback only, with autocannon; then p99 at a fixed 5,000 req/s.
// The machine is shared, so each comparison runs as short alternating slices (bare, twin, twin,
// bare, ...) and each side is combined over its slices: req/s = completed requests / seconds,
// p50/p99 from the slices' merged latency histograms (autocannon.aggregateResult).
import autocannon from "autocannon"
import { NETWORK_IDENTITY_HEADER } from "../channels/edge/network.ts"
import { tsWorker } from "../sim/worker-thread.ts"
import type { Figure, SuiteResult } from "./lib/figures.ts"

const LK_MSISDN = "79160000001"

interface Load {
  rps: number
  p50: number
  p99: number
  requests: number
  seconds: number
  errors: number
  non2xx: number
  slices: number[]
}

interface Spec {
  url: string
  method: "GET" | "POST"
  body?: string
  headers?: Record<string, string>
  connections: number
  rate?: number
}

/** One autocannon run without its aggregate phase: the latency histogram comes back encoded. */
interface RawRun {
  latencies: string
  totalCompletedRequests: number
  samples: number
  errors: number
  timeouts: number
  non2xx: number
}

const aggregate = (
  autocannon as unknown as {
    aggregateResult: (runs: RawRun[], o: { url: string; connections: number }) => autocannon.Result
  }
).aggregateResult

/**
 * At a fixed rate, autocannon would "correct" for coordinated omission with an expected interval
 * of Math.ceil(1 / per-connection rate) = 1 ms (lib/run.js: a rate in requests per second taken as
 * an interval in ms; 5,000 req/s over 64 connections is 78 req/s, i.e. 12.8 ms apart): every
 * response of T ms would add T - 1 invented samples, so one slow response fills the tail. The
 * fixed-rate runs record each response's own time instead (ignoreCoordinatedOmission).
 */
const options = (o: Spec, seconds: number): autocannon.Options => ({
  url: o.url,
  method: o.method,
  connections: o.connections,
  duration: seconds,
  pipelining: 1,
  headers: { "content-type": "application/json", ...o.headers },
  ...(o.body !== undefined ? { body: o.body } : {}),
  ...(o.rate !== undefined ? { overallRate: o.rate, ignoreCoordinatedOmission: true } : {}),
})

const slice = async (o: Spec, seconds: number): Promise<RawRun> =>
  (await autocannon({ ...options(o, seconds), skipAggregateResult: true })) as unknown as RawRun

/** Several slices of one side as if they were one run: completed requests over measured seconds
 *  (autocannon counts responses per 1 s sample and stops on a sample tick, so a slice measures
 *  `samples` seconds; the same as a single run's average of its per-second samples), and the
 *  slices' latency histograms merged. */
const combine = (o: Spec, runs: RawRun[]): Load => {
  const a = aggregate(runs, { url: o.url, connections: o.connections })
  const requests = runs.reduce((n, r) => n + r.totalCompletedRequests, 0)
  const seconds = runs.reduce((n, r) => n + r.samples, 0)
  return {
    rps: requests / seconds,
    p50: a.latency.p50,
    p99: a.latency.p99,
    requests,
    seconds,
    errors: runs.reduce((n, r) => n + r.errors + r.timeouts, 0),
    non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
    slices: runs.map((r) => Math.round(r.totalCompletedRequests / r.samples)),
  }
}

/** Runs `perSide` slices of `slice` seconds for each spec, alternating so that no side keeps the
 *  same place: round r runs the specs rotated by r, reversed every other cycle (2 specs: AB BA BA AB ...). */
const interleaved = async <K extends string>(
  specs: Record<K, Spec>,
  perSide: number,
  sliceSeconds: number,
): Promise<Record<K, Load>> => {
  const keys = Object.keys(specs) as K[]
  const runs = Object.fromEntries(keys.map((k) => [k, [] as RawRun[]])) as Record<K, RawRun[]>
  for (let r = 0; r < perSide; r++) {
    const rot = r % keys.length
    const order = [...keys.slice(rot), ...keys.slice(0, rot)]
    if (Math.floor(r / keys.length) % 2 === 1) order.reverse()
    for (const k of order) runs[k].push(await slice(specs[k], sliceSeconds))
  }
  return Object.fromEntries(keys.map((k) => [k, combine(specs[k], runs[k])])) as Record<K, Load>
}

export const runHttp = async (opts: { quick: boolean }): Promise<SuiteResult> => {
  // Seconds per side and comparison (as one run used to be), in slices of whole seconds (autocannon
  // stops on its 1 s sample tick). The fixed-rate runs are one continuous run per side: p99 is an
  // absolute target there, and every slice start (new connections, a paced burst, answers cut off
  // in flight) would put its own artefact into the tail.
  const seconds = opts.quick ? 3 : 8
  const SLICE = 1
  const perSide = seconds / SLICE
  const w = tsWorker(new URL("./http-server.ts", import.meta.url))
  const ready = await new Promise<{ twinPort: number; barePort: number; token: string; identity: string }>(
    (ok, fail) => {
      w.once("message", (m: { type: string; twinPort: number; barePort: number; token: string; identity: string }) =>
        m.type === "ready" ? ok(m) : fail(new Error("http server: unexpected message")),
      )
      w.once("error", fail)
    },
  )
  try {
    const twin = `http://127.0.0.1:${ready.twinPort}`
    const bareUrl = `http://127.0.0.1:${ready.barePort}/bare`
    const login = await fetch(`${twin}/lk/api/login/network`, {
      method: "POST",
      headers: { "content-type": "application/json", [NETWORK_IDENTITY_HEADER]: ready.identity },
      body: JSON.stringify({ msisdn: LK_MSISDN }),
    })
    const lj = (await login.json()) as { token?: string; data?: { token?: string } }
    const token = lj.token ?? lj.data?.token
    if (login.status !== 200 || token === undefined)
      throw new Error(`http bench: LK login failed (${login.status} ${JSON.stringify(lj).slice(0, 200)})`)
    const ussdBody = JSON.stringify({ msisdn: LK_MSISDN, code: "*100#" })
    const control = { authorization: `Bearer ${ready.token}` }
    const probe = await fetch(`${twin}/ussd/dial`, {
      method: "POST",
      headers: { "content-type": "application/json", ...control },
      body: ussdBody,
    })
    if (probe.status !== 200)
      throw new Error(`http bench: USSD probe answered ${probe.status}: ${(await probe.text()).slice(0, 200)}`)
    const lkHeaders = { authorization: `Bearer ${token}` }
    const conns = 32
    const ussdSpec: Spec = {
      url: `${twin}/ussd/dial`,
      method: "POST",
      body: ussdBody,
      headers: control,
      connections: conns,
    }
    const barePostSpec: Spec = { url: bareUrl, method: "POST", body: ussdBody, connections: conns }
    const bareGetSpec: Spec = { url: bareUrl, method: "GET", connections: conns }
    const lkSpec: Spec = { url: `${twin}/lk/api/balance`, method: "GET", headers: lkHeaders, connections: conns }
    // Warm-up, then saturating runs, each channel alternating with a bare run of the same method.
    await slice(barePostSpec, 1)
    await slice(ussdSpec, 1)
    const { barePost, ussd } = await interleaved({ barePost: barePostSpec, ussd: ussdSpec }, perSide, SLICE)
    // Diagnostic alongside LK: the twin app's own middleware stack (security headers, body limit) with no channel work.
    const { bareGet, lk, health } = await interleaved(
      { bareGet: bareGetSpec, lk: lkSpec, health: { url: `${twin}/healthz`, method: "GET", connections: conns } },
      perSide,
      SLICE,
    )
    // Fixed rate: 5,000 req/s offered (autocannon paces the requests), one continuous run each.
    const RATE = 5000
    const { ussdAt, lkAt, bareAt } = await interleaved(
      {
        ussdAt: { ...ussdSpec, connections: 64, rate: RATE },
        lkAt: { ...lkSpec, connections: 64, rate: RATE },
        bareAt: { ...barePostSpec, connections: 64, rate: RATE },
      },
      1,
      seconds,
    )
    for (const [n, l] of [
      ["bare POST", barePost],
      ["ussd", ussd],
      ["bare GET", bareGet],
      ["lk", lk],
      ["healthz", health],
      ["ussd@5000", ussdAt],
      ["lk@5000", lkAt],
      ["bare@5000", bareAt],
    ] as const) {
      if (l.non2xx > 0 || l.errors > 0)
        throw new Error(`http bench: ${n} had ${l.non2xx} non-2xx answers and ${l.errors} errors`)
    }
    const fig = (name: string, l: Load, ref: Load, refName: string): Figure => ({
      suite: "http",
      name: `${name} req/s (p50 ${l.p50} ms, p99 ${l.p99} ms)`,
      value: l.rps,
      unit: "req/s",
      limit: { name: `${refName} (p50 ${ref.p50} ms, p99 ${ref.p99} ms)`, value: ref.rps, unit: "req/s" },
      ratio: l.rps / ref.rps,
      target: "≥ 50% of bare",
      pass: l.rps / ref.rps >= 0.5,
    })
    const at = (name: string, l: Load): Figure => ({
      suite: "http",
      name:
        `${name} p99 at ${RATE.toLocaleString("en-US")} req/s offered ` +
        `(served ${Math.round(l.rps).toLocaleString("en-US")} req/s, p50 ${l.p50} ms)`,
      value: l.p99,
      unit: "ms",
      limit: {
        name: `bare route p99 at the same rate (served ${Math.round(bareAt.rps)} req/s)`,
        value: bareAt.p99,
        unit: "ms",
      },
      target: "p99 ≤ 20 ms and ≥ 95% of the offered rate served",
      pass: l.p99 <= 20 && l.rps >= RATE * 0.95,
    })
    return {
      suite: "http",
      title:
        `4. HTTP on loopback (autocannon, ${conns} connections, ${seconds} s per side in alternating ` +
        `slices; server in its own thread)`,
      figures: [
        fig("USSD POST /ussd/dial *100#", ussd, barePost, "bare hono POST"),
        fig("LK GET /lk/api/balance", lk, bareGet, "bare hono GET"),
        at("USSD", ussdAt),
        at("LK", lkAt),
        {
          ...fig("twin app GET /healthz (middleware only, diagnostic)", health, bareGet, "bare hono GET"),
          target: "—",
          pass: null,
        },
      ],
      data: {
        seconds,
        slice: SLICE,
        slicesPerSide: perSide,
        rateRunSeconds: seconds,
        connections: conns,
        barePost,
        bareGet,
        ussd,
        lk,
        health,
        rate: RATE,
        ussdAt,
        lkAt,
        bareAt,
      },
      notes: [
        "Both servers run in one worker thread (the same @hono/node-server setup, two loopback ports); " +
          "autocannon runs in the main thread, so the two cores are split between load generator and server.",
        `Machine conditions drift (other processes share the two cores), so each comparison alternates short ` +
          `slices instead of one long run per side: ${perSide} slices of ${SLICE} s per side at saturation, in ` +
          `rotating order (bare, twin, twin, bare, ...; LK, bare GET and /healthz rotate as three). At 5,000 ` +
          `req/s offered (64 connections) each side is one continuous ${seconds} s run: the p99 target is ` +
          `absolute, and slice starts would add their own tail. Those runs record each response's own latency: ` +
          `autocannon's coordinated-omission correction would assume requests 1 ms apart on each connection ` +
          `(they are 12.8 ms apart) and invent T − 1 samples for every response of T ms. Per side, req/s = ` +
          `completed requests / measured seconds over all its slices, and p50/p99 are true combined ` +
          `percentiles of the slices' latency histograms merged into one (autocannon.aggregateResult). ` +
          `Per-slice req/s are in the JSON data.`,
        "The twin app is the full `makeApp` of `twin serve` (control token, host, origin and content-type " +
          "checks, security headers, body limit, channel routers) on a durable SQLite registry: every USSD " +
          "dial and LK request that changes state is logged and flushed before the answer.",
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
