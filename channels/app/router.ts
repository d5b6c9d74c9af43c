// JSON API of the «Мой МТС» app at /app/api: the self-service routes shared with the LK (auto
// login on MTS mobile data, else LK credentials; top-up by card / Apple Pay / Google Pay;
// autopay; charge notifications) plus profiles (own and linked numbers) and the app's tabs.
import { Hono } from "hono"
import { Result } from "effect"
import { err } from "../../core/domain/errors.ts"
import { accountView } from "../../core/engine/views.ts"
import type { ChannelDeps } from "../context.ts"
import { selfcareApi, send, sendError, session, targetOf } from "../lk/api.ts"
import { msisdnRu, rub } from "../lk/format.ts"
import * as op from "../lk/selfcare.ts"
import { chatAnswer, entertainment, main, roaming, support } from "./tabs.ts"

/** The tabs 003_… names: «Мой МТС» (main), Счет, Тарифы, Интернет, Услуги, Бонусы МТС, Роуминг, Развлечения, Поддержка. */
export const APP_TABS = [
  "main",
  "account",
  "tariffs",
  "internet",
  "services",
  "bonuses",
  "roaming",
  "entertainment",
  "support",
] as const
export type AppTab = (typeof APP_TABS)[number]

/** Tab titles as the app shows them. */
export const TAB_RU: Record<AppTab, string> = {
  main: "Мой МТС",
  account: "Счет",
  tariffs: "Тарифы",
  internet: "Интернет",
  services: "Услуги",
  bonuses: "Бонусы МТС",
  roaming: "Роуминг",
  entertainment: "Развлечения",
  support: "Поддержка",
}

const tab = (name: AppTab, a: op.Actor, target: string): op.Res => {
  switch (name) {
    case "account":
      return Result.gen(function* () {
        const b = yield* op.balance(a, target)
        const e = yield* op.expenses(a, target, { period: "month" })
        return {
          text: `${TAB_RU.account}\n${b.text}\n${e.text.split("\n")[0] ?? ""}`,
          data: { ...b.data, month: (e.data.detail as { totals: unknown }).totals },
        }
      })
    case "tariffs":
      return op.tariffs(a, target)
    case "internet":
      return Result.flatMap(op.packages(a, target), (p) => {
        const offers = a.twin.cat.data.oneOffPackages.filter((o) => o.kind === "data")
        return Result.succeed({
          text: `${TAB_RU.internet}\n${p.text}\n${offers.map((o) => `«${o.name}» — ${rub(o.price)} · Подключить`).join("\n")}`,
          data: {
            ...p.data,
            packages: (p.data.packages as Array<{ kind: string }>).filter((x) => x.kind === "data"),
            offers,
          },
        })
      })
    case "services":
      return op.services(a, target)
    case "bonuses":
      return op.bonuses(a, target)
    case "roaming":
      return roaming(a, target)
    case "entertainment":
      return entertainment(a, target)
    case "support":
      return support(a, target)
    case "main":
      return main(a, target)
  }
}

export const appRouter = (deps: ChannelDeps): Hono => {
  const r = new Hono()
  r.get("/api/profiles", (c) => {
    const s = session(deps, c, "app")
    if (s instanceof Response) return s
    const a = s.actor
    const own = a.twin.state.subscribers.get(a.me)
    const numbers = [a.me, ...(own?.linked ?? [])]
    const profiles = numbers.flatMap((m) => {
      const v = accountView(a.twin, m, a.me)
      return Result.isSuccess(v)
        ? [
            {
              msisdn: m,
              own: m === a.me,
              name: v.success.personal.name,
              tariff: v.success.tariff.name,
              balance: v.success.balance,
            },
          ]
        : []
    })
    return c.json({
      text: [
        "Профили",
        ...profiles.map((p) => `${msisdnRu(p.msisdn)}${p.own ? " (мой)" : ""} — ${rub(p.balance)}`),
      ].join("\n"),
      profiles,
    })
  })
  r.get("/api/tabs/:tab", (c) => {
    const name = c.req.param("tab")
    if (!(APP_TABS as readonly string[]).includes(name))
      return sendError(
        c,
        err("INVALID_FIELD", `tab: expected one of ${APP_TABS.join(", ")}`, "Раздел не найден", "tab"),
      )
    const s = session(deps, c, "app")
    if (s instanceof Response) return s
    return send(
      c,
      Result.flatMap(targetOf(s.actor, c.req.query("msisdn")), (t) => tab(name as AppTab, s.actor, t)),
    )
  })
  // «Поддержка»: «обратиться с вопросом на горячую линию через чат, или заказав обратный звонок» (003_…).
  r.post("/api/support/chat", async (c) => {
    const s = session(deps, c, "app")
    if (s instanceof Response) return s
    const body = (await c.req.json().catch(() => null)) as { text?: unknown } | null
    const text = typeof body?.text === "string" ? body.text.trim() : ""
    if (text === "" || text.length > 500)
      return sendError(c, err("INVALID_FIELD", "text: a question of 1..500 characters", "Напишите вопрос", "text"))
    return send(c, chatAnswer(s.actor, s.actor.me, text))
  })
  r.post("/api/support/callback", (c) => {
    const s = session(deps, c, "app")
    if (s instanceof Response) return s
    const a = s.actor
    // The confirmation goes to the handset as an SMS, so what the subscriber was told is durable.
    const text = "Ваша заявка принята. Мы позвоним Вам в рабочее время (после 9.00). Будьте на связи!"
    const r2 = a.twin.execute({ _tag: "ServiceSms", msisdn: a.me, from: "MTS", text, by: a.me, via: "app" })
    return Result.isFailure(r2) ? sendError(c, r2.failure) : c.json({ text, data: { msisdn: a.me } })
  })
  r.route("/api", selfcareApi(deps, "app"))
  return r
}
