// USSD screen length rules and paging. A screen with any character outside GSM-7 (Cyrillic) is
// UCS-2 and holds at most 80 characters; a pure GSM-7 screen holds 182 septets.
import { gsm7Length, ucs2Length } from "../../core/domain/sms.ts"

export const USSD_UCS2_MAX = 80
export const USSD_GSM7_MAX = 182

/** The word on the paging item and its key. */
export const NEXT_KEY = "9"
export const NEXT_LABEL = "Далее"
export const nextLine = `${NEXT_KEY}>${NEXT_LABEL}`

export interface ScreenSize {
  encoding: "GSM-7" | "UCS-2"
  length: number
  max: number
}

export const screenSize = (text: string): ScreenSize => {
  const g = gsm7Length(text)
  return g >= 0
    ? { encoding: "GSM-7", length: g, max: USSD_GSM7_MAX }
    : { encoding: "UCS-2", length: ucs2Length(text), max: USSD_UCS2_MAX }
}

export const fitsScreen = (text: string): boolean => {
  const s = screenSize(text)
  return s.length <= s.max
}

/** Cut one over-long line into pieces that fit a screen with room for `reserve` more characters. */
const splitLine = (line: string, room: number): string[] => {
  const out: string[] = []
  let rest = line
  while (screenSize(rest).length > room) {
    // Break at the last space that keeps the piece within room; else hard-cut.
    let cut = Math.max(1, room)
    while (cut > 1 && screenSize(rest.slice(0, cut)).length > room) cut--
    const sp = rest.lastIndexOf(" ", cut)
    if (sp > room / 2) cut = sp
    out.push(rest.slice(0, cut).trimEnd())
    rest = rest.slice(cut).trimStart()
    if (rest.length === 0) break
  }
  if (rest.length > 0) out.push(rest)
  return out
}

/**
 * Lay lines out on screens. Every page but the last gets the «Далее» line; `footer` lines (e.g.
 * «0>Назад») go on every page. Each page fits the screen limit (its own encoding decides).
 */
export const paginate = (lines: readonly string[], footer: readonly string[] = []): string[] => {
  const pages: string[] = []
  const foot = footer.join("\n")
  const whole = [...lines, foot].filter((x) => x !== "").join("\n")
  if (fitsScreen(whole)) return [whole]
  const tail = (more: boolean): string => [more ? nextLine : "", foot].filter((x) => x !== "").join("\n")
  // Worst case (UCS-2) room for body text when the page has a «Далее» line and the footer.
  const room = USSD_UCS2_MAX - (tail(true).length + 1)
  const queue: string[] = []
  for (const l of lines) {
    if (screenSize(l).length <= room || fitsScreen([l, tail(true)].join("\n"))) queue.push(l)
    else queue.push(...splitLine(l, room))
  }
  const page = (body: readonly string[], more: boolean): string =>
    [...body, tail(more)].filter((x) => x !== "").join("\n")
  let cur: string[] = []
  for (const l of queue) {
    if (cur.length > 0 && !fitsScreen(page([...cur, l], true))) {
      pages.push(page(cur, true))
      cur = []
    }
    cur.push(l)
  }
  // The last page has no «Далее» line, so it is never longer than the pages before it.
  pages.push(page(cur, false))
  return pages
}
