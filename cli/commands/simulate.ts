// `twin simulate --subscribers 100000 --days 30 --seed 1 [--threads 1|2] [--partitions 8] [--db DIR] [--json]`:
// a seeded population through the core with the durable event log, a progress bar with events/s
// and ETA, a summary and the combined state hash (same seed → same hash, for any --threads).
// `--cluster [--pg URL | --runners N]`: the same population on effect/cluster runners (cluster/):
// same hash, plus which runner ran which partitions and how many moved.
import { defineCommand } from "citty"
import cliProgress from "cli-progress"
import os from "node:os"
import { formatRub as formatKopecks } from "../../core/domain/money.ts"
import { simulate, type SimResult } from "../../bench/sim/run.ts"
import type { ClusterSimResult } from "../../cluster/coordinator.ts"

const int = (v: string | undefined, name: string, dflt: number): number => {
  if (v === undefined) return dflt
  const n = Number(v)
  if (!Number.isSafeInteger(n)) {
    console.error(`--${name}: expected an integer, got ${v}`)
    process.exit(2)
  }
  return n
}

const REASON_RU: Record<string, string> = {
  "usage-call": "звонки",
  "usage-sms": "SMS",
  "usage-data": "мобильный интернет",
  "fee-monthly": "абонентская плата",
  "fee-daily": "ежедневная плата за услуги",
  "fee-zabugorishche": "«Забугорище»",
  "fee-family-member": "участники «МЫ МТС»",
  "fee-service-connect": "подключение услуг",
  "fee-tariff-change": "смена тарифа",
  "fee-promised-payment": "обещанный платеж (комиссия)",
  "fee-transfer": "переводы (комиссия)",
  "package-purchase": "покупка пакетов",
  topup: "пополнения",
  autopay: "автоплатеж",
  "promised-payment": "обещанный платеж",
  "promised-repayment": "погашение обещанного платежа",
  "payment-card": "карты оплаты",
  "transfer-in": "входящие переводы",
  "transfer-out": "исходящие переводы",
}

export const printSummary = (r: SimResult | ClusterSimResult): void => {
  const s = r.summary
  const line = (k: string, v: string): void => console.log(`  ${k.padEnd(40)} ${v}`)
  console.log(
    `\nИтоги: ${r.subscribers.toLocaleString("ru-RU")} абонентов × ${r.days} дн., ` +
      `seed ${r.seed}, ${r.partitions} разделов, ${"cluster" in r ? "раннеров" : "потоков"}: ${r.threads}`,
  )
  line("групп (семьи «МЫ МТС» / корпоративные)", `${s.groups.toLocaleString("ru-RU")} (${s.families} / ${s.corporate})`)
  line("событий / команд", `${r.events.toLocaleString("ru-RU")} / ${r.commands.toLocaleString("ru-RU")}`)
  line("время", `${r.seconds.toFixed(1)} с (создание абонентов ${r.setupSeconds.toFixed(1)} с)`)
  line(
    "скорость",
    `${Math.round(r.eventsPerSec).toLocaleString("ru-RU")} событий/с ` +
      `· ${Math.round(r.subscriberDaysPerSec).toLocaleString("ru-RU")} абонент-дней/с`,
  )
  if (r.bytesPerSubscriber !== null) line("память на абонента", `${Math.round(r.bytesPerSubscriber)} байт`)
  console.log("  Выручка по статьям:")
  for (const [k, v] of Object.entries(s.charges).sort((a, b) => b[1] - a[1]))
    line(`    ${REASON_RU[k] ?? k} (${k})`, formatKopecks(v))
  line("  выручка всего", formatKopecks(s.revenue))
  console.log("  Поступления:")
  for (const [k, v] of Object.entries(s.credits).sort((a, b) => b[1] - a[1]))
    line(`    ${REASON_RU[k] ?? k} (${k})`, formatKopecks(v))
  line(
    "роуминг: «Забугорище» / поминутно и за трафик",
    `${formatKopecks(s.roaming.zabugorishche)} / ${formatKopecks(s.roaming.payg)}`,
  )
  line("поездок за границу", s.trips.toLocaleString("ru-RU"))
  line(
    "заблокировано: финансово / добровольно",
    `${s.blocked.financial.toLocaleString("ru-RU")} / ${s.blocked.voluntary.toLocaleString("ru-RU")}`,
  )
  line("отказов в связи (минус на балансе, блокировка)", s.usageRefused.toLocaleString("ru-RU"))
  line(
    "входов в ЛК / блокировок входа (3 неверных кода)",
    `${s.logins.toLocaleString("ru-RU")} / ${s.lockouts.toLocaleString("ru-RU")}`,
  )
  const rejected = Object.entries(s.rejected)
  if (rejected.length > 0) line("прочие отказы", rejected.map(([k, v]) => `${k} ${v}`).join(", "))
  const check = s.creditsTotal + s.balanceDrop === s.revenue
  line(
    "сверка (I1): выручка = поступления + снижение балансов",
    check ? "сходится" : `НЕ СХОДИТСЯ: ${s.revenue} ≠ ${s.creditsTotal} + ${s.balanceDrop}`,
  )
  if (r.dbDir !== null) line("журнал событий (SQLite, файл на раздел)", r.dbDir)
  console.log(`\nХеш состояния: ${r.hash}`)
}

export default defineCommand({
  meta: { name: "simulate", description: "Simulate a seeded population through the core with the durable event log" },
  args: {
    subscribers: { type: "string", description: "Number of subscribers", default: "100000" },
    days: { type: "string", description: "Simulated days", default: "30" },
    seed: { type: "string", description: "Seed (same seed → same state hash)", default: "1" },
    threads: {
      type: "string",
      description: "Worker threads (1 = this thread); the hash does not depend on it",
      default: String(Math.min(2, os.cpus().length)),
    },
    partitions: { type: "string", description: "Account-group partitions (part of the run's identity)", default: "8" },
    db: {
      type: "string",
      description:
        "Directory for the SQLite event logs (one file per partition); default: a temp dir, removed after the run",
    },
    log: { type: "string", description: "sqlite (durable, default), memory or null (model only)", default: "sqlite" },
    json: { type: "boolean", description: "Print the result as JSON instead of the summary", default: false },
    progress: { type: "boolean", description: "Show the progress bar", default: true },
    cluster: {
      type: "boolean",
      description: "Run the partitions as effect/cluster entities on runner processes",
      default: false,
    },
    pg: {
      type: "string",
      description:
        "With --cluster: PostgreSQL URL of a running cluster (`twin cluster runner --pg URL`); default: an " +
        "embedded Postgres and local runners",
    },
    runners: {
      type: "string",
      description: "With --cluster and no --pg: local runner processes to start on 127.0.0.1",
      default: "2",
    },
    shards: {
      type: "string",
      description:
        "With --cluster --pg: shards per group the runners were started with (default 8); local runners get one shard per partition",
    },
    keep: { type: "boolean", description: "With --cluster: keep the run's committed days in Postgres", default: false },
  },
  async run({ args }) {
    const subscribers = int(args.subscribers, "subscribers", 100_000)
    const days = int(args.days, "days", 30)
    const threads = int(args.threads, "threads", 1)
    const partitions = int(args.partitions, "partitions", 8)
    if (args.cluster) {
      const { runClusterCommand } = await import("../../cluster/simulate-command.ts")
      await runClusterCommand({
        seed: args.seed,
        subscribers,
        days,
        partitions,
        runners: int(args.runners, "runners", 2),
        json: args.json,
        progress: args.progress,
        keep: args.keep,
        ...(args.pg !== undefined ? { pg: args.pg } : {}),
        ...(args.shards !== undefined ? { shards: int(args.shards, "shards", 8) } : {}),
      })
      return
    }
    if (args.log !== "sqlite" && args.log !== "memory" && args.log !== "null") {
      console.error(`--log: expected sqlite, memory or null, got ${args.log}`)
      process.exit(2)
    }
    const total = subscribers * days
    const showBar = args.progress && !args.json && process.stderr.isTTY === true
    const bar = new cliProgress.SingleBar(
      {
        format: "{bar} {percentage}% | {value}/{total} абонент-дней | {eps} событий/с | осталось {eta_formatted}",
        hideCursor: true,
        etaBuffer: 50,
        fps: 5,
        stream: process.stderr,
      },
      cliProgress.Presets.shades_classic,
    )
    let events = 0
    let done = 0
    const t0 = performance.now()
    if (showBar) bar.start(total, 0, { eps: 0 })
    let lastLog = 0
    try {
      const r = await simulate(
        {
          seed: args.seed,
          subscribers,
          days,
          threads,
          partitions,
          log: args.log,
          measureMemory: true,
          ...(args.db !== undefined ? { db: args.db } : {}),
        },
        (p) => {
          events += p.events
          done += p.subscriberDays
          const eps = Math.round(events / Math.max(0.001, (performance.now() - t0) / 1000))
          if (showBar) bar.update(done, { eps: eps.toLocaleString("ru-RU") })
          else if (!args.json && performance.now() - lastLog > 5000) {
            lastLog = performance.now()
            console.error(
              `  ${Math.floor((done / total) * 100)}% ` +
                `· ${done.toLocaleString("ru-RU")}/${total.toLocaleString("ru-RU")} абонент-дней ` +
                `· ${eps.toLocaleString("ru-RU")} событий/с`,
            )
          }
        },
      )
      if (showBar) bar.stop()
      if (args.json) console.log(JSON.stringify(r, null, 2))
      else printSummary(r)
    } catch (e) {
      if (showBar) bar.stop()
      console.error(`simulate: ${e instanceof Error ? e.message : String(e)}`)
      process.exit(1)
    }
  },
})
