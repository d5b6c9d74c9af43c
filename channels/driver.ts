// The contract between channels and their programmatic users (scenario runner, QA toolkit,
// trainer console): every channel is driven over its HTTP API through a `Fetcher`, which is
// `app.fetch` in-process or `fetch` against a running server (`twin run --url`).

export type Fetcher = (req: Request) => Promise<Response>

export interface ErrorBody {
  code: string
  field: string | null
  message: string
  ru: string
}

/** One answer of a channel, as the subscriber experiences it. */
export interface ChannelReply {
  /** The channel accepted the action (HTTP 2xx and no domain error). */
  ok: boolean
  /** What the subscriber sees or hears: USSD screen, IVR prompts, SMS replies, page/screen text. */
  text: string
  /** USSD: session ended (END screen); IVR: call hung up; others: false. */
  end: boolean
  status: number
  error: ErrorBody | null
  /** The channel's JSON payload, when it has one. */
  data: unknown
}

export interface InboxSms {
  seq: number
  at: number
  from: string
  text: string
  segments: number
  encoding: string
}

/** Silence in a call: `timeouts` digit timeouts pass (the clock moved by `wait`), then `then` is pressed. */
export interface IvrSilence {
  readonly timeouts: number
  readonly then: string
  readonly wait: (ms: number) => Promise<void>
}

/** USSD, IVR and SMS for any number of a twin (channels/telephony-driver.ts). */
export interface TelephonyDriver {
  ussdDial(msisdn: string, code: string): Promise<ChannelReply>
  ussdReply(msisdn: string, text: string): Promise<ChannelReply>
  /**
   * Call `number` (111, 0890, 1112163) and press `keys` (DTMF string, may be empty); `text` is the prompts heard.
   * With `silence`, then stay silent for `timeouts` digit timeouts (`wait` moves the twin's clock) and press `then`.
   */
  ivrCall(msisdn: string, number: string, keys: string, silence?: IvrSilence): Promise<ChannelReply>
  /** Send an SMS from a handset to a short number or another handset; `text` is the replies received. */
  smsSend(from: string, to: string, text: string): Promise<ChannelReply>
  inbox(msisdn: string): Promise<InboxSms[]>
}

/** LK, app or kiosk: named operations with arguments (channels/web-driver.ts). */
export interface WebDriver {
  readonly channel: "lk" | "app" | "kiosk"
  /** Operation names this channel offers, e.g. "login", "topup", "change-tariff". */
  readonly operations: readonly string[]
  perform(msisdn: string, op: string, args: Record<string, unknown>): Promise<ChannelReply>
}
