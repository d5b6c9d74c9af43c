// The Effect layer around the engine: the registry as a scoped service, typed domain errors.
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { execute, getTwin, TwinRegistry } from "../../core/engine/services.ts"

describe("Effect services", () => {
  it("runs a command through TwinRegistry and catches a typed DomainError with catchTag", async () => {
    const program = Effect.gen(function* () {
      const ok = yield* execute("default", { _tag: "TopUp", msisdn: "79160000002", amount: 50_000, method: "card" })
      const refused = yield* execute("default", {
        _tag: "TopUp",
        msisdn: "79160000002",
        amount: -1,
        method: "card",
      }).pipe(
        Effect.map(() => "accepted"),
        Effect.catchTag("DomainError", (e) => Effect.succeed(`${e.code}:${e.field}`)),
      )
      const twin = yield* getTwin("default")
      return { events: ok.events.length, refused, balance: twin.state.subscribers.get("79160000002")?.balance }
    })
    const r = await Effect.runPromise(program.pipe(Effect.provide(TwinRegistry.test), Effect.scoped))
    expect(r).toEqual({ events: 2, refused: "INVALID_FIELD:amount", balance: 100_000 })
  })

  it("an unknown twin is a typed TwinNotFound", async () => {
    const r = await Effect.runPromise(
      getTwin("nope").pipe(
        Effect.map(() => "found"),
        Effect.catchTag("TwinNotFound", (e) => Effect.succeed(`missing ${e.id}`)),
        Effect.provide(TwinRegistry.test),
        Effect.scoped,
      ),
    )
    expect(r).toBe("missing nope")
  })
})
