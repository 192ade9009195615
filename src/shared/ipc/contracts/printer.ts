/** The receipt printer: its configuration and live state, printing slips, Z reports and a test page. */
import { z } from 'zod'
import type { PRINTER_CHANNELS, PRINTER_EVENTS } from '../names'
import { noArgs, shape, type ChannelSpec } from '../spec'
import {
  printerConfigSchema,
  type PrintJobView,
  type PrinterOverview,
  type PrinterStatus
} from '../../printer'

/** The one schema (src/shared/printer.ts), checked by the dispatcher only. null removes the printer. */
export const PrinterConfigRequest = z.object({ config: printerConfigSchema.nullable() }).strict()

export const PrintSlipRequest = z.object({ redemptionId: z.string().min(1).max(64) }).strict()
export const PrintZReportRequest = z.object({ number: z.number().int().min(1) }).strict()
export const PrintRetryRequest = z.object({ jobId: z.number().int().min(1) }).strict()

export const printerContract = {
  'printer.get': { request: noArgs, response: shape<PrinterOverview>(), access: 'staff' },
  'printer.config.set': {
    request: PrinterConfigRequest,
    response: shape<PrinterOverview>(),
    access: 'manager'
  },
  /** Reads the printer's real-time status now. */
  'printer.check': { request: noArgs, response: shape<PrinterStatus>(), access: 'staff' },
  'printer.test': { request: noArgs, response: shape<PrintJobView>(), access: 'manager' },
  /** Prints a redemption's slip; a second paper of the same slip is a reprint (marked 重印, audited). */
  'printer.slip': { request: PrintSlipRequest, response: shape<PrintJobView>(), access: 'staff' },
  'printer.zreport': { request: PrintZReportRequest, response: shape<PrintJobView>(), access: 'manager' },
  /** Prints again what a failed job should have printed. */
  'printer.retry': { request: PrintRetryRequest, response: shape<PrintJobView>(), access: 'staff' }
} as const satisfies Record<(typeof PRINTER_CHANNELS)[number], ChannelSpec>

export const printerEvents = {
  'printer.status': shape<PrinterStatus>(),
  'printer.job': shape<PrintJobView>()
} as const satisfies Record<(typeof PRINTER_EVENTS)[number], unknown>
