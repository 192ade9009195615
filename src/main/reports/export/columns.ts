/**
 * The columns of a redemption export, shared by CSV and XLSX so both files carry the same data. Money is
 * integer fen in the ledger; a column says it is money and each writer renders it (CSV: "12.50" text from
 * integers; XLSX: a number with a 0.00 format). Instants are shown in the store's zone. No column carries a
 * secret or a full openid (masked as in the UI).
 */
import type { Translate } from '../../../shared/i18n'
import type { ExportLanguage, ReportRow } from '../../../shared/reports'
import { describeSyncReason } from '../../../shared/sync'
import type { LocalClock } from './localClock'

export type Cell = string | number | null

export interface Column {
  /** The header's word: `exportFile.column.<key>` in the catalogue (src/shared/i18n). */
  key: string
  kind: 'text' | 'code' | 'money' | 'time' | 'count'
  width: number
  value: (row: ReportRow, ctx: ColumnContext) => Cell
}

export interface ColumnContext {
  /** Formats instants in the store's zone. */
  clock: LocalClock
  lang: ExportLanguage
  /** The catalogue's words in `lang` (createTranslator): the same words the renderer shows. */
  t: Translate
}

const time = (at: number | null, ctx: ColumnContext): Cell => (at === null ? null : ctx.clock.format(at))

export const COLUMNS: readonly Column[] = [
  { key: 'businessDay', kind: 'text', width: 12, value: (r) => r.businessDay },
  { key: 'redeemedAt', kind: 'time', width: 20, value: (r, c) => time(r.at, c) },
  { key: 'code', kind: 'code', width: 18, value: (r) => r.code },
  { key: 'coupon', kind: 'text', width: 24, value: (r) => r.cardTitle },
  {
    key: 'cardType',
    kind: 'text',
    width: 12,
    value: (r, c) => c.t(`cardType.${r.cardType}`)
  },
  { key: 'cardId', kind: 'text', width: 30, value: (r) => r.cardId },
  { key: 'cashier', kind: 'text', width: 10, value: (r) => r.cashierName },
  { key: 'station', kind: 'text', width: 10, value: (r) => r.stationName },
  { key: 'bill', kind: 'money', width: 12, value: (r) => r.billFen },
  { key: 'discount', kind: 'money', width: 12, value: (r) => r.discountFen },
  { key: 'payable', kind: 'money', width: 12, value: (r) => r.payableFen },
  { key: 'faceValue', kind: 'money', width: 12, value: (r) => r.faceValueFen },
  {
    key: 'channel',
    kind: 'text',
    width: 8,
    value: (r, c) => c.t(`exportFile.channel.${r.online ? 'online' : 'offline'}`)
  },
  {
    key: 'syncStatus',
    kind: 'text',
    width: 10,
    value: (r, c) => c.t(`status.${r.stale ? 'stale' : r.status}`)
  },
  {
    key: 'counted',
    kind: 'text',
    width: 8,
    value: (r, c) => c.t(`exportFile.counted.${r.status === 'voided' ? 'no' : 'yes'}`)
  },
  {
    key: 'statusReason',
    kind: 'text',
    width: 30,
    value: (r, c) => (r.statusReason === null ? null : describeSyncReason(c.t, r.statusReason))
  },
  { key: 'settledAt', kind: 'time', width: 20, value: (r, c) => time(r.syncedAt, c) },
  { key: 'approvedBy', kind: 'text', width: 10, value: (r) => r.approvedBy },
  { key: 'voidedAt', kind: 'time', width: 20, value: (r, c) => time(r.voidedAt, c) },
  { key: 'voidReason', kind: 'text', width: 20, value: (r) => r.voidReason },
  {
    key: 'resolution',
    kind: 'text',
    width: 16,
    value: (r, c) => (r.resolution ? c.t(`reports.conflicts.outcome.${r.resolution.outcome}`) : null)
  },
  {
    key: 'resolutionNote',
    kind: 'text',
    width: 24,
    value: (r) => r.resolution?.note ?? null
  },
  {
    key: 'resolvedBy',
    kind: 'text',
    width: 10,
    value: (r) => r.resolution?.resolvedByName ?? null
  },
  { key: 'customer', kind: 'text', width: 16, value: (r) => r.openidMasked },
  { key: 'recordId', kind: 'text', width: 38, value: (r) => r.id }
]

export const headerOf = (column: Column, t: Translate): string => t(`exportFile.column.${column.key}`)
