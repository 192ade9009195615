/**
 * Export round trips: the CSV (csv-parse, BOM stripped) and the XLSX (exceljs reader) are read back and
 * compared with the report and the ledger — Chinese text, yuan with two decimals from integer fen, voided
 * rows marked as not counted, codes kept as text, no full openid, formula-looking text defused.
 */
import type { ReportService } from '../../src/main/reports/service'
import ExcelJS from 'exceljs'
import { parse } from 'csv-parse/sync'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inflateRawSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { takeDownload } from '../../src/main/reports/downloads'
import { COLUMNS, headerOf } from '../../src/main/reports/export/columns'
import { LocalClock } from '../../src/main/reports/export/localClock'
import { writeXlsx } from '../../src/main/reports/export/xlsx'
import { createTranslator } from '../../src/shared/i18n'
import { fenToYuanText } from '../../src/shared/money'
import type { ExportResult, ReportRow } from '../../src/shared/reports'
import { businessDayRange } from '../../src/shared/time'
import { trainingStation, type TestStation, reportsAt } from '../support/station'
import { writeRedemption } from './support/ledger'

let t: TestStation
afterEach(async () => {
  await t.station.close()
})

const DAY = '2026-11-22'
const OPENID = 'oHXTRN0001abcdefghijklmnopqr'
const start = businessDayRange(DAY, 'Asia/Shanghai', 240).start
/** The clock of the whole test: the reports service and the one-time download links both read it. */
const NOW = start + 20 * 3_600_000

async function seeded() {
  t = await trainingStation({ background: false })
  const db = t.station.db
  const reports = reportsAt(t.station, () => NOW)
  writeRedemption(
    db,
    {
      code: '012345678905',
      at: start + 3_600_000,
      business_day: DAY,
      card_title: '满100减10',
      openid: OPENID,
      discount_fen: 1000,
      bill_fen: 12_345,
      payable_fen: 11_345
    },
    { status: 'synced' }
  )
  writeRedemption(
    db,
    {
      code: '000000000707',
      at: start + 7_200_000,
      business_day: DAY,
      card_title: '=HYPERLINK("x")赠饮',
      card_type: 'GIFT',
      discount_fen: 0,
      bill_fen: null,
      payable_fen: null,
      cashier_name: '张伟'
    },
    { status: 'pending', stale: true }
  )
  writeRedemption(
    db,
    {
      code: 'ABC-123',
      at: start + 7_300_000,
      business_day: DAY,
      card_title: '七折券',
      card_type: 'DISCOUNT',
      discount_fen: 3_599,
      bill_fen: 11_997,
      payable_fen: 8_398
    },
    { status: 'voided' }
  )
  const conflict = writeRedemption(
    db,
    {
      code: '223344556677',
      at: start + 9_000_000,
      business_day: DAY,
      discount_fen: 5,
      bill_fen: 105,
      payable_fen: 100
    },
    { status: 'conflict' }
  )
  reports.resolve(
    { redemptionId: conflict.id, outcome: 'collected', note: '顾客补付，备注：“现金”' },
    t.manager
  )
  writeRedemption(
    db,
    { code: '999', at: start - 1, business_day: '2026-11-21', discount_fen: 777 },
    { status: 'synced' }
  ) // the day before
  return { reports, report: reports.day({ from: DAY, to: DAY }), rows: allRows(reports) }
}

function allRows(reports: ReportService): ReportRow[] {
  const counted = reports.rows({ from: DAY, to: DAY }, 1, 200).rows
  const voided = reports.rows({ from: DAY, to: DAY, filter: { status: 'voided' } }, 1, 200).rows
  return [...counted, ...voided].sort((a, b) => a.at - b.at)
}

function fileOf(result: ExportResult): string {
  if (result.delivery.kind !== 'download') throw new Error('the host delivers a download')
  const offer = takeDownload(result.delivery.url.split('/').pop() ?? '', NOW)
  if (!offer) throw new Error('no download offered')
  return offer.file
}

// The headers come from the one catalogue (src/shared/i18n, exportFile.column.*), like the renderer's words.
const zhT = createTranslator('zh-CN')
const enT = createTranslator('en')
const column = (zh: string) => COLUMNS.findIndex((c) => headerOf(c, zhT) === zh)
const unwrapCode = (text: string) => /^="(.*)"$/.exec(text)?.[1] ?? text

describe('CSV export', () => {
  it('reads back as the report: BOM, Chinese headers, yuan with two decimals, codes as text', async () => {
    const { reports, report, rows } = await seeded()
    const result = await reports.export({ from: DAY, to: DAY, format: 'csv', lang: 'zh-CN' })
    expect(result.fileName).toBe(`核销明细_${DAY}_培训.csv`)
    const bytes = readFileSync(fileOf(result))
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(bytes.toString('utf8')).not.toContain(OPENID)
    const records = parse(bytes, { bom: true, relax_quotes: true }) as string[][]
    const [header, ...body] = records
    expect(header).toEqual(COLUMNS.map((c) => headerOf(c, zhT)))
    expect(header?.slice(0, 3)).toEqual(['业务日期', '核销时间', '券码'])
    expect(body).toHaveLength(rows.length)
    expect(result.rows).toBe(rows.length)
    body.forEach((record, i) => {
      const row = rows[i] as ReportRow
      expect(unwrapCode(record[column('券码')] ?? '')).toBe(row.code)
      expect(record[column('优惠金额(元)')]).toBe(fenToYuanText(row.discountFen))
      expect(record[column('消费金额(元)')]).toBe(row.billFen === null ? '' : fenToYuanText(row.billFen))
      expect(record[column('记录编号')]).toBe(row.id)
      expect(record[column('计入合计')]).toBe(row.status === 'voided' ? '否' : '是')
    })
    expect(body[0]?.[column('券码')]).toBe('="012345678905"')
    expect(bytes.toString('utf8')).toContain(',="000000000707",') // raw, so Excel evaluates it to text
    expect(body[2]?.[column('券码')]).toBe('ABC-123') // not all digits: plain text
    expect(body[0]?.[column('消费金额(元)')]).toBe('123.45')
    expect(body[1]?.[column('券名称')]).toBe(`'=HYPERLINK("x")赠饮`)
    expect(body[1]?.[column('同步状态')]).toBe('同步超时')
    expect(body[3]?.[column('处理说明')]).toBe('顾客补付，备注：“现金”')
    expect(body[0]?.[column('顾客(脱敏)')]).toBe('oHXT****opqr')
    // The counted rows add up to the report's totals, in yuan computed from fen.
    const counted = body.filter((r) => r[column('计入合计')] === '是')
    const fen = counted.reduce((s, r) => s + Math.round(Number(r[column('优惠金额(元)')]) * 100), 0)
    expect(fen).toBe(report.totals.discountFen)
    expect(counted).toHaveLength(report.totals.count)
  })

  it('has English headers and words on request', async () => {
    const { reports } = await seeded()
    const result = await reports.export({ from: DAY, to: DAY, format: 'csv', lang: 'en' })
    expect(result.fileName).toBe(`redemptions_${DAY}_TRAINING.csv`)
    const [header, first] = parse(readFileSync(fileOf(result)), {
      bom: true,
      relax_quotes: true
    }) as string[][]
    expect(header).toEqual(COLUMNS.map((c) => headerOf(c, enT)))
    expect(header?.slice(0, 3)).toEqual(['Business day', 'Redeemed at', 'Code'])
    expect(first?.[column('同步状态')]).toBe('Synced')
    expect(first?.[column('方式')]).toBe('Online')
  })
})

describe('XLSX export', () => {
  it('has a totals sheet and one numeric row per redemption that read back as the report', async () => {
    const { reports, report, rows } = await seeded()
    const result = await reports.export({ from: DAY, to: DAY, format: 'xlsx', lang: 'zh-CN' })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(fileOf(result))
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['汇总', '核销明细'])

    const detail = workbook.getWorksheet('核销明细')
    if (!detail) throw new Error('no detail sheet')
    expect((detail.getRow(1).values as unknown[]).slice(1)).toEqual(COLUMNS.map((c) => headerOf(c, zhT)))
    expect(detail.rowCount).toBe(rows.length + 1)
    rows.forEach((row, i) => {
      const cells = detail.getRow(i + 2)
      const discount = cells.getCell(column('优惠金额(元)') + 1)
      expect(typeof discount.value).toBe('number')
      expect(Math.round((discount.value as number) * 100)).toBe(row.discountFen)
      expect(discount.numFmt).toBe('#,##0.00')
      expect(cells.getCell(column('券码') + 1).value).toBe(row.code)
      expect(cells.getCell(column('券名称') + 1).value).toBe(row.cardTitle)
    })
    for (let r = 1; r <= detail.rowCount; r++)
      (detail.getRow(r).values as unknown[]).forEach((v) => expect(String(v)).not.toContain(OPENID))

    const totals = workbook.getWorksheet('汇总')
    if (!totals) throw new Error('no totals sheet')
    const lines = [] as unknown[][]
    totals.eachRow((row) => lines.push((row.values as unknown[]).slice(1)))
    const total = lines.find((l) => l[0] === '合计（不含已作废）')
    expect(total?.slice(2).map((v, i) => (i === 0 ? v : Math.round((v as number) * 100)))).toEqual([
      report.totals.count,
      report.totals.discountFen,
      report.totals.billFen,
      report.totals.payableFen
    ])
    const voided = lines.find((l) => l[0] === '已作废（不计入合计）')
    expect(voided?.[2]).toBe(1)
    expect(lines.filter((l) => l[0] === '按同步状态').reduce((s, l) => s + (l[2] as number), 0)).toBe(
      report.totals.count
    )
  })
})

/** The files inside a zip, by name (central directory; stored or deflated entries, as exceljs writes them). */
function unzip(bytes: Buffer): Map<string, string> {
  const files = new Map<string, string>()
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  let at = bytes.readUInt32LE(end + 16)
  for (let n = bytes.readUInt16LE(end + 10); n > 0; n--) {
    const method = bytes.readUInt16LE(at + 10)
    const size = bytes.readUInt32LE(at + 20)
    const nameLength = bytes.readUInt16LE(at + 28)
    const skip = nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32)
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength)
    const local = bytes.readUInt32LE(at + 42)
    const data = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28)
    const raw = bytes.subarray(data, data + size)
    files.set(name, (method === 8 ? inflateRawSync(raw) : raw).toString('utf8'))
    at += 46 + skip
  }
  return files
}

describe('XLSX rows written straight into the sheet XML', () => {
  it('make the same workbook, part for part, as exceljs writing each row itself', async () => {
    const { report, rows } = await seeded()
    // Text the XML must escape or drop, an empty text, and a row with every optional value empty.
    const [first, second] = rows
    if (!first || !second) throw new Error('seeded rows missing')
    const hostile: ReportRow[] = [
      { ...first, id: 'h1', cardTitle: `<b>&'"\u0001\u0008\u000b\u001f\u007f\t\n券`, voidReason: '' },
      { ...second, id: 'h2', billFen: null, payableFen: null, openidMasked: null, cardId: null }
    ]
    const ctx = { clock: new LocalClock('Asia/Shanghai'), lang: 'en' as const, t: createTranslator('en') }
    const dir = mkdtempSync(join(tmpdir(), 'hexiao-xlsx-'))
    try {
      const files = await Promise.all(
        [false, true].map(async (viaExceljsRows) => {
          const file = join(dir, `${viaExceljsRows ? 'exceljs' : 'direct'}.xlsx`)
          const chunks = [rows.slice(0, 2), [], rows.slice(2), hostile]
          expect(await writeXlsx(file, report, ['title'], chunks, ctx, { viaExceljsRows })).toBe(
            rows.length + 2
          )
          return unzip(readFileSync(file))
        })
      )
      const [direct, exceljs] = files as [Map<string, string>, Map<string, string>]
      expect([...direct.keys()].sort()).toEqual([...exceljs.keys()].sort())
      // docProps/core.xml carries the time each file was written.
      for (const [name, xml] of exceljs) if (name !== 'docProps/core.xml') expect(direct.get(name)).toBe(xml)
      expect(direct.get('xl/worksheets/sheet2.xml')).toContain('&lt;b&gt;&amp;&apos;&quot;')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('one-time downloads', () => {
  it('serve a file once', async () => {
    const { reports } = await seeded()
    const result = await reports.export({ from: DAY, to: DAY, format: 'csv', lang: 'zh-CN' })
    if (result.delivery.kind !== 'download') throw new Error('expected a download')
    const token = result.delivery.url.split('/').pop() ?? ''
    expect(takeDownload(token, NOW)).not.toBeNull()
    expect(takeDownload(token, NOW)).toBeNull()
  })
})
