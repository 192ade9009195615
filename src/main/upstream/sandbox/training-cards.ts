/**
 * The training cards, dated relative to `now` so every scenario holds whenever training runs: validity days in
 * Beijing time (WeChat's calendar), "valid" spans today, "expired" ended yesterday, "not yet valid" starts in
 * 3 days. The time_limit card's daily window is chosen on the STORE's clock, because that is the clock the
 * rules read a time_limit on (src/shared/rules/checks/timeLimit.ts): picked in Beijing time it could cover
 * the store's current hour and the "outside hours" coupon would redeem.
 */
import { DateTime } from 'luxon'
import { localParts, type EpochMs } from '../../../shared/time'
import { WECHAT_ZONE } from './clock'
import { couponCard, memberCard, type CouponSpec, type TimeLimitSpec } from './seed-cards'
import type { WxCard } from './types'

const cardId = (tag: string): string => `pHXTRN${tag}`.padEnd(28, '0')

export const TRAINING_CARD_IDS = {
  cash10: cardId('Cash10NoThreshold'),
  cashMin100: cardId('Cash100Off10'),
  discount70: cardId('Discount7Zhe'),
  gift: cardId('GiftCoffee'),
  groupon: cardId('GrouponLunch'),
  general: cardId('GeneralMemberDay'),
  noStacking: cardId('Cash5NoStacking'),
  expired: cardId('Cash8Expired'),
  future: cardId('Cash15NotYetValid'),
  hours: cardId('Cash20Hours'),
  wrongStore: cardId('Cash12OtherStore'),
  cashMin300: cardId('Cash300Off30'),
  cash200: cardId('Cash200HighValue'),
  member: cardId('MemberCard'),
  custom: cardId('Cash15CustomCode')
} as const

export type TrainingCardRole = keyof typeof TRAINING_CARD_IDS

export interface TrainingCards {
  cards: Record<TrainingCardRole, WxCard>
  /** The validity window (unix seconds) a code of this card has when claimed two days ago. */
  codeWindow(role: TrainingCardRole): { begin: number; end: number }
  /** 'HH:mm–HH:mm', the time_limit window of the outside-hours card, as written on its card. */
  hoursLabel: string
}

/** How far after the store's current hour the outside-hours window begins: it stays "outside" that long. */
export const OUTSIDE_HOURS_LEAD_HOURS = 6

/**
 * A 3-hour window beginning OUTSIDE_HOURS_LEAD_HOURS after the store's current hour, kept within one day so it
 * never wraps midnight: the outside-hours scenario holds for at least 5 hours after the seed was dated (a whole
 * practice session; "reset practice" dates it again).
 */
function outsideHours(hour: number): TimeLimitSpec {
  const beginHour = (hour + OUTSIDE_HOURS_LEAD_HOURS) % 24
  const end = beginHour + 3
  return end > 23
    ? { beginHour, beginMinute: 0, endHour: 23, endMinute: 59 }
    : { beginHour, beginMinute: 0, endHour: end, endMinute: 0 }
}

/** A coupon spec where date and locations default to the valid window and all stores. */
type Spec = Omit<CouponSpec, 'id' | 'createdAt' | 'notice' | 'date' | 'locations'> &
  Partial<Pick<CouponSpec, 'date' | 'locations'>>

const hhmm = (h: number, m: number): string => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`

export function trainingCards(now: EpochMs, storeLocationId: number, storeZone: string): TrainingCards {
  const local = DateTime.fromMillis(now, { zone: WECHAT_ZONE })
  const today = local.startOf('day')
  const sec = (dt: DateTime): number => Math.floor(dt.toMillis() / 1000)
  const valid = { begin: sec(today.minus({ days: 30 })), end: sec(today.plus({ days: 60 }).endOf('day')) }
  const expired = { begin: sec(today.minus({ days: 90 })), end: sec(today.minus({ days: 1 }).endOf('day')) }
  const future = { begin: sec(today.plus({ days: 3 })), end: sec(today.plus({ days: 60 }).endOf('day')) }
  const createdAt = sec(today.minus({ days: 120 }))
  // localParts is what the rules read the clock with, so "outside" here is "outside" at the counter.
  const limit = outsideHours(Math.floor(localParts(now, storeZone).minuteOfDay / 60))
  const hoursLabel = `${hhmm(limit.beginHour, limit.beginMinute)}–${hhmm(limit.endHour, limit.endMinute)}`
  const base = { createdAt, notice: '结账时出示此券', locations: 'all' as const, date: valid }
  const coupon = (role: TrainingCardRole, spec: Spec): WxCard =>
    couponCard({ ...base, ...spec, id: TRAINING_CARD_IDS[role] })
  const cash = (role: TrainingCardRole, title: string, reduceCost: number, leastCost = 0): WxCard =>
    coupon(role, {
      type: 'CASH',
      title,
      description: `${title}，不找零`,
      reduceCost,
      leastCost,
      locations: 'all'
    })

  const cards: Record<TrainingCardRole, WxCard> = {
    cash10: cash('cash10', '10元代金券', 1000),
    cashMin100: coupon('cashMin100', {
      type: 'CASH',
      title: '满100减10',
      description: '消费满100元可用，不找零',
      leastCost: 10000,
      reduceCost: 1000,
      locations: [storeLocationId, storeLocationId + 1]
    }),
    discount70: coupon('discount70', {
      type: 'DISCOUNT',
      title: '全场7折券',
      description: '全场商品7折',
      discount: 30
    }),
    gift: coupon('gift', {
      type: 'GIFT',
      title: '免费咖啡兑换券',
      description: '凭券兑换中杯美式咖啡一杯',
      gift: '中杯美式咖啡一杯',
      date: { fixedTerm: 30, fixedBeginTerm: 0 }
    }),
    groupon: coupon('groupon', {
      type: 'GROUPON',
      title: '双人午餐套餐',
      description: '双人套餐，限堂食',
      dealDetail: '双人套餐：主食2份、饮品2杯'
    }),
    general: coupon('general', {
      type: 'GENERAL_COUPON',
      title: '会员日优惠券',
      description: '会员日专属优惠',
      defaultDetail: '凭券享受会员日专属优惠一次'
    }),
    noStacking: coupon('noStacking', {
      type: 'CASH',
      title: '5元券（不与其他优惠同享）',
      description: '不可与其他优惠同时使用',
      reduceCost: 500,
      leastCost: 0,
      canUseWithOtherDiscount: false
    }),
    expired: coupon('expired', {
      type: 'CASH',
      title: '8元代金券',
      description: '活动已结束',
      reduceCost: 800,
      date: expired
    }),
    future: coupon('future', {
      type: 'CASH',
      title: '周年庆15元券',
      description: '周年庆期间可用',
      reduceCost: 1500,
      date: future
    }),
    hours: coupon('hours', {
      type: 'CASH',
      title: '限时20元券',
      description: `每天 ${hoursLabel} 可用`,
      reduceCost: 2000,
      timeLimit: limit
    }),
    wrongStore: coupon('wrongStore', {
      type: 'CASH',
      title: '旗舰店专享12元券',
      description: '仅限旗舰店使用',
      reduceCost: 1200,
      locations: [storeLocationId + 1, storeLocationId + 2]
    }),
    cashMin300: coupon('cashMin300', {
      type: 'CASH',
      title: '满300减30',
      description: '消费满300元可用，不找零',
      leastCost: 30000,
      reduceCost: 3000
    }),
    cash200: cash('cash200', '200元代金券', 20000),
    member: memberCard({
      id: TRAINING_CARD_IDS.member,
      title: '核销台会员卡',
      description: '出示会员卡享会员权益',
      notice: '出示会员卡',
      locations: 'all',
      createdAt
    }),
    custom: coupon('custom', {
      type: 'CASH',
      title: '合作方15元券',
      description: '合作方发放的自定义券码',
      reduceCost: 1500,
      customCode: true
    })
  }

  const claimDay = today.minus({ days: 2 })
  const codeWindow = (role: TrainingCardRole): { begin: number; end: number } => {
    if (role === 'gift') return { begin: sec(claimDay), end: sec(claimDay.plus({ days: 29 }).endOf('day')) }
    if (role === 'member') return { begin: createdAt, end: sec(today.plus({ years: 10 })) }
    if (role === 'expired') return expired
    if (role === 'future') return future
    return valid
  }
  return { cards, codeWindow, hoursLabel }
}
