// One execution path: every library scenario (the example, the docs examples) runs once in-process (app.fetch)
// and once over a real loopback socket (what `twin run --url` does against `twin serve`). Both go
// through the same drivers, so the twins' event logs must be identical byte for byte.
import { readdirSync } from "node:fs"
import { fileURLToPath } from "node:url"
import type { ServerType } from "@hono/node-server"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { makeApp } from "../../server/app.ts"
import { Registry } from "../../core/engine/registry.ts"
import { inProcessTarget, loadAll } from "../../server/scenario-runs.ts"
import { formatResult } from "../../scenarios/report/human.ts"
import { runScenario } from "../../scenarios/runner.ts"
import { urlTarget } from "../../scenarios/targets.ts"
import { listenOnLoopback } from "../helpers/listen.ts"

const dir = (rel: string): string => fileURLToPath(new URL(rel, import.meta.url))
const yamlIn = (d: string): string[] =>
  readdirSync(d)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => `${d}${f}`)
const files = [
  ...yamlIn(dir("../../scenarios/library/")),
  ...yamlIn(dir("../../scenarios/examples/")),
  ...yamlIn(dir("../../docs/examples/")),
]

let registry: Registry
let server: ServerType
let url = ""

beforeAll(async () => {
  // Replay from the seed alone, as in-process: each twin's secret derived from its seed. A served
  // twin otherwise draws a random secret (issue 14), and its codes, salts and tokens differ.
  registry = Registry.open(":memory:", { createDefault: false, secrets: "replay" })
  const s = await listenOnLoopback(makeApp({ registry }).fetch)
  server = s.server
  url = `http://127.0.0.1:${s.port}`
})

afterAll(() => {
  server.close()
  registry.close()
})

describe("one execution path: in-process and over HTTP give the same event log", () => {
  it.each(files.map((f) => [f.replace(/^.*\//, ""), f]))(
    "%s: identical event logs and state hash",
    async (_name, file) => {
      const loaded = await loadAll([file])
      if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.format()).join("\n"))
      const sc = loaded.scenarios[0]
      if (sc === undefined) throw new Error("no scenario")
      const local = await runScenario(sc, inProcessTarget())
      const remote = await runScenario(sc, urlTarget(url, sc.file))
      expect(local.passed, formatResult(local)).toBe(true)
      expect(remote.passed, formatResult(remote)).toBe(true)
      expect(local.events.length).toBeGreaterThan(0)
      expect(JSON.stringify(remote.events)).toBe(JSON.stringify(local.events))
      expect(remote.finalHash).toBe(local.finalHash)
    },
  )
})
