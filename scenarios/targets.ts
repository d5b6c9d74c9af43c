// Where a scenario runs on a running `twin serve`: its own twin (global fetch, a unique twin id so
// runs stay isolated). The in-process target (a fresh twin behind app.fetch) is server/scenario-runs.ts:
// it needs the whole app, which serves the console, which plays scenarios.
import { randomUUID } from "node:crypto"
import type { Fetcher } from "../channels/driver.ts"
import type { RunTarget } from "./runner.ts"
import { CONTROL_COOKIE } from "../channels/edge/guard.ts"

/**
 * Requests built for any origin go to `url` (drivers address "http://twin.local"), carrying the
 * server's control token as its cookie (the LK and app drivers use Authorization for sessions).
 */
export const urlFetcher = (url: string, token: string | null): Fetcher => {
  const base = new URL(url)
  return async (req) => {
    const u = new URL(req.url)
    const to = new URL(`${u.pathname}${u.search}`, base)
    const body = req.method === "GET" || req.method === "HEAD" ? undefined : await req.arrayBuffer()
    const headers = new Headers(req.headers)
    if (token !== null) headers.set("cookie", `${CONTROL_COOKIE}=${token}`)
    return fetch(to, { method: req.method, headers, ...(body !== undefined ? { body } : {}) })
  }
}

/** `token`: the server's control token (cli run: --token, $TWIN_TOKEN or the file beside the database). */
export const urlTarget = (url: string, scenarioFile: string, token: string | null = null): RunTarget => {
  const slug =
    scenarioFile
      .replace(/^.*\//, "")
      .replace(/\.ya?ml$/i, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 30) || "scenario"
  return { fetcher: urlFetcher(url, token), twinId: `scn-${slug}-${randomUUID().slice(0, 8)}` }
}
