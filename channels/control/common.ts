// What the control API's routers share: the twin named by the `:id` path parameter and the
// answer for a bad field.
import type { Context } from "hono"
import { twinNotFoundBody } from "../edge/twin.ts"
import type { TwinCore } from "../../core/engine/twin-core.ts"
import type { ChannelDeps } from "../context.ts"

export const bad = (field: string, message: string) => ({
  error: { code: "INVALID_FIELD", field, message: `${field}: ${message}`, ru: "Неверный запрос" },
})

/** The twin of `:id`, or the 404 answer naming the `twin` field. */
export const twinOr404 = (deps: ChannelDeps, c: Context): TwinCore | Response => {
  const id = c.req.param("id") ?? ""
  return deps.registry.get(id) ?? c.json(twinNotFoundBody(id), 404)
}
