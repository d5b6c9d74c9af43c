// The model-based runner: fast-check generates a population and a journey of steps
// (`fc.commands`), each step runs against the twin (through a channel executor when one is
// given, else the core) and against the small model (qa/model.ts), and every invariant checker
// runs after every step. A failure prints the seed and the path, and writes the shrunk journey
// as a ready-to-run scenario YAML.
import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import fc from "fast-check"
import type { CatalogIndex } from "../core/catalog/load.ts"
import type { Command } from "../core/domain/commands.ts"
import { parseInstant } from "../core/domain/time.ts"
import { Registry } from "../core/engine/registry.ts"
import type { TwinCore } from "../core/engine/twin-core.ts"
import { catalogArb, defaultQaCatalog, populationArb, stepArb, type Mix } from "./arbitraries.ts"
import { propsConfig, seedFor } from "./config.ts"
import { CORE_INVARIANTS, Shadow, type Invariant, type InvariantId } from "./invariants/index.ts"
import { QaModel } from "./model.ts"
import { toScenarioYaml } from "./scenario-yaml.ts"
import { coreExecutor, describeStep, type Executor, type Step, type StepOutcome } from "./steps.ts"

export const QA_START = parseInstant("2026-06-01T09:00:00+03:00") as number

type Create = Extract<Command, { _tag: "CreateSubscriber" }>

/** A twin for one journey: in-memory SQLite store, no demo subscribers. */
export interface QaTwin {
  readonly registry: Registry
  readonly twin: TwinCore
  readonly start: number
  readonly seed: string
}

export const openQaTwin = (catalog: CatalogIndex, seed: string, start = QA_START, path = ":memory:"): QaTwin => {
  const registry = Registry.open(path, { createDefault: false, catalog, secrets: "replay" })
  const twin = registry.create({ id: "qa", seed, demo: false, start, catalog })
  return { registry, twin, start, seed }
}

export class InvariantViolation extends Error {
  override readonly name = "InvariantViolation"
  constructor(readonly invariant: InvariantId | "model", readonly detail: string, readonly step: Step, readonly index: number) {
    super(`${invariant} violated at step ${index} (${describeStep(step)}): ${detail}`)
  }
}

/** One journey in progress: the executor, the checkers' shadow of the log, and the steps so far. */
export class QaRun {
  readonly shadow: Shadow
  readonly history: Step[] = []
  readonly outcomes: StepOutcome[] = []
  constructor(readonly exec: Executor, readonly start: number, readonly invariants: readonly Invariant[] = CORE_INVARIANTS) {
    this.shadow = new Shadow(exec.twin.cat)
    for (const e of exec.twin.log.read(0)) this.shadow.observe(e)
  }

  get twin(): TwinCore {
    return this.exec.twin
  }

  /** Run one step, check the model's prediction and every invariant; throws InvariantViolation. */
  async step(step: Step, model?: QaModel): Promise<StepOutcome> {
    const twin = this.exec.twin
    twin.flush()
    const seq0 = twin.state.seq
    const predicted = model?.predict(step)
    this.history.push(step)
    const outcome = await this.exec.execute(step)
    this.outcomes.push(outcome)
    twin.flush()
    const events = [...twin.log.read(seq0)]
    const before = this.shadow.clone()
    for (const e of events) this.shadow.observe(e)
    const check = { twin, start: this.start, step, outcome, before, after: this.shadow, events }
    for (const inv of this.invariants) {
      const v = inv.check(check)
      if (v !== null) throw new InvariantViolation(inv.id, v, step, this.history.length)
    }
    if (predicted !== undefined && predicted !== (outcome.code ?? "ok")) {
      throw new InvariantViolation("model", `the model expected ${predicted}, the twin answered ${outcome.code ?? "ok"}`, step, this.history.length)
    }
    model?.update(step, outcome)
    return outcome
  }
}

class StepCommand implements fc.AsyncCommand<QaModel, QaRun> {
  constructor(readonly step: Step) {}
  check(): boolean {
    return true
  }
  async run(m: QaModel, r: QaRun): Promise<void> {
    await r.step(this.step, m)
  }
  toString(): string {
    return describeStep(this.step)
  }
}

export interface JourneyOptions {
  /** The property's name; it names the invariant it is about (e.g. "I3 …"). */
  readonly name: string
  readonly invariants?: readonly Invariant[]
  /** Bias of the generated steps toward the invariant's concerns. */
  readonly mix?: Partial<Mix>
  /** Generate catalog variations (default: the default catalog). */
  readonly varyCatalog?: boolean
  readonly minPopulation?: number
  readonly maxSteps?: number
  /** Runs: default from QA_RUNS (scaled by `weight`). */
  readonly runs?: number
  /** Multiplies the configured run count (cheap properties run more). */
  readonly weight?: number
  /** Build the executor (a channel executor); default: the core. */
  readonly executor?: (t: QaTwin) => Executor
  /** SQLite file for the journey's twin (default :memory:). */
  readonly twinPath?: () => string
  /** Called after a journey passed, with the twin still open (e.g. restart checks). */
  readonly onEnd?: (r: QaRun, t: QaTwin) => Promise<void> | void
  /** Extra steps mixed into the journey. */
  readonly extraSteps?: ReadonlyArray<{ weight: number; arbitrary: fc.Arbitrary<Step> }>
}

export interface JourneyInput {
  readonly catalog: CatalogIndex
  readonly varied: boolean
  readonly twinSeed: number
  /** Minutes after the default start: varies the time of day (midnight edges, R3). */
  readonly offsetMin: number
  readonly population: Create[]
  readonly cmds: Iterable<fc.AsyncCommand<QaModel, QaRun>>
}

export const journeyArb = (o: JourneyOptions): fc.Arbitrary<JourneyInput> => {
  const steps = stepArb(o.mix)
  const all = o.extraSteps === undefined || o.extraSteps.length === 0 ? steps : fc.oneof({ weight: 10, arbitrary: steps }, ...o.extraSteps)
  return fc.record({
    catalog: o.varyCatalog === true ? catalogArb() : fc.constant(defaultQaCatalog()),
    varied: fc.constant(o.varyCatalog === true),
    twinSeed: fc.integer({ min: 1, max: 1_000_000 }),
    offsetMin: fc.integer({ min: 0, max: 24 * 60 - 1 }),
    population: populationArb(o.minPopulation ?? 3),
    cmds: fc.commands([all.map((s) => new StepCommand(s))], { maxCommands: o.maxSteps ?? 40, size: "+1" }),
  })
}

/** Run one journey; returns the run (for reports) and rethrows the first violation. */
export const runJourney = async (input: JourneyInput, o: JourneyOptions, keep?: (r: QaRun, t: QaTwin) => void): Promise<void> => {
  const t = openQaTwin(input.catalog, String(input.twinSeed), QA_START + input.offsetMin * 60_000, o.twinPath?.() ?? ":memory:")
  try {
    const exec = o.executor?.(t) ?? coreExecutor(t.twin)
    const run = new QaRun(exec, t.start, o.invariants ?? CORE_INVARIANTS)
    keep?.(run, t)
    const model = new QaModel(input.catalog)
    for (const c of input.population) {
      const out = await run.step({ t: "command", command: c }, model)
      if (!out.ok) throw new Error(`setup: creating ${c.msisdn} failed: ${out.code}`)
    }
    await fc.asyncModelRun(() => ({ model, real: run }), input.cmds)
    await o.onEnd?.(run, t)
  } finally {
    t.registry.store.close()
  }
}

export interface PropertyResult { readonly name: string; readonly runs: number; readonly seed: number }

const slug = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60)

/**
 * Check a journey property: `runs` generated journeys with a seed derived from QA_SEED and the
 * name. Prints the run count and seed; on failure prints seed, path, the shrunk journey and the
 * violation, writes the scenario YAML, and throws.
 */
export const checkJourneys = async (o: JourneyOptions): Promise<PropertyResult> => {
  const cfg = propsConfig()
  const runs = o.runs ?? Math.max(1, Math.round(cfg.runs * (o.weight ?? 1)))
  const seed = seedFor(cfg.seed, o.name)
  const path = process.env.QA_PATH
  const prop = fc.asyncProperty(journeyArb(o), (input) => runJourney(input, o))
  const details = await fc.check(prop, { numRuns: runs, seed, ...(path !== undefined && path !== "" ? { path } : {}) })
  if (!details.failed) {
    console.log(`[qa] ${o.name}: ${details.numRuns} runs passed (seed ${seed}, base seed ${cfg.seed})`)
    return { name: o.name, runs: details.numRuns, seed }
  }
  const input = details.counterexample?.[0]
  let report = fc.defaultReportMessage(details) ?? "(no report)"
  if (input !== undefined) {
    let run: QaRun | null = null
    let twin: QaTwin | null = null
    let violation: unknown = null
    try {
      await runJourney(input, o, (r, t) => {
        run = r
        twin = t
      })
    } catch (e) {
      violation = e
    }
    const r = run as QaRun | null
    const t = twin as QaTwin | null
    if (r !== null && t !== null) {
      const inv = violation instanceof InvariantViolation ? violation.invariant : "model"
      const steps = r.history.slice(input.population.length)
      const yaml = toScenarioYaml({
        title: o.name, invariant: inv, message: violation instanceof Error ? violation.message : String(violation),
        seed: t.seed, found: `seed ${seed}, base ${cfg.seed}, path ${details.counterexamplePath ?? ""}`, start: t.start, population: input.population, steps,
        ...(inv === "I1" ? { expectBalances: [...r.shadow.subs.values()].map((s) => ({ msisdn: s.msisdn, balance: s.ledgerBalance })) } : {}),
        ...(input.varied ? { catalogNote: `a generated variation of the default catalog: ${JSON.stringify({ family: input.catalog.data.family, auth: input.catalog.data.auth, roaming: input.catalog.data.roaming })}` } : {}),
      })
      mkdirSync(cfg.outDir, { recursive: true })
      const file = join(cfg.outDir, `${slug(o.name)}-${seed}.yaml`)
      writeFileSync(file, yaml)
      report += `\n\nShrunk journey (${steps.length} steps):\n${steps.map((s, i) => `  ${i + 1}. ${describeStep(s)}`).join("\n")}\n\nScenario YAML reproducing it: ${file}\n${yaml}`
    }
  }
  throw new Error(`[qa] ${o.name}: FAILED — seed ${seed} (base ${cfg.seed}), path "${details.counterexamplePath ?? ""}"\n` +
    `  reproduce: QA_SEED=${cfg.seed} QA_PATH="${details.counterexamplePath ?? ""}" npx vitest run test/property -t "${o.name.slice(0, 20)}"\n${report}`)
}
