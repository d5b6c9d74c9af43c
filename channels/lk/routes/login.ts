// Login and logout of the LK (R22–R26): SMS password, permanent password, the operator's network.
import type { Hono, Context } from "hono"
import { Result } from "effect"
import type { DomainError } from "../../../core/domain/errors.ts"
import type { TwinCore } from "../../../core/engine/twin-core.ts"
import { twinNotFoundPage } from "../../edge/twin.ts"
import { networkMsisdn } from "../../edge/network.ts"
import { statusFor } from "../../context.ts"
import { clearSessionCookie, csrfError, csrfValid, readSessionCookie, setSessionCookie } from "../../security.ts"
import * as op from "../../selfcare/operations.ts"
import { href } from "../components/layout.tsx"
import { type FormFields, formOf, numberField, textField } from "./forms.ts"
import { LK_COOKIE, noticeOf, statusOf, pageCtx, loginPage } from "./page.tsx"
import type { LkKit } from "./kit.ts"

/** The login routes: a form post reads CSRF, then the twin, then the number. */
export const loginRoutes = (r: Hono, kit: LkKit): void => {
  const { twinOr404 } = kit
  // After a session ended elsewhere (the open page noticed it), the login page says so.
  r.get("/login", (c) =>
    c.req.query("ended") === "1" ? loginPage(c, { text: "Сеанс завершен. Войдите снова", error: true }) : loginPage(c),
  )
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
}
