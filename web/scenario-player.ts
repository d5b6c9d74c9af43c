// Step-by-step playback of a scenario file in the console. Parsing is the scenario loader's
// (scenarios/loader.ts) and execution is the scenario runner's (scenarios/runner.ts): the runner
// plays the whole file against a fresh twin through a *paced* fetcher that holds the run after
// each acting step (the runner samples balances — GET /api/twins/:id/subscribers — after every
// step that acts, which is the pause point). «Следующий шаг» releases one acting step together
// with the checks that follow it; «Выполнить все» releases the rest. Results are the runner's own.
import type { Fetcher } from "../channels/driver.ts"
import type { Registry } from "../core/engine/registry.ts"
import { webOperations } from "../scenarios/drivers.ts"
import { loadScenarioText } from "../scenarios/loader.ts"
import type { Step } from "../scenarios/model.ts"
import { describe, runScenario, type ScenarioResult, type StepRecord } from "../scenarios/runner.ts"

/** Which console panel a step acts in. */
export type PanelId = "ussd" | "sms" | "ivr" | "lk" | "app" | "kiosk" | "network" | "clock" | "check"

export interface StepInfo { index: number; line: number; panel: PanelId; msisdn: string | null; text: string }

export interface StepOutcome { index: number; status: StepRecord["status"]; sent: string; answer: string; failures: string[] }

export interface PlayState {
  id: string
  twinId: string
  /** Steps up to and including this index have run (0 = setup only). */
  done: number
  finished: boolean
  passed: boolean | null
  crash: string | null
  /** What the channels answered during the last release (the screen, prompt or page text). */
  answers: Array<{ index: number; text: string }>
  /** The runner's records, once the run is over. */
  outcomes: StepOutcome[]
}

const panelOf = (st: Step): PanelId => {
  switch (st._tag) {
    case "web": return st.channel
    case "ussd": case "sms": case "ivr": return st._tag
    case "travel": case "network": case "usage": return "network"
    case "advance": return "clock"
    case "expect": return "check"
  }
}

const msisdnOf = (st: Step): string | null =>
  st._tag === "advance" ? null : st._tag === "sms" ? st.from : st._tag === "expect" ? (st.expect.msisdn ?? null) : st.msisdn

const CHANNEL_PATH = /^\/(ussd|ivr|sms|lk\/api|app\/api|kiosk\/api)(\/|$)/

/** Bound on waiting for the runner to reach its next pause (it runs in-process; this only guards against a hang). */
const WAIT_MS = 60_000
const MAX_RUNS = 8

class Play {
  readonly id: string
  readonly twinId: string
  readonly steps: readonly Step[]
  /** Index (1-based, as the runner counts) of each acting step, in order. */
  private readonly acting: number[]
  private pauses = 0
  private released = 0
  private free = false
  private wakeRunner: (() => void) | null = null
  private wakeWaiter: (() => void) | null = null
  private answers: Array<{ index: number; text: string }> = []
  result: ScenarioResult | null = null
  crash: string | null = null

  constructor(id: string, twinId: string, steps: readonly Step[], fetcher: Fetcher, run: (f: Fetcher) => Promise<ScenarioResult>) {
    this.id = id
    this.twinId = twinId
    this.steps = steps
    this.acting = steps.flatMap((s, i) => (s._tag === "expect" ? [] : [i + 1]))
    const sample = `/api/twins/${encodeURIComponent(twinId)}/subscribers`
    const paced: Fetcher = async (req) => {
      const path = new URL(req.url).pathname
      const res = await fetcher(req)
      if (req.method !== "DELETE" && CHANNEL_PATH.test(path)) await this.capture(res.clone())
      if (req.method === "GET" && path === sample) {
        // The runner finished an acting step (or setup): hold it until the trainer releases one more.
        this.pauses++
        this.wakeWaiter?.()
        while (!this.free && this.released < this.pauses) await new Promise<void>((r) => (this.wakeRunner = r))
      }
      return res
    }
    void run(paced).then(
      (r) => { this.result = r },
      (e: unknown) => { this.crash = e instanceof Error ? e.message : String(e) },
    ).finally(() => this.wakeWaiter?.())
  }

  private async capture(res: Response): Promise<void> {
    const data: unknown = await res.json().catch(() => null)
    if (typeof data !== "object" || data === null) return
    const o = data as { text?: unknown; transcript?: unknown; error?: { ru?: unknown } }
    const text = Array.isArray(o.transcript) ? o.transcript.join("\n") : typeof o.text === "string" ? o.text : typeof o.error?.ru === "string" ? o.error.ru : ""
    const index = this.acting[this.pauses - 1] ?? 0
    if (text !== "") this.answers.push({ index, text })
  }

  private get over(): boolean {
    return this.result !== null || this.crash !== null
  }

  /** Wait until the runner pauses again (after `pauses` reaches `target`) or the run ends. */
  async settle(target: number): Promise<void> {
    const deadline = Date.now() + WAIT_MS
    while (!this.over && this.pauses < target && Date.now() < deadline) {
      await new Promise<void>((r) => {
        this.wakeWaiter = r
        setTimeout(r, 1000)
      })
    }
  }

  async next(): Promise<void> {
    this.answers = []
    this.released++
    this.wakeRunner?.()
    await this.settle(this.released + 1)
  }

  async all(): Promise<void> {
    this.answers = []
    this.free = true
    this.wakeRunner?.()
    await this.settle(Number.MAX_SAFE_INTEGER)
  }

  state(): PlayState {
    const r = this.result
    const done = r !== null || this.crash !== null ? this.steps.length : this.pauses <= 1 ? 0 : (this.acting[this.pauses - 2] ?? 0)
    return {
      id: this.id, twinId: this.twinId, done, finished: this.over, passed: r?.passed ?? (this.crash !== null ? false : null), crash: this.crash ?? r?.crash ?? null,
      answers: this.answers,
      outcomes: (r?.steps ?? []).filter((s) => s.index > 0).map((s) => ({
        index: s.index, status: s.status, sent: s.sent, answer: s.answer, failures: s.failures.map((f) => `${f.what}: ожидалось ${f.expected}, получено ${f.actual}`),
      })),
    }
  }
}

export class ScenarioPlayer {
  private readonly plays = new Map<string, Play>()
  private n = 0
  constructor(private readonly registry: Registry, private readonly fetcher: Fetcher) {}

  /** Parse a file and start it on a fresh twin, paused after setup. */
  async load(file: string, yaml: string): Promise<{ ok: true; name: string; rules: readonly string[]; steps: StepInfo[]; state: PlayState } | { ok: false; errors: string[] }> {
    const ops = await webOperations()
    const loaded = loadScenarioText(file, yaml, { catalog: this.registry.defaultCatalog, ...(ops !== undefined ? { operations: ops } : {}) })
    if (!loaded.ok) return { ok: false, errors: loaded.errors.map((e) => e.format()) }
    const sc = loaded.scenario
    let twinId = ""
    do twinId = `scenario-${++this.n}`
    while (this.registry.get(twinId) !== undefined)
    const id = twinId
    if (this.plays.size >= MAX_RUNS) {
      const oldest = this.plays.keys().next().value
      if (oldest !== undefined) {
        void this.plays.get(oldest)?.all()
        this.plays.delete(oldest)
      }
    }
    const play = new Play(id, twinId, sc.steps, this.fetcher, (f) => runScenario(sc, { fetcher: f, twinId }))
    this.plays.set(id, play)
    await play.settle(1)
    return {
      ok: true, name: sc.name, rules: sc.rules,
      steps: sc.steps.map((s, i) => ({ index: i + 1, line: s.pos.line, panel: panelOf(s), msisdn: msisdnOf(s), text: `${s._tag === "web" ? `${s.channel}: ` : s._tag === "expect" ? "проверка: " : `${s._tag}: `}${describe(s)}` })),
      state: play.state(),
    }
  }

  get(id: string): Play | undefined {
    return this.plays.get(id)
  }
}
