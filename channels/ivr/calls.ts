// Live IVR calls of every twin, bounded. Numbers: 111 (Мобильный помощник), 1112163 (111 then
// 2163), 0890 (hotline).
import type { DomainError } from "../../core/domain/errors.ts"
import type { TwinCore } from "../../core/engine/twin-core.ts"
import { elapse, hangUp, press, start, type Call, type IvrCtx } from "./call.ts"
import { startHotline } from "./hotline.ts"
import { KIOSK_ROUTE, start111 } from "./menu111.ts"

export const NUMBERS = ["111", `111${KIOSK_ROUTE}`, "0890"] as const

/** Bound on calls kept (live and finished, for their transcripts); finished ones go first. */
export const MAX_CALLS = 10_000

/** `digitTimeoutSeconds`: silence after a prompt that counts as a timeout (3 in a row end the call). */
export interface CallView {
  callId: string
  msisdn: string
  number: string
  digitTimeoutSeconds: number
  end: boolean
  identified: boolean
  said: string[]
  transcript: string[]
  error: { code: string; field: string | null; message: string; ru: string } | null
}

const errJson = (e: DomainError | null) =>
  e === null ? null : { code: e.code, field: e.field ?? null, message: e.message, ru: e.ru }

export class CallCenter {
  private readonly calls = new Map<string, Call>()
  private seq = 0

  constructor(private readonly maxCalls = MAX_CALLS) {}

  private ctx(twin: TwinCore, call: Call): IvrCtx {
    return { twin, msisdn: call.msisdn, call }
  }

  private view(twin: TwinCore, call: Call, said: string[], error: DomainError | null): CallView {
    return {
      callId: call.id,
      msisdn: call.msisdn,
      number: call.number,
      digitTimeoutSeconds: twin.cat.data.channels.ivrDigitTimeoutSeconds,
      end: call.ended,
      identified: call.identified,
      said,
      transcript: [...call.transcript],
      error: errJson(error),
    }
  }

  /**
   * Hotline calls of the same twin waiting for or talking to a specialist that started before this one. Each is first
   * brought up to twin time: a caller who walked away from the operator (no keys, no hang-up) is
   * cut off by the digit timeouts (3 silences), which frees the operator for the queue (issue 14).
   */
  private ahead(twin: TwinCore, call: Call): number {
    let n = 0
    for (const c of this.calls.values()) {
      if (c === call) break
      if (c.ended || c.twinId !== call.twinId || c.number !== "0890" || c.operator !== true) continue
      if (c.node?.kind !== "queue") elapse(this.ctx(twin, c))
      if (!c.ended) n++
    }
    return n
  }

  private evict(): void {
    if (this.calls.size <= this.maxCalls) return
    for (const [id, c] of this.calls) {
      if (this.calls.size <= this.maxCalls) return
      if (c.ended) this.calls.delete(id)
    }
    for (const id of this.calls.keys()) {
      if (this.calls.size <= this.maxCalls) return
      this.calls.delete(id)
    }
  }

  /** Dial a number; null when the number is not one of the IVR's. */
  dial(twin: TwinCore, msisdn: string, number: string): CallView | null {
    if (!(NUMBERS as readonly string[]).includes(number)) return null
    const call: Call = {
      // Unpredictable (issue 14): a guessed id would let a stranger press keys in someone's call.
      id: `call-${twin.derive(`ivr-call\u0000${++this.seq}`).slice(0, 24)}`,
      twinId: twin.id,
      msisdn,
      number,
      startedAt: twin.now,
      node: null,
      failures: 0,
      promptAt: twin.now,
      buffer: "",
      transcript: [],
      ended: false,
      identified: false,
    }
    this.calls.set(call.id, call)
    this.evict()
    const x = this.ctx(twin, call)
    const first = number === "0890" ? startHotline((x) => this.ahead(x.twin, call)) : start111(x, number.slice(3))
    const r = start(x, first)
    return this.view(twin, call, r.said, r.error)
  }

  get(twin: TwinCore, id: string): Call | null {
    const c = this.calls.get(id)
    return c === undefined || c.twinId !== twin.id ? null : c
  }

  keys(twin: TwinCore, call: Call, keys: string): CallView {
    if (call.ended) return this.view(twin, call, [], null)
    const r = press(this.ctx(twin, call), keys)
    return this.view(twin, call, r.said, r.error)
  }

  /** The call as it is now: silences since the last prompt count as timeouts first. */
  read(twin: TwinCore, call: Call): CallView {
    const said = call.ended ? [] : elapse(this.ctx(twin, call))
    return this.view(twin, call, said, null)
  }

  hangUp(twin: TwinCore, call: Call): CallView {
    const said = call.ended ? [] : elapse(this.ctx(twin, call))
    hangUp(call)
    return this.view(twin, call, said, null)
  }
}
