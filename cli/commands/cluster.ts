// `twin cluster runner --pg URL [--host 127.0.0.1] [--port N] [--shards 8]`: a runner process of
// the effect/cluster deployment of the population simulation (cluster/runner.ts). Start one per
// core or machine; `twin simulate --cluster --pg URL` then runs a population on them.
import { defineCommand } from "citty"
import { checkPgUrl, DEFAULT_SHARDS } from "../../cluster/config.ts"
import { freePort } from "../../cluster/free-port.ts"

const intArg = (v: string | undefined, name: string, min: number, max: number): number | undefined => {
  if (v === undefined) return undefined
  const n = Number(v)
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    console.error(`--${name}: expected an integer ${min}..${max}, got ${v}`)
    process.exit(2)
  }
  return n
}

const runner = defineCommand({
  meta: {
    name: "runner",
    description: "Start a cluster runner hosting simulation partitions (shards assigned through Postgres)",
  },
  args: {
    pg: {
      type: "string",
      description: "PostgreSQL URL shared by the cluster (postgres://user:pass@host:port/db)",
      required: true,
    },
    host: { type: "string", description: "Address other cluster processes reach this runner at", default: "127.0.0.1" },
    port: { type: "string", description: "Port of the runner's socket (default: a free port)" },
    shards: {
      type: "string",
      description: "Shards per group: the same on every runner and client",
      default: String(DEFAULT_SHARDS),
    },
  },
  async run({ args }) {
    const bad = checkPgUrl(args.pg)
    if (bad !== null) {
      console.error(bad)
      process.exit(2)
    }
    const port = intArg(args.port, "port", 1, 65_535) ?? (await freePort())
    const shards = intArg(args.shards, "shards", 1, 10_000) ?? DEFAULT_SHARDS
    const { runRunner } = await import("../../cluster/runner.ts")
    runRunner({ pg: args.pg, host: args.host, port, shards })
  },
})

export default defineCommand({
  meta: { name: "cluster", description: "effect/cluster deployment of the population simulation" },
  subCommands: { runner },
})
