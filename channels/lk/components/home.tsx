// «Мой МТС»: the balance row with top-up, autopay and promised payment beside the balance,
// package remainders as gauges and the «Сервисы МТС» tiles. Every number comes from a core view.
import type { AccountView, PackageView } from "../../../core/engine/views.ts"
import type { TwinCore } from "../../../core/engine/twin-core.ts"
import { asOfRu, dateRu } from "../../text/dates.ts"
import { gbRu, packageRu } from "../../text/amounts.ts"
import { msisdnRu } from "../../text/phone.ts"
import { NEGATIVE_WARNING, STATUS_RU } from "../../text/account.ts"
import { formatRub, rublesField, wholeRublesField } from "../../text/money.ts"
import { ServiceTiles } from "./services.tsx"
import { ActionButton, Drop, Field, Form, href, type PageCtx } from "./layout.tsx"

const Numbers = (props: { p: PageCtx; linked: readonly string[] }) =>
  props.linked.length === 0 ? null : (
    <nav class="numbers" aria-label="Номера">
      <a href={href(props.p, "/lk")} aria-current={props.p.target === props.p.me ? "page" : undefined}>
        Мой номер
      </a>
      {props.linked.map((m) => (
        <a href={href(props.p, "/lk", { msisdn: m })} aria-current={props.p.target === m ? "page" : undefined}>
          {msisdnRu(m)}
        </a>
      ))}
    </nav>
  )

export const AutopayForms = (props: { p: PageCtx; v: AccountView }) => {
  const ap = props.v.autopay
  return (
    <>
      <p>
        {ap === null
          ? "Автоплатеж не подключен"
          : ap.mode === "date"
            ? `Подключен: ${formatRub(ap.amount)} каждый месяц ${ap.day}-го числа`
            : `Подключен: ${formatRub(ap.amount)}, когда баланс меньше ${formatRub(ap.threshold)}`}
      </p>
      <Form p={props.p} action="/lk/autopay" label="Автоплатеж по порогу">
        <input type="hidden" name="mode" value="threshold" />
        <Field
          id="ap-th"
          label="Когда баланс меньше"
          name="threshold"
          value="100"
          inputmode="decimal"
          suffix="₽"
          required
        />
        <Field id="ap-am" label="Пополнять на" name="amount" value="500" inputmode="decimal" suffix="₽" required />
        <button type="submit">Подключить автоплатеж</button>
      </Form>
      <Form p={props.p} action="/lk/autopay" label="Автоплатеж по дате">
        <input type="hidden" name="mode" value="date" />
        <Field id="ap-day" label="Число месяца (1–28)" name="day" value="1" inputmode="numeric" required />
        <Field id="ap-am2" label="Сумма" name="amount" value="500" inputmode="decimal" suffix="₽" required />
        <button type="submit" class="secondary">
          Подключить по дате
        </button>
      </Form>
      {ap !== null ? (
        <ActionButton
          p={props.p}
          action="/lk/autopay"
          label="Отключить автоплатеж"
          text="Отключить автоплатеж"
          fields={{ mode: "off" }}
          kind="secondary"
        />
      ) : null}
    </>
  )
}

const BalanceRow = (props: {
  p: PageCtx
  v: AccountView
  twin: TwinCore
  promisedFee: number | null
  open: string
}) => {
  const v = props.v
  return (
    <section class="card balance-row" aria-labelledby="bal">
      <div>
        <h2 id="bal">Мой баланс</h2>
        <p class={v.balance < 0 ? "balance negative" : "balance"} id="lk-balance">
          {formatRub(v.balance)}
        </p>
        <p class="muted">{asOfRu(v.asOf)}</p>
        {v.negative && v.payment === "prepaid" ? (
          <p class="warn" role="alert">
            {NEGATIVE_WARNING}
          </p>
        ) : null}
        {v.payment === "credit" ? (
          <p>
            Задолженность {formatRub(v.debt)}, кредитный лимит {formatRub(v.creditLimit)}
          </p>
        ) : null}
        {v.status !== "active" ? <p class="warn">Статус: {STATUS_RU[v.status]}</p> : null}
        {v.promised !== null ? (
          <p class="muted">
            Обещанный платеж {formatRub(v.promised.amount)} до {dateRu(v.promised.dueAt)}
          </p>
        ) : null}
        <p class="muted">
          {v.personal.name} · тариф «{v.tariff.name}»
        </p>
      </div>
      <div class="pay">
        <Form p={props.p} action="/lk/topup" label="Пополнить" class="topup">
          <Field
            id="amount"
            label="Пополнить:"
            name="amount"
            value={rublesField(props.twin.cat.data.topUp.lkDefault)}
            inputmode="decimal"
            suffix="₽"
            required
          />
          <button type="submit">Пополнить</button>
        </Form>
        <div class="links">
          <Drop
            id="autopay"
            summary={v.autopay === null ? "Подключить автоплатеж" : "Автоплатеж подключен"}
            open={props.open === "autopay"}
          >
            <AutopayForms p={props.p} v={v} />
          </Drop>
          <Drop id="promised" summary="Обещанный платеж" open={props.open === "promised"}>
            {v.promised !== null ? (
              <p>
                Обещанный платеж {formatRub(v.promised.amount)} действует до {dateRu(v.promised.dueAt)}
              </p>
            ) : (
              <Form p={props.p} action="/lk/promised" label="Обещанный платеж">
                <Field
                  id="pp-amount"
                  label={`Сумма, до ${formatRub(v.promisedOffer.limit)}`}
                  name="amount"
                  value={wholeRublesField(v.promisedOffer.limit)}
                  inputmode="decimal"
                  suffix="₽"
                  required
                />
                {props.promisedFee !== null ? (
                  <p class="muted">Плата за услугу {formatRub(props.promisedFee)}</p>
                ) : null}
                <button type="submit">Взять обещанный платеж</button>
              </Form>
            )}
          </Drop>
          <Drop id="transfer" summary="Перевод на другой номер" open={props.open === "transfer"}>
            <Form p={props.p} action="/lk/transfer" label="Перевод на другой номер">
              <Field id="tr-to" label="Номер получателя" name="to" value="" inputmode="tel" required />
              <Field
                id="tr-amount"
                label={`Сумма, от ${formatRub(props.twin.cat.data.transfer.min)} до ${formatRub(props.twin.cat.data.transfer.max)}`}
                name="amount"
                value=""
                inputmode="decimal"
                suffix="₽"
                required
              />
              <p class="muted">Комиссия {formatRub(props.twin.cat.data.transfer.fee)}</p>
              <button type="submit">Перевести</button>
            </Form>
          </Drop>
          <Drop id="pay" summary="Оплата услуг" open={props.open === "pay"}>
            <Form p={props.p} action="/lk/pay-provider" label="Оплата услуг">
              <p class="field">
                <label for="pay-provider">Получатель</label>
                <select id="pay-provider" name="provider">
                  {props.twin.cat.data.providerPayments.providers.map((x) => (
                    <option value={x.id}>
                      {x.name}
                      {x.fee > 0 ? ` (комиссия ${formatRub(x.fee)})` : ""}
                    </option>
                  ))}
                </select>
              </p>
              <Field id="pay-account" label="Номер договора или телефона" name="account" value="" required />
              <Field id="pay-amount" label="Сумма" name="amount" value="" inputmode="decimal" suffix="₽" required />
              <button type="submit">Оплатить</button>
            </Form>
          </Drop>
        </div>
      </div>
    </section>
  )
}

const KIND_HINT = {
  minutes: "Подключите пакеты минут для экономии расходов",
  data: "Подключите пакеты интернета для экономии расходов",
  sms: "Подключите пакеты SMS для экономии расходов",
} as const
const KIND_RU = { minutes: "Минуты", data: "Интернет", sms: "SMS" } as const

const CIRCUMFERENCE = 2 * Math.PI * 48

/** A kind with no package: an empty ring and the LK's own hint. */
const EmptyGauge = (props: { kind: PackageView["kind"] }) => (
  <div class="gauge empty" data-kind={props.kind}>
    <svg viewBox="0 0 120 120" aria-hidden="true">
      <circle class="ring" cx="60" cy="60" r="48" />
      <text x="60" y="66" text-anchor="middle" class="kind">
        {KIND_RU[props.kind]}
      </text>
    </svg>
    <p class="muted">По тарифу</p>
    <p class="hint">{KIND_HINT[props.kind]}</p>
  </div>
)

/** One package as a ring: what is left of its total, «22,27 Гб из 30», and until when. */
const Gauge = (props: { p: PackageView }) => {
  const p = props.p
  const share = p.total > 0 ? Math.max(0, Math.min(1, p.left / p.total)) : 0
  const big = p.kind === "data" ? `${gbRu(p.left)} Гб` : String(p.left)
  const when =
    p.expiresAt === null
      ? ""
      : p.source === "oneoff" || p.source === "bonus"
        ? ` до ${dateRu(p.expiresAt)}`
        : ` · обновится ${dateRu(p.expiresAt)}`
  return (
    <div class="gauge" data-kind={p.kind} role="img" aria-label={`${p.name}: ${packageRu(p)}`}>
      <svg viewBox="0 0 120 120" aria-hidden="true">
        <circle class="ring" cx="60" cy="60" r="48" />
        {share > 0 ? (
          <circle
            class={`fill ${p.kind}`}
            cx="60"
            cy="60"
            r="48"
            stroke-dasharray={`${(share * CIRCUMFERENCE).toFixed(1)} ${CIRCUMFERENCE.toFixed(1)}`}
          />
        ) : null}
        <text x="60" y="62" text-anchor="middle" class="big">
          {big}
        </text>
        <text x="60" y="80" text-anchor="middle" class="kind">
          {KIND_RU[p.kind]}
        </text>
      </svg>
      <p class="value">{packageRu(p)}</p>
      <p class="muted">
        {p.name}
        {when}
      </p>
    </div>
  )
}

export const Packages = (props: { v: AccountView }) => (
  <section class="card" aria-labelledby="pk">
    <h2 id="pk">Пакеты услуг</h2>
    <div class="gauges">
      {(["minutes", "data", "sms"] as const).map((k) => {
        const pkgs = props.v.packages.filter((p) => p.kind === k)
        return pkgs.length === 0 ? <EmptyGauge kind={k} /> : pkgs.map((p) => <Gauge p={p} />)
      })}
    </div>
  </section>
)

/** Initials for a tile icon: «Черный список» → «ЧС». */
export const Home = (props: {
  p: PageCtx
  v: AccountView
  twin: TwinCore
  linked: readonly string[]
  promisedFee: number | null
  open: string
}) => {
  const v = props.v
  const o = props.twin.cat.data.bonusOffers
  return (
    <>
      <Numbers p={props.p} linked={props.linked} />
      <BalanceRow p={props.p} v={v} twin={props.twin} promisedFee={props.promisedFee} open={props.open} />
      <Packages v={v} />
      <section class="card" aria-labelledby="svc">
        <h2 id="svc">Сервисы МТС</h2>
        <ServiceTiles p={props.p} services={v.services.filter((s) => s.connected || s.available)} />
      </section>
      <section class="card" aria-labelledby="bonus">
        <h2 id="bonus">Бонусы</h2>
        <p>
          Накоплено <strong>{v.bonus}</strong> баллов
        </p>
        {o.length > 0 ? (
          <Drop id="bonus-exchange" summary="Обменять баллы" open={props.open === "bonus-exchange"}>
            <ul class="grid">
              {o.map((x) => (
                <li class="offer">
                  <strong>{x.name}</strong>
                  <span class="muted">
                    {x.points} баллов, действует {x.validDays} дней
                  </span>
                  <div class="actions">
                    <ActionButton
                      p={props.p}
                      action="/lk/bonuses/exchange"
                      label={`Обменять баллы на ${x.name}`}
                      text="Обменять"
                      fields={{ offer: x.id }}
                      kind="secondary"
                      disabled={v.bonus < x.points}
                    />
                  </div>
                </li>
              ))}
            </ul>
          </Drop>
        ) : null}
      </section>
    </>
  )
}
