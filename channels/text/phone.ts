// Phone numbers as people and gateways type them: "+7 916 000-00-01", "89160000001", "9160000001".
import { isMsisdn } from "../../core/domain/ids.ts"
import { phoneRu } from "../../core/domain/phone.ts"

/** → "79160000001"; null when it is not a Russian mobile number. */
export const normalizeMsisdn = (input: string): string | null => {
  if (input.length > 32) return null
  const d = input.replace(/[\s()+-]/g, "")
  const n = /^8\d{10}$/.test(d) ? `7${d.slice(1)}` : /^9\d{9}$/.test(d) ? `7${d}` : d
  return isMsisdn(n) ? n : null
}

/** A number as subscriber texts write it (one format, core/domain/phone.ts). */
export const msisdnRu = phoneRu
