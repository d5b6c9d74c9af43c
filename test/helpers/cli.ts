// Run the `twin` CLI (bin/twin.mjs) as a child process, as a user would, and collect its output.
import { spawn } from "node:child_process"

export const ROOT = new URL("../../", import.meta.url).pathname

export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

/** `node bin/twin.mjs ...args` in `cwd` (default: the repository); resolves when it exits (killed after `timeoutMs`). */
export const runTwin = (args: readonly string[], opts: { cwd?: string; timeoutMs?: number } = {}): Promise<CliResult> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`${ROOT}bin/twin.mjs`, ...args], {
      cwd: opts.cwd ?? ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString()
    })
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString()
    })
    const timer = setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs ?? 50_000)
    child.once("error", reject)
    child.once("close", (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
