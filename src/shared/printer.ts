/**
 * The receipt printer as the screens see it: its configuration (one ESC/POS printer per station), its live
 * state from the printer's own real-time status (DLE EOT), and the print jobs (slips, Z reports, test pages)
 * kept so a slip that could not print can be printed again. docs/printing.md describes the whole.
 */
import { z } from 'zod'
import type { EpochMs } from './time'

/** How a printer is reached. USB printers the OS exposes as a serial port use `serial`, as a printer node (/dev/usb/lp0) `device`. */
export const printerConnectionSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('network'),
      host: z.string().trim().min(1).max(253),
      port: z.number().int().min(1).max(65_535).default(9100)
    })
    .strict(),
  z
    .object({
      kind: z.literal('serial'),
      path: z.string().trim().min(1).max(256),
      baudRate: z
        .number()
        .int()
        .refine((n) => [9600, 19_200, 38_400, 57_600, 115_200].includes(n), 'not a printer baud rate')
        .default(9600)
    })
    .strict(),
  z
    .object({
      kind: z.literal('device'),
      path: z.string().trim().min(1).max(256)
    })
    .strict()
])
export type PrinterConnection = z.output<typeof printerConnectionSchema>

/** When a redemption slip is printed: by itself, when the cashier presses print, or never. */
export const SLIP_MODES = ['auto', 'ask', 'never'] as const
export type SlipMode = (typeof SLIP_MODES)[number]

export const printerConfigSchema = z
  .object({
    enabled: z.boolean().default(true),
    label: z.string().trim().max(40).default(''),
    connection: printerConnectionSchema,
    /** 58 mm paper prints 32 half-width columns, 80 mm 48 (font A). */
    paperWidth: z.union([z.literal(58), z.literal(80)]).default(80),
    slipMode: z.enum(SLIP_MODES).default('auto'),
    /** The language of the printed words (names and titles stay as entered). */
    language: z.enum(['zh-CN', 'en']).default('zh-CN'),
    /** Digits of the coupon code left readable on a slip; the rest is masked. */
    codeDigitsShown: z.number().int().min(2).max(8).default(4),
    /** Cut after each document (printers without a cutter ignore it). */
    cut: z.boolean().default(true)
  })
  .strict()
export type PrinterConfig = z.output<typeof printerConfigSchema>
export type PrinterConfigInput = z.input<typeof printerConfigSchema>

/**
 * What the printer said about itself last. `offline`: no answer, refused or unreachable; `paperOut`,
 * `coverOpen`: its DLE EOT replies; `error`: it reports a mechanical/auto-cutter/unrecoverable error.
 * `paperLow` still prints.
 */
export type PrinterState = 'none' | 'ready' | 'paperLow' | 'paperOut' | 'coverOpen' | 'offline' | 'error'

export interface PrinterStatus {
  state: PrinterState
  /** The transport's own words when it could not reach the printer (for the details a manager may open). */
  detail: string | null
  at: EpochMs
}

export type PrintJobKind = 'slip' | 'zreport' | 'test'
export type PrintJobState = 'queued' | 'printing' | 'printed' | 'failed'

export interface PrintJobView {
  id: number
  kind: PrintJobKind
  /** The redemption id (slip) or the Z report number (zreport); '' for a test page. */
  subject: string
  reprint: boolean
  state: PrintJobState
  /** Why it failed: the printer state it met (paperOut, coverOpen, offline, error). */
  failure: PrinterState | null
  detail: string | null
  createdAt: EpochMs
  finishedAt: EpochMs | null
}

/** The printer's part of the counter and the devices page: configuration, live state, recent jobs. */
export interface PrinterOverview {
  config: PrinterConfig | null
  status: PrinterStatus
  /** Jobs not printed (failed, or waiting), newest first: each can be printed again. */
  unprinted: PrintJobView[]
}
