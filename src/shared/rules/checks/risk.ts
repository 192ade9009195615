/**
 * Rules 7, 8, 9 and 11: allowed, but someone should look first.
 * Stacking and high value need a manager PIN: both are merchant money rules the cashier should not waive
 * alone (a hard DENY for stacking would stop a manager honouring a promise at the counter). The 50% rule
 * and velocity are cashier-confirmed warnings: they flag a pattern, they do not prove abuse.
 */
import type { Fen } from '../../money'
import type { CardDefinition } from '../../coupon/types'
import { reason, type Reason } from '../reasonCodes'
import type { DecideContext, MoneyOutcome } from '../types'

export function stacking(card: CardDefinition, ctx: DecideContext): Reason[] {
  return !card.canUseWithOtherDiscount && ctx.otherDiscountApplied
    ? [reason('NO_STACKING', 'warn', {}, true)]
    : []
}

export function highValue(couponValue: Fen | null, ctx: DecideContext): Reason[] {
  return couponValue !== null && couponValue >= ctx.policy.highValueFen
    ? [reason('HIGH_VALUE', 'warn', { faceValueFen: couponValue }, true)]
    : []
}

export function shareOfBill(money: MoneyOutcome, ctx: DecideContext): Reason[] {
  const billFen = money.billAmount
  const percent = ctx.policy.maxDiscountShareOfBill
  // Integer comparison of discount / bill > percent / 100.
  if (billFen === null || money.discount * 100 <= billFen * percent) return []
  return [reason('OVER_HALF_OF_BILL', 'warn', { discountFen: money.discount, billFen, percent })]
}

export function velocity(ctx: DecideContext): Reason[] {
  const max = ctx.policy.velocityMaxPerDay
  const count = ctx.local.customerRedemptionsToday
  return max > 0 && count >= max ? [reason('VELOCITY', 'warn', { count, max })] : []
}
