// The terminal page of «Электронный Помощник» at /kiosk: one screen at a time, big buttons,
// plain forms (CSRF token, HTTP-only cookie with the core's kiosk session token), no scripts.
import { normalizeMsisdn } from "../text/phone.ts"
import { Hono, type Context } from "hono"
import { twinNotFoundPage } from "../edge/twin.ts"
import type { Child } from "hono/jsx"
import { Result } from "effect"
import { err, type DomainError } from "../../core/domain/errors.ts"
import { parseRubles } from "../../core/domain/money.ts"
import { statusFor, twinIdOf, twinOf, type ChannelDeps } from "../context.ts"
import type { Res } from "../lk/selfcare.ts"
import { clearSessionCookie, csrfError, csrfToken, csrfValid, CSRF_FIELD, randomToken, readSessionCookie, setSessionCookie } from "../security.ts"
import { IDEMPOTENCY_FIELD } from "../idempotency.ts"
import { FlashBox, seeOther } from "../prg.ts"
import * as K from "./screens.ts"
import type { TwinCore } from "../../core/engine/twin-core.ts"

/** A number as typed on the terminal: "8 916 000-00-01", "+7 916…", "916…" → "79160000001" (as the LK accepts). */
const typedNumber = (v: string | undefined): string => normalizeMsisdn(v ?? "") ?? (v ?? "").replace(/\D/g, "")

export const KIOSK_COOKIE = "kiosk_session"

const CSS = `body{font-family:Arial,sans-serif;background:#222;color:#fff;margin:0}
.screen{max-width:720px;margin:24px auto;background:#0b3d91;border-radius:16px;padding:24px}
pre{white-space:pre-wrap;font-size:22px;font-family:inherit}
button{font-size:20px;margin:6px;padding:12px 20px;border-radius:10px;border:0;background:#e30611;color:#fff}
label{display:block;font-size:18px}input{font-size:22px;padding:8px}.error{background:#a30000;padding:8px;border-radius:8px}`

interface Screen { text: string; data: Record<string, unknown>; error?: boolean }

export const kioskPage = (deps: ChannelDeps): Hono => {
  const r = new Hono()
  const q = (c: Context): string => (c.req.query("twin") !== undefined ? `?twin=${encodeURIComponent(twinIdOf(c))}` : "")

  const Btn = (p: { c: Context; action: string; label: string; fields?: Record<string, string>; children?: Child }) => (
    <form method="post" action={`/kiosk${p.action}${q(p.c)}`}>
      <input type="hidden" name={CSRF_FIELD} value={csrfToken(p.c, KIOSK_COOKIE)} />
      <input type="hidden" name={IDEMPOTENCY_FIELD} value={randomToken()} />
      {Object.entries(p.fields ?? {}).map(([k, v]) => <input type="hidden" name={k} value={v} />)}
      {p.children}
      <button type="submit">{p.label}</button>
    </form>
  )

  const render = (c: Context, s: Screen, status: 200 | 400 | 401 | 403 | 404 | 409 | 423 | 429 | 503 = 200) => {
    const screen = String(s.data.screen ?? "number")
    const msisdn = typeof s.data.msisdn === "string" ? s.data.msisdn : ""
    const services = Array.isArray(s.data.services) ? (s.data.services as Array<{ id: string; name: string; connected: boolean; available: boolean; removable: boolean }>) : []
    const tariffs = Array.isArray(s.data.tariffs) ? (s.data.tariffs as Array<{ tariff: string; name: string; current: boolean }>) : []
    return c.html(
      <html lang="ru">
        <head><meta charset="utf-8" /><title>Электронный Помощник</title><link rel="stylesheet" href="/kiosk/static/kiosk.css" /></head>
        <body>
          <main class="screen">
            <h1>Электронный Помощник</h1>
            <pre class={s.error === true ? "error" : ""} role={s.error === true ? "alert" : "status"}>{s.text}</pre>
            {screen === "number" ? (
              <Btn c={c} action="/number" label="Далее"><label for="msisdn">Номер телефона</label><input id="msisdn" name="msisdn" inputmode="tel" required /></Btn>
            ) : null}
            {screen === "code" ? (
              <>
                <Btn c={c} action="/login" label="Войти" fields={{ msisdn }}><label for="code">Код доступа</label><input id="code" name="code" inputmode="numeric" required /></Btn>
                <Btn c={c} action="/order-code" label="Заказать пароль" fields={{ msisdn }} />
              </>
            ) : null}
            {screen === "menu" || screen === "done" || screen === "balance" ? (
              <nav aria-label="Сервис МТС">
                <a href={`/kiosk/balance${q(c)}`}><button type="button">Баланс</button></a>
                <a href={`/kiosk/services${q(c)}`}><button type="button">Услуги</button></a>
                <a href={`/kiosk/tariffs${q(c)}`}><button type="button">Смена тарифа</button></a>
                <Btn c={c} action="/topup-cash" label="Пополнить наличными"><label for="cash">Внесено наличными, руб.</label><input id="cash" name="amount" inputmode="decimal" required /></Btn>
                <Btn c={c} action="/logout" label="Выход" />
              </nav>
            ) : null}
            {screen === "services" ? services.filter((x) => x.connected ? x.removable : x.available).map((x) => (
              <Btn c={c} action={x.connected ? "/services/disconnect" : "/services/connect"} label={`${x.connected ? "Отключить" : "Подключить"}: ${x.name}`} fields={{ service: x.id }} />
            )) : null}
            {screen === "tariffs" ? tariffs.filter((t) => !t.current).map((t) => <Btn c={c} action="/tariff" label={`Перейти: ${t.name}`} fields={{ tariff: t.tariff }} />) : null}
            {screen === "confirm-tariff" ? <Btn c={c} action="/tariff" label="Подтвердить" fields={{ tariff: String(s.data.tariff ?? ""), confirmed: "1" }} /> : null}
            {screen !== "number" && screen !== "code" && screen !== "menu" ? <a href={`/kiosk${q(c)}`}><button type="button">В меню</button></a> : null}
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
    return render(c, { text: `${res.failure.ru}${base.text !== "" ? `\n${base.text}` : ""}`, data: base.data, error: true }, statusFor(res.failure))
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
    return render(c, { text: ended === null ? w.success.text : `${ended.ru}\n${w.success.text}`, data: w.success.data, error: ended !== null }, status)
  }

  const needSession = (f: (twin: TwinCore, msisdn: string, c: Context, fields: Record<string, string>) => Res, post: boolean) => async (c: Context) => {
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
    return k === null ? Result.fail(err("INVALID_FIELD", "amount: expected rubles", "Введите сумму в рублях", "amount")) : Result.succeed(k)
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
    return show(c, Result.flatMap(K.enterNumber(m), () => K.orderCode(s.twin, m)), { text: "", data: { screen: "code", msisdn: m } })
  })
  r.post("/login", async (c) => {
    const f = await form(c)
    if (!csrfValid(c, f, KIOSK_COOKIE)) return show(c, Result.fail(csrfError()))
    const s = at(c)
    if (s === null) return twinNotFoundPage(c)
    const m = typedNumber(f.msisdn)
    const res = Result.flatMap(K.enterNumber(m), () => K.login(s.twin, m, f.code ?? ""))
    if (Result.isFailure(res)) return show(c, Result.fail(res.failure), { text: "", data: { screen: "code", msisdn: m } })
    setSessionCookie(c, KIOSK_COOKIE, res.success.token, "/kiosk")
    return show(c, K.menu(res.success.msisdn))
  })
  r.get("/balance", needSession((t, m) => K.balance(t, m), false))
  r.get("/services", needSession((t, m) => K.services(t, m), false))
  r.get("/tariffs", needSession((t, m) => K.tariffs(t, m), false))
  r.post("/services/connect", needSession((t, m, _c, f) => K.connect(t, m, f.service ?? ""), true))
  r.post("/services/disconnect", needSession((t, m, _c, f) => K.disconnect(t, m, f.service ?? ""), true))
  r.post("/tariff", needSession((t, m, _c, f) => K.changeTariff(t, m, f.tariff ?? "", f.confirmed === "1"), true))
  r.post("/topup-cash", needSession((t, m, _c, f) => Result.flatMap(cash(f.amount), (k) => K.topUpCash(t, m, k)), true))
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
