/**
 * The words for every reason code, in zh-CN and en, for a cashier at the till.
 * Templates: {key} is a ReasonParams value; a [bracketed part] is left out when any value in it is unknown,
 * so "已于 {time} 核销" never reads "已于 unknown 核销" when the station knows less.
 */
import type { Lang } from '../coupon/text'
import type { ReasonCode } from './reasonCodes'

export type Templates = Record<Lang, string>

export const REASON_TEXTS: Readonly<Record<ReasonCode, Templates>> = {
  ALREADY_REDEEMED_LOCAL: {
    'zh-CN': '此券已核销过[：{time}][，收银台 {station}][，收银员 {cashier}]',
    en: 'Already redeemed[ at {time}][ on till {station}][ by {cashier}]'
  },
  QUEUED_IN_OUTBOX: {
    'zh-CN': '此券已核销过[：{time}][，收银台 {station}][，收银员 {cashier}]，正在等待同步到微信',
    en: 'Already redeemed[ at {time}][ on till {station}][ by {cashier}]; waiting to sync to WeChat'
  },
  UPSTREAM_CONSUMED: {
    'zh-CN': '微信显示此券已被核销过（可能在其他门店或其他收银台）',
    en: 'WeChat says this coupon was already redeemed (maybe at another store or till)'
  },
  EXPIRED: {
    'zh-CN': '此券已过期[（有效期至 {until}）]，不能使用',
    en: 'This coupon has expired[ (valid until {until})]'
  },
  NOT_YET_VALID: {
    'zh-CN': '此券还没到可用时间[，{from} 起可用]',
    en: 'This coupon is not valid yet[; it can be used from {from}]'
  },
  GIFTING: {
    'zh-CN': '顾客正在把此券转赠给朋友，转赠完成或退回前不能使用',
    en: 'The customer is gifting this coupon to a friend; it cannot be used until the gift is accepted or returned'
  },
  GIFT_TIMEOUT: {
    'zh-CN': '此券转赠超时，正在退回顾客，请稍后再扫',
    en: 'The gift of this coupon timed out and it is going back to the customer; scan again later'
  },
  DELETED_BY_USER: {
    'zh-CN': '顾客已把此券从微信卡包中删除',
    en: 'The customer deleted this coupon from their WeChat card bag'
  },
  UNAVAILABLE: {
    'zh-CN': '此券已被商户设为失效',
    en: 'This coupon was invalidated by the merchant'
  },
  UNKNOWN_CODE: {
    'zh-CN': '此券码无效：微信查不到它（可能未被领取、已转赠他人，或券种选错了）',
    en: 'This code is not valid: WeChat does not know it (not claimed, gifted to someone else, or the wrong coupon was chosen)'
  },
  INVALID_USER_CARD_STATE: {
    'zh-CN': '此券已被删除、正在转赠、已过期或已失效，不能使用',
    en: 'This coupon was deleted, is being gifted, has expired or was invalidated'
  },
  UNKNOWN_USER_CARD_STATUS: {
    'zh-CN': '微信返回了无法识别的券状态[“{status}”]，不能核销',
    en: 'WeChat returned a coupon status the station does not know[ ("{status}")]; do not redeem'
  },
  CANNOT_CONSUME: {
    'zh-CN': '微信表示此券现在不能核销',
    en: 'WeChat says this coupon cannot be redeemed now'
  },
  UPSTREAM_ERROR: {
    'zh-CN': '微信返回错误[（错误码 {errcode}）]，请稍后重试',
    en: 'WeChat returned an error[ (code {errcode})]; try again shortly'
  },
  STATUS_NOT_CHECKED: {
    'zh-CN': '还没有查到此券在微信的状态，请重扫',
    en: 'The coupon status has not been checked with WeChat yet; scan again'
  },
  CARD_MISMATCH: {
    'zh-CN': '这个券码属于另一种券，与所选的券种不符',
    en: 'This code belongs to a different coupon than the one chosen'
  },
  CARD_DELETED: {
    'zh-CN': '此券种已被商户删除，不能核销',
    en: 'The merchant has deleted this coupon type; it cannot be redeemed'
  },
  CARD_DETAILS_MISSING: {
    'zh-CN': '本机还没有此券的券种信息，请重试或选择券种',
    en: 'This station does not have the details of this coupon yet; try again or choose the coupon type'
  },
  UNREADABLE_CARD: {
    'zh-CN': '券种信息无法识别，不能核销[（{detail}）]',
    en: 'The coupon details could not be read, so it cannot be redeemed[ ({detail})]'
  },
  MEMBER_CARD_NOT_REDEEMABLE: {
    'zh-CN': '这是会员卡，只能查看，不能核销',
    en: 'This is a member card: it can be shown, not redeemed'
  },
  UNKNOWN_CARD_TYPE: {
    'zh-CN': '本机不认识这种券[（{cardType}）]，请核对券面内容后再核销',
    en: 'This station does not know this kind of coupon[ ({cardType})]; check what it offers before redeeming'
  },
  VALIDITY_FROM_RECEIPT: {
    'zh-CN': '此券有效期从领取日起算[（{days} 天）]，本机无法确认，请看顾客手机上的有效期',
    en: 'This coupon is valid from the day it was claimed[ ({days} days)]; check the dates on the customer’s phone'
  },
  OUTSIDE_HOURS: {
    'zh-CN': '此券只能在 {hours} 使用，现在不在可用时段',
    en: 'This coupon can only be used {hours}; not now'
  },
  WRONG_WEEKDAY: {
    'zh-CN': '此券只能在 {weekdays} 使用，今天不能用',
    en: 'This coupon can only be used on {weekdays}; not today'
  },
  WRONG_STORE: {
    'zh-CN': '此券仅限指定门店使用[（门店编号 {stores}）]，本店不在其中',
    en: 'This coupon is only valid at certain stores[ (store ids {stores})]; not at this one'
  },
  STORE_NOT_CONFIGURED: {
    'zh-CN': '此券仅限指定门店使用[（门店编号 {stores}）]，本机未设置门店编号，请确认本店可用',
    en: 'This coupon is only valid at certain stores[ (store ids {stores})] and this station has no store id set; check it applies here'
  },
  NEEDS_BILL_AMOUNT: {
    'zh-CN': '请输入本单消费金额[（满 {minSpendFen} 可用）]',
    en: 'Enter the bill amount[ (minimum spend {minSpendFen})]'
  },
  INVALID_BILL_AMOUNT: {
    'zh-CN': '消费金额无效，请重新输入',
    en: 'The bill amount is not valid; enter it again'
  },
  BELOW_MIN_SPEND: {
    'zh-CN': '消费满 {minSpendFen} 才能用此券，本单只有 {billFen}',
    en: 'This coupon needs a spend of at least {minSpendFen}; this bill is {billFen}'
  },
  NO_CHANGE_GIVEN: {
    'zh-CN': '券面额 {faceValueFen} 大于消费金额 {billFen}，差额 {changeFen} 不找零',
    en: 'The coupon ({faceValueFen}) is worth more than the bill ({billFen}); the {changeFen} difference is not given as change'
  },
  NO_STACKING: {
    'zh-CN': '此券不能与其他优惠同时使用，本单已有其他优惠',
    en: 'This coupon cannot be combined with other offers, and this bill already has one'
  },
  HIGH_VALUE: {
    'zh-CN': '高价值券（{faceValueFen}），请核对顾客身份',
    en: 'High-value coupon ({faceValueFen}); verify the customer'
  },
  OVER_HALF_OF_BILL: {
    'zh-CN': '优惠 {discountFen} 超过消费金额 {billFen} 的 {percent}%',
    en: 'The discount {discountFen} is more than {percent}% of the bill {billFen}'
  },
  VELOCITY: {
    'zh-CN': '这位顾客今天已核销 {count} 张券，请留意',
    en: 'This customer has already redeemed {count} coupons today; take care'
  },
  OFFLINE: {
    'zh-CN': '网络断开：此次核销先记在本机，联网后同步到微信（待同步）',
    en: 'Offline: this redemption is kept on the station and synced to WeChat later (pending)'
  },
  OFFLINE_FACE_VALUE_CAP: {
    'zh-CN': '网络断开时，单张券最多 {limitFen}，此券 {faceValueFen}',
    en: 'While offline a coupon may be worth at most {limitFen}; this one is {faceValueFen}'
  },
  OFFLINE_DAILY_CAP: {
    'zh-CN': '网络断开时，每个营业日最多离线核销 {max} 张[（营业日 {day}）]，已达上限',
    en: 'The offline limit of {max} redemptions per business day[ ({day})] has been reached'
  },
  OFFLINE_UNKNOWN_CARD: {
    'zh-CN': '网络断开，本机没有此券的券种信息',
    en: 'Offline, and this station does not have the details of this coupon'
  },
  OFFLINE_PICK_CARD: {
    'zh-CN': '网络断开，本机不知道这个券码属于哪种券：请从列表中选择顾客出示的券，并请店长确认',
    en: 'Offline, and this station does not know which coupon this code is: pick the coupon the customer shows, then a manager must approve'
  },
  OFFLINE_PICKED_CARD: {
    'zh-CN': '网络断开，券种由收银员选择，微信未确认：需店长输入 PIN',
    en: 'Offline, and the coupon was picked by the cashier without WeChat confirming it: a manager must enter their PIN'
  },
  OFFLINE_NO_CARDS: {
    'zh-CN': '网络断开，本机不认识这个券码，也没有保存任何券种，不能核销；请联网后再扫',
    en: 'Offline: this station does not know this code and has no coupons stored to choose from, so it cannot be redeemed; scan it again once the network is back'
  },
  ENCRYPTED_CODE_OFFLINE: {
    'zh-CN': '这是加密券码，网络断开时无法解码；请顾客打开卡券出示券码二维码',
    en: 'This is an encrypted code, which cannot be decoded while offline; ask the customer to show the coupon QR code'
  },
  CUSTOM_CODE_CARD_NEEDED: {
    'zh-CN': '微信不认识这个券码。如果它是商户自定义券码，请选择所属券种；否则此券码无效',
    en: 'WeChat does not know this code. If it is a merchant-defined code, choose its coupon; otherwise the code is not valid'
  },
  STATION_SETTINGS_INVALID: {
    'zh-CN': '收银台设置有误[（{detail}）]，请联系店长',
    en: 'The station settings are wrong[ ({detail})]; call the manager'
  },
  RULES_ERROR: {
    'zh-CN': '检查此券时出错，不能核销，请联系店长',
    en: 'Checking this coupon failed, so it cannot be redeemed; call the manager'
  }
}
