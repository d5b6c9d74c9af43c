// A command's result type comes from its rule in the rule table (core/rules/index.ts ResultOf):
// the caller of TwinCore.execute names no type. The type checks run in `npm run typecheck`; the
// values are checked here at run time.
import { Result } from "effect"
import { describe, expect, expectTypeOf, it } from "vitest"
import type { DomainError } from "../../core/domain/errors.ts"
import type { Outcome, ResultOf } from "../../core/engine/twin-core.ts"
import { addSub, newTwin, rub, run } from "../helpers/twin.ts"

const A = "79160000002"

describe("typed command results (rule table)", () => {
  it("R22: Login returns the token and number its rule declares", () => {
    const t = newTwin()
    addSub(t, A, "smart")
    run(t, { _tag: "SetPassword", msisdn: A, password: "Moscow2026" })
    const v = run(t, { _tag: "Login", msisdn: A, secret: "Moscow2026", channel: "lk" }).value
    expectTypeOf(v).toEqualTypeOf<{ token: string; msisdn: string }>()
    expect(v.msisdn).toBe(A)
    expect(v.token).toMatch(/^[0-9a-f]{32,}$/)
  })

  it("R9, R19: TopUp returns the new balance; Block, a rule without a value, returns undefined", () => {
    const t = newTwin()
    addSub(t, A, "smart", rub(100))
    const r = t.execute({ _tag: "TopUp", msisdn: A, amount: rub(50), method: "card" })
    expectTypeOf(r).toEqualTypeOf<Result.Result<Outcome<{ balance: number }>, DomainError>>()
    expect(Result.isSuccess(r) && r.success.value).toEqual({ balance: rub(150) })
    const b = run(t, { _tag: "Block", msisdn: A }).value
    expectTypeOf(b).toEqualTypeOf<undefined>()
    expect(b).toBeUndefined()
    expectTypeOf<ResultOf<"Block">>().toEqualTypeOf<undefined>()
    expectTypeOf<ResultOf<"Transfer">>().toEqualTypeOf<{ amount: number; fee: number }>()
  })
})
