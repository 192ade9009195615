import { describe, it, expect } from 'vitest'
import { canRedeem, decide } from '../../src/shared/rules/decide'
import { cashCard, card, code, codes, ctx, typedCard } from './builders'

describe('rule 7: stacking', () => {
  const noStack = card({ canUseWithOtherDiscount: false })
  it.each([
    [noStack, true, 'WARN', ['NO_STACKING']],
    [noStack, false, 'OK', []],
    [card({ canUseWithOtherDiscount: true }), true, 'OK', []]
  ])('card %#: other discount %s → %s', (c, otherDiscountApplied, outcome, expected) => {
    const d = decide(c, code(), ctx({ otherDiscountApplied }))
    expect(d.outcome).toBe(outcome)
    expect(codes(d)).toEqual(expected)
  })

  it('needs a manager PIN', () => {
    expect(decide(noStack, code(), ctx({ otherDiscountApplied: true }))).toMatchObject({
      outcome: 'WARN',
      managerPinRequired: true,
      approved: false
    })
  })
})

describe('rule 8: high value', () => {
  it.each([
    [19999, 'OK'],
    [20000, 'WARN'],
    [50000, 'WARN']
  ])('a cash coupon worth %s fen → %s', (reduce, outcome) => {
    const d = decide(cashCard(0, reduce), code(), ctx({ billAmount: 100000 }))
    expect(d.outcome).toBe(outcome)
    if (d.outcome === 'WARN') expect(d.managerPinRequired).toBe(true)
  })

  it('follows the configured threshold', () => {
    expect(decide(cashCard(0, 5000), code(), ctx({ policy: { highValueFen: 5000 } })).outcome).toBe('WARN')
  })

  it('weighs a DISCOUNT by the discount it gives on this bill', () => {
    const tenOff = typedCard('DISCOUNT', { kind: 'discount', percentOff: 10 })
    expect(codes(decide(tenOff, code(), ctx({ billAmount: 200000 })))).toEqual(['HIGH_VALUE'])
    expect(codes(decide(tenOff, code(), ctx({ billAmount: 199990 })))).toEqual([])
  })
})

describe('rule 9: discount over half the bill', () => {
  it.each([
    [2000, 1000, 'OK'], // exactly 50%
    [1999, 1000, 'WARN'],
    [1000, 1000, 'WARN']
  ])('bill %s with ¥10 off → %s', (billAmount, reduce, outcome) => {
    const d = decide(cashCard(0, reduce), code(), ctx({ billAmount }))
    expect(d.outcome).toBe(outcome)
    if (d.outcome === 'WARN') {
      expect(d.managerPinRequired).toBe(false)
      expect(d.reasons[0]).toMatchObject({
        code: 'OVER_HALF_OF_BILL',
        params: { discountFen: reduce, billFen: billAmount, percent: 50 }
      })
    }
  })

  it('applies to DISCOUNT cards over 50% and follows the configured share', () => {
    const deep = typedCard('DISCOUNT', { kind: 'discount', percentOff: 60 })
    expect(codes(decide(deep, code(), ctx({ billAmount: 1000 })))).toEqual(['OVER_HALF_OF_BILL'])
    expect(
      decide(deep, code(), ctx({ billAmount: 1000, policy: { maxDiscountShareOfBill: 60 } })).outcome
    ).toBe('OK')
  })

  it('is not judged without a bill', () => {
    expect(decide(cashCard(0, 1000), code(), ctx()).outcome).toBe('OK')
  })
})

describe('rule 11: velocity', () => {
  it.each([
    [0, 'OK'],
    [2, 'OK'],
    [3, 'WARN'],
    [9, 'WARN']
  ])('%s earlier redemptions today → %s', (count, outcome) => {
    const d = decide(card(), code(), ctx({ local: { customerRedemptionsToday: count } }))
    expect(d.outcome).toBe(outcome)
    if (d.outcome === 'WARN')
      expect(d).toMatchObject({ managerPinRequired: false, reasons: [{ code: 'VELOCITY' }] })
  })

  it('is off when the limit is 0', () => {
    expect(
      decide(
        card(),
        code(),
        ctx({ local: { customerRedemptionsToday: 50 }, policy: { velocityMaxPerDay: 0 } })
      ).outcome
    ).toBe('OK')
  })
})

describe('precedence and approval', () => {
  it('DENY beats NEEDS_AMOUNT: an expired discount card does not ask for the bill first', () => {
    const d = decide(
      typedCard('DISCOUNT', { kind: 'discount', percentOff: 30 }),
      code({ userCardStatus: 'EXPIRE' }),
      ctx()
    )
    expect(d.outcome).toBe('DENY')
    expect(codes(d)).toEqual(['EXPIRED', 'NEEDS_BILL_AMOUNT'])
  })

  it('NEEDS_AMOUNT beats WARN: the amount may change the warnings', () => {
    const d = decide(
      typedCard('DISCOUNT', { kind: 'discount', percentOff: 30 }, { canUseWithOtherDiscount: false }),
      code(),
      ctx({ otherDiscountApplied: true })
    )
    expect(d.outcome).toBe('NEEDS_AMOUNT')
    expect(codes(d)).toEqual(['NEEDS_BILL_AMOUNT', 'NO_STACKING'])
  })

  it('reasons come heaviest first', () => {
    const d = decide(
      cashCard(0, 30000, { canUseWithOtherDiscount: false, useAllLocations: false, locationIdList: [1] }),
      code({ userCardStatus: 'CONSUMED' }),
      ctx({ otherDiscountApplied: true, billAmount: 100000 })
    )
    expect(d.reasons.map((r) => r.severity)).toEqual(['duplicate', 'deny', 'warn', 'warn'])
  })

  it('a manager PIN approves a PIN warning; canRedeem follows', () => {
    const highValue = cashCard(0, 30000)
    const before = decide(highValue, code(), ctx({ billAmount: 100000 }))
    expect(before).toMatchObject({ outcome: 'WARN', managerPinRequired: true, approved: false })
    expect(canRedeem(before)).toBe(false)
    const after = decide(highValue, code(), ctx({ billAmount: 100000, managerApproved: true }))
    expect(after).toMatchObject({ outcome: 'WARN', managerPinRequired: true, approved: true })
    expect(canRedeem(after)).toBe(true)
  })

  it('a signed-in manager still enters the PIN for the override', () => {
    expect(decide(cashCard(0, 30000), code(), ctx({ role: 'manager' }))).toMatchObject({ approved: false })
  })

  it('approval never lifts a DENY', () => {
    const d = decide(cashCard(10000, 30000), code(), ctx({ billAmount: 5000, managerApproved: true }))
    expect(d.outcome).toBe('DENY')
    expect(canRedeem(d)).toBe(false)
  })

  it('a plain warning is redeemable after the cashier confirms, without a PIN', () => {
    const d = decide(card(), code(), ctx({ local: { customerRedemptionsToday: 5 } }))
    expect(d).toMatchObject({ outcome: 'WARN', managerPinRequired: false, approved: false })
    expect(canRedeem(d)).toBe(true)
  })
})

describe('station settings', () => {
  it.each([
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }],
    ['a NaN clock', { now: Number.NaN }]
  ])('refuses with %s', (_, patch) => {
    expect(codes(decide(card(), code(), ctx(patch)))).toEqual(['STATION_SETTINGS_INVALID'])
  })
})
