// The summary of a simulation run, printed by `twin simulate` (and `--cluster`): the population,
// speed, revenue and credits by reason in rubles, the I1 reconciliation and the state hash.
import { formatRub as formatKopecks } from "../core/domain/money.ts"
import type { SimResult } from "./run.ts"

/** A run's result; a cluster run adds which runner ran what (cluster/coordinator.ts ClusterSimResult). */
export type SummaryInput = SimResult & { readonly cluster?: unknown }

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

export const printSummary = (r: SummaryInput): void => {
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
