/**
 * What the manager's pages see of the day: report figures, drill-down rows, conflicts, Z reports, the audit
 * log and backups. Plain JSON-safe data built in main (src/main/reports, src/main/backup); money in fen,
 * instants in epoch ms (the renderer formats them in the store's zone); openids arrive masked.
 *
 * What the totals include: every redemption of the business day that was not voided — pending, synced,
 * conflict and rejected alike — because each of them is a discount the till gave. Voided redemptions are
 * listed (and counted in `voided`) but never in the totals or in a breakdown. Every breakdown (by coupon,
 * card type, cashier, hour, channel, sync status) partitions exactly those redemptions, so each one sums to
 * the totals. `stale` is the part of `pending` that is past its fast retry schedule.
 */
import type { Fen } from './money'
import type { RedemptionStatus } from './redeem'
import type { BusinessDay, EpochMs } from './time'

export interface Amounts {
  count: number
  discountFen: Fen
  /** Sum of the bills that were entered (coupons without an amount add nothing). */
  billFen: Fen
  payableFen: Fen
}

/** The four statuses the totals are split into (voided stands apart). */
export const COUNTED_STATUSES = ['synced', 'pending', 'conflict', 'rejected'] as const
export type CountedStatus = (typeof COUNTED_STATUSES)[number]

/** A figure's filter; the same shape selects the redemptions behind it (drill-down). */
export interface ReportFilter {
  /** '' selects redemptions without a card id. */
  cardId?: string
  cardType?: string
  cashierId?: string
  online?: boolean
  status?: RedemptionStatus | 'stale'
  /** One hour bucket of one day (its start instant) … */
  hourStart?: EpochMs
  /** … or a clock hour (0–23) on every day of the range. */
  hourOfDay?: number
}

export interface ReportQuery {
  from: BusinessDay
  to: BusinessDay
  filter?: ReportFilter
}

export interface CardLine extends Amounts {
  cardId: string
  title: string
  cardType: string
}
export interface CardTypeLine extends Amounts {
  cardType: string
}
export interface CashierLine extends Amounts {
  cashierId: string
  cashierName: string
}
export interface HourLine extends Amounts {
  /** Clock hour in the store's zone, 0–23. */
  hour: number
  /** Start of this bucket on a one-day report; null when a range adds the same clock hour of every day. */
  startAt: EpochMs | null
}
export interface ChannelLine extends Amounts {
  online: boolean
}
export interface StatusLine extends Amounts {
  status: CountedStatus
}

export interface ClosedDay {
  businessDay: BusinessDay
  number: number
  closedAt: EpochMs
}

export interface DayReport {
  from: BusinessDay
  to: BusinessDay
  timeZone: string
  cutoffMinutes: number
  /** [start, end) of the range in epoch ms. */
  start: EpochMs
  end: EpochMs
  filter: ReportFilter
  totals: Amounts
  byCard: CardLine[]
  byCardType: CardTypeLine[]
  byCashier: CashierLine[]
  byHour: HourLine[]
  byChannel: ChannelLine[]
  byStatus: StatusLine[]
  /** Pending items past their fast retry schedule (part of the pending line). */
  stale: Amounts
  /** Shown, never counted in the totals. */
  voided: Amounts
  /** Resolved conflicts/rejections among the counted items. */
  resolved: Amounts
  closed: ClosedDay[]
  generatedAt: EpochMs
}

export interface ResolutionView {
  outcome: ResolutionOutcome
  note: string
  resolvedAt: EpochMs
  resolvedByName: string
}

export const RESOLUTION_OUTCOMES = ['collected', 'written_off', 'other'] as const
export type ResolutionOutcome = (typeof RESOLUTION_OUTCOMES)[number]

/** One redemption behind a figure. */
export interface ReportRow {
  id: string
  code: string
  cardId: string | null
  cardTitle: string
  cardType: string
  at: EpochMs
  businessDay: BusinessDay
  stationName: string
  cashierId: string
  cashierName: string
  openidMasked: string | null
  billFen: Fen | null
  discountFen: Fen
  payableFen: Fen | null
  faceValueFen: Fen
  online: boolean
  status: RedemptionStatus
  stale: boolean
  statusReason: string | null
  syncedAt: EpochMs | null
  approvedBy: string | null
  voidedAt: EpochMs | null
  voidedBy: string | null
  voidReason: string | null
  resolution: ResolutionView | null
}

export interface RowsPage {
  rows: ReportRow[]
  total: number
  page: number
  pageSize: number
}

/** WeChat's own daily redemption count (datacube) next to ours. */
export type WechatDay =
  | {
      date: BusinessDay
      state: 'ok'
      wechat: number
      /** Our consumes WeChat confirmed on that calendar day (China time), from this station's ledger. */
      ours: number
      /** wechat − ours: other stores, stations or redemption methods of the account, or a problem. */
      difference: number
    }
  /** today or later: WeChat publishes a day only after it ends */
  | { date: BusinessDay; state: 'not_yet'; ours: number }
  | { date: BusinessDay; state: 'unavailable'; ours: number; reason: string }

export interface SyncAttemptView {
  kind: string
  startedAt: EpochMs
  finishedAt: EpochMs | null
  outcome: string | null
  errcode: number | null
  detail: string | null
}

export interface AuditEntryView {
  id: number
  at: EpochMs
  actorId: string | null
  actorName: string | null
  action: string
  subject: string | null
  /** The entry's detail with secrets redacted and openids masked. */
  detail: Record<string, unknown>
  hash: string
}

export interface ConflictItem {
  redemption: ReportRow
  attempts: number
  lastError: string | null
}

export interface ConflictStory {
  redemption: ReportRow
  /** The decision at the till: outcome and reason codes. */
  decision: { outcome: string; reasons: string[] }
  /** The scan that led to it, when the scan log still has it. */
  scan: { at: EpochMs; source: string; device: string } | null
  outbox: { state: string; attempts: number; stale: boolean; lastError: string | null } | null
  attempts: SyncAttemptView[]
  audit: AuditEntryView[]
}

export interface AfterCloseEvent {
  redemptionId: string
  businessDay: BusinessDay
  /** The Z report that closed that day. */
  closedBy: number
  event: 'redeemed' | 'synced' | 'conflict' | 'rejected' | 'voided' | 'resolved'
  at: EpochMs
  code: string
  discountFen: Fen
  detail: string | null
}

export interface OpenItem {
  redemptionId: string
  code: string
  at: EpochMs
  cardTitle: string
  cashierName: string
  discountFen: Fen
  status: 'pending' | 'conflict' | 'rejected'
  stale: boolean
  statusReason: string | null
}

/** The immutable body of a Z report; its SHA-256 is taken over the canonical JSON of exactly this. */
export interface ZReportBody {
  number: number
  businessDay: BusinessDay
  storeName: string
  stationName: string
  timeZone: string
  cutoffMinutes: number
  start: EpochMs
  end: EpochMs
  closedAt: EpochMs
  closedBy: { id: string; name: string }
  totals: Amounts
  byCard: CardLine[]
  byCardType: CardTypeLine[]
  byCashier: CashierLine[]
  byHour: HourLine[]
  byChannel: ChannelLine[]
  byStatus: StatusLine[]
  stale: Amounts
  voided: Amounts
  /** Pending, conflicting and rejected items still open when the day closed (shown prominently). */
  openItems: OpenItem[]
  /** Changes to items of days closed earlier, since the previous Z report. */
  afterClose: AfterCloseEvent[]
  /** Count and SHA-256 of the day's redemption rows up to the close, in canonical form (their unchanging fields). */
  rows: { count: number; sha256: string }
}

export interface ZReportCheck {
  /** The stored body still hashes to the stored SHA-256. */
  hashOk: boolean
  storedSha256: string
  computedSha256: string
  /** The SHA-256 the audit chain recorded when the day closed (so rewriting body AND hash shows too). */
  auditOk: boolean
  /** The day's ledger rows up to the close still hash to what the report recorded. */
  rowsOk: boolean
}

export interface ZReportView {
  body: ZReportBody
  sha256: string
  check: ZReportCheck
}

export interface ZReportSummary {
  number: number
  businessDay: BusinessDay
  closedAt: EpochMs
  closedByName: string
  count: number
  discountFen: Fen
  openItems: number
  sha256: string
}

export interface CloseDayResult {
  report: ZReportView
  backup: BackupResultView
}

export type ExportFormat = 'csv' | 'xlsx'
export type ExportLanguage = 'zh-CN' | 'en'

export type ExportDelivery =
  /** Node host: a one-time URL on the host the page downloads (never a path, never Node in the page). */
  | { kind: 'download'; url: string; expiresAt: EpochMs }
  /** Electron: the file was written where the manager chose in the save dialog. */
  | { kind: 'saved'; path: string }
  | { kind: 'cancelled' }

export interface ExportResult {
  fileName: string
  rows: number
  bytes: number
  sha256: string
  delivery: ExportDelivery
}

/** Electron prints the page to PDF in main; elsewhere the page prints itself (window.print). */
export type PdfResult = { kind: 'saved'; path: string } | { kind: 'cancelled' } | { kind: 'print_in_page' }

export type BackupReason = 'day_close' | 'schedule' | 'manual'

export interface BackupView {
  file: string
  at: EpochMs
  reason: BackupReason | 'unknown'
  bytes: number
  /** Reopened and passed PRAGMA integrity_check when it was taken (or when it was last checked). */
  verified: boolean
  /** The store-local date a manager types to confirm restoring it. */
  confirmDate: BusinessDay
}

export type BackupResultView = { ok: true; backup: BackupView } | { ok: false; error: string }

export interface BackupSettings {
  intervalHours: number
  keepDays: number
}

export interface BackupsOverview {
  directory: string
  settings: BackupSettings
  backups: BackupView[]
  nextDueAt: EpochMs | null
}

export interface RestoreResult {
  restored: BackupView
  /** Where the file that was in use was moved (never deleted); null if there was none. */
  movedAsideTo: string | null
}
