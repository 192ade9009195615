/**
 * The columns of a redemption export, shared by CSV and XLSX so both files carry the same data. Money is
 * integer fen in the ledger; a column says it is money and each writer renders it (CSV: "12.50" text from
 * integers; XLSX: a number with a 0.00 format). Instants are shown in the store's zone. No column carries a
 * secret or a full openid (masked as in the UI).
 */
import type { ExportLanguage, ReportRow } from '../../../shared/reports'
import { describeSyncReason } from '../../../shared/sync'
import type { LocalClock } from './localClock'
import { cardTypeWord, miscWord, outcomeWord, statusWord } from './words'

export type Cell = string | number | null

export interface Column {
  zh: string
  en: string
  kind: 'text' | 'code' | 'money' | 'time' | 'count'
  width: number
  value: (row: ReportRow, ctx: ColumnContext) => Cell
}

export interface ColumnContext {
  /** Formats instants in the store's zone. */
  clock: LocalClock
  lang: ExportLanguage
}

const time = (at: number | null, ctx: ColumnContext): Cell => (at === null ? null : ctx.clock.format(at))

export const COLUMNS: readonly Column[] = [
  { zh: '业务日期', en: 'Business day', kind: 'text', width: 12, value: (r) => r.businessDay },
  { zh: '核销时间', en: 'Redeemed at', kind: 'time', width: 20, value: (r, c) => time(r.at, c) },
  { zh: '券码', en: 'Code', kind: 'code', width: 18, value: (r) => r.code },
  { zh: '券名称', en: 'Coupon', kind: 'text', width: 24, value: (r) => r.cardTitle },
  {
    zh: '券类型',
    en: 'Card type',
    kind: 'text',
    width: 12,
    value: (r, c) => cardTypeWord(r.cardType, c.lang)
  },
  { zh: '卡券ID', en: 'Card ID', kind: 'text', width: 30, value: (r) => r.cardId },
  { zh: '收银员', en: 'Cashier', kind: 'text', width: 10, value: (r) => r.cashierName },
  { zh: '收银台', en: 'Station', kind: 'text', width: 10, value: (r) => r.stationName },
  { zh: '消费金额(元)', en: 'Bill (CNY)', kind: 'money', width: 12, value: (r) => r.billFen },
  { zh: '优惠金额(元)', en: 'Discount (CNY)', kind: 'money', width: 12, value: (r) => r.discountFen },
  { zh: '应付金额(元)', en: 'Payable (CNY)', kind: 'money', width: 12, value: (r) => r.payableFen },
  { zh: '面值(元)', en: 'Face value (CNY)', kind: 'money', width: 12, value: (r) => r.faceValueFen },
  {
    zh: '方式',
    en: 'Channel',
    kind: 'text',
    width: 8,
    value: (r, c) => miscWord(r.online ? 'online' : 'offline', c.lang)
  },
  {
    zh: '同步状态',
    en: 'Sync status',
    kind: 'text',
    width: 10,
    value: (r, c) => statusWord(r.stale ? 'stale' : r.status, c.lang)
  },
  {
    zh: '计入合计',
    en: 'Counted',
    kind: 'text',
    width: 8,
    value: (r, c) => miscWord(r.status === 'voided' ? 'no' : 'yes', c.lang)
  },
  {
    zh: '状态原因',
    en: 'Status reason',
    kind: 'text',
    width: 30,
    value: (r, c) => (r.statusReason === null ? null : describeSyncReason(r.statusReason, c.lang))
  },
  { zh: '同步时间', en: 'Settled at', kind: 'time', width: 20, value: (r, c) => time(r.syncedAt, c) },
  { zh: '审批店长', en: 'Approved by', kind: 'text', width: 10, value: (r) => r.approvedBy },
  { zh: '作废时间', en: 'Voided at', kind: 'time', width: 20, value: (r, c) => time(r.voidedAt, c) },
  { zh: '作废原因', en: 'Void reason', kind: 'text', width: 20, value: (r) => r.voidReason },
  {
    zh: '处理结果',
    en: 'Resolution',
    kind: 'text',
    width: 16,
    value: (r, c) => (r.resolution ? outcomeWord(r.resolution.outcome, c.lang) : null)
  },
  {
    zh: '处理说明',
    en: 'Resolution note',
    kind: 'text',
    width: 24,
    value: (r) => r.resolution?.note ?? null
  },
  {
    zh: '处理人',
    en: 'Resolved by',
    kind: 'text',
    width: 10,
    value: (r) => r.resolution?.resolvedByName ?? null
  },
  { zh: '顾客(脱敏)', en: 'Customer (masked)', kind: 'text', width: 16, value: (r) => r.openidMasked },
  { zh: '记录编号', en: 'Record ID', kind: 'text', width: 38, value: (r) => r.id }
]

export const headerOf = (column: Column, lang: ExportLanguage): string =>
  lang === 'en' ? column.en : column.zh
