import { describe, it, expect } from 'vitest'
import { DEFAULT_CARD_COLOR, normaliseColor, WECHAT_CARD_COLORS } from '../../src/shared/coupon/color'

describe('normaliseColor', () => {
  it.each([
    ['Color010', '#63B359'],
    ['color020', '#2C9F67'],
    ['Color081', '#F08500'],
    ['Color090', '#DD6549'],
    ['Color100', '#CC463D'],
    ['Color102', '#5E6671'],
    ['#d54036', '#D54036'],
    ['D54036', '#D54036'],
    ['#abc', '#AABBCC'],
    [' #63b359 ', '#63B359'],
    ['Color103', DEFAULT_CARD_COLOR],
    ['red', DEFAULT_CARD_COLOR],
    ['#12345', DEFAULT_CARD_COLOR],
    ['', DEFAULT_CARD_COLOR],
    [undefined, DEFAULT_CARD_COLOR]
  ])('%s → %s', (raw, hex) => {
    expect(normaliseColor(raw)).toBe(hex)
  })

  it('has all 14 WeChat colour names, each as #RRGGBB', () => {
    expect(Object.keys(WECHAT_CARD_COLORS)).toHaveLength(14)
    for (const hex of Object.values(WECHAT_CARD_COLORS)) expect(hex).toMatch(/^#[0-9A-F]{6}$/)
  })
})
