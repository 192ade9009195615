import { describe, it, expect } from 'vitest'
import { decide } from '../../src/shared/rules/decide'
import type { DateInfo } from '../../src/shared/coupon/types'
import { at, BERLIN, card, code, codes, ctx, NY, SH } from './builders'

const range = (begin: string, end: string, zone = SH): DateInfo => ({
  kind: 'fixRange',
  begin: at(begin, zone),
  end: at(end, zone)
})

describe('rule 3: validity window', () => {
  const june = range('2026-06-01T00:00:00', '2026-06-30T23:59:59')
  it.each([
    ['one second before it starts', '2026-05-31T23:59:59', ['NOT_YET_VALID']],
    ['the first second', '2026-06-01T00:00:00', []],
    ['the last minute', '2026-06-30T23:59:00', []],
    ['the last second, late in it', '2026-06-30T23:59:59.999', []],
    ['the next midnight', '2026-07-01T00:00:00', ['EXPIRED']]
  ])('fixed range in Asia/Shanghai, %s', (_, local, expected) => {
    expect(codes(decide(card({ dateInfo: june }), code(), ctx({ now: at(local) })))).toEqual(expected)
  })

  it('says when it starts and when it ended, in the store zone', () => {
    const before = decide(card({ dateInfo: june }), code(), ctx({ now: at('2026-05-20T09:00') }))
    expect(before.reasons[0]).toMatchObject({ code: 'NOT_YET_VALID', params: { from: '2026-06-01 00:00' } })
    const after = decide(card({ dateInfo: june }), code(), ctx({ now: at('2026-07-02T09:00') }))
    expect(after.reasons[0]).toMatchObject({ code: 'EXPIRED', params: { until: '2026-06-30 23:59' } })
  })

  it('the same instant is still valid in Shanghai and already expired for a card ending at New York midnight', () => {
    const now = at('2026-06-30T23:59:59.500', NY)
    const nyCard = card({ dateInfo: range('2026-06-01T00:00:00', '2026-06-30T23:59:59', NY) })
    expect(decide(nyCard, code(), ctx({ now, timeZone: NY })).outcome).toBe('OK')
    expect(decide(nyCard, code(), ctx({ now: now + 500, timeZone: NY })).outcome).toBe('DENY')
  })

  it('a Berlin range ending on the DST night ends at the right instant', () => {
    // 2026-03-29 02:00 CET jumps to 03:00 CEST; the card ends 03:30 local = 01:30 UTC.
    const c = card({ dateInfo: range('2026-03-01T00:00', '2026-03-29T03:30', BERLIN) })
    expect(decide(c, code(), ctx({ now: Date.UTC(2026, 2, 29, 1, 30, 0), timeZone: BERLIN })).outcome).toBe(
      'OK'
    )
    expect(decide(c, code(), ctx({ now: Date.UTC(2026, 2, 29, 1, 30, 1), timeZone: BERLIN })).outcome).toBe(
      'DENY'
    )
  })

  it("the code's own window wins over the card's date_info", () => {
    const c = card({ dateInfo: june })
    const own = code({ beginTime: at('2026-07-01T00:00'), endTime: at('2026-07-31T23:59:59') })
    expect(decide(c, own, ctx({ now: at('2026-07-15T12:00') })).outcome).toBe('OK')
    expect(codes(decide(c, own, ctx({ now: at('2026-06-15T12:00') })))).toEqual(['NOT_YET_VALID'])
  })

  it('a code bound fills in only what it gives: card begin with code end', () => {
    const c = card({ dateInfo: june })
    const own = code({ endTime: at('2026-06-10T23:59:59') })
    expect(codes(decide(c, own, ctx({ now: at('2026-06-11T08:00') })))).toEqual(['EXPIRED'])
    expect(codes(decide(c, own, ctx({ now: at('2026-05-31T08:00') })))).toEqual(['NOT_YET_VALID'])
  })

  describe('fixed term', () => {
    const term: DateInfo = { kind: 'fixTerm', fixedTerm: 30, fixedBeginTerm: 0 }
    it('without code times the window is unknown: an info reason, not a refusal', () => {
      const d = decide(card({ dateInfo: term }), null, ctx({ connectivity: 'offline' }))
      expect(d.outcome).toBe('OK')
      expect(d.reasons.find((r) => r.code === 'VALIDITY_FROM_RECEIPT')).toMatchObject({
        severity: 'info',
        params: { days: 30 }
      })
    })

    it('with code times they decide, and the info reason goes away', () => {
      const own = code({ beginTime: at('2026-06-02T00:00'), endTime: at('2026-07-01T23:59:59') })
      expect(codes(decide(card({ dateInfo: term }), own, ctx()))).toEqual([])
      const expired = code({ beginTime: at('2026-05-01T00:00'), endTime: at('2026-05-30T23:59:59') })
      expect(codes(decide(card({ dateInfo: term }), expired, ctx()))).toEqual(['EXPIRED'])
    })

    it('the uniform end_timestamp expires every code', () => {
      const uniform: DateInfo = { ...term, endTimestamp: at('2026-06-02T23:59:59') }
      expect(codes(decide(card({ dateInfo: uniform }), null, ctx({ connectivity: 'offline' })))).toContain(
        'EXPIRED'
      )
    })
  })

  it.each([{ kind: 'permanent' }, { kind: 'unknown' }] as DateInfo[])('%j restricts nothing', (dateInfo) => {
    expect(decide(card({ dateInfo }), code(), ctx({ now: at('2099-01-01T00:00') })).outcome).toBe('OK')
  })
})
