// Server-rendered pages of the Личный кабинет at /lk. Session in an HTTP-only cookie holding the
// core's token; every form carries a double-submit CSRF token; every action is one core command
// through channels/selfcare/operations.ts; the page shows the core's Russian text on errors.
import { createHash } from "node:crypto"
import { readFileSync } from "node:fs"
import { Hono, type Context } from "hono"
import { twinNotFoundPage } from "../edge/twin.ts"
import type { Child } from "hono/jsx"
import { Result } from "effect"
import { err, type DomainError } from "../../core/domain/errors.ts"
import { isMsisdn } from "../../core/domain/ids.ts"
import { parseRubles } from "../../core/domain/money.ts"
import { peekSession } from "../../core/engine/session-view.ts"
import { accountView, promisedQuote, tariffsView, type AccountView, type Detail } from "../../core/engine/views.ts"
import type { TwinCore } from "../../core/engine/twin-core.ts"
import { statusFor, twinIdOf, twinOf, type ChannelDeps } from "../context.ts"
import {
  clearSessionCookie,
  csrfError,
  csrfToken,
  csrfValid,
  readSessionCookie,
  setSessionCookie,
} from "../security.ts"
import { targetOf } from "../selfcare/api.ts"
import { msisdnRu, normalizeMsisdn } from "../text/phone.ts"
import { gbRu } from "../text/amounts.ts"
import { formatRub } from "../text/money.ts"
import {
  ActionButton,
  Drop,
  Field,
  Form,
  href,
  hrefT,
  Layout,
  Notice,
  type PageCtx,
  type Section,
} from "./components/layout.tsx"
import { ConfirmTariff, Expenses, Home, ServiceCard, Services, Settings, Support, Tariffs } from "./components/home.tsx"
import { networkMsisdn } from "../edge/network.ts"
import { linkedBy } from "../../core/rules/linked.ts"
import * as op from "../selfcare/operations.ts"
import { FlashBox, seeOther } from "../prg.ts"

export const LK_COOKIE = "lk_session"

type FormFields = Record<string, string>
interface NoticeMsg {
  text: string
  error: boolean
}
type Status = 200 | 400 | 401 | 403 | 404 | 409 | 423 | 429 | 503

const noticeOf = (r: op.Res): NoticeMsg =>
  Result.isFailure(r) ? { text: r.failure.ru, error: true } : { text: r.success.text, error: false }
const statusOf = (r: op.Res): Status => (Result.isFailure(r) ? statusFor(r.failure) : 200)

const pageCtx = (c: Context, me?: string, target?: string): PageCtx => {
  const id = twinIdOf(c)
  return {
    csrf: csrfToken(c, LK_COOKIE),
    twinQuery: c.req.query("twin") !== undefined ? `?twin=${encodeURIComponent(id)}` : "",
    me,
    target,
  }
}

const formOf = async (c: Context): Promise<FormFields> => {
  const ct = c.req.header("content-type") ?? ""
  if (!ct.includes("application/x-www-form-urlencoded") && !ct.includes("multipart/form-data")) return {}
  const body = await c.req.parseBody()
  const out: FormFields = {}
  for (const [k, v] of Object.entries(body)) if (typeof v === "string") out[k] = v
  return out
}

const rubles = (v: string | undefined, field: string): Result.Result<number, DomainError> => {
  const k = v === undefined ? null : parseRubles(v)
  return k === null
    ? Result.fail(
        err(
          "INVALID_FIELD",
          `${field}: expected an amount in rubles like 500 or 150,50`,
          "Введите сумму в рублях",
          field,
        ),
      )
    : Result.succeed(k)
}

const intField = (v: string | undefined, field: string, ru: string): Result.Result<number, DomainError> =>
  v !== undefined && /^\d{1,7}$/.test(v.trim())
    ? Result.succeed(Number(v.trim()))
    : Result.fail(err("INVALID_FIELD", `${field}: expected a whole number`, ru, field))

const numberField = (v: string | undefined, field: string): Result.Result<string, DomainError> => {
  const m = normalizeMsisdn(v ?? "")
  return m !== null
    ? Result.succeed(m)
    : Result.fail(
        err(
          "INVALID_FIELD",
          `${field}: expected a number like 79161234567`,
          "Введите номер телефона в формате 7XXXXXXXXXX",
          field,
        ),
      )
}

const textField = (v: string | undefined, field: string, ru: string): Result.Result<string, DomainError> =>
  v !== undefined && v.trim() !== "" && v.length <= 128
    ? Result.succeed(v.trim())
    : Result.fail(err("INVALID_FIELD", `${field}: required`, ru, field))

const Linked = (props: { p: PageCtx; v: AccountView; twin: TwinCore; pending?: string | undefined }) => (
  <>
    <section class="card" aria-labelledby="ln">
      <h2 id="ln">Привязанные номера</h2>
      <ul class="grid">
        {props.v.linked.length === 0 ? (
          <li class="muted">Нет привязанных номеров</li>
        ) : (
          props.v.linked.map((m) => (
            <li class="offer">
              <a href={href(props.p, "/lk", { msisdn: m })}>
                <strong>{msisdnRu(m)}</strong>
              </a>
              <span class="price">{formatRub(props.twin.state.subscribers.get(m)?.balance ?? 0)}</span>
              <div class="actions">
                <ActionButton
                  p={props.p}
                  action="/lk/linked/remove"
                  label={`Отвязать ${m}`}
                  text="Отвязать"
                  fields={{ target: m }}
                  kind="secondary"
                />
              </div>
            </li>
          ))
        )}
      </ul>
      {linkedBy(props.twin.state, props.p.me ?? "").map((o) => (
        <p>
          Мой номер привязан к Личному кабинету {msisdnRu(o)}{" "}
          <ActionButton
            p={props.p}
            action="/lk/linked/leave"
            label={`Удалить привязку к ${o}`}
            text="Удалить привязку"
            fields={{ owner: o }}
            kind="secondary"
          />
        </p>
      ))}
    </section>
    <section class="card" aria-labelledby="add">
      <h2 id="add">Добавить номер</h2>
      <Form p={props.p} action="/lk/linked/request" label="Добавить номер">
        <Field id="target" label="Номер телефона" name="target" value={props.pending ?? ""} inputmode="tel" required />
        <button type="submit" class={props.pending !== undefined ? "secondary" : undefined}>
          Получить код
        </button>
      </Form>
      {props.pending !== undefined ? (
        <Form p={props.p} action="/lk/linked/confirm" label="Код подтверждения">
          <input type="hidden" name="target" value={props.pending} />
          <Field
            id="code"
            label="Код из SMS на добавляемый номер"
            name="code"
            inputmode="numeric"
            autocomplete="one-time-code"
            required
          />
          <button type="submit">Добавить</button>
        </Form>
      ) : null}
    </section>
  </>
)

const Family = (props: { p: PageCtx; v: AccountView; invite: boolean }) => {
  const f = props.v.family
  return (
    <section class="card" aria-labelledby="fam">
      <h2 id="fam">Участники</h2>
      {f !== null && f.role === "owner" ? (
        <ul class="grid">
          {f.members.map((m) => (
            <li class="offer">
              <strong>{msisdnRu(m.msisdn)}</strong>
              <span class="muted">{m.status === "active" ? "делится" : "приглашен, ждем ответа «Да»"}</span>
              <span>
                {m.minutes} мин, {m.sms} SMS, {gbRu(m.dataMb)} Гб
              </span>
              <div class="actions">
                <ActionButton
                  p={props.p}
                  action="/lk/family/remove"
                  label={`Исключить ${m.msisdn}`}
                  text="Исключить"
                  fields={{ member: m.msisdn }}
                  kind="secondary"
                />
              </div>
            </li>
          ))}
        </ul>
      ) : f !== null ? (
        <p>Вы участник группы владельца {msisdnRu(f.owner)}</p>
      ) : (
        <p class="muted">Участников пока нет</p>
      )}
      <div class="actions">
        <Drop id="invite" summary="Пригласить участника" open={props.invite}>
          <Form p={props.p} action="/lk/family/invite" label="Пригласить участника">
            <Field id="member" label="Номер участника" name="member" inputmode="tel" required />
            <Field id="minutes" label="Минуты" name="minutes" value="100" inputmode="numeric" required />
            <Field id="gb" label="Интернет, Гб" name="gb" value="5" inputmode="numeric" required />
            <Field id="sms" label="SMS" name="sms" value="50" inputmode="numeric" required />
            <button type="submit">Начать делиться</button>
          </Form>
        </Drop>
      </div>
    </section>
  )
}

const Login = (props: { p: PageCtx; msisdn?: string | undefined; step: "phone" | "code" }) => (
  <section class="card login-box" aria-label="Вход">
    {props.step === "phone" ? (
      <>
        <Form p={props.p} action="/lk/login/code" label="Вход по SMS">
          <Field
            id="msisdn"
            label="Номер телефона"
            name="msisdn"
            value={props.msisdn ?? ""}
            inputmode="tel"
            autocomplete="tel"
            required
          />
          <button type="submit">Получить пароль по SMS</button>
        </Form>
        <Drop id="by-password" summary="Войти по постоянному паролю">
          <Form p={props.p} action="/lk/login" label="Вход по паролю">
            <Field
              id="msisdn2"
              label="Номер телефона"
              name="msisdn"
              value={props.msisdn ?? ""}
              inputmode="tel"
              required
            />
            <Field
              id="secret2"
              label="Постоянный пароль"
              name="secret"
              type="password"
              autocomplete="current-password"
              required
            />
            <button type="submit">Войти</button>
          </Form>
        </Drop>
        <Drop id="by-network" summary="Войти через мобильный интернет МТС">
          <Form p={props.p} action="/lk/login/network" label="Вход через мобильный интернет МТС">
            <Field
              id="msisdn3"
              label="Номер телефона (определяется сетью МТС)"
              name="msisdn"
              value={props.msisdn ?? ""}
              inputmode="tel"
              required
            />
            <button type="submit" class="secondary">
              Войти автоматически
            </button>
          </Form>
        </Drop>
      </>
    ) : (
      <Form p={props.p} action="/lk/login" label="Пароль из SMS">
        <input type="hidden" name="msisdn" value={props.msisdn ?? ""} />
        <Field
          id="secret"
          label="Пароль из SMS от 3339"
          name="secret"
          inputmode="numeric"
          autocomplete="one-time-code"
          required
        />
        <button type="submit">Войти</button>
      </Form>
    )}
  </section>
)

// ---- routes ----------------------------------------------------------------------------------

interface HtmlSession {
  twin: TwinCore
  actor: op.Actor
  token: string
}

const TITLES: Record<Section, string> = {
  home: "Мой МТС",
  expenses: "Расходы",
  services: "Услуги",
  tariff: "Тариф",
  support: "Поддержка",
  settings: "Настройки",
  linked: "Привязанные",
  family: "Поделиться пакетами",
  login: "Вход в Личный кабинет",
}

/** The GET page of each section (a form answer is a section page too; the live script reloads this). */
const SECTION_PATH: Record<Section, string> = {
  home: "/lk",
  expenses: "/lk/expenses",
  services: "/lk/services",
  tariff: "/lk/tariff",
  support: "/lk/support",
  settings: "/lk/settings",
  linked: "/lk/linked",
  family: "/lk/family",
  login: "/lk/login",
}

/** Which drop-down of «Мой МТС» a home action answers from (it stays open with its notice). */
type HomeDrop = "" | "autopay" | "promised" | "transfer" | "pay" | "bonus-exchange"

interface Extra {
  pending?: string
  invite?: boolean
  open?: HomeDrop
  confirmBlock?: boolean
}

const LK_JS = readFileSync(new URL("./lk.js", import.meta.url), "utf8")
const LK_CSS = readFileSync(new URL("./lk.css", import.meta.url), "utf8")

export const lkPages = (deps: ChannelDeps): Hono => {
  const r = new Hono()

  /** A page of the LK. With a session, the page keeps itself current (lk.js asks /lk/live). */
  const html = (
    c: Context,
    p: PageCtx,
    section: Section,
    body: Child,
    status: Status = 200,
    title = TITLES[section],
    page?: string,
  ): Response | Promise<Response> => {
    const live = p.me !== undefined ? hrefT(p, "/lk/live") : undefined
    return c.html(
      <Layout p={p} title={title} section={section} live={live} page={page ?? hrefT(p, SECTION_PATH[section])}>
        {body}
      </Layout>,
      status,
    )
  }

  const errorPage = (c: Context, p: PageCtx, e: DomainError): Response | Promise<Response> =>
    html(c, p, "home", <Notice text={e.ru} error />, statusFor(e), "Ошибка")

  const loginPage = (
    c: Context,
    notice?: NoticeMsg,
    status: Status = 200,
    step: "phone" | "code" = "phone",
    msisdn?: string,
  ): Response | Promise<Response> =>
    html(
      c,
      pageCtx(c),
      "login",
      <>
        <Notice text={notice?.text} error={notice?.error} />
        <Login p={pageCtx(c)} step={step} msisdn={msisdn} />
      </>,
      status,
    )

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
  const section = (
    c: Context,
    s: HtmlSession,
    target: string,
    sec: Section,
    notice?: NoticeMsg,
    status: Status = 200,
    extra: Extra = {},
  ) => {
    const p = pageCtx(c, s.actor.me, target)
    const v = accountView(s.twin, target, s.actor.me)
    if (Result.isFailure(v)) return errorPage(c, p, v.failure)
    const n = <Notice text={notice?.text} error={notice?.error} />
    switch (sec) {
      case "services":
        return html(
          c,
          p,
          sec,
          <>
            {n}
            <Services p={p} v={v.success} twin={s.twin} />
          </>,
          status,
        )
      case "tariff":
        return html(
          c,
          p,
          sec,
          <>
            {n}
            <Tariffs
              p={p}
              v={v.success}
              offers={tariffsView(s.twin, target)}
              familyOwner={s.twin.cat.tariffs.get(v.success.tariff.id)?.familyOwner === true}
            />
          </>,
          status,
        )
      case "support":
        return html(
          c,
          p,
          sec,
          <>
            {n}
            <Support p={p} v={v.success} confirmBlock={extra.confirmBlock ?? false} />
          </>,
          status,
        )
      case "settings":
        return html(
          c,
          p,
          sec,
          <>
            {n}
            <Settings p={p} v={v.success} />
          </>,
          status,
        )
      case "linked":
        return html(
          c,
          p,
          sec,
          <>
            {n}
            <Linked p={p} v={v.success} twin={s.twin} pending={extra.pending} />
          </>,
          status,
        )
      case "family":
        return html(
          c,
          p,
          sec,
          <>
            {n}
            <Family p={p} v={v.success} invite={extra.invite ?? false} />
          </>,
          status,
        )
      default: {
        const q = promisedQuote(s.twin, target)
        const linked = s.twin.state.subscribers.get(s.actor.me)?.linked ?? []
        return html(
          c,
          p,
          "home",
          <>
            {n}
            <Home
              p={p}
              v={v.success}
              twin={s.twin}
              linked={linked}
              promisedFee={q?.fee ?? null}
              open={extra.open ?? ""}
            />
          </>,
          status,
        )
      }
    }
  }

  /** Post/redirect/get (channels/prg.ts): an action's outcome, shown by the section page it redirects to. */
  interface Outcome {
    notice: NoticeMsg
    status: Status
    extra: Extra
  }
  const outcomes = new FlashBox<Outcome>()
  const PATHS: Partial<Record<Section, string>> = {
    home: "/lk",
    services: "/lk/services",
    tariff: "/lk/tariff",
    support: "/lk/support",
    settings: "/lk/settings",
    linked: "/lk/linked",
    family: "/lk/family",
  }
  const redirectTo = (c: Context, s: HtmlSession, target: string, sec: Section, o: Outcome): Response =>
    seeOther(c, href(pageCtx(c), PATHS[sec] ?? "/lk", target !== s.actor.me ? { msisdn: target } : {}), outcomes.put(o))

  const viewRoute = (sec: Section) => (c: Context) => {
    const s = sessionOf(c)
    if ("response" in s) return s.response
    const t = targetOf(s.actor, c.req.query("msisdn"))
    if (Result.isFailure(t)) return errorPage(c, pageCtx(c, s.actor.me), t.failure)
    const o = outcomes.of(c)
    return section(
      c,
      s,
      t.success,
      sec,
      o?.notice,
      o?.status ?? 200,
      o?.extra ?? { invite: c.req.query("invite") === "1" },
    )
  }

  /** A posted form: CSRF first, then the session, then the number it acts on; else the answer to send. */
  const posted = async (
    c: Context,
  ): Promise<{ form: FormFields; s: HtmlSession; target: string } | { response: Response | Promise<Response> }> => {
    const form = await formOf(c)
    if (!csrfValid(c, form, LK_COOKIE)) return { response: errorPage(c, pageCtx(c), csrfError()) }
    const s = sessionOf(c)
    if ("response" in s) return s
    const t = targetOf(s.actor, form.msisdn)
    if (Result.isFailure(t)) return { response: errorPage(c, pageCtx(c, s.actor.me), t.failure) }
    return { form, s, target: t.success }
  }

  const action =
    (
      sec: Section,
      f: (a: op.Actor, form: FormFields, target: string) => op.Res,
      extra?: (form: FormFields, r: op.Res) => Extra,
    ) =>
    async (c: Context) => {
      const x = await posted(c)
      if ("response" in x) return x.response
      const res = f(x.s.actor, x.form, x.target)
      // Answered 303 to the section, which shows the outcome: a reload repeats nothing.
      return redirectTo(c, x.s, x.target, sec, {
        notice: noticeOf(res),
        status: statusOf(res),
        extra: extra?.(x.form, res) ?? {},
      })
    }
  /** A «Мой МТС» action answered inside its own drop-down: open on an error, so the form is at hand. */
  const homeAction = (drop: HomeDrop, f: (a: op.Actor, form: FormFields, target: string) => op.Res) =>
    action("home", f, (_f, res) => ({ open: Result.isFailure(res) ? drop : "" }))

  r.get("/static/lk.css", (c) =>
    c.body(LK_CSS, 200, { "content-type": "text/css; charset=utf-8", "cache-control": "no-cache" }),
  )
  r.get("/static/lk.js", (c) =>
    c.body(LK_JS, 200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-cache" }),
  )

  // Live page (R25 untouched): a stamp of what the page shows, read without touching the session,
  // so watching an open page never keeps a session alive. `ended` when the session is over.
  r.get("/live", (c) => {
    const twin = twinOf(deps, c)
    const token = readSessionCookie(c, LK_COOKIE)
    const ended = { ended: true, stamp: "", login: href(pageCtx(c), "/lk/login", { ended: "1" }) }
    if (twin === null || token === null) return c.json(ended)
    const peek = peekSession(twin, token, "lk")
    if (!peek.alive) return c.json(ended)
    const target = c.req.query("msisdn") ?? peek.msisdn
    const v = accountView(twin, target, peek.msisdn)
    if (Result.isFailure(v)) return c.json({ ended: false, stamp: "" })
    const stamp = createHash("sha1").update(JSON.stringify(v.success)).digest("hex").slice(0, 16)
    return c.json({ ended: false, stamp }, 200, { "cache-control": "no-store" })
  })

  // ---- login (R22–R26)
  // After a session ended elsewhere (the open page noticed it), the login page says so.
  r.get("/login", (c) =>
    c.req.query("ended") === "1" ? loginPage(c, { text: "Сеанс завершен. Войдите снова", error: true }) : loginPage(c),
  )
  const twinOr404 = (c: Context): TwinCore | null => twinOf(deps, c)
  /** A login form post: CSRF first, then the twin, then the phone number; else the answer to send. */
  const loginForm = async (
    c: Context,
  ): Promise<{ form: FormFields; twin: TwinCore; msisdn: string } | { response: Response | Promise<Response> }> => {
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
  const finishLogin = (
    c: Context,
    r2: Result.Result<{ token: string; msisdn: string }, DomainError>,
    msisdn: string,
    step: "phone" | "code",
  ) => {
    if (Result.isFailure(r2))
      return loginPage(c, { text: r2.failure.ru, error: true }, statusFor(r2.failure), step, msisdn)
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
    return finishLogin(
      c,
      Result.flatMap(networkMsisdn(l.twin, c, l.msisdn), (m) => op.loginByNetwork(l.twin, "lk", m)),
      l.msisdn,
      "phone",
    )
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
    if (Result.isFailure(t)) return errorPage(c, pageCtx(c, s.actor.me), t.failure)
    return section(c, s, t.success, "home", undefined, 200, { open: "autopay" })
  })
  r.get("/services/:id", (c) => {
    const s = sessionOf(c)
    if ("response" in s) return s.response
    const t = targetOf(s.actor, c.req.query("msisdn"))
    const v = Result.flatMap(t, (target) => accountView(s.twin, target, s.actor.me))
    const p = pageCtx(c, s.actor.me, Result.isSuccess(t) ? t.success : s.actor.me)
    if (Result.isFailure(v)) return errorPage(c, p, v.failure)
    const sv = v.success.services.find((x) => x.id === c.req.param("id"))
    if (sv === undefined)
      return errorPage(
        c,
        p,
        err(
          "UNKNOWN_SERVICE",
          `service: no service "${c.req.param("id").slice(0, 64)}"`,
          "Услуга не найдена",
          "service",
        ),
      )
    return html(
      c,
      p,
      "services",
      <ServiceCard p={p} s={sv} />,
      200,
      sv.name,
      hrefT(p, `/lk/services/${encodeURIComponent(sv.id)}`),
    )
  })
  r.get("/expenses", (c) => {
    const s = sessionOf(c)
    if ("response" in s) return s.response
    const from = c.req.query("from") ?? ""
    const to = c.req.query("to") ?? ""
    const q = c.req.query("period")
    const period: op.Period =
      from !== "" || to !== "" ? { from, to } : { period: q === "week" || q === "month" ? q : "today" }
    const t = targetOf(s.actor, c.req.query("msisdn"))
    const res = Result.flatMap(t, (target) => op.expenses(s.actor, target, period))
    const p = pageCtx(c, s.actor.me, Result.isSuccess(t) ? t.success : s.actor.me)
    const shown = "period" in period ? period.period : ""
    const page = hrefT(p, "/lk/expenses", "period" in period ? { period: period.period } : { from, to })
    if (Result.isFailure(res))
      return html(
        c,
        p,
        "expenses",
        <>
          <Notice text={res.failure.ru} error />
          <Expenses p={p} twin={s.twin} detail={null} period={shown} from={from} to={to} />
        </>,
        statusFor(res.failure),
        TITLES.expenses,
        page,
      )
    return html(
      c,
      p,
      "expenses",
      <Expenses p={p} twin={s.twin} detail={res.success.data.detail as Detail} period={shown} from={from} to={to} />,
      200,
      TITLES.expenses,
      page,
    )
  })

  // ---- actions
  r.post(
    "/topup",
    homeAction("", (a, f, t) => Result.flatMap(rubles(f.amount, "amount"), (k) => op.topUp(a, t, k, "card"))),
  )
  r.post(
    "/promised",
    homeAction("promised", (a, f, t) => Result.flatMap(rubles(f.amount, "amount"), (k) => op.promisedPayment(a, t, k))),
  )
  r.post(
    "/autopay",
    homeAction("autopay", (a, f, t) => {
      if (f.mode === "off") return op.autopay(a, t, { mode: "off" })
      if (f.mode !== "date" && f.mode !== "threshold")
        return Result.fail(
          err("INVALID_FIELD", "mode: expected date, threshold or off", "Выберите вид автоплатежа", "mode"),
        )
      const mode = f.mode
      return Result.flatMap(rubles(f.amount, "amount"), (amount) =>
        mode === "date"
          ? Result.flatMap(intField(f.day, "day", "Укажите число месяца от 1 до 28"), (day) =>
              op.autopay(a, t, { mode, amount, day }),
            )
          : Result.flatMap(rubles(f.threshold, "threshold"), (threshold) =>
              op.autopay(a, t, { mode, amount, threshold }),
            ),
      )
    }),
  )
  r.post(
    "/services/connect",
    action("services", (a, f, t) =>
      Result.flatMap(textField(f.service, "service", "Выберите услугу"), (sv) => op.connectService(a, t, sv)),
    ),
  )
  r.post(
    "/services/disconnect",
    action("services", (a, f, t) =>
      Result.flatMap(textField(f.service, "service", "Выберите услугу"), (sv) => op.disconnectService(a, t, sv)),
    ),
  )
  r.post("/tariff", async (c) => {
    const x = await posted(c)
    if ("response" in x) return x.response
    const { form, s, target } = x
    const tariff = textField(form.tariff, "tariff", "Выберите тариф")
    const res = Result.flatMap(tariff, (tf) => op.changeTariff(s.actor, target, tf, form.confirmed === "1"))
    // R6: the confirmation step shows what the change charges now, from the core's own quote.
    if (Result.isSuccess(res) && res.success.data.confirmationRequired === true && Result.isSuccess(tariff)) {
      const p = pageCtx(c, s.actor.me, target)
      const quote = tariffsView(s.twin, target).find((x) => x.tariff === tariff.success)
      const v = accountView(s.twin, target, s.actor.me)
      if (quote !== undefined && Result.isSuccess(v))
        return html(
          c,
          p,
          "tariff",
          <ConfirmTariff p={p} quote={quote} balance={v.success.balance} />,
          200,
          "Подтверждение смены тарифа",
        )
    }
    return redirectTo(c, s, target, "tariff", { notice: noticeOf(res), status: statusOf(res), extra: {} })
  })
  r.post(
    "/pay-provider",
    homeAction("pay", (a, f, t) =>
      Result.flatMap(textField(f.provider, "provider", "Выберите получателя"), (p) =>
        Result.flatMap(textField(f.account, "account", "Введите номер договора или телефона"), (acc) =>
          Result.flatMap(rubles(f.amount, "amount"), (k) => op.payProvider(a, t, p, acc, k)),
        ),
      ),
    ),
  )
  r.post(
    "/transfer",
    homeAction("transfer", (a, f, t) =>
      Result.flatMap(numberField(f.to, "to"), (to) =>
        Result.flatMap(rubles(f.amount, "amount"), (k) => op.transfer(a, t, to, k)),
      ),
    ),
  )
  r.post(
    "/bonuses/exchange",
    homeAction("bonus-exchange", (a, f, t) =>
      Result.flatMap(textField(f.offer, "offer", "Выберите предложение"), (o) => op.exchangeBonus(a, t, o)),
    ),
  )
  r.post(
    "/packages/buy",
    action("services", (a, f, t) =>
      Result.flatMap(textField(f.offer, "offer", "Выберите пакет"), (o) => op.buyPackage(a, t, o)),
    ),
  )
  // R19: blocking asks first; only the confirmed form blocks.
  r.post("/block", async (c) => {
    const x = await posted(c)
    if ("response" in x) return x.response
    if (x.form.confirmed !== "1") return section(c, x.s, x.target, "support", undefined, 200, { confirmBlock: true })
    const res = op.block(x.s.actor, x.target)
    return redirectTo(c, x.s, x.target, "support", { notice: noticeOf(res), status: statusOf(res), extra: {} })
  })
  r.post(
    "/unblock",
    action("support", (a, _f, t) => op.unblock(a, t)),
  )
  r.post(
    "/linked/request",
    action(
      "linked",
      (a, f) => Result.flatMap(numberField(f.target, "target"), (m) => op.linkRequest(a, m)),
      (f, res) => (Result.isSuccess(res) ? { pending: String(res.success.data.target ?? f.target ?? "") } : {}),
    ),
  )
  r.post(
    "/linked/confirm",
    action(
      "linked",
      (a, f) =>
        Result.flatMap(numberField(f.target, "target"), (m) =>
          Result.flatMap(textField(f.code, "code", "Введите код"), (code) => op.linkConfirm(a, m, code)),
        ),
      (f, res) => (Result.isFailure(res) && f.target !== undefined && isMsisdn(f.target) ? { pending: f.target } : {}),
    ),
  )
  r.post(
    "/linked/remove",
    action("linked", (a, f) => Result.flatMap(numberField(f.target, "target"), (m) => op.unlink(a, m))),
  )
  r.post(
    "/linked/leave",
    action("linked", (a, f) => Result.flatMap(numberField(f.owner, "owner"), (m) => op.leaveLink(a, m))),
  )
  r.post(
    "/family/invite",
    action("family", (a, f) =>
      Result.flatMap(numberField(f.member, "member"), (member) =>
        Result.flatMap(intField(f.minutes, "minutes", "Укажите минуты"), (minutes) =>
          Result.flatMap(intField(f.sms, "sms", "Укажите SMS"), (sms) =>
            Result.flatMap(intField(f.gb, "gb", "Укажите гигабайты"), (gb) =>
              op.familyInvite(a, member, minutes, sms, gb * 1024),
            ),
          ),
        ),
      ),
    ),
  )
  r.post(
    "/family/remove",
    action("family", (a, f) => Result.flatMap(numberField(f.member, "member"), (m) => op.familyRemove(a, m))),
  )
  r.post(
    "/password",
    action("settings", (a, f) =>
      Result.flatMap(textField(f.password, "password", "Введите пароль"), (pw) =>
        op.setPassword(a, pw, f.current ?? "", f.confirm ?? ""),
      ),
    ),
  )
  r.post(
    "/notifications",
    action("settings", (a, f) =>
      op.notifications(
        a,
        f.charges === undefined ? undefined : f.charges === "on",
        f.logins === undefined ? undefined : f.logins === "on",
      ),
    ),
  )
  return r
}
