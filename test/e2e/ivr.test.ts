// IVR end to end over HTTP: the 111 voice menu paths, 1112163, digit timeouts and failure limit
// in twin time, hotline 0890 with queue and passport identification, bad input.
import { describe, expect, test } from "vitest"
import { MAIN_PROMPT } from "../../channels/ivr/menu111.ts"
import { GOODBYE, INVALID, NO_INPUT } from "../../channels/ivr/call.ts"
import { AUTO_MENU_PROMPT, OPERATOR_HELLO, PASSPORT_PROMPT } from "../../channels/ivr/hotline.ts"
import { addSub, lastSms, run, rub, sub } from "../helpers/twin.ts"
import { CONS, CORP, fingerprint, OWNER, postJson, rig, VIP } from "./ussd-setup.ts"

interface CallJson {
  callId: string
  end: boolean
  identified: boolean
  said: string[]
  transcript: string[]
  error: { code: string } | null
}

const startCall = async (r: ReturnType<typeof rig>, msisdn: string, number: string): Promise<CallJson> => {
  const res = await postJson(r.app, "/ivr/calls", { msisdn, number })
  expect(res.status).toBe(201)
  return (await res.json()) as CallJson
}
const dtmf = async (r: ReturnType<typeof rig>, id: string, keys: string): Promise<CallJson> =>
  (await (await postJson(r.app, `/ivr/calls/${id}/dtmf`, { keys })).json()) as CallJson
const readCall = async (r: ReturnType<typeof rig>, id: string): Promise<CallJson> =>
  (await (await r.app.request(`/ivr/calls/${id}`)).json()) as CallJson

describe("111 «Мобильный помощник» voice menu", () => {
  test("111 then 1 1 says the balance (111_1_1)", async () => {
    const r = rig()
    const c = await r.drv.ivrCall(OWNER, "111", "11")
    expect(c.ok).toBe(true)
    expect(c.text).toContain("Здравствуйте! Вас приветствует Мобильный помощник МТС.")
    expect(c.text).toContain(MAIN_PROMPT)
    expect(c.text).toContain("Ваш баланс: 2000 рублей 0 копеек.")
  })

  test("R9 111 2 1: card payment tops the balance up", async () => {
    const r = rig()
    const c = await r.drv.ivrCall(OWNER, "111", "21500#4276000000000001#")
    expect(c.text).toContain("Введите сумму платежа в рублях и нажмите решетку.")
    expect(c.text).toContain("Платеж на сумму 500 рублей 0 копеек зачислен. Ваш баланс: 2500 рублей 0 копеек.")
    expect(sub(r.twin, OWNER).balance).toBe(rub(2500))
  })

  test("R9 111 2 1: a short card number is asked again and nothing is paid", async () => {
    const r = rig()
    const before = fingerprint(r.twin)
    const c = await r.drv.ivrCall(OWNER, "111", "21500#1234#")
    expect(c.text).toContain("Номер карты должен содержать от 16 до 19 цифр.")
    expect(fingerprint(r.twin)).toEqual(before)
  })

  test("R9 111 2 2 lists credited payments; 111 2 3 activates a payment card", async () => {
    const r = rig()
    run(r.twin, { _tag: "IssuePaymentCard", code: "123456789012", amount: rub(300) })
    const none = await r.drv.ivrCall(OWNER, "111", "22")
    expect(none.text).toContain("За последние 30 дней платежей не было.")
    const card = await r.drv.ivrCall(OWNER, "111", "23123456789012#")
    expect(card.text).toContain(
      "Карта оплаты активирована. Зачислено 300 рублей 0 копеек. Ваш баланс: 2300 рублей 0 копеек.",
    )
    const list = await r.drv.ivrCall(OWNER, "111", "22")
    expect(list.text).toContain("Зачисленные платежи за 30 дней: 01.06.2026 — 300 рублей 0 копеек, карта оплаты.")
    const again = await r.drv.ivrCall(OWNER, "111", "23123456789012#")
    expect(again.ok).toBe(false)
    expect(again.text).toContain("Карта оплаты не найдена или уже активирована")
  })

  test("R10 111 3 takes the promised payment", async () => {
    const r = rig()
    const c = await r.drv.ivrCall(OWNER, "111", "31")
    expect(c.text).toContain("Вам доступен обещанный платеж до 1500 рублей 0 копеек.")
    expect(c.text).toContain(
      "Обещанный платеж на сумму 1500 рублей 0 копеек зачислен на ваш счет до 04.06.2026. Плата за услугу 50 рублей 0 копеек.",
    )
    expect(sub(r.twin, OWNER).promised?.amount).toBe(rub(1500))
    const c2 = await r.drv.ivrCall(OWNER, "111", "32200#")
    expect(c2.ok).toBe(false)
    expect(c2.error?.code).toBe("PROMISED_PAYMENT_OPEN")
  })

  test("111 4 tells the tariff", async () => {
    const r = rig()
    const c = await r.drv.ivrCall(OWNER, "111", "4")
    expect(c.text).toContain("Ваш тарифный план — «МЫ МТС». Абонентская плата 1100 рублей 0 копеек в месяц.")
  })

  test("R5 111 5 changes constructor packages; refused without «Мобильный помощник» and on other tariffs", async () => {
    const r = rig()
    const c = await r.drv.ivrCall(CONS, "111", "532")
    expect(c.text).toContain("Сейчас подключено: 300 минут, 10 ГБ, абонентская плата 480 рублей 0 копеек в месяц.")
    expect(c.text).toContain("Выберите пакет минут. 100 минут за 50 рублей 0 копеек — нажмите 1.")
    expect(c.text).toContain("Пакеты изменены: 600 минут, 10 ГБ. Абонентская плата 580 рублей 0 копеек в месяц.")
    expect(sub(r.twin, CONS).constructorChoice).toEqual({ minutes: 600, dataGb: 10 })
    const untouched = fingerprint(r.twin)
    const other = await r.drv.ivrCall(OWNER, "111", "5")
    expect(other.text).toContain("Изменять пакеты можно только на тарифе-конструкторе")
    expect(fingerprint(r.twin)).toEqual(untouched)
    expect(r.twin.log.query(OWNER, 0, Number.MAX_SAFE_INTEGER, ["ConstructorSet"])).toEqual([])
    run(r.twin, { _tag: "DisconnectService", msisdn: CONS, service: "mobile-assistant" })
    const before = fingerprint(r.twin)
    const no = await r.drv.ivrCall(CONS, "111", "511")
    expect(no.error?.code).toBe("MOBILE_ASSISTANT_REQUIRED")
    expect(no.text).toContain("Менять пакеты можно только при подключенном «Мобильном помощнике»")
    expect(fingerprint(r.twin)).toEqual(before)
  })

  test("R19 111 6 1 blocks the number; 6 2 unblocks; corporate tariffs are refused via IVR", async () => {
    const r = rig()
    const b = await r.drv.ivrCall(OWNER, "111", "61")
    expect(b.text).toContain("Добровольная блокировка номера установлена.")
    expect(sub(r.twin, OWNER).voluntaryBlock).toBe(true)
    await r.drv.ivrCall(OWNER, "111", "62")
    expect(sub(r.twin, OWNER).voluntaryBlock).toBe(false)
    const before = fingerprint(r.twin)
    const corp = await r.drv.ivrCall(CORP, "111", "61")
    expect(corp.ok).toBe(false)
    expect(corp.error?.code).toBe("BLOCK_NOT_ALLOWED")
    expect(corp.text).toContain("Добровольная блокировка для корпоративных тарифов через Мобильный помощник недоступна")
    expect(sub(r.twin, CORP).voluntaryBlock).toBe(false)
    expect(fingerprint(r.twin)).toEqual(before)
  })

  test("R4 111 7 lists promotions and buys one", async () => {
    const r = rig()
    const c = await r.drv.ivrCall(OWNER, "111", "72")
    expect(c.text).toContain("«Интернет-Мини»: 3 ГБ на 30 дней за 200 рублей 0 копеек — нажмите 2")
    expect(c.text).toContain("Пакет «Интернет-Мини» подключен до 01.07.2026.")
    expect(sub(r.twin, OWNER).packages.some((p) => p.offer === "internet-mini")).toBe(true)
  })

  test("R27 111 then 2163, and a call to 1112163, connect «Электронный Помощник»; VIP refused", async () => {
    const r = rig()
    const a = await r.drv.ivrCall(OWNER, "111", "2163")
    expect(a.text).toContain("Услуга «Электронный Помощник» подключена.")
    expect(a.end).toBe(true)
    expect(sub(r.twin, OWNER).services).toContain("e-assistant")
    const b = await r.drv.ivrCall(CONS, "1112163", "")
    expect(b.text).toContain("Услуга «Электронный Помощник» подключена.")
    expect(sub(r.twin, CONS).services).toContain("e-assistant")
    const v = await r.drv.ivrCall(VIP, "1112163", "")
    expect(v.ok).toBe(false)
    expect(sub(r.twin, VIP).services).not.toContain("e-assistant")
  })

  test("* repeats the menu; 0 returns to the main menu after an answer", async () => {
    const r = rig()
    const c = await r.drv.ivrCall(OWNER, "111", "*410")
    expect(c.text.split(MAIN_PROMPT).length - 1).toBe(3)
  })
})

describe("digit timeout and failure limit (twin time)", () => {
  test("each 5 s of silence is a timeout; the third says goodbye and hangs up", async () => {
    const r = rig()
    const c = await startCall(r, OWNER, "111")
    r.twin.advanceBy(4_999)
    expect((await readCall(r, c.callId)).said).toEqual([])
    r.twin.advanceBy(1)
    const one = await readCall(r, c.callId)
    expect(one.said).toEqual([NO_INPUT, MAIN_PROMPT])
    expect(one.end).toBe(false)
    r.twin.advanceBy(10_000)
    const three = await readCall(r, c.callId)
    expect(three.said).toEqual([NO_INPUT, MAIN_PROMPT, NO_INPUT, GOODBYE])
    expect(three.end).toBe(true)
    const late = await dtmf(r, c.callId, "1")
    expect(late.end).toBe(true)
    expect(late.said).toEqual([])
  })

  test("three invalid keys say goodbye and hang up; a valid key resets the count", async () => {
    const r = rig()
    const c = await startCall(r, OWNER, "111")
    const x = await dtmf(r, c.callId, "99")
    expect(x.said).toEqual([INVALID, MAIN_PROMPT, INVALID, MAIN_PROMPT])
    const y = await dtmf(r, c.callId, "1")
    expect(y.end).toBe(false)
    const z = await dtmf(r, c.callId, "999")
    expect(z.end).toBe(true)
    expect(z.said[z.said.length - 1]).toBe(GOODBYE)
  })

  test("a timeout and two invalid keys also end the call", async () => {
    const r = rig()
    const c = await startCall(r, OWNER, "111")
    r.twin.advanceBy(5_000)
    const x = await dtmf(r, c.callId, "88")
    expect(x.said).toEqual([NO_INPUT, MAIN_PROMPT, INVALID, MAIN_PROMPT, INVALID, GOODBYE])
    expect(x.end).toBe(true)
  })
})

describe("R29 hotline 0890", () => {
  test("R29 an automatic menu comes first; the specialist asks the passport only before a sensitive action", async () => {
    const r = rig()
    const c = await startCall(r, OWNER, "0890")
    expect(c.transcript).toEqual(["Здравствуйте! Вы позвонили в контактный центр МТС.", AUTO_MENU_PROMPT])
    const op = await dtmf(r, c.callId, "0")
    expect(op.said[0]).toBe(OPERATOR_HELLO)
    // Not sensitive: the balance is told without identification.
    expect((await dtmf(r, c.callId, "1")).said[0]).toContain("Оператор: Ваш баланс")
    const ask = await dtmf(r, c.callId, "7")
    expect(ask.said).toEqual([PASSPORT_PROMPT])
    const before = fingerprint(r.twin)
    const wrong = await dtmf(r, c.callId, "1111222222#")
    expect(wrong.said[0]).toContain("Данные паспорта не совпадают")
    expect(wrong.identified).toBe(false)
    expect(fingerprint(r.twin)).toEqual(before)
    const ok = await dtmf(r, c.callId, "4510123456#")
    expect(ok.identified).toBe(true)
    expect(ok.said[0]).toContain("личность подтверждена")
    expect(ok.said[1]).toBe("Оператор: Услуга «Мобильный помощник» отключена.")
    expect(sub(r.twin, OWNER).services).not.toContain("mobile-assistant")
    const bye = await dtmf(r, c.callId, "0")
    expect(bye.end).toBe(true)
  })

  test("R29 three wrong passports end the call with nothing done", async () => {
    const r = rig()
    const before = fingerprint(r.twin)
    const c = await r.drv.ivrCall(OWNER, "0890", "21#2#3#")
    expect(c.end).toBe(true)
    expect(c.text).toContain(GOODBYE)
    expect(fingerprint(r.twin)).toEqual(before)
  })

  test("R19 R29 a lost SIM: the automatic menu blocks a corporate number after the passport (not refused as via 111)", async () => {
    const r = rig()
    addSub(r.twin, "79161110012", "corporate", rub(10), { passport: "4000 000001" })
    const c = await r.drv.ivrCall("79161110012", "0890", "24000000001#")
    expect(c.text).toContain("Номер заблокирован")
    expect(sub(r.twin, "79161110012").voluntaryBlock).toBe(true)
  })

  test("R29 a second caller who asks for a specialist waits in the queue until the operator is free", async () => {
    const r = rig()
    const first = await startCall(r, OWNER, "0890")
    await dtmf(r, first.callId, "0")
    const second = await startCall(r, CONS, "0890")
    const queued = await dtmf(r, second.callId, "0")
    expect(queued.said.join(" ")).toContain("Ваш номер в очереди: 1.")
    expect(queued.said).not.toContain(OPERATOR_HELLO)
    const waiting = await dtmf(r, second.callId, "1")
    expect(waiting.said).toEqual(["Пожалуйста, оставайтесь на линии."])
    r.twin.advanceBy(4_000) // within the digit timeout: the first caller is still with the operator
    expect((await readCall(r, second.callId)).end).toBe(false)
    await r.app.request(`/ivr/calls/${first.callId}`, { method: "DELETE" })
    const now = await readCall(r, second.callId)
    expect(now.said[0]).toBe(OPERATOR_HELLO)
  })
})

describe("bad input: clear 4xx, state and log unchanged", () => {
  test("non-DTMF keys → 400 naming keys; the call goes on", async () => {
    const r = rig()
    const c = await startCall(r, OWNER, "111")
    const before = fingerprint(r.twin)
    for (const keys of ["1a", "один", "1 1", "x".repeat(10_240)]) {
      const res = await postJson(r.app, `/ivr/calls/${c.callId}/dtmf`, { keys })
      expect(res.status).toBe(400)
      expect(((await res.json()) as { error: { field: string } }).error.field).toBe("keys")
    }
    expect((await dtmf(r, c.callId, "11")).said).toContain("Ваш баланс: 2000 рублей 0 копеек.")
    expect(fingerprint(r.twin)).toEqual(before)
  })

  test.each([
    ["unknown MSISDN", { msisdn: "79990000000", number: "111" }, 404, "msisdn"],
    ["missing msisdn", { number: "111" }, 400, "msisdn"],
    ["missing number", { msisdn: OWNER }, 400, "number"],
    ["number not served", { msisdn: OWNER, number: "112" }, 404, "number"],
    ["10 KB number", { msisdn: OWNER, number: "1".repeat(10_240) }, 400, "number"],
  ])("%s → 4xx naming the field", async (_n, body, status, field) => {
    const r = rig()
    const before = fingerprint(r.twin)
    const res = await postJson(r.app, "/ivr/calls", body)
    expect(res.status).toBe(status)
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe(field)
    expect(fingerprint(r.twin)).toEqual(before)
  })

  test("unknown call id → 404 naming callId; another twin cannot see the call", async () => {
    const r = rig()
    const c = await startCall(r, OWNER, "111")
    r.registry.create({ id: "other", seed: "3", demo: false })
    for (const [path, twin] of [
      ["/ivr/calls/nope", "default"],
      [`/ivr/calls/${c.callId}`, "other"],
    ] as const) {
      const res = await r.app.request(path, { headers: { "x-twin": twin } })
      expect(res.status).toBe(404)
      expect(((await res.json()) as { error: { field: string } }).error.field).toBe("callId")
    }
  })

  test("R28 the caller's own number is the identity: SMS after a block goes to the caller", async () => {
    const r = rig()
    await r.drv.ivrCall(OWNER, "111", "61")
    expect(lastSms(r.twin, OWNER, "MTS")).toContain("Добровольная блокировка номера установлена")
  })
})
