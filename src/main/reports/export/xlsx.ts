/**
 * XLSX for accounting, streamed with exceljs's WorkbookWriter: a totals sheet first (what accounting looks at),
 * then one row per redemption, each committed as soon as it is written so the workbook is never held in
 * memory; no shared strings (they would keep every distinct text). Amounts are numbers in yuan with a 0.00
 * format (computed from integer fen), codes and ids are text cells.
 */
import ExcelJS from 'exceljs'
import type { DayReport, ReportRow } from '../../../shared/reports'
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

/** fen → yuan as a number; exact to the fen because fen/100 is the closest double to a two-decimal value. */
const yuan = (fen: number): number => fen / 100

export async function writeXlsx(
  file: string,
  report: DayReport,
  title: string[],
  chunks: Iterable<ReportRow[]>,
  ctx: ColumnContext,
  options: { viaExceljsRows?: boolean } = {}
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
  const direct = options.viaExceljsRows ? null : directRowWriter(workbook, sheet)
  let rows = 0
  for (const chunk of chunks) {
    if (direct) rows += direct(chunk, ctx)
    else rows += addRowsThroughExceljs(sheet, chunk, ctx)
    await zipCaughtUp(sheet)
  }
  sheet.commit()
  await workbook.commit()
  return rows
}

/** The cell values of one redemption, in column order; an empty value is undefined (no cell at all). */
function cellValues(record: ReportRow, ctx: ColumnContext): (string | number | undefined)[] {
  return COLUMNS.map((c) => {
    const value = c.value(record, ctx)
    if (value === null) return undefined
    return c.kind === 'money' ? yuan(value as number) : value
  })
}

/** exceljs's own row path: kept for when its internals are not as directRowWriter expects, and for the test
 * that holds both paths to the same file content. */
function addRowsThroughExceljs(sheet: ExcelJS.Worksheet, chunk: ReportRow[], ctx: ColumnContext): number {
  for (const record of chunk) {
    const row = sheet.addRow(cellValues(record, ctx))
    // exceljs finds a style's id by the style OBJECT (a WeakMap), else it serialises the style to XML to look
    // it up — for every row and cell. Handing out shared objects turns that into a map hit.
    ;(row as unknown as { style: Partial<ExcelJS.Style> }).style = PLAIN_STYLE
    row.eachCell((cell, col) => {
      cell.style = MONEY_COLUMN[col] ? MONEY_STYLE : PLAIN_STYLE
    })
    row.commit()
  }
  return chunk.length
}

/** The parts of exceljs's WorksheetWriter (4.4.0, pinned in package.json) the direct path relies on. */
interface SheetInternals {
  stream?: { write?: (data: Buffer) => unknown }
  startedData?: boolean
  _rows?: unknown[]
  _rowZero?: number
}

const LETTERS = COLUMNS.map((_, i) => String.fromCharCode(65 + i)) // 25 columns: A…Y

/**
 * Writes a chunk of redemptions straight into the worksheet's XML stream, exactly the XML exceljs renders for
 * them (same row and cell elements, attributes, `t="str"` inline strings, the money style's id), one string
 * per chunk. Profiling the 100,000-row export (docs/performance.md § Reports) showed about two thirds of its
 * CPU in exceljs's per-cell model: a Cell object and its model per value, an XmlStream of attribute pushes per
 * row, and a Buffer allocation and copy per committed row. Returns null, and the caller uses exceljs's own
 * path, when the writer is not in the state this relies on (header row committed, sheetData opened, nothing
 * pending), so an exceljs upgrade degrades to slow, never to a broken file; test/reports holds both paths to
 * the same file content.
 */
function directRowWriter(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  sheet: ExcelJS.Worksheet
): ((chunk: ReportRow[], ctx: ColumnContext) => number) | null {
  const internals = sheet as unknown as SheetInternals
  const styles = (workbook as unknown as { styles?: { addStyleModel?: (s: unknown, t?: number) => number } })
    .styles
  const stream = internals.stream
  if (
    typeof stream?.write !== 'function' ||
    internals.startedData !== true ||
    internals._rows?.length !== 0 ||
    typeof internals._rowZero !== 'number' ||
    typeof styles?.addStyleModel !== 'function'
  )
    return null
  // The same shared style objects as the exceljs path, registered in the same order (a row's style before its
  // cells'), so the same xf entries; 2 is exceljs's ValueType.Number.
  const plainStyleId = styles.addStyleModel(PLAIN_STYLE)
  const moneyStyleId = styles.addStyleModel(MONEY_STYLE, 2)
  if (typeof plainStyleId !== 'number' || typeof moneyStyleId !== 'number') return null
  const rowAttr = plainStyleId ? ` s="${plainStyleId}" customFormat="1"` : ''
  const plainAttr = plainStyleId ? ` s="${plainStyleId}"` : ''
  const moneyAttr = moneyStyleId ? ` s="${moneyStyleId}"` : ''
  const write = stream.write.bind(stream)
  return (chunk, ctx) => {
    let rowNumber = internals._rowZero as number
    // Each row's XML goes into the chunk's buffer as UTF-8 right away: one string for the whole chunk cost
    // more to flatten and encode (Chinese text makes it a two-byte string) than building all its rows.
    let buffer = Buffer.allocUnsafe(CHUNK_BUFFER_BYTES)
    let used = 0
    for (const record of chunk) {
      const values = cellValues(record, ctx)
      let cells = ''
      let min = 0
      let max = 0
      for (let i = 0; i < values.length; i++) {
        const value = values[i]
        if (value === undefined) continue
        const col = i + 1
        if (!min) min = col
        max = col
        const ref = `${LETTERS[i]}${rowNumber}`
        cells +=
          typeof value === 'number'
            ? `<c r="${ref}"${MONEY_COLUMN[col] ? moneyAttr : plainAttr}><v>${value}</v></c>`
            : `<c r="${ref}"${MONEY_COLUMN[col] ? moneyAttr : plainAttr} t="str"><v>${xmlText(value)}</v></c>`
      }
      if (cells) {
        const xml = `<row r="${rowNumber}" spans="${min}:${max}"${rowAttr} x14ac:dyDescent="0.25">${cells}</row>`
        // A UTF-16 code unit is at most 3 bytes of UTF-8.
        if (used + xml.length * 3 > buffer.length) {
          const bigger = Buffer.allocUnsafe(Math.max(buffer.length * 2, used + xml.length * 3))
          buffer.copy(bigger, 0, 0, used)
          buffer = bigger
        }
        used += buffer.write(xml, used, 'utf8')
      }
      rowNumber++
    }
    // A fresh buffer per chunk: the zip entry's stream keeps it until deflated.
    if (used > 0) write(buffer.subarray(0, used))
    // Keeps exceljs's row numbering where it would be had it written these rows itself.
    internals._rowZero = rowNumber
    return chunk.length
  }
}

/** About what 500 rows of sheet XML take (~1.3 KB a row); a bigger chunk grows it. */
const CHUNK_BUFFER_BYTES = 1024 * 1024

/** XML text as exceljs escapes it: the five entities, and the control characters XML 1.0 forbids dropped. */
// eslint-disable-next-line no-control-regex
const XML_SPECIAL = /[<>&'"\x7F\x00-\x08\x0B-\x0C\x0E-\x1F]/g
const XML_ENTITY: Record<string, string> = {
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
  "'": '&apos;',
  '"': '&quot;'
}
const xmlText = (text: string): string => text.replace(XML_SPECIAL, (ch) => XML_ENTITY[ch] ?? '')

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
