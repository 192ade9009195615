/**
 * The station's own model of a WeChat card (卡券) and of one issued code's status.
 * Built from upstream JSON by parseCardGet / parseCodeGet, which never throw; everything
 * the rules engine needs is here in integer fen and UTC epoch ms.
 */
import type { Fen } from '../money'
import type { EpochMs } from '../time'

export type CardType = 'CASH' | 'DISCOUNT' | 'GIFT' | 'GROUPON' | 'GENERAL_COUPON' | 'MEMBER_CARD' | 'UNKNOWN'

/** What the coupon is worth; one variant per card type. */
export type CardValue =
  | { kind: 'cash'; leastCost: Fen; reduceCost: Fen }
  /** percentOff is the share taken off: 30 means the customer pays 70% (七折). */
  | { kind: 'discount'; percentOff: number }
  | { kind: 'gift'; detail: string }
  | { kind: 'groupon'; detail: string }
  | { kind: 'general'; detail: string }
  /** discountPercentOff follows the same convention: 10 means the member pays 90%. */
  | { kind: 'member'; prerogative: string; discountPercentOff?: number }
  | { kind: 'unknown' }

export type DateInfo =
  | { kind: 'fixRange'; begin: EpochMs; end: EpochMs }
  /** Relative to the day the customer claimed the card, which the station does not know without code/get. */
  | { kind: 'fixTerm'; fixedTerm: number | null; fixedBeginTerm: number; endTimestamp?: EpochMs }
  | { kind: 'permanent' }
  | { kind: 'unknown'; rawType?: string }

export type WeekdayName = 'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY' | 'SUNDAY'

/** One time_limit entry. No weekday = every day; no hours = the whole day. */
export interface TimeLimit {
  /** The upstream `type` as sent (e.g. 'MONDAY'); null when absent. */
  type: string | null
  /** ISO weekday 1 = Monday … 7 = Sunday, or null when the type is absent or not a weekday. */
  weekday: number | null
  beginHour?: number
  beginMinute?: number
  endHour?: number
  endMinute?: number
}

export interface CardDefinition {
  kind: 'card'
  cardId: string
  cardType: CardType
  /** card_type exactly as upstream sent it (e.g. 'SCENIC_TICKET' for an UNKNOWN card). */
  rawType: string
  title: string
  subTitle: string
  brandName: string
  /** Always '#RRGGBB'. */
  color: string
  /** The colour as upstream sent it ('Color010', '#d54036', …), null when absent. */
  rawColor: string | null
  notice: string
  description: string
  logoUrl: string
  codeType: string | null
  value: CardValue
  /** Minimum spend (least_cost) in fen, 0 = none. For CASH the stricter of the type field and use_condition. */
  minSpend: Fen
  acceptCategory?: string
  rejectCategory?: string
  objectUseFor?: string
  dateInfo: DateInfo
  timeLimit: TimeLimit[]
  locationIdList: number[]
  useAllLocations: boolean
  /** Upstream default is true when use_condition is absent (card face: 可与其他优惠共享). */
  canUseWithOtherDiscount: boolean
  useCustomCode: boolean
  /** base_info.status, e.g. 'CARD_STATUS_VERIFY_OK'; null when absent. */
  status: string | null
  /** The type-specific object as received, kept only for UNKNOWN card types so they can be shown raw. */
  raw?: unknown
}

/** A card/get answer the station could not make sense of. Shown to the cashier, never redeemed blindly. */
export interface UnreadableCard {
  kind: 'unreadable'
  cardId?: string
  reason: string
}

export type UserCardStatus =
  'NORMAL' | 'CONSUMED' | 'EXPIRE' | 'GIFTING' | 'GIFT_TIMEOUT' | 'DELETE' | 'UNAVAILABLE' | 'UNKNOWN'

/** One issued code as card/code/get reports it. */
export interface CodeStatus {
  kind: 'code'
  cardId: string | null
  code: string | null
  openid: string | null
  userCardStatus: UserCardStatus
  /** user_card_status as sent, null when absent. */
  rawUserCardStatus: string | null
  /** null when upstream did not say. */
  canConsume: boolean | null
  /** The code's own validity window (unix seconds upstream, epoch ms here). */
  beginTime?: EpochMs
  endTime?: EpochMs
  outerStr: string | null
}

export type CodeGetProblem =
  /** 40056: never claimed, claimed by someone else through gifting, or wrong card_id for a custom code. */
  | 'unknownCode'
  /** 40099 (check_consume:true): already consumed. */
  | 'consumed'
  /** 40127 (check_consume:true): deleted, gifting, expired or unavailable. */
  | 'invalidUserCardStatus'
  /** 40071: a member card; it cannot be consumed. */
  | 'memberCard'
  /** Any other errcode, kept with its number. */
  | 'upstreamError'
  /** Not a WeChat answer at all. */
  | 'malformed'

export interface CodeGetError {
  kind: 'error'
  problem: CodeGetProblem
  /** null only when the reply was malformed. */
  errcode: number | null
  errmsg: string
}
