// Loading and running many scenario files (`twin run`): every file is checked before anything runs,
// then the scenarios run in parallel with bounded concurrency, each on its own twin: a fresh
// in-process one behind the whole app (no network), or one on a running `twin serve`.
import { Effect } from "effect"
import type { Fetcher } from "../channels/driver.ts"
import type { CatalogIndex } from "../core/catalog/load.ts"
import { Registry } from "../core/engine/registry.ts"
import type { ScenarioError } from "../scenarios/errors.ts"
import { webOperations } from "../scenarios/drivers.ts"
import { loadScenarioFile } from "../scenarios/loader.ts"
import type { Scenario } from "../scenarios/model.ts"
import { runScenario, type RunTarget, type ScenarioResult, type SetupMode } from "../scenarios/runner.ts"
import { urlTarget } from "../scenarios/targets.ts"
import { makeApp } from "./app.ts"

/** A fresh registry on an in-memory store per scenario: nothing is shared between runs. */
export const inProcessTarget = (catalog?: CatalogIndex): RunTarget => {
  const registry = Registry.open(":memory:", {
    createDefault: false,
    secrets: "replay",
    ...(catalog !== undefined ? { catalog } : {}),
  })
  const app = makeApp({ registry })
  const fetcher: Fetcher = (req) => Promise.resolve(app.fetch(req))
  return { fetcher, twinId: "scenario", dispose: () => registry.close() }
}

export interface RunOptions {
  /** Run against a running server instead of in-process. */
  readonly url?: string
  /** The served twin's control token (with `url`). */
  readonly token?: string | null
  readonly concurrency?: number
  readonly catalog?: CatalogIndex
  /** How `subscribers:` is put in place (default "state": no charge, no SMS). */
  readonly setup?: SetupMode
  /** Go on after a failing step and report every failure. */
  readonly keepGoing?: boolean
  /** Called as each scenario finishes (in completion order). */
  readonly onResult?: (r: ScenarioResult) => void
}

export type LoadOutcome =
  | { readonly ok: true; readonly scenarios: Scenario[] }
  | { readonly ok: false; readonly errors: ScenarioError[] }

export const loadAll = async (files: readonly string[], catalog?: CatalogIndex): Promise<LoadOutcome> => {
  const operations = webOperations()
  const scenarios: Scenario[] = []
  const errors: ScenarioError[] = []
  for (const f of files) {
    const r = await loadScenarioFile(f, { ...(catalog !== undefined ? { catalog } : {}), operations })
    if (r.ok) scenarios.push(r.scenario)
    else errors.push(...r.errors)
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, scenarios }
}

export const runAll = (scenarios: readonly Scenario[], o: RunOptions = {}): Promise<ScenarioResult[]> =>
  Effect.runPromise(
    Effect.forEach(
      scenarios,
      (sc) =>
        Effect.promise(async () => {
          const target = o.url !== undefined ? urlTarget(o.url, sc.file, o.token ?? null) : inProcessTarget(o.catalog)
          const r = await runScenario(sc, target, {
            ...(o.setup !== undefined ? { setup: o.setup } : {}),
            ...(o.keepGoing !== undefined ? { keepGoing: o.keepGoing } : {}),
          })
          o.onResult?.(r)
          return r
        }),
      { concurrency: Math.max(1, o.concurrency ?? 4) },
    ),
  )
