// The USSD dialogue model: a screen is a menu (numbered items), a text (END after its last page)
// or a prompt for free input. Actions run inside `go`/`onInput`, exactly once per input.
import { Result } from "effect"
import type { CommandOf, CommandTag } from "../../core/domain/commands.ts"
import type { DomainError } from "../../core/domain/errors.ts"
import type { ResultOf, TwinCore } from "../../core/engine/twin-core.ts"

/** Who is dialling on which twin (R28: the calling number identifies the subscriber). */
export interface UssdCtx {
  readonly twin: TwinCore
  readonly msisdn: string
}

export interface Item {
  readonly key: string
  readonly label: string
  readonly go: (x: UssdCtx) => Node
}

export type Node =
  | { readonly kind: "menu"; readonly title: readonly string[]; readonly items: readonly Item[] }
  | { readonly kind: "text"; readonly lines: readonly string[]; readonly error?: DomainError }
  | {
      readonly kind: "prompt"
      readonly lines: readonly string[]
      readonly onInput: (x: UssdCtx, input: string) => Node
      readonly error?: DomainError
    }

export const menu = (title: readonly string[], items: readonly Item[]): Node => ({ kind: "menu", title, items })
export const text = (...lines: string[]): Node => ({ kind: "text", lines })
export const failed = (e: DomainError): Node => ({ kind: "text", lines: [e.ru], error: e })
export const prompt = (lines: readonly string[], onInput: (x: UssdCtx, input: string) => Node): Node => ({
  kind: "prompt",
  lines,
  onInput,
})

/** Keys 1..8, then 10, 11, …: 9 is «Далее» and 0 is «Назад». */
export const keyAt = (i: number): string => (i < 8 ? String(i + 1) : String(i + 2))

export const numbered = (entries: ReadonlyArray<{ label: string; go: (x: UssdCtx) => Node }>): Item[] =>
  entries.map((e, i) => ({ key: keyAt(i), label: e.label, go: e.go }))

/** Run a core command for the caller (by = msisdn, via = "ussd") and render its outcome. */
export const exec = <T extends CommandTag>(
  x: UssdCtx,
  cmd: CommandOf<T>,
  render: (value: ResultOf<T>) => Node,
): Node => {
  const r = x.twin.execute(cmd)
  return Result.isFailure(r) ? failed(r.failure) : render(r.success.value)
}

/** Read a view for the caller and render it, or show the core's refusal. */
export const read = <A>(r: Result.Result<A, DomainError>, render: (a: A) => Node): Node =>
  Result.isFailure(r) ? failed(r.failure) : render(r.success)
