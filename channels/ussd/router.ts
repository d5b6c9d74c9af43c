// USSD over HTTP. POST /ussd is the Africa's Talking callback (form or JSON: sessionId,
// serviceCode, phoneNumber, text → "CON …"/"END …"); POST /ussd/dial and /ussd/reply are the
// JSON API the telephony driver uses.
import { Hono } from "hono"
import type { ChannelDeps } from "../context.ts"
import { screenSize } from "../text/screen.ts"
import { MAX_INPUT, UssdGateway, type Screen } from "./gateway.ts"
import { jsonAnswer } from "../security.ts"
import {
  fail,
  fields,
  isFieldError,
  readBody,
  str,
  subscriberField,
  subscriberRequest,
  twinFor,
} from "../telephony/http-input.ts"

/** Africa's Talking sends every reply of the session in `text`; bounded so a session stays small. */
const MAX_GATEWAY_TEXT = 2000

const screenJson = (s: Screen) => ({
  text: s.text,
  end: s.end,
  ...screenSize(s.text),
  error:
    s.error === null
      ? null
      : { code: s.error.code, field: s.error.field ?? null, message: s.error.message, ru: s.error.ru },
})

/** Africa's Talking style gateway callback fields (networkCode is sent and not used). */
const GATEWAY_FIELDS = fields("sessionId", "serviceCode", "phoneNumber", "text", "networkCode")
const DIAL_FIELDS = fields("msisdn", "code")
const REPLY_FIELDS = fields("msisdn", "text")

export const ussdRouter = (deps: ChannelDeps, gateway = new UssdGateway()): Hono => {
  const r = new Hono()

  r.post("/", async (c) => {
    const twin = twinFor(deps, c)
    if (isFieldError(twin)) return fail(c, twin)
    const b = await readBody(c, GATEWAY_FIELDS)
    if (isFieldError(b)) return fail(c, b)
    const sessionId = str(b, "sessionId", 100)
    if (isFieldError(sessionId)) return fail(c, sessionId)
    const serviceCode = str(b, "serviceCode", MAX_INPUT)
    if (isFieldError(serviceCode)) return fail(c, serviceCode)
    const text = str(b, "text", MAX_GATEWAY_TEXT, "")
    if (isFieldError(text)) return fail(c, text)
    const msisdn = subscriberField(twin, b, "phoneNumber")
    if (isFieldError(msisdn)) {
      // The gateway expects a screen: a malformed number is a 400, a stranger gets an END screen.
      return msisdn.status === 404 ? c.text(`END ${msisdn.body.error.ru}`) : fail(c, msisdn)
    }
    const s = gateway.gateway(twin, msisdn, sessionId, serviceCode, text)
    return c.text(`${s.end ? "END" : "CON"} ${s.text}`)
  })

  r.post("/dial", async (c) => {
    const req = await subscriberRequest(deps, c, "msisdn", DIAL_FIELDS)
    if (isFieldError(req)) return fail(c, req)
    const { twin, body: b, msisdn } = req
    const code = str(b, "code", MAX_INPUT)
    if (isFieldError(code)) return fail(c, code)
    return jsonAnswer(screenJson(gateway.dial(twin, msisdn, code)))
  })

  r.post("/reply", async (c) => {
    const req = await subscriberRequest(deps, c, "msisdn", REPLY_FIELDS)
    if (isFieldError(req)) return fail(c, req)
    const { twin, body: b, msisdn } = req
    const text = str(b, "text", MAX_INPUT)
    if (isFieldError(text)) return fail(c, text)
    return jsonAnswer(screenJson(gateway.reply(twin, msisdn, text)))
  })

  return r
}
