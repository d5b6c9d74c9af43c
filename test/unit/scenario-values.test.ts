// Scenario value languages: volumes, ruble amounts (exact kopecks), durations, SMS codes, globs.
import { describe, expect, it } from "vitest"
import { globToRegExp } from "../../scenarios/discover.ts"
import { codeIn, resolveTemplates } from "../../scenarios/templates.ts"
import { callSeconds, parseAdvance, parseAmount, parseVolumeKb } from "../../scenarios/values.ts"

describe("amounts in rubles become exact kopecks", () => {
  it.each([
    ["2000.00", 200000],
    ["2000", 200000],
    ["490.1", 49010],
    ["0.07", 7],
    ["1 500,00", 150000],
    ["-716.92", -71692],
    ["19.99", 1999],
  ])("%s → %i", (text, kop) => expect(parseAmount(text)).toBe(kop))
  it.each(["", "abc", "1.999", "1,2,3", "1e3"])("%j is refused", (text) => expect(parseAmount(text)).toBeNull())
})

describe("durations and advances", () => {
  it("days, hours, minutes, seconds and weeks", () => {
    expect(parseAdvance("1d 2h")).toEqual({ by: 93_600_000, text: "1d 2h" })
    expect(parseAdvance("90m")).toEqual({ by: 5_400_000, text: "90m" })
    expect(parseAdvance("30s")).toEqual({ by: 30_000, text: "30s" })
    expect(parseAdvance("2w")).toEqual({ by: 14 * 86_400_000, text: "2w" })
  })
  it("calendar months and instants", () => {
    expect(parseAdvance("3mo")).toEqual({ months: 3, text: "3mo" })
    expect(parseAdvance("2026-07-01T00:00:00+03:00")).toEqual({
      to: "2026-07-01T00:00:00+03:00",
      text: "2026-07-01T00:00:00+03:00",
    })
  })
  it.each(["", "1x", "0d", "d1", "0mo", "2026-13-01T00:00:00+03:00", "1d -2h"])("%j is refused", (t) =>
    expect(parseAdvance(t)).toBeNull(),
  )
  it("call durations", () => {
    expect(callSeconds(3, undefined)).toBe(180)
    expect(callSeconds(1, 30)).toBe(90)
    expect(callSeconds(0, 0)).toBeNull()
  })
})

describe("data volumes", () => {
  it.each([
    ["150MB", 153600],
    ["1GB", 1048576],
    ["1.5GB", 1572864],
    ["512KB", 512],
    ["300 МБ", 307200],
    ["2гб", 2097152],
  ])("%s → %i KB", (t, kb) => expect(parseVolumeKb(t)).toBe(kb))
  it.each(["150XB", "MB", "0MB", "-1GB", "1..5GB"])("%j is refused", (t) => expect(parseVolumeKb(t)).toBeNull())
})

describe("codes received by SMS", () => {
  it("finds a standalone 4–8 digit code, not part of a phone number", () => {
    expect(codeIn("Код для привязки номера 79160000001: 4821")).toBe("4821")
    expect(codeIn("Пароль: 123456. Никому не сообщайте")).toBe("123456")
    expect(codeIn("Ваш номер 79160000001")).toBeNull()
  })
  it("substitutes ${sms.FROM} and ${sms.FROM@MSISDN} from the newest matching SMS", async () => {
    const boxes: Record<string, { from: string; text: string }[]> = {
      "79160000001": [
        { from: "3339", text: "Пароль 1111" },
        { from: "MTS", text: "Баланс 5000 руб." },
        { from: "3339", text: "Пароль 2222" },
      ],
      "79160000002": [{ from: "MTS", text: "Код привязки 7777" }],
    }
    const inbox = async (m: string) => boxes[m] ?? []
    expect(await resolveTemplates("${sms.3339}", "79160000001", inbox)).toBe("2222")
    expect(await resolveTemplates("code=${sms.MTS@79160000002}!", "79160000001", inbox)).toBe("code=7777!")
    await expect(resolveTemplates("${sms.6262}", "79160000001", inbox)).rejects.toThrow(/no SMS with a code from 6262/)
  })
})

describe("globs", () => {
  it("matches *, ** and {a,b}", () => {
    expect(globToRegExp("/x/lib/*.yaml").test("/x/lib/a.yaml")).toBe(true)
    expect(globToRegExp("/x/lib/*.yaml").test("/x/lib/sub/a.yaml")).toBe(false)
    expect(globToRegExp("/x/**/*.{yaml,yml}").test("/x/lib/sub/a.yml")).toBe(true)
    expect(globToRegExp("/x/**/*.{yaml,yml}").test("/x/a.yaml")).toBe(true)
  })
})
