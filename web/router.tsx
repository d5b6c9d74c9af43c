// The trainer console's routes: the page at GET /, its two assets (the client bundled from
// web/client/ on first request, and the stylesheet), a read model of the
// selected subscriber, the twin's timeline and a Server-Sent Events stream of committed events.
// Channel actions go through the channels' own HTTP APIs (driven in-process via `fetcher`).
import { readFileSync } from "node:fs"
import { twinNotFoundBody } from "../channels/edge/twin.ts"
import { Hono, type Context } from "hono"
import { streamSSE } from "hono/streaming"
import { Result } from "effect"
import type { Event } from "../core/domain/events.ts"
import { eventsOf } from "../core/engine/views.ts"
import { errorBody, statusFor, type ChannelDeps } from "../channels/context.ts"
import type { Fetcher } from "../channels/driver.ts"
import { board } from "./board.ts"
import { clientBundle } from "./client-bundle.ts"
import { describe, type TimelineItem } from "../channels/text/events.ts"
import { ConsolePage } from "./page.tsx"
import { type LibraryEntry, ScenarioPlayer } from "./scenario-player.ts"

const asset = (name: string): string => readFileSync(new URL(`./${name}`, import.meta.url), "utf8")

/** At most this many timeline items go out in one message (a month of advance can commit thousands). */
const MAX_ITEMS = 300
/** Keep-alive comment interval for idle SSE connections (transport only; not twin time). */
const KEEPALIVE_MS = 15_000

/** Bookkeeping events no panel shows (a session's idle timer moving): not streamed, not listed. */
const QUIET: ReadonlySet<string> = new Set(["SessionTouched"])

const notFound = twinNotFoundBody

// What the console client (web/client/) reads from these routes; it imports these types.

/** GET /console/api/twins/:id/timeline: the newest described events after `after`. */
export interface Timeline {
  seq: number
  items: TimelineItem[]
}

/** GET /console/api/library: the library's scenarios and the scenario name of each scenario twin. */
export interface Library {
  scenarios: LibraryEntry[]
  running: Record<string, string>
}

/** One `events` message of the twin's stream: a committed batch, described. */
export interface StreamBatch {
  seq: number
  now: number
  count: number
  msisdns: string[]
  items: TimelineItem[]
}

export const webRouter = (deps: ChannelDeps, fetcher: Fetcher): Hono => {
  const r = new Hono()
  const css = asset("console.css")
  const reg = deps.registry
  const player = new ScenarioPlayer(reg, fetcher)

  r.get("/", (c) => {
    const countries = [...reg.defaultCatalog.data.countries]
      .map((x) => ({ code: x.code, name: x.name }))
      .sort((a, b) => a.name.localeCompare(b.name, "ru"))
    return c.html(`<!doctype html>${String(<ConsolePage countries={countries} />)}`)
  })
  r.get("/console/client.js", async (c) =>
    c.body(await clientBundle(), 200, {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "no-cache",
    }),
  )
  r.get("/console/console.css", (c) =>
    c.body(css, 200, { "content-type": "text/css; charset=utf-8", "cache-control": "no-cache" }),
  )

  r.get("/console/api/twins/:id/board/:msisdn", (c) => {
    const t = reg.get(c.req.param("id"))
    if (t === undefined) return c.json(notFound(c.req.param("id")), 404)
    const b = board(t, c.req.param("msisdn"))
    return Result.isFailure(b) ? c.json(errorBody(b.failure), statusFor(b.failure)) : c.json(b.success)
  })

  r.get("/console/api/twins/:id/timeline", (c) => {
    const t = reg.get(c.req.param("id"))
    if (t === undefined) return c.json(notFound(c.req.param("id")), 404)
    const after = Math.max(0, Math.floor(Number(c.req.query("after") ?? "0")) || 0)
    const start = Math.max(after, t.state.seq - MAX_ITEMS)
    return c.json({
      seq: t.state.seq,
      items: eventsOf(t, start, MAX_ITEMS)
        .filter((e) => !QUIET.has(e.type))
        .map((e) => describe(t, e)),
    } satisfies Timeline)
  })

  // Scenario playback: load a YAML file onto a fresh twin, then release it step by step.
  r.get("/console/api/library", (c) =>
    c.json({ scenarios: player.library(), running: player.names() } satisfies Library),
  )
  r.post("/console/api/scenarios", async (c) => {
    const body: unknown = await c.req.json().catch(() => null)
    const b = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>
    if (typeof b.library === "string") {
      const lib = await player.loadLibrary(b.library)
      if (lib === null)
        return c.json(
          {
            error: {
              code: "INVALID_FIELD",
              field: "library",
              message: `library: no scenario "${b.library.slice(0, 100)}" in the library`,
              ru: "Сценарий не найден в библиотеке",
            },
          },
          400,
        )
      if (!lib.ok)
        return c.json(
          {
            error: {
              code: "INVALID_FIELD",
              field: "library",
              message: lib.errors.join("\n"),
              ru: "Ошибки в файле сценария",
            },
            errors: lib.errors,
          },
          400,
        )
      return c.json(lib)
    }
    if (typeof b.yaml !== "string" || b.yaml.trim() === "")
      return c.json(
        {
          error: {
            code: "INVALID_FIELD",
            field: "yaml",
            message: "yaml: expected the scenario file text",
            ru: "Выберите файл сценария",
          },
        },
        400,
      )
    const file = typeof b.file === "string" && b.file !== "" ? b.file.slice(0, 200) : "scenario.yaml"
    const out = await player.load(file, b.yaml)
    if (!out.ok)
      return c.json(
        {
          error: {
            code: "INVALID_FIELD",
            field: "yaml",
            message: out.errors.join("\n"),
            ru: "Ошибки в файле сценария",
          },
          errors: out.errors,
        },
        400,
      )
    return c.json(out)
  })
  const playStep =
    (mode: "next" | "all") =>
    async (c: Context): Promise<Response> => {
      const play = player.get(c.req.param("id") ?? "")
      if (play === undefined)
        return c.json(
          {
            error: { code: "NOT_FOUND", field: "id", message: "id: no such scenario run", ru: "Сценарий не загружен" },
          },
          404,
        )
      if (mode === "next") await play.next()
      else await play.all()
      return c.json(play.state())
    }
  r.post("/console/api/scenarios/:id/next", playStep("next"))
  r.post("/console/api/scenarios/:id/all", playStep("all"))

  // Live updates: one message per committed batch of the twin, with its events described.
  r.get("/console/twins/:id/stream", (c) => {
    const t = reg.get(c.req.param("id"))
    if (t === undefined) return c.json(notFound(c.req.param("id")), 404)
    return streamSSE(c, async (stream) => {
      const pending: Event[] = []
      let wake: (() => void) | null = null
      let closed = false
      const off = t.subscribe((evs) => {
        for (const e of evs) if (!QUIET.has(e.type)) pending.push(e)
        wake?.()
      })
      stream.onAbort(() => {
        closed = true
        off()
        wake?.()
      })
      let last = t.state.seq
      await stream.writeSSE({ event: "hello", data: JSON.stringify({ seq: last, now: t.now }) })
      while (!closed) {
        if (pending.length === 0) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, KEEPALIVE_MS)
            wake = () => {
              clearTimeout(timer)
              resolve()
            }
          })
          wake = null
          if (pending.length === 0 && !closed) await stream.write(": keep-alive\n\n")
          continue
        }
        const batch = pending.splice(0, pending.length).filter((e) => e.seq > last)
        if (batch.length === 0) continue
        last = batch[batch.length - 1]?.seq ?? last
        const items: TimelineItem[] = batch.slice(-MAX_ITEMS).map((e) => describe(t, e))
        const msisdns = [
          ...new Set(
            batch.map((e) => ("msisdn" in e ? e.msisdn : "owner" in e ? e.owner : "")).filter((m) => m !== ""),
          ),
        ]
        await stream.writeSSE({
          event: "events",
          id: String(last),
          data: JSON.stringify({ seq: last, now: t.now, count: batch.length, msisdns, items } satisfies StreamBatch),
        })
      }
      off()
    })
  })
  return r
}
