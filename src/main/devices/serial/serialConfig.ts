import { z } from 'zod'
import { normalizerConfigSchema } from '../../../shared/scan'
import { reopenPolicySchema } from '../clock'

/** How a frame ends on the wire. 'CRLF' ends at LF and drops the CR before it. */
export const serialDelimiterSchema = z.union(
  [
    z.enum(['CR', 'LF', 'CRLF']),
    z.object({
      byte: z.number().int().min(0).max(255, { error: 'delimiter.byte must be 0–255' })
    })
  ],
  { error: "delimiter must be 'CR', 'LF', 'CRLF' or { byte: 0–255 }" }
)

export type SerialDelimiter = z.output<typeof serialDelimiterSchema>

export const serialScannerConfigSchema = z.object({
  /** The OS path: /dev/ttyACM0, /dev/serial/by-id/…, COM3. Free text because ptys and by-id links are not listed. */
  path: z
    .string({
      error: 'Serial port path is required, e.g. /dev/ttyACM0 or COM3'
    })
    .trim()
    .min(1, {
      error: 'Serial port path is required, e.g. /dev/ttyACM0 or COM3'
    }),
  baudRate: z
    .number()
    .int({ error: 'baudRate must be a whole number' })
    .min(300, { error: 'baudRate must be at least 300' })
    .max(4_000_000, { error: 'baudRate is at most 4 000 000' })
    .default(9600),
  dataBits: z
    .union([z.literal(5), z.literal(6), z.literal(7), z.literal(8)], {
      error: 'dataBits must be 5, 6, 7 or 8'
    })
    .default(8),
  parity: z
    .enum(['none', 'even', 'odd', 'mark', 'space'], {
      error: 'parity must be none, even, odd, mark or space'
    })
    .default('none'),
  stopBits: z
    .union([z.literal(1), z.literal(1.5), z.literal(2)], {
      error: 'stopBits must be 1, 1.5 or 2'
    })
    .default(1),
  delimiter: serialDelimiterSchema.default('CR'),
  /** Scanner prefix/suffix to strip (passed to the normalizer); the delimiter is removed by the framer. */
  prefix: z.string().max(32, { error: 'prefix is at most 32 characters' }).default(''),
  suffix: z.string().max(32, { error: 'suffix is at most 32 characters' }).default(''),
  maxFrameBytes: z
    .number()
    .int()
    .min(8, { error: 'maxFrameBytes must be at least 8' })
    .max(65_536, { error: 'maxFrameBytes is at most 65536' })
    .default(512),
  /** For scanners that send no suffix: a frame ends after this much silence. */
  idleTimeoutMs: z
    .number()
    .int()
    .min(10, { error: 'idleTimeoutMs must be at least 10' })
    .max(10_000, { error: 'idleTimeoutMs is at most 10000' })
    .optional(),
  label: z.string().trim().min(1).max(64).optional(),
  reopen: reopenPolicySchema.prefault({}),
  normalizer: normalizerConfigSchema.omit({ prefix: true, suffix: true }).prefault({})
})

export type SerialScannerConfig = z.output<typeof serialScannerConfigSchema>
export type SerialScannerConfigInput = z.input<typeof serialScannerConfigSchema>
