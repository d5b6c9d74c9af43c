// R26 at the edge: a login by network identification is allowed only for a request that carries
// a network identity the twin issued to an attached handset (core/rules/network-identity.ts), as
// the operator's gateway inserts it on a real network. The number comes from that identity, never
// from the body; a body number that differs is refused. Handsets get their identity from the
// control API (POST /api/twins/:id/subscribers/:msisdn/network-identity), which the console's phone,
// the scenario runner and the web drivers use.
import type { Context } from "hono"
import { getCookie } from "hono/cookie"
import { Result } from "effect"
import { err, type DomainError } from "../../core/domain/errors.ts"
import type { TwinCore } from "../../core/engine/twin-core.ts"

export const NETWORK_IDENTITY_HEADER = "x-network-identity"
/** A browser handset (the console's LK page) carries it as this cookie instead. */
export const NETWORK_IDENTITY_COOKIE = "twin_network_identity"

const unavailable = (why: string): DomainError =>
  err(
    "NETWORK_ID_UNAVAILABLE",
    `${NETWORK_IDENTITY_HEADER}: ${why}; log in with a password`,
    "Автоматический вход доступен только через мобильный интернет МТС",
    NETWORK_IDENTITY_HEADER,
  )

/** The number the network vouches for on this request (`claimed`, if given, must be it). */
export const networkMsisdn = (twin: TwinCore, c: Context, claimed?: string): Result.Result<string, DomainError> => {
  const value = c.req.header(NETWORK_IDENTITY_HEADER) ?? getCookie(c, NETWORK_IDENTITY_COOKIE)
  if (value === undefined || value === "")
    return Result.fail(
      unavailable(
        "no network identity on this request (the operator's gateway inserts it for a handset on MTS mobile data)",
      ),
    )
  const msisdn = twin.networkIdentityMsisdn(value)
  if (msisdn === null) return Result.fail(unavailable("not a network identity this twin issued"))
  if (claimed !== undefined && claimed !== "" && claimed !== msisdn) {
    return Result.fail(
      err(
        "NOT_AUTHORIZED",
        `msisdn: the network identifies this handset as another number than ${claimed}`,
        "Нет доступа к этому номеру",
        "msisdn",
      ),
    )
  }
  return Result.succeed(msisdn)
}
