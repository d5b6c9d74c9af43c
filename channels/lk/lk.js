// Live Личный кабинет: while the page is open it asks /lk/live (every 2 s) for the stamp of the
// account it shows; when the account changed elsewhere (another channel, the twin's clock) it
// fetches the same page again and swaps the content in. A form being filled in is left alone.
const body = document.body
const url = body.getAttribute("data-live")
let stamp = null
let busy = false

const editing = () => {
  // A confirmation waiting for an answer stays as it is (the answer re-renders the page anyway).
  if (document.querySelector("[data-hold]") !== null) return true
  const a = document.activeElement
  if (a instanceof HTMLInputElement && a.type !== "submit" && a.type !== "hidden") return true
  return (
    document.querySelector("main details[open] input:not([type=hidden])") !== null &&
    document.activeElement?.closest("details[open]") !== null
  )
}

const note = (text) => {
  let n = document.querySelector(".live-note")
  if (n === null) {
    n = document.createElement("div")
    n.className = "live-note"
    n.setAttribute("role", "status")
    document.body.append(n)
  }
  n.textContent = text
  n.classList.add("show")
  setTimeout(() => n.classList.remove("show"), 1800)
}

const swap = async () => {
  const page = body.getAttribute("data-page") ?? location.href
  const res = await fetch(page, { credentials: "same-origin", cache: "no-store" })
  if (res.redirected || res.status === 401) {
    location.href = res.url
    return
  }
  const html = await res.text()
  const doc = new DOMParser().parseFromString(html, "text/html")
  const next = doc.querySelector("main")
  const cur = document.querySelector("main")
  if (next === null || cur === null) return
  // Keep open drop-downs open across the swap.
  const open = [...cur.querySelectorAll("details[open][id]")].map((d) => d.id)
  cur.replaceWith(next)
  for (const id of open) document.getElementById(id)?.setAttribute("open", "")
  body.setAttribute("data-stamp", stamp ?? "")
  note("Данные обновлены")
}

const tick = async () => {
  if (busy || url === null) return
  busy = true
  try {
    const res = await fetch(url, { credentials: "same-origin", cache: "no-store" })
    if (!res.ok) return
    const data = await res.json()
    if (data.ended === true) {
      // The session ended (idle time of twin time, logout elsewhere): show the login page.
      location.href = typeof data.login === "string" ? data.login : (body.getAttribute("data-page") ?? location.href)
      return
    }
    if (stamp === null) stamp = data.stamp
    else if (data.stamp !== stamp && !editing()) {
      stamp = data.stamp
      await swap()
    }
  } catch {
    // The twin may be restarting; the next tick tries again.
  } finally {
    busy = false
  }
}

body.setAttribute("data-live-ready", "1")
void tick()
setInterval(tick, 2000)
