// The default catalog. The defaults listed in docs/rules.md are choices of ours, kept here as data.
// R1 «МЫ МТС» packages and fee; R7 the other tariffs (pay-per-use, «Смарт», corporate, VIP, constructor);
// R3 countries and «Забугорище» prices; R10 promised-payment tiers; R13 bonus rate; R17 services.
import { ADDED_DEFAULTS } from "./added.ts"
import type { Catalog } from "./schema.ts"

const rub = (r: number): number => r * 100

const payg = (callMinute: number, sms: number, dataMb: number) => ({
  callMinute: rub(callMinute), intlCallMinute: rub(35), sms: rub(sms), intlSms: rub(8), dataMb: rub(dataMb),
})

const free = { connectFee: 0, monthlyFee: 0, dailyFee: 0, removable: true, notOn: [], notOnCorporate: false, notOnVip: false }

/** The services of the LK's «Сервисы МТС» grid not listed above (000_…: «Управление интернетом» … «Голосовая почта»). */
const LK_GRID_SERVICES: Catalog["services"] = [
  { id: "internet-management", name: "Управление интернетом", description: "Остаток трафика, продление скорости и дополнительные пакеты интернета в одном месте. Бесплатно.", ...free },
  { id: "mts-money-wallet", name: "Кошелек «МТС Деньги»", description: "Электронный кошелек: оплата покупок и услуг, переводы со счета телефона. Бесплатно.", ...free },
  { id: "mts-cashback", name: "MTC Cashback", description: "Кэшбэк баллами за покупки и оплату услуг МТС. Бесплатно.", ...free },
  { id: "mts-online", name: "МТС Онлайн", description: "Приложение для управления счетом, тарифом и услугами со смартфона. Бесплатно.", ...free },
  { id: "my-content", name: "Мой контент", description: "Список платных подписок и контент-услуг на номере с возможностью отключить ненужные. Бесплатно.", ...free },
  { id: "cashback-20", name: "20% возвращается", description: "Возврат 20% от расходов на связь бонусными баллами.", ...free, monthlyFee: rub(30) },
  { id: "second-memory", name: "Вторая память", description: "Резервная копия контактов, фото и файлов телефона в облаке.", ...free, dailyFee: 300 },
  { id: "mts-search", name: "МТС Поиск", description: "Местоположение близких, детей и личного транспорта на карте.", ...free, monthlyFee: rub(100) },
  { id: "sms-pro", name: "SMS Pro", description: "Массовые SMS-рассылки по сниженной цене.", ...free, monthlyFee: rub(50) },
  { id: "voicemail", name: "Голосовая почта", description: "Автоответчик: сообщения, оставленные на номере, когда вы не можете ответить.", ...free, dailyFee: 150 },
]

export const defaultCatalog: Catalog = {
  version: 1,
  tariffs: [
    {
      id: "my-mts", name: "МЫ МТС",
      description: "1500 минут на любые номера России, 50 ГБ интернета, 500 SMS на номера России в месяц. Действует по всей России для владельца и участников.",
      kind: "packaged", monthlyFee: rub(1100), changeFee: 0,
      packages: { minutes: 1500, sms: 500, dataMb: 50 * 1024 },
      payg: payg(3, 2, 10), corporate: false, vip: false, selectable: true, popular: true, familyOwner: true,
      defaultServices: ["zabugorishche", "mobile-assistant"],
    },
    {
      id: "my-mts-member", name: "МЫ МТС (участник)",
      description: "Тариф участника «МЫ МТС»: пакеты выделяет владелец группы, абонентской платы нет.",
      kind: "member", monthlyFee: 0, changeFee: 0,
      packages: { minutes: 0, sms: 0, dataMb: 0 },
      payg: payg(3, 2, 10), corporate: false, vip: false, selectable: false, popular: false, familyOwner: false,
      defaultServices: ["zabugorishche", "mobile-assistant"],
    },
    {
      id: "smart", name: "Смарт",
      description: "600 минут, 25 ГБ интернета и 300 SMS в месяц.",
      kind: "packaged", monthlyFee: rub(650), changeFee: 0,
      packages: { minutes: 600, sms: 300, dataMb: 25 * 1024 },
      payg: payg(3, 2, 10), corporate: false, vip: false, selectable: true, popular: true, familyOwner: false,
      defaultServices: ["mobile-assistant"],
    },
    {
      id: "super", name: "Супер МТС",
      description: "Без абонентской платы: платите только за то, чем пользуетесь.",
      kind: "payg", monthlyFee: 0, changeFee: 0,
      packages: { minutes: 0, sms: 0, dataMb: 0 },
      payg: payg(2, 2, 10), corporate: false, vip: false, selectable: true, popular: true, familyOwner: false,
      defaultServices: ["mobile-assistant"],
    },
    {
      id: "constructor", name: "Мой тариф",
      description: "Тариф-конструктор: выберите минуты и гигабайты сами. Менять пакеты можно при подключенном «Мобильном помощнике».",
      kind: "constructor", monthlyFee: rub(200), changeFee: 0,
      packages: { minutes: 300, sms: 100, dataMb: 10 * 1024 },
      payg: payg(3, 2, 10), corporate: false, vip: false, selectable: true, popular: false, familyOwner: false,
      defaultServices: ["mobile-assistant"],
      adjustable: {
        minutes: [
          { amount: 100, fee: rub(50) }, { amount: 300, fee: rub(120) }, { amount: 600, fee: rub(220) }, { amount: 1000, fee: rub(330) },
        ],
        dataGb: [
          { amount: 5, fee: rub(100) }, { amount: 10, fee: rub(160) }, { amount: 20, fee: rub(250) }, { amount: 40, fee: rub(380) },
        ],
        sms: 100,
      },
    },
    {
      id: "corporate", name: "Бизнес Коннект",
      description: "Корпоративный тариф: 2000 минут, 30 ГБ, 300 SMS в месяц.",
      kind: "packaged", monthlyFee: rub(900), changeFee: 0,
      packages: { minutes: 2000, sms: 300, dataMb: 30 * 1024 },
      payg: payg(2, 2, 10), corporate: true, vip: false, selectable: false, popular: false, familyOwner: false,
      defaultServices: ["mobile-assistant"],
    },
    {
      id: "vip", name: "VIP",
      description: "Безлимитные звонки по России (5000 минут), 100 ГБ, 1000 SMS в месяц.",
      kind: "packaged", monthlyFee: rub(3500), changeFee: 0,
      packages: { minutes: 5000, sms: 1000, dataMb: 100 * 1024 },
      payg: payg(2, 2, 10), corporate: false, vip: true, selectable: true, popular: false, familyOwner: false,
      defaultServices: ["zabugorishche", "mobile-assistant"],
    },
  ],
  services: [
    {
      id: "zabugorishche", name: "Забугорище",
      description: "Минуты и интернет за границей из домашнего пакета. Плата снимается один раз в сутки, только в дни за границей, когда вы пользовались связью.",
      connectFee: 0, monthlyFee: 0, dailyFee: 0, removable: true, notOn: [], notOnCorporate: false, notOnVip: false,
    },
    {
      id: "goodok", name: "GOOD'OK",
      description: "Мелодии вместо гудков.", connectFee: 0, monthlyFee: 0, dailyFee: 350,
      removable: true, notOn: [], notOnCorporate: false, notOnVip: false, ussd: "*111*1#",
    },
    {
      id: "blacklist", name: "Черный список",
      description: "Запрет вызовов и SMS с нежелательных номеров.", connectFee: 0, monthlyFee: 0, dailyFee: 150,
      removable: true, notOn: [], notOnCorporate: false, notOnVip: false, ussd: "*111*442#",
    },
    {
      id: "mobile-assistant", name: "Мобильный помощник",
      description: "Голосовое меню 111: баланс, платежи, обещанный платеж, блокировка, управление пакетами. Бесплатно.",
      connectFee: 0, monthlyFee: 0, dailyFee: 0, removable: true, notOn: [], notOnCorporate: false, notOnVip: false,
    },
    {
      id: "e-assistant", name: "Электронный Помощник",
      description: "Управление услугами, тарифом и балансом на терминалах приема платежей. Бесплатно.",
      connectFee: 0, monthlyFee: 0, dailyFee: 0, removable: true, notOn: [], notOnCorporate: true, notOnVip: true, ussd: "*111*2163#",
    },
    {
      id: "internet-control", name: "Контроль интернета",
      description: "Уведомления о расходе интернета и ограничение трафика.", connectFee: 0, monthlyFee: 0, dailyFee: 0,
      removable: true, notOn: [], notOnCorporate: false, notOnVip: false,
    },
    {
      id: "shared-package", name: "Общий пакет",
      description: "Общие минуты и интернет для нескольких номеров.", connectFee: 0, monthlyFee: rub(50), dailyFee: 0,
      removable: true, notOn: ["my-mts-member"], notOnCorporate: false, notOnVip: false,
    },
    {
      id: "own-circle", name: "Свой круг",
      description: "Звонки абонентам МТС из своего круга без расхода пакета.", connectFee: 0, monthlyFee: rub(30), dailyFee: 0,
      removable: true, notOn: [], notOnCorporate: false, notOnVip: false,
    },
    {
      id: "web-sms", name: "Отправка SMS с сайта",
      description: "Отправка SMS из Личного кабинета.", connectFee: 0, monthlyFee: 0, dailyFee: 0,
      removable: true, notOn: [], notOnCorporate: false, notOnVip: false,
    },
    // The rest of the «Сервисы МТС» grid of the personal account (000_…, lines 88–116); prices are
    // our defaults (docs/rules.md, choices).
    ...LK_GRID_SERVICES,
  ],
  oneOffPackages: [
    { id: "internet-vip", name: "Интернет-VIP", kind: "data", amount: 30 * 1024, price: rub(700), validDays: 30 },
    { id: "internet-mini", name: "Интернет-Мини", kind: "data", amount: 3 * 1024, price: rub(200), validDays: 30 },
    { id: "minutes-100", name: "Пакет 100 минут", kind: "minutes", amount: 100, price: rub(150), validDays: 30 },
    { id: "sms-50", name: "Пакет 50 SMS", kind: "sms", amount: 50, price: rub(60), validDays: 30 },
  ],
  bonusOffers: [
    { id: "bonus-1gb", name: "1 ГБ за баллы", kind: "data", amount: 1024, points: 150, validDays: 30 },
    { id: "bonus-100min", name: "100 минут за баллы", kind: "minutes", amount: 100, points: 200, validDays: 30 },
    { id: "bonus-50sms", name: "50 SMS за баллы", kind: "sms", amount: 50, points: 80, validDays: 30 },
  ],
  countries: [
    ...[
      ["TR", "Турция"], ["AE", "ОАЭ"], ["EG", "Египет"], ["TH", "Таиланд"], ["CN", "Китай"], ["IT", "Италия"],
      ["ES", "Испания"], ["DE", "Германия"], ["FR", "Франция"], ["GR", "Греция"], ["CY", "Кипр"], ["AM", "Армения"],
      ["GE", "Грузия"], ["AZ", "Азербайджан"], ["KZ", "Казахстан"], ["UZ", "Узбекистан"], ["KG", "Киргизия"],
      ["TJ", "Таджикистан"], ["BY", "Беларусь"], ["VN", "Вьетнам"], ["IN", "Индия"], ["ID", "Индонезия"],
      ["LK", "Шри-Ланка"], ["MV", "Мальдивы"], ["TN", "Тунис"], ["IL", "Израиль"], ["CZ", "Чехия"], ["AT", "Австрия"],
      ["HU", "Венгрия"], ["RS", "Сербия"], ["ME", "Черногория"], ["FI", "Финляндия"], ["MN", "Монголия"], ["QA", "Катар"],
    ].map(([code, name]) => ({ code: code as string, name: name as string, popular: true })),
    ...[
      ["BR", "Бразилия"], ["ZA", "ЮАР"], ["MX", "Мексика"], ["AU", "Австралия"], ["US", "США"], ["CA", "Канада"],
      ["AR", "Аргентина"], ["JP", "Япония"], ["KR", "Южная Корея"], ["NZ", "Новая Зеландия"], ["CU", "Куба"], ["MA", "Марокко"],
      ["GB", "Великобритания"], ["PT", "Португалия"], ["NO", "Норвегия"],
    ].map(([code, name]) => ({ code: code as string, name: name as string, popular: false })),
  ],
  roaming: {
    zabugorishchePopular: rub(390), zabugorishcheOther: rub(490),
    callMinute: rub(99), incomingMinute: rub(49), sms: rub(19), dataMb: rub(50),
  },
  promisedPayment: {
    tiers: [
      { minAvgSpend: 0, limit: rub(200) },
      { minAvgSpend: rub(300), limit: rub(500) },
      { minAvgSpend: rub(500), limit: rub(800) },
      { minAvgSpend: rub(1000), limit: rub(1500) },
      { minAvgSpend: rub(3000), limit: rub(3000) },
    ],
    fees: [
      { upTo: rub(30), fee: 0 },
      { upTo: rub(99), fee: rub(7) },
      { upTo: rub(199), fee: rub(10) },
      { upTo: rub(499), fee: rub(25) },
      { upTo: rub(3000), fee: rub(50) },
    ],
    validDays: 3,
    minAmount: rub(1),
  },
  topUp: { min: rub(1), max: rub(15000), lkDefault: rub(500) },
  transfer: { fee: rub(10), min: rub(1), max: rub(5000) },
  providerPayments: { ...ADDED_DEFAULTS.providerPayments, providers: ADDED_DEFAULTS.providerPayments.providers.map((p) => ({ ...p })) },
  family: { maxMembers: 5, memberFee: rub(50), memberTariff: "my-mts-member", inviteTtlHours: 24, replyNumber: ADDED_DEFAULTS.familyReplyNumber },
  bonus: { kopecksPerPoint: rub(10) },
  auth: {
    otpValidHours: 48, otpDigits: 4, lkMaxFailures: 3, kioskMaxFailures: 3, kioskLockHours: 24, kioskCodeDigits: 6,
    sessionIdleMinutes: 20, kioskSessionIdleMinutes: ADDED_DEFAULTS.kioskSessionIdleMinutes, codeRequestsPerHour: 0, passwordMinLength: 8, scryptN: 1 << 14, kdf: ADDED_DEFAULTS.kdf,
  },
  channels: { ussdIdleSeconds: 180, ivrDigitTimeoutSeconds: 5, ivrMaxFailures: 3, hotlineOperators: ADDED_DEFAULTS.hotlineOperators },
}
