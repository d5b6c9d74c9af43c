// `ussd:` dial a code ("*100#") or reply to the open USSD screen.
import { keysOf, STEP_KINDS } from "../spec/schema.ts"
import { actionMap, fail, has, templated } from "./ctx.ts"
import { scalarText, str } from "./fields.ts"
import { type StepParser, who } from "./parser.ts"

export const ussdStep: StepParser = (ctx, sc, n, what) => {
  const m = actionMap(
    ctx,
    n,
    what,
    keysOf(STEP_KINDS.ussd?.fields ?? {}),
    ["msisdn"],
    'ussd: { msisdn: "79160000001", dial: "*100#" }',
  )
  if (m === null) return null
  const msisdn = who(ctx, sc, m, what)
  if (has(m, "dial") === has(m, "reply"))
    return fail(
      ctx,
      n,
      `${what}: give exactly one of dial or reply`,
      'dial starts a session ("*111#"); reply answers the open screen ("2")',
    )
  const dial = has(m, "dial") ? str(ctx, m.get("dial"), `${what}.dial`) : undefined
  const reply = has(m, "reply") ? scalarText(ctx, m.get("reply")) : undefined
  if (msisdn === null || dial === null || reply === null) return null
  if (dial !== undefined && !/^[*#\d]+$/.test(dial))
    return fail(ctx, m.get("dial"), `${what}.dial: "${dial}" is not a USSD code`, 'quote it: dial: "*100#"')
  return {
    _tag: "ussd",
    msisdn,
    ...(dial !== undefined ? { dial } : {}),
    ...(reply !== undefined ? { reply: templated(ctx, m.get("reply"), `${what}.reply`, reply) ?? reply } : {}),
  }
}
