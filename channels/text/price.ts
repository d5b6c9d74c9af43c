// What a service costs, as every channel lists it (R17, R3). The amounts and which fee applies come
// from the core's ServiceView; a channel passes its own money format (руб. or ₽).
import type { ServiceView } from "../../core/engine/views.ts"

type Money = (kopecks: number) => string

/**
 * "3,50 руб. в сутки", "50 руб. в месяц", "бесплатно"; «Забугорище»: its daily fee abroad in
 * popular countries and elsewhere, the fee where the subscriber is now, and «в России бесплатно».
 * `short` is for USSD screens (80 UCS-2 characters).
 */
export const servicePriceRu = (sv: ServiceView, money: Money, short = false): string => {
  const z = sv.abroadDaily
  if (z !== null) {
    if (short)
      return z.here !== null
        ? `${z.here.country}: ${money(z.here.amount)}/сут.`
        : `от ${money(Math.min(z.popular, z.other))}/сут. за границей`
    const general =
      `${money(z.popular)} в сутки в популярных странах, ${money(z.other)} в остальных — только в ` +
      `дни за границей, когда вы пользовались связью; в России бесплатно`
    return z.here !== null
      ? `${z.here.country}: ${money(z.here.amount)} в сутки в дни с использованием связи (${general})`
      : general
  }
  const fee =
    sv.dailyFee > 0
      ? `${money(sv.dailyFee)}${short ? "/день" : " в сутки"}`
      : sv.monthlyFee > 0
        ? `${money(sv.monthlyFee)}${short ? "/мес" : " в месяц"}`
        : sv.connectFee > 0
          ? ""
          : short
            ? "Бесплатно"
            : "бесплатно"
  if (sv.connectFee <= 0) return fee
  const connect = `${short ? "подкл." : "подключение"} ${money(sv.connectFee)}`
  return fee === "" ? connect : `${fee}, ${connect}`
}
