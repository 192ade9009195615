/**
 * Builders for training cards in the upstream card/get JSON shape (docs/wechat-api.md §2), with the fields
 * a real payload carries ([OBS-CARDGET]): hex color, sku.total_quantity, status, create/update time.
 */
import type { Fen } from '../../../shared/money'
import type { WxCard } from './types'

export type CouponType = 'CASH' | 'DISCOUNT' | 'GIFT' | 'GROUPON' | 'GENERAL_COUPON'

/** A validity window in unix seconds, or a term relative to the claim date. */
export type DateSpec = { begin: number; end: number } | { fixedTerm: number; fixedBeginTerm: number }

export interface TimeLimitSpec {
  beginHour: number
  beginMinute: number
  endHour: number
  endMinute: number
}

export interface CouponSpec {
  id: string
  type: CouponType
  title: string
  description: string
  notice: string
  date: DateSpec
  /** 'all' = use_all_locations. */
  locations: number[] | 'all'
  createdAt: number
  customCode?: boolean
  leastCost?: Fen
  reduceCost?: Fen
  discount?: number
  gift?: string
  dealDetail?: string
  defaultDetail?: string
  /** Every weekday gets this window (display only upstream; the station enforces it). */
  timeLimit?: TimeLimitSpec
  canUseWithOtherDiscount?: boolean
}

const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']

function dateInfo(date: DateSpec): Record<string, unknown> {
  if ('begin' in date) {
    return { type: 'DATE_TYPE_FIX_TIME_RANGE', begin_timestamp: date.begin, end_timestamp: date.end }
  }
  return { type: 'DATE_TYPE_FIX_TERM', fixed_term: date.fixedTerm, fixed_begin_term: date.fixedBeginTerm }
}

function baseInfo(spec: CouponSpec | MemberSpec, date: Record<string, unknown>): Record<string, unknown> {
  const custom = 'customCode' in spec && spec.customCode === true
  return {
    id: spec.id,
    logo_url: 'http://mmbiz.qpic.cn/mmbiz/hexiao-training/0',
    code_type: custom ? 'CODE_TYPE_TEXT' : 'CODE_TYPE_QRCODE',
    brand_name: '核销台培训店',
    title: spec.title,
    sub_title: '',
    color: '#63B359',
    notice: spec.notice,
    description: spec.description,
    // Deposit-code (custom) cards must have quantity 0 (§2.2).
    sku: { quantity: custom ? 0 : 1000, total_quantity: 1000 },
    date_info: date,
    use_custom_code: custom,
    ...(custom ? { get_custom_code_mode: 'GET_CUSTOM_CODE_MODE_DEPOSIT' } : {}),
    bind_openid: false,
    service_phone: '400-000-0000',
    ...(spec.locations === 'all'
      ? { use_all_locations: true }
      : { location_id_list: [...spec.locations], use_all_locations: false }),
    get_limit: 50,
    use_limit: 50,
    can_share: true,
    can_give_friend: true,
    status: 'CARD_STATUS_VERIFY_OK',
    create_time: spec.createdAt,
    update_time: spec.createdAt,
    area_code_list: []
  }
}

export function couponCard(spec: CouponSpec): WxCard {
  const limit = spec.timeLimit
  const advancedInfo = {
    use_condition: {
      accept_category: '',
      reject_category: '',
      ...(spec.leastCost !== undefined ? { least_cost: spec.leastCost } : {}),
      can_use_with_other_discount: spec.canUseWithOtherDiscount ?? true,
      can_use_with_membercard: true
    },
    abstract: { abstract: spec.title, icon_url_list: [] },
    text_image_list: [],
    time_limit: limit
      ? WEEKDAYS.map((type) => ({
          type,
          begin_hour: limit.beginHour,
          begin_minute: limit.beginMinute,
          end_hour: limit.endHour,
          end_minute: limit.endMinute
        }))
      : [],
    business_service: [],
    consume_share_card_list: [],
    share_friends: false
  }
  const typed: Record<string, unknown> = {}
  if (spec.type === 'CASH')
    Object.assign(typed, { least_cost: spec.leastCost ?? 0, reduce_cost: spec.reduceCost })
  if (spec.type === 'DISCOUNT') typed.discount = spec.discount
  if (spec.type === 'GIFT') typed.gift = spec.gift
  if (spec.type === 'GROUPON') typed.deal_detail = spec.dealDetail
  if (spec.type === 'GENERAL_COUPON') typed.default_detail = spec.defaultDetail
  return {
    card_type: spec.type,
    [spec.type.toLowerCase()]: {
      base_info: baseInfo(spec, dateInfo(spec.date)),
      advanced_info: advancedInfo,
      ...typed
    }
  }
}

export interface MemberSpec {
  id: string
  title: string
  description: string
  notice: string
  locations: 'all'
  createdAt: number
}

export function memberCard(spec: MemberSpec): WxCard {
  return {
    card_type: 'MEMBER_CARD',
    member_card: {
      background_pic_url: 'http://mmbiz.qpic.cn/mmbiz/hexiao-training/1',
      base_info: baseInfo(spec, { type: 'DATE_TYPE_PERMANENT' }),
      prerogative: '会员日全场9折，积分可兑换礼品',
      auto_activate: true,
      supply_bonus: true,
      supply_balance: false,
      discount: 10
    }
  }
}
