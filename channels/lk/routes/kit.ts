// The request flow every LK route shares: the session from the cookie (R25), the number a request
// acts on (I9), CSRF on every post, and post/redirect/get so a reload repeats nothing.
import type { Context } from "hono"
import { Result } from "effect"
import type { TwinCore } from "../../../core/engine/twin-core.ts"
import { twinNotFoundPage } from "../../edge/twin.ts"
import { twinOf, type ChannelDeps } from "../../context.ts"
import { clearSessionCookie, csrfError, csrfValid, readSessionCookie } from "../../security.ts"
import { FlashBox, seeOther } from "../../prg.ts"
import { targetOf } from "../../selfcare/api.ts"
import * as op from "../../selfcare/operations.ts"
import { href, type Section } from "../components/layout.tsx"
import { type FormFields, formOf } from "./forms.ts"
import {
  LK_COOKIE,
  SECTION_PATH,
  type NoticeMsg,
  type Status,
  noticeOf,
  statusOf,
  pageCtx,
  errorPage,
  loginPage,
} from "./page.tsx"
import { type HtmlSession, type HomeDrop, type Extra, sectionPage } from "./section.tsx"

/** Post/redirect/get (channels/prg.ts): an action's outcome, shown by the section page it redirects to. */
export interface Outcome {
  notice: NoticeMsg
  status: Status
  extra: Extra
}

/** The session, post/redirect/get and form-action helpers of one LK app (its own outcome box). */
export const lkKit = (deps: ChannelDeps) => {
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

  const outcomes = new FlashBox<Outcome>()
  const redirectTo = (c: Context, s: HtmlSession, target: string, sec: Section, o: Outcome): Response =>
    seeOther(c, href(pageCtx(c), SECTION_PATH[sec], target !== s.actor.me ? { msisdn: target } : {}), outcomes.put(o))

  const viewRoute = (sec: Section) => (c: Context) => {
    const s = sessionOf(c)
    if ("response" in s) return s.response
    const t = targetOf(s.actor, c.req.query("msisdn"))
    if (Result.isFailure(t)) return errorPage(c, pageCtx(c, s.actor.me), t.failure)
    const o = outcomes.of(c)
    return sectionPage(
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

  const twinOr404 = (c: Context): TwinCore | null => twinOf(deps, c)
  return { sessionOf, redirectTo, viewRoute, posted, action, homeAction, twinOr404 }
}

export type LkKit = ReturnType<typeof lkKit>
