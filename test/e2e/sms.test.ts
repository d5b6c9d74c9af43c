// SMS end to end over HTTP: MO commands to 111 and 6262, «Да»/«Нет» consent replies, helpful
// replies, the inbox with segment counts, bad input.
import { phoneRu } from "../../core/domain/phone.ts"
import { describe, expect, test } from "vitest"
import { HELP_111, HELP_6262 } from "../../channels/sms/mo.ts"
import { smsSegments } from "../../core/domain/sms.ts"
import { addSub, inbox, lastSms, run, rub, sub } from "../helpers/twin.ts"
import { CORP, fingerprint, OWNER, postJson, rig, VIP } from "./ussd-setup.ts"

const MEMBER = "79161110020"

/** After a refused or informational MO SMS, the only change is the reply in the writer's own inbox. */
const onlyReplies = (r: ReturnType<typeof rig>, msisdn: string, beforeSeq: number, replies: number): void => {
  const evs = [...r.twin.log.read(beforeSeq)]
  expect(evs.map((e) => (e.type === "SmsDelivered" ? `${e.type} ${e.msisdn}` : e.type))).toEqual(
    Array.from({ length: replies }, () => `SmsDelivered ${msisdn}`),
  )
}

const invite = (r: ReturnType<typeof rig>): void => {
  addSub(r.twin, MEMBER, "smart", rub(100))
  run(r.twin, { _tag: "FamilyInvite", msisdn: OWNER, member: MEMBER, minutes: 100, sms: 10, dataMb: 1024 })
}

describe("MO commands", () => {
  test("R27 «2163» to 111 connects «Электронный Помощник» and the reply is the core's SMS", async () => {
    const r = rig()
    const s = await r.drv.smsSend(OWNER, "111", " 2163 ")
    expect(s.ok).toBe(true)
    expect(s.text).toBe(
      "Услуга «Электронный Помощник» подключена. Чтобы получить код доступа, отправьте пустое SMS на номер 6262.",
    )
    expect(sub(r.twin, OWNER).services).toContain("e-assistant")
  })

  test("R27 «2163» from corporate and VIP numbers is refused with the core's words", async () => {
    const r = rig()
    for (const m of [CORP, VIP]) {
      const before = fingerprint(r.twin)
      const s = await r.drv.smsSend(m, "111", "2163")
      expect(s.ok).toBe(false)
      expect(s.text).toBe("Услуга «Электронный Помощник» недоступна на вашем тарифе")
      expect(sub(r.twin, m).services).not.toContain("e-assistant")
      onlyReplies(r, m, before.seq, 1)
      expect(lastSms(r.twin, m, "111")).toBe("Услуга «Электронный Помощник» недоступна на вашем тарифе")
    }
  })

  test("R27 an empty SMS to 6262 sends the kiosk code from 6262, UCS-2 in 2 segments", async () => {
    const r = rig()
    await r.drv.smsSend(OWNER, "111", "2163")
    const s = await r.drv.smsSend(OWNER, "6262", "")
    expect(s.text).toMatch(/^Код доступа к «Электронному Помощнику»: \d{6}\. Никому не сообщайте код\.$/)
    const inbox = await r.drv.inbox(OWNER)
    const last = inbox[inbox.length - 1]
    expect(last?.from).toBe("6262")
    expect(last?.encoding).toBe("UCS-2")
    expect(last?.segments).toBe(smsSegments(last?.text ?? "").segments)
    expect(last?.segments).toBe(2)
    expect(sub(r.twin, OWNER).auth.kiosk).not.toBeNull()
  })

  test("R27 an empty SMS to 6262 without the service says how to connect it; text to 6262 gets help", async () => {
    const r = rig()
    const no = await r.drv.smsSend(OWNER, "6262", "")
    expect(no.ok).toBe(false)
    expect(no.error?.code).toBe("KIOSK_NOT_CONNECTED")
    const help = await r.drv.smsSend(OWNER, "6262", "код")
    expect(help.text).toBe(HELP_6262)
  })

  test.each(["Да", "да", "ДА!", " да. ", "«Да»"])("R2 consent «%s» accepts the «МЫ МТС» invitation", async (word) => {
    const r = rig()
    invite(r)
    const s = await r.drv.smsSend(MEMBER, "111", word)
    expect(s.ok).toBe(true)
    expect(s.text).toContain(`Вы участник «МЫ МТС» абонента ${phoneRu(OWNER)}`)
    expect(sub(r.twin, MEMBER).family?.role).toBe("member")
  })

  test.each(["Нет", "НЕТ.", "нет!!!"])("R2 consent «%s» declines the invitation", async (word) => {
    const r = rig()
    invite(r)
    const s = await r.drv.smsSend(MEMBER, "111", word)
    expect(s.ok).toBe(true)
    expect(sub(r.twin, MEMBER).family).toBeNull()
    expect(inbox(r.twin, OWNER).some((m) => m.text.includes(`Абонент ${phoneRu(MEMBER)} отказался`))).toBe(true)
  })

  test("R2: «Да» counts only when sent to the number the invitation came from (111), not to 6262 or 3339", async () => {
    const r = rig()
    invite(r)
    expect(lastSms(r.twin, MEMBER, "111")).toContain(`Абонент ${phoneRu(OWNER)} приглашает вас`)
    for (const to of ["6262", "3339"]) await r.drv.smsSend(MEMBER, to, "Да")
    expect(sub(r.twin, MEMBER).family?.role).toBe("invited")
    await r.drv.smsSend(MEMBER, "111", "Да")
    expect(sub(r.twin, MEMBER).family?.role).toBe("member")
  })

  test("R2 «Да» without an invitation is answered with the core's refusal", async () => {
    const r = rig()
    const before = fingerprint(r.twin)
    const s = await r.drv.smsSend(OWNER, "111", "Да")
    expect(s.text).toBe("У вас нет приглашений в «МЫ МТС»")
    onlyReplies(r, OWNER, before.seq, 1)
    expect(lastSms(r.twin, OWNER, "111")).toBe("У вас нет приглашений в «МЫ МТС»")
  })

  test("anything else to 111 gets a helpful reply, delivered to the inbox, and changes nothing else", async () => {
    const r = rig()
    const before = fingerprint(r.twin)
    const balance = sub(r.twin, OWNER).balance
    for (const t of ["привет", "", "2164", "да нет"]) expect((await r.drv.smsSend(OWNER, "111", t)).text).toBe(HELP_111)
    onlyReplies(r, OWNER, before.seq, 4)
    expect(
      inbox(r.twin, OWNER)
        .slice(-4)
        .map((m) => [m.from, m.text]),
    ).toEqual(Array.from({ length: 4 }, () => ["111", HELP_111]))
    expect(sub(r.twin, OWNER).balance).toBe(balance)
  })

  test("replies land in the inbox with their segments: help from 6262, balance from 111, unknown numbers answered from MTS", async () => {
    const r = rig()
    const help = await r.drv.smsSend(OWNER, "6262", "код")
    const bal = await r.drv.smsSend(OWNER, "111", "баланс")
    const other = await r.drv.smsSend(OWNER, "0500", "привет")
    const inbox = await r.drv.inbox(OWNER)
    const last3 = inbox.slice(-3)
    expect(last3.map((m) => [m.from, m.text])).toEqual([
      ["6262", HELP_6262],
      ["111", bal.text],
      ["MTS", other.text],
    ])
    for (const m of last3) expect(m.segments).toBe(smsSegments(m.text).segments)
    expect(help.text).toBe(HELP_6262)
    const res = (await (await postJson(r.app, "/sms/send", { from: OWNER, to: "111", text: "тариф" })).json()) as {
      replies: Array<{ stored: boolean; from: string }>
    }
    expect(res.replies).toEqual([expect.objectContaining({ stored: true, from: "111" })])
  })

  test("R8 БАЛАНС / ТАРИФ / ПАКЕТЫ to 111 answer from the account view", async () => {
    const r = rig()
    expect((await r.drv.smsSend(OWNER, "111", "Баланс")).text).toBe("Баланс: 2\u00a0000,00 руб.")
    expect((await r.drv.smsSend(OWNER, "111", "тариф")).text).toBe(
      "Ваш тариф: «МЫ МТС». Абонентская плата: 1\u00a0100,00 руб. в месяц",
    )
    expect((await r.drv.smsSend(OWNER, "111", "ПАКЕТЫ")).text).toBe(
      "Минуты: 1500 из 1500 мин\nSMS: 500 из 500 SMS\nИнтернет: 50 ГБ из 50 ГБ",
    )
  })

  test("an SMS to another handset is rated as an outgoing SMS", async () => {
    const r = rig()
    await r.drv.smsSend(OWNER, CORP, "hello")
    const sms = sub(r.twin, OWNER).packages.find((p) => p.kind === "sms")
    expect(sms?.left).toBe(499)
  })
})

describe("inbox (MT)", () => {
  test("R22 the inbox shows the core's SMS with sender, encoding and segments", async () => {
    const r = rig()
    await r.drv.ussdDial(OWNER, "*111*25#")
    const inbox = await r.drv.inbox(OWNER)
    const otp = inbox.find((m) => m.from === "3339")
    expect(otp?.text).toMatch(/^Пароль для входа в Личный кабинет: \d{4}\. Пароль действует 2 суток\./)
    expect(otp?.encoding).toBe("UCS-2")
    expect(otp?.segments).toBe(smsSegments(otp?.text ?? "").segments)
  })

  test("unknown number → 404 naming msisdn; malformed → 400", async () => {
    const r = rig()
    const a = await r.app.request("/sms/inbox/79990000000")
    expect(a.status).toBe(404)
    expect(((await a.json()) as { error: { field: string } }).error.field).toBe("msisdn")
    const b = await r.app.request("/sms/inbox/hello")
    expect(b.status).toBe(400)
  })
})

describe("bad input: clear 4xx naming the field, state and log unchanged", () => {
  test.each([
    ["missing from", { to: "111", text: "2163" }, 400, "from"],
    ["unknown MSISDN", { from: "79990000000", to: "111", text: "2163" }, 404, "from"],
    ["missing to", { from: OWNER, text: "2163" }, 400, "to"],
    ["garbage to", { from: OWNER, to: "не номер", text: "2163" }, 400, "to"],
    ["10 KB text", { from: OWNER, to: "111", text: "я".repeat(10_240) }, 400, "text"],
    ["number as object", { from: { x: 1 }, to: "111" }, 400, "from"],
  ])("%s → 4xx naming the field", async (_n, body, status, field) => {
    const r = rig()
    const before = fingerprint(r.twin)
    const res = await postJson(r.app, "/sms/send", body)
    expect(res.status).toBe(status)
    const j = (await res.json()) as { error: { field: string; message: string } }
    expect(j.error.field).toBe(field)
    expect(j.error.message.startsWith(`${field}:`)).toBe(true)
    expect(fingerprint(r.twin)).toEqual(before)
  })
})
