// The repository stands alone: nothing in it reads, links or names the reference folder that sat
// beside the project while it was written, and every repository path the docs name exists.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs"
import { join, relative } from "node:path"
import { describe, expect, it } from "vitest"
import { ROOT } from "../helpers/cli.ts"

// Generated and ignored: test results, Stryker's sandbox and its reports.
const SKIP = new Set(["node_modules", ".git", "test-results", ".prof", "tmp", ".stryker-tmp", "reports"])
const TEXT = /\.(ts|tsx|mjs|js|json|md|yaml|yml|css|sh|txt)$|^run$/

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name)) return []
    const p = join(dir, name)
    return statSync(p).isDirectory() ? files(p) : TEXT.test(name) ? [p] : []
  })

describe("the repository stands alone", () => {
  it("no file names the reference folder beside the project", () => {
    const outside = [`..${"/"}shared`, `/work${"/"}shared`]
    const hits = files(ROOT)
      .filter((f) => !f.endsWith("package-lock.json"))
      .flatMap((f) => {
        const text = readFileSync(f, "utf8")
        return outside.filter((o) => text.includes(o)).map((o) => `${relative(ROOT, f)}: ${o}`)
      })
    expect(hits).toEqual([])
  })

  it("every repository path named in docs/rules.md, docs/architecture.md and the README exists", () => {
    const missing: string[] = []
    let named = 0
    for (const doc of ["docs/rules.md", "docs/architecture.md", "README.md"]) {
      const text = readFileSync(join(ROOT, doc), "utf8")
      for (const m of text.matchAll(
        /`((?:core|channels|cli|scenarios|qa|bench|web|test|docs|bin|scripts)\/[\w./-]*)`/g,
      )) {
        const path = (m[1] ?? "").replace(/\/$/, "")
        named++
        if (!existsSync(join(ROOT, path))) missing.push(`${doc}: ${path}`)
      }
    }
    expect(named).toBeGreaterThan(100)
    expect(missing).toEqual([])
  })
})
