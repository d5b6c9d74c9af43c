// The GET pages of the LK's sections: «Мой МТС», «Расходы», «Услуги» and a service's card,
// «Тариф», «Поддержка», «Настройки», «Привязанные», «Поделиться пакетами».
import type { Hono } from "hono"
import { Result } from "effect"
import { err } from "../../../core/domain/errors.ts"
import { accountView, type Detail } from "../../../core/engine/views.ts"
import { statusFor } from "../../context.ts"
import { targetOf } from "../../selfcare/api.ts"
import * as op from "../../selfcare/operations.ts"
import { hrefT, Notice } from "../components/layout.tsx"
import { ServiceCard } from "../components/services.tsx"
import { Expenses } from "../components/expenses.tsx"
import { pageCtx, TITLES, html, errorPage } from "./page.tsx"
import { sectionPage } from "./section.tsx"
import type { LkKit } from "./kit.ts"

/** The section pages; each reads the session and the number it shows. */
export const sectionRoutes = (r: Hono, kit: LkKit): void => {
  const { sessionOf, viewRoute } = kit
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
    return sectionPage(c, s, t.success, "home", undefined, 200, { open: "autopay" })
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
}
