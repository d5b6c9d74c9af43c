// Trainer console client, the entry point the server bundles (web/client-bundle.ts) and serves at
// /console/client.js. No framework: it drives the twin through the control API and the channels'
// own HTTP surfaces, listens to the twin's SSE stream and re-renders every panel after each
// committed batch, so an action in one channel shows up in all the others. Rules stay in the
// core: sessions end when the server says so (R25), money arrives as kopecks and formatted text.
import { appPanel } from "./app.ts"
import { bindControls } from "./controls.ts"
import { messageOf, say } from "./dom.ts"
import { ivrPanel } from "./ivr.ts"
import { kioskPanel } from "./kiosk.ts"
import { bindTabs } from "./layout.ts"
import { lkPanel } from "./lk.ts"
import { scenarioPlayer } from "./scenario.ts"
import { loadTwins, selectTwin } from "./session.ts"
import { bindSms } from "./sms.ts"
import { ussdPanel } from "./ussd.ts"

const start = async (): Promise<void> => {
  bindControls()
  bindTabs()
  bindSms()
  const panels = { ussd: ussdPanel(), ivr: ivrPanel(), lk: lkPanel(), app: appPanel(), kiosk: kioskPanel() }
  const player = scenarioPlayer(panels)
  const q = new URL(location.href).searchParams
  await player.library()
  const id = await loadTwins(q.get("twin") ?? "")
  await selectTwin(id, q.get("msisdn") ?? "")
  document.body.setAttribute("data-ready", "1")
  say("Готово")
}

start().catch((e: unknown) => say(`Ошибка запуска: ${messageOf(e)}`, "error"))
