/**
 * Closing the day, exports and backups as the manager's pages see them (re-exported by ./reports). Plain
 * JSON-safe data built in main (src/main/reports, src/main/backup).
 */
import type { Fen } from './money'
import type { DayBreakdowns } from './reports'
import type { BusinessDay, EpochMs } from './time'

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
export interface ZReportBody extends DayBreakdowns {
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
