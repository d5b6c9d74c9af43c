// Every shell example in README.md runs here, as a newcomer would copy it, and its output must be
// what the README shows. The examples are parsed from the README itself, so the two cannot drift.
//
// A shell example is a fenced block whose lines start with "$ " (the command) followed by its
// output. In the shown output "…" stands for any text within a line, and a line that is only "…"
// for any number of lines. The commands of one block run in order in a fresh folder, so `ussd`,
// `ivr` and `sms` act on a fresh ./twin.db (the demo twin); commands that open no database
// (`run`, `coverage`) run in the repository, where the paths they name live.
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { ROOT, runTwin } from "../helpers/cli.ts"

interface Example {
  readonly block: number
  readonly line: number
  readonly command: string
  readonly args: readonly string[]
  readonly shown: string
}

/** Split a shell command line into words: bare words, '…' and "…" (enough for the README). */
const words = (line: string): string[] => {
  const out: string[] = []
  const re = /'([^']*)'|"((?:[^"\\]|\\.)*)"|(\S+)/g
  for (const m of line.matchAll(re))
    out.push(m[1] ?? (m[2] !== undefined ? m[2].replace(/\\(.)/g, "$1") : (m[3] ?? "")))
  return out
}

/** The `twin` invocations of the README's shell examples, with the output each one shows. */
const readmeExamples = (text: string): Example[] => {
  const lines = text.split("\n")
  const examples: Example[] = []
  let block = -1
  let inFence = false
  let shell = false
  let current: { line: number; command: string; shown: string[] } | null = null
  const flush = (): void => {
    if (current === null) return
    const w = words(current.command)
    const start =
      w[0] === "npx" && w[1] === "twin" ? 2 : w[0] === "twin" ? 1 : w[0] === "node" && w[1] === "bin/twin.mjs" ? 2 : -1
    if (start === -1)
      throw new Error(`README.md:${current.line}: a shell example that is not a twin command: ${current.command}`)
    examples.push({
      block,
      line: current.line,
      command: current.command,
      args: w.slice(start),
      shown: current.shown.join("\n"),
    })
    current = null
  }
  lines.forEach((l, i) => {
    const fence = /^```(\S*)/.exec(l)
    if (fence !== null) {
      if (!inFence) {
        inFence = true
        shell = ["", "sh", "shell", "console", "bash"].includes(fence[1] ?? "")
        block++
      } else {
        flush()
        inFence = false
      }
      return
    }
    if (!inFence || !shell) return
    if (l.startsWith("$ ")) {
      flush()
      current = { line: i + 1, command: l.slice(2), shown: [] }
    } else if (current !== null) current.shown.push(l)
  })
  return examples
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

/** The README's shown output as a pattern: "…" is any text in a line, a lone "…" any lines. */
const shownPattern = (shown: string): RegExp =>
  new RegExp(
    `^${shown
      .split("\n")
      .map((l) => (l.trim() === "…" ? "(?:[^\\n]*\\n)*?" : `${l.split("…").map(escapeRe).join("[^\\n]*")}\\n`))
      .join("")}$`,
  )

const examples = readmeExamples(readFileSync(join(ROOT, "README.md"), "utf8"))
/** Subcommands that open ./twin.db: they run in the block's fresh folder. */
const USES_DB = new Set(["ussd", "ivr", "sms", "serve"])
const folders = new Map<number, string>()
const folderOf = (block: number): string => {
  const f = folders.get(block) ?? mkdtempSync(join(tmpdir(), "twin-readme-"))
  folders.set(block, f)
  return f
}
afterAll(() => {
  for (const f of folders.values()) rmSync(f, { recursive: true, force: true })
})

describe("README shell examples", () => {
  it("the README shows the ussd, ivr, sms, run (on the example) and coverage commands", () => {
    const shown = new Set(examples.map((e) => (e.args[0] === "run" ? `run ${e.args[1] ?? ""}` : e.args[0])))
    for (const c of ["ussd", "ivr", "sms", "run scenarios/examples/zabugorishche.yaml", "coverage"])
      expect([...shown], c).toContain(c)
  })

  for (const e of examples) {
    it(`README.md:${e.line}: $ ${e.command}`, async () => {
      const cwd = USES_DB.has(e.args[0] ?? "") ? folderOf(e.block) : ROOT
      const r = await runTwin(e.args, { cwd, timeoutMs: 110_000 })
      expect(r.stderr).toBe("")
      expect(r.code).toBe(0)
      expect(r.stdout).toMatch(shownPattern(e.shown))
    }, 120_000)
  }
})
