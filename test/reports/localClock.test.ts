/** The exports' fast local clock agrees with luxon everywhere, DST changes and odd offsets included. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LocalClock } from '../../src/main/reports/export/localClock'
import { formatLocal } from '../../src/shared/time'

describe('LocalClock', () => {
  it.each([
    'Asia/Shanghai',
    'America/New_York',
    'Europe/Berlin',
    'Asia/Kolkata',
    'Australia/Lord_Howe',
    'Asia/Kathmandu'
  ])('formats like luxon in %s', (zone) => {
    const clock = new LocalClock(zone)
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2032, 0, 1) }), (at) => {
        expect(clock.format(at)).toBe(formatLocal(at, zone, 'yyyy-LL-dd HH:mm:ss'))
      }),
      { numRuns: 2000 }
    )
  })

  it('is right on both sides of a DST change', () => {
    const clock = new LocalClock('America/New_York')
    const change = Date.UTC(2026, 2, 8, 7) // 2026-03-08 02:00 EST → 03:00 EDT
    expect(clock.format(change - 1000)).toBe('2026-03-08 01:59:59')
    expect(clock.format(change)).toBe('2026-03-08 03:00:00')
  })
})
