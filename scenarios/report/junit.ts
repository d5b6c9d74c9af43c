// JUnit XML for CI: one test suite per scenario file, one test case per scenario, the step log
// as system-out and the first failure's expected vs actual as the failure message.
import { formatResult } from "./human.ts"
import type { ScenarioResult } from "../runner.ts"

export const xmlEscape = (s: string): string =>
  s
    // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these characters; they are removed on purpose.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")

export const junitXml = (results: readonly ScenarioResult[]): string => {
  const failures = results.filter((r) => !r.passed).length
  const seconds = (ms: number): string => (ms / 1000).toFixed(3)
  const total = results.reduce((s, r) => s + r.wallMs, 0)
  const cases = results.map((r) => {
    const failedStep = r.steps.find((s) => s.status === "failed")
    const first = failedStep?.failures[0]
    const msg =
      r.crash ?? (first !== undefined ? `${first.what}: expected ${first.expected}, actual ${first.actual}` : "")
    const where = failedStep?.pos ? `${failedStep.pos.file}:${failedStep.pos.line}` : r.file
    const failure = r.passed
      ? ""
      : `\n      <failure message="${xmlEscape(msg)}" type="ScenarioFailure">${xmlEscape(`${where}\nseed ${r.seed}\n${msg}`)}</failure>`
    return `    <testcase classname="${xmlEscape(r.file)}" name="${xmlEscape(r.name)}" time="${seconds(r.wallMs)}">${failure}
      <system-out>${xmlEscape(formatResult(r))}</system-out>
    </testcase>`
  })
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="twin scenarios" tests="${results.length}" failures="${failures}" time="${seconds(total)}">
  <testsuite name="scenarios" tests="${results.length}" failures="${failures}" errors="0" skipped="0" time="${seconds(total)}">
${cases.join("\n")}
  </testsuite>
</testsuites>
`
}
