/**
 * XLSX for accounting, streamed with exceljs's WorkbookWriter: a totals sheet first (what accounting looks at),
 * then one row per redemption, each committed as soon as it is written so the workbook is never held in
 * memory; no shared strings (they would keep every distinct text). Amounts are numbers in yuan with a 0.00
 * format (computed from integer fen), codes and ids are text cells.
 */
import ExcelJS from 'exceljs'
import type { DayReport, ExportLanguage, ReportRow } from '../../../shared/reports'
import { COLUMNS, headerOf, type ColumnContext } from './columns'
import { totalsRows, TOTALS_HEADER } from './totalsRows'

const MONEY_FORMAT = '#,##0.00'
const MONEY_STYLE: Partial<ExcelJS.Style> = { numFmt: MONEY_FORMAT }
const PLAIN_STYLE: Partial<ExcelJS.Style> = {}
/** By 1-based column number, as exceljs counts. */
const MONEY_COLUMN: boolean[] = [false, ...COLUMNS.map((c) => c.kind === 'money')]
const SHEET = {
  totals: { 'zh-CN': '汇总', en: 'Totals' },
  rows: { 'zh-CN': '核销明细', en: 'Redemptions' }
} as const

export const sheetNames = (lang: ExportLanguage) => ({ totals: SHEET.totals[lang], rows: SHEET.rows[lang] })

/** fen → yuan as a number; exact to the fen because fen/100 is the closest double to a two-decimal value. */
const yuan = (fen: number): number => fen / 100

export async function writeXlsx(
  file: string,
  report: DayReport,
  title: string[],
  chunks: Iterable<ReportRow[]>,
  ctx: ColumnContext
): Promise<number> {
  // Fast deflate: the sheet is highly repetitive XML, so level 1 still compresses it about tenfold.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: false,
    zip: { zlib: { level: 1 } }
  })
  workbook.creator = 'Hexiao Station'

  const totals = workbook.addWorksheet(SHEET.totals[ctx.lang])
  totals.columns = [{ width: 16 }, { width: 30 }, { width: 10 }, { width: 14 }, { width: 14 }, { width: 14 }]
  for (const line of title) totals.addRow([line]).commit()
  totals.addRow([]).commit()
  const header = totals.addRow(TOTALS_HEADER[ctx.lang])
  header.font = { bold: true }
  header.commit()
  for (const line of totalsRows(report, ctx.lang)) {
    const row = totals.addRow([
      line.section,
      line.name,
      line.count,
      yuan(line.discountFen),
      yuan(line.billFen),
      yuan(line.payableFen)
    ])
    for (const col of [4, 5, 6]) row.getCell(col).numFmt = MONEY_FORMAT
    if (line.strong) row.font = { bold: true }
    row.commit()
  }
  totals.commit()

  const sheet = workbook.addWorksheet(SHEET.rows[ctx.lang], { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = COLUMNS.map((c) => ({ width: c.width }))
  const head = sheet.addRow(COLUMNS.map((c) => headerOf(c, ctx.lang)))
  head.font = { bold: true }
  head.commit()
  let rows = 0
  for (const chunk of chunks) {
    for (const record of chunk) {
      // An empty value stays undefined, so exceljs makes no cell for it at all.
      const row = sheet.addRow(
        COLUMNS.map((c) => {
          const value = c.value(record, ctx)
          if (value === null) return undefined
          return c.kind === 'money' ? yuan(value as number) : value
        })
      )
      // exceljs finds a style's id by the style OBJECT (a WeakMap), else it serialises the style to XML to look
      // it up — for every row and cell. Handing out shared objects turns that into a map hit.
      ;(row as unknown as { style: Partial<ExcelJS.Style> }).style = PLAIN_STYLE
      row.eachCell((cell, col) => {
        cell.style = MONEY_COLUMN[col] ? MONEY_STYLE : PLAIN_STYLE
      })
      row.commit()
      rows++
    }
    await zipCaughtUp(sheet)
  }
  sheet.commit()
  await workbook.commit()
  return rows
}

/** Above this much sheet XML waiting for the zip, the export waits before it reads the next chunk. */
const BACKLOG_LIMIT = 4 * 1024 * 1024

interface Backlog {
  writableLength?: number
  once?: (event: 'drain', listener: () => void) => unknown
}

/**
 * Between chunks: one event-loop turn always (the till's requests share this process and must not wait behind
 * a whole export), and backpressure exceljs lacks — a committed row's XML goes from the sheet's buffer into the
 * zip entry's PassThrough (archiver) whatever that holds, so this also waits while that PassThrough (exceljs
 * internals: sheet.stream.pipes[0]) holds more than the limit. Should those internals change, only the turn
 * remains.
 */
async function zipCaughtUp(sheet: ExcelJS.Worksheet): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve))
  const backlog = (sheet as unknown as { stream?: { pipes?: Backlog[] } }).stream?.pipes?.[0]
  if (!backlog?.once || typeof backlog.writableLength !== 'number') return
  while ((backlog.writableLength ?? 0) > BACKLOG_LIMIT)
    await new Promise<void>((resolve) => backlog.once?.('drain', resolve))
}
