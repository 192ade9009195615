/**
 * The training scenario table: one row per code of the training seed. Kept apart from seed.ts because it is
 * data (and long once formatted). Dates, windows and openids are filled in by trainingSeed().
 */
import type { Fen } from '../../../shared/money'
import type { TrainingCardRole } from './training-cards'
import type { CodeStatus } from './types'

export type TrainingOutcome = 'OK' | 'NEEDS_AMOUNT' | 'WARN' | 'DENY' | 'DUPLICATE'

export interface ScenarioRow {
  key: string
  code: string
  card?: TrainingCardRole
  status?: CodeStatus
  expected: TrainingOutcome
  followUp?: { billFen: Fen; expected: TrainingOutcome }
}

/** The rows; each one's words are the catalogue's `trainingScenario.<key>` (docs/i18n.md). */
export function scenarioRows(): ScenarioRow[] {
  return [
    {
      key: 'CASH_NO_THRESHOLD',
      code: '001234500010',
      card: 'cash10',
      expected: 'OK'
    },
    {
      key: 'CASH_MIN_SPEND',
      code: '310000000101',
      card: 'cashMin100',
      expected: 'NEEDS_AMOUNT',
      followUp: { billFen: 12000, expected: 'OK' }
    },
    {
      key: 'DISCOUNT_NEEDS_AMOUNT',
      code: '320000000202',
      card: 'discount70',
      expected: 'NEEDS_AMOUNT',
      followUp: { billFen: 10000, expected: 'OK' }
    },
    {
      key: 'GIFT',
      code: '330000000303',
      card: 'gift',
      expected: 'OK'
    },
    {
      key: 'GROUPON',
      code: '340000000404',
      card: 'groupon',
      expected: 'OK'
    },
    {
      key: 'GENERAL_COUPON',
      code: '350000000505',
      card: 'general',
      expected: 'OK'
    },
    {
      key: 'NO_STACKING',
      code: '360000000606',
      card: 'noStacking',
      expected: 'OK'
    },
    {
      key: 'ALREADY_CONSUMED',
      code: '000000000707',
      card: 'cash10',
      status: 'CONSUMED',
      expected: 'DUPLICATE'
    },
    {
      key: 'EXPIRED',
      code: '410000000808',
      card: 'expired',
      status: 'EXPIRE',
      expected: 'DENY'
    },
    {
      key: 'NOT_YET_VALID',
      code: '420000000909',
      card: 'future',
      expected: 'DENY'
    },
    {
      key: 'OUTSIDE_HOURS',
      code: '430000001010',
      card: 'hours',
      expected: 'DENY'
    },
    {
      key: 'WRONG_STORE',
      code: '440000001111',
      card: 'wrongStore',
      expected: 'DENY'
    },
    {
      key: 'BELOW_MIN_SPEND',
      code: '450000001212',
      card: 'cashMin300',
      expected: 'NEEDS_AMOUNT',
      followUp: { billFen: 5000, expected: 'DENY' }
    },
    {
      key: 'BEING_GIFTED',
      code: '460000001313',
      card: 'cash10',
      status: 'GIFTING',
      expected: 'DENY'
    },
    {
      key: 'GIFT_TIMEOUT',
      code: '470000001414',
      card: 'cash10',
      status: 'GIFT_TIMEOUT',
      expected: 'DENY'
    },
    {
      key: 'DELETED_BY_USER',
      code: '480000001515',
      card: 'cash10',
      status: 'DELETE',
      expected: 'DENY'
    },
    {
      key: 'UNAVAILABLE',
      code: '490000001616',
      card: 'cash10',
      status: 'UNAVAILABLE',
      expected: 'DENY'
    },
    {
      key: 'HIGH_VALUE',
      code: '510000001717',
      card: 'cash200',
      expected: 'WARN'
    },
    {
      key: 'MEMBER_CARD',
      code: '520000001818',
      card: 'member',
      expected: 'DENY'
    },
    {
      key: 'CUSTOM_CODE',
      code: '880000001919',
      card: 'custom',
      expected: 'OK'
      // What the counter does (src/main/redeem/resolveLookup.ts): WeChat answers 40056 for a custom code asked
      // without its card_id, so the counter lists the store's custom-code cards and asks the cashier to pick.
    },
    {
      key: 'UNKNOWN_CODE',
      code: '099999999999',
      expected: 'DENY'
      // Without its card_id WeChat cannot tell an unknown code from a custom one (both 40056), so a store with
      // custom-code cards is asked to pick one first; asked with it, WeChat still does not know the code.
    },
    {
      key: 'NETWORK_DOWN',
      code: '090000002020',
      card: 'cash10',
      expected: 'WARN'
    }
  ]
}
