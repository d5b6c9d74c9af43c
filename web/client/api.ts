// HTTP of the console client: the control API and the console's own read models (JSON, an error
// is thrown as ApiError), and the channels' own APIs called as each channel's client would call
// them (`chan`: the answer, good or bad, is returned for the panel to show).
import type { errorBody } from "../../channels/edge/errors.ts"
import type { Command } from "../../core/domain/commands.ts"
import { st } from "./state.ts"

/** An error as every API of the twin answers it. */
export type ErrorInfo = Partial<ReturnType<typeof errorBody>["error"]>
export interface ErrorBody {
  error?: ErrorInfo
  /** A scenario file's parse errors, one a line. */
  errors?: string[]
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.error?.ru ?? body.error?.message ?? `HTTP ${status}`)
  }
}

/**
 * A JSON call of the control API or the console's read models. `T` is the answer's shape as the
 * server module that builds it declares it (imported as a type where the server exports one).
 */
export const api = async <T>(method: string, url: string, body?: unknown): Promise<T> => {
  const res = await fetch(url, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? null : JSON.stringify(body),
  })
  const type = res.headers.get("content-type") ?? ""
  const data: unknown = type.includes("json") ? await res.json() : await res.text()
  if (!res.ok) throw new ApiError(res.status, isObject(data) ? data : { error: { ru: String(data).slice(0, 200) } })
  return data as T
}

const enc = encodeURIComponent

export const twinUrl = (suffix = ""): string => `/api/twins/${enc(st.twin)}${suffix}`
export const consoleTwinUrl = (suffix = ""): string => `/console/api/twins/${enc(st.twin)}${suffix}`

/** One command of the core's command union, sent through the control API. */
export const command = (cmd: Command): Promise<unknown> => api("POST", twinUrl("/commands"), cmd)

// ---- channels ----------------------------------------------------------------------------------

/** Panels that hold a bearer token of their channel. */
export type TokenPanel = "app" | "kiosk"

/** Bearer tokens the console holds for the app and kiosk panels, per twin, channel and number (memory only). */
const tokens = new Map<string, string>()
const tokKey = (ch: TokenPanel): string => `${st.twin}/${ch}/${st.msisdn}`
export const hasToken = (ch: TokenPanel): boolean => tokens.has(tokKey(ch))
export const keepToken = (ch: TokenPanel, token: string): void => {
  tokens.set(tokKey(ch), token)
}
export const dropToken = (ch: TokenPanel): void => {
  tokens.delete(tokKey(ch))
}

/** What a channel answered: its text for the screen, its data, or its error. */
export interface ChannelReply {
  ok: boolean
  status: number
  data: Record<string, unknown>
  error: ErrorInfo | null
  /** The channel's text (or its error's Russian text). */
  text: string
}

/** Call a channel's own HTTP API for the selected twin, as that channel's client would. */
export const chan = async (
  method: string,
  path: string,
  body?: unknown,
  ch?: TokenPanel,
  extra: Record<string, string> = {},
): Promise<ChannelReply> => {
  const headers: Record<string, string> = { "x-twin": st.twin, accept: "application/json", ...extra }
  const t = ch === undefined ? undefined : tokens.get(tokKey(ch))
  if (t !== undefined) headers.authorization = `Bearer ${t}`
  if (body !== undefined) headers["content-type"] = "application/json"
  const res = await fetch(path, { method, headers, body: body === undefined ? null : JSON.stringify(body) })
  const raw = await res.text()
  let data: Record<string, unknown> = {}
  try {
    const parsed: unknown = raw === "" ? {} : JSON.parse(raw)
    data = isObject(parsed) ? parsed : { text: raw }
  } catch {
    data = { text: raw }
  }
  const error = isObject(data.error) ? (data.error as ErrorInfo) : null
  // R25 is the core's: a session it ended answers 401, and only then the panel shows its login.
  if (ch !== undefined && (res.status === 401 || error?.code === "SESSION_INVALID")) dropToken(ch)
  return {
    ok: res.ok && error === null,
    status: res.status,
    data,
    error,
    text: typeof data.text === "string" ? data.text : (error?.ru ?? ""),
  }
}

/** The network identity the control API issues for the selected number (R26). */
interface NetworkIdentity {
  msisdn: string
  header: string
  value: string
}

/**
 * R26: the console's phone is on MTS mobile data: the operator's gateway inserts its network
 * identity (issued by the control API), and the login request carries it.
 */
export const networkLogin = async (base: string): Promise<ChannelReply> => {
  const id = await api<NetworkIdentity>("POST", twinUrl(`/subscribers/${st.msisdn}/network-identity`))
  return chan("POST", `${base}/login/network`, { msisdn: st.msisdn }, undefined, { [id.header]: id.value })
}

/** A string field of a channel's data ("" when absent). */
export const str = (data: Record<string, unknown>, key: string): string => {
  const v = data[key]
  return typeof v === "string" ? v : ""
}

/** An array field of a channel's data, its items typed as the channel sends them ([] when absent). */
export const list = <T>(data: Record<string, unknown>, key: string): T[] => {
  const v = data[key]
  return Array.isArray(v) ? (v as T[]) : []
}
