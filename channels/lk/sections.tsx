// The sections of the Личный кабинет as the operator's own LK lays them out: the «Мой баланс» row
// with top-up, autopay and promised payment beside the balance, package remainders as gauges,
// «Сервисы МТС» tiles that open a service card, «Расходы» as a table with totals, «Тариф» as a
// list of offers with a confirmation that states what is charged now. Every number comes from a
// core view; every action is a CSRF-carrying form (layout.tsx) that works without scripts.
import type { AccountView, Detail, PackageView, ServiceView, TariffOffer } from "../../core/engine/views.ts"
import type { TwinCore } from "../../core/engine/twin-core.ts"
import { servicePriceRu } from "../text/price.ts"
import { asOfRu, dateRu, dateTimeRu, gbRu, msisdnRu, NEGATIVE_WARNING, packageRu, rub, STATUS_RU } from "./format.ts"
import { ActionButton, Drop, Field, Form, href, hrefT, Notice, type PageCtx } from "./layout.tsx"

// ---- «Мой МТС» ------------------------------------------------------------------------------

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
            ? `Подключен: ${rub(ap.amount)} каждый месяц ${ap.day}-го числа`
            : `Подключен: ${rub(ap.amount)}, когда баланс меньше ${rub(ap.threshold)}`}
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
          {rub(v.balance)}
        </p>
        <p class="muted">{asOfRu(v.asOf)}</p>
        {v.negative && v.payment === "prepaid" ? (
          <p class="warn" role="alert">
            {NEGATIVE_WARNING}
          </p>
        ) : null}
        {v.payment === "credit" ? (
          <p>
            Задолженность {rub(v.debt)}, кредитный лимит {rub(v.creditLimit)}
          </p>
        ) : null}
        {v.status !== "active" ? <p class="warn">Статус: {STATUS_RU[v.status]}</p> : null}
        {v.promised !== null ? (
          <p class="muted">
            Обещанный платеж {rub(v.promised.amount)} до {dateRu(v.promised.dueAt)}
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
            value={String(props.twin.cat.data.topUp.lkDefault / 100)}
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
                Обещанный платеж {rub(v.promised.amount)} действует до {dateRu(v.promised.dueAt)}
              </p>
            ) : (
              <Form p={props.p} action="/lk/promised" label="Обещанный платеж">
                <Field
                  id="pp-amount"
                  label={`Сумма, до ${rub(v.promisedOffer.limit)}`}
                  name="amount"
                  value={String(Math.floor(v.promisedOffer.limit / 100))}
                  inputmode="decimal"
                  suffix="₽"
                  required
                />
                {props.promisedFee !== null ? <p class="muted">Плата за услугу {rub(props.promisedFee)}</p> : null}
                <button type="submit">Взять обещанный платеж</button>
              </Form>
            )}
          </Drop>
          <Drop id="transfer" summary="Перевод на другой номер" open={props.open === "transfer"}>
            <Form p={props.p} action="/lk/transfer" label="Перевод на другой номер">
              <Field id="tr-to" label="Номер получателя" name="to" value="" inputmode="tel" required />
              <Field
                id="tr-amount"
                label={`Сумма, от ${rub(props.twin.cat.data.transfer.min)} до ${rub(props.twin.cat.data.transfer.max)}`}
                name="amount"
                value=""
                inputmode="decimal"
                suffix="₽"
                required
              />
              <p class="muted">Комиссия {rub(props.twin.cat.data.transfer.fee)}</p>
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
                      {x.fee > 0 ? ` (комиссия ${rub(x.fee)})` : ""}
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
const initials = (name: string): string =>
  name
    .replace(/[«»"'()]/g, "")
    .split(/[\s-]+/)
    .filter((w) => w !== "")
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase() ?? "")
    .join("")

export const ServiceTiles = (props: { p: PageCtx; services: readonly ServiceView[] }) => (
  <ul class="tiles">
    {props.services.map((s) => (
      <li>
        <a
          class={s.connected ? "tile on" : "tile"}
          href={hrefT(props.p, `/lk/services/${encodeURIComponent(s.id)}`)}
          data-service={s.id}
        >
          <span class="icon" aria-hidden="true">
            {initials(s.name)}
          </span>
          <span class="name">{s.name}</span>
          <span class="state">{s.connected ? "подключена" : priceRu(s)}</span>
        </a>
      </li>
    ))}
  </ul>
)

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

// ---- «Услуги» --------------------------------------------------------------------------------

export const priceRu = (s: ServiceView): string => servicePriceRu(s, rub)

/** A one-off package's amount in words: «30 ГБ», «100 мин», «50 SMS». */
const amountRu = (kind: "minutes" | "sms" | "data", amount: number): string =>
  kind === "data"
    ? amount % 1024 === 0
      ? `${amount / 1024} ГБ`
      : `${amount} МБ`
    : kind === "minutes"
      ? `${amount} мин`
      : `${amount} SMS`

export const Services = (props: { p: PageCtx; v: AccountView; twin: TwinCore }) => (
  <>
    <section class="card" aria-labelledby="on">
      <h2 id="on">Подключенные</h2>
      <ServiceTiles p={props.p} services={props.v.services.filter((s) => s.connected)} />
    </section>
    <section class="card" aria-labelledby="av">
      <h2 id="av">Доступные для подключения</h2>
      <ServiceTiles p={props.p} services={props.v.services.filter((s) => !s.connected && s.available)} />
    </section>
    <section class="card" aria-labelledby="pkgs">
      <h2 id="pkgs">Пакеты</h2>
      <ul class="grid">
        {props.twin.cat.data.oneOffPackages.map((o) => (
          <li class="offer">
            <strong>{o.name}</strong>
            <span class="muted">
              {amountRu(o.kind, o.amount)}, {o.validDays} дней
            </span>
            <span class="price">{rub(o.price)}</span>
            <div class="actions">
              <ActionButton
                p={props.p}
                action="/lk/packages/buy"
                label={`Купить ${o.name}`}
                text="Купить"
                fields={{ offer: o.id }}
              />
            </div>
          </li>
        ))}
      </ul>
    </section>
  </>
)

/** The card a tile opens: what the service is, what it costs, connect or disconnect. */
export const ServiceCard = (props: { p: PageCtx; s: ServiceView }) => {
  const s = props.s
  return (
    <section class="card sheet" aria-labelledby="sv-name" data-service={s.id}>
      <h2 id="sv-name">
        {s.name} {s.connected ? <span class="badge ok">подключена</span> : null}
      </h2>
      <p>{s.description}</p>
      <p class="price">{priceRu(s)}</p>
      {s.connectFee > 0 && !s.connected ? <p class="muted">Подключение {rub(s.connectFee)}</p> : null}
      <div class="actions">
        {s.connected ? (
          s.removable ? (
            <ActionButton
              p={props.p}
              action="/lk/services/disconnect"
              label={`Отключить ${s.name}`}
              text="Отключить"
              fields={{ service: s.id }}
              kind="secondary"
            />
          ) : (
            <span class="muted">Входит в тариф, отключить нельзя</span>
          )
        ) : s.available ? (
          <ActionButton
            p={props.p}
            action="/lk/services/connect"
            label={`Подключить ${s.name}`}
            text="Подключить"
            fields={{ service: s.id }}
          />
        ) : (
          <span class="muted">Недоступна на вашем тарифе</span>
        )}
        <a class="button secondary" href={hrefT(props.p, "/lk/services")}>
          Все услуги
        </a>
      </div>
    </section>
  )
}

// ---- «Тариф» ---------------------------------------------------------------------------------

export const Tariffs = (props: {
  p: PageCtx
  v: AccountView
  offers: readonly TariffOffer[]
  familyOwner: boolean
}) => (
  <>
    <section class="card" aria-labelledby="cur">
      <h2 id="cur">Ваш тариф «{props.v.tariff.name}»</h2>
      <p class="muted">{props.v.tariff.description}</p>
      <p>
        Абонентская плата <strong>{rub(props.v.tariff.monthlyFee)}</strong> в месяц · следующее списание{" "}
        {dateRu(props.v.renewAt)}
      </p>
      {props.familyOwner && props.p.target === props.p.me ? (
        <p>
          <a href={href(props.p, "/lk/family")}>Поделиться пакетами</a>
        </p>
      ) : null}
    </section>
    <section class="card" aria-labelledby="others">
      <h2 id="others">Другие тарифы</h2>
      <ul class="grid">
        {props.offers
          .filter((t) => t.selectable && !t.current)
          .map((t) => (
            <li class="offer" data-tariff={t.tariff}>
              <strong>«{t.name}»</strong>
              {t.popular ? (
                <span>
                  <span class="badge">популярный</span>
                </span>
              ) : null}
              <span class="muted">{t.description}</span>
              <span class="price">{rub(t.monthlyFee)} в месяц</span>
              {t.changeFee > 0 ? <span class="muted">Стоимость перехода {rub(t.changeFee)}</span> : null}
              <div class="actions">
                <ActionButton
                  p={props.p}
                  action="/lk/tariff"
                  label={`Перейти на ${t.name}`}
                  text="Перейти"
                  fields={{ tariff: t.tariff }}
                />
              </div>
            </li>
          ))}
      </ul>
    </section>
  </>
)

/** R6: the confirmation states everything charged at once: the change fee and the first month. */
export const ConfirmTariff = (props: { p: PageCtx; quote: TariffOffer; balance: number }) => {
  const q = props.quote
  return (
    <section class="card sheet" aria-labelledby="conf" data-hold="1">
      <h2 id="conf">Переход на тариф «{q.name}»</h2>
      <p class="muted">{q.description}</p>
      <table class="quote">
        <tbody>
          <tr>
            <td>Стоимость перехода</td>
            <td class="num">{rub(q.changeFee)}</td>
          </tr>
          <tr>
            <td>Абонентская плата за первый месяц</td>
            <td class="num">{rub(q.monthlyFee)}</td>
          </tr>
          <tr class="total">
            <td>Будет списано сейчас</td>
            <td class="num" id="tariff-total">
              {rub(q.total)}
            </td>
          </tr>
        </tbody>
      </table>
      <p class="muted">
        Дальше абонентская плата {rub(q.monthlyFee)} в месяц. Баланс после перехода {rub(props.balance - q.total)}.
      </p>
      <Form p={props.p} action="/lk/tariff" label="Подтверждение смены тарифа">
        <input type="hidden" name="tariff" value={q.tariff} />
        <input type="hidden" name="confirmed" value="1" />
        <div class="actions">
          <button type="submit">Подтвердить переход</button>{" "}
          <a class="button secondary" href={hrefT(props.p, "/lk/tariff")}>
            Отмена
          </a>
        </div>
      </Form>
    </section>
  )
}

// ---- «Расходы» -------------------------------------------------------------------------------

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
                <div class="sum">{rub(t.spent)}</div>
              </div>
              <div class="total">
                <div class="label">Звонки</div>
                <div class="sum">{rub(t.calls)}</div>
              </div>
              <div class="total">
                <div class="label">SMS</div>
                <div class="sum">{rub(t.sms)}</div>
              </div>
              <div class="total">
                <div class="label">Интернет</div>
                <div class="sum">{rub(t.data)}</div>
              </div>
              <div class="total">
                <div class="label">Абонентская плата и услуги</div>
                <div class="sum">{rub(t.fees)}</div>
              </div>
              <div class="total">
                <div class="label">Роуминг</div>
                <div class="sum">{rub(t.roaming)}</div>
              </div>
              <div class="total">
                <div class="label">Прочее</div>
                <div class="sum">{rub(t.other)}</div>
              </div>
              <div class="total">
                <div class="label">Зачислено</div>
                <div class="sum">{rub(t.credited)}</div>
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
                        {r.amount > 0 ? `+${rub(r.amount)}` : rub(r.amount)}
                      </td>
                    </tr>
                  ))
                )}
              </tbody>
              {t !== undefined ? (
                <tfoot>
                  <tr>
                    <td colspan={3}>Списано за период</td>
                    <td class="num">{rub(-t.spent)}</td>
                  </tr>
                  <tr>
                    <td colspan={3}>Зачислено за период</td>
                    <td class="num pos">+{rub(t.credited)}</td>
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

// ---- «Поддержка» -----------------------------------------------------------------------------

export const Support = (props: { p: PageCtx; v: AccountView; confirmBlock: boolean }) => {
  const blocked = props.v.status === "blocked-voluntary"
  return (
    <>
      <section class="card" aria-labelledby="st">
        <h2 id="st">Номер {msisdnRu(props.v.msisdn)}</h2>
        <p class="status-line">
          Статус: <strong>{STATUS_RU[props.v.status]}</strong>
        </p>
        {blocked ? (
          <div class="actions">
            <ActionButton p={props.p} action="/lk/unblock" label="Разблокировать" text="Разблокировать номер" />
          </div>
        ) : props.confirmBlock ? (
          <div class="notice error" role="alertdialog" aria-labelledby="bl-q" data-hold="1">
            <p id="bl-q">
              <strong>Заблокировать номер {msisdnRu(props.v.msisdn)}?</strong>
            </p>
            <p>Звонки, SMS и интернет будут недоступны, пока вы не снимете блокировку.</p>
            <Form p={props.p} action="/lk/block" label="Подтверждение блокировки">
              <input type="hidden" name="confirmed" value="1" />
              <div class="actions">
                <button type="submit">Да, заблокировать</button>{" "}
                <a class="button secondary" href={hrefT(props.p, "/lk/support")}>
                  Отмена
                </a>
              </div>
            </Form>
          </div>
        ) : (
          <div class="actions">
            <ActionButton
              p={props.p}
              action="/lk/block"
              label="Заблокировать"
              text="Заблокировать номер"
              kind="secondary"
            />
          </div>
        )}
      </section>
      <section class="card" aria-labelledby="help">
        <h2 id="help">Помощь</h2>
        <div class="help">
          <div>
            <strong>0890</strong>Горячая линия
          </div>
          <div>
            <strong>111</strong>Мобильный помощник
          </div>
          <div>
            <strong>*111#</strong>МТС Сервис
          </div>
          <div>
            <strong>*100#</strong>Баланс
          </div>
        </div>
      </section>
    </>
  )
}

// ---- «Настройки» -----------------------------------------------------------------------------

export const Settings = (props: { p: PageCtx; v: AccountView }) => {
  const v = props.v
  return (
    <>
      <section class="card" aria-labelledby="pd">
        <h2 id="pd">Персональные данные</h2>
        <dl class="facts">
          <dt>ФИО</dt>
          <dd>{v.personal.name}</dd>
          <dt>Номер</dt>
          <dd>{msisdnRu(v.msisdn)}</dd>
          <dt>Паспорт</dt>
          <dd>{v.personal.passport !== "" ? v.personal.passport : "не указан"}</dd>
          <dt>Регион</dt>
          <dd>{v.personal.region}</dd>
        </dl>
      </section>
      {props.p.target === props.p.me ? (
        <>
          <section class="card" aria-labelledby="auth">
            <h2 id="auth">Настройки входа</h2>
            <Drop id="password" summary="Установить постоянный пароль">
              <Form p={props.p} action="/lk/password" label="Постоянный пароль">
                <Field
                  id="pw-current"
                  label="Текущий пароль (пароль из SMS или постоянный)"
                  name="current"
                  type="password"
                  autocomplete="current-password"
                  required
                />
                <Field
                  id="pw"
                  label="Новый пароль (не менее 8 букв или цифр; советуем добавить символы)"
                  name="password"
                  type="password"
                  autocomplete="new-password"
                  required
                />
                <Field
                  id="pw-confirm"
                  label="Повторите новый пароль"
                  name="confirm"
                  type="password"
                  autocomplete="new-password"
                  required
                />
                <button type="submit">Сохранить пароль</button>
              </Form>
            </Drop>
          </section>
          <section class="card" aria-labelledby="nt">
            <h2 id="nt">Уведомления</h2>
            <p>
              О списаниях: {v.notifications.charges ? "включены" : "выключены"} · О входе:{" "}
              {v.notifications.logins ? "включены" : "выключены"}
            </p>
            <div class="actions">
              <ActionButton
                p={props.p}
                action="/lk/notifications"
                label="Уведомления о списаниях"
                text={
                  v.notifications.charges ? "Выключить уведомления о списаниях" : "Включить уведомления о списаниях"
                }
                fields={{ charges: v.notifications.charges ? "off" : "on" }}
                kind="secondary"
              />
            </div>
          </section>
          <section class="card" aria-labelledby="more">
            <h2 id="more">Номера и пакеты</h2>
            <div class="actions">
              <a class="button secondary" href={href(props.p, "/lk/linked")}>
                Привязанные
              </a>{" "}
              <a class="button secondary" href={href(props.p, "/lk/family")}>
                Поделиться пакетами
              </a>
            </div>
          </section>
        </>
      ) : null}
    </>
  )
}

export { Notice }
