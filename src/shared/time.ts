/**
 * Times are UTC epoch milliseconds; they are only turned into wall-clock
 * parts in the store's time zone (IANA name) at the edges: rules, reports, UI.
 * A business day runs from the cut-off (default 04:00) to the next day's
 * cut-off, so a redemption at 01:30 belongs to the previous business day.
 */
import { DateTime, IANAZone } from 'luxon'

export type EpochMs = number
/** A calendar date in the store's zone, 'YYYY-MM-DD'. */
export type BusinessDay = string

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai'
export const DEFAULT_CUTOFF_MINUTES = 4 * 60

const zoneValidity = new Map<string, boolean>()

/** Memoised: luxon builds an Intl formatter on every check, far too slow for the per-scan path. */
export function isValidTimeZone(zone: string): boolean {
  let valid = zoneValidity.get(zone)
  if (valid === undefined) {
    valid = IANAZone.isValidZone(zone)
    if (zoneValidity.size < 1000) zoneValidity.set(zone, valid)
  }
  return valid
}

export interface LocalParts {
  /** 1 = Monday … 7 = Sunday (ISO). */
  weekday: number
  /** minutes since local midnight, 0…1439 */
  minuteOfDay: number
  date: string
}

/**
 * The zone's UTC offset at an instant, cached per zone and quarter hour: every scan needs the local
 * wall clock, and asking Intl for it each time costs tens of microseconds. Offsets only change on
 * whole quarter hours (DST and zone changes), so the cache is exact.
 */
const offsetCache = new Map<string, number>()
const QUARTER_HOUR_MS = 15 * 60_000

function offsetMs(at: EpochMs, zone: string): number {
  const key = `${zone}|${Math.floor(at / QUARTER_HOUR_MS)}`
  let offset = offsetCache.get(key)
  if (offset === undefined) {
    offset = DateTime.fromMillis(at, { zone }).offset * 60_000
    if (offsetCache.size > 5000) offsetCache.clear()
    offsetCache.set(key, offset)
  }
  return offset
}

export function localParts(at: EpochMs, zone: string): LocalParts {
  const wall = new Date(at + offsetMs(at, zone))
  const day = wall.getUTCDay()
  return {
    weekday: day === 0 ? 7 : day,
    minuteOfDay: wall.getUTCHours() * 60 + wall.getUTCMinutes(),
    date: wall.toISOString().slice(0, 10)
  }
}

/**
 * The business day an instant belongs to: its calendar date, or the date before when the wall clock has not
 * yet reached the cut-off that date. Defined through cutoffInstant, so a day is one unbroken interval that
 * agrees with businessDayRange even when the cut-off falls in a DST gap or in a repeated autumn hour.
 */
export function businessDayOf(
  at: EpochMs,
  zone: string,
  cutoffMinutes = DEFAULT_CUTOFF_MINUTES
): BusinessDay {
  const local = localParts(at, zone)
  const previous = new Date(`${local.date}T00:00:00Z`)
  previous.setUTCDate(previous.getUTCDate() - 1)
  const previousDate = previous.toISOString().slice(0, 10)
  // Near the cut-off a DST gap or a repeated hour can move the boundary: settle it on the exact instant.
  if (Math.abs(local.minuteOfDay - cutoffMinutes) <= 120) {
    return at >= cutoffInstant(local.date, zone, cutoffMinutes) ? local.date : previousDate
  }
  return local.minuteOfDay >= cutoffMinutes ? local.date : previousDate
}

/** [start, end) of a business day in epoch ms; DST-safe because it goes through the zone's wall clock. */
export function businessDayRange(
  day: BusinessDay,
  zone: string,
  cutoffMinutes = DEFAULT_CUTOFF_MINUTES
): { start: EpochMs; end: EpochMs } {
  const next = DateTime.fromISO(day, { zone }).plus({ days: 1 }).toISODate() ?? ''
  return { start: cutoffInstant(day, zone, cutoffMinutes), end: cutoffInstant(next, zone, cutoffMinutes) }
}

/**
 * The first instant of `date` at which the wall clock shows the cut-off or later. A cut-off inside a
 * spring-forward gap (02:30 on a day that jumps from 02:00 to 03:00) starts the day when the gap ends; a
 * cut-off inside a repeated autumn hour starts it at the first of the two.
 */
function cutoffInstant(date: BusinessDay, zone: string, cutoffMinutes: number): EpochMs {
  const wall = (t: DateTime) => (t.toISODate() === date ? t.hour * 60 + t.minute : -1)
  let t = DateTime.fromISO(date, { zone })
    .startOf('day')
    .set({ hour: Math.floor(cutoffMinutes / 60), minute: cutoffMinutes % 60, second: 0, millisecond: 0 })
  const hourBefore = t.minus({ hours: 1 })
  if (wall(hourBefore) === cutoffMinutes) t = hourBefore
  // In a gap the zone library moved the time forward by the gap's length: walk back to the gap's end.
  while (wall(t) !== cutoffMinutes && wall(t.minus({ minutes: 1 })) >= cutoffMinutes)
    t = t.minus({ minutes: 1 })
  return t.toMillis()
}

/** Formats an instant in the store's zone, e.g. '2026-11-22 14:05'. */
export function formatLocal(at: EpochMs, zone: string, pattern = 'yyyy-LL-dd HH:mm'): string {
  return DateTime.fromMillis(at, { zone }).toFormat(pattern)
}
