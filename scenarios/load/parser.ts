// The shape of a step parser (one module per step kind) and the helper most of them share.
import type { StepBody } from "../model.ts"
import type { Ctx, Entries, N, StepCtx } from "./ctx.ts"
import { msisdnOf } from "./fields.ts"

/** Parse the body of one step (`n`, the value under its action key); `what` names it in errors ("steps[3].ussd"). */
export type StepParser = (ctx: Ctx, sc: StepCtx, n: N, what: string) => StepBody | null

/** The subscriber a step acts for (key `k` of its mapping); remembered for a later `expect` without msisdn. */
export const who = (ctx: Ctx, sc: StepCtx, m: Entries, what: string, k = "msisdn"): string | null => {
  const s = msisdnOf(ctx, m.get(k), `${what}.${k}`)
  if (s !== null) sc.last = s
  return s
}
