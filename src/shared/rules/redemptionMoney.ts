/**
 * The money effect of a coupon on a bill, in integer fen.
 *
 * DISCOUNT rounding: discount = bill × percentOff / 100 rounded half up to the fen, computed as
 * floor((bill × percentOff + 50) / 100) on integers; payable = bill − discount. Half up gives the customer the
 * half fen, which is what a printed "7折" promises, and never lets discount exceed the bill (percentOff ≤ 100).
 */
import type { Fen } from '../money'
import type { CardDefinition } from '../coupon/types'
import type { MoneyOutcome } from './types'

/** Bills above this are refused as input errors; it also keeps bill × 100 far inside safe integers. */
export const MAX_BILL_FEN: Fen = 100_000_000_000

export const isValidBill = (bill: unknown): bill is Fen =>
  typeof bill === 'number' && Number.isSafeInteger(bill) && bill >= 0 && bill <= MAX_BILL_FEN

/** The bill decide() works with: null when absent or invalid; -0 becomes 0 so records never show "-0". */
export function billOf(amount: number | undefined): { bill: Fen | null; invalid: boolean } {
  if (amount === undefined) return { bill: null, invalid: false }
  return isValidBill(amount) ? { bill: amount + 0, invalid: false } : { bill: null, invalid: true }
}

export function percentOfRoundHalfUp(bill: Fen, percent: number): Fen {
  return Math.floor((bill * percent + 50) / 100)
}

const noEffect = (bill: Fen | null): MoneyOutcome => ({
  billAmount: bill,
  discount: 0,
  payable: bill,
  noChangeGiven: false
})

export function redemptionMoney(card: CardDefinition | null, bill: Fen | null): MoneyOutcome {
  const v = card?.value
  if (v?.kind === 'cash') {
    if (bill === null)
      return { billAmount: null, discount: v.reduceCost, payable: null, noChangeGiven: false }
    // Below the minimum spend the coupon does nothing (decide denies it); no partial credit.
    if (bill < v.leastCost) return noEffect(bill)
    const discount = Math.min(v.reduceCost, bill)
    return { billAmount: bill, discount, payable: bill - discount, noChangeGiven: v.reduceCost > bill }
  }
  if (v?.kind === 'discount' && bill !== null) {
    const discount = percentOfRoundHalfUp(bill, v.percentOff)
    return { billAmount: bill, discount, payable: bill - discount, noChangeGiven: false }
  }
  return noEffect(bill)
}
