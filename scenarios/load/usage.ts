// `usage:` a call, SMS or data session made on the network (rated as the switch would report it).
import type { UsageSpec } from "../model.ts"
import { CALL_FIELDS, keysOf, SMS_USAGE_FIELDS, STEP_KINDS } from "../spec/schema.ts"
import { callSeconds, parseVolumeKb } from "../values.ts"
import { actionMap, fail, has } from "./ctx.ts"
import { int, oneOf, scalarText } from "./fields.ts"
import { type StepParser, who } from "./parser.ts"

export const usageStep: StepParser = (ctx, sc, n, what) => {
  const m = actionMap(
    ctx,
    n,
    what,
    keysOf(STEP_KINDS.usage?.fields ?? {}),
    ["msisdn"],
    'usage: { msisdn: "79160000001", data: 150MB }',
  )
  if (m === null) return null
  const msisdn = who(ctx, sc, m, what)
  const kinds = ["call", "sms", "data"].filter((k) => has(m, k))
  if (kinds.length !== 1)
    return fail(
      ctx,
      n,
      `${what}: give exactly one of call, sms, data`,
      'e.g. call: { to: "79031112233", minutes: 3 } · sms: { to: "79031112233", count: 2 } · data: 150MB',
    )
  const k = kinds[0] as string
  let usage: UsageSpec | null = null
  let text = ""
  if (k === "data") {
    const t = scalarText(ctx, m.get("data"))
    const kb = t === null ? null : parseVolumeKb(t)
    if (kb === null)
      return fail(
        ctx,
        m.get("data"),
        `${what}.data: bad volume "${t ?? ""}"`,
        "e.g. data: 150MB, data: 1GB, data: 1.5GB, data: 512KB",
      )
    usage = { _tag: "data", kb }
    text = `интернет ${t}`
  } else {
    const uw = `${what}.${k}`
    const um =
      k === "call"
        ? actionMap(ctx, m.get(k), uw, keysOf(CALL_FIELDS), ["to"], 'call: { to: "79031112233", minutes: 3 }')
        : actionMap(ctx, m.get(k), uw, keysOf(SMS_USAGE_FIELDS), ["to"], 'sms: { to: "79031112233", count: 2 }')
    if (um === null) return null
    const to = scalarText(ctx, um.get("to"))
    if (to === null || !/^\+?\d{3,15}$/.test(to))
      return fail(ctx, um.get("to"), `${uw}.to: expected a phone number`, 'quote it: to: "79031112233"')
    const direction = has(um, "direction")
      ? oneOf(ctx, um.get("direction"), `${uw}.direction`, ["out", "in"] as const)
      : "out"
    if (direction === null) return null
    if (k === "call") {
      const minutes = has(um, "minutes") ? int(ctx, um.get("minutes"), `${uw}.minutes`) : undefined
      const seconds = has(um, "seconds") ? int(ctx, um.get("seconds"), `${uw}.seconds`) : undefined
      if (minutes === null || seconds === null) return null
      const secs = callSeconds(minutes, seconds)
      if (secs === null)
        return fail(
          ctx,
          m.get(k),
          `${uw}: give minutes or seconds (more than 0)`,
          'e.g. call: { to: "79031112233", minutes: 3 }',
        )
      usage = { _tag: "call", to, seconds: secs, direction }
      text = `${direction === "in" ? "входящий" : "звонок"} ${to}, ${secs} с`
    } else {
      const count = has(um, "count") ? int(ctx, um.get("count"), `${uw}.count`, 1) : 1
      if (count === null) return null
      usage = { _tag: "sms", to, count, direction }
      text = `SMS ${to} × ${count}`
    }
  }
  return msisdn === null || usage === null ? null : { _tag: "usage", msisdn, usage, text }
}
