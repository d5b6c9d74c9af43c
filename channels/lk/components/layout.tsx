// Page frame of the Личный кабинет: header, the sidebar of the real LK («Мой МТС», «Расходы»,
// «Услуги», «Тариф», «Поддержка», «Настройки»), notices and CSRF-carrying forms. The one script
// (/lk/static/lk.js) only refreshes an open page when the account changes; every action works
// without it.
import type { Child } from "hono/jsx"
import { CSRF_FIELD, randomToken } from "../../security.ts"
import { IDEMPOTENCY_FIELD } from "../../idempotency.ts"
import { FAVICON_LINK } from "../../favicon.ts"
import { msisdnRu } from "../../text/phone.ts"

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

export type Section =
  | "home"
  | "expenses"
  | "services"
  | "tariff"
  | "support"
  | "settings"
  | "linked"
  | "family"
  | "login"

const NAV: ReadonlyArray<[Section, string, string]> = [
  ["home", "Мой МТС", "/lk"],
  ["expenses", "Расходы", "/lk/expenses"],
  ["services", "Услуги", "/lk/services"],
  ["tariff", "Тариф", "/lk/tariff"],
  ["support", "Поддержка", "/lk/support"],
  ["settings", "Настройки", "/lk/settings"],
]

/** A link inside the LK that keeps the twin (and optional extra query). */
export const href = (p: PageCtx, path: string, extra: Record<string, string> = {}): string => {
  const q = new URLSearchParams(p.twinQuery.startsWith("?") ? p.twinQuery.slice(1) : "")
  for (const [k, v] of Object.entries(extra)) q.set(k, v)
  const s = q.toString()
  return s === "" ? path : `${path}?${s}`
}

/** The `msisdn` query that keeps a linked number across links (empty for the own number). */
export const targetQuery = (p: PageCtx): Record<string, string> =>
  p.target !== undefined && p.me !== undefined && p.target !== p.me ? { msisdn: p.target } : {}

/** A link that keeps the twin and the linked number the page shows. */
export const hrefT = (p: PageCtx, path: string, extra: Record<string, string> = {}): string =>
  href(p, path, { ...targetQuery(p), ...extra })

export const Notice = (props: { text?: string | undefined; error?: boolean | undefined }) =>
  props.text === undefined || props.text === "" ? null : (
    <div class={props.error === true ? "notice error" : "notice ok"} role={props.error === true ? "alert" : "status"}>
      {props.text.split("\n").map((l) => (
        <p>{l}</p>
      ))}
    </div>
  )

/** A POST form with the CSRF token and, when acting on a linked number, the target. */
export const Form = (props: { p: PageCtx; action: string; children?: Child; label?: string; class?: string }) => (
  <form method="post" action={href(props.p, props.action)} class={props.class ?? "form"} aria-label={props.label}>
    <input type="hidden" name={CSRF_FIELD} value={props.p.csrf} />
    {/* A fresh idempotency key per rendered form of a session: a repeated submit is answered once (channels/idempotency.ts). */}
    {props.p.me !== undefined ? <input type="hidden" name={IDEMPOTENCY_FIELD} value={randomToken()} /> : null}
    {props.p.target !== undefined && props.p.me !== undefined && props.p.target !== props.p.me ? (
      <input type="hidden" name="msisdn" value={props.p.target} />
    ) : null}
    {props.children}
  </form>
)

/** A one-button POST form (connect, disconnect, buy ...) with its hidden fields. */
export const ActionButton = (props: {
  p: PageCtx
  action: string
  label: string
  text: string
  fields?: Record<string, string>
  kind?: "primary" | "secondary"
  disabled?: boolean
}) => (
  <Form p={props.p} action={props.action} label={props.label} class="inline">
    {Object.entries(props.fields ?? {}).map(([k, v]) => (
      <input type="hidden" name={k} value={v} />
    ))}
    <button
      type="submit"
      class={props.kind === "secondary" ? "secondary" : undefined}
      disabled={props.disabled ?? false}
    >
      {props.text}
    </button>
  </Form>
)

export const Field = (props: {
  id: string
  label: string
  name: string
  value?: string
  type?: string
  required?: boolean
  inputmode?: "decimal" | "numeric" | "tel" | "text"
  autocomplete?: string
  suffix?: string
}) => (
  <p class="field">
    <label for={props.id}>{props.label}</label>
    <span class="input">
      <input
        id={props.id}
        name={props.name}
        type={props.type ?? "text"}
        value={props.value ?? ""}
        required={props.required ?? false}
        inputmode={props.inputmode}
        autocomplete={props.autocomplete}
      />
      {props.suffix !== undefined ? <span class="suffix">{props.suffix}</span> : null}
    </span>
  </p>
)

/** A form that opens where it is used: the summary is the button, the body the form. */
export const Drop = (props: { id: string; summary: string; open?: boolean; children?: Child; class?: string }) => (
  <details class={`drop ${props.class ?? ""}`} id={props.id} open={props.open ?? false}>
    <summary>{props.summary}</summary>
    <div class="drop-body">{props.children}</div>
  </details>
)

export const Layout = (props: {
  p: PageCtx
  title: string
  section: Section
  children?: Child
  live?: string | undefined
  page?: string
}) => (
  <html lang="ru">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{`${props.title} — Личный кабинет МТС`}</title>
      <link rel="icon" href={FAVICON_LINK} type="image/svg+xml" />
      <link rel="stylesheet" href="/lk/static/lk.css" />
      {props.live !== undefined ? <script src="/lk/static/lk.js" defer></script> : null}
    </head>
    <body
      data-live={props.live}
      data-page={props.page}
      data-me={props.p.me}
      data-msisdn={props.p.target}
      data-section={props.section}
    >
      <header class="top">
        <a class="brand" href={href(props.p, "/lk")}>
          <span class="logo" aria-hidden="true">
            МТС
          </span>{" "}
          <span class="brand-name">Личный кабинет</span>
        </a>
        {props.p.me !== undefined ? <span class="who">{msisdnRu(props.p.me)}</span> : null}
        {props.p.me !== undefined ? (
          <Form p={{ ...props.p, target: undefined }} action="/lk/logout" class="inline logout" label="Выход">
            <button type="submit" class="ghost">
              Выход
            </button>
          </Form>
        ) : null}
      </header>
      <div class="page">
        {props.section !== "login" ? (
          <nav class="side" aria-label="Разделы">
            <ul>
              {NAV.map(([s, label, path]) => (
                <li>
                  <a href={hrefT(props.p, path)} aria-current={s === props.section ? "page" : undefined}>
                    {label}
                  </a>
                </li>
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
