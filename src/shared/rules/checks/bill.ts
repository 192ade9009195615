/** Rule 6 (minimum spend) and the bill amount a coupon needs: DISCOUNT always, any card with least_cost. */
import type { Fen } from '../../money'
import type { CardDefinition } from '../../coupon/types'
import { reason, type Reason } from '../reasonCodes'
import type { MoneyOutcome } from '../types'

export function bill(card: CardDefinition, amount: Fen | null, money: MoneyOutcome): Reason[] {
  const minSpend = card.minSpend > 0 ? { minSpendFen: card.minSpend } : {}
  const needsAmount = card.value.kind === 'discount' || card.minSpend > 0
  if (amount === null) return needsAmount ? [reason('NEEDS_BILL_AMOUNT', 'needsAmount', minSpend)] : []
  if (amount < card.minSpend) {
    return [reason('BELOW_MIN_SPEND', 'deny', { minSpendFen: card.minSpend, billFen: amount })]
  }
  if (money.noChangeGiven && card.value.kind === 'cash') {
    const face = card.value.reduceCost
    return [
      reason('NO_CHANGE_GIVEN', 'info', { faceValueFen: face, billFen: amount, changeFen: face - amount })
    ]
  }
  return []
}
