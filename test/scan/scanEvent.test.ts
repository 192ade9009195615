import { describe, expect, it } from 'vitest'
import { createScanEvent, escapeForDisplay, normalizerConfigSchema } from '../../src/shared/scan'

describe('escapeForDisplay', () => {
  it.each([
    ['123\r\n', '123\\r\\n'],
    ['a\tb', 'a\\tb'],
    ['01\x1D02', '01\\x1D02'],
    ['\u0000\u007F\u0085', '\\x00\\x7F\\x85'],
    ['back\\slash', 'back\\\\slash'],
    ['\uFEFF1\u200B', '\\uFEFF1\\u200B'],
    ['x\uD800y', 'x\\uD800y'],
    ['bad\uFFFD', 'bad\\uFFFD'],
    ['六九五😀', '六九五😀']
  ])('%j → %s', (raw, shown) => {
    expect(escapeForDisplay(raw)).toBe(shown)
  })

  it('cuts long input and says how much was left out, without splitting a character', () => {
    expect(escapeForDisplay('1'.repeat(600))).toBe(`${'1'.repeat(512)}…(+88)`)
    expect(escapeForDisplay('ab😀cd', 3)).toBe('ab…(+4)')
  })
})

describe('createScanEvent', () => {
  it('normalizes with the device config and escapes the raw text', () => {
    const cfg = normalizerConfigSchema.parse({ suffix: '#' })
    const event = createScanEvent(
      { source: 'serial', device: '/dev/ttyACM0', at: 1_700_000_000_000 },
      '0123#\r',
      cfg
    )
    expect(event).toEqual({
      source: 'serial',
      device: '/dev/ttyACM0',
      at: 1_700_000_000_000,
      raw: '0123#\\r',
      normalized: { kind: 'code', code: '0123' }
    })
  })
})
