// Every invariant checker, run after every step of a QA journey.
import { i1Money } from "./i1-money.ts"
import { i2Blocked } from "./i2-blocked.ts"
import { i3Zabugorishche } from "./i3-zabugorishche.ts"
import { i4Family } from "./i4-family.ts"
import { i5Packages } from "./i5-packages.ts"
import { i6Lockouts } from "./i6-lockouts.ts"
import { i7Replay } from "./i7-replay.ts"
import { i8Parity } from "./i8-parity.ts"
import { i9Access } from "./i9-access.ts"
import { amountsOracle } from "./oracle.ts"
import type { AnyInvariant } from "./types.ts"

export {
  amountsOracle,
  isRussianPeer,
  promisedPaymentFee,
  startedMegabytes,
  startedMinutes,
  tariffMonthlyFee,
  usagePrice,
  zabugorishchePrice,
  type Expected,
  type OracleState,
} from "./oracle.ts"
export { i1Money, i2Blocked, i3Zabugorishche, i4Family, i5Packages, i6Lockouts, i7Replay, i8Parity, i9Access }
export { Shadow, type ShadowSub } from "./shadow.ts"
export type { AnyInvariant, CheckerId, Invariant, InvariantId, Regression, StepCheck } from "./types.ts"

/** The core invariants and the amounts oracle (I8, channel parity, is added by the channel runner when channels exist). */
export const CORE_INVARIANTS: readonly AnyInvariant[] = [
  i1Money,
  i2Blocked,
  i3Zabugorishche,
  i4Family,
  i5Packages,
  i6Lockouts,
  i7Replay,
  i9Access,
  amountsOracle,
]
/** Every invariant, I8 included: for journeys on the channel executor (qa/channels.ts). */
export const ALL_INVARIANTS: readonly AnyInvariant[] = [...CORE_INVARIANTS, i8Parity]
