// Post/redirect/get for the HTML channels (LK, kiosk): a form action answers 303 See Other to a
// page that shows its outcome, so a reload repeats the GET, never the action. The outcome (a
// notice, a screen) waits in a bounded in-memory box under a random id carried in the query.
import type { Context } from "hono"
import { randomToken } from "./security.ts"

export const FLASH_PARAM = "flash"

/** Outcomes of recent actions by random id; the oldest is dropped beyond `max` (bounded memory). */
export class FlashBox<T> {
  private readonly items = new Map<string, T>()
  constructor(private readonly max = 10_000) {}

  put(v: T): string {
    const id = randomToken()
    this.items.set(id, v)
    if (this.items.size > this.max) {
      const oldest = this.items.keys().next()
      if (oldest.done !== true) this.items.delete(oldest.value)
    }
    return id
  }

  /** The outcome named by the request's `flash` query parameter, if it is still held. */
  of(c: Context): T | null {
    const id = c.req.query(FLASH_PARAM)
    return id === undefined ? null : (this.items.get(id) ?? null)
  }
}

/** Answer 303 See Other to `location` (a path with its query) plus the flash id. */
export const seeOther = (c: Context, location: string, flashId: string): Response =>
  c.redirect(`${location}${location.includes("?") ? "&" : "?"}${FLASH_PARAM}=${flashId}`, 303)
