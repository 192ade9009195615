/**
 * CSV for accounting: UTF-8 with a BOM and CRLF (Excel then reads Chinese text correctly), Chinese headers
 * by default, amounts as yuan text with two decimals computed from integer fen. Two Excel guards:
 * an all-digit coupon code is written unquoted as ="012345678905" so Excel keeps it as text (no 1.23E+11, no
 * lost leading zero) — a strict CSV parser needs relaxed quotes for that column (csv-parse: relax_quotes) —
 * and csv-stringify's escape_formulas puts an apostrophe before any other text Excel would run as a formula
 * (CSV injection through a coupon title or a note). Rows stream from the ledger in chunks with backpressure.
 */
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { stringify, type CastingContext } from 'csv-stringify'
import { fenToYuanText } from '../../../shared/money'
import type { ReportRow } from '../../../shared/reports'
import { COLUMNS, headerOf, type Cell, type Column, type ColumnContext } from './columns'

export function csvCell(column: Column, value: Cell): string {
  if (value === null) return ''
  return column.kind === 'money' ? fenToYuanText(value as number) : String(value)
}

/** The code column as an Excel text formula, written raw (no CSV quoting, no formula escaping). */
function excelText(
  value: string,
  context: CastingContext
): string | { value: string; quote: string; escape_formulas: boolean } {
  const column = typeof context.index === 'number' ? COLUMNS[context.index] : undefined
  if (context.header || column?.kind !== 'code' || !/^\d+$/.test(value)) return value
  return { value: `="${value}"`, quote: '', escape_formulas: false }
}

export async function writeCsv(
  file: string,
  chunks: Iterable<ReportRow[]>,
  ctx: ColumnContext
): Promise<number> {
  const out = createWriteStream(file)
  const csv = stringify({
    bom: true,
    record_delimiter: 'windows',
    escape_formulas: true,
    cast: { string: excelText }
  })
  csv.pipe(out)
  const failed = new Promise<never>((_, reject) => {
    csv.once('error', reject)
    out.once('error', reject)
  })
  failed.catch(() => {}) // awaited below through Promise.race; this only keeps a late error from going unhandled
  const write = async (record: string[]) => {
    if (!csv.write(record)) await Promise.race([once(csv, 'drain'), failed])
  }
  let rows = 0
  await write(COLUMNS.map((c) => headerOf(c, ctx.t)))
  for (const chunk of chunks) {
    for (const row of chunk) {
      await write(COLUMNS.map((c) => csvCell(c, c.value(row, ctx))))
      rows++
    }
    await new Promise((resolve) => setImmediate(resolve)) // let the till's requests in between chunks
  }
  csv.end()
  await Promise.race([once(out, 'finish'), failed])
  return rows
}
