/** What kind of card is this, and can the station act on it at all? */
import type { CardDefinition, CodeGetError, CodeStatus, UnreadableCard } from '../../coupon/types'
import { reason, type Reason } from '../reasonCodes'
import type { DecideContext } from '../types'

/**
 * A missing card: offline it falls under the offline policy (allowUnknownCards); online the redeem service
 * should have fetched card/get, so without it the station does not know the money effect and refuses.
 * An unreadable card is always refused: online it is a data problem to fix, offline the cashier can choose
 * the coupon from the store's cached active cards instead (docs/product-rules.md §5).
 *
 * Live mode (docs/offline-policy.md): an unknown code offline is never taken on the cashier's word. Without a
 * card it cannot be redeemed at all (the cashier must pick the real coupon, so the decision has its value);
 * with a picked card a manager must approve. A policy that refuses unknown cards also refuses a picked one —
 * picking is how an unknown card is taken. Training keeps the cashier-only drill.
 */
export function cardPresence(card: CardDefinition | UnreadableCard | null, ctx: DecideContext): Reason[] {
  const live = ctx.stationMode !== 'training'
  const allowed = ctx.policy.offline.allowUnknownCards
  if (card === null) {
    if (ctx.connectivity === 'online') return [reason('CARD_DETAILS_MISSING', 'deny')]
    if (!allowed) return [reason('OFFLINE_UNKNOWN_CARD', 'deny')]
    return live ? [reason('OFFLINE_PICK_CARD', 'deny')] : [reason('OFFLINE_UNKNOWN_CARD', 'warn')]
  }
  if (card.kind === 'unreadable') return [reason('UNREADABLE_CARD', 'deny', { detail: card.reason })]
  if (ctx.cardPicked === true && ctx.connectivity === 'offline') {
    if (!allowed) return [reason('OFFLINE_UNKNOWN_CARD', 'deny')]
    if (live) return [reason('OFFLINE_PICKED_CARD', 'warn', {}, true)]
  }
  return []
}

export function cardKind(card: CardDefinition, code: CodeStatus | CodeGetError | null): Reason[] {
  const out: Reason[] = []
  if (code?.kind === 'code' && code.cardId !== null && code.cardId !== card.cardId) {
    out.push(reason('CARD_MISMATCH', 'deny'))
  }
  if (card.status === 'CARD_STATUS_DELETE') out.push(reason('CARD_DELETED', 'deny'))
  // Member cards are not consumed (40071 upstream); they are shown only.
  if (card.cardType === 'MEMBER_CARD') out.push(reason('MEMBER_CARD_NOT_REDEEMABLE', 'deny'))
  if (card.cardType === 'UNKNOWN') out.push(reason('UNKNOWN_CARD_TYPE', 'warn', { cardType: card.rawType }))
  return out
}
