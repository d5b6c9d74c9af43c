// `twin serve [--port N] [--db FILE]`: serve every channel, the control API and the console.
import { serve } from "@hono/node-server"
import type { Server } from "node:http"
import { defineCommand } from "citty"
import { MAX_TWINS, Registry } from "../../core/engine/registry.ts"
import { loadCatalogFile } from "../../core/catalog/load.ts"
import { DatabaseLocked, lockDatabase, type DbLock } from "../../core/store/lock.ts"
import { makeApp } from "../../channels/http.ts"
import { DEFAULT_LIMITS, limitServer, serverOptions, type Limits } from "../../channels/limits.ts"

const positive = (name: string, v: string | undefined, dflt: number): number => {
  if (v === undefined) return dflt
  const n = Number(v)
  if (!Number.isSafeInteger(n) || n < 1) {
    console.error(`--${name}: expected a positive whole number, got ${v}`)
    process.exit(2)
  }
  return n
}

export default defineCommand({
  meta: { name: "serve", description: "Serve the twin over HTTP (all channels, control API, web console)" },
  args: {
    port: { type: "string", description: "TCP port (default: $PORT or 3000)" },
    host: { type: "string", description: "Address to listen on", default: "127.0.0.1" },
    db: { type: "string", description: "SQLite file, or :memory: for a throwaway twin", default: "./twin.db" },
    catalog: { type: "string", description: "Catalog file (JSON or YAML) for new twins; default: the built-in catalog" },
    durability: { type: "string", description: "normal (default: survives kill -9, not a power cut) or full (SQLite synchronous=FULL: survives a power cut)", default: "normal" },
    "max-twins": { type: "string", description: `Twins per server (default ${MAX_TWINS})` },
    "max-connections": { type: "string", description: `Open connections (default ${DEFAULT_LIMITS.connections})` },
    "max-streams": { type: "string", description: `Live console event streams (default ${DEFAULT_LIMITS.sseClients})` },
    "request-timeout": { type: "string", description: `Seconds a client has to send a whole request (default ${DEFAULT_LIMITS.requestTimeoutMs / 1000})` },
  },
  run({ args }) {
    const port = Number(args.port ?? process.env.PORT ?? "3000")
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      console.error(`--port: expected 0..65535, got ${args.port}`)
      process.exit(2)
    }
    if (args.durability !== "normal" && args.durability !== "full") {
      console.error(`--durability: expected normal or full, got ${args.durability}`)
      process.exit(2)
    }
    const durability = args.durability
    const requestTimeoutMs = positive("request-timeout", args["request-timeout"], DEFAULT_LIMITS.requestTimeoutMs / 1000) * 1000
    const limits: Limits = {
      sseClients: positive("max-streams", args["max-streams"], DEFAULT_LIMITS.sseClients),
      connections: positive("max-connections", args["max-connections"], DEFAULT_LIMITS.connections),
      headersTimeoutMs: Math.min(DEFAULT_LIMITS.headersTimeoutMs, requestTimeoutMs),
      requestTimeoutMs,
    }
    const maxTwins = positive("max-twins", args["max-twins"], MAX_TWINS)
    let catalog
    try {
      catalog = args.catalog === undefined ? undefined : loadCatalogFile(args.catalog)
    } catch (e) {
      console.error(`--catalog: ${e instanceof Error ? e.message : String(e)}`)
      process.exit(2)
    }
    // One server per database: refuse with one line naming the holder.
    let lock: DbLock
    try {
      lock = lockDatabase(args.db)
    } catch (e) {
      if (e instanceof DatabaseLocked) {
        console.error(`twin serve: ${e.message}`)
        process.exit(3)
      }
      throw e
    }
    const registry = Registry.open(args.db, { ...(catalog === undefined ? {} : { catalog }), store: { durability }, maxTwins })
    const app = makeApp({ registry }, limits)
    const server = serve({ fetch: app.fetch, port, hostname: args.host, serverOptions: serverOptions(limits) }, (info) => {
      const t = registry.default
      console.log(`Цифровой двойник запущен: http://${args.host === "0.0.0.0" ? "127.0.0.1" : args.host}:${info.port}/`)
      console.log(`  база: ${args.db} · надежность записи: ${durability} · двойников: ${registry.list().length} · время двойника: ${t.nowIso()} · абонентов в демо: ${t.state.subscribers.size}`)
    }) as Server
    limitServer(server, limits)
    let closing = false
    const shutdown = (): void => {
      if (closing) return
      closing = true
      server.close()
      registry.close()
      lock.release()
      process.exit(0)
    }
    process.on("SIGINT", shutdown)
    process.on("SIGTERM", shutdown)
  },
})
