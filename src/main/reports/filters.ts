/**
 * One WHERE clause for a report range and a figure's filter, shared by the figures, the drill-down and the
 * exports, so the rows behind a figure are exactly the rows that made it. Redemptions are chosen by their
 * stored business_day (what the till recorded with the cut-off of that moment), never re-derived.
 */
import type { ReportFilter, ReportQuery } from '../../shared/reports'
import { clockHourIntervals, HOUR_MS, type RangeBounds } from './hours'

export interface Where {
  sql: string
  params: Record<string, string | number>
}

/** Alias `r` is the redemptions table in every query that uses this. */
export function whereOf(query: ReportQuery, bounds: RangeBounds, zone: string): Where {
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
  return { sql: parts.join(' AND '), params }
}

/** A pending redemption whose outbox item is past its fast retry schedule. */
export const STALE_SQL = `EXISTS (SELECT 1 FROM outbox o WHERE o.redemption_id = r.id AND o.state = 'queued' AND o.stale = 1)`
