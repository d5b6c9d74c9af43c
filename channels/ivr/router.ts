// IVR over HTTP: POST /ivr/calls {msisdn, number} starts a call; POST /ivr/calls/:id/dtmf
// {keys} presses keys; GET /ivr/calls/:id reads the transcript; DELETE hangs up.
import { Hono, type Context } from "hono"
import type { ChannelDeps } from "../context.ts"
import {
  fail,
  fieldError,
  fields,
  isFieldError,
  readBody,
  str,
  subscriberRequest,
  twinFor,
} from "../telephony/http-input.ts"
import { CallCenter, NUMBERS } from "./calls.ts"

/** DTMF keys a handset can send. */
const DTMF = /^[0-9*#]*$/
const MAX_KEYS = 64
const CALL_FIELDS = fields("msisdn", "number")
const DTMF_FIELDS = fields("keys")

export const ivrRouter = (deps: ChannelDeps, center = new CallCenter()): Hono => {
  const r = new Hono()

  r.post("/calls", async (c) => {
    const req = await subscriberRequest(deps, c, "msisdn", CALL_FIELDS)
    if (isFieldError(req)) return fail(c, req)
    const { twin, body: b, msisdn } = req
    const number = str(b, "number", 16)
    if (isFieldError(number)) return fail(c, number)
    const v = center.dial(twin, msisdn, number.replace(/[\s-]/g, ""))
    if (v === null)
      return fail(
        c,
        fieldError(
          "number",
          `the IVR answers ${NUMBERS.join(", ")}`,
          "Набранный номер не обслуживается",
          404,
          "UNKNOWN_NUMBER",
        ),
      )
    return c.json(v, 201)
  })

  const withCall = (c: Context) => {
    const twin = twinFor(deps, c)
    if (isFieldError(twin)) return twin
    const call = center.get(twin, c.req.param("id") ?? "")
    if (call === null)
      return fieldError(
        "callId",
        `no call "${(c.req.param("id") ?? "").slice(0, 40)}" in this twin`,
        "Звонок не найден",
        404,
        "UNKNOWN_CALL",
      )
    return { twin, call }
  }

  r.post("/calls/:id/dtmf", async (c) => {
    const w = withCall(c)
    if (isFieldError(w)) return fail(c, w)
    const b = await readBody(c, DTMF_FIELDS)
    if (isFieldError(b)) return fail(c, b)
    const keys = str(b, "keys", MAX_KEYS)
    if (isFieldError(keys)) return fail(c, keys)
    if (!DTMF.test(keys)) return fail(c, fieldError("keys", "DTMF keys are 0-9, * and #"))
    return c.json(center.keys(w.twin, w.call, keys))
  })

  r.get("/calls/:id", (c) => {
    const w = withCall(c)
    return isFieldError(w) ? fail(c, w) : c.json(center.read(w.twin, w.call))
  })

  r.delete("/calls/:id", (c) => {
    const w = withCall(c)
    return isFieldError(w) ? fail(c, w) : c.json(center.hangUp(w.twin, w.call))
  })

  return r
}
