import { describe, expect, it } from 'vitest'
import { HidPosAssembler } from '../../src/main/devices/hid/hidPosAssembler'
import { parseHidPosReport } from '../../src/main/devices/hid/hidPosReport'
import {
  extraByteReport,
  honeywellLabel,
  honeywellReport,
  idTechReport,
  newlandReport
} from './fixtures/hidReports'

/** 60 bytes: more than one 56-byte report can carry. */
const QR_60 = 'https://wx.example.cn/r?code=012345678901&card_id=pFS7Fjg8kV'
const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('utf8')

describe('parseHidPosReport', () => {
  it('reads a Honeywell report: AIM id before the data, Code ID at 61 ignored', () => {
    const chunk = parseHidPosReport(honeywellReport('110201201245', { aim: ']Q1', codeId: 's' }))
    expect(chunk && text(chunk.data)).toBe('110201201245')
    expect(chunk).toMatchObject({ aimId: ']Q1', continued: false })
  })

  it('reads a Newland report: data from byte 2, vendor symbology id at 62 ignored', () => {
    const chunk = parseHidPosReport(newlandReport('000123456789', { symbologyId: 0x73 }))
    expect(chunk && text(chunk.data)).toBe('000123456789')
    expect(chunk?.aimId).toBeUndefined()
  })

  it('reads a report without the report ID byte (63 bytes from hidapi)', () => {
    const chunk = parseHidPosReport(idTechReport('6957842208856'))
    expect(chunk && text(chunk.data)).toBe('6957842208856')
    expect(chunk?.continued).toBe(false)
  })

  it('finds the AIM id one byte later when a vendor inserts an extra byte', () => {
    const chunk = parseHidPosReport(extraByteReport('RDM-000123', ']C0'))
    expect(chunk && text(chunk.data)).toBe('RDM-000123')
    expect(chunk?.aimId).toBe(']C0')
  })

  it('reads the continued flag from the last byte', () => {
    const [first, second] = honeywellLabel(QR_60)
    expect(first?.[1]).toBe(0x38)
    expect(first?.[63]).toBe(0x01)
    expect(parseHidPosReport(first!)).toMatchObject({ continued: true })
    expect(second?.[1]).toBe(4)
    expect(parseHidPosReport(second!)).toMatchObject({ continued: false })
  })

  it('does not take a data byte for the flags in a short read', () => {
    // Ends in '5' (0x35, bit 0 set) and has no flags byte at all.
    const chunk = parseHidPosReport(Uint8Array.from([0x02, 5, ...Buffer.from(']E012345')]))
    expect(chunk && text(chunk.data)).toBe('12345')
    expect(chunk?.continued).toBe(false)
  })

  it('ignores other numbered reports', () => {
    const report = honeywellReport('123')
    report[0] = 0x04
    expect(parseHidPosReport(report)).toBeUndefined()
  })

  it('never reads past one 56-byte chunk, even with a bogus length', () => {
    const report = honeywellReport('9'.repeat(56))
    report[1] = 0xff
    expect(parseHidPosReport(report)?.data.length).toBe(56)
  })
})

describe('HidPosAssembler', () => {
  it('joins a 60-byte QR split over two Honeywell reports', () => {
    expect(QR_60).toHaveLength(60)
    const assembler = new HidPosAssembler()
    const [first, second] = honeywellLabel(QR_60)
    expect(assembler.push(first!, 0)).toBeUndefined()
    expect(assembler.push(second!, 3)).toEqual({ text: QR_60, aimId: ']Q1' })
  })

  it('joins continued Newland reports', () => {
    const assembler = new HidPosAssembler()
    expect(assembler.push(newlandReport('A'.repeat(56), { continued: true }), 0)).toBeUndefined()
    expect(assembler.push(newlandReport('BC'), 1)).toEqual({ text: `${'A'.repeat(56)}BC` })
  })

  it('strips a CR LF suffix configured on the scanner', () => {
    const assembler = new HidPosAssembler()
    expect(assembler.push(honeywellReport('110201201245\r\n'), 0)?.text).toBe('110201201245')
  })

  it('drops a partial label whose last report never came', () => {
    const assembler = new HidPosAssembler({ staleAfterMs: 1000 })
    assembler.push(honeywellReport('STALE', { continued: true }), 0)
    expect(assembler.push(honeywellReport('110201201245'), 5_000)?.text).toBe('110201201245')
  })

  it('caps a runaway label instead of growing without bound', () => {
    const assembler = new HidPosAssembler({ maxLabelBytes: 100 })
    for (let i = 0; i < 10; i++) assembler.push(honeywellReport('9'.repeat(56), { continued: true }), i)
    expect(assembler.push(honeywellReport('9'), 11)?.text).toHaveLength(101)
  })

  it('ignores empty reports', () => {
    expect(new HidPosAssembler().push(honeywellReport(''), 0)).toBeUndefined()
  })
})
