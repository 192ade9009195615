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
  /**
   * Up to the close of its business day (what that day's Z report counted; every redemption of an open
   * day) or redeemed after that close (carried to the next Z report). Absent: both.
   */
  phase?: 'until_close' | 'after_close'
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
  /** What its Z report counted (its totals, as stored). */
  count: number
  discountFen: Fen
}

/** The figures a day report and a Z report both carry: totals and every breakdown of them. */
export interface DayBreakdowns {
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
}

export interface DayReport extends DayBreakdowns {
  from: BusinessDay
  to: BusinessDay
  timeZone: string
  cutoffMinutes: number
  /** [start, end) of the range in epoch ms. */
  start: EpochMs
  end: EpochMs
  filter: ReportFilter
  /** Resolved conflicts/rejections among the counted items. */
  resolved: Amounts
  closed: ClosedDay[]
  /**
   * Counted redemptions of the range (same filter, either phase) redeemed after their day was closed: they
   * stay on their day, are shown as "after close" and land on the next Z report.
   */
  afterClose: Amounts
  /**
   * Redemptions a Z report counted that were voided after the close (void shows on the next Z report): with
   * the "until close" figures they add up to what the Z reports counted.
   */
  voidedAfterClose: Amounts
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

/** A drill-down row: also says whether it was redeemed after its day's close. */
export interface DrillRow extends ReportRow {
  afterClose: boolean
}

export interface RowsPage {
  rows: DrillRow[]
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
  /** An AuditAction (src/shared/audit.ts) for every entry this version writes; kept a string for older entries. */
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

/**
 * A cross-till conflict (docs/hub.md § For the station side): this till redeemed a coupon while the store hub
 * did not answer ("not checked with the store"), and when its queued claim finally reached the hub another
 * till already held the coupon. Both stories: this till's redemption and the holder's.
 */
export interface CrossTillConflict {
  redemptionId: string
  code: string
  cardId: string
  at: EpochMs
  cashierName: string
  amountFen: Fen
  holder: {
    redemptionId: string
    tillName: string
    cashierName: string
    at: EpochMs
  }
  /** A manager marked it resolved, with a note (it leaves the open queue, stays in history). */
  resolution: { note: string; resolvedAt: EpochMs; resolvedByName: string } | null
}

export interface ConflictStory {
  redemption: DrillRow
  /** The decision at the till: outcome and reason codes. */
  decision: { outcome: string; reasons: string[] }
  /** The scan that led to it, when the scan log still has it. */
  scan: { at: EpochMs; source: string; device: string } | null
  outbox: { state: string; attempts: number; stale: boolean; lastError: string | null } | null
  attempts: SyncAttemptView[]
  audit: AuditEntryView[]
}

export * from './closing'
