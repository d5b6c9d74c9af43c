// The mutation report (scripts/mutation-report.mjs): per-file scores and the surviving mutants of a
// Stryker run, as the README's «Mutation testing» and docs/mutation-survivors.md give them.
import { describe, expect, it } from "vitest"
import { summarize, toMarkdown } from "../../scripts/mutation-report.mjs"

const at = (line: number, column: number) => ({ start: { line, column }, end: { line, column: column + 1 } })
const report = {
  files: {
    "core/rules/b.ts": {
      source: "const a = 1\nif (x > 0) return y\n",
      mutants: [
        { mutatorName: "EqualityOperator", replacement: "x >= 0", status: "Survived", location: at(2, 5) },
        { mutatorName: "ConditionalExpression", replacement: "true", status: "Killed", location: at(2, 5) },
        { mutatorName: "BlockStatement", replacement: "{}", status: "NoCoverage", location: at(1, 1) },
        { mutatorName: "ArithmeticOperator", replacement: "a | b", status: "Timeout", location: at(1, 11) },
        { mutatorName: "StringLiteral", replacement: '""', status: "Ignored", location: at(1, 1) },
      ],
    },
    "core/rules/a.ts": {
      source: "ok\n",
      mutants: [{ mutatorName: "BooleanLiteral", replacement: "false", status: "Killed", location: at(1, 1) }],
    },
  },
}

describe("mutation report", () => {
  it("counts timeouts as killed, leaves ignored mutants out, and lists survivors and uncovered ones by line", () => {
    const files = summarize(report)
    expect(files.map((f) => [f.file, f.tested, f.killed])).toEqual([
      ["core/rules/a.ts", 1, 1],
      ["core/rules/b.ts", 4, 2],
    ])
    expect(files[1]?.survivors.map((s) => [s.line, s.status, s.code])).toEqual([
      [1, "NoCoverage", "const a = 1"],
      [2, "Survived", "if (x > 0) return y"],
    ])
  })

  it("writes the score table with the total, and each survivor with its replacement, pipes escaped", () => {
    const md = toMarkdown(summarize(report))
    expect(md).toContain("| `core/rules/b.ts` | 4 | 2 | 2 | 50.00% |")
    expect(md).toContain("| **all** | 5 | 3 | 2 | **60.00%** |")
    expect(md).toContain("| 2:5 | EqualityOperator | `x >= 0` | `if (x > 0) return y` |")
    expect(md).toContain("| 1:1 | BlockStatement (no test reaches it) | `{}` | `const a = 1` |")
    expect(md).not.toContain("### `core/rules/a.ts`")
    expect(
      toMarkdown(
        summarize({
          files: {
            "f.ts": {
              source: "a || b",
              mutants: [
                { mutatorName: "LogicalOperator", replacement: "a && b", status: "Survived", location: at(1, 1) },
              ],
            },
          },
        }),
      ),
    ).toContain("`a \\|\\| b`")
  })
})
