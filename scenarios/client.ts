// The control API of one twin, over a Fetcher (app.fetch in-process, fetch against `twin serve`).
// Scenarios set up subscribers, drive the network and the clock, and read state only through it.
import { defaultCatalogIndex, type CatalogIndex } from "../core/catalog/load.ts"
import type { Event } from "../core/domain/events.ts"
import { textOf } from "../channels/text/events.ts"
import type { ErrorBody, Fetcher, InboxSms } from "../channels/driver.ts"
import type { AccountView, ChargeRecord } from "../core/engine/views.ts"

export interface CallResult<T> {
  readonly ok: boolean
  readonly status: number
  readonly error: ErrorBody | null
  readonly body: T | null
}

export interface TwinInfo {
  id: string
  now: number
  nowIso: string
  seq: number
  hash: string
}
export interface EventRow {
  seq: number
  at: number
  type: string
  msisdn?: string
  [k: string]: unknown
}

/** An event as a person reads it (the console's wording, the default catalog's names). */
export const eventRu = (e: EventRow): string => {
  try {
    return textOf(DEFAULT, e as unknown as Event)?.text ?? e.type
  } catch {
    return e.type
  }
}
const DEFAULT = {
  get cat() {
    return (catalog ??= defaultCatalogIndex())
  },
}
let catalog: CatalogIndex | undefined
export interface SubscriberRow {
  msisdn: string
  name: string
  tariff: string
  balance: number
}

const errorOf = (body: unknown): ErrorBody | null => {
  if (typeof body !== "object" || body === null || !("error" in body)) return null
  const e = (body as { error: unknown }).error
  return typeof e === "object" && e !== null && "code" in e ? (e as ErrorBody) : null
}

export class ControlClient {
  constructor(
    readonly fetcher: Fetcher,
    readonly base: string,
    readonly twinId: string,
  ) {}

  private async call<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<CallResult<T>> {
    const init: RequestInit = { method, headers: { "content-type": "application/json", accept: "application/json" } }
    if (body !== undefined) init.body = JSON.stringify(body)
    const res = await this.fetcher(new Request(`${this.base}${path}`, init))
    const text = await res.text()
    let json: unknown = null
    try {
      json = text === "" ? null : JSON.parse(text)
    } catch {
      json = null
    }
    const error =
      errorOf(json) ??
      (res.ok ? null : { code: `HTTP_${res.status}`, field: null, message: text.slice(0, 200), ru: "" })
    return { ok: res.ok && error === null, status: res.status, error, body: res.ok ? (json as T) : null }
  }

  private async must<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
    const r = await this.call<T>(method, path, body)
    if (!r.ok || r.body === null)
      throw new Error(`${method} ${path}: ${r.error?.code ?? r.status} ${r.error?.message ?? ""}`.trim())
    return r.body
  }

  private get t(): string {
    return `/api/twins/${encodeURIComponent(this.twinId)}`
  }

  /** `secret`: fix the twin's secret for replay (write-only: never returned). */
  create(seed: string, start: string, secret?: string): Promise<TwinInfo> {
    return this.must("POST", "/api/twins", {
      id: this.twinId,
      name: this.twinId,
      seed,
      start,
      demo: false,
      ...(secret !== undefined ? { secret } : {}),
    })
  }

  info(): Promise<TwinInfo> {
    return this.must("GET", this.t)
  }

  command(
    cmd: { readonly _tag: string } & Record<string, unknown>,
  ): Promise<CallResult<{ events: EventRow[]; value: unknown }>> {
    return this.call("POST", `${this.t}/commands`, cmd)
  }

  advance(
    body: { by: string } | { months: number } | { to: string },
  ): Promise<CallResult<{ now: number; nowIso: string; jobs: number; events: number }>> {
    return this.call("POST", `${this.t}/advance`, body)
  }

  account(msisdn: string): Promise<AccountView> {
    return this.must("GET", `${this.t}/subscribers/${msisdn}`)
  }

  async ledger(msisdn: string): Promise<ChargeRecord[]> {
    return (await this.must<{ ledger: ChargeRecord[] }>("GET", `${this.t}/subscribers/${msisdn}/ledger`)).ledger
  }

  /** The handset's inbox (the SMS channel's handset endpoint: codes in clear, unlike the operator's records). */
  async inbox(msisdn: string): Promise<InboxSms[]> {
    return (
      await this.must<{ messages: InboxSms[] }>("GET", `/sms/inbox/${msisdn}?twin=${encodeURIComponent(this.twinId)}`)
    ).messages
  }

  async subscribers(): Promise<SubscriberRow[]> {
    return (await this.must<{ subscribers: SubscriberRow[] }>("GET", `${this.t}/subscribers`)).subscribers
  }

  /** Every event of the twin, oldest first (paged). */
  async events(): Promise<EventRow[]> {
    const out: EventRow[] = []
    for (let page = 0; page < 10_000; page++) {
      const after = out.length === 0 ? 0 : (out[out.length - 1]?.seq ?? 0)
      const got = (await this.must<{ events: EventRow[] }>("GET", `${this.t}/events?after=${after}&limit=5000`)).events
      out.push(...got)
      if (got.length < 5000) break
    }
    return out
  }
}
