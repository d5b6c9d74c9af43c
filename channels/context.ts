// What every channel router gets: the registry of twins. A request picks its twin with the
// `X-Twin` header or the `twin` query parameter (default: the default twin).
import type { Context } from "hono"
import type { Registry } from "../core/engine/registry.ts"
import type { TwinCore } from "../core/engine/twin-core.ts"

export interface ChannelDeps {
  readonly registry: Registry
}

export const TWIN_HEADER = "x-twin"

export const twinIdOf = (c: Context): string => c.req.header(TWIN_HEADER) ?? c.req.query("twin") ?? "default"

/** The request's twin, or null when the id is unknown (the caller answers 404). */
export const twinOf = (deps: ChannelDeps, c: Context): TwinCore | null => deps.registry.get(twinIdOf(c)) ?? null

// The one mapping from domain errors to HTTP answers lives at the edge (channels/edge/errors.ts).
export { errorBody, statusFor } from "./edge/errors.ts"
