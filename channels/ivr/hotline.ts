// Hotline 0890 (R29): a queue, then a scripted operator who acts only after the caller is
// identified by passport (views.passportMatches). The number of operators is catalog data
// (channels.hotlineOperators, default one per twin).
import { Result } from "effect"
import type { Command } from "../../core/domain/commands.ts"
import { accountView, passportMatches } from "../../core/engine/views.ts"
import { rubSpoken } from "../text/money.ts"
import { GOODBYE, say, type IvrCtx, type IvrNode, type Step } from "./call.ts"

export const HOTLINE_GREETING = "Здравствуйте! Вы позвонили в контактный центр МТС."
export const OPERATOR_HELLO = "Оператор: Здравствуйте! Меня зовут Анна, я оператор МТС."
export const PASSPORT_PROMPT = "Для идентификации введите серию и номер паспорта и нажмите решетку."
export const PASSPORT_MISMATCH = "Данные паспорта не совпадают с данными владельца номера. Без идентификации я не могу выполнить операцию."

/** Simultaneous calls the operators can take: the twin's catalog (R29). */
export const operatorsOf = (x: IvrCtx): number => x.twin.cat.data.channels.hotlineOperators

const opRun = (x: IvrCtx, cmd: Command, done: string): Step => {
  const r = x.twin.execute(cmd)
  return Result.isFailure(r) ? { say: [`Оператор: ${r.failure.ru}`], next: operatorMenu(), error: r.failure } : say(operatorMenu(), `Оператор: ${done}`)
}

const operatorMenu = (): IvrNode => ({
  kind: "menu",
  prompt: "Оператор: Чем могу помочь? Баланс — нажмите 1. Отключить «Мобильный помощник» — 2. " +
    "Установить добровольную блокировку — 3. Снять добровольную блокировку — 4. Завершить разговор — 0.",
  options: {
    "1": (x) => {
      const v = accountView(x.twin, x.msisdn, x.msisdn)
      return Result.isFailure(v) ? say(operatorMenu(), `Оператор: ${v.failure.ru}`) : say(operatorMenu(), `Оператор: Ваш баланс ${rubSpoken(v.success.balance)}.`)
    },
    "2": (x) => opRun(x, { _tag: "DisconnectService", msisdn: x.msisdn, service: "mobile-assistant", by: x.msisdn, via: "hotline" }, "Услуга «Мобильный помощник» отключена."),
    "3": (x) => opRun(x, { _tag: "Block", msisdn: x.msisdn, by: x.msisdn, via: "hotline" }, "Добровольная блокировка номера установлена."),
    "4": (x) => opRun(x, { _tag: "Unblock", msisdn: x.msisdn, by: x.msisdn, via: "hotline" }, "Добровольная блокировка номера снята."),
    "0": () => say("hangup", "Оператор: Спасибо за обращение!", GOODBYE),
  },
})

/** Name and patronymic for the operator to address the caller: «Иванова Мария Петровна» → «Мария Петровна». */
const address = (fullName: string): string => fullName.trim().split(/\s+/).slice(1).join(" ") || fullName

const passport = (): IvrNode => ({
  kind: "digits", prompt: PASSPORT_PROMPT, max: 20,
  onInput: (x, digits) => {
    if (!passportMatches(x.twin, x.msisdn, digits)) return { ...say(passport(), `Оператор: ${PASSPORT_MISMATCH}`), failed: true }
    x.call.identified = true
    const name = x.twin.state.subscribers.get(x.msisdn)?.name ?? ""
    return say(operatorMenu(), `Оператор: Спасибо, ${address(name)}, личность подтверждена.`)
  },
})

/** Calls to 0890 of this twin still in progress that started before `id` (the queue ahead). */
export type QueueAhead = (x: IvrCtx) => number

export const startHotline = (ahead: QueueAhead): Step => {
  const queue: IvrNode = {
    kind: "queue",
    ready: (x) => (ahead(x) < operatorsOf(x) ? say(passport(), OPERATOR_HELLO) : null),
  }
  return {
    say: [HOTLINE_GREETING],
    next: {
      kind: "queue",
      ready: (x) => {
        const n = ahead(x)
        const operators = operatorsOf(x)
        if (n < operators) return say(passport(), OPERATOR_HELLO)
        return say(queue, `Все операторы заняты. Ваш звонок очень важен для нас, оставайтесь на линии. Ваш номер в очереди: ${n - operators + 1}.`)
      },
    },
  }
}
