// Placeholders in channel inputs: the last code a handset received by SMS.
//   ${sms.3339}               code in the newest SMS from 3339 to the step's own number
//   ${sms.6262@79160000002}   same, in the inbox of another number of the scenario
//   ${sms.*}                  code in the newest SMS from anyone that contains one
// A code is the first standalone group of 4 to 8 digits in the message text.

const PLACEHOLDER = /\$\{([^}]*)\}/g
const SMS_REF = /^sms\.([0-9A-Za-z*]{1,20})(?:@(7\d{10}))?$/

/** True when the text contains at least one placeholder (any form). */
export const TEMPLATE_RE = /\$\{[^}]*\}/

export interface SmsRef {
  readonly from: string
  readonly to: string | null
}

/** The first malformed placeholder in `text`, or null when all are well formed. */
export const checkTemplates = (text: string): string | null => {
  for (const m of text.matchAll(PLACEHOLDER)) if (!SMS_REF.test(m[1] ?? "")) return m[0]
  return null
}

/** The first code (4–8 digits not part of a longer number) in an SMS text. */
export const codeIn = (text: string): string | null => /(?<!\d)(\d{4,8})(?!\d)/.exec(text)?.[1] ?? null

export interface InboxMessage {
  readonly from: string
  readonly text: string
}

/**
 * Replace every placeholder. `inbox(msisdn)` reads a handset's inbox (oldest first).
 * Throws an Error naming the placeholder when no matching SMS carries a code.
 */
export const resolveTemplates = async (
  text: string,
  self: string,
  inbox: (msisdn: string) => Promise<readonly InboxMessage[]>,
): Promise<string> => {
  let out = ""
  let last = 0
  for (const m of text.matchAll(PLACEHOLDER)) {
    const ref = SMS_REF.exec(m[1] ?? "")
    if (ref === null) throw new Error(`bad placeholder ${m[0]}`)
    const from = ref[1] as string
    const who = ref[2] ?? self
    const msgs = await inbox(who)
    let code: string | null = null
    for (let i = msgs.length - 1; i >= 0 && code === null; i--) {
      const msg = msgs[i]
      if (msg !== undefined && (from === "*" || msg.from === from)) code = codeIn(msg.text)
    }
    if (code === null)
      throw new Error(`${m[0]}: no SMS with a code from ${from === "*" ? "anyone" : from} in the inbox of ${who}`)
    out += text.slice(last, m.index) + code
    last = (m.index ?? 0) + m[0].length
  }
  return out + text.slice(last)
}

/** Resolve placeholders in every string value of a `with:` mapping (one level deep, and in arrays). */
export const resolveArgs = async (
  args: Readonly<Record<string, unknown>>,
  self: string,
  inbox: (msisdn: string) => Promise<readonly InboxMessage[]>,
): Promise<Record<string, unknown>> => {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(args)) {
    if (typeof v === "string") out[k] = await resolveTemplates(v, self, inbox)
    else if (Array.isArray(v))
      out[k] = await Promise.all(
        v.map((x: unknown) => (typeof x === "string" ? resolveTemplates(x, self, inbox) : Promise.resolve(x))),
      )
    else out[k] = v
  }
  return out
}
