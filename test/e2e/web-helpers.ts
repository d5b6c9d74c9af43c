// Shared setup for the web channel e2e tests: one app over an in-memory registry, a twin with
// known subscribers, the drivers, and a tiny cookie jar for the HTML pages.
import { expect } from "vitest"
import { Registry } from "../../core/engine/registry.ts"
import { indexCatalog } from "../../core/catalog/load.ts"
import type { TwinCore } from "../../core/engine/twin-core.ts"
import { makeApp } from "../../server/app.ts"
import { makeWebDrivers } from "../../channels/web-driver.ts"
import { sessionCsrf } from "../../channels/security.ts"
import { addSub, codeFrom, fastCatalog, rub, T0 } from "../helpers/twin.ts"

export const A = "79161110001"
export const B = "79161110002"
export const C = "79161110003"

/** `codeRequestsPerHour`: switch on the catalog's anti-flood limit on code requests (off by default, R23). */
export const setup = (o: { demo?: boolean; codeRequestsPerHour?: number } = {}) => {
  const base = fastCatalog()
  const catalog =
    o.codeRequestsPerHour === undefined
      ? base
      : indexCatalog({ ...base.data, auth: { ...base.data.auth, codeRequestsPerHour: o.codeRequestsPerHour } })
  const registry = Registry.open(":memory:", { createDefault: false, catalog })
  const twin = registry.create({ id: "w", seed: "7", demo: o.demo ?? false, start: T0 })
  const http = makeApp({ registry })
  const fetcher = (req: Request): Promise<Response> => Promise.resolve(http.fetch(req))
  const drivers = makeWebDrivers(fetcher, "w")
  /** `http` is the hono app; `lk`, `app`, `kiosk` are the web drivers. */
  return { registry, twin, http, fetcher, lk: drivers.lk, app: drivers.app, kiosk: drivers.kiosk }
}

export const withSubs = (twin: TwinCore): void => {
  addSub(twin, A, "my-mts", rub(2000), { name: "Иванова Мария Петровна", passport: "4510 123456" })
  addSub(twin, B, "smart", rub(500))
  addSub(twin, C, "super", rub(100))
}

/** JSON request helper for app.request. */
export const json = (
  method: string,
  body?: unknown,
  token?: string,
  extra: Record<string, string> = {},
): RequestInit => ({
  method,
  headers: {
    "x-twin": "w",
    "content-type": "application/json",
    ...(token !== undefined ? { authorization: `Bearer ${token}` } : {}),
    ...extra,
  },
  ...(body !== undefined ? { body: typeof body === "string" ? body : JSON.stringify(body) } : {}),
})

export const otpOf = (twin: TwinCore, msisdn: string): string => codeFrom(twin, msisdn, "3339")

/** A minimal cookie jar for HTML flows through app.request. */
export class Jar {
  private readonly cookies = new Map<string, string>()
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ")
  }
  take(res: Response): void {
    for (const sc of res.headers.getSetCookie()) {
      const [pair] = sc.split(";")
      const i = (pair ?? "").indexOf("=")
      if (i <= 0 || pair === undefined) continue
      const k = pair.slice(0, i).trim()
      const v = pair.slice(i + 1).trim()
      if (v === "" || /Max-Age=0/i.test(sc)) this.cookies.delete(k)
      else this.cookies.set(k, v)
    }
  }
  get(name: string): string | undefined {
    return this.cookies.get(name)
  }
}

/** The hidden CSRF field value of a rendered form. */
export const csrfIn = (html: string): string => {
  const m = /name="_csrf" value="([a-f0-9]{32})"/.exec(html)
  if (m === null) throw new Error("no _csrf field in the page")
  return m[1] as string
}

type Http = { request: (path: string, init?: RequestInit) => Response | Promise<Response> }

/** A browser over app.request: keeps cookies, posts forms with the page's CSRF token. */
export class Browser {
  readonly jar = new Jar()
  last = ""
  constructor(
    private readonly http: Http,
    private readonly twin = "w",
  ) {}
  async get(path: string): Promise<Response> {
    const res = await this.http.request(path, { headers: { "x-twin": this.twin, cookie: this.jar.header() } })
    this.jar.take(res)
    this.last = await res.clone().text()
    return res
  }
  /** `headers`: extra request headers (e.g. the network identity of a handset on mobile data). */
  async post(
    path: string,
    fields: Record<string, string>,
    opts: { csrf?: string | null; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    if (this.jar.get("twin_csrf") === undefined) await this.get("/lk/login")
    // The form's token: bound to the session once logged in (what the page's hidden field holds).
    const session = this.jar.get("lk_session") ?? this.jar.get("kiosk_session")
    const csrf =
      opts.csrf === undefined ? (session !== undefined ? sessionCsrf(session) : this.jar.get("twin_csrf")) : opts.csrf
    const body = new URLSearchParams({ ...(csrf !== null && csrf !== undefined ? { _csrf: csrf } : {}), ...fields })
    const res = await this.http.request(path, {
      method: "POST",
      headers: {
        "x-twin": this.twin,
        cookie: this.jar.header(),
        "content-type": "application/x-www-form-urlencoded",
        ...opts.headers,
      },
      body: body.toString(),
    })
    this.jar.take(res)
    // Post/redirect/get: an action answers 303 to the page showing its outcome; follow it as a browser does.
    const to = res.status === 303 ? res.headers.get("location") : null
    if (to?.includes("flash=")) {
      this.redirected = res
      return this.get(to)
    }
    this.last = await res.clone().text()
    return res
  }
  /** The 303 answer of the last action that redirected (post/redirect/get). */
  redirected: Response | null = null
}

/** Visible text of an HTML page (tags dropped, entities for quotes/ampersands decoded). */
export const textOf = (html: string): string =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")

/** A logged-in LK browser session on a twin with A, B and C: phone → SMS code from 3339 → «Мой МТС» (R22). */
export const lkPagesLogin = async () => {
  const w = setup()
  withSubs(w.twin)
  const b = new Browser(w.http)
  await b.get("/lk/login")
  const code = await b.post("/lk/login/code", { msisdn: A })
  expect(code.status).toBe(200)
  expect(textOf(b.last)).toContain("Пароль отправлен в SMS с номера 3339")
  const res = await b.post("/lk/login", { msisdn: A, secret: otpOf(w.twin, A) })
  expect(res.status).toBe(303)
  expect(res.headers.get("location")).toBe("/lk")
  const cookie = res.headers.getSetCookie().find((x) => x.startsWith("lk_session="))
  expect(cookie).toMatch(/HttpOnly/i)
  expect(cookie).toMatch(/SameSite=Strict/i)
  return { w, b }
}
