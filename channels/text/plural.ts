// Russian plural forms: 1 минута, 2 минуты, 5 минут, 11 минут, 21 минута.

/** [one, few, many]: «минута», «минуты», «минут». */
export type Forms = readonly [string, string, string]

export const MINUTES: Forms = ["минута", "минуты", "минут"]
export const RUBLES: Forms = ["рубль", "рубля", "рублей"]
export const KOPECKS: Forms = ["копейка", "копейки", "копеек"]
export const DAYS: Forms = ["день", "дня", "дней"]
export const POINTS: Forms = ["балл", "балла", "баллов"]
export const MESSAGES: Forms = ["сообщение", "сообщения", "сообщений"]
export const GIGABYTES: Forms = ["гигабайт", "гигабайта", "гигабайт"]

/** The form for an integer n. */
export const plural = (n: number, f: Forms): string => {
  const a = Math.abs(Math.trunc(n))
  const d10 = a % 10
  const d100 = a % 100
  if (d10 === 1 && d100 !== 11) return f[0]
  if (d10 >= 2 && d10 <= 4 && (d100 < 12 || d100 > 14)) return f[1]
  return f[2]
}

/** "5 минут", "21 минута". */
export const count = (n: number, f: Forms): string => `${n} ${plural(n, f)}`
