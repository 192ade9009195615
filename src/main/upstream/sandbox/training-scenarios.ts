/**
 * The training scenario table: one row per code of the training seed. Kept apart from seed.ts because it is
 * data (and long once formatted). Dates, windows and openids are filled in by trainingSeed().
 */
import type { Fen } from '../../../shared/money'
import type { TrainingCardRole } from './training-cards'
import type { CodeStatus } from './types'

export type TrainingOutcome = 'OK' | 'NEEDS_AMOUNT' | 'WARN' | 'DENY' | 'DUPLICATE'

export interface ScenarioRow {
  key: string
  code: string
  card?: TrainingCardRole
  status?: CodeStatus
  expected: TrainingOutcome
  followUp?: { billFen: Fen; expected: TrainingOutcome }
  title: [zh: string, en: string]
  description: [zh: string, en: string]
}

export function scenarioRows(hoursLabel: string): ScenarioRow[] {
  return [
    {
      key: 'CASH_NO_THRESHOLD',
      code: '001234500010',
      card: 'cash10',
      expected: 'OK',
      title: ['无门槛代金券', 'No-minimum cash coupon'],
      description: ['无门槛10元代金券：可直接核销。', 'No-minimum ¥10 cash coupon: redeem straight away.']
    },
    {
      key: 'CASH_MIN_SPEND',
      code: '310000000101',
      card: 'cashMin100',
      expected: 'NEEDS_AMOUNT',
      followUp: { billFen: 12000, expected: 'OK' },
      title: ['满100减10', 'Spend ¥100, ¥10 off'],
      description: [
        '满100减10：先输入账单金额（如120元），满100元即可核销。',
        'Spend ¥100, get ¥10 off: enter the bill (e.g. ¥120); from ¥100 it can be redeemed.'
      ]
    },
    {
      key: 'DISCOUNT_NEEDS_AMOUNT',
      code: '320000000202',
      card: 'discount70',
      expected: 'NEEDS_AMOUNT',
      followUp: { billFen: 10000, expected: 'OK' },
      title: ['7折券', '30% off (7折)'],
      description: [
        '7折券：需输入账单金额，顾客支付70%（100元付70元）。',
        '30% off (7折): enter the bill; the customer pays 70% (¥100 → ¥70).'
      ]
    },
    {
      key: 'GIFT',
      code: '330000000303',
      card: 'gift',
      expected: 'OK',
      title: ['礼品券', 'Gift coupon'],
      description: [
        '礼品券：兑换中杯美式咖啡一杯，没有金额。',
        'Gift coupon: one medium Americano, no money off.'
      ]
    },
    {
      key: 'GROUPON',
      code: '340000000404',
      card: 'groupon',
      expected: 'OK',
      title: ['团购券', 'Group-buy coupon'],
      description: [
        '团购券：双人午餐套餐，记录套餐内容。',
        'Group-buy coupon: lunch set for two; the deal is recorded.'
      ]
    },
    {
      key: 'GENERAL_COUPON',
      code: '350000000505',
      card: 'general',
      expected: 'OK',
      title: ['优惠券', 'General coupon'],
      description: [
        '优惠券：会员日专属优惠，记录优惠内容。',
        'General coupon: member-day offer; the offer text is recorded.'
      ]
    },
    {
      key: 'NO_STACKING',
      code: '360000000606',
      card: 'noStacking',
      expected: 'OK',
      title: ['不可叠加的券', 'Not combinable'],
      description: [
        '5元券，不与其他优惠同享：已有其他优惠时会提示。',
        '¥5 coupon that cannot be combined: warns when another discount is already applied.'
      ]
    },
    {
      key: 'ALREADY_CONSUMED',
      code: '000000000707',
      card: 'cash10',
      status: 'CONSUMED',
      expected: 'DUPLICATE',
      title: ['已核销', 'Already redeemed'],
      description: [
        '昨天已核销的券：必须显示“重复使用”警告。',
        'Redeemed yesterday: must show the duplicate warning.'
      ]
    },
    {
      key: 'EXPIRED',
      code: '410000000808',
      card: 'expired',
      status: 'EXPIRE',
      expected: 'DENY',
      title: ['已过期', 'Expired'],
      description: [
        '已过期的券：拒绝核销（过期券自动作废）。',
        'Expired coupon: refused (expired coupons are void).'
      ]
    },
    {
      key: 'NOT_YET_VALID',
      code: '420000000909',
      card: 'future',
      expected: 'DENY',
      title: ['未到使用日期', 'Not yet valid'],
      description: ['3天后才生效的券：拒绝核销。', 'Starts in 3 days: refused.']
    },
    {
      key: 'OUTSIDE_HOURS',
      code: '430000001010',
      card: 'hours',
      expected: 'DENY',
      title: ['不在可用时段', 'Outside hours'],
      description: [
        `限时券，仅每天 ${hoursLabel} 可用：当前时段拒绝核销。`,
        `Time-limited coupon, only ${hoursLabel} daily: refused now.`
      ]
    },
    {
      key: 'WRONG_STORE',
      code: '440000001111',
      card: 'wrongStore',
      expected: 'DENY',
      title: ['非本店券', 'Other store only'],
      description: ['仅限其他门店使用的券：本店拒绝核销。', 'Only valid at other stores: refused here.']
    },
    {
      key: 'BELOW_MIN_SPEND',
      code: '450000001212',
      card: 'cashMin300',
      expected: 'NEEDS_AMOUNT',
      followUp: { billFen: 5000, expected: 'DENY' },
      title: ['未达最低消费', 'Below minimum spend'],
      description: [
        '满300减30：输入低于300元的金额（如50元）时拒绝。',
        'Spend ¥300, get ¥30 off: a bill below ¥300 (e.g. ¥50) is refused.'
      ]
    },
    {
      key: 'BEING_GIFTED',
      code: '460000001313',
      card: 'cash10',
      status: 'GIFTING',
      expected: 'DENY',
      title: ['转赠中', 'Being gifted'],
      description: [
        '正在转赠给好友的券：拒绝核销。',
        'Being gifted to a friend: refused until accepted or returned.'
      ]
    },
    {
      key: 'GIFT_TIMEOUT',
      code: '470000001414',
      card: 'cash10',
      status: 'GIFT_TIMEOUT',
      expected: 'DENY',
      title: ['转赠超时', 'Gift timed out'],
      description: [
        '转赠超时的券：拒绝核销，请顾客稍后再试。',
        'Gift timed out: refused; the customer can try again later.'
      ]
    },
    {
      key: 'DELETED_BY_USER',
      code: '480000001515',
      card: 'cash10',
      status: 'DELETE',
      expected: 'DENY',
      title: ['已删除', 'Deleted'],
      description: ['顾客已从卡包删除的券：拒绝核销。', 'Deleted from the customer’s card bag: refused.']
    },
    {
      key: 'UNAVAILABLE',
      code: '490000001616',
      card: 'cash10',
      status: 'UNAVAILABLE',
      expected: 'DENY',
      title: ['已失效', 'Invalidated'],
      description: ['商户已设为失效的券：拒绝核销。', 'Invalidated by the merchant: refused.']
    },
    {
      key: 'HIGH_VALUE',
      code: '510000001717',
      card: 'cash200',
      expected: 'WARN',
      title: ['高面值券', 'High value'],
      description: ['200元高面值券：需要店长PIN确认。', '¥200 high-value coupon: needs a manager PIN.']
    },
    {
      key: 'MEMBER_CARD',
      code: '520000001818',
      card: 'member',
      expected: 'DENY',
      title: ['会员卡', 'Member card'],
      description: ['会员卡：显示会员信息，不能核销。', 'Member card: shows member info, cannot be redeemed.']
    },
    {
      key: 'CUSTOM_CODE',
      code: '880000001919',
      card: 'custom',
      expected: 'OK',
      title: ['自定义券码', 'Custom code'],
      // What the counter does (src/main/redeem/resolveLookup.ts): WeChat answers 40056 for a custom code asked
      // without its card_id, so the counter lists the store's custom-code cards and asks the cashier to pick.
      description: [
        '自定义券码（88开头）：微信不知道它属于哪张券，收银台会请你选择券种——选“合作方15元券”后即可核销。',
        'Custom code (starts with 88): WeChat cannot tell which coupon it belongs to, so the counter asks you to choose the coupon — pick “合作方15元券” (the partner ¥15 coupon), then it can be redeemed.'
      ]
    },
    {
      key: 'UNKNOWN_CODE',
      code: '099999999999',
      expected: 'DENY',
      title: ['不存在的券码', 'Unknown code'],
      // Without its card_id WeChat cannot tell an unknown code from a custom one (both 40056), so a store with
      // custom-code cards is asked to pick one first; asked with it, WeChat still does not know the code.
      description: [
        '微信不认识的券码：本店有自定义券码的券，收银台会先请你选择券种；无论选哪种，都拒绝核销。',
        'A code WeChat does not know: as this store has custom-code coupons, the counter first asks which coupon it is; whichever you pick, it is refused.'
      ]
    },
    {
      key: 'NETWORK_DOWN',
      code: '090000002020',
      card: 'cash10',
      expected: 'WARN',
      title: ['网络故障', 'Network down'],
      description: [
        '断网演练：扫码后沙箱断网20秒，收银台进入离线模式，按离线策略核销（待同步）。',
        'Network-down drill: the scan cuts the sandbox off for 20 s; the station goes offline and redeems under the offline policy (pending sync).'
      ]
    }
  ]
}
