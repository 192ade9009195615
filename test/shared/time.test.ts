import { DateTime } from 'luxon'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { businessDayOf, businessDayRange, localParts } from '../../src/shared/time'

const at = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toMillis()

describe('business day', () => {
  it.each([
    ['2026-11-22T03:59', '2026-11-21'],
    ['2026-11-22T04:00', '2026-11-22'],
    ['2026-11-22T23:59', '2026-11-22'],
    ['2026-11-23T00:00', '2026-11-22']
  ])('Asia/Shanghai %s belongs to %s (cut-off 04:00)', (local, day) => {
    expect(businessDayOf(at(local, 'Asia/Shanghai'), 'Asia/Shanghai', 240)).toBe(day)
  })

  it('keeps the cut-off on the wall clock across DST (America/New_York)', () => {
    const zone = 'America/New_York'
    // spring forward 2026-03-08 02:00 → 03:00; fall back 2026-11-01 02:00 → 01:00
    expect(businessDayOf(at('2026-03-08T03:59', zone), zone, 240)).toBe('2026-03-07')
    expect(businessDayOf(at('2026-03-08T04:00', zone), zone, 240)).toBe('2026-03-08')
    expect(businessDayOf(at('2026-11-01T03:59', zone), zone, 240)).toBe('2026-10-31')
    expect(businessDayOf(at('2026-11-01T04:00', zone), zone, 240)).toBe('2026-11-01')
    const spring = businessDayRange('2026-03-08', zone, 240)
    expect(localParts(spring.start, zone).minuteOfDay).toBe(240)
    expect((spring.end - spring.start) / 3_600_000).toBe(24)
    const springEve = businessDayRange('2026-03-07', zone, 240)
    expect((springEve.end - springEve.start) / 3_600_000).toBe(23)
  })

  it('every instant lies inside the range of its own business day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
        fc.constantFrom('Asia/Shanghai', 'America/New_York', 'Europe/Berlin'),
        fc.integer({ min: 0, max: 23 * 60 + 59 }),
        (instant, zone, cutoff) => {
          const range = businessDayRange(businessDayOf(instant, zone, cutoff), zone, cutoff)
          return range.start <= instant && instant < range.end
        }
      ),
      { numRuns: 3000 }
    )
  })
})
