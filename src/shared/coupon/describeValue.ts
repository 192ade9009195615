/** What a coupon is worth, in words for the cashier and the customer (zh-CN and en), and in fen for policy. */
import type { Fen } from '../money'
import { yuanShort, yuanSign, zheText, type Lang } from './text'
import type { CardDefinition } from './types'

export interface ValueText {
  /** The big line: 满100减10, 7折, 兑换：咖啡一杯 … */
  headline: string
  /** A longer text when the card has one (member prerogative, raw type of an unknown card). */
  detail: string | null
  /** Conditions printed on the card face: min spend, no stacking, categories. */
  conditions: string[]
}

export type ValueTexts = Record<Lang, ValueText>

function headlines(card: CardDefinition): { zh: string; en: string; zhDetail?: string; enDetail?: string } {
  const v = card.value
  switch (v.kind) {
    case 'cash':
      return v.leastCost > 0
        ? {
            zh: `满${yuanShort(v.leastCost)}减${yuanShort(v.reduceCost)}`,
            en: `${yuanSign(v.reduceCost)} off, min spend ${yuanSign(v.leastCost)}`
          }
        : { zh: `立减${yuanShort(v.reduceCost)}元`, en: `${yuanSign(v.reduceCost)} off` }
    case 'discount':
      if (v.percentOff === 0) return { zh: '不打折', en: 'No discount' }
      if (v.percentOff === 100) return { zh: '免单', en: '100% off' }
      return { zh: `${zheText(v.percentOff)}折`, en: `${v.percentOff}% off` }
    case 'gift': {
      const item = v.detail || card.title
      return { zh: `兑换：${item}`, en: `Gift: ${item}` }
    }
    case 'groupon': {
      const deal = v.detail || card.title
      return { zh: `团购：${deal}`, en: `Deal: ${deal}` }
    }
    case 'general': {
      const offer = v.detail || card.title
      return { zh: `优惠：${offer}`, en: `Offer: ${offer}` }
    }
    case 'member': {
      const p = v.discountPercentOff
      const base =
        p === undefined
          ? { zh: '会员卡（不核销）', en: 'Member card (not redeemed)' }
          : { zh: `会员卡，会员${zheText(p)}折`, en: `Member card, members ${p}% off` }
      return v.prerogative ? { ...base, zhDetail: v.prerogative, enDetail: v.prerogative } : base
    }
    case 'unknown':
      return {
        zh: card.title || card.rawType,
        en: card.title || card.rawType,
        zhDetail: `未识别的券类型：${card.rawType}`,
        enDetail: `Unrecognised card type: ${card.rawType}`
      }
  }
}

function conditions(card: CardDefinition, lang: Lang): string[] {
  const zh = lang === 'zh-CN'
  const out: string[] = []
  // CASH already says its minimum spend in the headline.
  if (card.minSpend > 0 && card.value.kind !== 'cash') {
    out.push(zh ? `满${yuanShort(card.minSpend)}元可用` : `Min spend ${yuanSign(card.minSpend)}`)
  }
  if (!card.canUseWithOtherDiscount)
    out.push(zh ? '不可与其他优惠共享' : 'Cannot be combined with other offers')
  if (card.acceptCategory) out.push(zh ? `适用于${card.acceptCategory}` : `Valid for: ${card.acceptCategory}`)
  if (card.rejectCategory)
    out.push(zh ? `不适用于${card.rejectCategory}` : `Not valid for: ${card.rejectCategory}`)
  if (card.objectUseFor)
    out.push(zh ? `购买${card.objectUseFor}可用` : `Valid when buying ${card.objectUseFor}`)
  return out
}

export function describeValue(card: CardDefinition): ValueTexts {
  const h = headlines(card)
  return {
    'zh-CN': { headline: h.zh, detail: h.zhDetail ?? null, conditions: conditions(card, 'zh-CN') },
    en: { headline: h.en, detail: h.enDetail ?? null, conditions: conditions(card, 'en') }
  }
}

/**
 * The money printed on the coupon, in fen, for the high-value and offline-cap rules: a CASH card's
 * reduce_cost. null when the card carries no money figure (GIFT, GROUPON, GENERAL_COUPON, MEMBER_CARD,
 * UNKNOWN) or when it depends on the bill (DISCOUNT: the rules use the computed discount instead).
 */
export function faceValue(card: CardDefinition): Fen | null {
  return card.value.kind === 'cash' ? card.value.reduceCost : null
}
