/**
 * One WHERE clause for a report range and a figure's filter, shared by the figures, the drill-down and the
 * exports, so the rows behind a figure are exactly the rows that made it. Redemptions are chosen by their
 * stored business_day (what the till recorded with the cut-off of that moment), never re-derived.
 */
import type { ReportFilter, ReportQuery } from '../../shared/reports'
import type { Db } from '../db/open'
import { clockHourIntervals, HOUR_MS, type RangeBounds } from './hours'

export interface Where {
  sql: string
  params: Record<string, string | number>
}

/**
 * Alias `r` is the redemptions table in every query that uses this. `closedAt` is when a one-day query's
 * day was closed (null: not closed; undefined: unknown, or a range), which lets the phase filter be a plain
 * comparison on the covering index instead of a lookup per row.
 */
export function whereOf(
  query: ReportQuery,
  bounds: RangeBounds,
  zone: string,
  closedAt?: number | null
): Where {
  const f: ReportFilter = query.filter ?? {}
  // One day is an equality, so the day report's grouping can follow the covering index without a sort.
  const parts = [query.from === query.to ? 'r.business_day = @from' : 'r.business_day BETWEEN @from AND @to']
  const params: Record<string, string | number> = { from: query.from, to: query.to }
  if (f.cardId !== undefined) {
    parts.push(`coalesce(r.card_id, '') = @cardId`)
    params['cardId'] = f.cardId
  }
  if (f.cardType !== undefined) {
    parts.push('r.card_type = @cardType')
    params['cardType'] = f.cardType
  }
  if (f.cashierId !== undefined) {
    parts.push('r.cashier_id = @cashierId')
    params['cashierId'] = f.cashierId
  }
  if (f.online !== undefined) {
    parts.push('r.online = @online')
    params['online'] = f.online ? 1 : 0
  }
  if (f.status === 'stale') {
    parts.push(`r.status = 'pending' AND ${STALE_SQL}`)
  } else if (f.status !== undefined) {
    parts.push('r.status = @status')
    params['status'] = f.status
  }
  if (f.hourStart !== undefined) {
    parts.push('r.at >= @hourStart AND r.at < @hourEnd')
    params['hourStart'] = f.hourStart
    params['hourEnd'] = f.hourStart + HOUR_MS
  }
  if (f.hourOfDay !== undefined) {
    const intervals = clockHourIntervals(bounds, f.hourOfDay, zone)
    if (intervals.length === 0) parts.push('0')
    else {
      parts.push(`(${intervals.map((_, i) => `(r.at >= @h${i}s AND r.at < @h${i}e)`).join(' OR ')})`)
      intervals.forEach(([s, e], i) => {
        params[`h${i}s`] = s
        params[`h${i}e`] = e
      })
    }
  }
  if (f.phase !== undefined) {
    const after = f.phase === 'after_close'
    if (query.from === query.to && closedAt !== undefined) {
      if (closedAt === null) {
        if (after) parts.push('0')
      } else {
        parts.push(after ? 'r.at > @closedAt' : 'r.at <= @closedAt')
        params['closedAt'] = closedAt
      }
    } else parts.push(`${after ? '' : 'NOT '}${AFTER_CLOSE_SQL}`)
  }
  return { sql: parts.join(' AND '), params }
}

/**
 * Redeemed after its business day was closed: it stays on that day but belongs to the next Z report
 * ("after close"), never to the one that closed the day (docs: src/main/reports/README.md).
 */
export const AFTER_CLOSE_SQL = `EXISTS (SELECT 1 FROM z_reports z WHERE z.business_day = r.business_day AND z.closed_at < r.at)`

/** When a business day was closed (its Z report), or null while it is open. */
export function closedAtOf(db: Db, businessDay: string): number | null {
  const row = db.prepare('SELECT closed_at FROM z_reports WHERE business_day = ?').get(businessDay) as
    { closed_at: number } | undefined
  return row?.closed_at ?? null
}

/** A pending redemption whose outbox item is past its fast retry schedule. */
export const STALE_SQL = `EXISTS (SELECT 1 FROM outbox o WHERE o.redemption_id = r.id AND o.state = 'queued' AND o.stale = 1)`
