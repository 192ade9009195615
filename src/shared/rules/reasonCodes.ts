/** Every reason decide() can give, and the parameters its text may use. */
import type { Fen } from '../money'

export const REASON_CODES = [
  // duplicate
  'ALREADY_REDEEMED_LOCAL',
  'QUEUED_IN_OUTBOX',
  'UPSTREAM_CONSUMED',
  // upstream code status
  'EXPIRED',
  'NOT_YET_VALID',
  'GIFTING',
  'GIFT_TIMEOUT',
  'DELETED_BY_USER',
  'UNAVAILABLE',
  'UNKNOWN_CODE',
  'INVALID_USER_CARD_STATE',
  'UNKNOWN_USER_CARD_STATUS',
  'CANNOT_CONSUME',
  'UPSTREAM_ERROR',
  'STATUS_NOT_CHECKED',
  // the card itself
  'CARD_MISMATCH',
  'CARD_DELETED',
  'CARD_DETAILS_MISSING',
  'UNREADABLE_CARD',
  'MEMBER_CARD_NOT_REDEEMABLE',
  'UNKNOWN_CARD_TYPE',
  'VALIDITY_FROM_RECEIPT',
  // when and where
  'OUTSIDE_HOURS',
  'WRONG_WEEKDAY',
  'WRONG_STORE',
  'STORE_NOT_CONFIGURED',
  // the bill
  'NEEDS_BILL_AMOUNT',
  'INVALID_BILL_AMOUNT',
  'BELOW_MIN_SPEND',
  'NO_CHANGE_GIVEN',
  // risk
  'NO_STACKING',
  'HIGH_VALUE',
  'OVER_HALF_OF_BILL',
  'VELOCITY',
  // offline policy
  'OFFLINE',
  'OFFLINE_FACE_VALUE_CAP',
  'OFFLINE_DAILY_CAP',
  'OFFLINE_UNKNOWN_CARD',
  'OFFLINE_PICK_CARD',
  'OFFLINE_PICKED_CARD',
  'OFFLINE_NO_CARDS',
  // before any rule can run
  'ENCRYPTED_CODE_OFFLINE',
  'CUSTOM_CODE_CARD_NEEDED',
  // the station itself
  'STATION_SETTINGS_INVALID',
  'RULES_ERROR'
] as const

export type ReasonCode = (typeof REASON_CODES)[number]

/**
 * How much a reason weighs. The decision's outcome is the heaviest reason:
 * duplicate > deny > needsAmount > warn > info (info alone = OK).
 */
export type Severity = 'info' | 'warn' | 'needsAmount' | 'deny' | 'duplicate'

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = {
  info: 0,
  warn: 1,
  needsAmount: 2,
  deny: 3,
  duplicate: 4
}

/**
 * Values a reason text may show. Times are already formatted in the store's zone ('2026-11-22 14:05');
 * keys ending in Fen are integer fen and are formatted by reasonText; weekdays are ISO numbers (1 = Monday).
 */
export interface ReasonParams {
  time?: string
  station?: string
  cashier?: string
  from?: string
  until?: string
  days?: number
  weekdays?: number[]
  hours?: string
  stores?: number[]
  billFen?: Fen
  minSpendFen?: Fen
  faceValueFen?: Fen
  limitFen?: Fen
  discountFen?: Fen
  changeFen?: Fen
  count?: number
  max?: number
  percent?: number
  day?: string
  errcode?: number
  status?: string
  cardType?: string
  detail?: string
}

export interface Reason {
  code: ReasonCode
  severity: Severity
  /** Only meaningful on warn reasons: the cashier alone may not accept it. */
  managerPinRequired: boolean
  params: ReasonParams
}

export const reason = (
  code: ReasonCode,
  severity: Severity,
  params: ReasonParams = {},
  managerPinRequired = false
): Reason => ({ code, severity, managerPinRequired, params })
