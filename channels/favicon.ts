// The twin's icon (an MTS-red square with a white egg), served at /favicon.ico and /favicon.svg so
// no page of any channel asks for an icon that is not there.
import type { Hono } from "hono"

export const FAVICON_SVG =
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" ` +
  `height="64" rx="14" fill="#e30611"/><ellipse cx="32" cy="34" rx="15" ry="19" fill="#fff"/></svg>`

/** What a page's <link rel="icon"> points at. */
export const FAVICON_LINK = "/favicon.svg"

export const mountFavicon = (app: Hono): void => {
  const answer = () =>
    new Response(FAVICON_SVG, { headers: { "content-type": "image/svg+xml", "cache-control": "max-age=86400" } })
  app.get("/favicon.svg", answer)
  app.get("/favicon.ico", answer)
}
