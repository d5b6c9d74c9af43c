// Branded identifiers validated at the edge with Effect Schema.
import { Schema } from "effect"

/** Russian mobile number: "7" + 10 digits, e.g. 79161234567. */
export const Msisdn = Schema.String.pipe(Schema.check(Schema.isPattern(/^7\d{10}$/)), Schema.brand("Msisdn"))
export type Msisdn = typeof Msisdn.Type

/** Money in integer kopecks (1 ruble = 100 kopecks). Never a float. */
export const Kopecks = Schema.Int.pipe(Schema.brand("Kopecks"))
export type Kopecks = typeof Kopecks.Type

/** ISO 3166-1 alpha-2 country code, upper case. */
export const CountryCode = Schema.String.pipe(Schema.check(Schema.isPattern(/^[A-Z]{2}$/)), Schema.brand("CountryCode"))
export type CountryCode = typeof CountryCode.Type

export const MSISDN_RE = /^7\d{10}$/
export const isMsisdn = (s: string): boolean => MSISDN_RE.test(s)

/** The six self-service channels plus the network and the control API. */
export const Channel = Schema.Literals(["lk", "app", "ussd", "ivr", "sms", "kiosk", "hotline", "network", "control"])
export type Channel = typeof Channel.Type
