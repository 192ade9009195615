/** Inputs and output of decide(). */
import type { Fen } from '../money'
import type { EpochMs } from '../time'
import type { RulesPolicy } from './policy'
import type { Reason } from './reasonCodes'

export type Outcome = 'OK' | 'NEEDS_AMOUNT' | 'WARN' | 'DENY' | 'DUPLICATE'

/** A redemption of this code the station already holds (ledger row, or outbox row not yet sent). */
export interface OriginalRedemption {
  at: EpochMs
  station: string
  cashier: string
  synced: boolean
  /** 'store': another till of the store holds it (the store hub's mirror); whether WeChat has it is unknown here. */
  source: 'ledger' | 'outbox' | 'store'
}

/** What the local database knows; the redeem service looks it up before calling decide. */
export interface LocalHistory {
  originalRedemption?: OriginalRedemption
  /** Redemptions by this code's openid in the current business day (0 when the openid is unknown). */
  customerRedemptionsToday: number
  /** Offline redemptions on this station in the current business day. */
  offlineRedemptionsToday: number
  /**
   * The code's own validity window (code/get begin_time/end_time) as WeChat last reported it to this station.
   * Used offline, when there is no fresh answer: a code seen not yet valid stays so without the network.
   */
  codeWindow?: { begin?: EpochMs; end?: EpochMs }
}

export interface DecideContext {
  now: EpochMs
  /** IANA zone of the store, e.g. 'Asia/Shanghai'. */
  timeZone: string
  /** Business-day cut-off in minutes after local midnight (default 240 = 04:00). */
  cutoffMinutes: number
  /** POI id of this store, compared with location_id_list. */
  storeLocationId?: number
  billAmount?: Fen
  otherDiscountApplied: boolean
  /** Kept for audit and future rules; it does not satisfy a PIN requirement (docs/product-rules.md §8: PIN at the override). */
  role: 'cashier' | 'manager'
  connectivity: 'online' | 'offline'
  /** A manager entered their PIN for this scan. */
  managerApproved?: boolean
  /**
   * Live (real coupons) or training. Absent means live: the safe side. Offline, an unknown code is never taken
   * on a cashier's word alone in live mode (docs/offline-policy.md).
   */
  stationMode?: 'live' | 'training'
  /** The card is the cashier's pick for a code whose card the station did not know (offline). */
  cardPicked?: boolean
  local: LocalHistory
  policy: RulesPolicy
}

/**
 * The money effect. With a bill: 0 ≤ discount ≤ billAmount and payable + discount = billAmount.
 * Without one: billAmount and payable are null and discount is the nominal value (CASH reduce_cost, else 0).
 */
export interface MoneyOutcome {
  billAmount: Fen | null
  discount: Fen
  payable: Fen | null
  /** 不找零: the coupon was worth more than the bill and the difference is lost. */
  noChangeGiven: boolean
}

interface DecisionCommon {
  /** Heaviest first: duplicate, deny, needsAmount, warn, info. */
  reasons: Reason[]
  money: MoneyOutcome
  /** The coupon value the policy rules used: CASH reduce_cost, DISCOUNT's computed discount; null if none. */
  couponValue: Fen | null
  /** Offline: a redemption made now is stored as pending (待同步). */
  offline: boolean
}

export type Decision =
  | (DecisionCommon & { outcome: 'OK' })
  | (DecisionCommon & { outcome: 'NEEDS_AMOUNT' })
  | (DecisionCommon & {
      outcome: 'WARN'
      /** Some warning needs a manager PIN. */
      managerPinRequired: boolean
      /** managerPinRequired and the manager has entered their PIN (context.managerApproved). */
      approved: boolean
    })
  | (DecisionCommon & { outcome: 'DENY' })
  | (DecisionCommon & { outcome: 'DUPLICATE'; original: OriginalRedemption | null })
