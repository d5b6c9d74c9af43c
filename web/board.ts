// What the console's control panels show for one subscriber of one twin: account facts, the
// ledger with a running balance, the handset inbox and the balance-over-time points of the chart.
// Read-only: built from the core's views, so the figures are the same ones every channel shows.
import { Result } from "effect"
import { accountView, inboxView, ledgerView } from "../core/engine/views.ts"
import type { TwinCore } from "../core/engine/twin-core.ts"
import type { DomainError } from "../core/domain/errors.ts"
import type { Status } from "../core/state/model.ts"
import { formatRub } from "../channels/text/money.ts"
import { dateTimeRu } from "../channels/text/dates.ts"

export interface LedgerRow {
  seq: number
  at: number
  atText: string
  label: string
  ref: string
  amount: number
  amountText: string
  running: number
  runningText: string
}

export interface Board {
  twin: { id: string; name: string; now: number; nowText: string; nowIso: string; seq: number }
  subscribers: Array<{ msisdn: string; name: string; tariff: string }>
  account: {
    msisdn: string
    name: string
    tariff: string
    balance: number
    balanceText: string
    status: string
    location: "home" | "russia" | "abroad"
    country: string | null
    countryName: string | null
    mobileData: boolean
  }
  ledger: LedgerRow[]
  inbox: Array<{ seq: number; at: number; atText: string; from: string; text: string }>
  /** Balance after each ledger entry and now: [twin time, kopecks]. */
  chart: Array<[number, number]>
}

const STATUS_RU: Record<Status, string> = {
  active: "активен",
  "blocked-voluntary": "добровольная блокировка",
  "blocked-financial": "финансовая блокировка",
}

export const board = (twin: TwinCore, msisdn: string): Result.Result<Board, DomainError> =>
  Result.gen(function* () {
    const acc = yield* accountView(twin, msisdn)
    const book = yield* ledgerView(twin, msisdn)
    const inbox = yield* inboxView(twin, msisdn)
    // The running balance is the core's (ledgerView, I1); the chart only plots it.
    const chart: Array<[number, number]> = [
      [book.openedAt, book.opening],
      ...book.lines.map((e): [number, number] => [e.at, e.balance]),
      [twin.now, acc.balance],
    ]
    const ledger: LedgerRow[] = book.lines.map((e) => ({
      seq: e.seq,
      at: e.at,
      atText: dateTimeRu(e.at),
      label: e.label,
      ref: e.ref,
      amount: e.amount,
      amountText: formatRub(e.amount),
      running: e.balance,
      runningText: formatRub(e.balance),
    }))
    return {
      twin: {
        id: twin.id,
        name: twin.name,
        now: twin.now,
        nowText: dateTimeRu(twin.now),
        nowIso: twin.nowIso(),
        seq: twin.state.seq,
      },
      subscribers: [...twin.state.subscribers.values()].map((s) => ({
        msisdn: s.msisdn,
        name: s.name,
        tariff: twin.cat.tariffs.get(s.tariff)?.name ?? s.tariff,
      })),
      account: {
        msisdn: acc.msisdn,
        name: acc.personal.name,
        tariff: acc.tariff.name,
        balance: acc.balance,
        balanceText: formatRub(acc.balance),
        status: STATUS_RU[acc.status],
        location: acc.location.kind,
        country: acc.location.country,
        countryName: acc.location.countryName,
        mobileData: acc.mobileData,
      },
      ledger,
      inbox: inbox.map((m) => ({ seq: m.seq, at: m.at, atText: dateTimeRu(m.at), from: m.from, text: m.text })),
      chart,
    }
  })
