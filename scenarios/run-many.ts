// Loading and running many scenario files: every file is checked before anything runs, then
// the scenarios run in parallel with bounded concurrency (each on its own twin).
import { Effect } from "effect"
import type { CatalogIndex } from "../core/catalog/load.ts"
import type { ScenarioError } from "./errors.ts"
import { webOperations } from "./drivers.ts"
import { loadScenarioFile } from "./loader.ts"
import type { Scenario } from "./model.ts"
import { runScenario, type ScenarioResult, type SetupMode } from "./runner.ts"
import { inProcessTarget, urlTarget } from "./targets.ts"

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
