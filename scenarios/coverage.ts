// Which library scenarios cover which rule (R1–R29), from each file's `rules` list.
import { readFile } from "node:fs/promises"
import { relative } from "node:path"
import { fileURLToPath } from "node:url"
import { parse } from "yaml"
import { discover } from "./discover.ts"
import { RULES } from "./model.ts"

export const LIBRARY_DIR = fileURLToPath(new URL("./library/", import.meta.url))

export interface RuleCoverage {
  readonly rule: string
  readonly files: readonly string[]
}

export const coverage = async (dir = LIBRARY_DIR, base = process.cwd()): Promise<RuleCoverage[]> => {
  const { files } = await discover([dir])
  const byRule = new Map<string, string[]>(RULES.map((r) => [r, []]))
  for (const f of files) {
    let doc: unknown
    try {
      doc = parse(await readFile(f, "utf8"))
    } catch {
      continue
    }
    const rules = typeof doc === "object" && doc !== null ? (doc as { rules?: unknown }).rules : undefined
    if (!Array.isArray(rules)) continue
    for (const r of rules) byRule.get(String(r))?.push(relative(base, f))
  }
  return RULES.map((rule) => ({ rule, files: byRule.get(rule) ?? [] }))
}

export const formatCoverage = (rows: readonly RuleCoverage[]): string => {
  const lines = rows.map(
    (r) => `${r.rule.padEnd(4)} ${r.files.length === 0 ? "— no library scenario covers it" : r.files.join(", ")}`,
  )
  const covered = rows.filter((r) => r.files.length > 0).length
  return `${lines.join("\n")}\n${covered}/${rows.length} rules covered`
}
