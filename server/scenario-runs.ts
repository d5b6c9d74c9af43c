// Loading and running many scenario files (`twin run`): every file is checked before anything runs,
// then the scenarios run in parallel with bounded concurrency, each on its own twin: a fresh
// in-process one behind the whole app (no network), or one on a running `twin serve`.
import { Effect, type Scope } from "effect"
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

/**
 * A fresh registry on an in-memory store per scenario: nothing is shared between runs. Its
 * dispose runs once, whoever calls it first (the runner at the end of the run, or the scope of
 * runAllEffect when the run is interrupted).
 */
export const inProcessTarget = (catalog?: CatalogIndex): RunTarget => {
  const registry = Registry.open(":memory:", {
    createDefault: false,
    secrets: "replay",
    ...(catalog !== undefined ? { catalog } : {}),
  })
  const app = makeApp({ registry })
  const fetcher: Fetcher = (req) => Promise.resolve(app.fetch(req))
  let open = true
  const dispose = (): void => {
    if (!open) return
    open = false
    registry.close()
  }
  return { fetcher, twinId: "scenario", dispose }
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

/** Where one scenario runs, held for the scope: an in-process twin is closed at its end. */
const acquireTarget = (sc: Scenario, o: RunOptions): Effect.Effect<RunTarget, never, Scope.Scope> =>
  Effect.acquireRelease(
    Effect.sync(() => (o.url !== undefined ? urlTarget(o.url, sc.file, o.token ?? null) : inProcessTarget(o.catalog))),
    (target) => Effect.sync(() => target.dispose?.()),
  )

/** Run the scenarios with bounded concurrency; interrupting it (Ctrl+C) closes the twins of the runs in flight. */
export const runAllEffect = (scenarios: readonly Scenario[], o: RunOptions = {}): Effect.Effect<ScenarioResult[]> =>
  Effect.forEach(
    scenarios,
    (sc) =>
      Effect.scoped(
        Effect.gen(function* () {
          const target = yield* acquireTarget(sc, o)
          const r = yield* Effect.promise(() =>
            runScenario(sc, target, {
              ...(o.setup !== undefined ? { setup: o.setup } : {}),
              ...(o.keepGoing !== undefined ? { keepGoing: o.keepGoing } : {}),
            }),
          )
          o.onResult?.(r)
          return r
        }),
      ),
    { concurrency: Math.max(1, o.concurrency ?? 4) },
  )

export const runAll = (scenarios: readonly Scenario[], o: RunOptions = {}): Promise<ScenarioResult[]> =>
  Effect.runPromise(runAllEffect(scenarios, o))
