// TelephonyDriver over the USSD, IVR and SMS HTTP APIs only, so the scenario runner can drive
// a twin in-process (`app.fetch`) or a running server (`fetch` with a base URL).
import type { ChannelReply, ErrorBody, Fetcher, InboxSms, IvrSilence, TelephonyDriver } from "./driver.ts"
import { TWIN_HEADER } from "./context.ts"

/** Base used to build requests for an in-process `app.fetch` (host is ignored by hono). */
const LOCAL_BASE = "http://twin.local"

interface Sent {
  status: number
  data: unknown
}

const errorOf = (data: unknown): ErrorBody | null => {
  if (typeof data !== "object" || data === null || !("error" in data)) return null
  const e = (data as { error: unknown }).error
  if (typeof e !== "object" || e === null) return null
  const o = e as Record<string, unknown>
  return {
    code: String(o.code ?? ""),
    field: typeof o.field === "string" ? o.field : null,
    message: String(o.message ?? ""),
    ru: String(o.ru ?? ""),
  }
}

const field = <T>(data: unknown, name: string, dflt: T): T => {
  if (typeof data !== "object" || data === null) return dflt
  const v = (data as Record<string, unknown>)[name]
  return v === undefined ? dflt : (v as T)
}

const reply = (s: Sent, text: string, end: boolean): ChannelReply => {
  const error = errorOf(s.data)
  return { ok: s.status >= 200 && s.status < 300 && error === null, text, end, status: s.status, error, data: s.data }
}

/**
 * `fetcher` is `app.fetch` (in-process) or a fetch bound to a server; `baseUrl` defaults to a
 * local placeholder, pass the server URL (e.g. "http://127.0.0.1:3000") for a remote twin.
 */
export const makeTelephonyDriver = (
  fetcher: Fetcher,
  twinId: string,
  baseUrl: string = LOCAL_BASE,
): TelephonyDriver => {
  const base = baseUrl.replace(/\/+$/, "")
  const send = async (method: "GET" | "POST" | "DELETE", path: string, body?: unknown): Promise<Sent> => {
    const headers: Record<string, string> = { [TWIN_HEADER]: twinId }
    if (body !== undefined) headers["content-type"] = "application/json"
    const res = await fetcher(
      new Request(`${base}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }),
    )
    const raw = await res.text()
    let data: unknown = raw
    try {
      data = raw === "" ? null : JSON.parse(raw)
    } catch {
      data = raw
    }
    return { status: res.status, data }
  }
  const screen = (s: Sent): ChannelReply => {
    const e = errorOf(s.data)
    return reply(s, field(s.data, "text", e?.ru ?? ""), field(s.data, "end", true))
  }

  return {
    ussdDial: async (msisdn, code) => screen(await send("POST", "/ussd/dial", { msisdn, code })),
    ussdReply: async (msisdn, text) => screen(await send("POST", "/ussd/reply", { msisdn, text })),

    ivrCall: async (msisdn, number, keys, silence?: IvrSilence) => {
      const start = await send("POST", "/ivr/calls", { msisdn, number })
      const id = field<string | null>(start.data, "callId", null)
      if (id === null) return reply(start, errorOf(start.data)?.ru ?? "", true)
      let last = start
      let ended = field(start.data, "end", false)
      if (keys !== "" && !ended) {
        last = await send("POST", `/ivr/calls/${encodeURIComponent(id)}/dtmf`, { keys })
        ended = field(last.data, "end", false)
      }
      if (silence !== undefined && silence.timeouts > 0 && !ended) {
        const ms = field(start.data, "digitTimeoutSeconds", 0) * 1000
        for (let i = 0; i < silence.timeouts && !ended; i++) {
          await silence.wait(ms)
          last = await send("GET", `/ivr/calls/${encodeURIComponent(id)}`)
          ended = field(last.data, "end", false)
        }
        if (silence.then !== "" && !ended) {
          last = await send("POST", `/ivr/calls/${encodeURIComponent(id)}/dtmf`, { keys: silence.then })
          ended = field(last.data, "end", false)
        }
      }
      const heard = field(last.data, "transcript", field<string[]>(start.data, "transcript", []))
      if (!ended) await send("DELETE", `/ivr/calls/${encodeURIComponent(id)}`)
      const text = Array.isArray(heard) ? heard.join("\n") : ""
      return { ...reply(last, text, ended), data: { callId: id, transcript: heard, last: last.data } }
    },

    smsSend: async (from, to, text) => {
      const s = await send("POST", "/sms/send", { from, to, text })
      return reply(s, field(s.data, "text", errorOf(s.data)?.ru ?? ""), false)
    },

    inbox: async (msisdn) => {
      const s = await send("GET", `/sms/inbox/${encodeURIComponent(msisdn)}`)
      if (s.status !== 200) throw new Error(`inbox ${msisdn}: HTTP ${s.status} ${errorOf(s.data)?.message ?? ""}`)
      return field<InboxSms[]>(s.data, "messages", [])
    },
  }
}
