// Page frame of the Личный кабинет: header, the sidebar of the real LK («Мой МТС», «Расходы»,
// «Услуги», «Тариф», «Поддержка», «Настройки»), notices and CSRF-carrying forms. No scripts.
import type { Child } from "hono/jsx"
import { CSRF_FIELD, randomToken } from "../security.ts"
import { IDEMPOTENCY_FIELD } from "../idempotency.ts"
import { msisdnRu } from "./format.ts"

export interface PageCtx {
  /** The browser's CSRF token, put in every form. */
  readonly csrf: string
  /** Query suffix that keeps the twin across links and forms ("" or "?twin=id"). */
  readonly twinQuery: string
  /** Logged-in number, when there is a session. */
  readonly me?: string | undefined
  /** The number the page shows (own or linked). */
  readonly target?: string | undefined
}

export type Section = "home" | "expenses" | "services" | "tariff" | "support" | "settings" | "linked" | "family" | "login"

const NAV: ReadonlyArray<[Section, string, string]> = [
  ["home", "Мой МТС", "/lk"], ["expenses", "Расходы", "/lk/expenses"], ["services", "Услуги", "/lk/services"],
  ["tariff", "Тариф", "/lk/tariff"], ["support", "Поддержка", "/lk/support"], ["settings", "Настройки", "/lk/settings"],
]

/** A link inside the LK that keeps the twin (and optional extra query). */
export const href = (p: PageCtx, path: string, extra: Record<string, string> = {}): string => {
  const q = new URLSearchParams(p.twinQuery.startsWith("?") ? p.twinQuery.slice(1) : "")
  for (const [k, v] of Object.entries(extra)) q.set(k, v)
  const s = q.toString()
  return s === "" ? path : `${path}?${s}`
}

export const Notice = (props: { text?: string | undefined; error?: boolean | undefined }) =>
  props.text === undefined || props.text === "" ? null : (
    <div class={props.error === true ? "notice error" : "notice ok"} role={props.error === true ? "alert" : "status"}>
      {props.text.split("\n").map((l) => <p>{l}</p>)}
    </div>
  )

/** A POST form with the CSRF token and, when acting on a linked number, the target. */
export const Form = (props: { p: PageCtx; action: string; children?: Child; label?: string; class?: string }) => (
  <form method="post" action={href(props.p, props.action)} class={props.class ?? "form"} aria-label={props.label}>
    <input type="hidden" name={CSRF_FIELD} value={props.p.csrf} />
    {/* A fresh idempotency key per rendered form of a session: a repeated submit is answered once (channels/idempotency.ts). */}
    {props.p.me !== undefined ? <input type="hidden" name={IDEMPOTENCY_FIELD} value={randomToken()} /> : null}
    {props.p.target !== undefined && props.p.me !== undefined && props.p.target !== props.p.me ? <input type="hidden" name="msisdn" value={props.p.target} /> : null}
    {props.children}
  </form>
)

export const Field = (props: { id: string; label: string; name: string; value?: string; type?: string; required?: boolean; inputmode?: "decimal" | "numeric" | "tel" | "text"; autocomplete?: string }) => (
  <p class="field">
    <label for={props.id}>{props.label}</label>
    <input id={props.id} name={props.name} type={props.type ?? "text"} value={props.value ?? ""} required={props.required ?? false} inputmode={props.inputmode} autocomplete={props.autocomplete} />
  </p>
)

export const Layout = (props: { p: PageCtx; title: string; section: Section; children?: Child }) => (
  <html lang="ru">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{`${props.title} — Личный кабинет МТС`}</title>
      <link rel="stylesheet" href="/lk/static/lk.css" />
    </head>
    <body>
      <header class="top">
        <span class="logo">МТС</span> <span>Личный кабинет</span>
        {props.p.me !== undefined ? <span class="who">{msisdnRu(props.p.me)}</span> : null}
        {props.p.me !== undefined ? (
          <Form p={{ ...props.p, target: undefined }} action="/lk/logout" class="inline" label="Выход">
            <button type="submit">Выход</button>
          </Form>
        ) : null}
      </header>
      <div class="page">
        {props.section !== "login" ? (
          <nav class="side" aria-label="Разделы">
            <ul>
              {NAV.map(([s, label, path]) => (
                <li><a href={href(props.p, path, props.p.target !== undefined && props.p.target !== props.p.me ? { msisdn: props.p.target } : {})} aria-current={s === props.section ? "page" : undefined}>{label}</a></li>
              ))}
            </ul>
          </nav>
        ) : null}
        <main>
          <h1>{props.title}</h1>
          {props.children}
        </main>
      </div>
    </body>
  </html>
)

export const LK_CSS = `
body{font-family:Arial,Helvetica,sans-serif;margin:0;color:#1d2023;background:#f2f3f7}
.top{background:#fff;padding:12px 24px;display:flex;gap:16px;align-items:center;border-bottom:1px solid #e0e0e0}
.logo{background:#e30611;color:#fff;font-weight:bold;padding:4px 8px}
.who{margin-left:auto}
.page{display:flex;gap:24px;padding:24px}
.side ul{list-style:none;padding:0;margin:0;min-width:180px}
.side a{display:block;padding:8px 12px;color:#1d2023;text-decoration:none;border-radius:8px}
.side a[aria-current=page]{background:#fff;font-weight:bold}
main{flex:1;background:#fff;border-radius:16px;padding:24px;max-width:960px}
.balance{font-size:32px;font-weight:bold}
.muted{color:#626c77;font-size:14px}
.warn{color:#e30611}
.notice{padding:8px 16px;border-radius:8px;margin:8px 0}
.notice.ok{background:#e6f7ec}.notice.error{background:#fdecec}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:12px;list-style:none;padding:0}
.card{border:1px solid #e0e0e0;border-radius:12px;padding:12px}
.field label{display:block;font-size:14px;color:#626c77}
.inline{display:inline}
button{background:#e30611;color:#fff;border:0;border-radius:8px;padding:8px 16px;cursor:pointer}
button.secondary{background:#fff;color:#1d2023;border:1px solid #bbc1c7}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #eee;padding:4px 8px;text-align:left}
`
