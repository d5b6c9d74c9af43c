// `ivr:` call a voice menu (111, 0890) and press DTMF keys, optionally after silences.
import { keysOf, STEP_KINDS } from "../spec/schema.ts"
import { TEMPLATE_RE } from "../templates.ts"
import { actionMap, fail, has, templated } from "./ctx.ts"
import { int, scalarText } from "./fields.ts"
import { type StepParser, who } from "./parser.ts"

export const ivrStep: StepParser = (ctx, sc, n, what) => {
  const m = actionMap(
    ctx,
    n,
    what,
    keysOf(STEP_KINDS.ivr?.fields ?? {}),
    ["msisdn", "call"],
    'ivr: { msisdn: "79160000001", call: "111", keys: "11" }',
  )
  if (m === null) return null
  const msisdn = who(ctx, sc, m, what)
  const call = scalarText(ctx, m.get("call"))
  const keys = has(m, "keys") ? (scalarText(ctx, m.get("keys")) ?? "") : ""
  if (call === null || !/^\d{3,15}$/.test(call))
    return fail(
      ctx,
      m.get("call"),
      `${what}.call: expected a number to call`,
      'quote it: call: "111" (or "0890", "1112163")',
    )
  if (!/^[\d*#]*$/.test(keys) && !TEMPLATE_RE.test(keys))
    return fail(ctx, m.get("keys"), `${what}.keys: DTMF keys are digits, * and #`, 'quote it: keys: "11"')
  const timeouts = has(m, "timeouts") ? int(ctx, m.get("timeouts"), `${what}.timeouts`) : 0
  const then = has(m, "then") ? (scalarText(ctx, m.get("then")) ?? "") : ""
  if (!/^[\d*#]*$/.test(then))
    return fail(ctx, m.get("then"), `${what}.then: DTMF keys are digits, * and #`, 'quote it: then: "1"')
  if (then !== "" && timeouts === 0)
    return fail(
      ctx,
      m.get("then"),
      `${what}.then: keys pressed after silence need timeouts`,
      'e.g. timeouts: 1, then: "1"',
    )
  if (timeouts === null || msisdn === null) return null
  return {
    _tag: "ivr",
    msisdn,
    call,
    keys: templated(ctx, m.get("keys"), `${what}.keys`, keys) ?? keys,
    timeouts,
    then,
  }
}
