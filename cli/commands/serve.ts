// `twin serve [--port N] [--db FILE]`: serve every channel, the control API and the console.
import { serve } from "@hono/node-server"
import { defineCommand } from "citty"
import { makeApp } from "../../channels/http.ts"
import { fail, listenProblem, loadCatalogOrExit, openRegistryOrExit } from "../startup.ts"

export default defineCommand({
  meta: { name: "serve", description: "Serve the twin over HTTP (all channels, control API, web console)" },
  args: {
    port: { type: "string", description: "TCP port (default: $PORT or 3000)" },
    host: { type: "string", description: "Address to listen on", default: "127.0.0.1" },
    db: { type: "string", description: "SQLite file, or :memory: for a throwaway twin", default: "./twin.db" },
    catalog: { type: "string", description: "Catalog file (JSON or YAML) for new twins; default: the built-in catalog" },
  },
  run({ args }) {
    const port = Number(args.port ?? process.env.PORT ?? "3000")
    if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port: expected 0..65535, got ${args.port}`)
    const catalog = args.catalog === undefined ? undefined : loadCatalogOrExit(args.catalog)
    const registry = openRegistryOrExit(args.db, catalog === undefined ? {} : { catalog })
    const app = makeApp({ registry })
    const server = serve({ fetch: app.fetch, port, hostname: args.host }, (info) => {
      const t = registry.default
      console.log(`Цифровой двойник запущен: http://${args.host === "0.0.0.0" ? "127.0.0.1" : args.host}:${info.port}/`)
      console.log(`  база: ${args.db} · двойников: ${registry.list().length} · время двойника: ${t.nowIso()} · абонентов в демо: ${t.state.subscribers.size}`)
    })
    server.on("error", (e: NodeJS.ErrnoException) => {
      registry.close()
      fail(listenProblem(e, args.host, port), 1)
    })
    let closing = false
    const shutdown = (): void => {
      if (closing) return
      closing = true
      server.close()
      registry.close()
      process.exit(0)
    }
    process.on("SIGINT", shutdown)
    process.on("SIGTERM", shutdown)
  },
})
