// One section page of the LK for the session's number (own or linked, I9): the core's account
// view rendered by the section's component, with the notice of the action that led here.
import type { Context } from "hono"
import { Result } from "effect"
import { accountView, promisedQuote, tariffsView } from "../../../core/engine/views.ts"
import type { TwinCore } from "../../../core/engine/twin-core.ts"
import type * as op from "../../selfcare/operations.ts"
import { Notice, type Section } from "../components/layout.tsx"
import { Home } from "../components/home.tsx"
import { Services } from "../components/services.tsx"
import { Tariffs } from "../components/tariff.tsx"
import { Support } from "../components/support.tsx"
import { Settings } from "../components/settings.tsx"
import { Linked } from "../components/linked.tsx"
import { Family } from "../components/family.tsx"
import { type NoticeMsg, type Status, pageCtx, html, errorPage } from "./page.tsx"

export interface HtmlSession {
  twin: TwinCore
  actor: op.Actor
  token: string
}

export type HomeDrop = "" | "autopay" | "promised" | "transfer" | "pay" | "bonus-exchange"

export interface Extra {
  pending?: string
  invite?: boolean
  open?: HomeDrop
  confirmBlock?: boolean
}

/** Render a section for the session's target, with an optional notice. */
export const sectionPage = (
  c: Context,
  s: HtmlSession,
  target: string,
  sec: Section,
  notice?: NoticeMsg,
  status: Status = 200,
  extra: Extra = {},
) => {
  const p = pageCtx(c, s.actor.me, target)
  const v = accountView(s.twin, target, s.actor.me)
  if (Result.isFailure(v)) return errorPage(c, p, v.failure)
  const n = <Notice text={notice?.text} error={notice?.error} />
  switch (sec) {
    case "services":
      return html(
        c,
        p,
        sec,
        <>
          {n}
          <Services p={p} v={v.success} twin={s.twin} />
        </>,
        status,
      )
    case "tariff":
      return html(
        c,
        p,
        sec,
        <>
          {n}
          <Tariffs
            p={p}
            v={v.success}
            offers={tariffsView(s.twin, target)}
            familyOwner={s.twin.cat.tariffs.get(v.success.tariff.id)?.familyOwner === true}
          />
        </>,
        status,
      )
    case "support":
      return html(
        c,
        p,
        sec,
        <>
          {n}
          <Support p={p} v={v.success} confirmBlock={extra.confirmBlock ?? false} />
        </>,
        status,
      )
    case "settings":
      return html(
        c,
        p,
        sec,
        <>
          {n}
          <Settings p={p} v={v.success} />
        </>,
        status,
      )
    case "linked":
      return html(
        c,
        p,
        sec,
        <>
          {n}
          <Linked p={p} v={v.success} twin={s.twin} pending={extra.pending} />
        </>,
        status,
      )
    case "family":
      return html(
        c,
        p,
        sec,
        <>
          {n}
          <Family p={p} v={v.success} invite={extra.invite ?? false} />
        </>,
        status,
      )
    default: {
      const q = promisedQuote(s.twin, target)
      const linked = s.twin.state.subscribers.get(s.actor.me)?.linked ?? []
      return html(
        c,
        p,
        "home",
        <>
          {n}
          <Home
            p={p}
            v={v.success}
            twin={s.twin}
            linked={linked}
            promisedFee={q?.fee ?? null}
            open={extra.open ?? ""}
          />
        </>,
        status,
      )
    }
  }
}
