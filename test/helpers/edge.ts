// Test helpers for the edge (issue 14): what a handset on the operator's mobile data carries (the
// network identity the gateway inserts, R26) and what a holder of the control token sends.
import { CONTROL_COOKIE } from "../../channels/edge/guard.ts"
import { NETWORK_IDENTITY_HEADER } from "../../channels/edge/network.ts"
import type { TwinCore } from "../../core/engine/twin-core.ts"

/** The headers of a request from handset `msisdn` on MTS mobile data (R26). */
export const onMobileData = (twin: TwinCore, msisdn: string): Record<string, string> => ({
  [NETWORK_IDENTITY_HEADER]: twin.networkIdentity(msisdn),
})

/** The header that carries the control token. */
export const controlAuth = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` })

/** The control token as the console's cookie (leaves Authorization free for an LK/app session). */
export const controlCookie = (token: string): Record<string, string> => ({ cookie: `${CONTROL_COOKIE}=${token}` })
