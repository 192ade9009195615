/**
 * Hour buckets of a report range in the store's zone. Buckets are whole hours counted from the clock hour
 * that holds the first day's cut-off (the anchor), so SQLite can bucket with integer division and the
 * labels come from each bucket's own start instant: a 23- or 25-hour DST day simply has 23 or 25 buckets,
 * and the repeated hour of a fall-back night stays two buckets with the same clock hour.
 * (Zones whose DST shift is not a whole hour, like Lord Howe Island, would straddle clock hours; no store
 * of ours is there.)
 */
import { DateTime } from 'luxon'
import { businessDayRange, type BusinessDay, type EpochMs } from '../../shared/time'

export const HOUR_MS = 3_600_000

export interface RangeBounds {
  start: EpochMs
  end: EpochMs
  /** Start of the clock hour that holds `start`. */
  anchor: EpochMs
}

export function rangeBounds(
  from: BusinessDay,
  to: BusinessDay,
  zone: string,
  cutoffMinutes: number
): RangeBounds {
  const start = businessDayRange(from, zone, cutoffMinutes).start
  const end = businessDayRange(to, zone, cutoffMinutes).end
  return { start, end, anchor: start - (cutoffMinutes % 60) * 60_000 }
}

export const localHour = (at: EpochMs, zone: string): number => DateTime.fromMillis(at, { zone }).hour

/** [start, end) intervals of one clock hour on every day of the range (for the "hour of day" filter). */
export function clockHourIntervals(
  bounds: RangeBounds,
  hour: number,
  zone: string
): Array<[EpochMs, EpochMs]> {
  const out: Array<[EpochMs, EpochMs]> = []
  const buckets = Math.ceil((bounds.end - bounds.anchor) / HOUR_MS)
  for (let k = 0; k < buckets; k++) {
    const at = bounds.anchor + k * HOUR_MS
    if (localHour(at, zone) === hour)
      out.push([Math.max(at, bounds.start), Math.min(at + HOUR_MS, bounds.end)])
  }
  return out
}

/** Every day of [from, to] (inclusive), as YYYY-MM-DD. */
export function daysOf(from: BusinessDay, to: BusinessDay): BusinessDay[] {
  const days: BusinessDay[] = []
  let day = DateTime.fromISO(from, { zone: 'UTC' })
  const last = DateTime.fromISO(to, { zone: 'UTC' })
  while (day <= last) {
    days.push(day.toISODate() ?? '')
    day = day.plus({ days: 1 })
  }
  return days
}
