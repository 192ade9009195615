import { describe, expect, it } from 'vitest'
import { KeyboardReportDecoder } from '../../src/main/devices/hid/keyboardReport'
import { KEY, keys, MOD, release, typedDigits, withReportId } from './fixtures/hidReports'

const feed = (decoder: KeyboardReportDecoder, reports: Uint8Array[]): string[] =>
  reports.flatMap((r) => decoder.push(r))

describe('KeyboardReportDecoder', () => {
  it('decodes a wedge scan of 6957842208856 + Enter with releases and a modifier-only report', () => {
    const reports = typedDigits('6957842208856')
    reports.splice(6, 0, keys(MOD.lCtrl | MOD.lShift), release())
    expect(feed(new KeyboardReportDecoder(), reports)).toEqual(['6957842208856'])
  })

  it('reads 9-byte reports that carry a report ID', () => {
    const reports = typedDigits('000123456789').map((r) => withReportId(r))
    expect(feed(new KeyboardReportDecoder(), reports)).toEqual(['000123456789'])
  })

  it('uses Shift for upper case (left and right)', () => {
    const reports = [
      keys(MOD.lShift, KEY.h),
      release(),
      keys(MOD.rShift, KEY.a),
      release(),
      keys(MOD.none, KEY.a)
    ]
    expect(feed(new KeyboardReportDecoder(), [...reports, release(), keys(0, KEY.enter)])).toEqual(['HAa'])
  })

  it('counts a held key once, not once per report', () => {
    const held = keys(MOD.none, 0x25)
    expect(feed(new KeyboardReportDecoder(), [held, held, held, release(), keys(0, KEY.enter)])).toEqual([
      '8'
    ])
  })

  it('handles rollover: a new key while the previous one is still down', () => {
    const reports = [keys(0, 0x1e), keys(0, 0x1e, 0x1f), keys(0, 0x1f), keys(0, 0x1f, 0x20), release()]
    expect(feed(new KeyboardReportDecoder(), [...reports, keys(0, KEY.enter)])).toEqual(['123'])
  })

  it('ignores ErrorRollOver reports without losing the key state', () => {
    const overflow = keys(0, ...Array<number>(6).fill(KEY.errorRollOver))
    const reports = [keys(0, 0x1e), overflow, keys(0, 0x1e), release(), keys(0, KEY.enter)]
    expect(feed(new KeyboardReportDecoder(), reports)).toEqual(['1'])
  })

  it.each([
    ['keypad Enter', KEY.keypadEnter],
    ['Tab', KEY.tab]
  ])('ends a scan on %s', (_name, terminator) => {
    expect(feed(new KeyboardReportDecoder(), typedDigits('42', terminator))).toEqual(['42'])
  })

  it('reads keypad digits', () => {
    const reports = [keys(0, 0x62), release(), keys(0, 0x59), release(), keys(0, KEY.keypadEnter)]
    expect(feed(new KeyboardReportDecoder(), reports)).toEqual(['01'])
  })

  it('does not type keys pressed with Ctrl or Alt', () => {
    const reports = [keys(MOD.lCtrl, 0x1e), release(), keys(MOD.lAlt, 0x1f), release(), keys(0, 0x20)]
    expect(feed(new KeyboardReportDecoder(), [...reports, release(), keys(0, KEY.enter)])).toEqual(['3'])
  })

  it('emits nothing for a bare Enter and ignores reports of other sizes', () => {
    const decoder = new KeyboardReportDecoder()
    expect(feed(decoder, [keys(0, KEY.enter), release(), new Uint8Array(64)])).toEqual([])
  })

  it('flushes text that had no terminator', () => {
    const decoder = new KeyboardReportDecoder()
    feed(decoder, typedDigits('12').slice(0, 4))
    expect(decoder.pendingChars).toBe(2)
    expect(decoder.flush()).toBe('12')
    expect(decoder.flush()).toBeUndefined()
  })
})
