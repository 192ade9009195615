/**
 * Rule 5: store restriction. use_all_locations or an empty list means every store. A station without a
 * configured store id cannot check, so the cashier is warned rather than refused (setup gap, not fraud).
 */
import type { CardDefinition } from '../../coupon/types'
import { reason, type Reason } from '../reasonCodes'
import type { DecideContext } from '../types'

export function store(card: CardDefinition, ctx: DecideContext): Reason[] {
  if (card.useAllLocations || card.locationIdList.length === 0) return []
  const stores = card.locationIdList
  if (ctx.storeLocationId === undefined) return [reason('STORE_NOT_CONFIGURED', 'warn', { stores })]
  return stores.includes(ctx.storeLocationId) ? [] : [reason('WRONG_STORE', 'deny', { stores })]
}
