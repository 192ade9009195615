/**
 * The store's day as a file (docs/hub.md § The store's day): CSV (UTF-8 BOM, CRLF, one row per redemption with its
 * till, all-digit codes as ="…" so Excel keeps them as text, formula-looking text escaped) or XLSX (a by-till sheet
 * with the totals first, then the redemptions; money as numbers in yuan with #,##0.00). Small: a store's day is
 * a few thousand rows, so both are written in one go. Words from the one catalogue (`storeDay.file.*`).
 */
import { randomUUID } from 'node:crypto'
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { stringify } from 'csv-stringify/sync'
import { createTranslator } from '../../../shared/i18n'
import { fenToYuanText } from '../../../shared/money'
import type { ExportFormat, ExportLanguage } from '../../../shared/reports'
import type { StoreDayRow, StoreDayView } from '../../../shared/storeDay'
import { formatLocal } from '../../../shared/time'
import { CONTENT_TYPE, fileSha256, type ProducedExport } from './exportRange'

const MONEY_FORMAT = '#,##0.00'

export async function produceStoreDayExport(
  view: StoreDayView,
  rows: StoreDayRow[],
  req: { format: ExportFormat; lang: ExportLanguage },
  ctx: { exportsDir: string; mode: string; storeName: string }
): Promise<ProducedExport> {
  mkdirSync(ctx.exportsDir, { recursive: true })
  const file = join(ctx.exportsDir, `${randomUUID()}.${req.format}`)
  const t = createTranslator(req.lang)
  const zone = view.timeZone
  const status = (s: StoreDayRow['status']) => t(`storeDay.status.${s}`)
  const header = ['till', 'cashier', 'at', 'code', 'amount', 'status'].map((k) =>
    t(`storeDay.file.column.${k}`)
  )
  const line = (r: StoreDayRow) => [
    r.tillName,
    r.cashierName,
    formatLocal(r.at, zone, 'yyyy-LL-dd HH:mm:ss'),
    r.code,
    r.amountFen,
    status(r.status)
  ]
  try {
    if (req.format === 'csv') {
      const text = stringify(
        [
          header,
          ...rows.map((r) => line(r).map((v, i) => (i === 4 ? fenToYuanText(v as number) : String(v))))
        ],
        {
          bom: true,
          record_delimiter: 'windows',
          escape_formulas: true,
          cast: {
            string: (value, context) =>
              !context.header && context.index === 3 && /^\d+$/.test(value) && context.records > 0
                ? { value: `="${value}"`, quote: '', escape_formulas: false }
                : value
          }
        }
      )
      writeFileSync(file, text, 'utf8')
    } else {
      const workbook = new ExcelJS.Workbook()
      workbook.creator = 'Hexiao Station'
      const byTill = workbook.addWorksheet(t('storeDay.file.sheetByTill'))
      byTill.columns = [
        { width: 18 },
        { width: 10 },
        { width: 14 },
        { width: 10 },
        { width: 12 },
        { width: 14 }
      ]
      byTill.addRow([
        t(ctx.mode === 'training' ? 'storeDay.file.headingTraining' : 'storeDay.file.heading', {
          day: view.businessDay
        })
      ])
      byTill.addRow([`${ctx.storeName} · ${view.storeId}`])
      byTill.addRow([
        t('storeDay.file.zone', { zone, at: formatLocal(view.madeAt, zone, 'yyyy-LL-dd HH:mm') })
      ])
      byTill.addRow([])
      byTill.addRow(
        ['till', 'count', 'discount', 'held', 'voidedCount', 'voidedDiscount'].map((k) =>
          t(`storeDay.file.byTill.${k}`)
        )
      )
      const money = (row: ExcelJS.Row, ...cols: number[]) => {
        for (const c of cols) row.getCell(c).numFmt = MONEY_FORMAT
      }
      for (const till of view.tills) {
        const row = byTill.addRow([
          till.tillName,
          till.count,
          till.discountFen / 100,
          till.held,
          till.voidedCount,
          till.voidedFen / 100
        ])
        money(row, 3, 6)
      }
      const total = byTill.addRow([
        t('storeDay.file.byTill.total'),
        view.total.count,
        view.total.discountFen / 100,
        view.tills.reduce((n, x) => n + x.held, 0),
        view.total.voidedCount,
        view.total.voidedFen / 100
      ])
      total.font = { bold: true }
      money(total, 3, 6)
      const list = workbook.addWorksheet(t('storeDay.file.sheetRows'))
      list.columns = [
        { width: 12 },
        { width: 12 },
        { width: 20 },
        { width: 22 },
        { width: 12 },
        { width: 10 }
      ]
      list.addRow(header).font = { bold: true }
      for (const r of rows) {
        const values = line(r)
        values[4] = r.amountFen / 100
        const row = list.addRow(values)
        row.getCell(4).numFmt = '@'
        money(row, 5)
      }
      await workbook.xlsx.writeFile(file)
    }
    const training = ctx.mode === 'training' ? t('exportFile.fileName.training') : ''
    return {
      file,
      fileName: `${t('storeDay.file.base')}_${view.businessDay}${training}.${req.format}`,
      contentType: CONTENT_TYPE[req.format],
      rows: rows.length,
      bytes: statSync(file).size,
      sha256: await fileSha256(file)
    }
  } catch (err) {
    rmSync(file, { force: true })
    throw err
  }
}
