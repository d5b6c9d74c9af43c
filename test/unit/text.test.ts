// Russian text helpers shared by the telephony channels: plurals, money, package amounts,
// USSD screen limits and «Далее» paging.
import { describe, expect, test } from "vitest"
import { count, MINUTES, plural, RUBLES } from "../../channels/text/plural.ts"
import { formatRub, parseKeypadRubles, rubShort, rubSpoken } from "../../channels/text/money.ts"
import { gbText, packageLine } from "../../channels/text/amounts.ts"
import { fitsScreen, nextLine, paginate, screenSize, USSD_GSM7_MAX, USSD_UCS2_MAX } from "../../channels/text/screen.ts"
import { dateRu, timeRu } from "../../channels/text/dates.ts"
import { normalizeMsisdn } from "../../channels/text/phone.ts"
import { T0 } from "../helpers/twin.ts"

describe("plurals «минута/минуты/минут»", () => {
  test.each([
    [1, "минута"],
    [2, "минуты"],
    [4, "минуты"],
    [5, "минут"],
    [11, "минут"],
    [12, "минут"],
    [14, "минут"],
    [21, "минута"],
    [22, "минуты"],
    [111, "минут"],
    [1500, "минут"],
    [0, "минут"],
  ])("%i → %s", (n, form) => {
    expect(plural(n, MINUTES)).toBe(form)
  })
  test("count joins number and form", () => {
    expect(count(21, MINUTES)).toBe("21 минута")
    expect(plural(3, RUBLES)).toBe("рубля")
  })
})

describe("money (integer kopecks)", () => {
  test("USSD/SMS form is the core's formatRub: -716,92 руб.", () => {
    expect(formatRub(-71_692)).toBe("-716,92 руб.")
    expect(formatRub(150_000)).toBe("1\u00a0500,00 руб.")
  })
  test("spoken form for the IVR", () => {
    expect(rubSpoken(200_000)).toBe("2000 рублей 0 копеек")
    expect(rubSpoken(-71_692)).toBe("минус 716 рублей 92 копейки")
    expect(rubSpoken(2_101)).toBe("21 рубль 1 копейка")
  })
  test("short menu form and keypad amounts", () => {
    expect(rubShort(65_000)).toBe("650 руб.")
    expect(rubShort(65_050)).toBe("650,50 руб.")
    expect(parseKeypadRubles("300")).toBe(30_000)
    expect(parseKeypadRubles("0")).toBeNull()
    expect(parseKeypadRubles("abc")).toBeNull()
    expect(parseKeypadRubles("9".repeat(40))).toBeNull()
  })
})

describe("package amounts", () => {
  test("«22,27 ГБ» as in the LK screenshot, truncated, never rounded up", () => {
    expect(gbText(22_805)).toBe("22,27 ГБ")
    expect(gbText(30 * 1024)).toBe("30 ГБ")
    expect(gbText(1023)).toBe("0,99 ГБ")
    expect(gbText(-5)).toBe("0 ГБ")
  })
  test("package lines for minutes and data", () => {
    const base = { id: "x", name: "n", source: "tariff" as const, offer: "t", used: 0, expiresAt: null }
    expect(packageLine({ ...base, kind: "minutes", unit: "мин", total: 1500, left: 1200 })).toBe(
      "Минуты: 1200 из 1500 мин",
    )
    expect(packageLine({ ...base, kind: "data", unit: "МБ", total: 30 * 1024, left: 22_805 })).toBe(
      "Интернет: 22,27 ГБ из 30 ГБ",
    )
  })
})

describe("dates, phone numbers", () => {
  test("Moscow date and time", () => {
    expect(dateRu(T0)).toBe("01.06.2026")
    expect(timeRu(T0)).toBe("09:00")
  })
  test("numbers as typed", () => {
    expect(normalizeMsisdn("+7 (916) 000-00-01")).toBe("79160000001")
    expect(normalizeMsisdn("89160000001")).toBe("79160000001")
    expect(normalizeMsisdn("9160000001")).toBe("79160000001")
    expect(normalizeMsisdn("12345")).toBeNull()
  })
})

describe("USSD screen limits: 80 UCS-2 with Cyrillic, 182 GSM-7 otherwise", () => {
  test("encoding decides the limit", () => {
    expect(screenSize("Balance: 100")).toEqual({ encoding: "GSM-7", length: 12, max: USSD_GSM7_MAX })
    expect(screenSize("Баланс")).toEqual({ encoding: "UCS-2", length: 6, max: USSD_UCS2_MAX })
    expect(fitsScreen("a".repeat(182))).toBe(true)
    expect(fitsScreen("a".repeat(183))).toBe(false)
    expect(fitsScreen("б".repeat(80))).toBe(true)
    expect(fitsScreen(`${"a".repeat(80)}б`)).toBe(false)
  })
  test("paging: every page fits, all but the last end with «Далее», nothing is lost", () => {
    const lines = Array.from({ length: 12 }, (_, i) => `Строка номер ${i + 1} с текстом`)
    const pages = paginate(lines, ["0>Назад"])
    expect(pages.length).toBeGreaterThan(1)
    for (const [i, p] of pages.entries()) {
      expect(fitsScreen(p)).toBe(true)
      expect(p.includes(nextLine)).toBe(i < pages.length - 1)
      expect(p.endsWith("0>Назад")).toBe(true)
    }
    const body = pages.flatMap((p) => p.split("\n")).filter((l) => l !== nextLine && l !== "0>Назад")
    expect(body).toEqual(lines)
  })
  test("a single over-long line is cut at spaces over several pages", () => {
    const long =
      "Услуга «Электронный Помощник» недоступна на корпоративных и VIP тарифных планах, обратитесь к менеджеру вашей компании"
    const pages = paginate([long])
    expect(pages.length).toBeGreaterThan(1)
    for (const p of pages) expect(fitsScreen(p)).toBe(true)
    expect(
      pages
        .map((p) =>
          p
            .split("\n")
            .filter((l) => l !== nextLine)
            .join(" "),
        )
        .join(" "),
    ).toBe(long)
  })
  test("a short GSM-7 screen keeps the 182 limit; an empty list is one empty page", () => {
    expect(paginate(["a".repeat(150)])).toEqual(["a".repeat(150)])
    expect(paginate([])).toEqual([""])
  })
})
