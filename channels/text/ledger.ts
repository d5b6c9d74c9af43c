// What a ledger entry's reference means to a subscriber: the catalog's name of the tariff,
// service, package or country, the payment method in words, a phone number. Internal ids (card,
// smart, TR, promised) never reach a screen.
import type { CatalogIndex } from "../../core/catalog/load.ts"
import { msisdnRu } from "../lk/format.ts"

const METHOD_RU: Readonly<Record<string, string>> = {
  card: "банковская карта", cash: "наличные", "apple-pay": "Apple Pay", "google-pay": "Google Pay", bank: "банковский перевод",
  date: "по дате", threshold: "по порогу",
}

/** The reference of a ledger entry in the subscriber's words, or "" when it adds nothing. */
export const ledgerRefRu = (twin: { readonly cat: CatalogIndex }, ref: string): string => {
  if (ref === "" || ref === "promised" || ref === "payment-card") return ""
  const method = METHOD_RU[ref]
  if (method !== undefined) return method
  if (/^7\d{10}$/.test(ref)) return msisdnRu(ref)
  const country = twin.cat.countries.get(ref)?.name
  if (country !== undefined) return country
  const named = twin.cat.tariffs.get(ref)?.name ?? twin.cat.services.get(ref)?.name ?? twin.cat.oneOff.get(ref)?.name ?? twin.cat.bonusOffers.get(ref)?.name
  return named !== undefined ? `«${named}»` : ""
}

/** «абонентская плата «Smart»», «пополнение счета, банковская карта». */
export const ledgerLineRu = (twin: { readonly cat: CatalogIndex }, label: string, ref: string): string => {
  const r = ledgerRefRu(twin, ref)
  return r === "" ? label : r.startsWith("«") ? `${label} ${r}` : `${label}, ${r}`
}
