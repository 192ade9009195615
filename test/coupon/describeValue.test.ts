import { describe, it, expect } from 'vitest'
import { describeValue as describeIn, faceValue } from '../../src/shared/coupon/describeValue'
import { createTranslator } from '../../src/shared/i18n'
import { parseCardGet } from '../../src/shared/coupon/parseCardGet'
import type { CardDefinition, CardValue } from '../../src/shared/coupon/types'
import { zheText } from '../../src/shared/coupon/text'
import { CASH_REAL, GIFT, MEMBER, SCENIC } from './payloads'

const base: CardDefinition = {
  kind: 'card',
  cardId: 'p1',
  cardType: 'CASH',
  rawType: 'CASH',
  title: '标题',
  subTitle: '',
  brandName: '',
  color: '#63B359',
  rawColor: null,
  notice: '',
  description: '',
  logoUrl: '',
  codeType: null,
  value: { kind: 'cash', leastCost: 0, reduceCost: 0 },
  minSpend: 0,
  dateInfo: { kind: 'permanent' },
  timeLimit: [],
  locationIdList: [],
  useAllLocations: true,
  canUseWithOtherDiscount: true,
  useCustomCode: false,
  status: null
}

// Both languages of the one catalogue, as the counter shows them.
const describeValue = (card: CardDefinition) => ({
  'zh-CN': describeIn(card, createTranslator('zh-CN')),
  en: describeIn(card, createTranslator('en'))
})

const withValue = (value: CardValue, extra: Partial<CardDefinition> = {}): CardDefinition => ({
  ...base,
  value,
  ...extra
})

describe('describeValue', () => {
  it.each([
    [{ kind: 'cash', leastCost: 10000, reduceCost: 1000 }, '满100减10', '¥10 off, min spend ¥100'],
    [
      { kind: 'cash', leastCost: 10050, reduceCost: 1050 },
      '满100.50减10.50',
      '¥10.50 off, min spend ¥100.50'
    ],
    [{ kind: 'cash', leastCost: 0, reduceCost: 500 }, '立减5元', '¥5 off'],
    [{ kind: 'discount', percentOff: 30 }, '7折', '30% off'],
    [{ kind: 'discount', percentOff: 15 }, '8.5折', '15% off'],
    [{ kind: 'discount', percentOff: 95 }, '0.5折', '95% off'],
    [{ kind: 'discount', percentOff: 0 }, '不打折', 'No discount'],
    [{ kind: 'discount', percentOff: 100 }, '免单', '100% off'],
    [{ kind: 'gift', detail: '咖啡一杯' }, '兑换：咖啡一杯', 'Gift: 咖啡一杯'],
    [{ kind: 'gift', detail: '' }, '兑换：标题', 'Gift: 标题'],
    [{ kind: 'groupon', detail: '双人套餐' }, '团购：双人套餐', 'Deal: 双人套餐'],
    [{ kind: 'general', detail: '第二杯半价' }, '优惠：第二杯半价', 'Offer: 第二杯半价'],
    [{ kind: 'member', prerogative: '' }, '会员卡（不核销）', 'Member card (not redeemed)'],
    [
      { kind: 'member', prerogative: '', discountPercentOff: 12 },
      '会员卡，会员8.8折',
      'Member card, members 12% off'
    ]
  ] as [CardValue, string, string][])('%j → %s / %s', (value, zh, en) => {
    const t = describeValue(withValue(value))
    expect(t['zh-CN'].headline).toBe(zh)
    expect(t.en.headline).toBe(en)
  })

  it('describes the real CASH payload as 满100减1', () => {
    const c = parseCardGet(CASH_REAL)
    if (c.kind !== 'card') throw new Error(c.reason)
    expect(describeValue(c)['zh-CN'].headline).toBe('满100减1')
    expect(describeValue(c).en.headline).toBe('¥1 off, min spend ¥100')
  })

  it('lists the card-face conditions in both languages, min spend only where the headline lacks it', () => {
    const c = parseCardGet(GIFT)
    if (c.kind !== 'card') throw new Error(c.reason)
    const t = describeValue(c)
    expect(t['zh-CN'].conditions).toEqual(['满30元可用', '不可与其他优惠共享', '购买任意甜点可用'])
    expect(t.en.conditions).toEqual([
      'Min spend ¥30',
      'Cannot be combined with other offers',
      'Valid when buying 任意甜点'
    ])
    const cash = describeValue(withValue({ kind: 'cash', leastCost: 100, reduceCost: 10 }, { minSpend: 100 }))
    expect(cash.en.conditions).toEqual([])
  })

  it('gives the member prerogative and the unknown type as detail', () => {
    const m = parseCardGet(MEMBER)
    const s = parseCardGet(SCENIC)
    if (m.kind !== 'card' || s.kind !== 'card') throw new Error('fixture unreadable')
    expect(describeValue(m)['zh-CN'].detail).toBe('会员享全场9折，生日赠饮')
    expect(describeValue(s)['zh-CN']).toMatchObject({
      headline: '园林门票',
      detail: '未识别的券类型：SCENIC_TICKET'
    })
    expect(describeValue(s).en.detail).toBe('Unrecognised card type: SCENIC_TICKET')
  })

  it('zheText is (100 − percentOff) / 10 for every percent', () => {
    for (let p = 0; p <= 100; p++) expect(Number(zheText(p)) * 10).toBeCloseTo(100 - p, 9)
  })
})

describe('faceValue', () => {
  it.each([
    [{ kind: 'cash', leastCost: 10000, reduceCost: 1000 }, 1000],
    [{ kind: 'discount', percentOff: 30 }, null],
    [{ kind: 'gift', detail: 'x' }, null],
    [{ kind: 'groupon', detail: 'x' }, null],
    [{ kind: 'general', detail: 'x' }, null],
    [{ kind: 'member', prerogative: '' }, null],
    [{ kind: 'unknown' }, null]
  ] as [CardValue, number | null][])('%j → %s', (value, fen) => {
    expect(faceValue(withValue(value))).toBe(fen)
  })
})
