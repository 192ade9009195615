/**
 * The redeem service's view of card definitions: the local cache first (fast, works
 * offline), WeChat's card/get when a card is not cached yet. The cache itself is refreshed
 * from the whole account on start and periodically (src/main/upstream/cardCache.ts).
 */
import type { CardDefinition, UnreadableCard } from '../../shared/coupon'
import type { CardSource } from './deps'
import type { CardCache } from '../upstream/cardCache'
import type { Upstream } from '../upstream/types'

export function cardSourceOf(cache: CardCache, upstream: Upstream): CardSource {
  return {
    cached: (cardId) => cache.getCached(cardId),
    ensure: async (cardId, deadlineMs): Promise<CardDefinition | UnreadableCard> =>
      cache.getCached(cardId) ?? (await upstream.getCard(cardId, { deadlineMs })),
    active: () => cache.activeCards()
  }
}
