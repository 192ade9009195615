/**
 * The redemptions behind a figure: a page for the drill-down, chunks for the exports (never the whole range
 * in memory). Both use the report's own WHERE clause, so they list exactly what was counted (plus voided
 * rows when asked for). Rows come back as arrays (better-sqlite3 .raw()): building a 30-key object per row
 * costs several times more than the query itself on a 100,000-row export.
 */
import { maskOpenid } from '../../shared/redeem'
import type { DrillRow, ReportQuery, ReportRow, ResolutionOutcome, RowsPage } from '../../shared/reports'
import type { RedemptionStatus } from '../../shared/redeem'
import type { Db } from '../db/open'
import type { StoreProfile } from '../config/storeProfile'
import { closedAtOf, whereOf } from './filters'
import { daysOf, rangeBounds } from './hours'

/** Alias r = redemptions, o = its outbox item, c = its resolution. The order is what reportRowOf reads. */
export const ROW_SELECT = `SELECT r.id, r.code, r.card_id, r.card_title, r.card_type, r.at, r.business_day,
    r.station_name, r.cashier_id, r.cashier_name, r.openid, r.bill_fen, r.discount_fen, r.payable_fen,
    r.face_value_fen, r.online, r.status, r.status_reason, r.synced_at, r.approved_by, r.voided_at, r.voided_by,
    r.void_reason, o.state, o.stale, c.outcome, c.note, c.resolved_at, c.resolved_by_name, r.rowid
  FROM redemptions r
  LEFT JOIN outbox o ON o.redemption_id = r.id
  LEFT JOIN conflict_resolutions c ON c.redemption_id = r.id`

type Raw = unknown[]
const str = (v: unknown): string => v as string
const strOrNull = (v: unknown): string | null => (v === null ? null : (v as string))
const numOrNull = (v: unknown): number | null => (v === null ? null : (v as number))

export function reportRowOf(v: Raw): ReportRow {
  const status = v[16] as RedemptionStatus
  return {
    id: str(v[0]),
    code: str(v[1]),
    cardId: strOrNull(v[2]),
    cardTitle: str(v[3]),
    cardType: str(v[4]),
    at: v[5] as number,
    businessDay: str(v[6]),
    stationName: str(v[7]),
    cashierId: str(v[8]),
    cashierName: str(v[9]),
    openidMasked: maskOpenid(strOrNull(v[10])),
    billFen: numOrNull(v[11]),
    discountFen: v[12] as number,
    payableFen: numOrNull(v[13]),
    faceValueFen: v[14] as number,
    online: v[15] === 1,
    status,
    stale: status === 'pending' && v[23] === 'queued' && v[24] === 1,
    statusReason: strOrNull(v[17]),
    syncedAt: numOrNull(v[18]),
    approvedBy: strOrNull(v[19]),
    voidedAt: numOrNull(v[20]),
    voidedBy: strOrNull(v[21]),
    voidReason: strOrNull(v[22]),
    resolution:
      v[25] === null
        ? null
        : {
            outcome: v[25] as ResolutionOutcome,
            note: str(v[26]),
            resolvedAt: v[27] as number,
            resolvedByName: str(v[28])
          }
  }
}

const ROWID = 29

/** Rows of ROW_SELECT for a WHERE clause over r (and its parameters). */
export function selectRows(db: Db, where: string, params: Record<string, unknown> | unknown[]): ReportRow[] {
  const stmt = db.prepare(`${ROW_SELECT} WHERE ${where}`).raw()
  return ((Array.isArray(params) ? stmt.all(...params) : stmt.all(params)) as Raw[]).map(reportRowOf)
}

function whereFor(db: Db, query: ReportQuery, profile: StoreProfile) {
  const bounds = rangeBounds(query.from, query.to, profile.timeZone, profile.cutoffMinutes)
  const closedAt = query.from === query.to ? closedAtOf(db, query.from) : undefined
  return whereOf(query, bounds, profile.timeZone, closedAt)
}

/** Marks the rows redeemed after their business day's close (a few rows: one lookup per day shown). */
export function withPhase(db: Db, rows: ReportRow[]): DrillRow[] {
  const closes = new Map<string, number | null>()
  return rows.map((row) => {
    if (!closes.has(row.businessDay)) closes.set(row.businessDay, closedAtOf(db, row.businessDay))
    const closedAt = closes.get(row.businessDay) ?? null
    return { ...row, afterClose: closedAt !== null && row.at > closedAt }
  })
}

/**
 * A page of the rows behind a figure. Like the figures, it leaves voided redemptions out unless the filter
 * asks for them (status 'voided'), so a figure's count is its drill-down's total.
 */
export function rowsPage(
  db: Db,
  query: ReportQuery,
  profile: StoreProfile,
  page: number,
  pageSize: number
): RowsPage {
  const base = whereFor(db, query, profile)
  const where =
    query.filter?.status === undefined ? { ...base, sql: `${base.sql} AND r.status <> 'voided'` } : base
  const total = (
    db.prepare(`SELECT count(*) AS n FROM redemptions r WHERE ${where.sql}`).get(where.params) as {
      n: number
    }
  ).n
  const rows = selectRows(db, `${where.sql} ORDER BY r.at, r.id LIMIT @limit OFFSET @offset`, {
    ...where.params,
    limit: pageSize,
    offset: (page - 1) * pageSize
  })
  return { rows: withPhase(db, rows), total, page, pageSize }
}

/**
 * Every row of the range in time order, in chunks (exports). Each chunk is its own finished query resumed
 * from the last row's (at, rowid) within its day — a range scan of the (business_day, at) index — so no
 * statement stays open while the export awaits its file stream: an open better-sqlite3 iterator would keep
 * the connection busy and fail the till's writes meanwhile.
 */
export function* rowChunks(
  db: Db,
  query: ReportQuery,
  profile: StoreProfile,
  chunkSize = 2000
): Generator<ReportRow[]> {
  const where = whereFor(db, query, profile)
  const page = db
    .prepare(
      `${ROW_SELECT} WHERE ${where.sql} AND r.business_day = @day AND (r.at, r.rowid) > (@lastAt, @lastRowid)
       ORDER BY r.at, r.rowid LIMIT @limit`
    )
    .raw()
  for (const day of daysOf(query.from, query.to)) {
    let lastAt = Number.MIN_SAFE_INTEGER
    let lastRowid = -1
    for (;;) {
      const rows = page.all({ ...where.params, day, lastAt, lastRowid, limit: chunkSize }) as Raw[]
      if (rows.length > 0) yield rows.map(reportRowOf)
      if (rows.length < chunkSize) break
      const last = rows[rows.length - 1] as Raw
      lastAt = last[5] as number
      lastRowid = last[ROWID] as number
    }
  }
}
