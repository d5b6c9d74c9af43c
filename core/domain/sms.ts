// SMS encoding and segment counts (GSM 03.38): GSM-7 160 chars single / 153 per part,
// UCS-2 70 single / 67 per part. Cyrillic text is UCS-2.

const GSM7_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
const GSM7_EXT = "^{}\\[~]|€\f"
const BASIC = new Set(GSM7_BASIC)
const EXT = new Set(GSM7_EXT)

export type SmsEncoding = "GSM-7" | "UCS-2"

/** GSM-7 septets needed for `text`, or -1 if it has a character outside GSM-7. */
export const gsm7Length = (text: string): number => {
  let n = 0
  for (const ch of text) {
    if (BASIC.has(ch)) n += 1
    else if (EXT.has(ch)) n += 2
    else return -1
  }
  return n
}

export const encodingOf = (text: string): SmsEncoding => (gsm7Length(text) < 0 ? "UCS-2" : "GSM-7")

/** UCS-2 code units (characters outside the BMP take two). */
export const ucs2Length = (text: string): number => text.length

export const smsSegments = (text: string): { encoding: SmsEncoding; segments: number; length: number } => {
  const g = gsm7Length(text)
  if (g >= 0) return { encoding: "GSM-7", length: g, segments: g <= 160 ? 1 : Math.ceil(g / 153) }
  const u = ucs2Length(text)
  return { encoding: "UCS-2", length: u, segments: u <= 70 ? 1 : Math.ceil(u / 67) }
}
