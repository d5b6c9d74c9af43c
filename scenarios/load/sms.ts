// `sms:` send a text to a short number, a sender name or a phone, or reply to the newest SMS.
import { keysOf, STEP_KINDS } from "../spec/schema.ts"
import { actionMap, fail, has, templated } from "./ctx.ts"
import { scalarText } from "./fields.ts"
import { type StepParser, who } from "./parser.ts"

/** Where an SMS can go: a short number, a sender name (MTS) or a phone number. */
const SMS_TO_RE = /^(?:\+?\d{3,15}|[A-Za-z][A-Za-z0-9]{1,10})$/

export const smsStep: StepParser = (ctx, sc, n, what) => {
  const m = actionMap(
    ctx,
    n,
    what,
    keysOf(STEP_KINDS.sms?.fields ?? {}),
    ["from"],
    'sms: { from: "79160000001", to: "111", text: "2163" } or sms: { from: "79160000002", reply: "Да" }',
  )
  if (m === null) return null
  const from = who(ctx, sc, m, what, "from")
  if (has(m, "reply")) {
    if (has(m, "to") || has(m, "text"))
      return fail(
        ctx,
        n,
        `${what}: reply answers the newest SMS in the inbox; give either reply, or to and text`,
        'e.g. sms: { from: "79160000002", reply: "Да" }',
      )
    const r = scalarText(ctx, m.get("reply")) ?? ""
    return from === null
      ? null
      : { _tag: "sms", from, to: null, text: templated(ctx, m.get("reply"), `${what}.reply`, r) ?? r }
  }
  if (!has(m, "to"))
    return fail(
      ctx,
      n,
      `${what}: missing "to" (or use reply to answer the newest SMS)`,
      'e.g. sms: { from: "79160000001", to: "111", text: "баланс" } or sms: { from: "79160000002", reply: "Да" }',
    )
  const to = scalarText(ctx, m.get("to"))
  const text = has(m, "text") ? (scalarText(ctx, m.get("text")) ?? "") : ""
  if (to === null || !SMS_TO_RE.test(to))
    return fail(
      ctx,
      m.get("to"),
      `${what}.to: expected a short number ("111", "6262"), a sender name (MTS) or a phone number`,
      'to answer a notification without knowing its number, write reply: "Да" instead of to and text',
    )
  return from === null
    ? null
    : {
        _tag: "sms",
        from,
        to: /^[A-Za-z]/.test(to) ? to.toUpperCase() : to,
        text: templated(ctx, m.get("text"), `${what}.text`, text) ?? text,
      }
}
