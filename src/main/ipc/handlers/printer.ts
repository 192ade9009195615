/** printer.*: configure the receipt printer, read its state, print slips, Z reports and a test page. */
import type { ParsedRequestOf } from '../../../shared/ipc/contract'
import type { PrintJobView, PrinterOverview } from '../../../shared/printer'
import { maskCode } from '../../printer'
import type { Station } from '../../station/station'
import { appendAudit } from '../../staff/audit'
import type { HandlerContext } from './index'

export function printerHandlers(station: Station) {
  const printer = station.services.printer
  const actor = ({ session }: HandlerContext) => ({
    actorId: session.staff?.staffId ?? null,
    actorName: session.staff?.name ?? null
  })
  /** A reprint is written to the audit log: a second slip is how a coupon could be shown twice. */
  const audited = (job: PrintJobView, ctx: HandlerContext): PrintJobView => {
    if (job.reprint && job.kind !== 'test') {
      const code = job.kind === 'slip' ? station.services.ledger.get(job.subject)?.code : undefined
      appendAudit(station.db, {
        at: Date.now(),
        ...actor(ctx),
        action: 'print.reprinted',
        subject: job.kind === 'slip' ? job.subject : `z-report:${job.subject}`,
        detail:
          job.kind === 'slip'
            ? { kind: 'slip', code: code ? maskCode(code, 4) : null, jobId: job.id }
            : { kind: 'zreport', number: Number(job.subject), jobId: job.id }
      })
    }
    return job
  }
  return {
    'printer.get': (): PrinterOverview => printer.overview(),
    'printer.config.set': (
      req: ParsedRequestOf<'printer.config.set'>,
      ctx: HandlerContext
    ): PrinterOverview => {
      const next = printer.parseConfig(req.config)
      const before = printer.config()
      station.db.transaction(() => {
        printer.writeConfig(next)
        appendAudit(station.db, {
          at: Date.now(),
          ...actor(ctx),
          action: 'settings.changed',
          subject: 'printer',
          detail: { before, after: next }
        })
      })()
      printer.reconfigured()
      return printer.overview()
    },
    'printer.check': () => printer.checkNow(),
    'printer.test': (): PrintJobView => printer.printTest(),
    'printer.slip': (req: ParsedRequestOf<'printer.slip'>, ctx: HandlerContext) =>
      audited(printer.printSlip(req.redemptionId), ctx),
    'printer.zreport': (req: ParsedRequestOf<'printer.zreport'>, ctx: HandlerContext) =>
      audited(printer.printZReport(req.number), ctx),
    'printer.retry': (req: ParsedRequestOf<'printer.retry'>, ctx: HandlerContext) =>
      audited(printer.retry(req.jobId), ctx)
  }
}
