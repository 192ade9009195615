import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { parseCardGet } from '../../src/shared/coupon/parseCardGet'
import { parseCodeGet } from '../../src/shared/coupon/parseCodeGet'
import { describeValue } from '../../src/shared/coupon/describeValue'
import { createTranslator } from '../../src/shared/i18n'
import type { CardDefinition, CodeGetError, CodeStatus } from '../../src/shared/coupon/types'
import { CARD_PAYLOADS, CODE_NORMAL, CODE_WECOM } from './payloads'
import { mutated } from './mutate'

const isNonNegInt = (n: number) => Number.isSafeInteger(n) && n >= 0

/** What every CardDefinition promises its readers, whatever came in. */
function expectWellFormedCard(c: CardDefinition) {
  expect(c.color).toMatch(/^#[0-9A-F]{6}$/)
  expect(c.cardId.length).toBeGreaterThan(0)
  expect(isNonNegInt(c.minSpend)).toBe(true)
  if (c.value.kind === 'cash') {
    expect(isNonNegInt(c.value.reduceCost) && c.value.leastCost === c.minSpend).toBe(true)
  }
  if (c.value.kind === 'discount') expect(c.value.percentOff >= 0 && c.value.percentOff <= 100).toBe(true)
  if (c.dateInfo.kind === 'fixRange')
    expect(isNonNegInt(c.dateInfo.begin) && isNonNegInt(c.dateInfo.end)).toBe(true)
  for (const id of c.locationIdList) expect(isNonNegInt(id)).toBe(true)
  for (const t of c.timeLimit) expect(t.weekday === null || (t.weekday >= 1 && t.weekday <= 7)).toBe(true)
  // Every readable card can be described without throwing.
  expect(describeValue(c, createTranslator('zh-CN')).headline).toEqual(expect.any(String))
}

function expectWellFormedCode(r: CodeStatus | CodeGetError) {
  if (r.kind === 'error') {
    expect(r.errcode === null || Number.isSafeInteger(r.errcode)).toBe(true)
    return
  }
  if (r.beginTime !== undefined) expect(isNonNegInt(r.beginTime)).toBe(true)
  if (r.endTime !== undefined) expect(isNonNegInt(r.endTime)).toBe(true)
  expect([true, false, null]).toContain(r.canConsume)
}

describe('parsers never throw', () => {
  it('parseCardGet on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        const r = parseCardGet(json)
        if (r.kind === 'card') expectWellFormedCard(r)
        else expect(r.reason.length).toBeGreaterThan(0)
      }),
      { numRuns: 500 }
    )
  })

  it.each(Object.entries(CARD_PAYLOADS))('parseCardGet on mutated %s payloads', (_, payload) => {
    let readable = 0
    fc.assert(
      fc.property(mutated(payload), (json) => {
        const r = parseCardGet(json)
        if (r.kind === 'card') {
          readable++
          expectWellFormedCard(r)
        }
      }),
      { numRuns: 300 }
    )
    // Light damage leaves most payloads readable: a parser that gave up on everything would fail here.
    expect(readable).toBeGreaterThan(30)
  })

  it('parseCodeGet on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => expectWellFormedCode(parseCodeGet(json))),
      { numRuns: 500 }
    )
  })

  it.each([
    ['normal', CODE_NORMAL],
    ['WeCom', CODE_WECOM]
  ])('parseCodeGet on mutated %s replies', (_, payload) => {
    fc.assert(
      fc.property(mutated(payload), fc.string(), (json, code) =>
        expectWellFormedCode(parseCodeGet(json, code))
      ),
      {
        numRuns: 300
      }
    )
  })
})
