// `twin serve [--port N] [--host H] [--db FILE] [--catalog FILE] [--secret S] [--no-auth]
// [--durability normal|full] [--max-*]`: serve
// every channel, the control API and the console. A fresh control token is generated at every
// start, printed with the URL and kept beside the database (mode 0600): the control API, the
// handset side (USSD, IVR, SMS) and the console need it (channels/edge/guard.ts).
import { defineCommand } from "citty"
import { Effect, Layer } from "effect"
import { newControlToken, servedHosts, storeControlToken } from "../../channels/edge/control-token.ts"
import { DEFAULT_LIMITS, type Limits } from "../../channels/limits.ts"
import { MAX_TWINS, type Registry } from "../../core/engine/registry.ts"
import { TwinRegistry } from "../../core/engine/services.ts"
import { HttpServer } from "../../server/listen.ts"
import { catalogLayer, dbLockLayer, fail, httpLayer, registryLayer, runCli, storeLayer } from "../startup.ts"

const positive = (name: string, v: string | undefined, dflt: number): number => {
  const n = v === undefined ? dflt : Number(v)
  return Number.isSafeInteger(n) && n >= 1 ? n : fail(`--${name}: expected a positive whole number, got ${v}`)
}

interface Banner {
  readonly host: string
  readonly port: number
  readonly db: string
  readonly durability: string
  readonly registry: Registry
  readonly token: string | null
  readonly tokenFile: string | null
  readonly addresses: readonly string[]
}

/** The start-up lines: the URL (with the token), the database and the twin, and the warnings. */
const printBanner = (b: Banner): void => {
  const t = b.registry.default
  const open = b.host === "0.0.0.0" || b.host === "::"
  const local = open ? "127.0.0.1" : b.host.includes(":") ? `[${b.host}]` : b.host
  const q = b.token === null ? "" : `?token=${b.token}`
  console.log(`Цифровой двойник запущен: http://${local}:${b.port}/${q}`)
  console.log(
    `  база: ${b.db} · надежность записи: ${b.durability} · двойников: ${b.registry.list().length} · ` +
      `время двойника: ${t.nowIso()} · абонентов в демо: ${t.state.subscribers.size}`,
  )
  if (b.token !== null) {
    console.log(`  токен доступа: ${b.token}${b.tokenFile === null ? "" : ` (сохранен в ${b.tokenFile}, права 0600)`}`)
    console.log(
      "  API управления, USSD, IVR, SMS и консоль: заголовок Authorization: Bearer <токен>; " +
        "консоль запомнит его по ссылке выше",
    )
  }
  if (open) {
    for (const a of b.addresses) console.log(`  в сети: http://${a}:${b.port}/${q}`)
    console.warn(
      `ВНИМАНИЕ: --host ${b.host}: сервер доступен всем в сети. Абонентские разделы /lk, /app, /kiosk открыты всем; ` +
        "управление — только с токеном.",
    )
  }
  if (b.token === null) {
    console.warn(
      "ВНИМАНИЕ: --no-auth: проверка токена выключена. Любая программа и любая вкладка браузера, " +
        "достучавшаяся до порта, управляет двойником: часами, балансами, SMS-кодами. " +
        "Только для одноразовой локальной работы.",
    )
  }
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
    if (args.secret !== undefined && args.secret.length < 16)
      fail("--secret: at least 16 characters (it keys every code and token of the twin)")
    const token = args.auth === false ? null : newControlToken()
    const { hosts, addresses } = servedHosts(args.host, (args["allow-host"] ?? "").split(","))
    // Built in this order, released in the reverse: catalog, lock, store, twins, HTTP server.
    const resources = httpLayer({ port, host: args.host, limits, app: { token, hosts } }).pipe(
      Layer.provideMerge(
        registryLayer(args.db, { ...(args.secret === undefined ? {} : { secret: args.secret }), maxTwins }),
      ),
      Layer.provideMerge(storeLayer(args.db, { durability })),
      Layer.provideMerge(dbLockLayer(args.db)),
      Layer.provideMerge(catalogLayer(args.catalog)),
    )
    const program = Effect.gen(function* () {
      const registry = yield* TwinRegistry
      const { port: bound } = yield* HttpServer
      const tokenFile = token === null ? null : storeControlToken(args.db, token)
      printBanner({ host: args.host, port: bound, db: args.db, durability, registry, token, tokenFile, addresses })
      // Serve until SIGINT or SIGTERM interrupts this fiber; the layers then close in reverse.
      return yield* Effect.never
    })
    runCli(program.pipe(Effect.provide(resources)), 0)
  },
})
