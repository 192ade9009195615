import { describe, it, expect } from 'vitest'
import { decide } from '../../src/shared/rules/decide'
import type { TimeLimit } from '../../src/shared/coupon/types'
import { weekdayOf } from '../../src/shared/coupon/cardParts'
import { at, BERLIN, card, code, codes, ctx, NY, SH } from './builders'

const limit = (type: string | null, hours?: [number, number, number, number]): TimeLimit => {
  const entry: TimeLimit = { type, weekday: weekdayOf(type) }
  if (hours) [entry.beginHour, entry.beginMinute, entry.endHour, entry.endMinute] = hours
  return entry
}

const verdict = (timeLimit: TimeLimit[], local: string, zone = SH) =>
  codes(
    decide(
      card({ timeLimit, dateInfo: { kind: 'permanent' } }),
      code(),
      ctx({ now: at(local, zone), timeZone: zone })
    )
  )

describe('rule 4: time_limit', () => {
  const weekdaysDaytime = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'].map((d) =>
    limit(d, [10, 0, 22, 0])
  )

  it.each([
    ['Wednesday 09:59', '2026-06-03T09:59', ['OUTSIDE_HOURS']],
    ['Wednesday 10:00', '2026-06-03T10:00', []],
    ['Wednesday 21:59', '2026-06-03T21:59', []],
    ['Wednesday 22:00 (end is exclusive)', '2026-06-03T22:00', ['OUTSIDE_HOURS']],
    ['Saturday 12:00', '2026-06-06T12:00', ['WRONG_WEEKDAY']]
  ])('weekdays 10:00–22:00 at %s', (_, local, expected) => {
    expect(verdict(weekdaysDaytime, local)).toEqual(expected)
  })

  it('names the hours and the weekdays in its reasons', () => {
    const hours = decide(card({ timeLimit: weekdaysDaytime }), code(), ctx({ now: at('2026-06-03T08:00') }))
    expect(hours.reasons[0]).toMatchObject({ code: 'OUTSIDE_HOURS', params: { hours: '10:00–22:00' } })
    const days = decide(card({ timeLimit: weekdaysDaytime }), code(), ctx({ now: at('2026-06-07T12:00') }))
    expect(days.reasons[0]).toMatchObject({ code: 'WRONG_WEEKDAY', params: { weekdays: [1, 2, 3, 4, 5] } })
  })

  it.each([
    ['Monday 00:00', '2026-06-01T00:00', []],
    ['Monday 23:59', '2026-06-01T23:59', []],
    ['Tuesday 00:00', '2026-06-02T00:00', ['WRONG_WEEKDAY']],
    ['Sunday 23:59', '2026-05-31T23:59', ['WRONG_WEEKDAY']]
  ])('{"type":"MONDAY"} without hours is the whole Monday: %s', (_, local, expected) => {
    expect(verdict([limit('MONDAY')], local)).toEqual(expected)
  })

  it('uses the calendar day, not the business day: Tuesday 01:30 is not Monday', () => {
    expect(verdict([limit('MONDAY')], '2026-06-02T01:30')).toEqual(['WRONG_WEEKDAY'])
  })

  it('hours without a weekday apply every day', () => {
    expect(verdict([limit(null, [11, 30, 14, 0])], '2026-06-06T11:30')).toEqual([])
    expect(verdict([limit(null, [11, 30, 14, 0])], '2026-06-06T11:29')).toEqual(['OUTSIDE_HOURS'])
  })

  it('a window past midnight belongs to the day it starts', () => {
    const friNight = [limit('FRIDAY', [22, 0, 2, 0])]
    expect(verdict(friNight, '2026-06-05T23:00')).toEqual([]) // Friday
    expect(verdict(friNight, '2026-06-06T01:59')).toEqual([]) // Saturday small hours
    expect(verdict(friNight, '2026-06-06T02:00')).toEqual(['OUTSIDE_HOURS'])
    expect(verdict(friNight, '2026-06-05T21:59')).toEqual(['OUTSIDE_HOURS'])
    expect(verdict(friNight, '2026-06-07T01:00')).toEqual(['WRONG_WEEKDAY']) // Sunday small hours
  })

  it('any matching entry is enough (lunch and dinner)', () => {
    const meals = [limit('WEDNESDAY', [11, 0, 14, 0]), limit('WEDNESDAY', [17, 0, 21, 0])]
    expect(verdict(meals, '2026-06-03T12:00')).toEqual([])
    expect(verdict(meals, '2026-06-03T18:00')).toEqual([])
    const d = decide(card({ timeLimit: meals }), code(), ctx({ now: at('2026-06-03T15:00') }))
    expect(d.reasons[0]).toMatchObject({
      code: 'OUTSIDE_HOURS',
      params: { hours: '11:00–14:00, 17:00–21:00' }
    })
  })

  it('ignores entries whose type is not a weekday; only such entries restrict nothing', () => {
    expect(verdict([limit('HOLIDAY', [9, 0, 10, 0])], '2026-06-03T15:00')).toEqual([])
    expect(verdict([limit('HOLIDAY'), limit('MONDAY')], '2026-06-03T15:00')).toEqual(['WRONG_WEEKDAY'])
  })

  it('equal begin and end mean the whole day', () => {
    expect(verdict([limit('WEDNESDAY', [0, 0, 0, 0])], '2026-06-03T23:59')).toEqual([])
  })

  describe('across DST switches (wall clock, not a fixed offset)', () => {
    it('New York spring forward: 07:30 UTC on 8 March is 03:30 EDT, inside Sunday 03:00–04:00', () => {
      const c = card({ timeLimit: [limit('SUNDAY', [3, 0, 4, 0])], dateInfo: { kind: 'permanent' } })
      expect(decide(c, code(), ctx({ now: Date.UTC(2026, 2, 8, 7, 30), timeZone: NY })).outcome).toBe('OK')
      // One hour earlier is 01:30 EST: outside.
      expect(decide(c, code(), ctx({ now: Date.UTC(2026, 2, 8, 6, 30), timeZone: NY })).outcome).toBe('DENY')
    })

    it('New York fall back: both 01:30s of 1 November are inside Sunday 01:00–02:00', () => {
      const c = card({ timeLimit: [limit('SUNDAY', [1, 0, 2, 0])], dateInfo: { kind: 'permanent' } })
      expect(decide(c, code(), ctx({ now: Date.UTC(2026, 10, 1, 5, 30), timeZone: NY })).outcome).toBe('OK')
      expect(decide(c, code(), ctx({ now: Date.UTC(2026, 10, 1, 6, 30), timeZone: NY })).outcome).toBe('OK')
      expect(decide(c, code(), ctx({ now: Date.UTC(2026, 10, 1, 7, 30), timeZone: NY })).outcome).toBe('DENY')
    })

    it('Berlin: 22:00 UTC is 23:00 Saturday in winter but 00:00 Sunday after the switch', () => {
      const sat = card({ timeLimit: [limit('SATURDAY')], dateInfo: { kind: 'permanent' } })
      expect(decide(sat, code(), ctx({ now: Date.UTC(2026, 2, 21, 22, 0), timeZone: BERLIN })).outcome).toBe(
        'OK'
      )
      expect(decide(sat, code(), ctx({ now: Date.UTC(2026, 3, 4, 22, 0), timeZone: BERLIN })).outcome).toBe(
        'DENY'
      )
    })
  })
})
