// Hotline 0890 (R29). First the automatic menu («Прослушайте сообщение автоответчика и следуйте
// командам, чтобы выйти на специалиста»): tariffs and services, a lost SIM (block), access to the
// personal account, switching «Мобильный помощник» off, a specialist. A specialist is reached
// through a queue (channels.hotlineOperators operators, catalog data) and covers what the
// documents list: advice, technical help, a stolen or lost phone or SIM, switching any tariff or
// service on or off. The passport (views.passportMatches) is asked only before a sensitive action.
import { Result } from "effect"
import type { Command } from "../../core/domain/commands.ts"
import { accountView, tariffsView, type AccountView } from "../../core/engine/views.ts"
import { passportMatches } from "../../core/engine/views.ts"
import { rubSpoken } from "../text/money.ts"
import { GOODBYE, say, type IvrCtx, type IvrNode, type Step } from "./call.ts"

export const HOTLINE_GREETING = "Здравствуйте! Вы позвонили в контактный центр МТС."
export const AUTO_MENU_PROMPT =
  "Тарифы и услуги — нажмите 1. Потеря или кража телефона или SIM-карты, блокировка номера — 2. " +
  "Доступ в Личный кабинет — 3. Отключение «Мобильного помощника» — 4. Связаться со специалистом — 0."
export const OPERATOR_HELLO = "Оператор: Здравствуйте! Меня зовут Анна, я оператор МТС."
export const PASSPORT_PROMPT = "Для идентификации введите серию и номер паспорта и нажмите решетку."
export const PASSPORT_MISMATCH =
  "Данные паспорта не совпадают с данными владельца номера. Без идентификации я не могу выполнить операцию."
const TECH_HELP =
  "Если не удается войти в Личный кабинет, проверьте подключение к интернету, включите cookies в браузере и не используйте прокси. " +
  "Пароль можно получить заново в SMS: наберите *111*25#. Если приложение на смартфоне дает сбой, удалите его и " +
  "установите заново: данные хранятся на серверах МТС."

/** Simultaneous calls the operators can take: the twin's catalog (R29). */
export const operatorsOf = (x: IvrCtx): number => x.twin.cat.data.channels.hotlineOperators

const view = (x: IvrCtx, then: (v: AccountView) => Step, next: IvrNode): Step => {
  const v = accountView(x.twin, x.msisdn, x.msisdn)
  return Result.isFailure(v) ? say(next, v.failure.ru) : then(v.success)
}

const tariffAndServices = (v: AccountView): string => {
  const on = v.services.filter((s) => s.connected).map((s) => `«${s.name}»`)
  return (
    `Ваш тарифный план — «${v.tariff.name}», абонентская плата ${rubSpoken(v.tariff.monthlyFee)} в месяц. ` +
    `Подключенные услуги: ${on.length === 0 ? "нет" : on.join(", ")}.`
  )
}

// ---- the specialist ----------------------------------------------------------------------------

const opRun = (x: IvrCtx, cmd: Command, done: string): Step => {
  const r = x.twin.execute(cmd)
  return Result.isFailure(r)
    ? { say: [`Оператор: ${r.failure.ru}`], next: operatorMenu(), error: r.failure }
    : say(operatorMenu(), `Оператор: ${done}`)
}

/** R29: a sensitive action runs only once the caller's passport matched; else the passport first. */
const sensitive = (x: IvrCtx, act: (y: IvrCtx) => Step): Step => (x.call.identified ? act(x) : say(passport(act)))

const passport = (then: (x: IvrCtx) => Step): IvrNode => ({
  kind: "digits",
  prompt: PASSPORT_PROMPT,
  max: 20,
  onInput: (x, digits) => {
    const who = x.call.operator === true ? "Оператор: " : ""
    if (!passportMatches(x.twin, x.msisdn, digits))
      return { ...say(passport(then), `${who}${PASSPORT_MISMATCH}`), failed: true }
    x.call.identified = true
    const name = x.twin.state.subscribers.get(x.msisdn)?.name ?? ""
    const next = then(x)
    return { ...next, say: [`${who}Спасибо, ${address(name)}, личность подтверждена.`, ...next.say] }
  },
})

/** A numbered choice read out by the operator; the caller types the number and «#». */
const pick = <T>(
  intro: string,
  items: readonly T[],
  label: (t: T) => string,
  act: (x: IvrCtx, t: T) => Step,
): IvrNode => ({
  kind: "digits",
  prompt: `Оператор: ${intro} ${items.map((t, i) => `${label(t)} — ${i + 1}`).join(". ")}. Наберите номер и решетку.`,
  max: 3,
  onInput: (x, digits) => {
    const t = items[Number(digits) - 1]
    return t === undefined ? say(operatorMenu(), "Оператор: Такого варианта нет.") : act(x, t)
  },
})

const changeTariff = (x: IvrCtx): Step => {
  const ts = tariffsView(x.twin, x.msisdn).filter((t) => t.selectable && !t.current)
  return say(
    pick(
      "На какой тариф перейти?",
      ts,
      (t) => `«${t.name}», ${rubSpoken(t.monthlyFee)} в месяц`,
      (y, t) =>
        opRun(
          y,
          { _tag: "ChangeTariff", msisdn: y.msisdn, tariff: t.tariff, confirmed: true, by: y.msisdn, via: "hotline" },
          `Тарифный план изменен на «${t.name}».`,
        ),
    ),
  )
}

const switchService = (x: IvrCtx): Step =>
  view(
    x,
    (v) => {
      const list = v.services.filter((s) => (s.connected ? s.removable : s.available))
      return say(
        pick(
          "Какую услугу подключить или отключить?",
          list,
          (s) => `«${s.name}»${s.connected ? " (подключена)" : ""}`,
          (y, s) =>
            s.connected
              ? opRun(
                  y,
                  { _tag: "DisconnectService", msisdn: y.msisdn, service: s.id, by: y.msisdn, via: "hotline" },
                  `Услуга «${s.name}» отключена.`,
                )
              : opRun(
                  y,
                  { _tag: "ConnectService", msisdn: y.msisdn, service: s.id, by: y.msisdn, via: "hotline" },
                  `Услуга «${s.name}» подключена.`,
                ),
        ),
      )
    },
    operatorMenu(),
  )

const operatorMenu = (): IvrNode => ({
  kind: "menu",
  prompt:
    "Оператор: Чем могу помочь? Баланс — нажмите 1. Тариф и услуги — 2. Сменить тариф — 3. Подключить или отключить услугу — 4. " +
    "Потеря или кража телефона, SIM-карты: блокировка номера — 5. Снять блокировку — 6. Отключить «Мобильный помощник» — 7. " +
    "Техническая помощь — 8. Завершить разговор — 0.",
  options: {
    "1": (x) => view(x, (v) => say(operatorMenu(), `Оператор: Ваш баланс ${rubSpoken(v.balance)}.`), operatorMenu()),
    "2": (x) => view(x, (v) => say(operatorMenu(), `Оператор: ${tariffAndServices(v)}`), operatorMenu()),
    "3": (x) => sensitive(x, changeTariff),
    "4": (x) => sensitive(x, switchService),
    "5": (x) =>
      sensitive(x, (y) =>
        opRun(
          y,
          { _tag: "Block", msisdn: y.msisdn, by: y.msisdn, via: "hotline" },
          "Добровольная блокировка номера установлена.",
        ),
      ),
    "6": (x) =>
      sensitive(x, (y) =>
        opRun(
          y,
          { _tag: "Unblock", msisdn: y.msisdn, by: y.msisdn, via: "hotline" },
          "Добровольная блокировка номера снята.",
        ),
      ),
    "7": (x) =>
      sensitive(x, (y) =>
        opRun(
          y,
          { _tag: "DisconnectService", msisdn: y.msisdn, service: "mobile-assistant", by: y.msisdn, via: "hotline" },
          "Услуга «Мобильный помощник» отключена.",
        ),
      ),
    "8": () => say(operatorMenu(), `Оператор: ${TECH_HELP}`),
    "0": () => say("hangup", "Оператор: Спасибо за обращение!", GOODBYE),
  },
})

/** Name and patronymic for the operator to address the caller: «Иванова Мария Петровна» → «Мария Петровна». */
const address = (fullName: string): string => fullName.trim().split(/\s+/).slice(1).join(" ") || fullName

// ---- the queue and the automatic menu -------------------------------------------------------------

/** Calls to 0890 of this twin waiting for or talking to a specialist that started before this one. */
export type QueueAhead = (x: IvrCtx) => number

const toSpecialist =
  (ahead: QueueAhead) =>
  (x: IvrCtx): Step => {
    x.call.operator = true
    const queue: IvrNode = {
      kind: "queue",
      ready: (y) => (ahead(y) < operatorsOf(y) ? say(operatorMenu(), OPERATOR_HELLO) : null),
    }
    const n = ahead(x)
    const operators = operatorsOf(x)
    if (n < operators) return say(operatorMenu(), OPERATOR_HELLO)
    return say(
      queue,
      `Все операторы заняты. Ваш звонок очень важен для нас, оставайтесь на линии. Ваш номер в очереди: ${n - operators + 1}.`,
    )
  }

const autoRun = (x: IvrCtx, ahead: QueueAhead, cmd: Command, done: string): Step => {
  const r = x.twin.execute(cmd)
  return Result.isFailure(r)
    ? { say: [r.failure.ru], next: autoMenu(ahead), error: r.failure }
    : say(autoMenu(ahead), done)
}

const autoMenu = (ahead: QueueAhead): IvrNode => ({
  kind: "menu",
  prompt: AUTO_MENU_PROMPT,
  options: {
    "1": (x) =>
      view(
        x,
        (v) =>
          say(
            autoMenu(ahead),
            `${tariffAndServices(v)} Сменить тариф или подключить услугу можно в Личном кабинете, по *111# или у специалиста.`,
          ),
        autoMenu(ahead),
      ),
    // A lost SIM: blocking is sensitive, so the passport first.
    "2": (x) =>
      sensitive(x, (y) =>
        autoRun(
          y,
          ahead,
          { _tag: "Block", msisdn: y.msisdn, by: y.msisdn, via: "hotline" },
          "Номер заблокирован. Чтобы снять блокировку, позвоните на 0890 или войдите в Личный кабинет.",
        ),
      ),
    "3": (x) => {
      const r = x.twin.execute({ _tag: "RequestOtp", msisdn: x.msisdn, by: x.msisdn, via: "hotline" })
      return Result.isFailure(r)
        ? { say: [r.failure.ru], next: autoMenu(ahead), error: r.failure }
        : say(
            autoMenu(ahead),
            "Пароль для входа в Личный кабинет отправлен в SMS с номера 3339. Войдите на сайте МТС с номером телефона и этим паролем.",
          )
    },
    // 002_…: «Попросите отключить опцию и подтвердите личность паспортными данными».
    "4": (x) =>
      sensitive(x, (y) =>
        autoRun(
          y,
          ahead,
          { _tag: "DisconnectService", msisdn: y.msisdn, service: "mobile-assistant", by: y.msisdn, via: "hotline" },
          "Услуга «Мобильный помощник» отключена. Чтобы снова подключить ее, наберите *111*242# и выберите 1.",
        ),
      ),
    "0": toSpecialist(ahead),
  },
})

export const startHotline = (ahead: QueueAhead): Step => say(autoMenu(ahead), HOTLINE_GREETING)
