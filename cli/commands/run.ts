// `twin run <files, folders or globs> [--url URL] [--junit FILE] [--html FILE] [--concurrency N] [--quiet]
//   [--keep-going] [--setup-as-traffic]`
// Runs scenario scripts (docs/scenarios.md): in-process on a fresh twin each, or against `twin serve` with --url.
import { writeFile } from "node:fs/promises"
import { defineCommand } from "citty"
import { Effect } from "effect"
import { discover } from "../../scenarios/discover.ts"
import { formatLoadErrors, formatResult, formatSummary } from "../../scenarios/report/human.ts"
import { htmlReport } from "../../scenarios/report/html.ts"
import { junitXml } from "../../scenarios/report/junit.ts"
import { loadAll, runAllEffect, type RunOptions } from "../../server/scenario-runs.ts"
import { findControlToken } from "../../channels/edge/control-token.ts"
import { CommandFailed, runCli } from "../startup.ts"

const writeReport = (file: string, text: string) =>
  Effect.tryPromise({
    try: () => writeFile(file, text, "utf8"),
    catch: (e) =>
      new CommandFailed({ line: `twin run: cannot write ${file} (${e instanceof Error ? e.message : e})`, code: 2 }),
  })

export default defineCommand({
  meta: { name: "run", description: "Run scenario scripts (YAML files, folders or globs) against the twin" },
  args: {
    url: {
      type: "string",
      description: "Run against a running `twin serve` (e.g. http://127.0.0.1:3000) instead of in-process",
    },
    junit: { type: "string", description: "Write a JUnit XML report to this file" },
    html: { type: "string", description: "Write a self-contained HTML report (timeline per subscriber) to this file" },
    concurrency: { type: "string", description: "Scenarios run at once (default 4)" },
    quiet: { type: "boolean", description: "Print only failures and the summary" },
    token: {
      type: "string",
      description: "Control token of the server at --url (default: $TWIN_TOKEN, then the file beside --db)",
    },
    db: {
      type: "string",
      description: "Database of the server at --url, whose <db>.token holds its control token",
      default: "./twin.db",
    },
    "keep-going": { type: "boolean", description: "Run every step after a failing one and report every failing check" },
    "setup-as-traffic": {
      type: "boolean",
      description:
        "Put subscribers: in place as traffic (packages bought, links by code, invitations answered, with their " +
        "charges and SMS) instead of as state",
    },
  },
  async run({ args }) {
    const paths = (args._ as string[]).filter((a) => a !== "")
    if (paths.length === 0) {
      console.error("twin run: give scenario files, folders or globs, e.g. twin run scenarios/library")
      process.exit(2)
    }
    const { files, unmatched } = await discover(paths)
    for (const u of unmatched) console.error(`twin run: ${u}: no such file, or no YAML files in it`)
    if (files.length === 0 || unmatched.length > 0) process.exit(2)
    const loaded = await loadAll(files)
    if (!loaded.ok) {
      console.error(formatLoadErrors(loaded.errors))
      process.exit(2)
    }
    const concurrency = args.concurrency === undefined ? 4 : Number(args.concurrency)
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      console.error(`--concurrency: expected a whole number ≥ 1, got ${args.concurrency}`)
      process.exit(2)
    }
    const color = process.stdout.isTTY === true
    const options: RunOptions = {
      concurrency,
      ...(args["keep-going"] === true ? { keepGoing: true } : {}),
      ...(args["setup-as-traffic"] === true ? { setup: "traffic" as const } : {}),
      ...(args.url !== undefined ? { url: args.url, token: findControlToken({ token: args.token, db: args.db }) } : {}),
      onResult: (r) => console.log(`${formatResult(r, { color, verbose: args.quiet !== true })}\n`),
    }
    // Ctrl+C interrupts the runs in flight and closes their in-process twins before the exit (130).
    const program = Effect.gen(function* () {
      const results = yield* runAllEffect(loaded.scenarios, options)
      console.log(formatSummary(results, { color }))
      if (args.junit !== undefined) yield* writeReport(args.junit, junitXml(results))
      if (args.html !== undefined) yield* writeReport(args.html, htmlReport(results))
      if (!results.every((r) => r.passed)) return yield* new CommandFailed({ line: null, code: 1 })
    })
    runCli(program)
  },
})
