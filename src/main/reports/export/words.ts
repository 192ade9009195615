/**
 * The words an export file uses, in Chinese (default) and English. Exports are made in main, which has no
 * i18next, so the few words they need live here, matching the renderer's catalogue.
 */
import type { ExportLanguage } from '../../../shared/reports'

type Words = Readonly<Record<string, string>>

const CARD_TYPE: Record<ExportLanguage, Words> = {
  'zh-CN': {
    CASH: '代金券',
    DISCOUNT: '折扣券',
    GIFT: '兑换券',
    GROUPON: '团购券',
    GENERAL_COUPON: '优惠券',
    MEMBER_CARD: '会员卡',
    UNKNOWN: '其他券'
  },
  en: {
    CASH: 'Cash coupon',
    DISCOUNT: 'Discount coupon',
    GIFT: 'Gift coupon',
    GROUPON: 'Group deal',
    GENERAL_COUPON: 'Coupon',
    MEMBER_CARD: 'Member card',
    UNKNOWN: 'Other coupon'
  }
}

const STATUS: Record<ExportLanguage, Words> = {
  'zh-CN': {
    pending: '待同步',
    stale: '同步超时',
    synced: '已同步',
    conflict: '冲突',
    rejected: '被拒绝',
    voided: '已作废'
  },
  en: {
    pending: 'Pending',
    stale: 'Stale',
    synced: 'Synced',
    conflict: 'Conflict',
    rejected: 'Rejected',
    voided: 'Voided'
  }
}

const OUTCOME: Record<ExportLanguage, Words> = {
  'zh-CN': { collected: '已向顾客收回', written_off: '核销损失（冲销）', other: '其他' },
  en: { collected: 'Collected from customer', written_off: 'Written off', other: 'Other' }
}

const MISC: Record<ExportLanguage, Words> = {
  'zh-CN': { online: '在线', offline: '离线', yes: '是', no: '否' },
  en: { online: 'Online', offline: 'Offline', yes: 'yes', no: 'no' }
}

export const cardTypeWord = (type: string, lang: ExportLanguage): string => CARD_TYPE[lang][type] ?? type
export const statusWord = (status: string, lang: ExportLanguage): string => STATUS[lang][status] ?? status
export const outcomeWord = (outcome: string, lang: ExportLanguage): string =>
  OUTCOME[lang][outcome] ?? outcome
export const miscWord = (key: 'online' | 'offline' | 'yes' | 'no', lang: ExportLanguage): string =>
  MISC[lang][key] ?? key
