/** What kind of card is this, and can the station act on it at all? */
import type { CardDefinition, CodeGetError, CodeStatus, UnreadableCard } from '../../coupon/types'
import { reason, type Reason } from '../reasonCodes'
import type { DecideContext } from '../types'

/**
 * A missing card: offline it falls under the offline policy (allowUnknownCards); online the redeem service
 * should have fetched card/get, so without it the station does not know the money effect and refuses.
 * An unreadable card is always refused: online it is a data problem to fix, offline the cashier can choose
 * the coupon from the store's cached active cards instead (PRODUCT §5).
 */
export function cardPresence(card: CardDefinition | UnreadableCard | null, ctx: DecideContext): Reason[] {
  if (card === null) {
    if (ctx.connectivity === 'online') return [reason('CARD_DETAILS_MISSING', 'deny')]
    return ctx.policy.offline.allowUnknownCards
      ? [reason('OFFLINE_UNKNOWN_CARD', 'warn')]
      : [reason('OFFLINE_UNKNOWN_CARD', 'deny')]
  }
  if (card.kind === 'unreadable') return [reason('UNREADABLE_CARD', 'deny', { detail: card.reason })]
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
