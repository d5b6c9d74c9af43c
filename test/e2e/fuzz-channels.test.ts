// Fuzzing every channel entry point (USSD strings, DTMF, SMS texts, JSON bodies, query strings,
// headers) with generated junk, huge inputs, wrong encodings and injection strings. Each request
// is a QA step: never a 5xx; a refusal is a clear 4xx or a channel error with the state hash and
// the log unchanged (wrong codes may only be counted: I6); an acceptance must keep every invariant.
import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { makeApp } from "../../server/app.ts"
import type { EventType } from "../../core/domain/events.ts"
import { inboxOf } from "../../core/engine/views.ts"
import {
  CORE_INVARIANTS,
  defaultQaCatalog,
  openQaTwin,
  QaRun,
  seedFor,
  propsConfig,
  type Executor,
  type QaTwin,
  type Step,
} from "../../qa/index.ts"

const A = "79990000001"
const B = "79990000002"
const INJECTIONS = [
  "' OR 1=1 --",
  '"; DROP TABLE events; --',
  "<script>alert(1)</script>",
  "${sms.3339}",
  "{{7*7}}",
  "../../../etc/passwd",
  "\u0000",
  "%00",
  "\r\nX-Injected: 1",
  "*100#*100#*100#",
  "#",
  "*",
  "**",
  `*111*${"1*".repeat(500)}#`,
  "７９１６",
  "😀😀😀",
  "\uD800",
  "NaN",
  "-1",
  "1e309",
  "__proto__",
  "constructor",
  "null",
  "[]",
  "{}",
  "Да",
  "ДА ",
  "2163",
  "",
  " ",
  "0".repeat(10_000),
  "Я".repeat(70_000),
]
const junk: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...INJECTIONS) },
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1000, maxLength: 5000 }) },
  { weight: 1, arbitrary: fc.stringMatching(/^[*#0-9]{1,30}$/) },
)
/** Percent-encode even lone surrogates (they become U+FFFD, as a gateway would send them). */
const enc = (s: string): string => {
  try {
    return encodeURIComponent(s)
  } catch {
    return encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, "\uFFFD"))
  }
}
const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  junk,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(junk, { maxLength: 3 }),
  fc.dictionary(junk, junk, { maxKeys: 3 }),
)
const junkObject = (keys: readonly string[]): fc.Arbitrary<Record<string, unknown>> =>
  fc.record(Object.fromEntries(keys.map((k) => [k, junkValue])), { requiredKeys: [] })

type Body = { kind: "json"; value: unknown } | { kind: "raw"; bytes: Uint8Array; type: string }
interface Req {
  entry: string
  method: "GET" | "POST" | "DELETE"
  path: string
  body?: Body
  headers?: Record<string, string>
  auth?: "lk" | "app" | "kiosk"
}

const msisdnish = fc.oneof(fc.constantFrom(A, B, "79990000099", "89990000001", "+79990000001"), junk)
const LK_POSTS = [
  "/topup",
  "/promised-payment",
  "/autopay",
  "/transfer",
  "/services/connect",
  "/services/disconnect",
  "/packages/buy",
  "/tariff",
  "/block",
  "/unblock",
  "/linked/request",
  "/linked/confirm",
  "/linked/remove",
  "/family/invite",
  "/family/remove",
  "/password",
  "/notifications",
  "/bonuses/exchange",
]
const LK_GETS = [
  "/overview",
  "/balance",
  "/packages",
  "/expenses",
  "/services",
  "/tariffs",
  "/linked",
  "/family",
  "/personal",
  "/bonuses",
  "/promised-payment",
]
const FIELDS = [
  "msisdn",
  "amount",
  "method",
  "to",
  "service",
  "offer",
  "tariff",
  "confirmed",
  "target",
  "code",
  "member",
  "minutes",
  "sms",
  "dataMb",
  "password",
  "charges",
  "mode",
  "day",
  "threshold",
  "secret",
  "text",
  "keys",
  "number",
  "from",
  "_tag",
  "by",
  "usage",
]

const requestArb: fc.Arbitrary<Req> = fc.oneof(
  fc
    .record({ msisdn: msisdnish, code: junk })
    .map((b): Req => ({ entry: "USSD dial", method: "POST", path: "/ussd/dial", body: { kind: "json", value: b } })),
  fc
    .record({ msisdn: msisdnish, text: junk })
    .map((b): Req => ({ entry: "USSD reply", method: "POST", path: "/ussd/reply", body: { kind: "json", value: b } })),
  fc.tuple(junk, junk).map(
    ([p, t]): Req => ({
      entry: "USSD gateway callback",
      method: "POST",
      path: "/ussd",
      body: {
        kind: "raw",
        bytes: new TextEncoder().encode(`sessionId=${enc(p)}&phoneNumber=%2B${A}&text=${enc(t)}`),
        type: "application/x-www-form-urlencoded",
      },
    }),
  ),
  fc
    .record({ msisdn: msisdnish, number: junk })
    .map((b): Req => ({ entry: "IVR call", method: "POST", path: "/ivr/calls", body: { kind: "json", value: b } })),
  fc.tuple(junk, junk).map(
    ([id, keys]): Req => ({
      entry: "IVR DTMF",
      method: "POST",
      path: `/ivr/calls/${enc(id)}/dtmf`,
      body: { kind: "json", value: { keys } },
    }),
  ),
  fc
    .record({ from: msisdnish, to: fc.oneof(fc.constantFrom("111", "6262", "3339", "MTS", B), junk), text: junk })
    .map((b): Req => ({ entry: "SMS in", method: "POST", path: "/sms/send", body: { kind: "json", value: b } })),
  junk.map((m): Req => ({ entry: "SMS inbox", method: "GET", path: `/sms/inbox/${enc(m)}` })),
  fc
    .record({ msisdn: msisdnish, secret: junk })
    .map((b): Req => ({ entry: "LK login", method: "POST", path: "/lk/api/login", body: { kind: "json", value: b } })),
  fc
    .record({ msisdn: msisdnish })
    .map((b): Req => ({ entry: "LK otp", method: "POST", path: "/lk/api/otp", body: { kind: "json", value: b } })),
  fc
    .tuple(fc.constantFrom(...LK_POSTS), junkObject(FIELDS), fc.constantFrom("lk", "app") as fc.Arbitrary<"lk" | "app">)
    .map(
      ([p, b, ch]): Req => ({
        entry: `${ch.toUpperCase()} JSON body`,
        method: "POST",
        path: `/${ch}/api${p}`,
        body: { kind: "json", value: b },
        auth: ch,
      }),
    ),
  fc
    .tuple(
      fc.constantFrom(...LK_GETS),
      fc.dictionary(fc.constantFrom("msisdn", "from", "to", "period", "twin", "limit"), junk, { maxKeys: 3 }),
    )
    .map(
      ([p, q]): Req => ({
        entry: "LK query string",
        method: "GET",
        path: `/lk/api${p}?${new URLSearchParams(q).toString()}`,
        auth: "lk",
      }),
    ),
  fc.record({ msisdn: msisdnish, code: junk }).map(
    (b): Req => ({
      entry: "kiosk login",
      method: "POST",
      path: "/kiosk/api/login",
      body: { kind: "json", value: b },
    }),
  ),
  fc
    .tuple(fc.constantFrom("/services/connect", "/tariff", "/topup-cash", "/services/disconnect"), junkObject(FIELDS))
    .map(
      ([p, b]): Req => ({
        entry: "kiosk JSON body",
        method: "POST",
        path: `/kiosk/api${p}`,
        body: { kind: "json", value: b },
        auth: "kiosk",
      }),
    ),
  junkObject(FIELDS).map(
    (b): Req => ({
      entry: "control command",
      method: "POST",
      path: "/api/twins/qa/commands",
      body: { kind: "json", value: b },
    }),
  ),
  fc
    .tuple(
      fc.constantFrom(
        "/ussd/dial",
        "/sms/send",
        "/lk/api/topup",
        "/app/api/transfer",
        "/kiosk/api/start",
        "/api/twins/qa/commands",
        "/ivr/calls",
      ),
      fc.uint8Array({ maxLength: 300 }),
      fc.constantFrom("application/json", "text/plain; charset=koi8-r", "application/json; charset=utf-16", ""),
    )
    .map(
      ([p, bytes, type]): Req => ({
        entry: "wrong encoding / not JSON",
        method: "POST",
        path: p,
        body: { kind: "raw", bytes, type },
        auth: p.startsWith("/app") ? "app" : p.startsWith("/lk") ? "lk" : undefined,
      }),
    ),
  fc
    .tuple(
      fc.constantFrom("/lk/api/balance", "/app/api/overview", "/kiosk/api/balance", "/ussd/dial"),
      junk,
      junk,
      junk,
    )
    .map(
      ([p, tw, au, ck]): Req => ({
        entry: "headers",
        method: p === "/ussd/dial" ? "POST" : "GET",
        path: p,
        headers: {
          "x-twin": tw.replace(/[^\x20-\x7e]/g, "?"),
          authorization: `Bearer ${au.replace(/[^\x20-\x7e]/g, "?")}`,
          cookie: ck.replace(/[^\x20-\x7e]/g, "?").replace(/;/g, ""),
        },
        body: p === "/ussd/dial" ? { kind: "json", value: { msisdn: A, code: "*100#" } } : undefined,
      }),
    ),
  fc.constantFrom("/ussd/dial", "/sms/send", "/lk/api/topup").map(
    (p): Req => ({
      entry: "huge body",
      method: "POST",
      path: p,
      body: { kind: "json", value: { msisdn: A, text: "Ж".repeat(200_000) } },
      auth: "lk",
    }),
  ),
)

/** Events a refused request may still record: counted wrong codes and their notices (I6). */
const REFUSAL_EVENTS = new Set<EventType>(["LoginFailed", "KioskLogin", "LinkFailed", "SmsDelivered", "SessionEnded"])

describe("fuzzing every channel entry point", () => {
  let t: QaTwin
  let run: QaRun
  const tokens: Partial<Record<"lk" | "app" | "kiosk", string>> = {}
  const stats = new Map<string, { tried: number; refused: number; accepted: number }>()
  let current: Req | null = null
  let lastStatus = 0

  beforeAll(async () => {
    t = openQaTwin(defaultQaCatalog(), "1")
    const app = makeApp({ registry: t.registry })
    const exec: Executor = {
      twin: t.twin,
      execute: async () => {
        const r = current as Req
        const headers: Record<string, string> = { "x-twin": "qa", ...(r.headers ?? {}) }
        const token = r.auth === undefined ? undefined : tokens[r.auth]
        if (token !== undefined && r.headers?.authorization === undefined) headers.authorization = `Bearer ${token}`
        let body: string | Uint8Array | undefined
        if (r.body?.kind === "json") {
          headers["content-type"] = "application/json"
          body = JSON.stringify(r.body.value) ?? "null"
        } else if (r.body?.kind === "raw") {
          if (r.body.type !== "") headers["content-type"] = r.body.type
          body = r.body.bytes
        }
        const res = await app.fetch(
          new Request(`http://twin.local${r.path}`, {
            method: r.method,
            headers,
            ...(body !== undefined ? { body } : {}),
          }),
        )
        lastStatus = res.status
        const text = await res.text()
        let code: string | null = null
        try {
          const j = JSON.parse(text) as { error?: { code?: unknown }; ok?: unknown }
          if (j.error !== undefined) code = typeof j.error.code === "string" ? j.error.code : "ERROR"
        } catch {
          // Text and HTML answers (USSD gateway, pages) carry no JSON error.
        }
        const ok = res.status < 400 && code === null
        return { ok, code: ok ? null : (code ?? `HTTP_${res.status}`), via: r.entry }
      },
    }
    run = new QaRun(exec, t.start, CORE_INVARIANTS)
    for (const [m, tariff] of [
      [A, "my-mts"],
      [B, "smart"],
    ] as const) {
      t.twin.execute({
        _tag: "CreateSubscriber",
        msisdn: m,
        name: `Абонент ${m.slice(-4)}`,
        tariff,
        balance: 100_000,
        services: ["e-assistant"],
      })
    }
    // Sessions for the authenticated entry points (codes read from A's inbox, as a handset would).
    for (const ch of ["lk", "app"] as const) {
      await app.fetch(
        new Request(`http://twin.local/${ch}/api/otp`, {
          method: "POST",
          headers: { "x-twin": "qa", "content-type": "application/json" },
          body: JSON.stringify({ msisdn: A }),
        }),
      )
      const code = /(\d{4})/.exec(inboxOf(t.twin, A).at(-1)?.text ?? "")?.[1] ?? ""
      const r = await app.fetch(
        new Request(`http://twin.local/${ch}/api/login`, {
          method: "POST",
          headers: { "x-twin": "qa", "content-type": "application/json" },
          body: JSON.stringify({ msisdn: A, secret: code }),
        }),
      )
      tokens[ch] = ((await r.json()) as { token?: string }).token
    }
    t.twin.execute({ _tag: "RequestKioskCode", msisdn: A })
    const kcode = /(\d{6})/.exec(inboxOf(t.twin, A).at(-1)?.text ?? "")?.[1] ?? ""
    const k = await app.fetch(
      new Request("http://twin.local/kiosk/api/login", {
        method: "POST",
        headers: { "x-twin": "qa", "content-type": "application/json" },
        body: JSON.stringify({ msisdn: A, code: kcode }),
      }),
    )
    tokens.kiosk = ((await k.json()) as { token?: string }).token
    expect(tokens.lk && tokens.app && tokens.kiosk).toBeTruthy()
    run = new QaRun(exec, t.start, CORE_INVARIANTS)
  })
  afterAll(() => {
    t.registry.store.close()
    const rows = [...stats.entries()].sort()
    console.log(
      `[qa] fuzz: ${rows.reduce((a, [, s]) => a + s.tried, 0)} bad inputs over ${rows.length} entry points, 0 crashes (no 5xx)\n` +
        rows
          .map(
            ([e, s]) =>
              `  ${e.padEnd(28)} tried ${String(s.tried).padStart(4)}  refused ${String(s.refused).padStart(4)} ` +
              ` accepted ${String(s.accepted).padStart(4)}`,
          )
          .join("\n"),
    )
  })

  it("I1–I7, I9 under junk: never a 5xx; a refusal leaves state hash and log unchanged (counted wrong codes aside)", async () => {
    const cfg = propsConfig()
    const seed = seedFor(cfg.seed, "fuzz channels")
    const numRuns = Math.max(200, cfg.runs * 8)
    await fc.assert(
      fc.asyncProperty(requestArb, async (r) => {
        current = r
        const hash0 = t.twin.hash()
        const seq0 = t.twin.state.seq
        const step: Step = { t: "http", entry: r.entry, method: r.method, path: r.path.slice(0, 200) }
        const out = await run.step(step)
        const s = stats.get(r.entry) ?? { tried: 0, refused: 0, accepted: 0 }
        s.tried++
        if (out.ok) s.accepted++
        else s.refused++
        stats.set(r.entry, s)
        if (lastStatus >= 500) throw new Error(`${r.entry} ${r.method} ${r.path.slice(0, 80)} answered ${lastStatus}`)
        if (!out.ok) {
          const added = [...t.twin.log.read(seq0)]
          const foreign = added.filter((e) => !REFUSAL_EVENTS.has(e.type))
          if (foreign.length > 0)
            throw new Error(`${r.entry} refused (${out.code}) but recorded ${foreign.map((e) => e.type).join(", ")}`)
          if (added.length === 0 && t.twin.hash() !== hash0)
            throw new Error(`${r.entry} refused (${out.code}) and changed the state hash with no event`)
        }
      }),
      { numRuns, seed },
    )
    console.log(`[qa] fuzz channels: ${numRuns} runs passed (seed ${seed}, base seed ${cfg.seed})`)
    expect(stats.size).toBeGreaterThan(10)
  })
})
