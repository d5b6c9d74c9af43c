// Demo subscribers every new default twin starts with: one per tariff, a family candidate,
// a credit-method number, a traveller and a corporate number — what trainers and the README use.
import type { Command } from "../domain/commands.ts"

export interface DemoSubscriber {
  msisdn: string
  name: string
  tariff: string
  balance: number
  payment?: "prepaid" | "credit"
  note: string
  services?: string[]
}

export const DEMO_SUBSCRIBERS: readonly DemoSubscriber[] = [
  {
    msisdn: "79160000001",
    name: "Иванова Мария Петровна",
    tariff: "my-mts",
    balance: 200_000,
    note: "«МЫ МТС», владелец семьи",
    services: ["e-assistant"],
  },
  { msisdn: "79160000002", name: "Петров Алексей Сергеевич", tariff: "smart", balance: 50_000, note: "«Смарт»" },
  {
    msisdn: "79160000003",
    name: "Сидорова Ольга Ивановна",
    tariff: "super",
    balance: 15_000,
    note: "«Супер МТС», без абонентской платы",
  },
  {
    msisdn: "79160000004",
    name: "Кузнецов Дмитрий Андреевич",
    tariff: "constructor",
    balance: 80_000,
    note: "«Мой тариф», конструктор",
  },
  {
    msisdn: "79160000005",
    name: "Смирнов Игорь Викторович",
    tariff: "corporate",
    balance: 100_000,
    payment: "credit",
    note: "корпоративный, кредитная система расчетов",
  },
  { msisdn: "79160000006", name: "Волкова Анна Михайловна", tariff: "vip", balance: 500_000, note: "VIP" },
  {
    msisdn: "79160000007",
    name: "Иванов Петр Николаевич",
    tariff: "smart",
    balance: 30_000,
    note: "кандидат в участники семьи",
  },
  {
    msisdn: "79160000008",
    name: "Иванова Софья Петровна",
    tariff: "super",
    balance: 10_000,
    note: "кандидат в участники семьи",
  },
  {
    msisdn: "79160000009",
    name: "Морозов Сергей Олегович",
    tariff: "my-mts",
    balance: -71_692,
    note: "отрицательный баланс",
  },
  {
    msisdn: "79160000010",
    name: "Лебедева Екатерина Юрьевна",
    tariff: "my-mts",
    balance: 300_000,
    note: "в поездке: Турция",
  },
]

/** Payment cards (карты оплаты) the demo twin has issued: code → amount in kopecks. */
export const DEMO_PAYMENT_CARDS: ReadonlyArray<{ code: string; amount: number }> = [
  { code: "123456789012", amount: 50_000 },
  { code: "223456789012", amount: 100_000 },
  { code: "323456789012", amount: 30_000 },
]

export const demoCommands = (): Command[] => {
  const out: Command[] = []
  for (const d of DEMO_SUBSCRIBERS) {
    out.push({
      _tag: "CreateSubscriber",
      msisdn: d.msisdn,
      name: d.name,
      tariff: d.tariff,
      balance: d.balance,
      payment: d.payment ?? "prepaid",
      services: d.services ?? [],
    })
  }
  for (const c of DEMO_PAYMENT_CARDS) out.push({ _tag: "IssuePaymentCard", code: c.code, amount: c.amount })
  out.push({ _tag: "Travel", msisdn: "79160000010", to: "TR" })
  return out
}
