// Steps that change where a handset is and what it may use: `travel:` (a country, "russia" or
// "home") and `network:` (mobile data on or off).
import { suggest } from "../errors.ts"
import { keysOf, STEP_KINDS } from "../spec/schema.ts"
import { actionMap, fail } from "./ctx.ts"
import { bool, str } from "./fields.ts"
import { type StepParser, who } from "./parser.ts"

export const travelStep: StepParser = (ctx, sc, n, what) => {
  const m = actionMap(
    ctx,
    n,
    what,
    keysOf(STEP_KINDS.travel?.fields ?? {}),
    ["msisdn", "to"],
    'travel: { msisdn: "79160000001", to: TR }',
  )
  if (m === null) return null
  const msisdn = who(ctx, sc, m, what)
  const to = str(ctx, m.get("to"), `${what}.to`)
  if (msisdn === null || to === null) return null
  if (to !== "home" && to !== "russia" && !ctx.cat.countries.has(to))
    return fail(
      ctx,
      m.get("to"),
      `${what}.to: unknown country "${to}"`,
      suggest(to, ["home", "russia", ...ctx.cat.countries.keys()]),
    )
  return { _tag: "travel", msisdn, to }
}

export const networkStep: StepParser = (ctx, sc, n, what) => {
  const m = actionMap(
    ctx,
    n,
    what,
    keysOf(STEP_KINDS.network?.fields ?? {}),
    ["msisdn", "mobileData"],
    'network: { msisdn: "79160000001", mobileData: false }',
  )
  if (m === null) return null
  const msisdn = who(ctx, sc, m, what)
  const on = bool(ctx, m.get("mobileData"), `${what}.mobileData`)
  return msisdn === null || on === null ? null : { _tag: "network", msisdn, mobileData: on }
}
