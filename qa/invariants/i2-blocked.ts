// I2 No usage is rated while blocked (voluntary or financial, except incoming at home);
// and no fee is taken for a period spent voluntarily blocked (R19).
import { Shadow } from "./shadow.ts"
import { isAbroad, walk, type Invariant } from "./types.ts"

export const i2Blocked: Invariant = {
  id: "I2",
  title: "nothing is rated while blocked (voluntary or financial; incoming at home excepted)",
  check(c) {
    return walk(c, (e, at) => {
      if (at === undefined) return null
      if (e.type === "UsageRated") {
        // Status as it was when the usage arrived: before this step.
        const pre = c.before.get(e.msisdn)
        const why = pre === undefined ? null : Shadow.blocked(pre)
        if (why === "voluntary")
          return `usage seq ${e.seq} (${e.kind} ${e.direction}) of ${e.msisdn} rated while voluntarily blocked`
        if (why === "financial" && !(e.direction === "in" && !isAbroad(e.where))) {
          return (
            `usage seq ${e.seq} (${e.kind} ${e.direction} at ${e.where}) of ${e.msisdn} ` +
            `rated while financially blocked (balance ${pre?.ledgerBalance})`
          )
        }
      }
      if (e.type === "Money" && (e.reason === "fee-monthly" || e.reason === "fee-daily") && at.voluntaryBlock) {
        return `${e.reason} seq ${e.seq} (${e.amount}) charged to ${e.msisdn} while voluntarily blocked (R19)`
      }
      if (e.type === "Money" && e.reason === "fee-daily" && Shadow.blocked(at) !== null) {
        return `daily fee seq ${e.seq} charged to ${e.msisdn} while blocked`
      }
      return null
    })
  },
}
