// `twin simulate --cluster`: start (or join) the cluster, run the population on it with a progress
// bar per runner, print the summary with the cluster's part: which runner ran which partitions,
// how many moved.
import cliProgress from "cli-progress"
import { printSummary } from "../sim/summary.ts"
import { checkPgUrl, DEFAULT_SHARDS } from "./config.ts"
import { simulateOnCluster, type ClusterSimResult } from "./coordinator.ts"
import type { DayReport } from "./entity.ts"
import { startLocalCluster, type LocalCluster } from "./local.ts"

export interface ClusterCommand {
  readonly seed: string
  readonly subscribers: number
  readonly days: number
  readonly partitions: number
  readonly runners: number
  readonly pg?: string
  readonly shards?: number
  readonly json: boolean
  readonly progress: boolean
  readonly keep: boolean
}

const ru = (n: number): string => Math.round(n).toLocaleString("ru-RU")
const mb = (b: number): string => `${(b / 1048576).toFixed(0)} МБ`

/** Progress: one bar for the run, one per runner (its partitions' remaining days set its total). */
class ClusterProgress {
  private readonly multi: cliProgress.MultiBar | null
  private readonly total: cliProgress.SingleBar | null
  private readonly bars = new Map<string, cliProgress.SingleBar>()
  private readonly done = new Map<string, number>()
  private readonly started = new Map<string, number>()
  private readonly rss = new Map<string, number>()
  private readonly holder: Array<string | null>
  private readonly size: number[]
  private readonly daysDone: number[]
  private all = 0
  private events = 0
  private lastLog = 0
  private readonly t0 = performance.now()

  constructor(
    private readonly o: ClusterCommand,
    tty: boolean,
  ) {
    this.holder = Array.from({ length: o.partitions }, () => null)
    this.size = Array.from({ length: o.partitions }, () => 0)
    this.daysDone = Array.from({ length: o.partitions }, () => 0)
    const show = o.progress && !o.json
    this.multi =
      show && tty
        ? new cliProgress.MultiBar(
            {
              format:
                "{name} {bar} {percentage}% | {value}/{total} абонент-дней | {rate} абонент-дней/с | " +
                "осталось {eta_formatted}",
              hideCursor: true,
              etaBuffer: 50,
              fps: 5,
              stream: process.stderr,
            },
            cliProgress.Presets.shades_classic,
          )
        : null
    this.total = this.multi?.create(o.subscribers * o.days, 0, { name: "всего".padEnd(21), rate: 0 }) ?? null
  }

  report(r: DayReport): void {
    this.size[r.partition] = r.subscribers
    this.holder[r.partition] = r.runner
    this.daysDone[r.partition] = r.day + 1
    this.all += r.subscribers
    this.events += r.events
    this.done.set(r.runner, (this.done.get(r.runner) ?? 0) + r.subscribers)
    this.rss.set(r.runner, Math.max(this.rss.get(r.runner) ?? 0, r.rss))
    if (!this.started.has(r.runner)) this.started.set(r.runner, performance.now())
    const secs = (performance.now() - this.t0) / 1000
    this.total?.update(this.all, { rate: ru(this.all / Math.max(0.001, secs)) })
    for (const runner of this.done.keys()) this.updateRunner(runner)
    if (this.multi === null && this.o.progress && !this.o.json && performance.now() - this.lastLog > 5000) {
      this.lastLog = performance.now()
      const per = [...this.done.entries()].map(([k, v]) => `${k} ${ru(v)} (RSS ${mb(this.rss.get(k) ?? 0)})`).join(", ")
      console.error(
        [
          `  ${secs.toFixed(0)} с`,
          `${Math.floor((this.all / (this.o.subscribers * this.o.days)) * 100)}%`,
          `${ru(this.all)} абонент-дней`,
          `${ru(this.all / Math.max(0.001, secs))} абонент-дней/с`,
          `${ru(this.events / Math.max(0.001, secs))} событий/с`,
          `по раннерам: ${per}`,
        ].join(" · "),
      )
    }
  }

  private updateRunner(runner: string): void {
    const done = this.done.get(runner) ?? 0
    let remaining = 0
    this.holder.forEach((h, p) => {
      if (h === runner) remaining += (this.size[p] as number) * (this.o.days - (this.daysDone[p] as number))
    })
    const secs = (performance.now() - (this.started.get(runner) ?? this.t0)) / 1000
    const payload = { name: runner.padEnd(21), rate: ru(done / Math.max(0.001, secs)) }
    let bar = this.bars.get(runner)
    if (bar === undefined && this.multi !== null) {
      bar = this.multi.create(done + remaining, done, payload)
      this.bars.set(runner, bar)
    }
    bar?.setTotal(done + remaining)
    bar?.update(done, payload)
  }

  stop(): void {
    this.multi?.stop()
  }
}

export const printCluster = (r: ClusterSimResult, where: string): void => {
  const c = r.cluster
  const line = (k: string, v: string): void => console.log(`  ${k.padEnd(40)} ${v}`)
  console.log(`\nКластер (effect/cluster, ${where}):`)
  for (const s of c.runners) {
    const secs = Math.max(0.001, s.lastAt - s.firstAt)
    line(
      `  раннер ${s.runner} (pid ${s.pids.join(", ")})`,
      [
        `разделы ${[...s.partitions].sort((a, b) => a - b).join(", ")}`,
        `${ru(s.subscriberDays)} абонент-дней`,
        `${ru(s.subscriberDays / secs)} абонент-дней/с`,
        `ЦП ${s.cpuSeconds.toFixed(1)} с`,
        `RSS до ${mb(s.maxRss)}`,
        `самая долгая остановка цикла событий ${(s.maxStallMs / 1000).toFixed(1)} с`,
      ].join(" · "),
    )
  }
  line(
    "переезды разделов между раннерами",
    `${c.moved} (восстановлено из Postgres: ${c.restored}, повторных доставок дня: ${c.duplicates})`,
  )
  line("память раннеров (RSS) на абонента", `${ru(c.rssPerSubscriber)} байт`)
  line("журнал дней в Postgres", `${c.bytesPerEvent.toFixed(0)} байт на событие`)
  line("прогон в Postgres", `${c.run} (таблица twin_sim_days)`)
}

export const runClusterCommand = async (o: ClusterCommand): Promise<void> => {
  if (o.pg !== undefined) {
    const bad = checkPgUrl(o.pg)
    if (bad !== null) {
      console.error(bad)
      process.exit(2)
    }
  }
  if (!Number.isSafeInteger(o.runners) || o.runners < 1 || o.runners > 64) {
    console.error(`--runners: must be 1..64, got ${o.runners}`)
    process.exit(2)
  }
  let local: LocalCluster | null = null
  const progress = new ClusterProgress(o, process.stderr.isTTY === true)
  // Ctrl-C or SIGTERM: stop the local runners and the embedded Postgres (its data folder goes too).
  const interrupted = (signal: NodeJS.Signals): void => {
    progress.stop()
    console.error(`simulate --cluster: ${signal}, stopping the local cluster`)
    void (local?.stop() ?? Promise.resolve()).finally(() => process.exit(130))
  }
  process.once("SIGINT", interrupted)
  process.once("SIGTERM", interrupted)
  try {
    let pg = o.pg
    let shards = o.shards ?? DEFAULT_SHARDS
    if (pg === undefined) {
      // One shard per partition: shards are spread evenly over runners, so partitions are too.
      shards = o.partitions
      if (!o.json) console.error(`Запуск встроенного PostgreSQL и ${o.runners} раннеров на 127.0.0.1…`)
      local = await startLocalCluster({ runners: o.runners, shards })
      pg = local.url
    }
    const r = await simulateOnCluster(
      {
        seed: o.seed,
        subscribers: o.subscribers,
        days: o.days,
        partitions: o.partitions,
        shards,
        pg,
        keep: o.keep,
        ...(local !== null ? { waitForRunners: o.runners } : {}),
        onRetry: (p, day, e) => {
          if (!o.json)
            console.error(
              `  повтор отправки: раздел ${p}, день ${day}: ${e._tag}` +
                (e.message !== undefined ? ` (${e.message.slice(0, 200)})` : ""),
            )
        },
      },
      (rep) => progress.report(rep),
    )
    progress.stop()
    if (o.json) console.log(JSON.stringify(r, null, 2))
    else {
      printSummary(r)
      printCluster(r, local !== null ? `встроенный PostgreSQL, ${o.runners} локальных раннеров` : "PostgreSQL по --pg")
    }
  } catch (e) {
    progress.stop()
    console.error(`simulate --cluster: ${e instanceof Error ? e.message : String(e)}`)
    process.exitCode = 1
  } finally {
    await local?.stop()
    process.off("SIGINT", interrupted)
    process.off("SIGTERM", interrupted)
  }
}
