// Twin lookup at the edge: every router answers an unknown twin the same way (404, code
// TWIN_NOT_FOUND, field "twin"), as JSON for the APIs and as a short page for the HTML channels.
import type { Context } from "hono"

export const TWIN_NOT_FOUND_RU = "Двойник не найден"

/** The JSON body of the answer for an unknown twin `id`. */
export const twinNotFoundBody = (id: string) =>
  ({
    error: {
      code: "TWIN_NOT_FOUND",
      field: "twin",
      message: `twin: no twin "${id.slice(0, 64)}"`,
      ru: TWIN_NOT_FOUND_RU,
    },
  }) as const

/** The HTML answer for an unknown twin (LK and kiosk pages). */
export const twinNotFoundPage = (c: Context): Response | Promise<Response> => c.html(`<p>${TWIN_NOT_FOUND_RU}</p>`, 404)
