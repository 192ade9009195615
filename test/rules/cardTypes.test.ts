import { describe, it, expect } from 'vitest'
import { decide } from '../../src/shared/rules/decide'
import { parseCardGet } from '../../src/shared/coupon/parseCardGet'
import type { CardDefinition, CardValue } from '../../src/shared/coupon/types'
import { CARD_PAYLOADS } from '../coupon/payloads'
import { at, card, code, codes, ctx, typedCard } from './builders'

describe('every card type', () => {
  it.each([
    ['CASH', { kind: 'cash', leastCost: 0, reduceCost: 1000 }, undefined, 'OK', 1000, []],
    ['CASH with bill', { kind: 'cash', leastCost: 0, reduceCost: 1000 }, 5000, 'OK', 1000, []],
    [
      'DISCOUNT without bill',
      { kind: 'discount', percentOff: 30 },
      undefined,
      'NEEDS_AMOUNT',
      0,
      ['NEEDS_BILL_AMOUNT']
    ],
    ['DISCOUNT with bill', { kind: 'discount', percentOff: 30 }, 10000, 'OK', 3000, []],
    ['GIFT', { kind: 'gift', detail: '咖啡' }, undefined, 'OK', 0, []],
    ['GROUPON', { kind: 'groupon', detail: '套餐' }, undefined, 'OK', 0, []],
    ['GENERAL_COUPON', { kind: 'general', detail: '第二杯半价' }, 4000, 'OK', 0, []],
    [
      'MEMBER_CARD',
      { kind: 'member', prerogative: '9折', discountPercentOff: 10 },
      10000,
      'DENY',
      0,
      ['MEMBER_CARD_NOT_REDEEMABLE']
    ],
    ['UNKNOWN', { kind: 'unknown' }, undefined, 'WARN', 0, ['UNKNOWN_CARD_TYPE']]
  ] as [string, CardValue, number | undefined, string, number, string[]][])(
    '%s → %s, discount %s',
    (label, value, billAmount, outcome, discount, reasonCodes) => {
      const type = label.split(' ')[0] as CardDefinition['cardType']
      const d = decide(typedCard(type, value), code(), ctx(billAmount === undefined ? {} : { billAmount }))
      expect(d.outcome).toBe(outcome)
      expect(d.money.discount).toBe(discount)
      expect(codes(d)).toEqual(reasonCodes)
      if (billAmount !== undefined) expect(d.money.payable).toBe(billAmount - discount)
    }
  )

  it('an UNKNOWN card type is a plain warning, no PIN', () => {
    const d = decide(typedCard('UNKNOWN', { kind: 'unknown' }), code(), ctx())
    expect(d).toMatchObject({ outcome: 'WARN', managerPinRequired: false })
  })

  it('refuses a card the merchant deleted', () => {
    expect(codes(decide(card({ status: 'CARD_STATUS_DELETE' }), code(), ctx()))).toEqual(['CARD_DELETED'])
  })

  it('refuses an unreadable card online and offline, even when unknown cards are allowed offline', () => {
    const bad = {
      kind: 'unreadable' as const,
      cardId: 'pX',
      reason: 'CASH card without a readable reduce_cost'
    }
    expect(decide(bad, code(), ctx()).outcome).toBe('DENY')
    const offline = decide(
      bad,
      null,
      ctx({ connectivity: 'offline', policy: { offline: { allowUnknownCards: true } } })
    )
    expect(offline.outcome).toBe('DENY')
    expect(offline.reasons[0]).toMatchObject({ code: 'UNREADABLE_CARD', params: { detail: bad.reason } })
  })

  it('refuses online when the card details are missing', () => {
    expect(codes(decide(null, code(), ctx()))).toEqual(['CARD_DETAILS_MISSING'])
  })

  it.each(Object.entries(CARD_PAYLOADS))(
    'decides on the parsed %s payload without surprises',
    (name, payload) => {
      const parsed = parseCardGet(payload)
      if (parsed.kind !== 'card') throw new Error(parsed.reason)
      // A Monday 12:00 inside every fixture's dates, at one of the CASH fixture's stores, with a ¥200 bill.
      const d = decide(
        parsed,
        code({ cardId: parsed.cardId }),
        ctx({ now: at('2026-06-01T12:00'), billAmount: 20000 })
      )
      const expected: Record<string, string> = {
        CASH_REAL: 'OK',
        DISCOUNT: 'DENY', // weekend-only
        GIFT: 'OK',
        GROUPON: 'OK',
        GENERAL: 'OK',
        MEMBER: 'DENY',
        SCENIC: 'WARN'
      }
      expect(d.outcome).toBe(expected[name])
    }
  )
})
