// The terminal page of «Электронный Помощник» at /kiosk: one screen at a time, big buttons,
// plain forms (CSRF token, HTTP-only cookie with the core's kiosk session token), no scripts.
import { Hono, type Context } from "hono"
import { twinNotFoundPage } from "../edge/twin.ts"
import type { Child } from "hono/jsx"
import { Result } from "effect"
import { err, type DomainError } from "../../core/domain/errors.ts"
import { parseRubles } from "../../core/domain/money.ts"
import { statusFor, twinIdOf, twinOf, type ChannelDeps } from "../context.ts"
import type { Res } from "../lk/selfcare.ts"
import {
  clearSessionCookie,
  csrfError,
  csrfToken,
  csrfValid,
  CSRF_FIELD,
  randomToken,
  readSessionCookie,
  setSessionCookie,
} from "../security.ts"
import { IDEMPOTENCY_FIELD } from "../idempotency.ts"
import { FlashBox, seeOther } from "../prg.ts"
import { FAVICON_LINK } from "../favicon.ts"
import { rub } from "../lk/format.ts"
import { normalizeMsisdn } from "../text/phone.ts"
import * as K from "./screens.ts"
import type { TwinCore } from "../../core/engine/twin-core.ts"

/** The number as typed (8916…, +7 916…, 916…) in the twin's form; anything else keeps its digits for the refusal. */
const typedNumber = (v: string | undefined): string => normalizeMsisdn(v ?? "") ?? (v ?? "").replace(/\D/g, "")

export const KIOSK_COOKIE = "kiosk_session"

const CSS = `*{box-sizing:border-box}html,body{margin:0;overflow-x:hidden}
body{font-family:"MTS Sans",Arial,sans-serif;background:#1c1f24;color:#fff;min-height:100vh}
.screen{max-width:820px;margin:0 auto;min-height:100vh;background:linear-gradient(180deg,#0b3d91,#072a66);padding:20px 24px 32px;\
display:flex;flex-direction:column;gap:16px}
.head{display:flex;align-items:center;gap:12px;border-bottom:2px solid rgba(255,255,255,.25);padding-bottom:12px}
.logo{background:#e30611;color:#fff;font-weight:800;padding:8px 10px;border-radius:10px;font-size:20px}
h1{font-size:26px;margin:0}
.msg{font-size:24px;line-height:1.35;margin:0;white-space:pre-wrap}
.msg.error{background:#a30000;padding:12px 16px;border-radius:12px}
.who{font-size:18px;opacity:.85;margin:0}
form{margin:0}
.tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(230px,1fr));gap:14px}
button,.key{font:inherit;font-size:22px;min-height:72px;width:100%;padding:14px 18px;border-radius:16px;border:0;\
background:#e30611;color:#fff;cursor:pointer;text-align:left;display:flex;flex-direction:column;justify-content:center;gap:4px}
button:active{transform:scale(.98)}
button.light{background:#fff;color:#0b3d91}
button.ghost{background:transparent;border:2px solid rgba(255,255,255,.6);text-align:center}
button small{font-size:16px;opacity:.85}
label{display:block;font-size:20px;margin-bottom:8px}
input{font:inherit;font-size:30px;width:100%;padding:14px 16px;border-radius:14px;border:0;letter-spacing:.04em;color:#1d2023}
.field{display:flex;flex-direction:column;gap:12px}
.row{display:grid;grid-template-columns:1fr 1fr;gap:14px}
@media (max-width:520px){.screen{padding:14px}h1{font-size:22px}.msg{font-size:20px}\
button{font-size:19px;min-height:64px}.row{grid-template-columns:1fr}}`

interface Screen {
  text: string
  data: Record<string, unknown>
  error?: boolean
}

export const kioskPage = (deps: ChannelDeps): Hono => {
  const r = new Hono()
  const q = (c: Context): string =>
    c.req.query("twin") !== undefined ? `?twin=${encodeURIComponent(twinIdOf(c))}` : ""

  /** A POST form with its CSRF token and hidden fields: the one way the terminal acts. */
  const Btn = (p: {
    c: Context
    action: string
    label: string
    hint?: string
    kind?: string | undefined
    fields?: Record<string, string>
    children?: Child
  }) => (
    <form method="post" action={`/kiosk${p.action}${q(p.c)}`} class="field">
      <input type="hidden" name={CSRF_FIELD} value={csrfToken(p.c, KIOSK_COOKIE)} />
      <input type="hidden" name={IDEMPOTENCY_FIELD} value={randomToken()} />
      {Object.entries(p.fields ?? {}).map(([k, v]) => (
        <input type="hidden" name={k} value={v} />
      ))}
      {p.children}
      <button type="submit" class={p.kind}>
        {p.label}
        {p.hint !== undefined ? <small>{p.hint}</small> : null}
      </button>
    </form>
  )

  /** The screen's message without the lines its buttons already say (menus, lists of offers). */
  const message = (screen: string, text: string): string => {
    const lines = text.split("\n")
    if (screen === "menu") return lines.filter((l) => !/^\d /.test(l)).join("\n")
    if (screen === "services" || screen === "tariffs") return lines[0] ?? ""
    if (screen === "confirm-tariff") return lines.filter((l) => l !== "Подтвердить · Отмена").join("\n")
    return text
  }

  const render = (c: Context, s: Screen, status: 200 | 400 | 401 | 403 | 404 | 409 | 423 | 429 | 503 = 200) => {
    const screen = String(s.data.screen ?? "number")
    const msisdn = typeof s.data.msisdn === "string" ? s.data.msisdn : ""
    const services = Array.isArray(s.data.services)
      ? (s.data.services as Array<{
          id: string
          name: string
          connected: boolean
          available: boolean
          removable: boolean
          dailyFee: number
          monthlyFee: number
        }>)
      : []
    const tariffs = Array.isArray(s.data.tariffs)
      ? (s.data.tariffs as Array<{ tariff: string; name: string; current: boolean; monthlyFee: number }>)
      : []
    const fee = (x: { dailyFee: number; monthlyFee: number }): string =>
      x.dailyFee > 0 ? `${rub(x.dailyFee)} в сутки` : x.monthlyFee > 0 ? `${rub(x.monthlyFee)} в месяц` : "бесплатно"
    const Link = (p: { to: string; label: string; hint?: string; kind?: string }) => (
      <form method="get" action={`/kiosk${p.to}`}>
        {q(c) !== "" ? <input type="hidden" name="twin" value={twinIdOf(c)} /> : null}
        <button type="submit" class={p.kind}>
          {p.label}
          {p.hint !== undefined ? <small>{p.hint}</small> : null}
        </button>
      </form>
    )
    return c.html(
      <html lang="ru">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>Электронный Помощник</title>
          <link rel="icon" href={FAVICON_LINK} type="image/svg+xml" />
          <link rel="stylesheet" href="/kiosk/static/kiosk.css" />
        </head>
        <body data-screen={screen}>
          <main class="screen">
            <div class="head">
              <span class="logo" aria-hidden="true">
                МТС
              </span>
              <h1>Электронный Помощник</h1>
            </div>
            <p class={s.error === true ? "msg error" : "msg"} role={s.error === true ? "alert" : "status"}>
              {message(screen, s.text)}
            </p>
            {screen === "number" || screen === "bye" ? (
              <Btn c={c} action="/number" label="Далее">
                <p class="field">
                  <label for="msisdn">Номер телефона</label>
                  <input
                    id="msisdn"
                    name="msisdn"
                    inputmode="tel"
                    autocomplete="tel"
                    placeholder="8 916 123-45-67"
                    required
                  />
                </p>
              </Btn>
            ) : null}
            {screen === "code" ? (
              <>
                <Btn c={c} action="/login" label="Войти" fields={{ msisdn }}>
                  <p class="field">
                    <label for="code">Код доступа</label>
                    <input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" required />
                  </p>
                </Btn>
                <Btn c={c} action="/order-code" label="Заказать пароль" kind="light" fields={{ msisdn }} />
              </>
            ) : null}
            {screen === "menu" || screen === "done" || screen === "balance" ? (
              <nav aria-label="Сервис МТС" class="tiles">
                <Link to="/balance" label="Баланс" />
                <Link to="/services" label="Услуги" />
                <Link to="/tariffs" label="Смена тарифа" />
                <Link to="/topup" label="Пополнить наличными" />
                <Btn c={c} action="/logout" label="Выход" kind="ghost" />
              </nav>
            ) : null}
            {screen === "topup" ? (
              <Btn c={c} action="/topup-cash" label="Внести">
                <p class="field">
                  <label for="cash">Внесено наличными, руб.</label>
                  <input id="cash" name="amount" inputmode="decimal" required />
                </p>
              </Btn>
            ) : null}
            {screen === "services" ? (
              <div class="tiles">
                {services
                  .filter((x) => (x.connected ? x.removable : x.available))
                  .map((x) => (
                    <Btn
                      c={c}
                      action={x.connected ? "/services/disconnect" : "/services/connect"}
                      label={`${x.connected ? "Отключить" : "Подключить"}: ${x.name}`}
                      hint={fee(x)}
                      kind={x.connected ? "light" : undefined}
                      fields={{ service: x.id }}
                    />
                  ))}
              </div>
            ) : null}
            {screen === "tariffs" ? (
              <div class="tiles">
                {tariffs
                  .filter((t) => !t.current)
                  .map((t) => (
                    <Btn
                      c={c}
                      action="/tariff"
                      label={`«${t.name}»`}
                      hint={`${rub(t.monthlyFee)} в месяц · Перейти`}
                      fields={{ tariff: t.tariff }}
                    />
                  ))}
              </div>
            ) : null}
            {screen === "confirm-tariff" ? (
              <Btn
                c={c}
                action="/tariff"
                label="Подтвердить"
                fields={{ tariff: String(s.data.tariff ?? ""), confirmed: "1" }}
              />
            ) : null}
            {screen !== "number" && screen !== "code" && screen !== "menu" && screen !== "bye" ? (
              <Link to="" label="В меню" kind="ghost" />
            ) : null}
          </main>
        </body>
      </html>,
      status,
    )
  }

  /** Outcomes of actions waiting for their GET (channels/prg.ts). */
  type Shown = { s: Screen; status: 200 | 400 | 401 | 403 | 404 | 409 | 423 | 429 | 503 }
  const shown = new FlashBox<Shown>()

  const show = (c: Context, res: Res, fallback?: Screen) => {
    if (Result.isSuccess(res)) return render(c, res.success)
    const base = fallback ?? { text: "", data: { screen: "number" } }
    return render(
      c,
      { text: `${res.failure.ru}${base.text !== "" ? `\n${base.text}` : ""}`, data: base.data, error: true },
      statusFor(res.failure),
    )
  }

  const form = async (c: Context): Promise<Record<string, string>> => {
    const ct = c.req.header("content-type") ?? ""
    if (!ct.includes("application/x-www-form-urlencoded") && !ct.includes("multipart/form-data")) return {}
    const out: Record<string, string> = {}
    for (const [k, v] of Object.entries(await c.req.parseBody())) if (typeof v === "string") out[k] = v
    return out
  }

  /** The twin and the number of the terminal's core session (null: none, ended or idle too long). */
  const at = (c: Context): { twin: TwinCore; msisdn: string | null; ended: DomainError | null } | null => {
    const twin = twinOf(deps, c)
    if (twin === null) return null
    const token = readSessionCookie(c, KIOSK_COOKIE)
    if (token === null) return { twin, msisdn: null, ended: null }
    const me = K.resume(twin, token)
    return Result.isSuccess(me) ? { twin, msisdn: me.success, ended: null } : { twin, msisdn: null, ended: me.failure }
  }

  const welcome = (c: Context, status: 200 | 401 = 200, ended: DomainError | null = null) => {
    const w = K.welcome()
    if (Result.isFailure(w)) return c.text("", 500)
    return render(
      c,
      {
        text: ended === null ? w.success.text : `${ended.ru}\n${w.success.text}`,
        data: w.success.data,
        error: ended !== null,
      },
      status,
    )
  }

  const needSession =
    (f: (twin: TwinCore, msisdn: string, c: Context, fields: Record<string, string>) => Res, post: boolean) =>
    async (c: Context) => {
      const fields = post ? await form(c) : {}
      if (post && !csrfValid(c, fields, KIOSK_COOKIE)) return show(c, Result.fail(csrfError()))
      const s = at(c)
      if (s === null) return twinNotFoundPage(c)
      if (s.msisdn === null) return welcome(c, 401, s.ended)
      const msisdn = s.msisdn
      if (!post) return show(c, f(s.twin, msisdn, c, fields), { text: "", data: { screen: "done", msisdn } })
      // Post/redirect/get: the outcome screen is shown by GET /kiosk/screen, so a reload repeats nothing.
      const res = f(s.twin, msisdn, c, fields)
      const screen: Shown = Result.isSuccess(res)
        ? { s: res.success, status: 200 }
        : { s: { text: res.failure.ru, data: { screen: "done", msisdn }, error: true }, status: statusFor(res.failure) }
      return seeOther(c, `/kiosk/screen${q(c)}`, shown.put(screen))
    }

  const cash = (v: string | undefined): Result.Result<number, DomainError> => {
    const k = v === undefined ? null : parseRubles(v)
    return k === null
      ? Result.fail(err("INVALID_FIELD", "amount: expected rubles", "Введите сумму в рублях", "amount"))
      : Result.succeed(k)
  }

  r.get("/screen", (c) => {
    const o = shown.of(c)
    return o === null ? c.redirect(`/kiosk${q(c)}`, 303) : render(c, o.s, o.status)
  })
  r.get("/static/kiosk.css", (c) => c.body(CSS, 200, { "content-type": "text/css; charset=utf-8" }))
  r.get("/", (c) => {
    const s = at(c)
    if (s === null) return twinNotFoundPage(c)
    return s.msisdn === null ? welcome(c, 200, s.ended) : show(c, K.menu(s.msisdn))
  })
  r.post("/number", async (c) => {
    const f = await form(c)
    if (!csrfValid(c, f, KIOSK_COOKIE)) return show(c, Result.fail(csrfError()))
    return show(c, K.enterNumber(typedNumber(f.msisdn)))
  })
  r.post("/order-code", async (c) => {
    const f = await form(c)
    if (!csrfValid(c, f, KIOSK_COOKIE)) return show(c, Result.fail(csrfError()))
    const s = at(c)
    if (s === null) return twinNotFoundPage(c)
    const m = typedNumber(f.msisdn)
    return show(
      c,
      Result.flatMap(K.enterNumber(m), () => K.orderCode(s.twin, m)),
      { text: "", data: { screen: "code", msisdn: m } },
    )
  })
  r.post("/login", async (c) => {
    const f = await form(c)
    if (!csrfValid(c, f, KIOSK_COOKIE)) return show(c, Result.fail(csrfError()))
    const s = at(c)
    if (s === null) return twinNotFoundPage(c)
    const m = typedNumber(f.msisdn)
    const res = Result.flatMap(K.enterNumber(m), () => K.login(s.twin, m, f.code ?? ""))
    if (Result.isFailure(res))
      return show(c, Result.fail(res.failure), { text: "", data: { screen: "code", msisdn: m } })
    setSessionCookie(c, KIOSK_COOKIE, res.success.token, "/kiosk")
    return show(c, K.menu(res.success.msisdn))
  })
  r.get(
    "/balance",
    needSession((t, m) => K.balance(t, m), false),
  )
  r.get(
    "/topup",
    needSession(
      (_t, m) =>
        Result.succeed({
          text: "Вставьте купюры в купюроприемник и укажите внесенную сумму",
          data: { screen: "topup", msisdn: m },
        }),
      false,
    ),
  )
  r.get(
    "/services",
    needSession((t, m) => K.services(t, m), false),
  )
  r.get(
    "/tariffs",
    needSession((t, m) => K.tariffs(t, m), false),
  )
  r.post(
    "/services/connect",
    needSession((t, m, _c, f) => K.connect(t, m, f.service ?? ""), true),
  )
  r.post(
    "/services/disconnect",
    needSession((t, m, _c, f) => K.disconnect(t, m, f.service ?? ""), true),
  )
  r.post(
    "/tariff",
    needSession((t, m, _c, f) => K.changeTariff(t, m, f.tariff ?? "", f.confirmed === "1"), true),
  )
  r.post(
    "/topup-cash",
    needSession((t, m, _c, f) => Result.flatMap(cash(f.amount), (k) => K.topUpCash(t, m, k)), true),
  )
  r.post("/logout", async (c) => {
    const f = await form(c)
    if (!csrfValid(c, f, KIOSK_COOKIE)) return show(c, Result.fail(csrfError()))
    const twin = twinOf(deps, c)
    if (twin === null) return twinNotFoundPage(c)
    const token = readSessionCookie(c, KIOSK_COOKIE)
    clearSessionCookie(c, KIOSK_COOKIE, "/kiosk")
    return show(c, token === null ? K.bye() : K.logout(twin, token))
  })
  return r
}
