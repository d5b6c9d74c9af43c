// Child process of the "kill -9 during a flush" test: opens the database given as argv[2],
// acknowledges a few commands (printing "ACK <seq> <hash>" once each is durable), then starts a
// long advance whose write is interrupted by SIGKILL from inside the store's transaction, after
// some of its rows were already written. Nothing after the last ACK may survive.
import { Registry } from "../../core/engine/registry.ts"
import { fastCatalog, T0 } from "../helpers/twin.ts"

const db = process.argv[2] as string
const killAt = Number(process.argv[3] ?? "3")
let armed = false
let rows = 0
const reg = Registry.open(db, {
  createDefault: false,
  catalog: fastCatalog(),
  store: {
    faults: (point) => {
      if (!armed) return
      if (++rows === killAt) {
        // (stdout to a pipe is synchronous on Linux: the line is out before the signal.)
        process.stdout.write(`KILL ${point}\n`)
        process.kill(process.pid, "SIGKILL")
        // Block the transaction until the signal lands: the write never commits.
        const until = Date.now() + 10_000
        while (Date.now() < until) {
          /* waiting for SIGKILL */
        }
      }
    },
  },
})
const t = reg.create({ id: "k", seed: "9", demo: true, start: T0 })
for (let i = 0; i < 5; i++) {
  const r = t.execute({ _tag: "TopUp", msisdn: "79160000001", amount: 1_000 + i, method: "card" })
  if (r._tag === "Failure") throw new Error(r.failure.message)
  process.stdout.write(`ACK ${t.state.seq} ${t.hash()}\n`)
}
armed = true
// One advance of a month in one step: many rows in one transaction; the kill lands mid-way.
void t.advanceTo(T0 + 31 * 86_400_000)
process.stdout.write("NOT KILLED\n")
