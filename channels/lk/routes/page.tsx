// What every LK route answers with: the page frame around a section (live-refreshed with a
// session), the error page and the login page, the page context of a request, and how a core
// outcome becomes a notice and an HTTP status.
import type { Context } from "hono"
import type { Child } from "hono/jsx"
import { Result } from "effect"
import type { DomainError } from "../../../core/domain/errors.ts"
import { statusFor, twinIdOf } from "../../context.ts"
import { csrfToken } from "../../security.ts"
import type * as op from "../../selfcare/operations.ts"
import { hrefT, Layout, Notice, type PageCtx, type Section } from "../components/layout.tsx"
import { Login } from "../components/login.tsx"

export const LK_COOKIE = "lk_session"

export interface NoticeMsg {
  text: string
  error: boolean
}
export type Status = 200 | 400 | 401 | 403 | 404 | 409 | 423 | 429 | 503

export const noticeOf = (r: op.Res): NoticeMsg =>
  Result.isFailure(r) ? { text: r.failure.ru, error: true } : { text: r.success.text, error: false }
export const statusOf = (r: op.Res): Status => (Result.isFailure(r) ? statusFor(r.failure) : 200)

export const pageCtx = (c: Context, me?: string, target?: string): PageCtx => {
  const id = twinIdOf(c)
  return {
    csrf: csrfToken(c, LK_COOKIE),
    twinQuery: c.req.query("twin") !== undefined ? `?twin=${encodeURIComponent(id)}` : "",
    me,
    target,
  }
}

export const TITLES: Record<Section, string> = {
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
export const SECTION_PATH: Record<Section, string> = {
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

/** A page of the LK. With a session, the page keeps itself current (lk.js asks /lk/live). */
export const html = (
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

export const errorPage = (c: Context, p: PageCtx, e: DomainError): Response | Promise<Response> =>
  html(c, p, "home", <Notice text={e.ru} error />, statusFor(e), "Ошибка")

export const loginPage = (
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
