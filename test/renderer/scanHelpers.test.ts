/** Small pure helpers of the scan and camera modules. */
import { describe, expect, it } from 'vitest'
import { cameraProblemOf } from '../../src/renderer/src/camera/cameraErrors'
import { barFormatsOf, DEFAULT_CAMERA_FORMATS } from '../../src/renderer/src/camera/formats'
import type { Quad } from '../../src/renderer/src/camera/frame'
import { visibleQuad } from '../../src/renderer/src/camera/quad'
import { createRepeatFilter } from '../../src/renderer/src/camera/repeatFilter'
import { escapeRaw } from '../../src/renderer/src/scan/escapeRaw'
import { usLayoutChar } from '../../src/renderer/src/scan/usLayout'

describe('escapeRaw', () => {
  it('shows control characters so a suffix is visible', () => {
    expect(escapeRaw('012345678905\r')).toBe('012345678905\\r')
    expect(escapeRaw('a\tb\nc\x1dd\\')).toBe('a\\tb\\nc\\x1Dd\\\\')
    expect(escapeRaw('券码 OK')).toBe('券码 OK')
  })
})

describe('usLayoutChar', () => {
  it('maps physical keys on a US layout, with Shift and Caps Lock', () => {
    expect(usLayoutChar('KeyA', false)).toBe('a')
    expect(usLayoutChar('KeyA', true)).toBe('A')
    expect(usLayoutChar('KeyA', false, true)).toBe('A')
    expect(usLayoutChar('KeyA', true, true)).toBe('a')
    expect(usLayoutChar('Digit2', true)).toBe('@')
    expect(usLayoutChar('Numpad7', false)).toBe('7')
    expect(usLayoutChar('Minus', false)).toBe('-')
    expect(usLayoutChar('F5', false)).toBeNull()
  })
})

describe('repeat filter', () => {
  it('reports a code once while it stays in view, again after it was gone a while', () => {
    const filter = createRepeatFilter(1000)
    expect(filter.accept(['A'], 0)).toEqual(['A'])
    expect(filter.accept(['A'], 100)).toEqual([])
    expect(filter.accept([], 600)).toEqual([])
    expect(filter.accept(['A'], 900)).toEqual([])
    expect(filter.accept(['A', 'B'], 1000)).toEqual(['B'])
    expect(filter.accept(['A'], 2500)).toEqual(['A'])
  })
})

describe('camera helpers', () => {
  it('classifies getUserMedia errors', () => {
    const named = (name: string) => Object.assign(new Error(name), { name })
    expect(cameraProblemOf(named('NotAllowedError'))).toBe('denied')
    expect(cameraProblemOf(named('NotFoundError'))).toBe('noCamera')
    expect(cameraProblemOf(named('NotReadableError'))).toBe('inUse')
    expect(cameraProblemOf('weird')).toBe('failed')
  })

  it('retries only bar formats', () => {
    expect(barFormatsOf(DEFAULT_CAMERA_FORMATS)).toEqual(['Code128', 'PDF417', 'EAN13'])
    expect(barFormatsOf(['QRCode', 'DataMatrix'])).toEqual([])
  })
})

describe('visibleQuad', () => {
  it('widens the scan line zxing reports for a 1-D code into a band', () => {
    const line: Quad = [
      { x: 100, y: 200 },
      { x: 300, y: 200 },
      { x: 300, y: 201 },
      { x: 100, y: 201 }
    ]
    const band = visibleQuad(line)
    expect(band[0].y).toBeCloseTo(200.5 - 15)
    expect(band[3].y).toBeCloseTo(200.5 + 15)
    expect(band[1].x).toBe(300)
  })

  it('leaves a real quadrilateral alone', () => {
    const square: Quad = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 10 },
      { x: 0, y: 10 }
    ]
    expect(visibleQuad(square)).toBe(square)
  })
})
