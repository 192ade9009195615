/**
 * WeChat's own daily redemption count (datacube getcardbizuininfo verify_cnt) next to ours. WeChat counts per
 * calendar day in China time for the whole account — every store, every station, every redemption method —
 * and publishes a day only after it ends. So "ours" is what is comparable from this station: consumes WeChat
 * confirmed (status synced, or a card-mismatch conflict that was consumed anyway) whose confirmation time
 * falls on that calendar day in Asia/Shanghai. A difference is a pointer, not an error by itself.
 */
import type { WechatDay } from '../../shared/reports'
import { businessDayRange, type BusinessDay } from '../../shared/time'
import type { Db } from '../db/open'
import type { Upstream } from '../upstream/types'
import { daysOf } from './hours'

export const WECHAT_ZONE = 'Asia/Shanghai'
const DEADLINE_MS = 8000

export function ourConfirmedCount(db: Db, date: BusinessDay): number {
  const { start, end } = businessDayRange(date, WECHAT_ZONE, 0)
  const row = db
    .prepare(
      `SELECT count(*) AS n FROM redemptions
       WHERE synced_at >= ? AND synced_at < ?
         AND (status = 'synced' OR (status = 'conflict' AND status_reason = 'card_mismatch_consumed'))`
    )
    .get(start, end) as { n: number }
  return row.n
}

export async function wechatCounts(
  db: Db,
  upstream: Upstream,
  from: BusinessDay,
  to: BusinessDay,
  now: number
): Promise<WechatDay[]> {
  const today = new Date(now + 8 * 3_600_000).toISOString().slice(0, 10) // China has no DST: UTC+8
  const days = daysOf(from, to)
  const past = days.filter((d) => d < today)
  const counts = new Map<string, number>()
  let failure: string | null = null
  if (past.length > 0) {
    if (!upstream.dailyVerifyCounts) failure = `the ${upstream.name} upstream does not report daily counts`
    else {
      try {
        const list = await upstream.dailyVerifyCounts(past[0] ?? from, past[past.length - 1] ?? to, {
          deadlineMs: DEADLINE_MS
        })
        for (const item of list) counts.set(item.date, item.verifyCount)
      } catch (err) {
        failure = err instanceof Error ? err.message : String(err)
      }
    }
  }
  return days.map((date): WechatDay => {
    const ours = ourConfirmedCount(db, date)
    if (date >= today) return { date, state: 'not_yet', ours }
    if (failure !== null) return { date, state: 'unavailable', ours, reason: failure }
    const wechat = counts.get(date)
    if (wechat === undefined)
      return { date, state: 'unavailable', ours, reason: 'WeChat returned no figure for this day' }
    return { date, state: 'ok', wechat, ours, difference: wechat - ours }
  })
}
