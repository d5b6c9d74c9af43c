// Plant a bug in the rules for the length of a test: the dispatch table (core/rules/index.ts) is
// read on every command, so a wrapped rule changes what this process's twins do, scenario runs
// in-process included, until the returned function puts the rule back.
import type { CommandOf, CommandTag } from "../../core/domain/commands.ts"
import type { Ctx, RuleResult } from "../../core/rules/context.ts"
import { RULES } from "../../core/rules/index.ts"

type Rule<T extends CommandTag> = (ctx: Ctx, c: CommandOf<T>) => RuleResult<unknown>

const plant = <T extends CommandTag>(tag: T, wrap: (orig: Rule<T>) => Rule<T>): (() => void) => {
  const table = RULES as unknown as Record<CommandTag, Rule<T>>
  const orig = table[tag]
  table[tag] = wrap(orig)
  return () => {
    table[tag] = orig
  }
}

/** R10 bug: a promised payment is granted while one is open (they stack). */
export const plantPromisedStacking = (): (() => void) =>
  plant("PromisedPayment", (orig) => (ctx, c) => {
    const s = ctx.state.subscribers.get(c.msisdn)
    const open = s?.promised ?? null
    if (s !== undefined) s.promised = null
    try {
      return orig(ctx, c)
    } finally {
      if (s !== undefined) s.promised = open
    }
  })
