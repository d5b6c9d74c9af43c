// `twin serve [--port N] [--host H] [--db FILE] [--catalog FILE] [--secret S] [--no-auth]
// [--durability normal|full] [--max-*]`: serve
// every channel, the control API and the console. A fresh control token is generated at every
// start, printed with the URL and kept beside the database (mode 0600): the control API, the
// handset side (USSD, IVR, SMS) and the console need it (channels/edge/guard.ts).
import { serve } from "@hono/node-server"
import type { Server } from "node:http"
import { defineCommand } from "citty"
import { makeApp } from "../../channels/http.ts"
import { newControlToken, servedHosts, storeControlToken } from "../../channels/edge/control-token.ts"
import { fail, listenProblem, loadCatalogOrExit, openRegistryOrExit } from "../startup.ts"
import { MAX_TWINS } from "../../core/engine/registry.ts"
import { DatabaseLocked, lockDatabase, type DbLock } from "../../core/store/lock.ts"
import { DEFAULT_LIMITS, limitServer, serverOptions, type Limits } from "../../channels/limits.ts"

const positive = (name: string, v: string | undefined, dflt: number): number => {
  const n = v === undefined ? dflt : Number(v)
  return Number.isSafeInteger(n) && n >= 1 ? n : fail(`--${name}: expected a positive whole number, got ${v}`)
}

export default defineCommand({
  meta: { name: "serve", description: "Serve the twin over HTTP (all channels, control API, web console)" },
  args: {
    port: { type: "string", description: "TCP port (default: $PORT or 3000)" },
    host: {
      type: "string",
      description: "Address to listen on (0.0.0.0: every interface, with a warning)",
      default: "127.0.0.1",
    },
    db: { type: "string", description: "SQLite file, or :memory: for a throwaway twin", default: "./twin.db" },
    catalog: {
      type: "string",
      description: "Catalog file (JSON or YAML) for new twins; default: the built-in catalog",
    },
    secret: {
      type: "string",
      description:
        "Fix the secret of the twins this server creates (codes and tokens replay from seed + secret); default: random per twin",
    },
    "allow-host": {
      type: "string",
      description: "Another host name the server answers to (comma-separated), e.g. a classroom DNS name",
    },
    auth: {
      type: "boolean",
      description:
        "Require the control token (--no-auth: anyone who reaches the port controls the twin; throwaway local use only)",
      default: true,
    },
    durability: {
      type: "string",
      description:
        "normal (default: survives kill -9, not a power cut) or full (SQLite synchronous=FULL: survives a power cut)",
      default: "normal",
    },
    "max-twins": { type: "string", description: `Twins per server (default ${MAX_TWINS})` },
    "max-connections": { type: "string", description: `Open connections (default ${DEFAULT_LIMITS.connections})` },
    "max-streams": { type: "string", description: `Live console event streams (default ${DEFAULT_LIMITS.sseClients})` },
    "request-timeout": {
      type: "string",
      description: `Seconds a client has to send a whole request (default ${DEFAULT_LIMITS.requestTimeoutMs / 1000})`,
    },
  },
  run({ args }) {
    const port = Number(args.port ?? process.env.PORT ?? "3000")
    if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port: expected 0..65535, got ${args.port}`)
    if (args.durability !== "normal" && args.durability !== "full")
      fail(`--durability: expected normal or full, got ${args.durability}`)
    const durability = args.durability === "full" ? "full" : "normal"
    const requestTimeoutMs =
      positive("request-timeout", args["request-timeout"], DEFAULT_LIMITS.requestTimeoutMs / 1000) * 1000
    const limits: Limits = {
      sseClients: positive("max-streams", args["max-streams"], DEFAULT_LIMITS.sseClients),
      connections: positive("max-connections", args["max-connections"], DEFAULT_LIMITS.connections),
      headersTimeoutMs: Math.min(DEFAULT_LIMITS.headersTimeoutMs, requestTimeoutMs),
      requestTimeoutMs,
    }
    const maxTwins = positive("max-twins", args["max-twins"], MAX_TWINS)
    const catalog = args.catalog === undefined ? undefined : loadCatalogOrExit(args.catalog)
    if (args.secret !== undefined && args.secret.length < 16)
      fail("--secret: at least 16 characters (it keys every code and token of the twin)")
    // One server per database: a second one exits with one line naming the holder's pid.
    let lock: DbLock = { file: null, release() {} }
    try {
      lock = lockDatabase(args.db)
    } catch (e) {
      if (e instanceof DatabaseLocked) fail(e.message, 3)
      // Any other failure is a bad --db, reported with its reason by openRegistryOrExit.
    }
    const registry = openRegistryOrExit(args.db, {
      ...(catalog === undefined ? {} : { catalog }),
      ...(args.secret === undefined ? {} : { secret: args.secret }),
      store: { durability },
      maxTwins,
    })
    const token = args.auth === false ? null : newControlToken()
    const tokenFile = token === null ? null : storeControlToken(args.db, token)
    const { hosts, addresses } = servedHosts(args.host, (args["allow-host"] ?? "").split(","))
    const app = makeApp({ registry }, { token, hosts, sseClients: limits.sseClients })
    const server = serve(
      { fetch: app.fetch, port, hostname: args.host, serverOptions: serverOptions(limits) },
      (info) => {
        const t = registry.default
        const open = args.host === "0.0.0.0" || args.host === "::"
        const local = open ? "127.0.0.1" : args.host.includes(":") ? `[${args.host}]` : args.host
        const q = token === null ? "" : `?token=${token}`
        console.log(`Цифровой двойник запущен: http://${local}:${info.port}/${q}`)
        console.log(
          `  база: ${args.db} · надежность записи: ${durability} · двойников: ${registry.list().length} · время ` +
            `двойника: ${t.nowIso()} · абонентов в демо: ${t.state.subscribers.size}`,
        )
        if (token !== null) {
          console.log(`  токен доступа: ${token}${tokenFile === null ? "" : ` (сохранен в ${tokenFile}, права 0600)`}`)
          console.log(
            "  API управления, USSD, IVR, SMS и консоль: заголовок Authorization: Bearer <токен>; консоль запомнит его по ссылке выше",
          )
        }
        if (open) {
          for (const a of addresses) console.log(`  в сети: http://${a}:${info.port}/${q}`)
          console.warn(
            `ВНИМАНИЕ: --host ${args.host}: сервер доступен всем в сети. Абонентские разделы /lk, /app, /kiosk ` +
              `открыты всем; управление — только с токеном.`,
          )
        }
        if (token === null) {
          console.warn(
            "ВНИМАНИЕ: --no-auth: проверка токена выключена. Любая программа и любая вкладка браузера, " +
              "достучавшаяся до порта, управляет двойником: часами, балансами, SMS-кодами. Только для одноразовой локальной работы.",
          )
        }
      },
    ) as Server
    limitServer(server, limits)
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
      lock.release()
      process.exit(0)
    }
    process.on("SIGINT", shutdown)
    process.on("SIGTERM", shutdown)
  },
})
