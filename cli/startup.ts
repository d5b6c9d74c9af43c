// Start-up checks shared by `twin serve` and the handset commands: a bad --db, --catalog or
// --port ends the process with ONE clear line on stderr and a non-zero exit, never a stack trace.
import { accessSync, closeSync, constants, existsSync, openSync, readSync, statSync } from "node:fs"
import { dirname, resolve } from "node:path"
import Database from "better-sqlite3"
import { Registry, type RegistryOptions } from "../core/engine/registry.ts"
import { loadCatalogFile, type CatalogIndex } from "../core/catalog/load.ts"

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
