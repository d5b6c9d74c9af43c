// The top-up form of the app and the terminal. What the trainer types is rubles ("500",
// "150,50"); the core's own parser turns it into integer kopecks (string arithmetic, no float),
// and the channel's API takes kopecks.
import type { TopUpBody } from "../../channels/lk/schemas.ts"
import { parseRubles } from "../../core/domain/money.ts"
import { type ChannelReply, chan } from "./api.ts"
import { act, h } from "./dom.ts"
import { flash } from "./layout.ts"

/** Rubles as typed → positive kopecks, or null when it is not an amount. */
export const kopecksOf = (typed: string): number | null => {
  const k = parseRubles(typed)
  return k !== null && k > 0 ? k : null
}

export const ENTER_AMOUNT = "Введите сумму в рублях"

/** A payment method of the self-care top-up, as its schema lists them. */
export type PayMethod = NonNullable<(typeof TopUpBody)["Type"]["method"]>

/** The app's top-up by card / Apple Pay / Google Pay (R9). */
export const topUpForm = (
  onDone: (r: ChannelReply) => Promise<void>,
  methods: ReadonlyArray<readonly [PayMethod, string]>,
): HTMLFormElement => {
  const amount = h("input", { id: "app-amount", value: "500", inputmode: "decimal", size: 6 })
  const method = h("select", { id: "app-method" }, ...methods.map(([v, t]) => h("option", { value: v, text: t })))
  return h(
    "form",
    {
      class: "inline wrap",
      id: "app-topup",
      onsubmit: (e) => {
        e.preventDefault()
        flash("app")
        void act("Пополнение", async () => {
          const k = kopecksOf(amount.value)
          if (k === null) throw new Error(ENTER_AMOUNT)
          await onDone(await chan("POST", "/app/api/topup", { amount: k, method: method.value }, "app"))
        })
      },
    },
    h("label", { for: "app-amount", text: "Пополнить, ₽" }),
    amount,
    h("label", { for: "app-method", class: "sr", text: "Способ оплаты" }),
    method,
    h("button", { type: "submit", class: "primary" }, "Пополнить"),
  )
}
