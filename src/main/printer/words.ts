/**
 * The words printed on paper, in the printer's language: the catalogue's printPaper.* (src/shared/i18n,
 * docs/i18n.md), read through the same translator the exports use. Paper is made in main; its words are not.
 */
import { createTranslator } from '../../shared/i18n'

export type PrintLanguage = 'zh-CN' | 'en'

const KEYS = [
  'slipTitle',
  'reprint',
  'reprintMark',
  'testRulerGlyph',
  'training',
  'store',
  'station',
  'cashier',
  'time',
  'coupon',
  'value',
  'bill',
  'payable',
  'code',
  'redemptionId',
  'voided',
  'approvedBy',
  'pending',
  'keep',
  'zTitle',
  'businessDay',
  'period',
  'closedAt',
  'closedBy',
  'totals',
  'count',
  'discount',
  'byCard',
  'byCashier',
  'byStatus',
  'voidedLine',
  'openItems',
  'afterClose',
  'rows',
  'none',
  'testTitle',
  'testBody',
  'testWidth',
  'testQr'
] as const

type Key = (typeof KEYS)[number]

export type Words = Record<Key, string> & {
  yuan: (text: string) => string
  status: Record<string, string>
}

const STATUSES = ['synced', 'pending', 'conflict', 'rejected'] as const

export function printWords(language: PrintLanguage): Words {
  const t = createTranslator(language)
  const words = Object.fromEntries(KEYS.map((k) => [k, t(`printPaper.${k}`)])) as Record<Key, string>
  return {
    ...words,
    yuan: (text) => t('printPaper.yuan', { amount: text }),
    status: Object.fromEntries(STATUSES.map((s) => [s, t(`printPaper.status.${s}`)]))
  }
}
