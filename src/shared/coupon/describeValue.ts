/** What a coupon is worth, in words for the cashier and the customer, and in fen for policy. */
import type { Translate } from '../i18n/translate'
import type { Fen } from '../money'
import { yuanShort, yuanSign, zheText } from './text'
import type { CardDefinition } from './types'

export interface ValueText {
  /** The big line: 满100减10, 7折, 兑换：咖啡一杯 … */
  headline: string
  /** A longer text when the card has one (member prerogative, raw type of an unknown card). */
  detail: string | null
  /** Conditions printed on the card face: min spend, no stacking, categories. */
  conditions: string[]
}

/** Both money forms go to every text: zh-CN writes 满100减10, English ¥10 off (catalogue § couponValue). */
const money = (fen: Fen) => ({ yuan: yuanShort(fen), sign: yuanSign(fen) })
/** Likewise a discount: 7折 in zh-CN, 30% off in English. */
const discount = (percentOff: number) => ({ zhe: zheText(percentOff), percent: percentOff })

function headline(card: CardDefinition, t: Translate): { headline: string; detail: string | null } {
  const v = card.value
  const plain = (headline: string) => ({ headline, detail: null })
  switch (v.kind) {
    case 'cash': {
      const reduce = money(v.reduceCost)
      if (v.leastCost === 0) return plain(t('couponValue.cashOff', { reduce }))
      return plain(t('couponValue.cashMinSpend', { reduce, least: money(v.leastCost) }))
    }
    case 'discount':
      if (v.percentOff === 0) return plain(t('couponValue.noDiscount'))
      if (v.percentOff === 100) return plain(t('couponValue.free'))
      return plain(t('couponValue.discount', { off: discount(v.percentOff) }))
    case 'gift':
      return plain(t('couponValue.gift', { item: v.detail || card.title }))
    case 'groupon':
      return plain(t('couponValue.groupon', { item: v.detail || card.title }))
    case 'general':
      return plain(t('couponValue.general', { item: v.detail || card.title }))
    case 'member': {
      const p = v.discountPercentOff
      const line =
        p === undefined
          ? t('couponValue.memberNotRedeemed')
          : t('couponValue.memberDiscount', { off: discount(p) })
      return { headline: line, detail: v.prerogative || null }
    }
    case 'unknown':
      return {
        headline: card.title || card.rawType,
        detail: t('couponValue.unknownType', { type: card.rawType })
      }
  }
}

function conditions(card: CardDefinition, t: Translate): string[] {
  const out: string[] = []
  // CASH already says its minimum spend in the headline.
  if (card.minSpend > 0 && card.value.kind !== 'cash')
    out.push(t('couponValue.minSpend', { least: money(card.minSpend) }))
  if (!card.canUseWithOtherDiscount) out.push(t('couponValue.noStacking'))
  if (card.acceptCategory) out.push(t('couponValue.acceptCategory', { category: card.acceptCategory }))
  if (card.rejectCategory) out.push(t('couponValue.rejectCategory', { category: card.rejectCategory }))
  if (card.objectUseFor) out.push(t('couponValue.objectUseFor', { item: card.objectUseFor }))
  return out
}

/** What the coupon is worth in the words of `t`'s language (the one catalogue, src/shared/i18n). */
export function describeValue(card: CardDefinition, t: Translate): ValueText {
  return { ...headline(card, t), conditions: conditions(card, t) }
}

/**
 * The money printed on the coupon, in fen, for the high-value and offline-cap rules: a CASH card's
 * reduce_cost. null when the card carries no money figure (GIFT, GROUPON, GENERAL_COUPON, MEMBER_CARD,
 * UNKNOWN) or when it depends on the bill (DISCOUNT: the rules use the computed discount instead).
 */
export function faceValue(card: CardDefinition): Fen | null {
  return card.value.kind === 'cash' ? card.value.reduceCost : null
}
