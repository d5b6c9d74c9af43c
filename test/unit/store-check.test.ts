// Assertions on replay (I7) and in the fold: a corrupted log (a bad field, a missing chunk, an
// unreadable line) and a broken invariant (a Money event for an unknown subscriber, a package
// drawn below zero, a seq gap) stop loudly with an error naming the twin, seq and field, instead of
// folding into a wrong state.
import Database from "better-sqlite3"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { simCatalog } from "../../sim/catalog.ts"
import { generateGroups } from "../../sim/population.ts"
import { Partition, TWIN_START } from "../../sim/partition.ts"
import type { Event, Money, SubscriberCreated, UsageRated } from "../../core/domain/events.ts"
import { TwinCore } from "../../core/engine/twin-core.ts"
import { apply, FoldError } from "../../core/state/apply.ts"
import { emptyState } from "../../core/state/model.ts"
import { LogCorruptError, openStore } from "../../core/store/event-log.ts"

const dir = mkdtempSync(join(tmpdir(), "twin-check-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let files = 0
const TWIN = "sim-p0"
const SEED = "store-check/p0of1"
const catalog = simCatalog()

/** The events of a small population's setup and first day, written to a fresh store file in chunks of 50. */
const events = (() => {
  const p = new Partition("store-check", 0, 1, generateGroups("store-check", 40), { kind: "memory" })
  p.setup()
  p.runDay(0)
  return [...p.twin.log.read(0)]
})()

const writeLog = (): string => {
  const path = join(dir, `c${files++}.sqlite`)
  const store = openStore(path)
  const log = store.log(TWIN)
  events.forEach((e, i) => {
    log.append(e)
    if ((i + 1) % 50 === 0) log.flush()
  })
  store.close()
  return path
}

/** Rewrite the chunk holding seq `seq`: `edit` gets its lines and returns them changed. */
const editChunk = (path: string, seq: number, edit: (lines: string[], k: number) => string[]): void => {
  const db = new Database(path)
  const row = db
    .prepare(
      "SELECT first_seq AS firstSeq, data FROM event_chunks WHERE twin_id = ? AND first_seq <= ? AND last_seq >= ?",
    )
    .get(TWIN, seq, seq) as { firstSeq: number; data: Buffer }
  const lines = row.data.toString("utf8").replace(/\n$/, "").split("\n")
  const next = `${edit(lines, seq - row.firstSeq).join("\n")}\n`
  db.prepare("UPDATE event_chunks SET data = ? WHERE twin_id = ? AND first_seq = ?").run(
    Buffer.from(next, "utf8"),
    TWIN,
    row.firstSeq,
  )
  db.close()
}

/** Replay the twin of a store file from its log, as `twin serve` does without a snapshot. */
const replay = (path: string): unknown => {
  const store = openStore(path)
  try {
    return TwinCore.replay({ id: TWIN, seed: SEED, start: TWIN_START, catalog, log: store.log(TWIN) })
  } finally {
    store.close()
  }
}

const thrown = (f: () => unknown): Error => {
  try {
    f()
  } catch (e) {
    return e as Error
  }
  throw new Error("expected an error")
}

describe("I7 replay: events are decoded and checked when the log is read", () => {
  it("I7: an intact log replays (the checks accept every event the simulation writes)", () => {
    const path = writeLog()
    const store = openStore(path)
    expect([...store.log(TWIN).read(0)]).toEqual(events)
    expect([...store.log(TWIN).read(17)]).toEqual(events.slice(17))
    store.close()
    expect(replay(path)).toMatchObject({ seq: events.length })
  })

  it("I7: a Money event whose amount is not a whole number stops the replay, naming twin, seq and field", () => {
    const money = events.find((e): e is Money => e.type === "Money") as Money
    const path = writeLog()
    editChunk(path, money.seq, (lines, k) => {
      lines[k] = JSON.stringify({ ...money, amount: "12.50" })
      return lines
    })
    const err = thrown(() => replay(path))
    expect(err).toBeInstanceOf(LogCorruptError)
    expect(err.message).toBe(
      `event log of twin "${TWIN}" is corrupt at seq ${money.seq}: Money.amount is not a whole number (got "12.50")`,
    )
    expect(err).toMatchObject({ twin: TWIN, seq: money.seq, field: "Money.amount" })
  })

  it("I7: a compact usage line with a broken number stops the read at its seq", () => {
    const usage = events.find((e): e is UsageRated => e.type === "UsageRated") as UsageRated
    const path = writeLog()
    editChunk(path, usage.seq, (lines, k) => {
      const f = (lines[k] as string).split("\t")
      f[8] = "1x0" // cost
      lines[k] = f.join("\t")
      return lines
    })
    const store = openStore(path)
    const err = thrown(() => [...store.log(TWIN).read(0)])
    store.close()
    expect(err.message).toBe(
      `event log of twin "${TWIN}" is corrupt at seq ${usage.seq}: UsageRated.cost is not a whole number (got null)`,
    )
  })

  it("I7: an event of an unknown type, or a line that is no event, stops the read", () => {
    const path = writeLog()
    editChunk(path, 5, (lines, k) => {
      lines[k] = JSON.stringify({ ...events[4], type: "MoneyMoved" })
      return lines
    })
    const store = openStore(path)
    expect(thrown(() => [...store.log(TWIN).read(0)]).message).toBe(
      `event log of twin "${TWIN}" is corrupt at seq 5: type is not an event type (got "MoneyMoved")`,
    )
    store.close()
    const path2 = writeLog()
    editChunk(path2, 7, (lines, k) => {
      lines[k] = "{not json"
      return lines
    })
    const err = thrown(() => replay(path2))
    expect(err).toBeInstanceOf(LogCorruptError)
    expect(err.message).toMatch(new RegExp(`^event log of twin "${TWIN}" is corrupt at seq 7: line cannot be decoded`))
  })

  it("I7: a missing chunk (a gap in the seqs) stops the replay at the first missing seq", () => {
    const path = writeLog()
    const db = new Database(path)
    db.prepare("DELETE FROM event_chunks WHERE twin_id = ? AND first_seq = 51").run(TWIN)
    db.close()
    const err = thrown(() => replay(path))
    expect(err).toBeInstanceOf(LogCorruptError)
    expect(err.message).toBe(
      `event log of twin "${TWIN}" is corrupt at seq 51: seq jumps to 101: events 51..100 are missing`,
    )
  })

  it("I7: a per-number query checks the events it returns too", () => {
    const money = events.find((e): e is Money => e.type === "Money") as Money
    const path = writeLog()
    editChunk(path, money.seq, (lines, k) => {
      lines[k] = JSON.stringify({ ...money, reason: 7 })
      return lines
    })
    const store = openStore(path)
    expect(thrown(() => store.log(TWIN).query(money.msisdn, 0, Number.MAX_SAFE_INTEGER)).message).toBe(
      `event log of twin "${TWIN}" is corrupt at seq ${money.seq}: Money.reason is not text (got 7)`,
    )
    store.close()
  })
})

describe("fold assertions: a broken invariant throws instead of spreading", () => {
  const created = events.find((e): e is SubscriberCreated => e.type === "SubscriberCreated") as SubscriberCreated
  const fresh = () => emptyState(SEED, TWIN_START, TWIN_START + 86_400_000)
  const money = (seq: number, msisdn: string): Money => ({
    type: "Money",
    msisdn,
    amount: -100,
    reason: "fee-monthly",
    ref: "test",
    seq,
    at: TWIN_START,
  })

  it("I1: a Money event for an unknown subscriber stops the fold, naming seq and field", () => {
    const state = fresh()
    const err = thrown(() => apply(state, money(1, "79990000000"), catalog))
    expect(err).toBeInstanceOf(FoldError)
    expect(err.message).toBe(
      "apply: seq 1 Money.msisdn names 79990000000, who is not a subscriber (corrupt log or a rule's bug)",
    )
  })

  it("I7: an event that does not follow the state's seq (gap or repeat) stops the fold", () => {
    const state = fresh()
    apply(state, { ...created, seq: 1 }, catalog)
    expect(thrown(() => apply(state, money(3, created.msisdn), catalog)).message).toBe(
      "apply: seq 3 Money.seq does not follow seq 1 (corrupt log or a rule's bug)",
    )
    expect(thrown(() => apply(state, money(1, created.msisdn), catalog)).message).toMatch(/seq 1 Money\.seq does not/)
    apply(state, money(2, created.msisdn), catalog)
    expect(state.seq).toBe(2)
  })

  it("I5: a usage draw that takes a package below zero (or one it lacks) stops the fold", () => {
    const state = fresh()
    apply(state, { ...created, seq: 1 }, catalog)
    const pkg = state.subscribers.get(created.msisdn)?.packages[0]
    if (pkg === undefined) throw new Error("the sample subscriber has no package")
    const left = pkg.left
    const usage = (seq: number, id: string, take: number): Event => ({
      type: "UsageRated",
      msisdn: created.msisdn,
      kind: "call",
      direction: "out",
      peer: "79031112233",
      where: "home",
      volume: 60,
      units: 1,
      draws: [[id, take]],
      cost: 0,
      seq,
      at: TWIN_START,
    })
    expect(thrown(() => apply(state, usage(2, pkg.id, left + 1), catalog)).message).toBe(
      `apply: seq 2 UsageRated.draws takes ${left + 1} from package ${pkg.id}, leaving -1 ` +
        "(I5: a package never goes below zero) (corrupt log or a rule's bug)",
    )
    const state2 = fresh()
    apply(state2, { ...created, seq: 1 }, catalog)
    expect(thrown(() => apply(state2, usage(2, "tariff:nothing", 1), catalog)).message).toBe(
      "apply: seq 2 UsageRated.draws takes 1 from package tariff:nothing, which the subscriber does not have " +
        "(corrupt log or a rule's bug)",
    )
  })
})
