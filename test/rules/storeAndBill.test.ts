import { describe, it, expect } from 'vitest'
import { decide } from '../../src/shared/rules/decide'
import { cashCard, card, code, codes, ctx, typedCard } from './builders'

describe('rule 5: store restriction', () => {
  const only = (ids: number[]) => card({ useAllLocations: false, locationIdList: ids })
  it.each([
    ['use_all_locations', card({ useAllLocations: true, locationIdList: [7] }), 401123456, 'OK', []],
    ['an empty list', only([]), 401123456, 'OK', []],
    ['this store listed', only([7, 401123456]), 401123456, 'OK', []],
    ['this store not listed', only([7, 8]), 401123456, 'DENY', ['WRONG_STORE']],
    ['no store id configured', only([7, 8]), undefined, 'WARN', ['STORE_NOT_CONFIGURED']]
  ])('%s → %s', (_, c, storeLocationId, outcome, expected) => {
    const d = decide(c, code(), ctx({ storeLocationId }))
    expect(d.outcome).toBe(outcome)
    expect(codes(d)).toEqual(expected)
  })

  it('lists the allowed stores', () => {
    expect(decide(only([7, 8]), code(), ctx()).reasons[0]?.params.stores).toEqual([7, 8])
  })
})

describe('rule 6: minimum spend and the bill amount', () => {
  it.each([
    ['no bill', undefined, 'NEEDS_AMOUNT', ['NEEDS_BILL_AMOUNT']],
    ['one fen short', 9999, 'DENY', ['BELOW_MIN_SPEND']],
    ['exactly the minimum', 10000, 'OK', []],
    ['above', 25000, 'OK', []]
  ])('满100减10 with %s → %s', (_, billAmount, outcome, expected) => {
    const d = decide(cashCard(10000, 1000), code(), ctx({ billAmount }))
    expect(d.outcome).toBe(outcome)
    expect(codes(d)).toEqual(expected)
  })

  it('applies least_cost to a GIFT card too', () => {
    const gift = typedCard('GIFT', { kind: 'gift', detail: '咖啡' }, { minSpend: 3000 })
    expect(decide(gift, code(), ctx()).outcome).toBe('NEEDS_AMOUNT')
    expect(codes(decide(gift, code(), ctx({ billAmount: 2999 })))).toEqual(['BELOW_MIN_SPEND'])
    expect(decide(gift, code(), ctx({ billAmount: 3000 })).outcome).toBe('OK')
  })

  it('a cash coupon without a minimum needs no bill; its nominal value is the discount', () => {
    const d = decide(cashCard(0, 1000), code(), ctx())
    expect(d.outcome).toBe('OK')
    expect(d.money).toEqual({ billAmount: null, discount: 1000, payable: null, noChangeGiven: false })
  })

  it('reads a bill of -0 as 0', () => {
    expect(Object.is(decide(cashCard(0, 1000), code(), ctx({ billAmount: -0 })).money.billAmount, 0)).toBe(
      true
    )
  })

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 1e15])(
    'refuses a bill of %s as input',
    (billAmount) => {
      const d = decide(cashCard(0, 1000), code(), ctx({ billAmount }))
      expect(d.outcome).toBe('NEEDS_AMOUNT')
      expect(codes(d)).toContain('INVALID_BILL_AMOUNT')
    }
  )
})

describe('money: CASH and DISCOUNT', () => {
  it.each([
    // leastCost, reduceCost, bill → discount, payable, noChangeGiven
    [10000, 1000, 10000, 1000, 9000, false],
    [0, 1000, 1000, 1000, 0, false],
    [0, 1000, 600, 600, 0, true],
    [0, 1000, 0, 0, 0, true]
  ])(
    '满%s减%s on a bill of %s → discount %s, payable %s',
    (least, reduce, bill, discount, payable, noChange) => {
      const d = decide(cashCard(least, reduce), code(), ctx({ billAmount: bill }))
      expect(d.money).toEqual({ billAmount: bill, discount, payable, noChangeGiven: noChange })
    }
  )

  it('says no change is given, with the lost difference', () => {
    const d = decide(cashCard(0, 1000), code(), ctx({ billAmount: 600 }))
    expect(d.reasons.find((r) => r.code === 'NO_CHANGE_GIVEN')).toMatchObject({
      severity: 'info',
      params: { faceValueFen: 1000, billFen: 600, changeFen: 400 }
    })
  })

  it.each([
    // percentOff, bill → discount (round half up in fen)
    [30, 10000, 3000],
    [30, 1, 0], // 0.3 fen
    [30, 2, 1], // 0.6 fen
    [10, 5, 1], // 0.5 fen rounds up
    [15, 333, 50], // 49.95
    [1, 49, 0], // 0.49
    [1, 50, 1], // 0.50
    [100, 12345, 12345],
    [0, 12345, 0]
  ])('%s%% off %s fen → discount %s', (percentOff, bill, discount) => {
    const d = decide(
      typedCard('DISCOUNT', { kind: 'discount', percentOff }),
      code(),
      ctx({ billAmount: bill })
    )
    expect(d.money.discount).toBe(discount)
    expect(d.money.payable).toBe(bill - discount)
  })
})
