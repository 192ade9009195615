/**
 * datacube/getcardbizuininfo helpers (docs/wechat-api.md §6.1): strict 'YYYY-MM-DD' dates, ranges of at most
 * 62 days per request, and the per-day verify_cnt out of the reply's `list`.
 */
import { DateTime } from 'luxon'
import type { DailyVerifyCount } from '../types'
import { UpstreamError } from '../types'
import type { JsonObject } from './transport'

export const DATACUBE_MAX_DAYS = 62

const STRICT_DATE = /^\d{4}-\d{2}-\d{2}$/

function day(value: string): DateTime {
  const parsed = STRICT_DATE.test(value) ? DateTime.fromISO(value, { zone: 'utc' }) : undefined
  if (!parsed?.isValid || parsed.toISODate() !== value)
    throw new RangeError(`not a calendar date 'YYYY-MM-DD': ${value}`)
  return parsed
}

/** [begin, end] inclusive, cut into ranges WeChat accepts. */
export function dailyRanges(beginDate: string, endDate: string): Array<{ begin: string; end: string }> {
  let begin = day(beginDate)
  const end = day(endDate)
  if (end < begin) throw new RangeError(`end date ${endDate} is before begin date ${beginDate}`)
  const ranges: Array<{ begin: string; end: string }> = []
  while (begin <= end) {
    const last = DateTime.min(begin.plus({ days: DATACUBE_MAX_DAYS - 1 }), end)
    ranges.push({ begin: begin.toISODate() ?? '', end: last.toISODate() ?? '' })
    begin = last.plus({ days: 1 })
  }
  return ranges
}

/** The documented reply is just {list:[…]} without errcode; counts may arrive as numeric strings. */
export function readVerifyCounts(json: JsonObject): DailyVerifyCount[] {
  if (!Array.isArray(json.list)) {
    throw new UpstreamError('malformed', '/datacube/getcardbizuininfo: reply has no list')
  }
  const rows: DailyVerifyCount[] = []
  for (const item of json.list as unknown[]) {
    if (typeof item !== 'object' || item === null) continue
    const { ref_date: date, verify_cnt: count } = item as { ref_date?: unknown; verify_cnt?: unknown }
    const n = typeof count === 'number' ? count : Number(count)
    if (typeof date === 'string' && STRICT_DATE.test(date) && Number.isInteger(n) && n >= 0) {
      rows.push({ date, verifyCount: n })
    }
  }
  return rows
}
