// Reading a one-time password from the handset inbox the way the subscriber would: the console
// logs its panels in with the code that arrived on the phone on screen (R22).
import { fetchBoard } from "./inbox.ts"
import { flash } from "./layout.ts"
import { st } from "./state.ts"
import { renderBoard } from "./summary.ts"

const POLLS = 40
const POLL_MS = 100

/** The newest one-time password from `sender` that arrived after inbox message `after`. */
export const codeFromInbox = async (sender: string, after: number): Promise<string> => {
  for (let i = 0; i < POLLS; i++) {
    const b = await fetchBoard()
    const m = b.inbox.filter((x) => x.from === sender && x.seq > after).pop()
    const code = m === undefined ? undefined : /(\d{4,8})/.exec(m.text)?.[1]
    if (code !== undefined) {
      st.board = b
      renderBoard(b)
      flash("sms")
      return code
    }
    await new Promise((r) => setTimeout(r, POLL_MS))
  }
  throw new Error(`пароль от ${sender} не пришел`)
}
