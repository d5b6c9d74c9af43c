// Deterministic fault injection for the store (tests only; production never passes `faults`): a
// plan that fails chosen row writes inside the store's transactions, the way SQLite fails them on
// a full disk (SQLITE_FULL) or an I/O error (SQLITE_IOERR). A failed write rolls its whole
// transaction back, exactly as a real one does.
import type { WritePoint } from "./types.ts"

/** An injected store failure; `code` is SQLite's, so the engine treats it as a real one. */
export class StoreWriteError extends Error {
  override readonly name = "StoreWriteError"
  constructor(
    readonly code: "SQLITE_FULL" | "SQLITE_IOERR",
    point: WritePoint,
    n: number,
  ) {
    super(
      code === "SQLITE_FULL"
        ? `database or disk is full (injected at write #${n}, ${point})`
        : `disk I/O error (injected at write #${n}, ${point})`,
    )
  }
}

export interface FaultPlan {
  /** The hook to pass as `openStore(path, { faults })`. */
  readonly faults: (point: WritePoint, n: number) => void
  /** Row writes attempted so far (successful or not). */
  readonly writes: () => number
  /** Fail the write `after` writes from now (1 = the very next one), and every later one while `sticky`. */
  failAfter(after: number, o?: { code?: "SQLITE_FULL" | "SQLITE_IOERR"; sticky?: boolean; point?: WritePoint }): void
  /** Stop failing (space was freed). */
  heal(): void
  /** Writes that were made to fail. */
  readonly failed: () => number
}

export const faultPlan = (): FaultPlan => {
  let seen = 0
  let failAt = Number.POSITIVE_INFINITY
  let sticky = false
  let code: "SQLITE_FULL" | "SQLITE_IOERR" = "SQLITE_FULL"
  let only: WritePoint | null = null
  let failed = 0
  return {
    faults(point, n) {
      seen = n
      if (only !== null && point !== only) return
      if (n === failAt || (sticky && n > failAt)) {
        failed++
        throw new StoreWriteError(code, point, n)
      }
    },
    writes: () => seen,
    failAfter(after, o = {}) {
      failAt = seen + Math.max(1, after)
      sticky = o.sticky ?? false
      code = o.code ?? "SQLITE_FULL"
      only = o.point ?? null
    },
    heal() {
      failAt = Number.POSITIVE_INFINITY
      sticky = false
    },
    failed: () => failed,
  }
}
