// SMS over HTTP: POST /sms/send {from, to, text} sends an MO message and answers with the SMS
// the handset receives back; GET /sms/inbox/:msisdn reads the handset's inbox (the core's MT
// messages with segment counts).
import { Hono } from "hono"
import { Result } from "effect"
import { inboxView } from "../../core/engine/views.ts"
import type { ChannelDeps } from "../context.ts"
import { normalizeMsisdn } from "../text/phone.ts"
import {
  fail,
  fieldError,
  fields,
  isFieldError,
  str,
  subscriberField,
  subscriberRequest,
  twinFor,
} from "../telephony/http-input.ts"
import { handleMo, MAX_SMS_TEXT } from "./mo.ts"

/** A short number (3–6 digits), a sender name (letters, e.g. «MTS», answered as a short number), or a mobile number. */
const destination = (raw: string): string | null => {
  const t = raw.trim()
  if (/^\d{3,6}$/.test(t)) return t
  if (/^[A-Za-z][A-Za-z0-9]{1,10}$/.test(t)) return t.toUpperCase()
  return normalizeMsisdn(t)
}

const SEND_FIELDS = fields("from", "to", "text")

export const smsRouter = (deps: ChannelDeps): Hono => {
  const r = new Hono()

  r.post("/send", async (c) => {
    const req = await subscriberRequest(deps, c, "from", SEND_FIELDS)
    if (isFieldError(req)) return fail(c, req)
    const { twin, body: b, msisdn: from } = req
    const toRaw = str(b, "to", 32)
    if (isFieldError(toRaw)) return fail(c, toRaw)
    const to = destination(toRaw)
    if (to === null)
      return fail(
        c,
        fieldError("to", "expected a short number (3-6 digits), a sender name like MTS, or a mobile number"),
      )
    const text = str(b, "text", MAX_SMS_TEXT, "")
    if (isFieldError(text)) return fail(c, text)
    const res = handleMo(twin, from, to, text)
    const error =
      res.error === null
        ? null
        : { code: res.error.code, field: res.error.field ?? null, message: res.error.message, ru: res.error.ru }
    return c.json({
      from,
      to,
      command: res.command,
      replies: res.replies,
      text: res.replies.map((m) => m.text).join("\n"),
      error,
    })
  })

  r.get("/inbox/:msisdn", (c) => {
    const twin = twinFor(deps, c)
    if (isFieldError(twin)) return fail(c, twin)
    const m = subscriberField(twin, { msisdn: c.req.param("msisdn") }, "msisdn")
    if (isFieldError(m)) return fail(c, m)
    const r2 = inboxView(twin, m)
    if (Result.isFailure(r2))
      return fail(c, fieldError("msisdn", r2.failure.message, r2.failure.ru, 404, r2.failure.code))
    return c.json({ msisdn: m, messages: r2.success })
  })

  return r
}
