// The human report: every step with its twin time, channel, what was sent and what came back;
// a failure shows expected vs actual, the file position and the seed to replay it.
import { isAbsolute, relative } from "node:path"
import type { ScenarioError } from "../errors.ts"
import { twinTime, type ScenarioResult, type StepRecord } from "../runner.ts"

/** A scenario file as the reader typed it: relative to the working folder when inside it. */
const shown = (file: string): string => {
  const rel = relative(process.cwd(), file)
  return rel === "" || rel.startsWith("..") || isAbsolute(rel) ? file : rel
}

export interface HumanOptions {
  readonly color?: boolean
  readonly verbose?: boolean
}

const paint = (on: boolean) => ({
  red: (s: string) => (on ? `\x1b[31m${s}\x1b[0m` : s),
  green: (s: string) => (on ? `\x1b[32m${s}\x1b[0m` : s),
  dim: (s: string) => (on ? `\x1b[2m${s}\x1b[0m` : s),
  bold: (s: string) => (on ? `\x1b[1m${s}\x1b[0m` : s),
})

const indent = (text: string, pad: string): string =>
  text
    .split("\n")
    .map((l) => pad + l)
    .join("\n")

const stepLine = (s: StepRecord, c: ReturnType<typeof paint>): string => {
  const mark = s.status === "passed" ? c.green("✔") : s.status === "failed" ? c.red("✘") : c.dim("·")
  const where = s.pos === null ? "" : c.dim(` :${s.pos.line}`)
  const who = s.msisdn === null ? "" : ` ${s.msisdn}`
  const refused = s.errorCode !== null ? c.dim(` [${s.errorCode}]`) : ""
  const head =
    `  ${mark} ${c.dim(`[${twinTime(s.at)}]`)} ${s.kind.padEnd(7)}${who} ` +
    `${s.kind === "expect" ? "" : "» "}${s.sent}${refused}${where}`
  const lines = [head]
  if (s.note !== undefined) lines.push(c.dim(`      # ${s.note}`))
  if (s.answer !== "" && s.status !== "not-run") lines.push(c.dim(indent(`« ${s.answer}`, "      ")))
  for (const f of s.failures)
    lines.push(c.red(`      ${f.what}\n        expected: ${f.expected}\n        actual:   ${f.actual}`))
  return lines.join("\n")
}

export const formatResult = (r: ScenarioResult, o: HumanOptions = {}): string => {
  const c = paint(o.color ?? false)
  const head =
    `${r.passed ? c.green("PASS") : c.red("FAIL")} ${c.bold(r.name)}\n     ${shown(r.file)} · ` +
    `seed ${r.seed} · start ${r.start}${r.rules.length > 0 ? ` · ${r.rules.join(" ")}` : ""}`
  const lines = [head]
  if (o.verbose ?? true) for (const s of r.steps) lines.push(stepLine(s, c))
  else for (const s of r.steps.filter((x) => x.status === "failed")) lines.push(stepLine(s, c))
  if (r.crash !== null) lines.push(c.red(`  ${r.crash}`))
  if (!r.passed) {
    const failed = r.steps.find((s) => s.status === "failed")
    lines.push(
      c.red(
        `  failed${failed?.pos ? ` at ${shown(failed.pos.file)}:${failed.pos.line}` : ""} · seed ${r.seed} · ` +
          `replay: twin run ${shown(r.file)}`,
      ),
    )
  }
  return lines.join("\n")
}

export const formatSummary = (results: readonly ScenarioResult[], o: HumanOptions = {}): string => {
  const c = paint(o.color ?? false)
  const failed = results.filter((r) => !r.passed)
  const steps = results.reduce((n, r) => n + r.steps.filter((s) => s.status !== "not-run").length, 0)
  const line = `${results.length} scenarios, ${results.length - failed.length} passed, ${failed.length} failed (${steps} steps)`
  return [
    failed.length === 0 ? c.green(line) : c.red(line),
    ...failed.map((r) => c.red(`  ✘ ${shown(r.file)}: ${r.name}`)),
  ].join("\n")
}

export const formatLoadErrors = (errors: readonly ScenarioError[]): string =>
  `${errors.map((e) => e.format()).join("\n")}\n${errors.length} problem${errors.length === 1 ? "" : "s"} in ` +
  `scenario files; nothing was run`
