// Test helpers: a fresh twin on an in-memory SQLite store, and unwrapping of results.
import { Result } from "effect"
import { expect } from "vitest"
import { defaultCatalog } from "../../core/catalog/default.ts"
import { indexCatalog, type CatalogIndex } from "../../core/catalog/load.ts"
import type { Command, CommandOf, CommandTag } from "../../core/domain/commands.ts"
import type { DomainError } from "../../core/domain/errors.ts"
import { parseInstant } from "../../core/domain/time.ts"
import { Registry } from "../../core/engine/registry.ts"
import type { Outcome, ResultOf, TwinCore } from "../../core/engine/twin-core.ts"
import { inboxOf } from "../../core/engine/views.ts"

/** The default catalog with a cheap scrypt cost, so auth-heavy tests and properties run fast. */
export const fastCatalog = (): CatalogIndex =>
  indexCatalog({ ...defaultCatalog, auth: { ...defaultCatalog.auth, scryptN: 16 } })

export const T0 = parseInstant("2026-06-01T09:00:00+03:00") as number

export interface TestTwin {
  twin: TwinCore
  registry: Registry
}

export const newTwin = (
  o: { seed?: string; demo?: boolean; start?: number; catalog?: CatalogIndex } = {},
): TwinCore => {
  const registry = Registry.open(":memory:", {
    createDefault: false,
    catalog: o.catalog ?? fastCatalog(),
    secrets: "replay",
  })
  return registry.create({ id: "t", seed: o.seed ?? "1", demo: o.demo ?? false, start: o.start ?? T0 })
}

export const run = <T extends CommandTag>(twin: TwinCore, c: CommandOf<T>): Outcome<ResultOf<T>> => {
  const r = twin.execute(c)
  if (Result.isFailure(r)) throw new Error(`${c._tag} failed: ${r.failure.code} ${r.failure.message}`)
  return r.success
}

export const fails = (twin: TwinCore, c: Command): DomainError => {
  const r = twin.execute(c)
  if (Result.isSuccess(r)) throw new Error(`${c._tag} was expected to fail but succeeded`)
  return r.failure
}

export const rub = (r: number): number => r * 100

export const addSub = (
  twin: TwinCore,
  msisdn: string,
  tariff = "my-mts",
  balance = rub(2000),
  extra: Partial<CommandOf<"CreateSubscriber">> = {},
): void => {
  run(twin, { _tag: "CreateSubscriber", msisdn, name: `Абонент ${msisdn.slice(-4)}`, tariff, balance, ...extra })
}

export const sub = (twin: TwinCore, msisdn: string) => {
  const s = twin.state.subscribers.get(msisdn)
  if (s === undefined) throw new Error(`no subscriber ${msisdn}`)
  return s
}

/** The last SMS a handset received (optionally from a sender). */
export const lastSms = (twin: TwinCore, msisdn: string, from?: string): string => {
  sub(twin, msisdn)
  const inbox = inboxOf(twin, msisdn).filter((m) => from === undefined || m.from === from)
  const m = inbox[inbox.length - 1]
  if (m === undefined) throw new Error(`no SMS for ${msisdn}${from ? ` from ${from}` : ""}`)
  return m.text
}

/** A code in the last SMS from `from` (digits of 4 to 6). */
export const codeFrom = (twin: TwinCore, msisdn: string, from: string): string => {
  const m = /(?<!\d)(\d{4,6})(?!\d)/.exec(lastSms(twin, msisdn, from))
  if (m === null) throw new Error(`no code in the last SMS from ${from}`)
  return m[1] as string
}

/** Run `f` and check it left the twin's state hash and event log as they were. */
export const unchanged = (twin: TwinCore, f: () => void): void => {
  const h = twin.hash()
  const n = twin.log.count()
  f()
  expect(twin.hash()).toBe(h)
  expect(twin.log.count()).toBe(n)
}

/** The handset inbox (SMS delivered to `msisdn`), oldest first. */
export const inbox = (twin: TwinCore, msisdn: string) => {
  sub(twin, msisdn)
  return inboxOf(twin, msisdn)
}
