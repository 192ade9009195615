/** The rules' fast wall-clock formatter gives exactly what formatLocal gives, DST changes and odd zones included. */
import fc from 'fast-check'
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import { formatLocalMinute } from '../../src/shared/rules/localTime'
import { formatLocal } from '../../src/shared/time'

const ZONES = [
  'Asia/Shanghai',
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe', // 30-minute DST
  'Asia/Kathmandu', // +05:45
  'Pacific/Chatham', // +12:45 / +13:45
  'America/St_Johns', // changed at 00:01 local until 2011
  'Africa/Monrovia', // -00:44:30 until 1972
  'UTC',
  'UTC+8',
  'Etc/GMT-8'
]

describe('formatLocalMinute', () => {
  it('agrees with formatLocal at every instant tried, in every zone', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }),
        (zone, at) => formatLocalMinute(at, zone) === formatLocal(at, zone)
      ),
      { numRuns: 20_000 }
    )
  })

  it('agrees minute by minute around DST changes', () => {
    const around = [
      ['America/New_York', '2026-03-08T06:00Z'],
      ['America/New_York', '2026-11-01T05:00Z'],
      ['Europe/London', '2026-03-29T00:30Z'],
      ['Australia/Lord_Howe', '2026-04-04T14:30Z'],
      ['Pacific/Chatham', '2026-04-04T13:30Z'],
      ['America/St_Johns', '2006-10-29T02:00Z']
    ] as const
    for (const [zone, iso] of around) {
      const centre = DateTime.fromISO(iso).toMillis()
      for (let at = centre - 3 * 3_600_000; at <= centre + 3 * 3_600_000; at += 60_000 - 1) {
        expect(formatLocalMinute(at, zone)).toBe(formatLocal(at, zone))
      }
    }
  })

  it('falls back to formatLocal for what it does not handle itself', () => {
    for (const [at, zone] of [
      [Date.UTC(2026, 0, 1), 'Not/AZone'],
      [Number.NaN, 'Asia/Shanghai'],
      [Date.UTC(12_000, 0, 1), 'Asia/Shanghai'],
      [Date.UTC(200, 0, 1), 'Asia/Shanghai']
    ] as const) {
      expect(formatLocalMinute(at, zone)).toBe(formatLocal(at, zone))
    }
  })
})
