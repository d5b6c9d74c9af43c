// One server per database: `twin serve` holds `<db>.lock` (its pid) while it runs. A second
// process finds the file, sees the holder is alive, and refuses to start, naming the holder. A
// lock left by a killed server (its pid is gone) is taken over. `:memory:` needs no lock.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs"

export class DatabaseLocked extends Error {
  constructor(
    readonly path: string,
    readonly pid: number,
    readonly lockFile: string,
  ) {
    super(
      `--db ${path}: already open in another twin server (pid ${pid}); stop it or pick another --db (lock file ${lockFile})`,
    )
  }
}

export interface DbLock {
  readonly file: string | null
  release(): void
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "EPERM"
  }
}

const holderOf = (file: string): number | null => {
  try {
    const pid = Number(readFileSync(file, "utf8").trim())
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null
  } catch {
    return null
  }
}

/** Take the database's lock or throw DatabaseLocked naming the live holder. */
export const lockDatabase = (path: string): DbLock => {
  if (path === ":memory:" || path === "") return { file: null, release() {} }
  const file = `${path}.lock`
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, "wx")
      writeSync(fd, `${process.pid}\n`)
      closeSync(fd)
      let released = false
      const release = (): void => {
        if (released) return
        released = true
        process.removeListener("exit", release)
        if (holderOf(file) === process.pid) unlinkSync(file)
      }
      process.on("exit", release)
      return { file, release }
    } catch (e) {
      if ((e as { code?: unknown }).code !== "EEXIST") throw e
      const pid = holderOf(file)
      if (pid !== null && pid !== process.pid && alive(pid)) throw new DatabaseLocked(path, pid, file)
      // Stale (holder gone) or half-written: remove and try again.
      try {
        unlinkSync(file)
      } catch {
        /* another starter removed it first */
      }
    }
  }
  throw new DatabaseLocked(path, holderOf(file) ?? 0, file)
}
