// The console's own layout: the app / terminal / steps tabs of the third column and the
// highlight that shows which panel a step or an action is in.

/** The console's tab for each panel of the third column. */
const TAB_OF = { app: "tab-app", kiosk: "tab-kiosk", steps: "tab-steps" } as const
export type ConsoleTab = keyof typeof TAB_OF

/** Show one of the app / terminal / steps tabs. */
export const selectTab = (which: ConsoleTab): void => {
  for (const [name, id] of Object.entries(TAB_OF)) {
    const tab = document.getElementById(id)
    const panel = document.getElementById(tab?.getAttribute("aria-controls") ?? "")
    if (tab === null || panel === null) continue
    const on = name === which
    tab.setAttribute("aria-selected", String(on))
    panel.hidden = !on
  }
}

export const bindTabs = (): void => {
  for (const [name, id] of Object.entries(TAB_OF) as Array<[ConsoleTab, string]>)
    document.getElementById(id)?.addEventListener("click", () => selectTab(name))
}

/** Highlight the panel of `channel` (and its column); the app and terminal tabs come to the front. */
export const flash = (channel: string): void => {
  if (channel === "app" || channel === "kiosk") selectTab(channel)
  const el = document.querySelector(`[data-channel="${channel}"]`)
  const keep = new Set([el, el?.closest(".panel")].filter((x): x is Element => x !== null && x !== undefined))
  for (const other of document.querySelectorAll(".active")) if (!keep.has(other)) other.classList.remove("active")
  for (const k of keep) k.classList.add("active")
}
