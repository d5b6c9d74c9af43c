// Start-up errors of `twin serve` (and the handset commands) are one clear line on stderr naming
// the option and the reason, with a non-zero exit: never a stack trace.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { createServer, type Server } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import Database from "better-sqlite3"
import { stringify } from "yaml"
import { afterAll, describe, expect, it } from "vitest"
import { defaultCatalog } from "../../core/catalog/default.ts"
import { runTwin, type CliResult } from "../helpers/cli.ts"

const dir = mkdtempSync(join(tmpdir(), "twin-startup-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Exactly one line on stderr, no stack frame, nothing on stdout, a non-zero exit. */
const expectOneLine = (r: CliResult, pattern: RegExp): void => {
  expect(r.stdout).toBe("")
  const lines = r.stderr.trimEnd().split("\n")
  expect(lines, r.stderr).toHaveLength(1)
  expect(r.stderr).not.toMatch(/\n\s+at /)
  expect(lines[0]).toMatch(pattern)
  expect(r.code).not.toBe(0)
  expect(r.code).not.toBeNull()
}

const serve = (...args: string[]): Promise<CliResult> => runTwin(["serve", "--port", "0", ...args], { cwd: dir })

// Each case spawns the CLI two or three times; on a loaded machine one spawn takes seconds.
const SPAWNS = { timeout: 180_000 }

describe("twin serve start-up errors", () => {
  it("--db in a folder that does not exist", SPAWNS, async () => {
    const db = join(dir, "no-such-folder", "twin.db")
    expectOneLine(
      await serve("--db", db),
      /^--db .*no-such-folder\/twin\.db: the folder .*no-such-folder does not exist$/,
    )
  })

  it("--db on a read-only file (serve and ussd)", SPAWNS, async () => {
    const db = join(dir, "read-only.db")
    const made = await runTwin(["ussd", "79160000001", "*100#", "--db", db], { cwd: dir })
    expect(made.code).toBe(0)
    chmodSync(db, 0o444)
    expectOneLine(await serve("--db", db), /^--db .*read-only\.db: the file is read-only/)
    expectOneLine(
      await runTwin(["ussd", "79160000001", "*100#", "--db", db], { cwd: dir }),
      /^--db .*read-only\.db: the file is read-only/,
    )
  })

  it("--db on a file that is not a twin database", SPAWNS, async () => {
    const text = join(dir, "notes.db")
    writeFileSync(text, "not a database at all\n")
    expectOneLine(await serve("--db", text), /^--db .*notes\.db: not a twin database \(not an SQLite file\)$/)
    const other = join(dir, "other.db")
    const sqlite = new Database(other)
    sqlite.exec("CREATE TABLE orders (id INTEGER PRIMARY KEY)")
    sqlite.close()
    expectOneLine(
      await serve("--db", other),
      /^--db .*other\.db: not a twin database \(an SQLite file with other tables: orders\)$/,
    )
  })

  it("--port already in use", SPAWNS, async () => {
    const busy: Server = createServer()
    const port = await new Promise<number>((ok) =>
      busy.listen(0, "127.0.0.1", () => ok((busy.address() as { port: number }).port)),
    )
    try {
      const r = await runTwin(["serve", "--port", String(port), "--db", ":memory:"], { cwd: dir })
      expectOneLine(r, new RegExp(`^--port ${port}: 127\\.0\\.0\\.1:${port} is already in use`))
    } finally {
      await new Promise((ok) => busy.close(ok))
    }
  })

  it("--catalog with an error names file:line:col and the field (YAML and JSON)", SPAWNS, async () => {
    const bad = structuredClone(defaultCatalog) as unknown as { tariffs: Array<Record<string, unknown>> }
    const tariff = bad.tariffs[1] as Record<string, unknown>
    tariff.monthlyFee = "дорого"
    const yamlText = stringify(bad)
    const yamlLine = yamlText.split("\n").findIndex((l) => l.includes("monthlyFee: дорого")) + 1
    writeFileSync(join(dir, "catalog.yaml"), yamlText)
    expectOneLine(
      await serve("--db", ":memory:", "--catalog", "catalog.yaml"),
      new RegExp(`^--catalog: catalog\\.yaml:${yamlLine}:\\d+: tariffs\\[1\\]\\.monthlyFee: Expected number`),
    )
    const jsonText = JSON.stringify(bad, null, 2)
    const jsonLine = jsonText.split("\n").findIndex((l) => l.includes(`"monthlyFee": "дорого"`)) + 1
    writeFileSync(join(dir, "catalog.json"), jsonText)
    expectOneLine(
      await serve("--db", ":memory:", "--catalog", "catalog.json"),
      new RegExp(`^--catalog: catalog\\.json:${jsonLine}:\\d+: tariffs\\[1\\]\\.monthlyFee: Expected number`),
    )
  })

  it("--catalog naming a tariff that does not exist, and a YAML syntax error", SPAWNS, async () => {
    const bad = structuredClone(defaultCatalog) as unknown as { family: { memberTariff: string } }
    bad.family.memberTariff = "nope"
    const text = stringify(bad)
    const line = text.split("\n").findIndex((l) => l.includes("memberTariff: nope")) + 1
    writeFileSync(join(dir, "family.yaml"), text)
    expectOneLine(
      await serve("--db", ":memory:", "--catalog", "family.yaml"),
      new RegExp(`^--catalog: family\\.yaml:${line}:\\d+: family\\.memberTariff: "nope" is not a tariff$`),
    )
    writeFileSync(join(dir, "broken.yaml"), "version: 1\ntariffs: [1\nservices: 2\n")
    expectOneLine(await serve("--db", ":memory:", "--catalog", "broken.yaml"), /^--catalog: broken\.yaml:3:\d+: /)
  })
})
