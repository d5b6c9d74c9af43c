// Who is on the line: the twin and the calling number (R28: the network identifies the
// subscriber). A USSD dialogue acts with exactly this; an IVR call adds the call's own state.
import type { TwinCore } from "../../core/engine/twin-core.ts"

export interface Caller {
  readonly twin: TwinCore
  readonly msisdn: string
}
