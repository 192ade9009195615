/**
 * The configuration of the scanners main runs (HID, serial) and of the two inputs the renderer runs (wedge,
 * camera): ONE schema, used as the devices.config.set contract (so the dispatcher is the only validation), by
 * the devices page's forms, and by main when it reads the stored configuration back. Pure zod, no Node.
 */
import { z } from 'zod'
import { normalizerConfigSchema } from './scan'
import { cameraSettingsSchema, wedgeSettingsSchema } from './devices'

/** How a lost device is reopened: doubling delays from initialMs up to maxMs (src/main/devices/reopen.ts). */
export const reopenPolicySchema = z
  .object({
    initialMs: z.number().int().min(50).max(60_000).default(500),
    maxMs: z.number().int().min(50).max(300_000).default(10_000)
  })
  .refine((p) => p.maxMs >= p.initialMs, {
    error: 'reopen.maxMs must be at least reopen.initialMs'
  })

export type ReopenPolicy = z.output<typeof reopenPolicySchema>

/** Accepts 3118, '0x0C2E' or '0c2e' (the lower-case hex of udev rules and lsusb). */
const usbId = (what: string) =>
  z
    .union(
      [
        z.number(),
        z
          .string()
          .trim()
          .regex(/^(0x)?[0-9a-f]{1,4}$/i)
          .transform((hex) => Number.parseInt(hex.replace(/^0x/i, ''), 16))
      ],
      { error: `${what} must be a number or a hex id like 0x0C2E` }
    )
    .pipe(
      z
        .number()
        .int()
        .min(0)
        .max(0xffff, { error: `${what} must be between 0x0000 and 0xFFFF` })
    )

export const hidScannerConfigSchema = z
  .object({
    /** Match by vendor (and optionally product); the PID changes with the scanner's interface mode. */
    vendorId: usbId('vendorId').optional(),
    productId: usbId('productId').optional(),
    /** Require this usage page; by default HID POS (0x8C) is preferred over the keyboard collection. */
    usagePage: z.number().int().min(0).max(0xffff).optional(),
    /** Or match one exact OS path (e.g. /dev/hidraw3); it changes when the scanner moves to another port. */
    path: z.string().trim().min(1).optional(),
    protocol: z.enum(['auto', 'hid-pos', 'keyboard']).default('auto'),
    label: z.string().trim().min(1).max(64).optional(),
    /** Keyboard-protocol scanners without an Enter/Tab suffix: end the scan after this much silence. */
    idleFlushMs: z.number().int().min(20).max(5_000).optional(),
    reopen: reopenPolicySchema.prefault({}),
    normalizer: normalizerConfigSchema.prefault({})
  })
  .refine((c) => c.vendorId !== undefined || c.path !== undefined, {
    error: 'Configure the scanner by vendorId or by path'
  })

export type HidScannerConfig = z.output<typeof hidScannerConfigSchema>
export type HidScannerConfigInput = z.input<typeof hidScannerConfigSchema>

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

/** Everything the devices page saves, in one piece. */
export const DevicesConfigSchema = z
  .object({
    hid: z.array(hidScannerConfigSchema).max(8).default([]),
    serial: z.array(serialScannerConfigSchema).max(8).default([]),
    // The renderer's inputs are configured on the same page and stored with the rest.
    wedge: wedgeSettingsSchema.prefault({}),
    camera: cameraSettingsSchema.prefault({})
  })
  .strict()

export type DevicesConfig = z.output<typeof DevicesConfigSchema>
/** What the devices page sends; the contract validates it with the schema above. */
export type DevicesConfigInput = z.input<typeof DevicesConfigSchema>
