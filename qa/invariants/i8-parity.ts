// I8 Channel parity: every channel that shows a fact shows the same value (the balance through
// USSD *100#, IVR 111→1→1, LK, app and kiosk). Checked on the parity steps of a channel executor.
import type { Invariant } from "./types.ts"

export const i8Parity: Invariant = {
  id: "I8",
  title: "every channel that shows the balance shows the same value",
  check(c) {
    if (c.step.t !== "parity") return null
    if (c.outcome.code === "PARITY_MISMATCH") return c.outcome.detail ?? "channels disagree"
    if (c.outcome.code === "NO_CHANNEL") return "a parity step ran without a channel executor"
    return null
  },
}
