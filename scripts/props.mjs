#!/usr/bin/env node
// `npm run test:props -- --runs N --seed S [--path P] [test files] [vitest filters…]`: the property
// suite (test/property, or the files named) with N runs per property and base seed S (defaults:
// the CI values in qa/config.ts).
import { spawnSync } from "node:child_process"

const args = process.argv.slice(2)
const env = { ...process.env }
const rest = []
for (let i = 0; i < args.length; i++) {
  const a = args[i]
  const take = (name) => {
    const v = args[++i]
    if (v === undefined || !/^-?\d+$/.test(v)) {
      console.error(`${a}: expected an integer ${name}, got ${v ?? "nothing"}`)
      process.exit(2)
    }
    return v
  }
  if (a === "--runs") env.QA_RUNS = take("run count")
  else if (a === "--seed") env.QA_SEED = take("seed")
  else if (a === "--path") env.QA_PATH = args[++i] ?? ""
  else rest.push(a)
}
console.log(
  `[qa] property suite: runs ${env.QA_RUNS ?? "default (60)"} per property, base seed ${env.QA_SEED ?? "default (20260601)"}`,
)
// Files named after the options narrow the run (`-- --runs 1000 test/property/i8-parity.test.ts`).
const files = rest.some((a) => a.startsWith("test/")) ? [] : ["test/property"]
// A property runs its journeys in one test: give it time in proportion (3 s a journey, 60 s at least).
const timeout = String(Math.max(60_000, Number(env.QA_RUNS ?? 60) * 3_000))
const r = spawnSync("npx", ["vitest", "run", ...files, "--testTimeout", timeout, ...rest], { stdio: "inherit", env })
process.exit(r.status ?? 1)
