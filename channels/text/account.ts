// The account-status phrases of the web channels (LK, «Мой МТС», the console's narration), in
// the operator's words. Numbers, money, dates and packages have their own files in text/.

export const STATUS_RU = {
  active: "номер активен",
  "blocked-voluntary": "номер заблокирован (добровольная блокировка)",
  "blocked-financial": "номер заблокирован: баланс меньше нуля",
} as const

export const NEGATIVE_WARNING = "Ваш баланс меньше нуля, рекомендуем пополнить"
