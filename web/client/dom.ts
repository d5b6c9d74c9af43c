// DOM helpers of the console client: element lookup that fails loudly, a tiny element builder,
// the status line and the "act" wrapper every trainer action goes through.

/** The page element for `sel`, of the expected kind; a missing element is a broken page, so it throws. */
export const $ = <E extends Element = HTMLElement>(sel: string): E => {
  const el = document.querySelector<E>(sel)
  if (el === null) throw new Error(`console: no element ${sel}`)
  return el
}

export const $input = (sel: string): HTMLInputElement => $<HTMLInputElement>(sel)
export const $select = (sel: string): HTMLSelectElement => $<HTMLSelectElement>(sel)
export const $button = (sel: string): HTMLButtonElement => $<HTMLButtonElement>(sel)

type Handler = (e: Event) => void
export type Attrs = Record<string, string | number | boolean | null | undefined | Handler>
export type Kid = Node | string | null | undefined
type Kids = ReadonlyArray<Kid | ReadonlyArray<Kid>>

/** `h("p", { class: "note", text: "…" }, child…)`: attributes, `on…` listeners, `text` content. */
export const h = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...kids: Kids
): HTMLElementTagNameMap[K] => {
  const el = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue
    if (typeof v === "function") el.addEventListener(k.slice(2), v)
    else if (k === "class") el.className = String(v)
    else if (k === "text") el.textContent = String(v)
    else el.setAttribute(k, v === true ? "" : String(v))
  }
  for (const kid of kids.flat()) if (kid !== null && kid !== undefined) el.append(kid)
  return el
}

const SVG_NS = "http://www.w3.org/2000/svg"

export const svg = (tag: string, attrs: Record<string, string | number>): SVGElement => {
  const el = document.createElementNS(SVG_NS, tag)
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v))
  return el
}

/** Multi-line channel text as paragraphs. */
export const textBlock = (text: string, cls = "text"): HTMLDivElement =>
  h("div", { class: cls }, ...text.split("\n").map((line) => h("p", { text: line })))

export type Tone = "" | "error" | "good"

/** The status line: tone "error" (red), "good" (green) or plain. */
export const say = (text: string, tone: Tone = ""): void => {
  const s = $("#status")
  s.textContent = text
  s.classList.toggle("error", tone === "error")
  s.classList.toggle("good", tone === "good")
}

export const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e))

/** Run a trainer action; show its error in the status line instead of throwing. */
export const act = async <T>(label: string, fn: () => Promise<T>): Promise<T | undefined> => {
  try {
    say(`${label}…`)
    const out = await fn()
    say(label)
    return out
  } catch (e) {
    say(`${label}: ${messageOf(e)}`, "error")
    return undefined
  }
}

/** Bind a form's submit (default prevented) to `fn`. */
export const onSubmit = (sel: string, fn: () => void): void =>
  $<HTMLFormElement>(sel).addEventListener("submit", (e) => {
    e.preventDefault()
    fn()
  })

let forcing = false

/** Replace a panel body, unless the trainer is typing in it and this is only a live refresh. */
export const paint = (body: HTMLElement, ...kids: Kid[]): boolean => {
  const active = document.activeElement
  const typing = body.contains(active) && active instanceof HTMLInputElement
  if (typing && !forcing) return false
  const id = body.contains(active) && active instanceof HTMLElement ? active.id : ""
  body.replaceChildren(...kids.filter((k): k is Node | string => k !== null && k !== undefined))
  if (id !== "") document.getElementById(id)?.focus()
  return true
}

/** Re-render after the trainer's own action in a panel (it may replace the focused input). */
export const forced = async (render: () => Promise<void>): Promise<void> => {
  forcing = true
  try {
    await render()
  } finally {
    forcing = false
  }
}
