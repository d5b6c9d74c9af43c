// A cluster on this machine: an embedded Postgres (unless a URL is given) and N runner processes
// on 127.0.0.1, each `twin cluster runner` in its own Node process. For the one-machine demo of
// `twin simulate --cluster`, the cluster tests and the cluster benchmark.
import { spawn, type ChildProcess } from "node:child_process"
import { fileURLToPath } from "node:url"
import { startEmbeddedPostgres, type LocalPostgres } from "./embedded-postgres.ts"
import { freePort } from "./free-port.ts"
import { READY } from "./runner.ts"

const TWIN_BIN = fileURLToPath(new URL("../bin/twin.mjs", import.meta.url))

export interface LocalRunner {
  readonly address: string
  readonly pid: number
  readonly process: ChildProcess
}

export interface LocalCluster {
  readonly url: string
  readonly runners: LocalRunner[]
  /** Start one more runner (it joins; the cluster moves some shards to it). */
  addRunner(): Promise<LocalRunner>
  /** Stop the runner at index i cleanly (SIGTERM: it hands its shards over and leaves). */
  stopRunner(i: number): Promise<void>
  /** kill -9 the runner at index i (a crash: no goodbye to the cluster). */
  kill(i: number): void
  /** Stop every runner still alive and the embedded Postgres, remove its data. */
  stop(): Promise<void>
}

export interface LocalClusterOptions {
  readonly runners: number
  readonly shards: number
  /** A Postgres to use instead of an embedded one. */
  readonly pg?: string
  /** Heap limit of each runner process in MB (large populations). */
  readonly maxOldSpaceMb?: number
  /**
   * Let V8 run garbage collection on helper threads in each runner (default false: one thread).
   * A runner is meant to be one core's work: with parallel GC, one runner alone on 2 cores also
   * uses part of the second core (measured: 26% of its CPU was on V8's helper threads), and with a
   * runner per core those threads only take time from the neighbours.
   */
  readonly parallelGc?: boolean
  /** Runner output lines after it joined, stderr and stdout (diagnostics: the cluster's own log lines). */
  readonly onLog?: (line: string) => void
  /** Milliseconds to wait for a runner to join (default 5 min: on a busy shared machine loading the code took minutes). */
  readonly startTimeoutMs?: number
}

const spawnRunner = (url: string, port: number, shards: number, o: LocalClusterOptions): Promise<LocalRunner> =>
  new Promise((resolve, reject) => {
    const args = [
      `--max-old-space-size=${o.maxOldSpaceMb ?? 8192}`,
      "--max-semi-space-size=32",
      ...(o.parallelGc === true ? [] : ["--single-threaded-gc"]),
      TWIN_BIN,
      "cluster",
      "runner",
      "--pg",
      url,
      "--host",
      "127.0.0.1",
      "--port",
      String(port),
      "--shards",
      String(shards),
    ]
    const child = spawn(process.execPath, args, {
      stdio: ["pipe", "pipe", "pipe"],
      env: { ...process.env, TWIN_RUNNER_PARENT: "stdin" },
    })
    const address = `127.0.0.1:${port}`
    let out = ""
    let err = ""
    const timer = setTimeout(() => {
      child.kill("SIGKILL")
      reject(new Error(`runner ${address} did not join within ${o.startTimeoutMs ?? 300_000} ms: ${err.slice(-2000)}`))
    }, o.startTimeoutMs ?? 300_000)
    child.stdout?.setEncoding("utf8").on("data", (s: string) => {
      if (out.includes(READY)) {
        for (const line of s.split("\n")) if (line.trim() !== "") o.onLog?.(`[${address}] ${line}`)
        return
      }
      out += s
      if (out.includes(READY)) {
        clearTimeout(timer)
        resolve({ address, pid: child.pid ?? -1, process: child })
      }
    })
    child.stderr?.setEncoding("utf8").on("data", (s: string) => {
      err = (err + s).slice(-20_000)
      for (const line of s.split("\n")) if (line.trim() !== "") o.onLog?.(`[${address}] ${line}`)
    })
    child.once("exit", (code, signal) => {
      clearTimeout(timer)
      if (!out.includes(READY))
        reject(new Error(`runner ${address} exited (${code ?? signal}) before joining: ${err.slice(-2000)}`))
    })
  })

/** Stop a runner: SIGTERM (it leaves the cluster), SIGKILL after a grace period. */
const stopRunner = (r: LocalRunner): Promise<void> =>
  new Promise((resolve) => {
    const c = r.process
    if (c.exitCode !== null || c.signalCode !== null) return resolve()
    const t = setTimeout(() => c.kill("SIGKILL"), 5_000)
    c.once("exit", () => {
      clearTimeout(t)
      resolve()
    })
    c.kill("SIGTERM")
  })

export const startLocalCluster = async (o: LocalClusterOptions): Promise<LocalCluster> => {
  if (!Number.isSafeInteger(o.runners) || o.runners < 1 || o.runners > 64)
    throw new Error(`runners: must be 1..64, got ${o.runners}`)
  let pg: LocalPostgres | null = null
  const url = o.pg ?? (pg = await startEmbeddedPostgres()).url
  const runners: LocalRunner[] = []
  const stop = async (): Promise<void> => {
    await Promise.all(runners.map(stopRunner))
    await pg?.stop()
  }
  try {
    // Free ports are picked one by one (a runner must know its own address before it starts).
    const ports: number[] = []
    while (ports.length < o.runners) {
      const p = await freePort()
      if (!ports.includes(p)) ports.push(p)
    }
    const started = await Promise.allSettled(ports.map((p) => spawnRunner(url, p, o.shards, o)))
    for (const r of started) if (r.status === "fulfilled") runners.push(r.value)
    const failed = started.find((r) => r.status === "rejected")
    if (failed !== undefined) throw failed.reason
  } catch (e) {
    await stop()
    throw e
  }
  return {
    url,
    runners,
    async addRunner() {
      let port = await freePort()
      while (runners.some((r) => r.address === `127.0.0.1:${port}`)) port = await freePort()
      const r = await spawnRunner(url, port, o.shards, o)
      runners.push(r)
      return r
    },
    stopRunner(i) {
      const r = runners[i]
      if (r === undefined) throw new Error(`no runner ${i}`)
      return stopRunner(r)
    },
    kill(i) {
      const r = runners[i]
      if (r === undefined) throw new Error(`no runner ${i}`)
      r.process.kill("SIGKILL")
    },
    stop,
  }
}
