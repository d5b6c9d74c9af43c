// Russian texts the core sends by SMS, in the operator's words where the sources give them.
import type { CatalogIndex } from "../catalog/load.ts"
import type { LedgerReason } from "../domain/events.ts"
import { phoneRu } from "../domain/phone.ts"
import { formatRub } from "../domain/money.ts"
import { mskParts } from "../domain/time.ts"

/** Shared data as a person reads it: whole gigabytes as «5 ГБ», otherwise megabytes («1536 МБ»). */
const dataRu = (mb: number): string => (mb % 1024 === 0 ? `${mb / 1024} ГБ` : `${mb} МБ`)

const pad = (n: number): string => String(n).padStart(2, "0")
export const dateRu = (t: number): string => {
  const p = mskParts(t)
  return `${pad(p.day)}.${pad(p.month)}.${p.year}`
}
export const timeRu = (t: number): string => {
  const p = mskParts(t)
  return `${pad(p.hour)}:${pad(p.minute)}`
}

export const SENDER = { otp: "3339", kiosk: "6262", mts: "MTS", assistant: "111" } as const

export const REASON_RU: Record<LedgerReason, string> = {
  "usage-call": "звонки",
  "usage-sms": "SMS",
  "usage-data": "мобильный интернет",
  "fee-monthly": "абонентская плата",
  "fee-daily": "ежедневная плата за услугу",
  "fee-zabugorishche": "Забугорище",
  "fee-family-member": "участник «МЫ МТС»",
  "fee-service-connect": "подключение услуги",
  "fee-tariff-change": "смена тарифа",
  "fee-promised-payment": "плата за обещанный платеж",
  "fee-transfer": "комиссия за перевод",
  "package-purchase": "покупка пакета",
  topup: "пополнение счета",
  "payment-card": "карта оплаты",
  autopay: "автоплатеж",
  "promised-payment": "обещанный платеж",
  "promised-repayment": "погашение обещанного платежа",
  "transfer-in": "перевод с другого номера",
  "transfer-out": "перевод на другой номер",
  "payment-other": "оплата",
}

/** A provider payment's ledger ref "provider:account" (core/rules/payments.ts payProvider). */
const providerRef = (cat: CatalogIndex, ref: string): { name: string; account: string; phone: boolean } | null => {
  const i = ref.indexOf(":")
  if (i < 0) return null
  const p = cat.data.providerPayments.providers.find((x) => x.id === ref.slice(0, i))
  return p === undefined ? null : { name: p.name, account: ref.slice(i + 1), phone: p.account === "phone" }
}

const TOPUP_METHOD_RU: Readonly<Record<string, string>> = {
  card: "пополнение картой",
  cash: "пополнение наличными",
  "apple-pay": "пополнение через Apple Pay",
  "google-pay": "пополнение через Google Pay",
  "samsung-pay": "пополнение через Samsung Pay",
  bank: "пополнение через банк",
}

/**
 * One ledger line as a person reads it (R14, R16): the reason with the catalog's name of what it
 * is about, never an internal id: «пополнение картой», «абонентская плата "Смарт"»,
 * «Забугорище (Турция)», «участник «МЫ МТС» +7 916 000-00-02».
 */
export const ledgerWhat = (cat: CatalogIndex, reason: LedgerReason, ref: string): string => {
  const base = REASON_RU[reason]
  const named = (name: string | undefined): string => (name === undefined ? base : `${base} "${name}"`)
  switch (reason) {
    case "topup":
      return TOPUP_METHOD_RU[ref] ?? base
    case "fee-monthly":
      return named(cat.tariffs.get(ref)?.name ?? cat.services.get(ref)?.name)
    case "fee-daily":
    case "fee-service-connect":
      return named(cat.services.get(ref)?.name)
    case "fee-tariff-change":
      return named(cat.tariffs.get(ref)?.name)
    case "package-purchase":
      return named(cat.oneOff.get(ref)?.name)
    case "fee-zabugorishche": {
      const c = cat.countries.get(ref)
      return c === undefined ? base : `${base} (${c.name})`
    }
    case "fee-transfer": {
      const pay = providerRef(cat, ref)
      return pay !== null ? `комиссия за оплату «${pay.name}»` : ref === "" ? base : `${base} ${phoneRu(ref)}`
    }
    case "fee-family-member":
    case "transfer-in":
    case "transfer-out":
      return ref === "" ? base : `${base} ${phoneRu(ref)}`
    case "payment-other": {
      const pay = providerRef(cat, ref)
      return pay === null
        ? base
        : `${base} «${pay.name}», ${pay.phone ? phoneRu(pay.account.replace(/^8/, "7")) : `договор ${pay.account}`}`
    }
    case "autopay":
      return ref === "threshold" ? "автоплатеж при низком балансе" : ref === "date" ? "автоплатеж по дате" : base
    default:
      return base
  }
}

export const texts = {
  otp: (code: string) =>
    `Пароль для входа в Личный кабинет: ${code}. Пароль действует 2 суток. Никому не сообщайте его.`,
  loginNotice: (t: number) =>
    `Выполнен вход в Личный кабинет МТС ${dateRu(t)} в ${timeRu(t)}. Если это были не вы, смените пароль.`,
  lockNotice: (n: number) =>
    `Вход в Личный кабинет заблокирован: ${n} раза подряд введен неверный пароль. Для входа получите новый пароль по SMS.`,
  passwordChanged: (t: number) => `Пароль для входа в Личный кабинет изменен ${dateRu(t)} в ${timeRu(t)}.`,
  kioskCode: (code: string) => `Код доступа к «Электронному Помощнику»: ${code}. Никому не сообщайте код.`,
  kioskLocked: () =>
    "Код доступа к «Электронному Помощнику» введен неверно более 3 раз. Доступ к сервису заблокирован на сутки.",
  serviceOn: (name: string) => `Услуга «${name}» подключена.`,
  serviceOff: (name: string) => `Услуга «${name}» отключена.`,
  eAssistantOn: () =>
    "Услуга «Электронный Помощник» подключена. Чтобы получить код доступа, отправьте пустое SMS на номер 6262.",
  tariffChanged: (name: string) => `Тарифный план изменен на «${name}».`,
  blocked: () => "Добровольная блокировка номера установлена. Абонентская плата не списывается.",
  unblocked: () => "Добровольная блокировка номера снята.",
  promised: (amount: number, fee: number, due: number) =>
    `Обещанный платеж ${formatRub(amount)} зачислен на счет до ${dateRu(due)}. Плата за услугу ${formatRub(fee)}`,
  promisedRepaid: (amount: number) => `Обещанный платеж ${formatRub(amount)} погашен.`,
  topUp: (amount: number, balance: number) => `Баланс пополнен на ${formatRub(amount)} Баланс: ${formatRub(balance)}`,
  autopay: (amount: number) => `Автоплатеж: счет пополнен на ${formatRub(amount)}`,
  providerPaid: (name: string, account: string, amount: number, fee: number) =>
    `Оплата «${name}» ` +
    `(${/^[78]\d{10}$/.test(account) ? phoneRu(`7${account.slice(1)}`) : `договор ${account}`}) ` +
    // formatRub ends in «руб.», which closes the sentence too.
    `на ${formatRub(amount)} выполнена${fee > 0 ? `, комиссия ${formatRub(fee)}` : "."}`,
  transferOut: (amount: number, to: string) => `Перевод ${formatRub(amount)} на номер ${phoneRu(to)} выполнен.`,
  transferIn: (amount: number, from: string) => `Вам поступил перевод ${formatRub(amount)} с номера ${phoneRu(from)}.`,
  usageCut: (kind: "call" | "sms" | "data", balance: number) =>
    `${kind === "call" ? "Звонок прерван" : kind === "sms" ? "SMS не отправлено" : "Доступ в интернет приостановлен"}` +
    `: недостаточно средств на счете. Баланс: ${formatRub(balance)} Пополните счет.`,
  charge: (amount: number, what: string, balance: number) =>
    `Списание ${formatRub(amount)}: ${what}. Баланс: ${formatRub(balance)}`,
  familyInvite: (owner: string, m: number, dataMb: number, sms: number) =>
    `Абонент ${phoneRu(owner)} приглашает вас в «МЫ МТС» и делится пакетами: ${m} ` +
    `мин, ${dataRu(dataMb)}, ${sms} SMS. Ваш тариф сменится на «МЫ МТС (участник)» без абонентской платы. ` +
    `Ответьте на это SMS словом «Да», чтобы согласиться, или «Нет».`,
  familyJoinedOwner: (member: string, fee: number) =>
    `Абонент ${phoneRu(member)} подтвердил участие в «МЫ МТС». Вы делитесь пакетами, плата ${formatRub(fee)} в месяц.`,
  familyJoinedMember: (owner: string) => `Вы участник «МЫ МТС» абонента ${phoneRu(owner)}. Пакеты доступны.`,
  familyDeclinedOwner: (member: string) => `Абонент ${phoneRu(member)} отказался от участия в «МЫ МТС».`,
  familyExpiredOwner: (member: string) =>
    `Абонент ${phoneRu(member)} не ответил на приглашение в «МЫ МТС». Приглашение отменено.`,
  familyRemovedMember: (owner: string, tariff: string) =>
    `Вы больше не участник «МЫ МТС» абонента ${phoneRu(owner)}. Ваш тариф: «${tariff}».`,
  familyRemovedOwner: (member: string) => `Номер ${phoneRu(member)} исключен из «МЫ МТС».`,
  linkCode: (owner: string, code: string) =>
    `Код для привязки вашего номера к Личному кабинету номера ${phoneRu(owner)}: ${code}. Если вы не ` +
    `запрашивали привязку, никому не сообщайте код.`,
  linked: (target: string) => `Номер ${phoneRu(target)} привязан к вашему Личному кабинету.`,
  linkedTo: (owner: string) =>
    `Ваш номер привязан к Личному кабинету номера ${phoneRu(owner)}. Если это сделали не вы, удалите привязку: ` +
    `Личный кабинет, «Настройки» → «Привязанные», или *111*828#, пункт 4.`,
  bonus: (name: string, points: number) => `Баллы обменяны: «${name}», списано ${points} баллов.`,
  packageBought: (name: string, until: number) => `Пакет «${name}» подключен до ${dateRu(until)}.`,
  constructorSet: (m: number, gb: number) => `Пакеты тарифа «Мой тариф» изменены: ${m} мин, ${gb} ГБ.`,
}
