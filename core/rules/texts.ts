// Russian texts the core sends by SMS, in the operator's words where the sources give them.
import type { LedgerReason } from "../domain/events.ts"
import { formatRub } from "../domain/money.ts"
import { mskParts } from "../domain/time.ts"

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
  "usage-call": "звонки", "usage-sms": "SMS", "usage-data": "мобильный интернет",
  "fee-monthly": "абонентская плата", "fee-daily": "ежедневная плата за услугу", "fee-zabugorishche": "Забугорище",
  "fee-family-member": "участник «МЫ МТС»", "fee-service-connect": "подключение услуги", "fee-tariff-change": "смена тарифа",
  "fee-promised-payment": "плата за обещанный платеж", "fee-transfer": "комиссия за перевод", "package-purchase": "покупка пакета",
  topup: "пополнение счета", "payment-card": "карта оплаты", autopay: "автоплатеж", "promised-payment": "обещанный платеж",
  "promised-repayment": "погашение обещанного платежа", "transfer-in": "перевод с другого номера", "transfer-out": "перевод на другой номер",
}

export const texts = {
  otp: (code: string) => `Пароль для входа в Личный кабинет: ${code}. Пароль действует 2 суток. Никому не сообщайте его.`,
  loginNotice: (t: number) => `Выполнен вход в Личный кабинет МТС ${dateRu(t)} в ${timeRu(t)}. Если это были не вы, смените пароль.`,
  lockNotice: (n: number) => `Вход в Личный кабинет заблокирован: ${n} раза подряд введен неверный пароль. Для входа получите новый пароль по SMS.`,
  passwordChanged: (t: number) => `Пароль для входа в Личный кабинет изменен ${dateRu(t)} в ${timeRu(t)}.`,
  kioskCode: (code: string) => `Код доступа к «Электронному Помощнику»: ${code}. Никому не сообщайте код.`,
  kioskLocked: () => "Код доступа к «Электронному Помощнику» введен неверно более 3 раз. Доступ к сервису заблокирован на сутки.",
  serviceOn: (name: string) => `Услуга «${name}» подключена.`,
  serviceOff: (name: string) => `Услуга «${name}» отключена.`,
  eAssistantOn: () => "Услуга «Электронный Помощник» подключена. Чтобы получить код доступа, отправьте пустое SMS на номер 6262.",
  tariffChanged: (name: string) => `Тарифный план изменен на «${name}».`,
  blocked: () => "Добровольная блокировка номера установлена. Абонентская плата не списывается.",
  unblocked: () => "Добровольная блокировка номера снята.",
  promised: (amount: number, fee: number, due: number) =>
    `Обещанный платеж ${formatRub(amount)} зачислен на счет до ${dateRu(due)}. Плата за услугу ${formatRub(fee)}`,
  promisedRepaid: (amount: number) => `Обещанный платеж ${formatRub(amount)} погашен.`,
  topUp: (amount: number, balance: number) => `Баланс пополнен на ${formatRub(amount)} Баланс: ${formatRub(balance)}`,
  autopay: (amount: number) => `Автоплатеж: счет пополнен на ${formatRub(amount)}`,
  transferOut: (amount: number, to: string) => `Перевод ${formatRub(amount)} на номер ${to} выполнен.`,
  transferIn: (amount: number, from: string) => `Вам поступил перевод ${formatRub(amount)} с номера ${from}.`,
  charge: (amount: number, what: string, balance: number) => `Списание ${formatRub(amount)}: ${what}. Баланс: ${formatRub(balance)}`,
  familyInvite: (owner: string, m: number, gb: number, sms: number) =>
    `Абонент ${owner} приглашает вас в «МЫ МТС» и делится пакетами: ${m} мин, ${gb} ГБ, ${sms} SMS. Ваш тариф сменится на «МЫ МТС (участник)» без абонентской платы. Ответьте «Да», чтобы согласиться, или «Нет».`,
  familyJoinedOwner: (member: string, fee: number) => `Абонент ${member} подтвердил участие в «МЫ МТС». Вы делитесь пакетами, плата ${formatRub(fee)} в месяц.`,
  familyJoinedMember: (owner: string) => `Вы участник «МЫ МТС» абонента ${owner}. Пакеты доступны.`,
  familyDeclinedOwner: (member: string) => `Абонент ${member} отказался от участия в «МЫ МТС».`,
  familyExpiredOwner: (member: string) => `Абонент ${member} не ответил на приглашение в «МЫ МТС». Приглашение отменено.`,
  familyRemovedMember: (owner: string, tariff: string) => `Вы больше не участник «МЫ МТС» абонента ${owner}. Ваш тариф: «${tariff}».`,
  familyRemovedOwner: (member: string) => `Номер ${member} исключен из «МЫ МТС».`,
  linkCode: (owner: string, code: string) => `Код для привязки вашего номера к Личному кабинету номера ${owner}: ${code}. Если вы не запрашивали привязку, никому не сообщайте код.`,
  linked: (target: string) => `Номер ${target} привязан к вашему Личному кабинету.`,
  linkedTo: (owner: string) => `Ваш номер привязан к Личному кабинету номера ${owner}. Если это сделали не вы, удалите привязку: Личный кабинет, «Настройки» → «Привязанные», или *111*828#, пункт 4.`,
  bonus: (name: string, points: number) => `Баллы обменяны: «${name}», списано ${points} баллов.`,
  packageBought: (name: string, until: number) => `Пакет «${name}» подключен до ${dateRu(until)}.`,
  constructorSet: (m: number, gb: number) => `Пакеты тарифа «Мой тариф» изменены: ${m} мин, ${gb} ГБ.`,
}
