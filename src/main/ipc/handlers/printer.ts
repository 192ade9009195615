/** printer.*: configure the receipt printer, read its state, print slips, Z reports and a test page. */
import type { ParsedRequestOf } from '../../../shared/ipc/contract'
import type { PrintJobView, PrinterOverview } from '../../../shared/printer'
import type { ActingContext } from '../context'
import type { HandlerServices } from './services'

export function printerHandlers({ printer }: Pick<HandlerServices, 'printer'>) {
  return {
    'printer.get': (): PrinterOverview => printer.overview(),
    'printer.config.set': (req: ParsedRequestOf<'printer.config.set'>, { actor }: ActingContext) =>
      printer.changeConfig(req.config, actor),
    'printer.check': () => printer.checkNow(),
    'printer.test': (): PrintJobView => printer.printTest(),
    'printer.slip': (req: ParsedRequestOf<'printer.slip'>, { actor }: ActingContext) =>
      printer.printSlip(req.redemptionId, actor),
    'printer.zreport': (req: ParsedRequestOf<'printer.zreport'>, { actor }: ActingContext) =>
      printer.printZReport(req.number, actor),
    'printer.retry': (req: ParsedRequestOf<'printer.retry'>, { actor }: ActingContext) =>
      printer.retry(req.jobId, actor)
  }
}
