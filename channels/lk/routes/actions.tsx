// The LK's form actions: each reads its fields (forms.ts), runs one selfcare operation (one core
// command) and answers 303 to the section that shows the outcome.
import type { Hono } from "hono"
import { Result } from "effect"
import { err } from "../../../core/domain/errors.ts"
import { isMsisdn } from "../../../core/domain/ids.ts"
import { tariffChangeView } from "../../../core/engine/views.ts"
import * as op from "../../selfcare/operations.ts"
import { ConfirmTariff } from "../components/tariff.tsx"
import { intField, numberField, rubles, textField } from "./forms.ts"
import { noticeOf, statusOf, pageCtx, html } from "./page.tsx"
import { sectionPage } from "./section.tsx"
import type { LkKit } from "./kit.ts"

/** The form actions; the answer is the section page that shows the outcome. */
export const actionRoutes = (r: Hono, kit: LkKit): void => {
  const { redirectTo, posted, action, homeAction } = kit
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
      const change = tariffChangeView(s.twin, target, tariff.success, s.actor.me)
      if (Result.isSuccess(change) && change.success !== null)
        return html(c, p, "tariff", <ConfirmTariff p={p} change={change.success} />, 200, "Подтверждение смены тарифа")
    }
    return redirectTo(c, s, target, "tariff", { notice: noticeOf(res), status: statusOf(res), extra: {} })
  })
  r.post(
    "/pay-provider",
    homeAction("pay", (a, f, t) =>
      Result.gen(function* () {
        const provider = yield* textField(f.provider, "provider", "Выберите получателя")
        const account = yield* textField(f.account, "account", "Введите номер договора или телефона")
        const amount = yield* rubles(f.amount, "amount")
        return yield* op.payProvider(a, t, provider, account, amount)
      }),
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
    if (x.form.confirmed !== "1")
      return sectionPage(c, x.s, x.target, "support", undefined, 200, { confirmBlock: true })
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
      Result.gen(function* () {
        const member = yield* numberField(f.member, "member")
        const minutes = yield* intField(f.minutes, "minutes", "Укажите минуты")
        const sms = yield* intField(f.sms, "sms", "Укажите SMS")
        const gb = yield* intField(f.gb, "gb", "Укажите гигабайты")
        return yield* op.familyInvite(a, member, minutes, sms, gb * 1024)
      }),
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
}
