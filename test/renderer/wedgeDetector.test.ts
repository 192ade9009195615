/** WedgeDetector: scanner bursts vs. human typing, by timing alone, as a pure state machine. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { WedgeDetector } from '../../src/renderer/src/scan/WedgeDetector'
import { key, simulate, typed } from './wedgeKeys'

const CODE = '012345678905'

describe('scanner bursts', () => {
  it.each([1, 5, 10, 30])('takes %i ms/char + Enter as one scan and keeps it out of the field', (ms) => {
    const result = simulate(new WedgeDetector(), typed(CODE, 1000, ms), 'amount 12')
    expect(result.scans.map((s) => s.raw)).toEqual([`${CODE}\r`])
    expect(result.field).toBe('amount 12')
    expect(result.scans[0]?.mangled).toBe(false)
  })

  it('holds back every key after the first, and the Enter', () => {
    const detector = new WedgeDetector()
    const steps = typed(CODE, 0, 5).map((e) => detector.feed(e))
    expect(steps[0]).toMatchObject({ suppress: false, began: true })
    expect(steps.slice(1).every((s) => s.suppress)).toBe(true)
    expect(steps.at(-1)?.scan?.raw).toBe(`${CODE}\r`)
  })

  it('accepts keys with identical time stamps (a 1 ms scanner on a coarse clock)', () => {
    expect(simulate(new WedgeDetector(), typed(CODE, 50, 0)).scans).toHaveLength(1)
  })

  it('tolerates one stall inside a burst as long as the average stays fast', () => {
    const gaps = [5, 5, 5, 55, 5, 5, 5, 5, 5, 5, 5, 5]
    expect(simulate(new WedgeDetector(), typed(CODE, 0, gaps)).scans).toHaveLength(1)
  })

  it('keeps the first character when the browser stalls right after it', () => {
    const result = simulate(new WedgeDetector(), typed(CODE, 0, [90, 5]), 'x')
    expect(result.scans.map((s) => s.raw)).toEqual([`${CODE}\r`])
    expect(result.field).toBe('x')
  })

  it('splits bursts at a pause longer than maxGapMs', () => {
    const result = simulate(new WedgeDetector(), typed(CODE, 0, [150, 5]))
    expect(result.scans.map((s) => s.raw)).toEqual(['12345678905\r'])
    expect(result.field).toBe('0')
  })

  it('recognises two scans in a row, each once', () => {
    const events = [...typed(CODE, 0, 4), ...typed('987654321098', 500, 4)]
    const result = simulate(new WedgeDetector(), events)
    expect(result.scans.map((s) => s.raw)).toEqual([`${CODE}\r`, '987654321098\r'])
    expect(result.field).toBe('')
  })

  it('reads upper-case letters from KeyboardEvent.key, ignoring the Shift presses between them', () => {
    const events = typed('CPN-AB12cd', 0, 6).flatMap((e) =>
      e.shiftKey ? [{ ...e, key: 'Shift', code: 'ShiftLeft', timeStamp: e.timeStamp - 1 }, e] : [e]
    )
    expect(simulate(new WedgeDetector(), events).scans.map((s) => s.raw)).toEqual(['CPN-AB12cd\r'])
  })
})

describe('suffix, prefix and length', () => {
  it('ends a scan on Tab and reports it as \\t', () => {
    const result = simulate(new WedgeDetector(), typed(CODE, 0, 5, 'Tab'))
    expect(result.scans.map((s) => s.raw)).toEqual([`${CODE}\t`])
  })

  it('ends a scan on the keypad Enter (code NumpadEnter, key Enter)', () => {
    expect(simulate(new WedgeDetector(), typed(CODE, 0, 5, 'NumpadEnter')).scans[0]?.raw).toBe(`${CODE}\r`)
  })

  it('does not end a scan on a suffix key that is not configured', () => {
    const detector = new WedgeDetector({ suffixKeys: ['Enter', 'NumpadEnter'] })
    const result = simulate(detector, typed(CODE, 0, 5, 'Tab'))
    expect(result.scans).toEqual([])
    expect(result.field).toBe(CODE)
  })

  it('requires the configured prefix and keeps it in raw', () => {
    const detector = new WedgeDetector({ prefix: 'S:' })
    expect(simulate(detector, typed(`S:${CODE}`, 0, 5)).scans.map((s) => s.raw)).toEqual([`S:${CODE}\r`])
    const without = simulate(new WedgeDetector({ prefix: 'S:' }), typed(CODE, 0, 5))
    expect(without.scans).toEqual([])
    expect(without.field).toBe(CODE)
  })

  it('treats a fast burst shorter than minLength as typing and gives its keys back', () => {
    const result = simulate(new WedgeDetector({ minLength: 6 }), typed('12345', 0, 5), 'x')
    expect(result.scans).toEqual([])
    expect(result.field).toBe('x12345')
  })

  it('without a required suffix, a burst that goes quiet is a scan', () => {
    const detector = new WedgeDetector({ requireSuffix: false })
    const result = simulate(detector, typed(CODE, 0, 5, null))
    expect(result.scans.map((s) => s.raw)).toEqual([CODE])
    expect(result.field).toBe('')
  })

  it('without a required suffix, a late timer still ends the scan when the next key arrives', () => {
    const detector = new WedgeDetector({ requireSuffix: false })
    const result = simulate(detector, [...typed(CODE, 0, 5, null), key('a', 2000)], '', false)
    expect(result.scans.map((s) => s.raw)).toEqual([CODE])
    expect(result.field).toBe('a')
  })
})

describe('human typing', () => {
  it.each([80, 120, 250])('never takes %i ms/char as a scan and never holds a key back', (ms) => {
    const result = simulate(new WedgeDetector(), typed(CODE, 0, ms))
    expect(result.scans).toEqual([])
    expect(result.suppressed).toBe(0)
    expect(result.field).toBe(CODE)
  })

  it('gives back a key it held during a fast roll-over, before the next key lands', () => {
    // "th" typed 20 ms apart, then a pause: h is held, then typed back in order.
    const events = [key('t', 0), key('h', 20), key('e', 150), key('n', 300)]
    const detector = new WedgeDetector()
    const steps = events.map((e) => detector.feed(e))
    expect(steps[1]?.suppress).toBe(true)
    expect(steps[2]).toMatchObject({ suppress: false, replay: 'h' })
    expect(simulate(new WedgeDetector(), events).field).toBe('then')
  })

  it('gives back held keys when the timer fires and nothing else is typed', () => {
    const result = simulate(new WedgeDetector(), [key('4', 0), key('2', 15)], '1')
    expect(result.field).toBe('142')
  })

  it('does not take key auto-repeat for a scanner', () => {
    const events = typed('0000000000', 0, 30).map((e, i) => ({ ...e, repeat: i > 0 && e.key === '0' }))
    expect(simulate(new WedgeDetector(), events).scans).toEqual([])
  })

  it('lets a shortcut (Ctrl+V) end a burst: what came before it is typing', () => {
    const events = [
      ...typed('012345', 0, 5, null),
      { ...key('v', 30), ctrlKey: true },
      ...typed('678905', 35, 5)
    ]
    const result = simulate(new WedgeDetector(), events)
    expect(result.scans.map((s) => s.raw)).toEqual(['678905\r'])
    expect(result.field).toBe('012345')
  })

  it('whatever the timing, every key that is not part of a scan ends up in the field, in order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...'abc123-'), fc.integer({ min: 0, max: 200 })), {
          minLength: 1,
          maxLength: 30
        }),
        (keys) => {
          let at = 0
          const events = keys.map(([c, gap]) => key(c, (at += gap)))
          // No suffix key, so nothing here can be a scan: the field must equal the typed text.
          const result = simulate(new WedgeDetector(), events)
          return result.scans.length === 0 && result.field === keys.map(([c]) => c).join('')
        }
      )
    )
  })
})

describe('Chinese input method', () => {
  it('maps keys the IME swallowed (key "Process") through their physical code', () => {
    const result = simulate(new WedgeDetector(), typed('abc123XYZ9', 0, 5, 'Enter', { ime: true }))
    expect(result.scans).toHaveLength(1)
    expect(result.scans[0]).toMatchObject({ raw: 'abc123XYZ9\r', mangled: false, viaIme: true })
  })

  it('reports a scan with keys it cannot map as mangled instead of passing junk', () => {
    const events = typed(CODE, 0, 5, 'Enter', { ime: true }).map((e, i) =>
      i === 3 ? { ...e, key: 'Unidentified', code: '' } : e
    )
    const [scan] = simulate(new WedgeDetector(), events).scans
    expect(scan).toMatchObject({ mangled: true, reason: 'ime', raw: '012\uFFFD45678905\r' })
  })

  it('never gives back keys an IME already took, even when typing was fast', () => {
    const detector = new WedgeDetector()
    const steps = typed('zhong', 0, 20, 'Enter', { ime: true }).map((e) => detector.feed(e))
    expect(steps.map((s) => s.replay).join('')).toBe('')
    expect(steps.some((s) => s.scan)).toBe(false)
  })

  it('does not hold back slow typing into an IME either', () => {
    const result = simulate(new WedgeDetector(), typed('nihao', 0, 120, null, { ime: true }))
    expect(result.suppressed).toBe(0)
    expect(result.scans).toEqual([])
  })
})
