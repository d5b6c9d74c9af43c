// `twin serve` as a child process on a loopback port and a SQLite file, for the crash-recovery
// and load tests. Every child is killed and the temp folder removed by `cleanup()`.
import { spawn, type ChildProcess } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { freePort } from "../../cluster/free-port.ts"

const ROOT = new URL("../../", import.meta.url).pathname

/** `token`: the control token the server printed and stored beside its database (issue 14). */
export interface ServerProcess {
  child: ChildProcess
  port: number
  origin: string
  token: string
}

/** A temp folder with one database file, and the servers started on it. */
export const serverFixture = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  const db = join(dir, "twin.db")
  const children = new Set<ChildProcess>()

  /** Start `twin serve --db <db>` on a free loopback port; resolves once it prints its URL. */
  const start = async (): Promise<ServerProcess> => {
    const port = await freePort()
    const child = spawn(
      process.execPath,
      ["bin/twin.mjs", "serve", "--db", db, "--port", String(port), "--host", "127.0.0.1"],
      { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
    )
    children.add(child)
    let err = ""
    child.stderr?.on("data", (d: Buffer) => {
      err += d.toString()
    })
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start in 30 s: ${err}`)), 30_000)
      child.stdout?.on("data", (d: Buffer) => {
        if (d.toString().includes("http://")) {
          clearTimeout(timer)
          resolve()
        }
      })
      child.once("exit", (code) => {
        clearTimeout(timer)
        reject(new Error(`server exited with ${code}: ${err}`))
      })
    })
    const token = readFileSync(`${db}.token`, "utf8").trim()
    return { child, port, origin: `http://127.0.0.1:${port}`, token }
  }

  const stop = (s: ServerProcess, signal: "SIGKILL" | "SIGTERM"): Promise<void> =>
    new Promise((resolve) => {
      if (s.child.exitCode !== null || s.child.signalCode !== null) return resolve()
      s.child.once("exit", () => resolve())
      s.child.kill(signal)
    })

  const cleanup = (): void => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL")
    rmSync(dir, { recursive: true, force: true })
  }

  return { dir, db, start, stop, cleanup }
}
