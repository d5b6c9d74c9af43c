// USSD end to end over HTTP (app.request, no network): every code, the *111# tree, gateway
// semantics (chained codes, 0/00, «Далее», idle timeout), Africa's Talking callback, bad input.
import { phoneRu } from "../../core/domain/phone.ts"
import { describe, expect, test } from "vitest"
import { accountView } from "../../core/engine/views.ts"
import { formatRub } from "../../core/domain/money.ts"
import { fitsScreen } from "../../channels/text/screen.ts"
import { UssdGateway, SESSION_EXPIRED } from "../../channels/ussd/gateway.ts"
import { codeFrom, lastSms, run, rub, sub, addSub } from "../helpers/twin.ts"
import { CONS, CORP, CREDIT, fingerprint, OWNER, postForm, postJson, rig, VIP } from "./ussd-setup.ts"

const view = (r: ReturnType<typeof rig>, m: string) => {
  const v = accountView(r.twin, m)
  if (v._tag === "Failure") throw new Error(v.failure.message)
  return v.success
}

/** Every page of a screen, following «Далее», joined without the paging lines. */
const pages = async (r: ReturnType<typeof rig>, m: string, first: { text: string; end: boolean }): Promise<string> => {
  const out = [first.text]
  let cur = first
  while (!cur.end && cur.text.includes("9>Далее")) {
    cur = await r.drv.ussdReply(m, "9")
    out.push(cur.text)
  }
  return out
    .join("\n")
    .split("\n")
    .filter((l) => l !== "9>Далее")
    .join("\n")
}

describe("Unibalance codes (R8)", () => {
  test("R8 *100# shows the balance in the core's money format and ends the session", async () => {
    const r = rig()
    const s = await r.drv.ussdDial(OWNER, "*100#")
    expect(s).toMatchObject({ ok: true, end: true, text: `Баланс: ${formatRub(view(r, OWNER).balance)}` })
    expect(s.text).toBe("Баланс: 2\u00a0000,00 руб.")
  })

  test("R8 *100# on a negative balance recommends a top-up", async () => {
    const r = rig()
    addSub(r.twin, "79161110009", "my-mts", -71_692)
    const s = await r.drv.ussdDial("79161110009", "*100#")
    expect(s.text).toContain("-716,92 руб.")
    expect(s.text).toContain("рекомендуем пополнить")
  })

  test("R8 *100*1# lists periodic packages, paged with «Далее», and reflects usage", async () => {
    const r = rig()
    run(r.twin, { _tag: "Usage", msisdn: OWNER, usage: { _tag: "call", to: "79161110002", seconds: 600 } })
    const first = await r.drv.ussdDial(OWNER, "*100*1#")
    const pages = [first.text]
    let cur = first
    while (!cur.end) {
      expect(cur.text).toContain("9>Далее")
      cur = await r.drv.ussdReply(OWNER, "9")
      pages.push(cur.text)
    }
    const all = pages.join("\n")
    expect(all).toContain("Минуты: 1490 из 1500 мин")
    expect(all).toContain("Интернет: 50 ГБ из 50 ГБ")
    expect(all).toContain("SMS: 500 из 500 SMS")
    for (const p of pages) expect(fitsScreen(p)).toBe(true)
  })

  test("R8 *100*2# shows one-off packages: «Интернет-VIP: 22,27 ГБ из 30 ГБ до …»", async () => {
    const r = rig()
    addSub(r.twin, "79161110010", "super", rub(2000))
    expect((await r.drv.ussdDial("79161110010", "*100*2#")).text).toBe("Разовых пакетов нет")
    run(r.twin, { _tag: "BuyPackage", msisdn: "79161110010", offer: "internet-vip" })
    run(r.twin, { _tag: "Usage", msisdn: "79161110010", usage: { _tag: "data", kb: (30 * 1024 - 22_805) * 1024 } })
    const s = await r.drv.ussdDial("79161110010", "*100*2#")
    expect(s.text).toBe("Интернет-VIP: 22,27 ГБ из 30 ГБ до 01.07.2026")
    expect(s.end).toBe(true)
  })

  test("R8 *100*3# and *132# show the debt for the credit method", async () => {
    const r = rig()
    for (const code of ["*100*3#", "*132#"]) {
      const s = await r.drv.ussdDial(CREDIT, code)
      expect(s.text).toContain("Задолженность: 150,00 руб.")
      expect(s.end).toBe(true)
    }
    expect((await r.drv.ussdDial(OWNER, "*132#")).text).toContain("Задолженности нет")
  })
})

describe("*111# МТС Сервис", () => {
  test("*111# is the seed's menu word for word, a CON screen", async () => {
    const r = rig()
    const s = await r.drv.ussdDial(OWNER, "*111#")
    expect(s.end).toBe(false)
    expect(s.text).toBe("0> Хит дня\n1>GoodOK\n2>Счет\n3>Тарифы\n4>Развл/инфо\n5>Удоб.связь")
  })

  test("chained code *111*2*1# equals *111# then 2 then 1 (balance)", async () => {
    const r = rig()
    const chained = await r.drv.ussdDial(OWNER, "*111*2*1#")
    await r.drv.ussdDial(OWNER, "*111#")
    await r.drv.ussdReply(OWNER, "2")
    const stepwise = await r.drv.ussdReply(OWNER, "1")
    expect(chained.text).toBe(stepwise.text)
    expect(chained.text).toBe(`Баланс: ${formatRub(rub(2000))}`)
  })

  test("0 goes back, 00 returns to the main menu, a wrong key keeps the screen", async () => {
    const r = rig()
    await r.drv.ussdDial(OWNER, "*111*2#")
    const pkgs = await r.drv.ussdReply(OWNER, "2")
    expect(pkgs.text).toContain("1>По тарифу")
    const back = await r.drv.ussdReply(OWNER, "0")
    expect(back.text).toContain("1>Баланс")
    const wrong = await r.drv.ussdReply(OWNER, "7777")
    // «Неверный выбор» goes above the screen when it still fits the 80-character limit.
    expect(wrong.text === back.text || wrong.text === `Неверный выбор\n${back.text}`).toBe(true)
    expect(wrong.end).toBe(false)
    await r.drv.ussdReply(OWNER, "2")
    const wrong2 = await r.drv.ussdReply(OWNER, "5")
    expect(wrong2.text).toBe("Неверный выбор\nПакеты\n1>По тарифу\n2>Разовые\n0>Назад")
    const main = await r.drv.ussdReply(OWNER, "00")
    expect(main.text).toBe("0> Хит дня\n1>GoodOK\n2>Счет\n3>Тарифы\n4>Развл/инфо\n5>Удоб.связь")
  })

  test("«Далее» pages a long menu and 0 pages back (5>Удоб.связь)", async () => {
    const r = rig()
    const p1 = await r.drv.ussdDial(OWNER, "*111*5#")
    expect(p1.text).toContain("9>Далее")
    const p2 = await r.drv.ussdReply(OWNER, "9")
    expect(p2.text).not.toBe(p1.text)
    expect((await r.drv.ussdReply(OWNER, "0")).text).toBe(p1.text)
  })

  test("R17 1>GoodOK connects GOOD'OK and *111*919# lists it and turns it off", async () => {
    const r = rig()
    const on = await r.drv.ussdDial(OWNER, "*111*1*1#")
    expect(on).toMatchObject({ ok: true, end: true, text: "Услуга «GOOD'OK» подключена" })
    expect(sub(r.twin, OWNER).services).toContain("goodok")
    const list = await r.drv.ussdDial(OWNER, "*111*919#")
    expect(list.text).toContain("1>GOOD'OK 3,50 руб./день")
    await r.drv.ussdReply(OWNER, "1")
    const off = await r.drv.ussdReply(OWNER, "1")
    expect(off.text).toBe("Услуга «GOOD'OK» отключена")
    expect(sub(r.twin, OWNER).services).not.toContain("goodok")
    expect((await r.drv.ussdDial(OWNER, "*111*919#")).text).toBe("Платных подписок нет")
  })

  test("R17 a catalog service code (*111*442# «Черный список») opens that service", async () => {
    const r = rig()
    const s = await r.drv.ussdDial(OWNER, "*111*442#")
    expect(s.text).toContain("«Черный список»")
    await r.drv.ussdReply(OWNER, "1")
    expect(sub(r.twin, OWNER).services).toContain("blacklist")
  })

  test("R4 0> Хит дня sells the day's one-off package", async () => {
    const r = rig()
    const before = sub(r.twin, OWNER).balance
    const hit = await r.drv.ussdDial(OWNER, "*111*0#")
    expect(hit.text).toContain("Хит дня")
    const done = await r.drv.ussdReply(OWNER, "1")
    expect(done.ok).toBe(true)
    expect(done.text).toMatch(/^Пакет «.+» подключен$/)
    expect(sub(r.twin, OWNER).packages.some((p) => p.source === "oneoff")).toBe(true)
    expect(sub(r.twin, OWNER).balance).toBeLessThan(before)
  })

  test("R6 3>Тарифы changes the tariff after the price screen", async () => {
    const r = rig()
    const list = await r.drv.ussdDial(OWNER, "*111*3#")
    expect(list.text).toContain("Смарт")
    expect(list.text).not.toContain("МЫ МТС")
    const key = /(\d+)>Смарт/.exec(list.text)?.[1] as string
    const offer = await r.drv.ussdReply(OWNER, key)
    expect(offer.text).toContain("«Смарт»\n650 руб./мес, переход 0 руб.")
    const done = await r.drv.ussdReply(OWNER, "1")
    expect(done.text).toBe("Тарифный план изменен на «Смарт»")
    expect(sub(r.twin, OWNER).tariff).toBe("smart")
  })

  test("R6 *111*2*5# shows number and tariff and offers the popular plans", async () => {
    const r = rig()
    const s = await r.drv.ussdDial(OWNER, "*111*2*5#")
    expect(s.text).toContain(`Номер: ${phoneRu(OWNER)}`)
    expect(s.text).toContain("Тариф: «МЫ МТС»")
    const pop = await r.drv.ussdReply(OWNER, "1")
    expect(pop.text).toContain("Популярные тарифы")
    expect(pop.text).toContain("Супер МТС")
    expect(pop.text).not.toContain("VIP")
  })

  test("R13 4>Развл/инфо 2>Бонусы shows the points and refuses an exchange without enough", async () => {
    const r = rig()
    const s = await r.drv.ussdDial(OWNER, "*111*4*2#")
    expect(s.text).toContain("Бонусы: 0 баллов")
    const before = fingerprint(r.twin)
    const x = await r.drv.ussdReply(OWNER, "1")
    expect(x.ok).toBe(false)
    expect(x.error?.code).toBe("BONUS_INSUFFICIENT")
    expect(fingerprint(r.twin)).toEqual(before)
  })
})

describe("service codes", () => {
  test("R14 *111*23# expense control: month totals and credited payments", async () => {
    const r = rig()
    const payg = "79161110011"
    addSub(r.twin, payg, "super", rub(100))
    run(r.twin, { _tag: "Usage", msisdn: payg, usage: { _tag: "call", to: OWNER, seconds: 600 } })
    run(r.twin, { _tag: "BuyPackage", msisdn: payg, offer: "sms-50" })
    run(r.twin, { _tag: "TopUp", msisdn: payg, amount: rub(500), method: "card" })
    const d = await pages(r, payg, await r.drv.ussdDial(payg, "*111*23*3#"))
    expect(d).toBe("Расходы за месяц: 80,00 руб.\nЗвонки: 20,00 руб.\nАбон. плата и услуги: 60,00 руб.")
    expect((await r.drv.ussdDial(payg, "*111*23*1#")).text).toContain("Расходы за сегодня: 80,00 руб.")
    expect((await r.drv.ussdDial(payg, "*111*23*2#")).text).toContain("Расходы за неделю: 80,00 руб.")
    const pays = await pages(r, payg, await r.drv.ussdDial(payg, "*111*23*4#"))
    expect(pays).toContain("500,00 руб. пополнение картой")
  })

  test("R10 *111*123# takes a promised payment once; a second one is refused by the core", async () => {
    const r = rig()
    const before = sub(r.twin, OWNER).balance
    const m = await r.drv.ussdDial(OWNER, "*111*123#")
    expect(m.text).toContain("Обещанный платеж до 1500 руб.")
    const done = await r.drv.ussdReply(OWNER, "1")
    expect(done.text).toContain("Обещанный платеж 1\u00a0500,00 руб. зачислен до 04.06.2026")
    expect(sub(r.twin, OWNER).promised?.amount).toBe(rub(1500))
    expect(sub(r.twin, OWNER).balance).toBe(before + rub(1500) - rub(50))
    const again = await r.drv.ussdDial(OWNER, "*111*123*1#")
    expect(again.ok).toBe(false)
    expect(again.error?.code).toBe("PROMISED_PAYMENT_OPEN")
    expect(again.text).toContain("У вас уже есть обещанный платеж")
  })

  test("R10 *111*123*2# asks for an amount; a bad amount asks again", async () => {
    const r = rig()
    const ask = await r.drv.ussdDial(OWNER, "*111*123*2#")
    expect(ask.text).toBe("Введите сумму в рублях")
    const bad = await r.drv.ussdReply(OWNER, "abc")
    expect(bad.text).toBe("Неверная сумма\nВведите сумму в рублях")
    const ok = await r.drv.ussdReply(OWNER, "300")
    expect(ok.text).toContain("Обещанный платеж 300,00 руб.")
    expect(sub(r.twin, OWNER).promised?.amount).toBe(rub(300))
  })

  test("R22 *111*25# sends an SMS password from 3339", async () => {
    const r = rig()
    const s = await r.drv.ussdDial(OWNER, "*111*25#")
    expect(s.text).toContain("отправлен в SMS")
    expect(lastSms(r.twin, OWNER, "3339")).toMatch(/^Пароль для входа в Личный кабинет: \d{4}/)
  })

  test("R18 *111*242# turns «Мобильный помощник» off with «2 Удалить»", async () => {
    const r = rig()
    const m = await r.drv.ussdDial(OWNER, "*111*242#")
    expect(m.text).toContain("2>Удалить")
    const off = await r.drv.ussdReply(OWNER, "2")
    expect(off.text).toBe("Услуга «Мобильный помощник» отключена")
    expect(sub(r.twin, OWNER).services).not.toContain("mobile-assistant")
  })

  test("R27 *111*2163# connects «Электронный Помощник»; corporate and VIP are refused", async () => {
    const r = rig()
    const s = await r.drv.ussdDial(OWNER, "*111*2163#")
    expect(s.text).toContain("«Электронный Помощник» подключена")
    expect(sub(r.twin, OWNER).services).toContain("e-assistant")
    for (const m of [CORP, VIP]) {
      const before = fingerprint(r.twin)
      const no = await r.drv.ussdDial(m, "*111*2163#")
      expect(no.ok).toBe(false)
      expect(no.error?.code).toBe("SERVICE_NOT_AVAILABLE")
      expect(no.end).toBe(true)
      expect(no.text).toBe("Услуга «Электронный Помощник» недоступна на вашем тарифе")
      expect(fingerprint(r.twin)).toEqual(before)
    }
  })

  test("R20 *111*828*1# links a number with the code sent to that number", async () => {
    const r = rig()
    const ask = await r.drv.ussdDial(OWNER, "*111*828*1#")
    expect(ask.text).toBe("Введите номер в формате 7XXXXXXXXXX")
    expect((await r.drv.ussdReply(OWNER, "12")).text).toContain("Неверный номер")
    const code = await r.drv.ussdReply(OWNER, `8${CONS.slice(1)}`)
    expect(code.text).toBe(`Введите код из SMS на номер ${phoneRu(CONS)}`)
    const real = codeFrom(r.twin, CONS, "MTS")
    const wrong = await r.drv.ussdReply(OWNER, real === "0000" ? "1111" : "0000")
    expect(wrong).toMatchObject({ ok: false, end: true, text: "Неверный код. Осталось попыток: 2" })
    expect(sub(r.twin, OWNER).linked).not.toContain(CONS)
    await r.drv.ussdDial(OWNER, "*111*828*1#")
    await r.drv.ussdReply(OWNER, CONS)
    const done = await r.drv.ussdReply(OWNER, codeFrom(r.twin, CONS, "MTS"))
    expect(done.text).toBe(`Номер ${phoneRu(CONS)} привязан`)
    expect(sub(r.twin, OWNER).linked).toContain(CONS)
    expect((await r.drv.ussdDial(OWNER, "*111*828*2#")).text).toBe(phoneRu(CONS))
    await r.drv.ussdDial(OWNER, "*111*828*3*1#")
    expect(sub(r.twin, OWNER).linked).not.toContain(CONS)
  })

  test("*111*59# tells the tariff", async () => {
    const r = rig()
    const s = await r.drv.ussdDial(CONS, "*111*59#")
    expect(s.text).toBe(
      `Ваш тариф: «Мой тариф»\nАбонентская плата: ${formatRub(view(r, CONS).tariff.monthlyFee)} в месяц`,
    )
  })

  test("unknown codes get «Неверная команда» and change nothing", async () => {
    const r = rig()
    const before = fingerprint(r.twin)
    for (const code of ["*999#", "*1234#", "*5*100#", "#100#", "abc", "*#", "**100##", "*111*"]) {
      const s = await r.drv.ussdDial(OWNER, code)
      expect(s).toMatchObject({ status: 200, end: true, text: "Неверная команда" })
    }
    expect(fingerprint(r.twin)).toEqual(before)
  })
})

describe("session semantics", () => {
  test("idle timeout is 180 s of twin time", async () => {
    const r = rig()
    await r.drv.ussdDial(OWNER, "*111#")
    r.twin.advanceBy(179_000)
    expect((await r.drv.ussdReply(OWNER, "2")).text).toContain("1>Баланс")
    r.twin.advanceBy(181_000)
    const late = await r.drv.ussdReply(OWNER, "1")
    expect(late).toMatchObject({ end: true, text: SESSION_EXPIRED })
  })

  test("a reply with no session ends; a new dial replaces the old session", async () => {
    const r = rig()
    expect((await r.drv.ussdReply(OWNER, "1")).text).toBe(SESSION_EXPIRED)
    await r.drv.ussdDial(OWNER, "*111*2#")
    await r.drv.ussdDial(OWNER, "*111#")
    expect((await r.drv.ussdReply(OWNER, "2")).text).toContain("1>Баланс")
  })

  test("sessions are bounded: the idlest is dropped first", () => {
    const r = rig()
    const g = new UssdGateway(2)
    g.dial(r.twin, OWNER, "*111#")
    g.dial(r.twin, CORP, "*111#")
    g.dial(r.twin, CONS, "*111#")
    expect(g.size).toBe(2)
    expect(g.reply(r.twin, OWNER, "2").text).toBe(SESSION_EXPIRED)
    expect(g.reply(r.twin, CONS, "2").text).toContain("1>Баланс")
  })

  test("sessions are per twin: the same number on another twin has its own session", async () => {
    const r = rig()
    const other = r.registry.create({ id: "other", seed: "2", demo: false })
    addSub(other, OWNER, "smart", rub(10))
    await r.drv.ussdDial(OWNER, "*111#")
    const res = await postJson(r.app, "/ussd/reply", { msisdn: OWNER, text: "2" }, { "x-twin": "other" })
    expect((await res.json()) as { text: string }).toMatchObject({ text: SESSION_EXPIRED })
  })
})

describe("Africa's Talking callback POST /ussd", () => {
  test("form fields, cumulative text, CON then END", async () => {
    const r = rig()
    const base = { sessionId: "ATUid_1", serviceCode: "*111#", phoneNumber: `+${OWNER}` }
    const a = await postForm(r.app, "/ussd", { ...base, text: "" })
    expect(a.status).toBe(200)
    expect(await a.text()).toBe("CON 0> Хит дня\n1>GoodOK\n2>Счет\n3>Тарифы\n4>Развл/инфо\n5>Удоб.связь")
    const b = await postForm(r.app, "/ussd", { ...base, text: "2" })
    expect((await b.text()).startsWith("CON Счет")).toBe(true)
    const c = await postForm(r.app, "/ussd", { ...base, text: "2*1" })
    expect(await c.text()).toBe("END Баланс: 2\u00a0000,00 руб.")
  })

  test("JSON body and a chained serviceCode; an action runs once", async () => {
    const r = rig()
    const res = await postJson(r.app, "/ussd", {
      sessionId: "s2",
      serviceCode: "*111*242#",
      phoneNumber: OWNER,
      text: "",
    })
    expect((await res.text()).startsWith("CON «Мобильный помощник»")).toBe(true)
    const off = await postJson(r.app, "/ussd", {
      sessionId: "s2",
      serviceCode: "*111*242#",
      phoneNumber: OWNER,
      text: "2",
    })
    expect(await off.text()).toBe("END Услуга «Мобильный помощник» отключена")
    const seq = r.twin.state.seq
    const replay = await postJson(r.app, "/ussd", {
      sessionId: "s2",
      serviceCode: "*111*242#",
      phoneNumber: OWNER,
      text: "2",
    })
    expect(await replay.text()).toBe(`END ${SESSION_EXPIRED}`)
    expect(r.twin.state.seq).toBe(seq)
  })

  test("R28 a stranger's number gets an END screen, not an account", async () => {
    const r = rig()
    const res = await postForm(r.app, "/ussd", {
      sessionId: "x",
      serviceCode: "*100#",
      phoneNumber: "+79990000000",
      text: "",
    })
    expect(res.status).toBe(200)
    expect(await res.text()).toBe("END Абонент не найден")
  })
})

describe("bad input: clear 4xx naming the field, state and log unchanged", () => {
  const cases: Array<[string, string, unknown, number, string]> = [
    ["missing sessionId", "/ussd", { serviceCode: "*100#", phoneNumber: OWNER }, 400, "sessionId"],
    ["missing serviceCode", "/ussd", { sessionId: "1", phoneNumber: OWNER }, 400, "serviceCode"],
    ["missing phoneNumber", "/ussd", { sessionId: "1", serviceCode: "*100#" }, 400, "phoneNumber"],
    [
      "malformed phoneNumber",
      "/ussd",
      { sessionId: "1", serviceCode: "*100#", phoneNumber: "abc" },
      400,
      "phoneNumber",
    ],
    [
      "10 KB text",
      "/ussd",
      { sessionId: "1", serviceCode: "*111#", phoneNumber: OWNER, text: "1*".repeat(5000) },
      400,
      "text",
    ],
    [
      "object as text",
      "/ussd",
      { sessionId: "1", serviceCode: "*111#", phoneNumber: OWNER, text: { a: 1 } },
      400,
      "text",
    ],
    ["missing msisdn", "/ussd/dial", { code: "*100#" }, 400, "msisdn"],
    ["unknown msisdn", "/ussd/dial", { msisdn: "79990000000", code: "*100#" }, 404, "msisdn"],
    ["missing code", "/ussd/dial", { msisdn: OWNER }, 400, "code"],
    ["10 KB code", "/ussd/dial", { msisdn: OWNER, code: `*${"1".repeat(10_240)}#` }, 400, "code"],
    ["10 KB reply", "/ussd/reply", { msisdn: OWNER, text: "1".repeat(10_240) }, 400, "text"],
    ["not JSON", "/ussd/dial", "{not json", 400, "body"],
    ["JSON array", "/ussd/dial", "[1,2]", 400, "body"],
  ]
  test.each(cases)("%s → 4xx naming the field", async (_name, path, body, status, field) => {
    const r = rig()
    const before = fingerprint(r.twin)
    const res = await postJson(r.app, path, body)
    expect(res.status).toBe(status)
    const j = (await res.json()) as { error: { field: string; message: string } }
    expect(j.error.field).toBe(field)
    expect(j.error.message.startsWith(`${field}:`)).toBe(true)
    expect(fingerprint(r.twin)).toEqual(before)
  })

  test("unknown twin → 404 naming twin", async () => {
    const r = rig()
    const res = await postJson(r.app, "/ussd/dial", { msisdn: OWNER, code: "*100#" }, { "x-twin": "nope" })
    expect(res.status).toBe(404)
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe("twin")
  })

  test("a body over 64 KB is refused with 413 before any handler", async () => {
    const r = rig()
    const before = fingerprint(r.twin)
    const res = await postJson(r.app, "/ussd/dial", { msisdn: OWNER, code: "x".repeat(70_000) })
    expect(res.status).toBe(413)
    expect(fingerprint(r.twin)).toEqual(before)
  })

  test("garbage replies inside a menu keep the session and the state", async () => {
    const r = rig()
    await r.drv.ussdDial(OWNER, "*111#")
    const before = fingerprint(r.twin)
    for (const t of ["", "abc", "-1", "999999", "😀", "1*2"]) {
      const s = await r.drv.ussdReply(OWNER, t)
      expect(s.end).toBe(false)
      expect(fitsScreen(s.text)).toBe(true)
    }
    expect(fingerprint(r.twin)).toEqual(before)
  })
})
