// Catalog values added after catalogs were first stored with twins. The default catalog uses
// them, and a stored catalog that lacks a key decodes with the same value (old databases open).
export const ADDED_DEFAULTS = {
  /** R27 (default): a kiosk terminal session ends after 5 minutes without activity. */
  kioskSessionIdleMinutes: 5,
  /** R29 (default): one scripted hotline operator per twin takes 0890 calls; the rest queue. */
  hotlineOperators: 1,
  /** How secrets are hashed: salted scrypt (default), or salted HMAC-SHA-256 for large simulations. */
  kdf: "scrypt",
  /** R2 (default): «МЫ МТС» invitations come from 111, and «Да» is answered to 111. */
  familyReplyNumber: "111",
  /**
   * Payments to other providers from the balance (default): ТВ и Интернет and квартплата without
   * commission, another operator's mobile phone with a 10 ₽ commission; 10..15 000 ₽ a payment.
   */
  providerPayments: {
    min: 1_000,
    max: 1_500_000,
    providers: [
      { id: "tv-internet", name: "ТВ и Интернет", account: "contract", fee: 0 },
      { id: "utilities", name: "Квартплата (ЖКУ)", account: "contract", fee: 0 },
      { id: "mobile", name: "Мобильный телефон", account: "phone", fee: 1_000 },
    ],
  },
} as const
