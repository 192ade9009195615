/**
 * What goes on paper: the redemption slip, the Z report and the test page, as ESC/POS bytes. Pure: the
 * service hands in what it read (a redemption, a Z report, the store's names and zone) and sends the bytes.
 */
import { fenToYuanText, type Fen } from '../../shared/money'
import type { ZReportBody } from '../../shared/closing'
import type { PrinterConfig } from '../../shared/printer'
import type { RedemptionView } from '../../shared/redeem'
import { formatLocal, type EpochMs } from '../../shared/time'
import { EscPos, textColumns } from './escpos'
import { printWords } from './words'

export interface PrintContext {
  storeName: string
  stationName: string
  timeZone: string
  /** Training station: every slip says so, big, at the top and the bottom. */
  training: boolean
  /** When this paper is printed (a reprint shows it). */
  now: EpochMs
}

type Layout = Pick<PrinterConfig, 'paperWidth' | 'language' | 'codeDigitsShown' | 'cut'>

/** The code with only its last digits readable: a slip left on the counter does not give the coupon away. */
export function maskCode(code: string, shown: number): string {
  const chars = [...code]
  if (chars.length <= shown) return '*'.repeat(chars.length)
  return '*'.repeat(Math.min(chars.length - shown, 12)) + chars.slice(-shown).join('')
}

const when = (at: EpochMs, zone: string) => formatLocal(at, zone, 'yyyy-LL-dd HH:mm:ss')

function trainingBanner(p: EscPos, words: ReturnType<typeof printWords>): void {
  p.align('center').bold(true).size(1, 2).line(`*** ${words.training} ***`).size(1, 1).bold(false)
}

export function slipDocument(
  r: RedemptionView,
  ctx: PrintContext,
  layout: Layout,
  options: { reprint: boolean }
): Buffer {
  const w = printWords(layout.language)
  const money = (fen: Fen | null) => (fen === null ? '-' : w.yuan(fenToYuanText(fen)))
  const p = new EscPos(layout.paperWidth).init()
  if (ctx.training) trainingBanner(p, w)
  p.align('center')
    .bold(true)
    .size(2, 2)
    .wrapped(ctx.storeName, p.columns / 2)
  p.size(1, 1).line(w.slipTitle)
  if (options.reprint) p.size(2, 1).line(w.reprintMark).size(1, 1)
  p.bold(false).align('left').rule()
  p.pair(w.store, ctx.storeName)
  p.pair(w.station, r.stationName)
  p.pair(w.cashier, r.cashierName)
  p.pair(w.time, when(r.at, ctx.timeZone))
  p.rule()
  p.line(`${w.coupon}:`).bold(true).wrapped(r.cardTitle).bold(false)
  p.pair(w.value, money(r.discountFen))
  p.pair(w.bill, money(r.billFen))
  p.bold(true).pair(w.payable, money(r.payableFen)).bold(false)
  p.pair(w.code, maskCode(r.code, layout.codeDigitsShown))
  if (r.approvedBy) p.pair(w.approvedBy, r.approvedBy)
  if (r.status === 'voided') p.align('center').bold(true).size(2, 2).line(w.voided).size(1, 1).bold(false)
  else if (r.status === 'pending') p.line(w.pending)
  p.rule().align('center').qr(r.id).line()
  // 36 characters of id fit 80 mm with the label, not 58 mm: there the id gets its own line(s).
  const idLine = `${w.redemptionId}: ${r.id}`
  if (textColumns(idLine) <= p.columns) p.line(idLine)
  else p.line(`${w.redemptionId}:`).wrapped(r.id)
  if (options.reprint) p.line(`${w.reprint} ${when(ctx.now, ctx.timeZone)}`)
  if (ctx.training) trainingBanner(p, w)
  else p.line(w.keep)
  p.align('left').feed(2)
  if (layout.cut) p.cut()
  return p.bytes()
}

export function zReportDocument(
  z: ZReportBody,
  sha256: string,
  ctx: PrintContext,
  layout: Layout,
  options: { reprint: boolean }
): Buffer {
  const w = printWords(layout.language)
  const money = (fen: Fen) => fenToYuanText(fen)
  const p = new EscPos(layout.paperWidth).init()
  if (ctx.training) trainingBanner(p, w)
  p.align('center')
    .bold(true)
    .size(2, 2)
    .wrapped(z.storeName, p.columns / 2)
  p.size(1, 1).line(`${w.zTitle} #${z.number}`)
  if (options.reprint) p.size(2, 1).line(w.reprintMark).size(1, 1)
  p.bold(false).align('left').rule()
  p.pair(w.station, z.stationName)
  p.pair(w.businessDay, z.businessDay)
  p.line(`${w.period}:`)
  p.line(`  ${when(z.start, z.timeZone)}`).line(`- ${when(z.end, z.timeZone)}`)
  p.pair(w.closedAt, when(z.closedAt, z.timeZone))
  p.pair(w.closedBy, z.closedBy.name)
  p.rule('=').bold(true).line(w.totals).bold(false)
  p.pair(w.count, String(z.totals.count))
  p.pair(w.discount, w.yuan(money(z.totals.discountFen)))
  // No bill entered at all (coupons without an amount): a dash, as on the screen's Z report, never 0.00.
  const noBill = z.totals.billFen === 0 && z.totals.payableFen === 0
  p.pair(w.bill, noBill ? '-' : w.yuan(money(z.totals.billFen)))
  p.pair(w.payable, noBill ? '-' : w.yuan(money(z.totals.payableFen)))
  p.rule().bold(true).line(w.byCard).bold(false)
  if (z.byCard.length === 0) p.line(w.none)
  for (const line of z.byCard) {
    p.wrapped(line.title)
    p.pair(`  ×${line.count}`, money(line.discountFen))
  }
  p.rule().bold(true).line(w.byCashier).bold(false)
  if (z.byCashier.length === 0) p.line(w.none)
  for (const line of z.byCashier) p.pair(`${line.cashierName} ×${line.count}`, money(line.discountFen))
  p.rule().bold(true).line(w.byStatus).bold(false)
  for (const line of z.byStatus)
    p.pair(`${w.status[line.status] ?? line.status} ×${line.count}`, money(line.discountFen))
  p.pair(`${w.voidedLine} ×${z.voided.count}`, money(z.voided.discountFen))
  p.rule().bold(true).pair(w.openItems, String(z.openItems.length)).bold(false)
  for (const item of z.openItems)
    p.pair(
      `${maskCode(item.code, layout.codeDigitsShown)} ${w.status[item.status] ?? item.status}`,
      money(item.discountFen)
    )
  p.pair(w.afterClose, String(z.afterClose.length))
  p.rule()
    .pair(w.rows, `${z.rows.count}`)
    .line(`SHA-256 ${sha256.slice(0, 16)}`)
  if (options.reprint) p.align('center').line(`${w.reprint} ${when(ctx.now, z.timeZone)}`)
  if (ctx.training) trainingBanner(p, w)
  p.align('left').feed(2)
  if (layout.cut) p.cut()
  return p.bytes()
}

export function testPageDocument(ctx: PrintContext, layout: Layout): Buffer {
  const w = printWords(layout.language)
  const p = new EscPos(layout.paperWidth).init()
  p.align('center').bold(true).size(2, 2).line(w.testTitle).size(1, 1).bold(false)
  p.line(ctx.storeName).line(ctx.stationName).line(when(ctx.now, ctx.timeZone))
  p.align('left').rule()
  p.line(w.testBody)
  p.pair(w.testWidth, `${layout.paperWidth} mm / ${p.columns}`)
  p.line('0123456789'.repeat(10).slice(0, p.columns))
  p.line(w.testRulerGlyph.repeat(p.columns / 2))
  p.rule().align('center').line(`${w.testQr}: HEXIAO-TEST`).qr('HEXIAO-TEST').line()
  if (ctx.training) trainingBanner(p, w)
  p.align('left').feed(2)
  if (layout.cut) p.cut()
  return p.bytes()
}
