// The scenario language's reference (docs/scenarios.md) and editor schema (scenario.schema.json)
// are generated from the schemas the loader and the drivers use; stale copies fail here. Every
// example in the reference is a file in docs/examples/ (run by test/e2e/scenarios-one-path.test.ts),
// and every scenario file starts with the schema modeline and validates against the schema.
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { Ajv2020 } from "ajv/dist/2020.js"
import { describe, expect, it } from "vitest"
import { parse } from "yaml"
import { OPERATIONS } from "../../channels/web-ops.ts"
import { ERROR_CODES } from "../../channels/error-codes.ts"
import {
  EXAMPLES_DIR,
  exampleFiles,
  generatedFiles,
  modeline,
  REFERENCE_FILE,
  SCHEMA_FILE,
} from "../../scenarios/spec/files.ts"
import { EXPECT_FIELDS, STEP_KINDS } from "../../scenarios/spec/schema.ts"

const ROOT = fileURLToPath(new URL("../../", import.meta.url))
const read = (p: string): string => readFileSync(join(ROOT, p), "utf8")
const yamlIn = (dir: string): string[] =>
  readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => `${dir}/${f}`)
const SCENARIO_DIRS = ["scenarios/library", "scenarios/examples", EXAMPLES_DIR]

describe("generated reference and JSON Schema", () => {
  it.each(Object.entries(generatedFiles(ROOT)).map(([p, t]) => [p, t]))(
    "%s is up to date (regenerate: npx tsx scripts/scenario-reference.ts)",
    (path, text) => {
      expect(read(path) === text, `${path} is stale: run npx tsx scripts/scenario-reference.ts and commit it`).toBe(
        true,
      )
    },
  )

  it("lists every step kind, operation with each parameter, expect key and error code", () => {
    const doc = read(REFERENCE_FILE)
    for (const k of Object.keys(STEP_KINDS)) expect(doc).toContain(`### \`${k}\``)
    for (const o of OPERATIONS) {
      expect(doc).toContain(`### ${o.name}\n`)
      for (const p of Object.keys(o.params)) expect(doc).toContain(`| \`${p}\` |`)
    }
    for (const k of Object.keys(EXPECT_FIELDS)) expect(doc).toContain(`| \`${k}\` |`)
    for (const [c, m] of Object.entries(ERROR_CODES)) expect(doc).toContain(`| \`${c}\` | ${m.en} | ${m.ru} |`)
  })

  it("every example in docs/scenarios.md is a file of docs/examples, and every such file is shown", () => {
    const doc = read(REFERENCE_FILE)
    const blocks = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? "")
    const files = exampleFiles(ROOT)
    expect(files.length).toBeGreaterThanOrEqual(5)
    expect(blocks.sort()).toEqual(files.map((f) => `${f.text.trimEnd()}\n`).sort())
  })
})

describe("editor schema on real files", () => {
  const schema = JSON.parse(read(SCHEMA_FILE)) as object
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema)
  const files = SCENARIO_DIRS.flatMap(yamlIn)

  it.each(files)("%s starts with the schema modeline and validates", (file) => {
    const text = read(file)
    expect(text.split("\n")[0]).toBe(modeline(file.replace(/\/[^/]*$/, "")))
    const ok = validate(parse(text))
    expect(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 1)).toBe(true)
  })

  it("refuses a misspelt with: key, an unknown error code and a bare-number volume", () => {
    const base = parse(read(`${EXAMPLES_DIR}/02-linked-number.yaml`)) as { steps: unknown[] }
    const withStep = (step: unknown): unknown => ({ ...base, steps: [step] })
    expect(validate(withStep({ lk: { msisdn: "79160000011", do: "topup", with: { amout: 300 } } }))).toBe(false)
    expect(validate(withStep({ expect: { error: "BLOKED" } }))).toBe(false)
    expect(
      validate(
        withStep({ lk: { msisdn: "79160000011", do: "family-invite", with: { member: "79160000012", data: 5 } } }),
      ),
    ).toBe(false)
    expect(validate(withStep({ lk: { msisdn: "79160000011", do: "topup", with: { amount: 300 } } }))).toBe(true)
  })
})
