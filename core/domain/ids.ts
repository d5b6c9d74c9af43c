// Schemas of identifiers and amounts shared by every edge that decodes input (commands, channel
// bodies, scenario files). Declared once here. They are not branded: a decoded number is a plain
// string everywhere after the edge (state keys, events, views), so a brand would be cast away at
// every command a channel builds and would catch nothing the decode has not already checked.
import { Schema } from "effect"

export const MSISDN_RE = /^7\d{10}$/
export const isMsisdn = (s: string): boolean => MSISDN_RE.test(s)

/** Russian mobile number: "7" + 10 digits, e.g. 79161234567. */
export const Msisdn = Schema.String.pipe(Schema.check(Schema.isPattern(MSISDN_RE)))

/** Money in integer kopecks (1 ruble = 100 kopecks). Never a float. */
export const Kopecks = Schema.Int

/** The six self-service channels plus the network and the control API. */
export const Channel = Schema.Literals(["lk", "app", "ussd", "ivr", "sms", "kiosk", "hotline", "network", "control"])
export type Channel = typeof Channel.Type
