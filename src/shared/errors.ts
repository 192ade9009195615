/**
 * Every error code main can answer with (and the two the renderer's transport makes up). Main sends the code and,
 * where the words need them, params in `details`; the words are the renderer's (i18n catalogues, `errors.<CODE>`),
 * and test/renderer/errorCodes.test.ts fails on a code without zh-CN and English text.
 * Adding a code: add it here, add `errors.<CODE>` to both catalogues, throw `new AppFailure('<CODE>', …)`.
 */
export const ERROR_CODES = [
  // the transport and the dispatcher
  'BAD_REQUEST',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN',
  'FORBIDDEN_SENDER',
  'NOT_SIGNED_IN',
  'LOCKED',
  'INTERNAL',
  'DISCONNECTED',
  'NOT_FOUND',
  // staff and sign-in
  'WRONG_PIN',
  'PIN_LOCKED',
  'UNKNOWN_STAFF',
  'NOT_A_MANAGER',
  'BAD_PIN',
  'STAFF_EXISTS',
  'STAFF_INACTIVE',
  'LAST_MANAGER',
  'PIN_UNCHANGED',
  'RESET_OWN_PIN',
  'ALREADY_SET_UP',
  // the counter
  'APPROVAL_INVALID',
  'MANAGER_PIN_REQUIRED',
  'NOT_REDEEMABLE',
  'CARD_NOT_PICKED',
  'CONFIRM_WARNINGS',
  'DUPLICATE',
  /** The store hub says another till holds this coupon (details: station, cashier, time). */
  'STORE_DUPLICATE',
  // the store hub (src/main/storeLink): pairing
  'STORE_HUB_UNREACHABLE',
  /** The hub refused the pairing (details.hubCode: the hub's code, e.g. PAIRING_CODE_INVALID). */
  'STORE_PAIRING_REFUSED',
  // the chain hub at headquarters (src/main/chainLink): enrolment
  'CHAIN_HUB_UNREACHABLE',
  /** The chain hub refused the enrolment (details.hubCode: e.g. ENROLMENT_CODE_INVALID). */
  'CHAIN_ENROLMENT_REFUSED',
  /** The chain hub says another store (or till) holds this coupon (details: store, station, cashier, time). */
  'CHAIN_DUPLICATE',
  // the store hub: policy, the store's day (docs/hub.md § Store policy)
  /** The hub did not answer and the coupon is above the store's limit for unchecked redemptions (details: amount, limit). */
  'STORE_UNCHECKED_OVER_LIMIT',
  'STORE_NOT_PAIRED',
  /** Another manager changed the store policy meanwhile: the new one is shown; decide again. */
  'STORE_POLICY_STALE',
  /** The hub refused the request (details.hubCode). */
  'STORE_HUB_REFUSED',
  'LOOKUP_EXPIRED',
  'SCAN_EXPIRED',
  'ALREADY_VOIDED',
  'VOID_SYNCED',
  'VOID_IN_FLIGHT',
  // end of day, conflicts, backups
  'DAY_ALREADY_CLOSED',
  'DAY_NOT_STARTED',
  'DAY_NOT_OVER',
  'PDF_FAILED',
  'Z_REPORT_UNREADABLE',
  'NOT_A_CONFLICT',
  'ALREADY_RESOLVED',
  'CONFIRMATION_MISMATCH',
  'BACKUP_NOT_FOUND',
  'BACKUP_UNUSABLE',
  'RESTORE_FAILED',
  'TRAINING_ONLY',
  // the database file (src/main/db/errors.ts)
  'DB_CORRUPT',
  'DB_UNREADABLE',
  'DB_TOO_NEW',
  'DB_MIGRATION_FAILED',
  /** The background full check found damage while the station was running: writes are stopped. */
  'DB_DAMAGED',
  // set-up and devices
  'SETUP_SECRET_MISSING',
  'SETUP_NOT_LIVE_READY',
  'BAD_DEVICE_CONFIG',
  'DEVICES_FAILED',
  // the receipt printer (src/main/printer)
  'BAD_PRINTER_CONFIG',
  'PRINTER_NOT_CONFIGURED',
  // the store hub role and the hub this till runs (src/main/hubHost)
  'STORE_HUB_IS_HUB',
  'STORE_HUB_BAD_ADDRESS',
  'STORE_HUB_REVOKE_SELF',
  'STORE_HUB_NOT_RUNNING',
  /** The hub refused an admin request (details.hubCode). */
  'STORE_HUB_ADMIN_REFUSED'
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]
