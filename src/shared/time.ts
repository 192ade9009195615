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

export const isValidTimeZone = (zone: string): boolean => IANAZone.isValidZone(zone)

export interface LocalParts {
  /** 1 = Monday … 7 = Sunday (ISO). */
  weekday: number
  /** minutes since local midnight, 0…1439 */
  minuteOfDay: number
  date: string
}

export function localParts(at: EpochMs, zone: string): LocalParts {
  const dt = DateTime.fromMillis(at, { zone })
  return { weekday: dt.weekday, minuteOfDay: dt.hour * 60 + dt.minute, date: dt.toISODate() ?? '' }
}

/** Compared on the wall clock, so a DST switch never moves the cut-off. */
export function businessDayOf(
  at: EpochMs,
  zone: string,
  cutoffMinutes = DEFAULT_CUTOFF_MINUTES
): BusinessDay {
  const dt = DateTime.fromMillis(at, { zone })
  const beforeCutoff = dt.hour * 60 + dt.minute < cutoffMinutes
  return (beforeCutoff ? dt.minus({ days: 1 }) : dt).toISODate() ?? ''
}

/** [start, end) of a business day in epoch ms; DST-safe because it goes through the zone's wall clock. */
export function businessDayRange(
  day: BusinessDay,
  zone: string,
  cutoffMinutes = DEFAULT_CUTOFF_MINUTES
): { start: EpochMs; end: EpochMs } {
  const atCutoff = (date: DateTime) =>
    date.set({ hour: Math.floor(cutoffMinutes / 60), minute: cutoffMinutes % 60, second: 0, millisecond: 0 })
  const midnight = DateTime.fromISO(day, { zone }).startOf('day')
  return { start: atCutoff(midnight).toMillis(), end: atCutoff(midnight.plus({ days: 1 })).toMillis() }
}

/** Formats an instant in the store's zone, e.g. '2026-11-22 14:05'. */
export function formatLocal(at: EpochMs, zone: string, pattern = 'yyyy-LL-dd HH:mm'): string {
  return DateTime.fromMillis(at, { zone }).toFormat(pattern)
}
