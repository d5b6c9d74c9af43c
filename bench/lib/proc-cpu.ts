// CPU time of other processes, read from Linux's /proc: what the cluster bench (suite 6) reports
// besides wall time, so that 1 runner against 2 can be judged on a machine that other work shares.
// A runner's own process.cpuUsage() counts every thread of it; /proc also splits off the main
// thread (the JavaScript, which one core bounds) from V8's GC and compiler helper threads, and
// reaches the Postgres server's processes. On a system without /proc every reading is null.
import { execFileSync } from "node:child_process"
import { readdirSync, readFileSync } from "node:fs"

/** CPU seconds of a process: all its threads, and its main thread alone. */
export interface ProcCpu {
  readonly total: number
  readonly main: number
}

let ticks: number | null = null
/** Clock ticks per second of /proc's times (getconf CLK_TCK; 100 on Linux when it cannot be asked). */
const clockTicks = (): number => {
  if (ticks === null) {
    try {
      ticks = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100
    } catch {
      ticks = 100
    }
  }
  return ticks
}

/** Fields of a /proc/…/stat line after the command name (field 3 of proc(5) is index 0). */
const statFields = (path: string): string[] | null => {
  try {
    const s = readFileSync(path, "utf8")
    return s.slice(s.lastIndexOf(")") + 2).split(" ")
  } catch {
    return null
  }
}

/** utime + stime (and, with `children`, the reaped children's cutime + cstime) in seconds. */
const seconds = (f: readonly string[], children: boolean): number => {
  const t = Number(f[11]) + Number(f[12]) + (children ? Number(f[13]) + Number(f[14]) : 0)
  return t / clockTicks()
}

/** A process's CPU time so far (null: no such process, or no /proc). */
export const procCpu = (pid: number): ProcCpu | null => {
  const all = statFields(`/proc/${pid}/stat`)
  const main = statFields(`/proc/${pid}/task/${pid}/stat`)
  if (all === null || main === null) return null
  return { total: seconds(all, false), main: seconds(main, false) }
}

const pids = (): number[] => {
  try {
    return readdirSync("/proc")
      .filter((d) => /^\d+$/.test(d))
      .map(Number)
  } catch {
    return []
  }
}

/**
 * CPU seconds of the PostgreSQL server listening on `port` on this machine: its postmaster with the
 * backends it has reaped, plus those alive now (null: not found, or no /proc).
 */
export const postgresCpu = (port: number): number | null => {
  const flag = `\0-p\0${port}\0`
  const all = pids()
  const master = all.find((pid) => {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8")
      return cmd.includes("postgres") && cmd.includes(flag)
    } catch {
      return false
    }
  })
  if (master === undefined) return null
  const own = statFields(`/proc/${master}/stat`)
  if (own === null) return null
  let cpu = seconds(own, true)
  for (const pid of all) {
    const f = statFields(`/proc/${pid}/stat`)
    if (f !== null && Number(f[1]) === master) cpu += seconds(f, true)
  }
  return cpu
}
