// One item of `steps:`: exactly one action key (plus a `note`), dispatched to the parser of its
// kind (one module each in this folder).
import { suggest } from "../errors.ts"
import type { Step } from "../model.ts"
import { keysOf, STEP_EXTRA_FIELDS, type STEP_KINDS } from "../spec/schema.ts"
import { asMap, type Ctx, fail, has, type N, posAt, type StepCtx } from "./ctx.ts"
import { advanceStep } from "./clock.ts"
import { expectStep } from "./expect.ts"
import { str } from "./fields.ts"
import { networkStep, travelStep } from "./handset.ts"
import { ivrStep } from "./ivr.ts"
import type { StepParser } from "./parser.ts"
import { smsStep } from "./sms.ts"
import { usageStep } from "./usage.ts"
import { ussdStep } from "./ussd.ts"
import { webStep } from "./web.ts"

const STEP_KEYS = [
  "advance",
  "travel",
  "network",
  "usage",
  "ussd",
  "sms",
  "ivr",
  "lk",
  "app",
  "kiosk",
  "expect",
] as const satisfies readonly (keyof typeof STEP_KINDS)[]
const STEP_EXTRA = keysOf(STEP_EXTRA_FIELDS)

/** The parser of each step kind. */
const PARSERS: Record<(typeof STEP_KEYS)[number], StepParser> = {
  advance: advanceStep,
  travel: travelStep,
  network: networkStep,
  usage: usageStep,
  ussd: ussdStep,
  sms: smsStep,
  ivr: ivrStep,
  lk: webStep("lk"),
  app: webStep("app"),
  kiosk: webStep("kiosk"),
  expect: expectStep,
}

export const step = (ctx: Ctx, sc: StepCtx, n: N, i: number): Step | null => {
  const what = `steps[${i}]`
  const m = asMap(ctx, n, what, `a step is one of: ${STEP_KEYS.join(", ")}`)
  if (m === null) return null
  const actions = m.keys.filter((k) => (STEP_KEYS as readonly string[]).includes(k))
  const unknown = m.keys.filter(
    (k) => !(STEP_KEYS as readonly string[]).includes(k) && !(STEP_EXTRA as readonly string[]).includes(k),
  )
  for (const k of unknown)
    fail(ctx, m.keyNode(k), `${what}: unknown step "${k}"`, suggest(k, [...STEP_KEYS, ...STEP_EXTRA]))
  if (unknown.length > 0) return null
  if (actions.length !== 1)
    return fail(
      ctx,
      n,
      `${what}: a step has exactly one action, found ${actions.length === 0 ? "none" : actions.join(" and ")}`,
      "split it into separate list items, one per action",
    )
  const kind = actions[0] as (typeof STEP_KEYS)[number]
  const comment = has(m, "note") ? (str(ctx, m.get("note"), `${what}.note`) ?? undefined) : undefined
  const body = PARSERS[kind](ctx, sc, m.get(kind), `${what}.${kind}`)
  if (body === null) return null
  return { ...body, pos: posAt(ctx, m.keyNode(kind)), ...(comment !== undefined ? { comment } : {}) }
}
