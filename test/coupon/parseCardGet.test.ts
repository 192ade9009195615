import { describe, it, expect } from 'vitest'
import { parseCardGet } from '../../src/shared/coupon/parseCardGet'
import type { CardDefinition, UnreadableCard } from '../../src/shared/coupon/types'
import { CASH_REAL, DISCOUNT, GENERAL, GIFT, GROUPON, MEMBER, SCENIC } from './payloads'

function asCard(r: CardDefinition | UnreadableCard): CardDefinition {
  if (r.kind !== 'card') throw new Error(`expected a card, got unreadable: ${r.reason}`)
  return r
}

describe('parseCardGet: one realistic payload per card type', () => {
  it('reads the real CASH payload: fen, hex colour, seconds → ms, weekday-only time_limit', () => {
    const c = asCard(parseCardGet(CASH_REAL))
    expect(c).toMatchObject({
      cardId: 'pFS7Fjg8kV1IdDz01r4SQwMkuCKc',
      cardType: 'CASH',
      rawType: 'CASH',
      title: '满100减1',
      brandName: '街角咖啡',
      color: '#D54036',
      rawColor: '#D54036',
      codeType: 'CODE_TYPE_QRCODE',
      value: { kind: 'cash', leastCost: 10000, reduceCost: 100 },
      minSpend: 10000,
      dateInfo: { kind: 'fixRange', begin: 1767196800000, end: 1798732799000 },
      locationIdList: [401123456, 401123457],
      useAllLocations: false,
      canUseWithOtherDiscount: true,
      useCustomCode: false,
      status: 'CARD_STATUS_VERIFY_OK'
    })
    expect(c.timeLimit).toEqual([
      { type: 'MONDAY', weekday: 1 },
      { type: 'TUESDAY', weekday: 2 },
      { type: 'WEDNESDAY', weekday: 3 }
    ])
    expect(c.raw).toBeUndefined()
  })

  it('reads DISCOUNT: percent off, ColorNNN name, fixed term, no stacking, hour windows', () => {
    const c = asCard(parseCardGet(DISCOUNT))
    expect(c.value).toEqual({ kind: 'discount', percentOff: 30 })
    expect(c.color).toBe('#63B359')
    expect(c.rawColor).toBe('Color010')
    expect(c.dateInfo).toEqual({ kind: 'fixTerm', fixedTerm: 30, fixedBeginTerm: 0 })
    expect(c.canUseWithOtherDiscount).toBe(false)
    expect(c.useAllLocations).toBe(true)
    expect(c.timeLimit[0]).toEqual({
      type: 'SATURDAY',
      weekday: 6,
      beginHour: 10,
      beginMinute: 0,
      endHour: 22,
      endMinute: 0
    })
  })

  it('reads GIFT with strings for numbers and booleans, legacy date type 2, min spend in use_condition', () => {
    const c = asCard(parseCardGet(GIFT))
    expect(c.value).toEqual({ kind: 'gift', detail: '中杯美式咖啡一杯' })
    expect(c.minSpend).toBe(3000)
    expect(c.objectUseFor).toBe('任意甜点')
    expect(c.canUseWithOtherDiscount).toBe(false)
    expect(c.dateInfo).toEqual({
      kind: 'fixTerm',
      fixedTerm: 15,
      fixedBeginTerm: 1,
      endTimestamp: 1798732799000
    })
    expect(c.color).toBe('#A9D92D')
  })

  it('reads GROUPON given only the card object, legacy date type 1 and string location ids', () => {
    const c = asCard(parseCardGet(GROUPON))
    expect(c.value).toEqual({ kind: 'groupon', detail: '咖啡两杯+蛋糕两份' })
    expect(c.dateInfo).toEqual({ kind: 'fixRange', begin: 1767196800000, end: 1798732799000 })
    expect(c.locationIdList).toEqual([401123456])
    // use_condition absent ⇒ the API default: combinable with other offers.
    expect(c.canUseWithOtherDiscount).toBe(true)
  })

  it('reads GENERAL_COUPON with an unknown colour name: neutral default, raw kept', () => {
    const c = asCard(parseCardGet(GENERAL))
    expect(c.value).toEqual({ kind: 'general', detail: '会员日饮品第二杯半价' })
    expect(c.color).toBe('#8C8C8C')
    expect(c.rawColor).toBe('Color999')
    expect(c.dateInfo).toEqual({ kind: 'permanent' })
  })

  it('reads MEMBER_CARD with its prerogative and member discount', () => {
    const c = asCard(parseCardGet(MEMBER))
    expect(c.cardType).toBe('MEMBER_CARD')
    expect(c.value).toEqual({
      kind: 'member',
      prerogative: '会员享全场9折，生日赠饮',
      discountPercentOff: 10
    })
  })

  it('keeps an unknown card type as UNKNOWN with its raw type and raw object', () => {
    const c = asCard(parseCardGet(SCENIC))
    expect(c.cardType).toBe('UNKNOWN')
    expect(c.rawType).toBe('SCENIC_TICKET')
    expect(c.value).toEqual({ kind: 'unknown' })
    expect(c.color).toBe('#AABBCC')
    expect(c.raw).toMatchObject({ ticket_class: '成人票' })
  })
})

describe('parseCardGet: tolerance', () => {
  const cash = (patch: Record<string, unknown>, base: Record<string, unknown> = {}) => ({
    card: { card_type: 'CASH', cash: { base_info: { id: 'pX', ...base }, reduce_cost: 500, ...patch } }
  })

  it.each([
    ['number', 10000, 10000],
    ['numeric string', '10000', 10000],
    ['padded string', ' 10000 ', 10000],
    ['float-looking integer string', '10000.00', 10000],
    ['absent', undefined, 0],
    ['garbage', 'abc', 0],
    ['negative', -5, 0]
  ])('least_cost as %s → %s fen', (_, least, expected) => {
    const c = asCard(parseCardGet(cash({ least_cost: least })))
    expect(c.minSpend).toBe(expected)
  })

  it('takes the stricter least_cost when the type object and use_condition disagree', () => {
    const json = cash({ least_cost: 5000, advanced_info: { use_condition: { least_cost: 8000 } } })
    expect(asCard(parseCardGet(json)).minSpend).toBe(8000)
  })

  it('finds the type object when card_type is missing, and infers the type from its key', () => {
    const c = asCard(parseCardGet({ card: { discount: { base_info: { id: 'pD' }, discount: '15' } } }))
    expect(c.cardType).toBe('DISCOUNT')
    expect(c.value).toEqual({ kind: 'discount', percentOff: 15 })
  })

  it('accepts a lower-case card_type', () => {
    expect(
      asCard(parseCardGet({ card: { card_type: 'cash', cash: { base_info: { id: 'p' }, reduce_cost: 1 } } }))
        .cardType
    ).toBe('CASH')
  })

  it('uses the requested card id when base_info has none', () => {
    const c = asCard(
      parseCardGet({ card: { card_type: 'GIFT', gift: { base_info: {}, gift: 'x' } } }, 'pREQ')
    )
    expect(c.cardId).toBe('pREQ')
  })

  it('passes millisecond timestamps through and ignores a fixed_term of 0', () => {
    const c = asCard(
      parseCardGet(
        cash({}, { date_info: { type: 'DATE_TYPE_FIX_TERM', fixed_term: 0, end_timestamp: 1798732799000 } })
      )
    )
    expect(c.dateInfo).toEqual({
      kind: 'fixTerm',
      fixedTerm: null,
      fixedBeginTerm: 0,
      endTimestamp: 1798732799000
    })
  })

  it('keeps a fixed range with a missing end as unknown, not as a window', () => {
    const c = asCard(
      parseCardGet(cash({}, { date_info: { type: 'DATE_TYPE_FIX_TIME_RANGE', begin_timestamp: 1 } }))
    )
    expect(c.dateInfo).toEqual({ kind: 'unknown', rawType: 'DATE_TYPE_FIX_TIME_RANGE' })
  })

  it('drops broken time_limit parts but keeps the entry', () => {
    const json = cash({
      advanced_info: { time_limit: [{ type: 'FRIDAY', begin_hour: 30, end_hour: '20' }, 'x', null] }
    })
    expect(asCard(parseCardGet(json)).timeLimit).toEqual([{ type: 'FRIDAY', weekday: 5, endHour: 20 }])
  })

  it.each([
    ['not an object', 'hello', 'not a JSON object'],
    ['an array', [1, 2], 'not a JSON object'],
    ['null', null, 'not a JSON object'],
    [
      'an errcode reply',
      { errcode: 40073, errmsg: 'invalid card id' },
      'WeChat error 40073: invalid card id'
    ],
    ['no base_info', { card: { card_type: 'CASH', cash: { reduce_cost: 1 } } }, 'no base_info under "cash"'],
    ['no type object at all', { card: { card_type: 'CASH' } }, 'no type-specific object'],
    ['no card id anywhere', { card: { card_type: 'GIFT', gift: { base_info: {} } } }, 'no card id'],
    ['CASH without reduce_cost', cash({ reduce_cost: undefined }), 'reduce_cost'],
    [
      'DISCOUNT of 130',
      { card: { card_type: 'DISCOUNT', discount: { base_info: { id: 'p' }, discount: 130 } } },
      'discount'
    ]
  ])('answers UnreadableCard for %s', (_, json, reasonPart) => {
    const r = parseCardGet(json, undefined)
    expect(r.kind).toBe('unreadable')
    expect((r as UnreadableCard).reason).toContain(reasonPart)
  })

  it('keeps the card id on an unreadable card when it is known', () => {
    expect(parseCardGet(cash({ reduce_cost: 'lots' }))).toEqual({
      kind: 'unreadable',
      cardId: 'pX',
      reason: 'CASH card without a readable reduce_cost'
    })
  })
})
