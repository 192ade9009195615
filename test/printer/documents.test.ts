/**
 * The papers' bytes on their own: 58 mm layout by printed columns, English words, a voided and a pending slip,
 * control characters in a title, code masking. Decoded the same way the fake printers decode.
 */
import { describe, expect, it } from 'vitest'
import { maskCode, slipDocument, testPageDocument } from '../../src/main/printer'
import { textColumns } from '../../src/main/printer/escpos'
import type { RedemptionView } from '../../src/shared/redeem'
import { decodeEscPos } from './escposDecode'

const view = (over: Partial<RedemptionView> = {}): RedemptionView => ({
  id: '01936f5e-0000-7000-8000-000000000001',
  code: '987654321098',
  cardId: 'card-1',
  cardTitle: '周年庆全场通用满二百元立减三十元代金券（限堂食）',
  cardType: 'CASH',
  at: Date.UTC(2026, 0, 15, 23, 30),
  businessDay: '2026-01-16',
  stationName: '二号收银台',
  cashierName: '张晓明',
  openidMasked: null,
  billFen: 25_000,
  discountFen: 3_000,
  payableFen: 22_000,
  online: true,
  status: 'synced',
  stale: false,
  statusReason: null,
  approvedBy: null,
  ...over
})
const ctx = {
  storeName: '静安寺旗舰店',
  stationName: '二号收银台',
  timeZone: 'Asia/Shanghai',
  training: false,
  now: Date.UTC(2026, 0, 16, 1, 0)
}
const layout = { paperWidth: 58 as const, language: 'zh-CN' as const, codeDigitsShown: 4, cut: true }

describe('papers', () => {
  it('lays a long Chinese title out within 32 columns of 58 mm paper', () => {
    const paper = decodeEscPos(slipDocument(view(), ctx, layout, { reprint: false }))
    for (const line of paper.lines)
      expect(textColumns(line.text) * line.width, line.text).toBeLessThanOrEqual(32)
    // Wrapped, nothing lost.
    expect(paper.text.join('')).toContain('周年庆全场通用满二百元立减三十元代金券（限堂食）')
    // 23:30 UTC is 07:30 the next morning in Shanghai.
    expect(paper.text.find((l) => l.startsWith('时间'))).toMatch(/2026-01-16 07:30:00$/)
    expect(paper.text).toContain('请妥善保管本凭证')
    expect(paper.text.some((l) => l.includes('培训'))).toBe(false)
  })

  it('says voided and pending plainly, and prints English words when asked', () => {
    const voided = decodeEscPos(slipDocument(view({ status: 'voided' }), ctx, layout, { reprint: false }))
    expect(voided.lines.find((l) => l.text === '已作废')).toMatchObject({ bold: true, width: 2 })
    const pending = decodeEscPos(
      slipDocument(view({ status: 'pending' }), ctx, { ...layout, language: 'en' }, { reprint: true })
    )
    expect(pending.text).toContain('Redemption slip')
    expect(pending.text).toContain('Not yet sent to WeChat')
    expect(pending.text).toContain('【REPRINT】')
    expect(pending.text.find((l) => l.startsWith('Payable'))).toMatch(/CNY 220\.00$/)
  })

  it('prints control characters in a title as spaces, never as commands', () => {
    const paper = decodeEscPos(
      slipDocument(view({ cardTitle: 'A\u001bd\u0005B\u001dV' }), ctx, layout, { reprint: false })
    )
    expect(paper.text).toContain('A d B V')
    expect(paper.commands.filter((c) => c.op === 'cut')).toHaveLength(1)
  })

  it('masks codes, leaving only the last digits', () => {
    expect(maskCode('987654321098', 4)).toBe('********1098')
    expect(maskCode('1234', 4)).toBe('****')
    expect(maskCode('x'.repeat(40) + '5678', 4)).toBe('*'.repeat(12) + '5678')
  })

  it('fills the width of the test page with double-width characters', () => {
    const paper = decodeEscPos(testPageDocument(ctx, { ...layout, paperWidth: 80, cut: false }))
    expect(paper.text).toContain('中'.repeat(24))
    expect(paper.commands.some((c) => c.op === 'cut')).toBe(false)
  })
})
