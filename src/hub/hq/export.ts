/**
 * The day view as files for accounting (docs/hq.md § Exports), made the way the station makes its own
 * (src/main/reports/export/README.md): CSV in UTF-8 with a BOM and CRLF, formulas escaped, an all-digit code written as ="…" so
 * Excel keeps its leading zeros; XLSX with a totals sheet first, amounts as numbers in yuan with a 0.00 format.
 * Headers in the page's language from the one catalogue; times on each store's clock.
 */
import { stringify } from 'csv-stringify/sync'
import ExcelJS from 'exceljs'
import { createTranslator, type Language } from '../../shared/i18n'
import { storeDateTime } from '../../shared/hub/hqTime'
import type { DayView } from '../../shared/hub/hqProtocol'
import { fenToYuanText } from '../../shared/money'
import type { DayRow } from './hqQueries'

const COLUMNS = [
  'businessDate',
  'store',
  'till',
  'cashier',
  'time',
  'card',
  'code',
  'amount',
  'bill',
  'status'
] as const
const CODE_INDEX = COLUMNS.indexOf('code')

function statusWord(t: ReturnType<typeof createTranslator>, status: string): string {
  const key = `hq.status.${status}`
  const word = t(key)
  return word === key ? t('hq.status.other') : word
}

function cells(row: DayRow, t: ReturnType<typeof createTranslator>): (string | number | null)[] {
  return [
    row.businessDate,
    row.storeName,
    row.tillName,
    row.cashierName,
    storeDateTime(row.redeemedAt, row.timeZone, true),
    row.cardTitle || row.cardId,
    row.code,
    row.amountFen,
    row.billFen,
    statusWord(t, row.status)
  ]
}

export function dayCsv(rows: DayRow[], lang: Language): Buffer {
  const t = createTranslator(lang)
  const records = [COLUMNS.map((c) => t(`hq.export.column.${c}`))]
  for (const row of rows) {
    records.push(
      cells(row, t).map((v, i) =>
        v === null ? '' : i === 7 || i === 8 ? fenToYuanText(v as number) : String(v)
      )
    )
  }
  const text = stringify(records, {
    bom: true,
    record_delimiter: 'windows',
    escape_formulas: true,
    cast: {
      string: (value, context) =>
        !context.header &&
        context.index === CODE_INDEX &&
        typeof context.index === 'number' &&
        /^\d+$/.test(value)
          ? { value: `="${value}"`, quote: '', escape_formulas: false }
          : value
    }
  })
  return Buffer.from(text, 'utf8')
}

export async function dayXlsx(view: DayView, rows: DayRow[], lang: Language): Promise<Buffer> {
  const t = createTranslator(lang)
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Hexiao HQ'
  const money = { numFmt: '#,##0.00' }

  const totals = workbook.addWorksheet(t('hq.export.sheet.totals'))
  totals.columns = [{ width: 18 }, { width: 30 }, { width: 10 }, { width: 14 }, { width: 10 }]
  totals.addRow([t('hq.export.title', { date: view.date })]).font = { bold: true }
  totals.addRow([])
  const header = totals.addRow([
    t('hq.export.column.section'),
    t('hq.export.column.name'),
    t('hq.export.column.count'),
    t('hq.export.column.amount'),
    t('hq.export.column.voided')
  ])
  header.font = { bold: true }
  const line = (
    section: string,
    name: string,
    tally: { count: number; amountFen: number; voided: number }
  ) => {
    const row = totals.addRow([section, name, tally.count, tally.amountFen / 100, tally.voided])
    row.getCell(4).style = money
  }
  line(t('hq.export.section.total'), t('hq.export.section.chain'), view.totals)
  for (const s of view.stores) line(t('hq.export.section.store'), s.name, s)
  for (const c of view.cards) line(t('hq.export.section.card'), c.cardTitle || c.cardId, c)

  const detail = workbook.addWorksheet(t('hq.export.sheet.redemptions'))
  detail.columns = COLUMNS.map((c) => ({
    header: t(`hq.export.column.${c}`),
    width: c === 'card' || c === 'store' ? 24 : c === 'time' ? 20 : 14
  }))
  detail.getRow(1).font = { bold: true }
  for (const row of rows) {
    const values = cells(row, t).map((v, i) => ((i === 7 || i === 8) && typeof v === 'number' ? v / 100 : v))
    const added = detail.addRow(values)
    added.getCell(8).style = money
    added.getCell(9).style = money
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
