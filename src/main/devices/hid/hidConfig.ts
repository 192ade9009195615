import { z } from 'zod'
import { normalizerConfigSchema } from '../../../shared/scan'
import { reopenPolicySchema } from '../clock'

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
