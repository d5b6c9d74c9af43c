// The scenario player: open a library scenario or a YAML file on a fresh twin, run it one step
// (or all) at a time, and show each step in the panel it acts in. Parsing, running and checking
// are the server's (web/scenario-player.ts); the client draws the runner's records.
import type { Library } from "../router.tsx"
import type { PlayState, ScenarioPlayer, StepInfo } from "../scenario-player.ts"
import { ApiError, api } from "./api.ts"
import { $, $button, $input, $select, act, h, messageOf, onSubmit, say, type Tone } from "./dom.ts"
import type { AppPanel } from "./app.ts"
import type { IvrPanel } from "./ivr.ts"
import type { KioskPanel } from "./kiosk.ts"
import { flash, selectTab } from "./layout.ts"
import type { LkPanel } from "./lk.ts"
import { loadTwins, refresh, selectSubscriber, selectTwin } from "./session.ts"
import { st } from "./state.ts"
import type { UssdPanel } from "./ussd.ts"

export interface Panels {
  ussd: UssdPanel
  ivr: IvrPanel
  lk: LkPanel
  app: AppPanel
  kiosk: KioskPanel
}

/** A scenario opened on its twin (POST /console/api/scenarios). */
type Opened = Extract<Awaited<ReturnType<ScenarioPlayer["load"]>>, { ok: true }>
type Status = PlayState["outcomes"][number]["status"] | ""

/** Panels whose steps have an answer the subscriber sees (the others act on the network or clock). */
const CHANNEL_PANELS: ReadonlySet<StepInfo["panel"]> = new Set(["ussd", "sms", "ivr", "lk", "app", "kiosk"])
/** Panels that highlight themselves when a step is shown in them. */
const SELF_SHOWN: ReadonlySet<StepInfo["panel"]> = new Set(["ussd", "ivr", "app", "kiosk", "lk"])

const mark = (status: Status): string => (status === "passed" ? "✔" : status === "failed" ? "✘" : "")

export const scenarioPlayer = (panels: Panels): { library(): Promise<void> } => {
  let run: Opened | null = null
  let steps: StepInfo[] = []
  let shown = 0
  const list = $("#scenario-steps")
  const dots = $("#scenario-dots")
  const now = $("#scenario-now")
  const next = $button("#scenario-next")
  const all = $button("#scenario-all")
  const narrate = (text: string, tone: Status | Tone = ""): void => {
    now.textContent = text
    now.classList.toggle("failed", tone === "failed")
    now.classList.toggle("passed", tone === "passed")
  }

  const renderSteps = (state: PlayState): void => {
    // One outcome per step that ran (a check has its own pass mark), with what the channel answered.
    const outcome = new Map(state.outcomes.map((o) => [o.index, o]))
    const current = state.finished ? -1 : (steps.find((s) => s.index > state.done)?.index ?? -1)
    const statusOf = (s: StepInfo): Status => outcome.get(s.index)?.status ?? (s.index <= state.done ? "passed" : "")
    list.replaceChildren(
      ...steps.map((s) => {
        const o = outcome.get(s.index)
        const status = statusOf(s)
        return h(
          "li",
          {
            class: `${status}${s.index === current ? " current" : ""}`,
            "data-index": String(s.index),
            "data-panel": s.panel,
            "aria-current": s.index === current ? "step" : false,
          },
          h("span", { text: s.text }),
          h("span", { class: "mark", text: mark(status) }),
          o !== undefined && o.status !== "not-run" && o.answer !== "" && CHANNEL_PANELS.has(s.panel)
            ? h("span", { class: "out", text: o.answer })
            : null,
          o !== undefined && o.failures.length > 0
            ? h("span", { class: "out error-text", text: o.failures.join("\n") })
            : null,
        )
      }),
    )
    dots.replaceChildren(
      ...steps.map((s) => h("li", { class: `${statusOf(s)}${s.index === current ? " current" : ""}`, title: s.text })),
    )
    list.querySelector("li.current")?.scrollIntoView({ block: "nearest" })
    const fin = state.finished
    next.disabled = fin
    all.disabled = fin
    const title = $("#scenario-title")
    const name = run?.name ?? ""
    const failed = state.outcomes.find((o) => o.status === "failed")
    const failedStep = failed === undefined ? undefined : steps.find((s) => s.index === failed.index)
    title.classList.toggle("error-text", state.passed === false)
    if (fin && state.passed) {
      title.textContent = `«${name}» — все проверки пройдены ✔`
      narrate(`«${name}»: все ${steps.length} шагов выполнены, проверки пройдены ✔`, "passed")
      say("Сценарий пройден", "good")
    } else if (fin) {
      const where = failedStep !== undefined ? `шаг ${failedStep.index}: ${failedStep.text}` : (state.crash ?? "")
      const why = failed?.failures[0]
      title.textContent = `«${name}» — не пройден, ${where}`
      narrate(`Сценарий не пройден — ${where} ✘${why !== undefined ? ` (${why})` : ""}`, "failed")
      say(`Сценарий не пройден на шаге ${failedStep?.index ?? "—"}`, "error")
    } else {
      const last = steps.filter((s) => s.index <= state.done).pop()
      const upcoming = steps.find((s) => s.index === current)
      const lastStatus = last === undefined ? "" : statusOf(last)
      narrate(
        last === undefined
          ? `Шаг 1 из ${steps.length}: ${upcoming?.text ?? ""}`
          : `Шаг ${last.index} из ${steps.length}: ${last.text} ${mark(lastStatus)}`,
        lastStatus,
      )
    }
    document.body.setAttribute("data-scenario", fin ? (state.passed ? "passed" : "failed") : `step-${state.done}`)
  }

  /** Each step that ran since the last look acts in its own panel, as the subscriber would see it. */
  const actOut = async (state: PlayState): Promise<void> => {
    const ran = state.outcomes.filter((o) => o.index > shown && o.status !== "not-run")
    shown = Math.max(shown, ...ran.map((o) => o.index))
    let lastPanel: StepInfo["panel"] | null = null
    for (const o of ran) {
      const s = steps.find((x) => x.index === o.index)
      if (s === undefined) continue
      if (s.msisdn !== null && s.msisdn !== st.msisdn && s.panel !== "check") await selectSubscriber(s.msisdn)
      const ok = o.status !== "failed"
      if (s.panel === "ussd") panels.ussd.show(s.input, o.answer)
      else if (s.panel === "ivr") panels.ivr.show(s.input, o.answer)
      else if (s.panel === "lk") panels.lk.show()
      else if (s.panel === "app") panels.app.show(o.answer, ok)
      else if (s.panel === "kiosk") panels.kiosk.show(o.answer, ok)
      if (s.panel !== "check") lastPanel = s.panel
    }
    if (lastPanel !== null && !SELF_SHOWN.has(lastPanel)) flash(lastPanel)
    await refresh()
  }

  const opened = async (out: Opened): Promise<void> => {
    run = out
    steps = out.steps
    shown = 0
    $("#scenario-title").textContent = `«${out.name}»${out.rules.length > 0 ? ` (${out.rules.join(", ")})` : ""}`
    await loadTwins(out.state.twinId)
    await selectTwin(out.state.twinId, steps.find((s) => s.msisdn !== null)?.msisdn ?? "")
    selectTab("steps")
    renderSteps(out.state)
    next.focus()
  }

  const load = (body: { library: string } | { file: string; yaml: string }): Promise<unknown> =>
    act("Сценарий открыт", async () => {
      list.replaceChildren()
      let out: Opened
      try {
        out = await api<Opened>("POST", "/console/api/scenarios", body)
      } catch (err) {
        const errors = err instanceof ApiError ? err.body.errors : undefined
        if (Array.isArray(errors)) list.replaceChildren(...errors.map((m) => h("li", { class: "failed", text: m })))
        selectTab("steps")
        throw err
      }
      await opened(out)
    })

  onSubmit("#scenario-load", () => {
    const file = $input("#scenario-file").files?.[0]
    if (file === undefined) return say("Выберите файл сценария", "error")
    void file.text().then((yaml) => load({ file: file.name, yaml }))
  })
  onSubmit("#scenario-pick", () => {
    const file = $select("#scenario-library").value
    if (file === "") return say("Выберите сценарий из библиотеки", "error")
    void load({ library: file })
  })
  const step = (mode: "next" | "all") => async (): Promise<void> => {
    if (run === null) return
    next.disabled = true
    all.disabled = true
    try {
      say(mode === "next" ? "Шаг выполняется…" : "Сценарий выполняется…")
      const url = `/console/api/scenarios/${encodeURIComponent(run.state.id)}/${mode}`
      const state = await api<PlayState>("POST", url)
      renderSteps(state)
      await actOut(state)
      if (!state.finished) say(mode === "next" ? "Шаг выполнен" : "")
    } catch (e) {
      say(`Сценарий: ${messageOf(e)}`, "error")
    }
  }
  next.addEventListener("click", step("next"))
  all.addEventListener("click", step("all"))
  return {
    async library() {
      const { scenarios } = await api<Library>("GET", "/console/api/library")
      $("#scenario-library").append(
        ...scenarios.map((s) =>
          h("option", { value: s.file, text: `${s.name}${s.rules.length > 0 ? ` (${s.rules.join(", ")})` : ""}` }),
        ),
      )
    },
  }
}
