import { describe, it, expect } from 'vitest'
import { isDoubleRead, type ScanEvent } from '../../src/shared/rules/doubleRead'

const first: ScanEvent = { code: '110201201245', deviceId: 'hid:1', at: 1_000_000 }

describe('isDoubleRead (rule 10)', () => {
  it.each([
    ['the same code on the same device 1999 ms later', { ...first, at: first.at + 1999 }, true],
    ['the same read at the same instant', { ...first }, true],
    ['exactly 2 s later', { ...first, at: first.at + 2000 }, false],
    ['another device', { ...first, deviceId: 'serial:1', at: first.at + 100 }, false],
    ['another code', { ...first, code: '110201201246', at: first.at + 100 }, false],
    ['an earlier timestamp (out of order)', { ...first, at: first.at - 100 }, false]
  ])('%s → %s', (_, scan, expected) => {
    expect(isDoubleRead(first, scan, 2000)).toBe(expected)
  })

  it('is never a double read without a previous scan, and follows the window it is given', () => {
    expect(isDoubleRead(null, first)).toBe(false)
    expect(isDoubleRead(first, { ...first, at: first.at + 2500 }, 3000)).toBe(true)
    expect(isDoubleRead(first, { ...first, at: first.at + 1500 })).toBe(true)
  })
})
