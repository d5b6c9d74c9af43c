// Server-rendered pages of the Личный кабинет at /lk. Session in an HTTP-only cookie holding the
// core's token; every form carries a double-submit CSRF token; every action is one core command
// through channels/lk/selfcare.ts; the page shows the core's Russian text on errors.
import { servicePriceRu } from "../text/price.ts"
import { Hono, type Context } from "hono"
import { twinNotFoundPage } from "../edge/twin.ts"
import type { Child } from "hono/jsx"
import { Result } from "effect"
import { err, type DomainError } from "../../core/domain/errors.ts"
import { isMsisdn } from "../../core/domain/ids.ts"
import { parseRubles } from "../../core/domain/money.ts"
import { accountView, promisedQuote, tariffsView, type AccountView } from "../../core/engine/views.ts"
import type { TwinCore } from "../../core/engine/twin-core.ts"
import { statusFor, twinIdOf, twinOf, type ChannelDeps } from "../context.ts"
import { clearSessionCookie, csrfError, csrfToken, csrfValid, readSessionCookie, setSessionCookie } from "../security.ts"
import { targetOf } from "./api.ts"
import { networkMsisdn } from "../edge/network.ts"
import { linkedBy } from "../../core/rules/linked.ts"
import { asOfRu, dateRu, gbRu, msisdnRu, NEGATIVE_WARNING, packageRu, rub, STATUS_RU } from "./format.ts"
import { Field, Form, href, Layout, LK_CSS, Notice, type PageCtx, type Section } from "./layout.tsx"
import * as op from "./selfcare.ts"
import { FlashBox, seeOther } from "../prg.ts"

export const LK_COOKIE = "lk_session"

type Form = Record<string, string>
interface Notice { text: string; error: boolean }
type Status = 200 | 400 | 401 | 403 | 404 | 409 | 423 | 429 | 503

const noticeOf = (r: op.Res): Notice => (Result.isFailure(r) ? { text: r.failure.ru, error: true } : { text: r.success.text, error: false })
const statusOf = (r: op.Res): Status => (Result.isFailure(r) ? statusFor(r.failure) : 200)

const pageCtx = (c: Context, me?: string, target?: string): PageCtx => {
  const id = twinIdOf(c)
  return { csrf: csrfToken(c, LK_COOKIE), twinQuery: c.req.query("twin") !== undefined ? `?twin=${encodeURIComponent(id)}` : "", me, target }
}

const formOf = async (c: Context): Promise<Form> => {
  const ct = c.req.header("content-type") ?? ""
  if (!ct.includes("application/x-www-form-urlencoded") && !ct.includes("multipart/form-data")) return {}
  const body = await c.req.parseBody()
  const out: Form = {}
  for (const [k, v] of Object.entries(body)) if (typeof v === "string") out[k] = v
  return out
}

const rubles = (v: string | undefined, field: string): Result.Result<number, DomainError> => {
  const k = v === undefined ? null : parseRubles(v)
  return k === null ? Result.fail(err("INVALID_FIELD", `${field}: expected an amount in rubles like 500 or 150,50`, "Введите сумму в рублях", field)) : Result.succeed(k)
}

const intField = (v: string | undefined, field: string, ru: string): Result.Result<number, DomainError> =>
  v !== undefined && /^\d{1,7}$/.test(v.trim()) ? Result.succeed(Number(v.trim())) : Result.fail(err("INVALID_FIELD", `${field}: expected a whole number`, ru, field))

const numberField = (v: string | undefined, field: string): Result.Result<string, DomainError> => {
  const m = (v ?? "").replace(/[\s()+-]/g, "").replace(/^8(?=\d{10}$)/, "7")
  return isMsisdn(m) ? Result.succeed(m) : Result.fail(err("INVALID_FIELD", `${field}: expected a number like 79161234567`, "Введите номер телефона в формате 7XXXXXXXXXX", field))
}

const textField = (v: string | undefined, field: string, ru: string): Result.Result<string, DomainError> =>
  v !== undefined && v.trim() !== "" && v.length <= 128 ? Result.succeed(v.trim()) : Result.fail(err("INVALID_FIELD", `${field}: required`, ru, field))

// ---- sections -------------------------------------------------------------------------------

const Packages = (props: { v: AccountView }) => (
  <section aria-labelledby="pk">
    <h2 id="pk">Пакеты услуг</h2>
    {props.v.packages.length === 0 ? <p>Подключите пакеты минут, интернета и SMS для экономии расходов</p> : (
      <ul class="grid">
        {props.v.packages.map((p) => (
          <li class="card">
            <strong>{packageRu(p)}</strong>
            <div class="muted">{p.name}{p.expiresAt !== null ? (p.source === "oneoff" || p.source === "bonus" ? ` до ${dateRu(p.expiresAt)}` : ` · обновится ${dateRu(p.expiresAt)}`) : ""}</div>
          </li>
        ))}
      </ul>
    )}
  </section>
)

const Home = (props: { p: PageCtx; v: AccountView; twin: TwinCore }) => {
  const v = props.v
  const q = promisedQuote(props.twin, v.msisdn)
  const linked = props.twin.state.subscribers.get(props.p.me ?? "")?.linked ?? []
  return (
    <>
      {linked.length > 0 ? (
        <nav aria-label="Номера">
          <a href={href(props.p, "/lk")}>Мой номер</a>
          {linked.map((m) => <> · <a href={href(props.p, "/lk", { msisdn: m })}>{msisdnRu(m)}</a></>)}
        </nav>
      ) : null}
      <p class="muted">{v.personal.name} · {msisdnRu(v.msisdn)} · тариф «{v.tariff.name}»</p>
      <section aria-labelledby="bal">
        <h2 id="bal">Мой баланс</h2>
        <p class="balance">{rub(v.balance)}</p>
        <p class="muted">{asOfRu(v.asOf)}</p>
        {v.negative && v.payment === "prepaid" ? <p class="warn" role="alert">{NEGATIVE_WARNING}</p> : null}
        {v.payment === "credit" ? <p>Задолженность {rub(v.debt)}, кредитный лимит {rub(v.creditLimit)}</p> : null}
        {v.status !== "active" ? <p class="warn">Статус: {STATUS_RU[v.status]}</p> : null}
        <Form p={props.p} action="/lk/topup" label="Пополнить">
          <Field id="amount" label="Пополнить:" name="amount" value={String(props.twin.cat.data.topUp.lkDefault / 100)} inputmode="decimal" required />
          <button type="submit">Пополнить</button>
        </Form>
        <p><a href={href(props.p, "/lk/autopay", props.p.target !== props.p.me && props.p.target !== undefined ? { msisdn: props.p.target } : {})}>Подключить автоплатеж</a></p>
      </section>
      <section aria-labelledby="pp">
        <h2 id="pp">Обещанный платеж</h2>
        {v.promised !== null ? <p>Обещанный платеж {rub(v.promised.amount)} действует до {dateRu(v.promised.dueAt)}</p> : (
          <Form p={props.p} action="/lk/promised" label="Обещанный платеж">
            <Field id="pp-amount" label={`Сумма, до ${rub(v.promisedOffer.limit)}`} name="amount" value={String(v.promisedOffer.limit / 100)} inputmode="decimal" required />
            {q !== null ? <p class="muted">Плата за услугу {rub(q.fee)}</p> : null}
            <button type="submit">Взять обещанный платеж</button>
          </Form>
        )}
      </section>
      <section aria-labelledby="tr">
        <h2 id="tr">Перевод на другой номер</h2>
        <Form p={props.p} action="/lk/transfer" label="Перевод на другой номер">
          <Field id="tr-to" label="Номер получателя" name="to" value="" inputmode="tel" required />
          <Field id="tr-amount" label={`Сумма, от ${rub(props.twin.cat.data.transfer.min)} до ${rub(props.twin.cat.data.transfer.max)}`} name="amount" value="" inputmode="decimal" required />
          <p class="muted">Комиссия {rub(props.twin.cat.data.transfer.fee)}</p>
          <button type="submit">Перевести</button>
        </Form>
      </section>
      <section aria-labelledby="pay">
        <h2 id="pay">Оплата услуг</h2>
        <Form p={props.p} action="/lk/pay-provider" label="Оплата услуг">
          <label for="pay-provider">Получатель</label>
          <select id="pay-provider" name="provider">
            {props.twin.cat.data.providerPayments.providers.map((x) => <option value={x.id}>{x.name}{x.fee > 0 ? ` (комиссия ${rub(x.fee)})` : ""}</option>)}
          </select>
          <Field id="pay-account" label="Номер договора или телефона" name="account" value="" required />
          <Field id="pay-amount" label="Сумма" name="amount" value="" inputmode="decimal" required />
          <button type="submit">Оплатить</button>
        </Form>
      </section>
      <section aria-labelledby="bonus">
        <h2 id="bonus">Бонусы</h2>
        <p>Накоплено {v.bonus} баллов</p>
        <ul class="grid">
          {props.twin.cat.data.bonusOffers.map((o) => (
            <li class="card">
              <strong>{o.name}</strong><p class="muted">{o.points} баллов, действует {o.validDays} дней</p>
              <Form p={props.p} action="/lk/bonuses/exchange" label={`Обменять баллы на ${o.name}`}><input type="hidden" name="offer" value={o.id} /><button type="submit" class="secondary" disabled={v.bonus < o.points}>Обменять</button></Form>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="svc">
        <h2 id="svc">Сервисы МТС</h2>
        <ul class="grid">
          {v.services.filter((s) => s.connected || s.available).map((s) => (
            <li class="card"><strong>{s.name}</strong><div class="muted">{s.connected ? "услуга подключена" : "услуга доступна"}</div></li>
          ))}
        </ul>
      </section>
      <Packages v={v} />
    </>
  )
}

const Autopay = (props: { p: PageCtx; v: AccountView }) => {
  const ap = props.v.autopay
  return (
    <>
      <p>{ap === null ? "Автоплатеж не подключен" : ap.mode === "date" ? `Автоплатеж: ${rub(ap.amount)} каждый месяц ${ap.day}-го числа` : `Автоплатеж: ${rub(ap.amount)}, когда баланс меньше ${rub(ap.threshold)}`}</p>
      <Form p={props.p} action="/lk/autopay" label="Автоплатеж по порогу">
        <input type="hidden" name="mode" value="threshold" />
        <Field id="ap-th" label="Когда баланс меньше, руб." name="threshold" value="100" inputmode="decimal" required />
        <Field id="ap-am" label="Пополнять на, руб." name="amount" value="500" inputmode="decimal" required />
        <button type="submit">Подключить автоплатеж</button>
      </Form>
      <Form p={props.p} action="/lk/autopay" label="Автоплатеж по дате">
        <input type="hidden" name="mode" value="date" />
        <Field id="ap-day" label="Число месяца (1–28)" name="day" value="1" inputmode="numeric" required />
        <Field id="ap-am2" label="Сумма, руб." name="amount" value="500" inputmode="decimal" required />
        <button type="submit">Подключить автоплатеж</button>
      </Form>
      {ap !== null ? (
        <Form p={props.p} action="/lk/autopay" label="Отключить автоплатеж">
          <input type="hidden" name="mode" value="off" />
          <button type="submit" class="secondary">Отключить автоплатеж</button>
        </Form>
      ) : null}
    </>
  )
}

const Expenses = (props: { p: PageCtx; text: string; period: string; from: string; to: string }) => (
  <>
    <nav aria-label="Период">
      {(["today", "week", "month"] as const).map((x) => (
        <><a href={href(props.p, "/lk/expenses", { period: x, ...(props.p.target !== props.p.me && props.p.target !== undefined ? { msisdn: props.p.target } : {}) })} aria-current={props.period === x ? "page" : undefined}>{x === "today" ? "Сегодня" : x === "week" ? "Неделя" : "Месяц"}</a>{" "}</>
      ))}
    </nav>
    <form method="get" action="/lk/expenses" aria-label="Свой период">
      {props.p.twinQuery !== "" ? <input type="hidden" name="twin" value={decodeURIComponent(props.p.twinQuery.slice(6))} /> : null}
      <Field id="from" label="С" name="from" type="date" value={props.from} />
      <Field id="to" label="По" name="to" type="date" value={props.to} />
      <button type="submit">Показать</button>
    </form>
    <pre class="report">{props.text}</pre>
  </>
)

const price = (s: AccountView["services"][number]): string => servicePriceRu(s, rub)

const Services = (props: { p: PageCtx; v: AccountView; twin: TwinCore }) => (
  <>
    <h2>Подключенные</h2>
    <ul class="grid">
      {props.v.services.filter((s) => s.connected).map((s) => (
        <li class="card">
          <strong>{s.name}</strong><p class="muted">{s.description}</p><p>{price(s)}</p>
          {s.removable ? <Form p={props.p} action="/lk/services/disconnect" label={`Отключить ${s.name}`}><input type="hidden" name="service" value={s.id} /><button type="submit" class="secondary">Отключить</button></Form> : null}
        </li>
      ))}
    </ul>
    <h2>Доступные</h2>
    <ul class="grid">
      {props.v.services.filter((s) => !s.connected && s.available).map((s) => (
        <li class="card">
          <strong>{s.name}</strong><p class="muted">{s.description}</p><p>{price(s)}</p>
          <Form p={props.p} action="/lk/services/connect" label={`Подключить ${s.name}`}><input type="hidden" name="service" value={s.id} /><button type="submit">Подключить</button></Form>
        </li>
      ))}
    </ul>
    <h2>Пакеты</h2>
    <ul class="grid">
      {props.twin.cat.data.oneOffPackages.map((o) => (
        <li class="card">
          <strong>{o.name}</strong><p class="muted">{amountRu(o.kind, o.amount)}, {o.validDays} дней</p><p>{rub(o.price)}</p>
          <Form p={props.p} action="/lk/packages/buy" label={`Купить ${o.name}`}><input type="hidden" name="offer" value={o.id} /><button type="submit">Купить</button></Form>
        </li>
      ))}
    </ul>
  </>
)

/** A one-off package's amount in words: «30 ГБ», «100 мин», «50 SMS». */
const amountRu = (kind: "minutes" | "sms" | "data", amount: number): string =>
  kind === "data" ? (amount % 1024 === 0 ? `${amount / 1024} ГБ` : `${amount} МБ`) : kind === "minutes" ? `${amount} мин` : `${amount} SMS`

const Tariffs = (props: { p: PageCtx; v: AccountView; twin: TwinCore }) => (
  <>
    <p>Ваш тариф «{props.v.tariff.name}», абонентская плата {rub(props.v.tariff.monthlyFee)} в месяц</p>
    <p class="muted">{props.v.tariff.description}</p>
    {props.twin.cat.tariffs.get(props.v.tariff.id)?.familyOwner === true && props.p.target === props.p.me
      ? <p><a href={href(props.p, "/lk/family")}>Поделиться пакетами</a></p> : null}
    <ul class="grid">
      {tariffsView(props.twin, props.v.msisdn).filter((t) => t.selectable && !t.current).map((t) => (
        <li class="card">
          <strong>«{t.name}»</strong><p class="muted">{t.description}</p><p>{rub(t.monthlyFee)} в месяц</p>
          <Form p={props.p} action="/lk/tariff" label={`Перейти на ${t.name}`}><input type="hidden" name="tariff" value={t.tariff} /><button type="submit">Перейти</button></Form>
        </li>
      ))}
    </ul>
  </>
)

const ConfirmTariff = (props: { p: PageCtx; tariff: string; text: string }) => (
  <>
    <Notice text={props.text.replace(/\nПодтвердить · Отмена$/, "")} />
    <Form p={props.p} action="/lk/tariff" label="Подтверждение смены тарифа">
      <input type="hidden" name="tariff" value={props.tariff} />
      <input type="hidden" name="confirmed" value="1" />
      <button type="submit">Подтвердить</button> <a href={href(props.p, "/lk/tariff")}>Отмена</a>
    </Form>
  </>
)

const Support = (props: { p: PageCtx; v: AccountView }) => (
  <>
    <p>Статус: {STATUS_RU[props.v.status]}</p>
    {props.v.status === "blocked-voluntary" ? (
      <Form p={props.p} action="/lk/unblock" label="Разблокировать"><button type="submit">Разблокировать номер</button></Form>
    ) : (
      <Form p={props.p} action="/lk/block" label="Заблокировать"><button type="submit">Заблокировать номер</button></Form>
    )}
    <p>Горячая линия: 0890 · Мобильный помощник: 111 · МТС Сервис: *111#</p>
  </>
)

const Settings = (props: { p: PageCtx; v: AccountView }) => {
  const v = props.v
  return (
    <>
      <section aria-labelledby="pd">
        <h2 id="pd">Персональные данные</h2>
        <dl>
          <dt>ФИО</dt><dd>{v.personal.name}</dd>
          <dt>Номер</dt><dd>{msisdnRu(v.msisdn)}</dd>
          <dt>Паспорт</dt><dd>{v.personal.passport !== "" ? v.personal.passport : "не указан"}</dd>
          <dt>Регион</dt><dd>{v.personal.region}</dd>
        </dl>
      </section>
      {props.p.target === props.p.me ? (
        <>
          <section aria-labelledby="auth">
            <h2 id="auth">Настройки входа</h2>
            <Form p={props.p} action="/lk/password" label="Постоянный пароль">
              <Field id="pw-current" label="Текущий пароль (пароль из SMS или постоянный)" name="current" type="password" autocomplete="current-password" required />
              <Field id="pw" label="Новый пароль (не менее 8 букв или цифр; советуем добавить символы)" name="password" type="password" autocomplete="new-password" required />
              <Field id="pw-confirm" label="Повторите новый пароль" name="confirm" type="password" autocomplete="new-password" required />
              <button type="submit">Сохранить пароль</button>
            </Form>
          </section>
          <section aria-labelledby="nt">
            <h2 id="nt">Уведомления</h2>
            <p>О списаниях: {v.notifications.charges ? "включены" : "выключены"} · О входе: {v.notifications.logins ? "включены" : "выключены"}</p>
            <Form p={props.p} action="/lk/notifications" label="Уведомления о списаниях">
              <input type="hidden" name="charges" value={v.notifications.charges ? "off" : "on"} />
              <button type="submit" class="secondary">{v.notifications.charges ? "Выключить уведомления о списаниях" : "Включить уведомления о списаниях"}</button>
            </Form>
          </section>
          <p><a href={href(props.p, "/lk/linked")}>Привязанные</a> · <a href={href(props.p, "/lk/family")}>Поделиться пакетами</a></p>
        </>
      ) : null}
    </>
  )
}

const Linked = (props: { p: PageCtx; v: AccountView; twin: TwinCore; pending?: string | undefined }) => (
  <>
    <ul>
      {props.v.linked.length === 0 ? <li>Нет привязанных номеров</li> : props.v.linked.map((m) => (
        <li>
          <a href={href(props.p, "/lk", { msisdn: m })}>{msisdnRu(m)}</a> — {rub(props.twin.state.subscribers.get(m)?.balance ?? 0)}{" "}
          <Form p={props.p} action="/lk/linked/remove" class="inline" label={`Отвязать ${m}`}><input type="hidden" name="target" value={m} /><button type="submit" class="secondary">Отвязать</button></Form>
        </li>
      ))}
    </ul>
    {linkedBy(props.twin.state, props.p.me ?? "").map((o) => (
      <p>
        Мой номер привязан к Личному кабинету {msisdnRu(o)}{" "}
        <Form p={props.p} action="/lk/linked/leave" class="inline" label={`Удалить привязку к ${o}`}><input type="hidden" name="owner" value={o} /><button type="submit" class="secondary">Удалить привязку</button></Form>
      </p>
    ))}
    <h2>Добавить</h2>
    <Form p={props.p} action="/lk/linked/request" label="Добавить номер">
      <Field id="target" label="Номер телефона" name="target" value={props.pending ?? ""} inputmode="tel" required />
      <button type="submit">Получить код</button>
    </Form>
    {props.pending !== undefined ? (
      <Form p={props.p} action="/lk/linked/confirm" label="Код подтверждения">
        <input type="hidden" name="target" value={props.pending} />
        <Field id="code" label="Код из SMS на добавляемый номер" name="code" inputmode="numeric" autocomplete="one-time-code" required />
        <button type="submit">Добавить</button>
      </Form>
    ) : null}
  </>
)

const Family = (props: { p: PageCtx; v: AccountView; invite: boolean }) => {
  const f = props.v.family
  return (
    <>
      {f !== null && f.role === "owner" ? (
        <ul>
          {f.members.map((m) => (
            <li>
              {msisdnRu(m.msisdn)} — {m.status === "active" ? "делится" : "приглашен, ждем ответа «Да»"}: {m.minutes} мин, {m.sms} SMS, {gbRu(m.dataMb)} Гб{" "}
              <Form p={props.p} action="/lk/family/remove" class="inline" label={`Исключить ${m.msisdn}`}><input type="hidden" name="member" value={m.msisdn} /><button type="submit" class="secondary">Исключить</button></Form>
            </li>
          ))}
        </ul>
      ) : f !== null ? <p>Вы участник группы владельца {msisdnRu(f.owner)}</p> : <p>Участников пока нет</p>}
      {props.invite ? (
        <Form p={props.p} action="/lk/family/invite" label="Пригласить участника">
          <Field id="member" label="Номер участника" name="member" inputmode="tel" required />
          <Field id="minutes" label="Минуты" name="minutes" value="100" inputmode="numeric" required />
          <Field id="gb" label="Интернет, Гб" name="gb" value="5" inputmode="numeric" required />
          <Field id="sms" label="SMS" name="sms" value="50" inputmode="numeric" required />
          <button type="submit">Начать делиться</button>
        </Form>
      ) : <p><a href={href(props.p, "/lk/family", { invite: "1" })}>Пригласить участника</a></p>}
    </>
  )
}

const Login = (props: { p: PageCtx; msisdn?: string | undefined; step: "phone" | "code" }) => (
  <>
    {props.step === "phone" ? (
      <>
        <Form p={props.p} action="/lk/login/code" label="Вход по SMS">
          <Field id="msisdn" label="Номер телефона" name="msisdn" value={props.msisdn ?? ""} inputmode="tel" autocomplete="tel" required />
          <button type="submit">Получить пароль по SMS</button>
        </Form>
        <Form p={props.p} action="/lk/login" label="Вход по паролю">
          <Field id="msisdn2" label="Номер телефона" name="msisdn" value={props.msisdn ?? ""} inputmode="tel" required />
          <Field id="secret2" label="Постоянный пароль" name="secret" type="password" autocomplete="current-password" required />
          <button type="submit">Войти</button>
        </Form>
        <Form p={props.p} action="/lk/login/network" label="Вход через мобильный интернет МТС">
          <Field id="msisdn3" label="Номер телефона (определяется сетью МТС)" name="msisdn" value={props.msisdn ?? ""} inputmode="tel" required />
          <button type="submit" class="secondary">Войти автоматически</button>
        </Form>
      </>
    ) : (
      <Form p={props.p} action="/lk/login" label="Пароль из SMS">
        <input type="hidden" name="msisdn" value={props.msisdn ?? ""} />
        <Field id="secret" label="Пароль из SMS от 3339" name="secret" inputmode="numeric" autocomplete="one-time-code" required />
        <button type="submit">Войти</button>
      </Form>
    )}
  </>
)

// ---- routes ----------------------------------------------------------------------------------

interface HtmlSession { twin: TwinCore; actor: op.Actor; token: string }

const TITLES: Record<Section, string> = {
  home: "Мой МТС", expenses: "Расходы", services: "Услуги", tariff: "Тариф", support: "Поддержка", settings: "Настройки",
  linked: "Привязанные", family: "Поделиться пакетами", login: "Вход в Личный кабинет",
}

export const lkPages = (deps: ChannelDeps): Hono => {
  const r = new Hono()

  const html = (c: Context, p: PageCtx, section: Section, body: Child, status: Status = 200, title = TITLES[section]): Response | Promise<Response> =>
    c.html(<Layout p={p} title={title} section={section}>{body}</Layout>, status)

  const errorPage = (c: Context, p: PageCtx, e: DomainError): Response | Promise<Response> =>
    html(c, p, "home", <Notice text={e.ru} error />, statusFor(e), "Ошибка")

  const loginPage = (c: Context, notice?: Notice, status: Status = 200, step: "phone" | "code" = "phone", msisdn?: string): Response | Promise<Response> =>
    html(c, pageCtx(c), "login", <><Notice text={notice?.text} error={notice?.error} /><Login p={pageCtx(c)} step={step} msisdn={msisdn} /></>, status)

  const sessionOf = (c: Context): HtmlSession | { response: Response | Promise<Response> } => {
    const twin = twinOf(deps, c)
    if (twin === null) return { response: twinNotFoundPage(c) }
    const token = readSessionCookie(c, LK_COOKIE)
    if (token === null) return { response: c.redirect(href(pageCtx(c), "/lk/login"), 303) }
    const me = op.resume(twin, "lk", token)
    if (Result.isFailure(me)) {
      clearSessionCookie(c, LK_COOKIE, "/lk")
      return { response: loginPage(c, { text: me.failure.ru, error: true }, 401) }
    }
    return { twin, actor: { twin, me: me.success, via: "lk", token }, token }
  }

  /** Render a section for the session's target, with an optional notice. */
  const section = (c: Context, s: HtmlSession, target: string, sec: Section, notice?: Notice, status: Status = 200, extra: { pending?: string; invite?: boolean } = {}) => {
    const p = pageCtx(c, s.actor.me, target)
    const v = accountView(s.twin, target, s.actor.me)
    if (Result.isFailure(v)) return errorPage(c, p, v.failure)
    const n = <Notice text={notice?.text} error={notice?.error} />
    switch (sec) {
      case "home": return html(c, p, sec, <>{n}<Home p={p} v={v.success} twin={s.twin} /></>, status)
      case "services": return html(c, p, sec, <>{n}<Services p={p} v={v.success} twin={s.twin} /></>, status)
      case "tariff": return html(c, p, sec, <>{n}<Tariffs p={p} v={v.success} twin={s.twin} /></>, status)
      case "support": return html(c, p, sec, <>{n}<Support p={p} v={v.success} /></>, status)
      case "settings": return html(c, p, sec, <>{n}<Settings p={p} v={v.success} /></>, status)
      case "linked": return html(c, p, sec, <>{n}<Linked p={p} v={v.success} twin={s.twin} pending={extra.pending} /></>, status)
      case "family": return html(c, p, sec, <>{n}<Family p={p} v={v.success} invite={extra.invite ?? false} /></>, status)
      default: return html(c, p, "home", <>{n}<Home p={p} v={v.success} twin={s.twin} /></>, status)
    }
  }

  /** Post/redirect/get (channels/prg.ts): an action's outcome, shown by the section page it redirects to. */
  interface Outcome { notice: Notice; status: Status; extra: { pending?: string; invite?: boolean } }
  const outcomes = new FlashBox<Outcome>()
  const PATHS: Partial<Record<Section, string>> = { home: "/lk", services: "/lk/services", tariff: "/lk/tariff", support: "/lk/support", settings: "/lk/settings", linked: "/lk/linked", family: "/lk/family" }
  const redirectTo = (c: Context, s: HtmlSession, target: string, sec: Section, o: Outcome): Response =>
    seeOther(c, href(pageCtx(c), PATHS[sec] ?? "/lk", target !== s.actor.me ? { msisdn: target } : {}), outcomes.put(o))

  const viewRoute = (sec: Section) => (c: Context) => {
    const s = sessionOf(c)
    if ("response" in s) return s.response
    const t = targetOf(s.actor, c.req.query("msisdn"))
    if (Result.isFailure(t)) return errorPage(c, pageCtx(c, s.actor.me), t.failure)
    const o = outcomes.of(c)
    return section(c, s, t.success, sec, o?.notice, o?.status ?? 200, o?.extra ?? { invite: c.req.query("invite") === "1" })
  }

  /** A form action: CSRF first, then the session, then the operation; answered 303 to the section, which shows the outcome. */
  const action = (sec: Section, f: (a: op.Actor, form: Form, target: string) => op.Res, extra?: (form: Form, r: op.Res) => { pending?: string; invite?: boolean }) => async (c: Context) => {
    const form = await formOf(c)
    if (!csrfValid(c, form, LK_COOKIE)) return errorPage(c, pageCtx(c), csrfError())
    const s = sessionOf(c)
    if ("response" in s) return s.response
    const t = targetOf(s.actor, form.msisdn)
    if (Result.isFailure(t)) return errorPage(c, pageCtx(c, s.actor.me), t.failure)
    const res = f(s.actor, form, t.success)
    return redirectTo(c, s, t.success, sec, { notice: noticeOf(res), status: statusOf(res), extra: extra?.(form, res) ?? {} })
  }

  r.get("/static/lk.css", (c) => c.body(LK_CSS, 200, { "content-type": "text/css; charset=utf-8", "cache-control": "max-age=3600" }))

  // ---- login (R22–R26)
  r.get("/login", (c) => loginPage(c))
  const twinOr404 = (c: Context): TwinCore | null => twinOf(deps, c)
  /** A login form post: CSRF first, then the twin, then the phone number; else the answer to send. */
  const loginForm = async (c: Context): Promise<{ form: Form; twin: TwinCore; msisdn: string } | { response: Response | Promise<Response> }> => {
    const form = await formOf(c)
    if (!csrfValid(c, form, LK_COOKIE)) return { response: loginPage(c, { text: csrfError().ru, error: true }, 403) }
    const twin = twinOr404(c)
    if (twin === null) return { response: twinNotFoundPage(c) }
    const m = numberField(form.msisdn, "msisdn")
    if (Result.isFailure(m)) return { response: loginPage(c, { text: m.failure.ru, error: true }, 400) }
    return { form, twin, msisdn: m.success }
  }
  r.post("/login/code", async (c) => {
    const l = await loginForm(c)
    if ("response" in l) return l.response
    const res = op.requestOtp(l.twin, "lk", l.msisdn)
    if (Result.isFailure(res)) return loginPage(c, noticeOf(res), statusOf(res), "phone", l.msisdn)
    return loginPage(c, noticeOf(res), 200, "code", l.msisdn)
  })
  const finishLogin = (c: Context, r2: Result.Result<{ token: string; msisdn: string }, DomainError>, msisdn: string, step: "phone" | "code") => {
    if (Result.isFailure(r2)) return loginPage(c, { text: r2.failure.ru, error: true }, statusFor(r2.failure), step, msisdn)
    setSessionCookie(c, LK_COOKIE, r2.success.token, "/lk")
    return c.redirect(href(pageCtx(c), "/lk"), 303)
  }
  r.post("/login", async (c) => {
    const l = await loginForm(c)
    if ("response" in l) return l.response
    const secret = textField(l.form.secret, "secret", "Введите пароль")
    if (Result.isFailure(secret)) return loginPage(c, { text: secret.failure.ru, error: true }, 400, "code", l.msisdn)
    return finishLogin(c, op.login(l.twin, "lk", l.msisdn, secret.success), l.msisdn, "code")
  })
  r.post("/login/network", async (c) => {
    const l = await loginForm(c)
    if ("response" in l) return l.response
    // R26: only a handset the network identifies may log in without a password (channels/edge/network.ts).
    return finishLogin(c, Result.flatMap(networkMsisdn(l.twin, c, l.msisdn), (m) => op.loginByNetwork(l.twin, "lk", m)), l.msisdn, "phone")
  })
  r.post("/logout", async (c) => {
    const form = await formOf(c)
    if (!csrfValid(c, form, LK_COOKIE)) return loginPage(c, { text: csrfError().ru, error: true }, 403)
    const twin = twinOr404(c)
    const token = readSessionCookie(c, LK_COOKIE)
    if (twin !== null && token !== null) op.logout(twin, "lk", token)
    clearSessionCookie(c, LK_COOKIE, "/lk")
    return loginPage(c, { text: "Вы вышли из Личного кабинета", error: false })
  })

  // ---- sections
  r.get("/", viewRoute("home"))
  r.get("/services", viewRoute("services"))
  r.get("/tariff", viewRoute("tariff"))
  r.get("/support", viewRoute("support"))
  r.get("/settings", viewRoute("settings"))
  r.get("/linked", viewRoute("linked"))
  r.get("/family", viewRoute("family"))
  r.get("/autopay", (c) => {
    const s = sessionOf(c)
    if ("response" in s) return s.response
    const t = targetOf(s.actor, c.req.query("msisdn"))
    const v = Result.flatMap(t, (target) => accountView(s.twin, target, s.actor.me))
    const p = pageCtx(c, s.actor.me, Result.isSuccess(t) ? t.success : s.actor.me)
    return Result.isFailure(v) ? errorPage(c, p, v.failure) : html(c, p, "home", <Autopay p={p} v={v.success} />, 200, "Автоплатеж")
  })
  r.get("/expenses", (c) => {
    const s = sessionOf(c)
    if ("response" in s) return s.response
    const from = c.req.query("from") ?? ""
    const to = c.req.query("to") ?? ""
    const q = c.req.query("period")
    const period: op.Period = from !== "" || to !== "" ? { from, to } : { period: q === "week" || q === "month" ? q : "today" }
    const t = targetOf(s.actor, c.req.query("msisdn"))
    const res = Result.flatMap(t, (target) => op.expenses(s.actor, target, period))
    const p = pageCtx(c, s.actor.me, Result.isSuccess(t) ? t.success : s.actor.me)
    if (Result.isFailure(res)) return html(c, p, "expenses", <><Notice text={res.failure.ru} error /><Expenses p={p} text="" period="" from={from} to={to} /></>, statusFor(res.failure))
    return html(c, p, "expenses", <Expenses p={p} text={res.success.text} period={"period" in period ? period.period : ""} from={from} to={to} />)
  })

  // ---- actions
  r.post("/topup", action("home", (a, f, t) => Result.flatMap(rubles(f.amount, "amount"), (k) => op.topUp(a, t, k, "card"))))
  r.post("/promised", action("home", (a, f, t) => Result.flatMap(rubles(f.amount, "amount"), (k) => op.promisedPayment(a, t, k))))
  r.post("/autopay", action("home", (a, f, t) => {
    if (f.mode === "off") return op.autopay(a, t, { mode: "off" })
    if (f.mode !== "date" && f.mode !== "threshold") return Result.fail(err("INVALID_FIELD", "mode: expected date, threshold or off", "Выберите вид автоплатежа", "mode"))
    const mode = f.mode
    return Result.flatMap(rubles(f.amount, "amount"), (amount) =>
      mode === "date"
        ? Result.flatMap(intField(f.day, "day", "Укажите число месяца от 1 до 28"), (day) => op.autopay(a, t, { mode, amount, day }))
        : Result.flatMap(rubles(f.threshold, "threshold"), (threshold) => op.autopay(a, t, { mode, amount, threshold })))
  }))
  r.post("/services/connect", action("services", (a, f, t) => Result.flatMap(textField(f.service, "service", "Выберите услугу"), (sv) => op.connectService(a, t, sv))))
  r.post("/services/disconnect", action("services", (a, f, t) => Result.flatMap(textField(f.service, "service", "Выберите услугу"), (sv) => op.disconnectService(a, t, sv))))
  r.post("/tariff", async (c) => {
    const form = await formOf(c)
    if (!csrfValid(c, form, LK_COOKIE)) return errorPage(c, pageCtx(c), csrfError())
    const s = sessionOf(c)
    if ("response" in s) return s.response
    const t = targetOf(s.actor, form.msisdn)
    const tariff = textField(form.tariff, "tariff", "Выберите тариф")
    const res = Result.flatMap(t, (target) => Result.flatMap(tariff, (tf) => op.changeTariff(s.actor, target, tf, form.confirmed === "1")))
    const target = Result.isSuccess(t) ? t.success : s.actor.me
    // R6: the confirmation step shows the price of the change before anything is done.
    if (Result.isSuccess(res) && res.success.data.confirmationRequired === true && Result.isSuccess(tariff)) {
      const p = pageCtx(c, s.actor.me, target)
      return html(c, p, "tariff", <ConfirmTariff p={p} tariff={tariff.success} text={res.success.text} />, 200, "Подтверждение смены тарифа")
    }
    return redirectTo(c, s, target, "tariff", { notice: noticeOf(res), status: statusOf(res), extra: {} })
  })
  r.post("/pay-provider", action("home", (a, f, t) => Result.flatMap(textField(f.provider, "provider", "Выберите получателя"), (p) =>
    Result.flatMap(textField(f.account, "account", "Введите номер договора или телефона"), (acc) => Result.flatMap(rubles(f.amount, "amount"), (k) => op.payProvider(a, t, p, acc, k))))))
  r.post("/transfer", action("home", (a, f, t) => Result.flatMap(numberField(f.to, "to"), (to) => Result.flatMap(rubles(f.amount, "amount"), (k) => op.transfer(a, t, to, k)))))
  r.post("/bonuses/exchange", action("home", (a, f, t) => Result.flatMap(textField(f.offer, "offer", "Выберите предложение"), (o) => op.exchangeBonus(a, t, o))))
  r.post("/packages/buy", action("services", (a, f, t) => Result.flatMap(textField(f.offer, "offer", "Выберите пакет"), (o) => op.buyPackage(a, t, o))))
  r.post("/block", action("support", (a, _f, t) => op.block(a, t)))
  r.post("/unblock", action("support", (a, _f, t) => op.unblock(a, t)))
  r.post("/linked/request", action("linked", (a, f) => Result.flatMap(numberField(f.target, "target"), (m) => op.linkRequest(a, m)),
    (f, res) => (Result.isSuccess(res) ? { pending: String(res.success.data.target ?? f.target ?? "") } : {})))
  r.post("/linked/confirm", action("linked", (a, f) => Result.flatMap(numberField(f.target, "target"), (m) => Result.flatMap(textField(f.code, "code", "Введите код"), (code) => op.linkConfirm(a, m, code))),
    (f, res) => (Result.isFailure(res) && f.target !== undefined && isMsisdn(f.target) ? { pending: f.target } : {})))
  r.post("/linked/remove", action("linked", (a, f) => Result.flatMap(numberField(f.target, "target"), (m) => op.unlink(a, m))))
  r.post("/linked/leave", action("linked", (a, f) => Result.flatMap(numberField(f.owner, "owner"), (m) => op.leaveLink(a, m))))
  r.post("/family/invite", action("family", (a, f) =>
    Result.flatMap(numberField(f.member, "member"), (member) =>
      Result.flatMap(intField(f.minutes, "minutes", "Укажите минуты"), (minutes) =>
        Result.flatMap(intField(f.sms, "sms", "Укажите SMS"), (sms) =>
          Result.flatMap(intField(f.gb, "gb", "Укажите гигабайты"), (gb) => op.familyInvite(a, member, minutes, sms, gb * 1024)))))))
  r.post("/family/remove", action("family", (a, f) => Result.flatMap(numberField(f.member, "member"), (m) => op.familyRemove(a, m))))
  r.post("/password", action("settings", (a, f) => Result.flatMap(textField(f.password, "password", "Введите пароль"), (pw) => op.setPassword(a, pw, f.current ?? "", f.confirm ?? ""))))
  r.post("/notifications", action("settings", (a, f) => op.notifications(a, f.charges === undefined ? undefined : f.charges === "on", f.logins === undefined ? undefined : f.logins === "on")))
  return r
}


