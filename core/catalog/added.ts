// Catalog values added after catalogs were first stored with twins. The default catalog uses
// them, and a stored catalog that lacks a key decodes with the same value (old databases open).
export const ADDED_DEFAULTS = {
  /** R27 (default): a kiosk terminal session ends after 5 minutes without activity. */
  kioskSessionIdleMinutes: 5,
  /** R29 (default): one scripted hotline operator per twin takes 0890 calls; the rest queue. */
  hotlineOperators: 1,
  /** How secrets are hashed: salted scrypt (default), or salted HMAC-SHA-256 for large simulations. */
  kdf: "scrypt",
} as const
