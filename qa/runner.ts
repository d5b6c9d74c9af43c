// The model-based runner: fast-check generates a population, a start instant and a journey of
// steps over that population (`fc.commands`); each step runs against the twin (through a channel
// executor when one is given, else the core) and against the small model (qa/model.ts), and
// every checker runs after every step. Each property counts the journeys that reached its target
// states and fails if one never was. A failure prints a command that replays it (the test's
// file and title, fast-check's seed and path, and the commands' replay path) and writes the
// shrunk journey as a regression scenario YAML.
import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import fc from "fast-check"
import { expect } from "vitest"
import type { CatalogIndex } from "../core/catalog/load.ts"
import type { Command } from "../core/domain/commands.ts"
import { parseInstant } from "../core/domain/time.ts"
import { Registry } from "../core/engine/registry.ts"
import type { TwinCore } from "../core/engine/twin-core.ts"
import { catalogArb, defaultQaCatalog, populationArb, startArb, stepArb, UNKNOWN, type Mix } from "./arbitraries.ts"
import { formatCoverage, type Coverage, type Target } from "./coverage.ts"
import { propsConfig, seedFor } from "./config.ts"
import { CORE_INVARIANTS, Shadow, type AnyInvariant, type CheckerId, type Regression } from "./invariants/index.ts"
import { QaModel } from "./model.ts"
import { toScenarioYaml } from "./scenario-yaml.ts"
import { coreExecutor, describeStep, resolveStep, type Executor, type Step, type StepOutcome } from "./steps.ts"

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
  constructor(
    readonly invariant: CheckerId | "model",
    readonly detail: string,
    readonly step: Step,
    readonly index: number,
    readonly regression: Regression | null = null,
  ) {
    super(`${invariant} violated at step ${index} (${describeStep(step)}): ${detail}`)
  }
}

/** One journey in progress: the executor, the checkers' shadow of the log, and the steps so far. */
export class QaRun {
  readonly shadow: Shadow
  readonly history: Step[] = []
  readonly outcomes: StepOutcome[] = []
  /** Each checker's own per-journey state (Invariant.init), in the order of `invariants`. */
  readonly states: unknown[]
  /** Names of the targets this journey reached. */
  readonly reached = new Set<string>()
  constructor(
    readonly exec: Executor,
    readonly start: number,
    readonly invariants: readonly AnyInvariant[] = CORE_INVARIANTS,
    readonly targets: readonly Target[] = [],
  ) {
    this.shadow = new Shadow(exec.twin.cat)
    this.states = invariants.map((inv) => inv.init?.())
    for (const e of exec.twin.log.read(0)) this.shadow.observe(e)
  }

  get twin(): TwinCore {
    return this.exec.twin
  }

  /** Run one step, check the model's prediction and every invariant; throws InvariantViolation. */
  async step(planned: Step, model?: QaModel): Promise<StepOutcome> {
    const twin = this.exec.twin
    const step = resolveStep(twin, planned)
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
    for (let i = 0; i < this.invariants.length; i++) {
      const inv = this.invariants[i] as AnyInvariant
      const v = inv.check(check, this.states[i])
      if (v !== null)
        throw new InvariantViolation(
          inv.id,
          v,
          step,
          this.history.length,
          inv.regression?.(check, this.states[i]) ?? null,
        )
    }
    if (predicted !== undefined && predicted !== (outcome.code ?? "ok")) {
      throw new InvariantViolation(
        "model",
        `the model expected ${predicted}, the twin answered ${outcome.code ?? "ok"}`,
        step,
        this.history.length,
        { outcome: predicted },
      )
    }
    for (const g of this.targets) if (!this.reached.has(g.name) && g.reached(check)) this.reached.add(g.name)
    model?.update(step, outcome)
    return outcome
  }
}

/** One fast-check command: a step, or a short burst of steps that reaches a rare state. */
class StepCommand implements fc.AsyncCommand<QaModel, QaRun> {
  constructor(readonly steps: readonly Step[]) {}
  check(): boolean {
    return true
  }
  async run(m: QaModel, r: QaRun): Promise<void> {
    for (const s of this.steps) await r.step(s, m)
  }
  toString(): string {
    return this.steps.map(describeStep).join("; ")
  }
}

export interface JourneyOptions {
  /** The property's name; it names the invariant it is about (e.g. "I3 …"). */
  readonly name: string
  readonly invariants?: readonly AnyInvariant[]
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
  /** Extra steps (or bursts of steps) mixed into the journey. */
  readonly extraSteps?: ReadonlyArray<{ weight: number; arbitrary: fc.Arbitrary<Step | Step[]> }>
  /** States the property is about: their coverage is printed, and one never reached fails it. */
  readonly targets?: readonly Target[]
  /** The population (default: populationArb(minPopulation)): subscribers created before the steps. */
  readonly population?: fc.Arbitrary<Create[]>
  /** The twin's start instant (default: startArb(), month ends, year end, 29 February). */
  readonly start?: fc.Arbitrary<number>
}

export interface JourneyInput {
  readonly catalog: CatalogIndex
  readonly varied: boolean
  readonly twinSeed: number
  /** The twin's start instant. */
  readonly start: number
  readonly population: Create[]
  readonly cmds: Iterable<fc.AsyncCommand<QaModel, QaRun>>
}

export const journeyArb = (o: JourneyOptions, replayPath?: string): fc.Arbitrary<JourneyInput> =>
  fc
    .record({
      catalog: o.varyCatalog === true ? catalogArb() : fc.constant(defaultQaCatalog()),
      varied: fc.constant(o.varyCatalog === true),
      twinSeed: fc.integer({ min: 1, max: 1_000_000 }),
      start: o.start ?? startArb(),
      // Steps aim at the numbers this population created (and UNKNOWN for a small share).
      popCmds: (o.population ?? populationArb(o.minPopulation ?? 3)).chain((population) => {
        const steps = stepArb(o.mix, { known: population.map((p) => p.msisdn) })
        const all =
          o.extraSteps === undefined || o.extraSteps.length === 0
            ? steps
            : fc.oneof(
                { weight: 10, arbitrary: steps },
                ...o.extraSteps.map((x) => ({
                  weight: x.weight,
                  arbitrary: x.arbitrary.map((s) => (Array.isArray(s) ? s : [s])),
                })),
              )
        const settings = {
          maxCommands: o.maxSteps ?? 40,
          size: "+1" as const,
          ...(replayPath !== undefined && replayPath !== "" ? { replayPath } : {}),
        }
        return fc.tuple(fc.constant(population), fc.commands([all.map((ss) => new StepCommand(ss))], settings))
      }),
    })
    .map(({ popCmds: [population, cmds], ...rest }) => ({ ...rest, population, cmds }))

/** Run one journey; returns the run (for reports) and rethrows the first violation. */
export const runJourney = async (
  input: JourneyInput,
  o: JourneyOptions,
  keep?: (r: QaRun, t: QaTwin) => void,
): Promise<void> => {
  const t = openQaTwin(input.catalog, String(input.twinSeed), input.start, o.twinPath?.() ?? ":memory:")
  try {
    const exec = o.executor?.(t) ?? coreExecutor(t.twin)
    const run = new QaRun(exec, t.start, o.invariants ?? CORE_INVARIANTS, o.targets ?? [])
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

export interface PropertyResult {
  readonly name: string
  readonly runs: number
  readonly seed: number
  /** Journeys that reached each target (all journeys run, shrinking included on failure). */
  readonly coverage: Coverage
  /** Steps run after the setup, those aimed at the unknown number, and those the twin accepted. */
  readonly steps: {
    readonly total: number
    readonly unknown: number
    readonly ok: number
    readonly commands: ReadonlySet<string>
    /** Actions (parity reads aside) by the channel that carried them ("core" for the rest). */
    readonly via: ReadonlyMap<string, number>
  }
}

const slug = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60)

/**
 * A vitest `-t` pattern that matches this test only: vitest matches it, as a regular expression,
 * against the file, suite and test names joined by spaces; the title comes as "suite > test".
 */
export const titlePattern = (title: string): string =>
  `${title
    .split(" > ")
    .join(" ")
    .replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`

/** The single-quoted shell form of a string. */
const shellQuote = (s: string): string => `'${s.replace(/'/g, "'\\''")}'`

/** The running vitest test: its file (relative) and full title, when called inside a test. */
const currentTest = (): { file: string; title: string } | null => {
  const st = expect.getState()
  if (st.currentTestName === undefined || st.testPath === undefined) return null
  const file = st.testPath.startsWith(process.cwd()) ? st.testPath.slice(process.cwd().length + 1) : st.testPath
  return { file, title: st.currentTestName }
}

/** The fast-check replay path of a commands value (what `fc.commands({ replayPath })` takes back). */
export const replayPathOf = (cmds: unknown): string => /replayPath="([^"]*)"/.exec(String(cmds))?.[1] ?? ""

/**
 * The command that replays a failure: the test file and its full title (vitest's `-t` is a
 * pattern over "describe > test"), the base seed, fast-check's path and the commands' replay path.
 */
export const reproduceCommand = (r: {
  file: string
  title: string
  baseSeed: number
  path: string
  replay: string
}): string =>
  `QA_SEED=${r.baseSeed} QA_PATH=${shellQuote(r.path)} QA_REPLAY=${shellQuote(r.replay)} ` +
  `npx vitest run ${r.file} -t ${shellQuote(titlePattern(r.title))}`

/**
 * Check a journey property: `runs` generated journeys with a seed derived from QA_SEED and the
 * name. Prints the run count, seed and target coverage; fails when a target was never reached.
 * On failure prints the reproduce command, the shrunk journey and the violation, writes the
 * scenario YAML, and throws.
 */
export const checkJourneys = async (o: JourneyOptions): Promise<PropertyResult> => {
  const cfg = propsConfig()
  const runs = o.runs ?? Math.max(1, Math.round(cfg.runs * (o.weight ?? 1)))
  const seed = seedFor(cfg.seed, o.name)
  const path = process.env.QA_PATH
  const replay = process.env.QA_REPLAY
  const reached = new Map<string, number>((o.targets ?? []).map((g) => [g.name, 0]))
  let journeys = 0
  const steps = { total: 0, unknown: 0, ok: 0, commands: new Set<string>(), via: new Map<string, number>() }
  const count = (r: QaRun, setup: number): void => {
    journeys++
    for (const n of r.reached) reached.set(n, (reached.get(n) ?? 0) + 1)
    r.history.slice(setup).forEach((s, i) => {
      steps.total++
      const out = r.outcomes[setup + i]
      if (out?.ok === true) steps.ok++
      if (out !== undefined && s.t !== "parity") steps.via.set(out.via, (steps.via.get(out.via) ?? 0) + 1)
      if (JSON.stringify(s).includes(UNKNOWN)) steps.unknown++
      if (s.t === "command") steps.commands.add(s.command._tag)
    })
  }
  const prop = fc.asyncProperty(journeyArb(o, replay), async (input) => {
    let run: QaRun | null = null
    try {
      await runJourney(input, o, (r) => {
        run = r
      })
    } finally {
      if (run !== null) count(run, input.population.length)
    }
  })
  // QA_SHRINK=off stops at the first failure without shrinking (mutation runs only need to know a mutant fails).
  const details = await fc.check(prop, {
    numRuns: runs,
    seed,
    ...(path !== undefined && path !== "" ? { path } : {}),
    ...(process.env.QA_SHRINK === "off" ? { endOnFailure: true } : {}),
  })
  const coverage: Coverage = { runs: journeys, reached }
  if (!details.failed) {
    const share = (n: number): string => `${steps.total === 0 ? 0 : Math.round((100 * n) / steps.total)}%`
    console.log(
      `[qa] ${o.name}: ${details.numRuns} runs passed (seed ${seed}, base seed ${cfg.seed}); ` +
        `${steps.total} steps, ${share(steps.ok)} accepted, ${share(steps.unknown)} aimed at an unknown number`,
    )
    if (reached.size > 0)
      console.log(`[qa] ${o.name} coverage (journeys reaching each state): ${formatCoverage(coverage)}`)
    if (o.executor !== undefined)
      console.log(`[qa] ${o.name} actions by channel: ${[...steps.via].map(([k, n]) => `${k} ${n}`).join(", ")}`)
    const never = [...reached].filter(([, n]) => n === 0).map(([name]) => name)
    // QA_COVERAGE=report prints coverage without failing (mutation runs use a handful of journeys).
    if (never.length > 0 && (path === undefined || path === "") && process.env.QA_COVERAGE !== "report") {
      throw new Error(
        `[qa] ${o.name}: never reached ${never.join(", ")} in ${journeys} journeys (seed ${seed}); ` +
          "the generators miss a state this property is about",
      )
    }
    return { name: o.name, runs: details.numRuns, seed, coverage, steps }
  }
  const input = details.counterexample?.[0]
  let report = fc.defaultReportMessage(details) ?? "(no report)"
  const test = currentTest()
  const command = reproduceCommand({
    file: test?.file ?? "test/property",
    title: test?.title ?? o.name,
    baseSeed: cfg.seed,
    path: details.counterexamplePath ?? "",
    replay: input === undefined ? "" : replayPathOf(input.cmds),
  })
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
      const checker = (o.invariants ?? CORE_INVARIANTS).find((x) => x.id === inv)
      const failing = violation instanceof InvariantViolation ? violation.index : r.history.length
      const journey = r.history.slice(input.population.length, failing)
      const outcomes = r.outcomes.slice(input.population.length, failing).map((x) => x.code)
      const yaml = toScenarioYaml({
        title: o.name,
        invariant: inv,
        message: violation instanceof Error ? violation.message : String(violation),
        ...(checker?.rules !== undefined ? { rules: checker.rules } : {}),
        seed: t.seed,
        found: `seed ${seed}, base ${cfg.seed}, path ${details.counterexamplePath ?? ""}`,
        start: t.start,
        population: input.population,
        steps: journey,
        outcomes,
        catalog: input.catalog,
        ...(violation instanceof InvariantViolation && violation.regression !== null
          ? { regression: violation.regression }
          : {}),
        ...(input.varied
          ? {
              catalogNote: `a generated variation of the default catalog: ${JSON.stringify({
                family: input.catalog.data.family,
                auth: input.catalog.data.auth,
                roaming: input.catalog.data.roaming,
              })}`,
            }
          : {}),
      })
      mkdirSync(cfg.outDir, { recursive: true })
      const file = join(cfg.outDir, `${slug(o.name)}-${seed}.yaml`)
      writeFileSync(file, yaml)
      const shrunk = journey.map((s, i) => `  ${i + 1}. ${describeStep(s)}`).join("\n")
      report += `\n\nShrunk journey (${journey.length} steps):\n${shrunk}\n\nScenario YAML reproducing it: ${file}\n${yaml}`
    }
  }
  throw new Error(
    `[qa] ${o.name}: FAILED — seed ${seed} (base ${cfg.seed}), path "${details.counterexamplePath ?? ""}"\n` +
      `  reproduce: ${command}\n${report}`,
  )
}
