// Step-by-step playback of a scenario file in the console. Parsing is the scenario loader's
// (scenarios/loader.ts) and execution is the scenario stepper's (scenarios/runner.ts,
// `openScenario`, the same path `twin run` takes): loading opens the scenario on a fresh twin
// (setup done), «Следующий шаг» runs exactly one step — an acting step or a check with its own
// pass mark — and «Выполнить все» runs the rest. Results are the runner's own records.
import { readdirSync, readFileSync } from "node:fs"
import type { Fetcher } from "../channels/driver.ts"
import type { Registry } from "../core/engine/registry.ts"
import { webOperations } from "../scenarios/drivers.ts"
import { loadScenarioText } from "../scenarios/loader.ts"
import type { Step } from "../scenarios/model.ts"
import { openScenario, type ScenarioResult, type ScenarioStepper, type StepRecord } from "../scenarios/runner.ts"
import { narrate } from "./narrate.ts"

/** The scenario library the console offers in its picker. */
const LIBRARY_DIR = new URL("../scenarios/library/", import.meta.url)

export interface LibraryEntry {
  file: string
  name: string
  rules: readonly string[]
}

/** Which console panel a step acts in. */
export type PanelId = "ussd" | "sms" | "ivr" | "lk" | "app" | "kiosk" | "network" | "clock" | "check"

export interface StepInfo {
  index: number
  line: number
  panel: PanelId
  msisdn: string | null
  /** The step told in Russian («Абонент набирает *100#»). */
  text: string
  /** What the step types into its panel: the USSD code or reply, the IVR number and keys. */
  input: string
}

export interface StepOutcome {
  index: number
  status: StepRecord["status"]
  sent: string
  answer: string
  failures: string[]
}

export interface PlayState {
  id: string
  twinId: string
  /** Steps up to and including this index have run (0 = setup only). */
  done: number
  finished: boolean
  passed: boolean | null
  crash: string | null
  /** The records of every step that ran so far (and, once finished, of the steps that did not run). */
  outcomes: StepOutcome[]
}

const panelOf = (st: Step): PanelId => {
  switch (st._tag) {
    case "web":
      return st.channel
    case "ussd":
    case "sms":
    case "ivr":
      return st._tag
    case "travel":
    case "network":
    case "usage":
      return "network"
    case "advance":
      return "clock"
    case "expect":
      return "check"
  }
}

const inputOf = (st: Step): string =>
  st._tag === "ussd"
    ? (st.dial ?? st.reply ?? "")
    : st._tag === "ivr"
      ? `${st.call} ${st.keys}`.trim()
      : st._tag === "sms"
        ? `${st.to}: ${st.text}`
        : ""

const MAX_RUNS = 8

/** The check a failure names, in the audience's words (the runner's keys are English). */
const WHAT_RU: ReadonlyArray<[RegExp, string]> = [
  [/^balance/, "баланс"],
  [/^tariff/, "тариф"],
  [/^status/, "статус"],
  [/^location/, "местоположение"],
  [/^services\.has/, "подключенные услуги"],
  [/^services\.lacks/, "отключенные услуги"],
  [/^packages?/, "пакеты"],
  [/^charges?/, "списания"],
  [/^screen/, "экран"],
  [/^prompt/, "автоинформатор"],
  [/^reply/, "ответ"],
  [/^inbox/, "SMS"],
  [/^end/, "конец сеанса"],
  [/^error/, "отказ"],
  [/^ok/, "результат действия"],
  [/^promised/, "обещанный платеж"],
  [/^bonus/, "бонусы"],
  [/^lkLocked/, "блокировка входа в ЛК"],
  [/^kioskLocked/, "блокировка терминала"],
  [/^autopay/, "автоплатеж"],
  [/^linked/, "привязанные номера"],
  [/^family/, "«МЫ МТС»"],
  [/^events?/, "события"],
]

const whatRu = (what: string): string => WHAT_RU.find(([re]) => re.test(what))?.[1] ?? what

const outcome = (s: StepRecord): StepOutcome => ({
  index: s.index,
  status: s.status,
  sent: s.sent,
  answer: s.answer,
  failures: s.failures.map(
    (f) =>
      `${whatRu(f.what)}: ожидалось ${f.expected.replace(/^contains /, "").replace(/^does not contain /, "без ")}, получено ${f.actual}`,
  ),
})

class Play {
  result: ScenarioResult | null = null

  constructor(
    readonly id: string,
    private readonly stepper: ScenarioStepper,
  ) {}

  get twinId(): string {
    return this.stepper.twinId
  }

  /** Run exactly one step; once nothing is left (the last step ran, or one failed), finish the run. */
  async next(): Promise<void> {
    if (this.result !== null) return
    await this.stepper.next()
    if (this.stepper.stopped) this.result = await this.stepper.runAll()
  }

  async all(): Promise<void> {
    this.result = await this.stepper.runAll()
  }

  state(): PlayState {
    const r = this.result
    const crash = r?.crash ?? this.stepper.crash
    return {
      id: this.id,
      twinId: this.twinId,
      done: this.stepper.position,
      finished: r !== null,
      passed: r?.passed ?? (crash !== null ? false : null),
      crash,
      outcomes: (r?.steps ?? this.stepper.records).filter((s) => s.index > 0).map(outcome),
    }
  }
}

export class ScenarioPlayer {
  private readonly plays = new Map<string, Play>()
  private n = 0
  private lib: LibraryEntry[] | null = null
  /** The scenario each scenario twin was opened for, so the twin picker shows its name, not its id. */
  private readonly titles = new Map<string, string>()
  constructor(
    private readonly registry: Registry,
    private readonly fetcher: Fetcher,
  ) {}

  /** Parse a file and open it on a fresh twin: setup done, no step run yet. */
  async load(
    file: string,
    yaml: string,
  ): Promise<
    | { ok: true; name: string; rules: readonly string[]; steps: StepInfo[]; state: PlayState }
    | { ok: false; errors: string[] }
  > {
    const ops = webOperations()
    const loaded = loadScenarioText(file, yaml, { catalog: this.registry.defaultCatalog, operations: ops })
    if (!loaded.ok) return { ok: false, errors: loaded.errors.map((e) => e.format()) }
    const sc = loaded.scenario
    let twinId = ""
    do twinId = `scenario-${++this.n}`
    while (this.registry.get(twinId) !== undefined)
    if (this.plays.size >= MAX_RUNS) {
      const oldest = this.plays.keys().next().value
      if (oldest !== undefined) this.plays.delete(oldest)
    }
    const stepper = await openScenario(sc, { fetcher: this.fetcher, twinId })
    const play = new Play(twinId, stepper)
    // A setup that failed leaves nothing to play: finish at once so the console shows why.
    if (stepper.stopped) await play.all()
    this.plays.set(play.id, play)
    this.titles.set(twinId, sc.name)
    return {
      ok: true,
      name: sc.name,
      rules: sc.rules,
      steps: stepper.steps.map((s) => ({
        index: s.index,
        line: s.pos.line,
        panel: panelOf(s.step),
        msisdn: s.msisdn,
        text: narrate(this.registry.defaultCatalog, s.step),
        input: inputOf(s.step),
      })),
      state: play.state(),
    }
  }

  /** Every scenario of the library with its name, for the picker (read once). */
  library(): LibraryEntry[] {
    if (this.lib !== null) return this.lib
    const ops = webOperations()
    const out: LibraryEntry[] = []
    for (const file of readdirSync(LIBRARY_DIR)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()) {
      const l = loadScenarioText(file, readFileSync(new URL(file, LIBRARY_DIR), "utf8"), {
        catalog: this.registry.defaultCatalog,
        operations: ops,
      })
      if (l.ok) out.push({ file, name: l.scenario.name, rules: l.scenario.rules })
    }
    this.lib = out
    return out
  }

  /** Open a library scenario by its file name (only names the library lists). */
  async loadLibrary(file: string): Promise<Awaited<ReturnType<ScenarioPlayer["load"]>> | null> {
    if (!this.library().some((e) => e.file === file)) return null
    return this.load(file, readFileSync(new URL(file, LIBRARY_DIR), "utf8"))
  }

  names(): Record<string, string> {
    return Object.fromEntries(this.titles)
  }

  get(id: string): Play | undefined {
    return this.plays.get(id)
  }
}
