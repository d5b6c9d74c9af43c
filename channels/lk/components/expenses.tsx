// «Расходы»: a period's usage and charges as a table with totals (R14).
import type { Detail } from "../../../core/engine/views.ts"
import type { TwinCore } from "../../../core/engine/twin-core.ts"
import { dateRu, dateTimeRu } from "../../text/dates.ts"
import { gbRu } from "../../text/amounts.ts"
import { msisdnRu } from "../../text/phone.ts"
import { formatRub } from "../../text/money.ts"
import { Drop, Field, hrefT, type PageCtx } from "./layout.tsx"

const PERIODS = [
  ["today", "за сегодня"],
  ["week", "за неделю"],
  ["month", "за месяц"],
] as const

const USAGE_RU = { call: "Звонок", sms: "SMS", data: "Интернет" } as const

const usageVolumeRu = (u: Detail["usage"][number]): string =>
  u.kind === "call"
    ? `${Math.floor(u.volume / 60)} мин ${u.volume % 60} с`
    : u.kind === "sms"
      ? `${u.volume} шт.`
      : `${gbRu(Math.ceil(u.volume / 1024))} Гб`

interface Row {
  at: number
  what: string
  qty: string
  amount: number
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)
const peerRu = (peer: string): string => (/^7\d{10}$/.test(peer) ? msisdnRu(peer) : peer)

const rowsOf = (d: Detail): Row[] =>
  [
    ...d.usage.map((u) => ({
      at: u.at,
      what:
        `${USAGE_RU[u.kind]} ${u.direction === "in" ? "входящий" : "исходящий"}` +
        `${u.peer !== "" ? `, ${peerRu(u.peer)}` : ""}${u.cost === 0 ? " (из пакета)" : ""}`,
      qty: usageVolumeRu(u),
      amount: -u.cost,
    })),
    ...d.ledger
      .filter((l) => !l.reason.startsWith("usage-"))
      .map((l) => ({ at: l.at, what: capital(l.label), qty: "", amount: l.amount })),
  ].sort((a, b) => b.at - a.at)

export const Expenses = (props: {
  p: PageCtx
  twin: TwinCore
  detail: Detail | null
  period: string
  from: string
  to: string
}) => {
  const d = props.detail
  const t = d?.totals
  const rows = d === null ? [] : rowsOf(d)
  return (
    <>
      <section class="card" aria-labelledby="per">
        <h2 id="per">Период</h2>
        <nav class="periods" aria-label="Период">
          {PERIODS.map(([x, label]) => (
            <a
              href={hrefT(props.p, "/lk/expenses", { period: x })}
              aria-current={props.period === x ? "page" : undefined}
            >
              {label}
            </a>
          ))}
          <Drop id="dates" summary="выбрать даты" open={props.period === ""}>
            <form method="get" action="/lk/expenses" aria-label="Свой период" class="dates">
              {props.p.twinQuery !== "" ? (
                <input type="hidden" name="twin" value={decodeURIComponent(props.p.twinQuery.slice(6))} />
              ) : null}
              {props.p.target !== props.p.me && props.p.target !== undefined ? (
                <input type="hidden" name="msisdn" value={props.p.target} />
              ) : null}
              <Field id="from" label="С" name="from" type="date" value={props.from} />
              <Field id="to" label="По" name="to" type="date" value={props.to} />
              <p class="field">
                <button type="submit">Показать</button>
              </p>
            </form>
          </Drop>
        </nav>
        {d !== null && t !== undefined ? (
          <>
            <p class="muted">
              Расходы с {dateRu(d.from)} по {dateRu(d.to - 1)}
            </p>
            <div class="totals" id="expense-totals">
              <div class="total main">
                <div class="label">Всего расходов</div>
                <div class="sum">{formatRub(t.spent)}</div>
              </div>
              <div class="total">
                <div class="label">Звонки</div>
                <div class="sum">{formatRub(t.calls)}</div>
              </div>
              <div class="total">
                <div class="label">SMS</div>
                <div class="sum">{formatRub(t.sms)}</div>
              </div>
              <div class="total">
                <div class="label">Интернет</div>
                <div class="sum">{formatRub(t.data)}</div>
              </div>
              <div class="total">
                <div class="label">Абонентская плата и услуги</div>
                <div class="sum">{formatRub(t.fees)}</div>
              </div>
              <div class="total">
                <div class="label">Роуминг</div>
                <div class="sum">{formatRub(t.roaming)}</div>
              </div>
              <div class="total">
                <div class="label">Прочее</div>
                <div class="sum">{formatRub(t.other)}</div>
              </div>
              <div class="total">
                <div class="label">Зачислено</div>
                <div class="sum">{formatRub(t.credited)}</div>
              </div>
            </div>
          </>
        ) : null}
      </section>
      {d !== null ? (
        <section class="card" aria-labelledby="det">
          <h2 id="det">Детализация</h2>
          <div class="table-box">
            <table class="detail" id="expenses">
              <thead>
                <tr>
                  <th scope="col">Дата и время</th>
                  <th scope="col">Операция</th>
                  <th scope="col">Объем</th>
                  <th scope="col" class="num">
                    Сумма
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.length === 0 ? (
                  <tr>
                    <td colspan={4} class="muted">
                      За этот период операций нет
                    </td>
                  </tr>
                ) : (
                  rows.map((r) => (
                    <tr>
                      <td>{dateTimeRu(r.at)}</td>
                      <td>{r.what}</td>
                      <td>{r.qty}</td>
                      <td class={r.amount > 0 ? "num pos" : "num neg"}>
                        {r.amount > 0 ? `+${formatRub(r.amount)}` : formatRub(r.amount)}
                      </td>
                    </tr>
                  ))
                )}
              </tbody>
              {t !== undefined ? (
                <tfoot>
                  <tr>
                    <td colspan={3}>Списано за период</td>
                    <td class="num">{formatRub(-t.spent)}</td>
                  </tr>
                  <tr>
                    <td colspan={3}>Зачислено за период</td>
                    <td class="num pos">+{formatRub(t.credited)}</td>
                  </tr>
                </tfoot>
              ) : null}
            </table>
          </div>
        </section>
      ) : null}
    </>
  )
}
