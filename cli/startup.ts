// Start-up checks and the composition root's layers, shared by `twin serve`, `twin run`,
// `twin simulate` and the handset commands: a bad --db, --catalog or --port ends the process with
// ONE clear line on stderr and a non-zero exit, never a stack trace. The layers turn each
// resource's typed error into that line (StartupError); runCli prints it at teardown, after every
// resource acquired so far was released.
import { accessSync, closeSync, constants, existsSync, openSync, readSync, statSync } from "node:fs"
import { dirname, resolve } from "node:path"
import { runMain } from "@effect/platform-node/NodeRuntime"
import Database from "better-sqlite3"
import { Cause, type Context, Data, Effect, Exit, Layer, Runtime } from "effect"
import { Registry, type RegistryOptions } from "../core/engine/registry.ts"
import { TwinCatalog, TwinRegistry, TwinStore } from "../core/engine/services.ts"
import { loadCatalogFile, type CatalogIndex } from "../core/catalog/load.ts"
import { DatabaseLocked, lockDatabase } from "../core/store/lock.ts"
import type { StoreOptions } from "../core/store/event-log.ts"
import { HttpServer, type ListenOptions } from "../server/listen.ts"

/** Print one line and exit (2: bad argument). */
export const fail = (line: string, code = 2): never => {
  console.error(line.replace(/\s*\n\s*/g, " "))
  process.exit(code)
}

const SQLITE_MAGIC = "SQLite format 3\u0000"
/** The tables that make an SQLite file a twin database (core/store/schema.ts). */
const TWIN_TABLE = "twins"

/** Why `db` cannot hold a twin, or null when it can (a new file in an existing folder, or a twin database). */
export const dbProblem = (db: string): string | null => {
  if (db === ":memory:") return null
  const dir = dirname(resolve(db))
  if (!existsSync(dir)) return `the folder ${dir} does not exist`
  if (!existsSync(db)) {
    try {
      accessSync(dir, constants.W_OK)
    } catch {
      return `the folder ${dir} is read-only, so the database cannot be created there`
    }
    return null
  }
  const st = statSync(db)
  if (st.isDirectory()) return "it is a folder, not a database file"
  // The write bits, not access(2): root may write anything, but a file made read-only means "do not write".
  let writable = (st.mode & 0o222) !== 0
  try {
    accessSync(db, constants.W_OK)
  } catch {
    writable = false
  }
  if (!writable)
    return "the file is read-only; the twin appends its event log to it (make it writable or pick another file)"
  if (st.size === 0) return null
  const head = Buffer.alloc(16)
  const fd = openSync(db, "r")
  try {
    readSync(fd, head, 0, 16, 0)
  } finally {
    closeSync(fd)
  }
  if (head.toString("latin1") !== SQLITE_MAGIC) return "not a twin database (not an SQLite file)"
  const sqlite = new Database(db, { readonly: true, fileMustExist: true })
  try {
    const tables = sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .pluck()
      .all() as string[]
    if (tables.length > 0 && !tables.includes(TWIN_TABLE))
      return `not a twin database (an SQLite file with other tables: ${tables.slice(0, 5).join(", ")})`
  } finally {
    sqlite.close()
  }
  return null
}

/** Open the twins in `db`, or exit with one line naming --db and the reason. */
export const openRegistryOrExit = (db: string, opts: RegistryOptions = {}): Registry => {
  const problem = dbProblem(db)
  if (problem !== null) return fail(`--db ${db}: ${problem}`)
  try {
    return Registry.open(db, opts)
  } catch (e) {
    return fail(`--db ${db}: cannot open the twin database (${e instanceof Error ? e.message : String(e)})`, 1)
  }
}

/** Load --catalog, or exit with one line "--catalog: file:line:col: field: reason". */
export const loadCatalogOrExit = (file: string): CatalogIndex => {
  try {
    return loadCatalogFile(file)
  } catch (e) {
    return fail(`--catalog: ${e instanceof Error ? e.message : String(e)}`)
  }
}

/** One line for a listen error (port in use, no permission). */
export const listenProblem = (e: NodeJS.ErrnoException, host: string, port: number): string =>
  e.code === "EADDRINUSE"
    ? `--port ${port}: ${host}:${port} is already in use (another server listens there; pick another port or stop it)`
    : e.code === "EACCES"
      ? `--port ${port}: no permission to listen on ${host}:${port}`
      : e.code === "EADDRNOTAVAIL"
        ? `--host ${host}: not an address of this machine`
        : `--port ${port}: cannot listen on ${host}:${port} (${e.code ?? e.message})`

/** A start-up failure: the one line to print and the exit code (2: bad argument, 1: cannot open, 3: locked). */
export class StartupError extends Data.TaggedError("StartupError")<{ readonly line: string; readonly code: number }> {
  override get [Runtime.errorExitCode](): number {
    return this.code
  }
}

/** A layer of `service` that fails at build time with a start-up line. */
const failWith = <I, S>(service: Context.Key<I, S>, e: StartupError) => Layer.effect(service, Effect.fail(e))

/** The catalog of new twins: the --catalog file, or the built-in one. */
export const catalogLayer = (file: string | undefined) =>
  file === undefined
    ? TwinCatalog.builtin
    : TwinCatalog.file(file).pipe(
        Layer.catchTag("CatalogInvalid", (e) =>
          failWith(TwinCatalog, new StartupError({ line: `--catalog: ${e.reason}`, code: 2 })),
        ),
      )

/**
 * One server per database: `<db>.lock` held for the scope, released at its end. A second server
 * fails with one line naming the holder's pid; any other failure is a bad --db, reported with its
 * reason by the store layer.
 */
export const dbLockLayer = (db: string) =>
  Layer.effectDiscard(
    Effect.acquireRelease(
      Effect.try({ try: () => lockDatabase(db), catch: (e) => e }).pipe(
        Effect.catch((e) =>
          e instanceof DatabaseLocked
            ? Effect.fail(new StartupError({ line: e.message, code: 3 }))
            : Effect.succeed({ file: null, release() {} }),
        ),
      ),
      (lock) => Effect.sync(() => lock.release()),
    ),
  )

const cannotOpen = (db: string, reason: string) =>
  new StartupError({ line: `--db ${db}: cannot open the twin database (${reason})`, code: 1 })

/** The event log in --db, checked first (a folder, a read-only or foreign file is one line naming --db). */
export const storeLayer = (db: string, opts: StoreOptions = {}) =>
  Layer.unwrap(
    Effect.sync(() => dbProblem(db)).pipe(
      Effect.map((problem) =>
        problem === null
          ? TwinStore.layer(db, opts).pipe(
              Layer.catchTag("StoreUnavailable", (e) => failWith(TwinStore, cannotOpen(db, e.reason))),
            )
          : failWith(TwinStore, new StartupError({ line: `--db ${db}: ${problem}`, code: 2 })),
      ),
    ),
  )

/** The twins of the store and catalog in context, as the registry service. */
export const registryLayer = (db: string, opts: Omit<RegistryOptions, "catalog" | "store"> = {}) =>
  TwinRegistry.fromStore(opts).pipe(
    Layer.catchTag("StoreUnavailable", (e) => failWith(TwinRegistry, cannotOpen(db, e.reason))),
  )

/** The HTTP server on the registry in context; a listen error is one line naming --port or --host. */
export const httpLayer = (o: ListenOptions) =>
  HttpServer.layer(o).pipe(
    Layer.catchTag("ListenFailed", (e) =>
      failWith(
        HttpServer,
        new StartupError({
          line: listenProblem(Object.assign(new Error(e.message), { code: e.code }), o.host, o.port),
          code: 1,
        }),
      ),
    ),
  )

/** A command that ran and failed: exit with `code` after `line` (null: already reported, e.g. failed scenarios). */
export class CommandFailed extends Data.TaggedError("CommandFailed")<{
  readonly line: string | null
  readonly code: number
}> {}

/**
 * Run a command's program as the process's main Effect: SIGINT and SIGTERM interrupt it, which
 * releases its resources in reverse order (server, twins, database, lock) before the exit.
 * `onSignal`: the exit code after a signal (0 for a server, whose normal end is a signal).
 * A StartupError or CommandFailed is its one line and code; any other failure is one line
 * "twin: <message>", exit 1. The process exits once the program's resources are released.
 */
export const runCli = <A, E>(program: Effect.Effect<A, E>, onSignal = 130): void =>
  runMain(program, {
    disableErrorReporting: true,
    teardown: (exit, onExit) => {
      const code = exitCodeOf(exit, onSignal)
      onExit(code)
      process.exit(code)
    },
  })

const exitCodeOf = <A, E>(exit: Exit.Exit<A, E>, onSignal: number): number => {
  if (Exit.isSuccess(exit)) return 0
  if (Cause.hasInterruptsOnly(exit.cause)) return onSignal
  const error = Cause.squash(exit.cause)
  if (error instanceof StartupError || error instanceof CommandFailed) {
    if (error.line !== null) console.error(error.line.replace(/\s*\n\s*/g, " "))
    return error.code
  }
  console.error(`twin: ${error instanceof Error ? error.message : String(error)}`)
  return Runtime.getErrorExitCode(error)
}
