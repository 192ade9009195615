/** calibrateFromSample: timing settings from one test scan, and that they then recognise that scanner. */
import { describe, expect, it } from 'vitest'
import { calibrateFromSample, sampleText } from '../../src/renderer/src/scan/calibrate'
import { DEFAULT_WEDGE_CONFIG } from '../../src/renderer/src/scan/wedgeConfig'
import { WedgeDetector } from '../../src/renderer/src/scan/WedgeDetector'
import { key, simulate, typed } from './wedgeKeys'

const CODE = '012345678905'

describe('calibrateFromSample', () => {
  it('leaves the defaults alone for a fast scanner', () => {
    const result = calibrateFromSample(typed(CODE, 0, 6))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.config.avgMsPerChar).toBe(DEFAULT_WEDGE_CONFIG.avgMsPerChar)
    expect(result.config.maxGapMs).toBe(DEFAULT_WEDGE_CONFIG.maxGapMs)
    expect(result.stats).toMatchObject({ characters: 12, suffix: 'Enter', meanGapMs: 6, maxGapMs: 6 })
    expect(result.warnings).toEqual([])
  })

  it('widens the timing for a slow (Zebra, ~80 ms) scanner, which the defaults miss', () => {
    const sample = typed(CODE, 0, [80, 95, 70, 85, 100, 75, 80, 90, 80, 70, 85, 80])
    expect(simulate(new WedgeDetector(), sample).scans).toEqual([])
    const result = calibrateFromSample(sample)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.config.avgMsPerChar).toBeGreaterThanOrEqual(120)
    expect(result.config.maxGapMs).toBeGreaterThanOrEqual(200)
    expect(result.warnings).toContain('overlapsHuman')
    const next = typed('987654321098', 5000, [85, 90, 75, 80, 95, 80, 70, 85, 80, 90, 80, 75])
    expect(simulate(new WedgeDetector(result.config), next).scans.map((s) => s.raw)).toEqual([
      '987654321098\r'
    ])
  })

  it('notices a Tab suffix and a scanner without any suffix', () => {
    const tab = calibrateFromSample(typed(CODE, 0, 5, 'Tab'))
    expect(tab.ok && tab.stats.suffix).toBe('Tab')
    const none = calibrateFromSample(typed(CODE, 0, 5, null))
    expect(none.ok && none.config.requireSuffix).toBe(false)
    expect(none.ok && none.warnings).toContain('noSuffix')
  })

  it('lowers minLength to a short test code, never raises it', () => {
    const result = calibrateFromSample(typed('1234', 0, 5))
    expect(result.ok && result.config.minLength).toBe(4)
    const long = calibrateFromSample(typed(CODE, 0, 5), { minLength: 8 })
    expect(long.ok && long.config.minLength).toBe(8)
  })

  it('refuses a sample too short to time', () => {
    expect(calibrateFromSample(typed('12', 0, 5))).toEqual({ ok: false, reason: 'tooShort' })
    expect(calibrateFromSample([])).toEqual({ ok: false, reason: 'tooShort' })
  })

  it('ignores modifier keys and warns when an input method was active', () => {
    const events = [key('Shift', 0), ...typed('abcdef', 1, 5, 'Enter', { ime: true })]
    const result = calibrateFromSample(events)
    expect(result.ok && result.warnings).toContain('imeActive')
    expect(sampleText(events)).toBe('abcdef')
  })
})
