/**
 * Scanner devices as the screens see them, and the station-wide settings of the two inputs that run in
 * the renderer (keyboard wedge, camera). HID and serial entries are validated in main with their own
 * schemas (src/main/devices), which need nothing from here.
 */
import { z } from 'zod'
import type { RejectedScan, ScanResult, ScanSource } from './scan'
import type { EpochMs } from './time'

/** Symbologies the camera can look for (zxing-wasm's names). */
export const CAMERA_FORMATS = [
  'QRCode',
  'Code128',
  'PDF417',
  'EAN13',
  'EAN8',
  'UPCA',
  'UPCE',
  'Code39',
  'Code93',
  'ITF',
  'Codabar',
  'DataMatrix',
  'Aztec'
] as const
export type CameraFormat = (typeof CAMERA_FORMATS)[number]

/** WeChat coupons are QR, Code 128 or PDF417; EAN-13 for stores that print their own. */
export const DEFAULT_CAMERA_FORMATS: readonly CameraFormat[] = ['QRCode', 'Code128', 'PDF417', 'EAN13']

/** Keys that may end a wedge scan, as KeyboardEvent.code or .key. */
export const WEDGE_SUFFIX_KEYS = ['Enter', 'NumpadEnter', 'Tab'] as const

/**
 * Timing rules that tell a keyboard-wedge scanner from a person. Scanners type 1–80 ms per key (Zebra
 * ~80), people rarely under 80 ms on average, so the defaults catch ordinary scanners and a slow one is
 * calibrated from a test scan on the devices page.
 */
export const wedgeSettingsSchema = z
  .object({
    /** A burst is a scan only if its keys came at most this many ms apart on average. */
    avgMsPerChar: z.number().int().min(5).max(300).default(35),
    /**
     * A longer pause between two keys ends a burst. Generous on purpose: a busy browser can stall key
     * events for tens of ms, and a burst split after its first key would lose that key to the field.
     */
    maxGapMs: z.number().int().min(20).max(1_000).default(100),
    /** Characters (prefix excluded) a scan has at least; shorter bursts are typing. */
    minLength: z.number().int().min(1).max(64).default(6),
    /** Keys that end a scan. */
    suffixKeys: z.array(z.enum(WEDGE_SUFFIX_KEYS)).max(3).default(['Enter', 'NumpadEnter', 'Tab']),
    /** false: a burst that simply stops (no suffix configured on the scanner) is a scan too. */
    requireSuffix: z.boolean().default(true),
    /** When set, only bursts starting with this text are scans (the scanner's configured prefix). */
    prefix: z.string().max(16).default('')
  })
  .strict()
export type WedgeSettings = z.output<typeof wedgeSettingsSchema>

export const cameraSettingsSchema = z
  .object({
    /** The chosen camera (MediaDeviceInfo.deviceId); none: the browser's default camera. */
    deviceId: z.string().min(1).max(256).optional(),
    /** Its label when it was chosen, to show which camera is meant when it is not plugged in. */
    label: z.string().max(128).optional(),
    /** Restricting formats is zxing's biggest speed lever. */
    formats: z
      .array(z.enum(CAMERA_FORMATS))
      .min(1)
      .max(CAMERA_FORMATS.length)
      .default([...DEFAULT_CAMERA_FORMATS])
  })
  .strict()
export type CameraSettings = z.output<typeof cameraSettingsSchema>

/** The configuration the devices page edits; stored in the station database (one schema: ./scannerConfig.ts). */
export type { DevicesConfig } from './scannerConfig'

/** A scan from a HID or serial scanner, announced to every screen; the counter looks it up by scanId. */
export interface DeviceScanNotice {
  scanId: string
  source: ScanSource
  device: string
  /** Escaped for display. */
  raw: string
  at: EpochMs
  /** What the normalizer made of it (main's configuration for that device). */
  normalized: ScanResult
  /** Set when the normalizer refused the scan (garbage, IME junk, overlong frame). */
  rejected: Pick<RejectedScan, 'reason' | 'params'> | null
}

export interface DeviceStatus {
  /** Which configured scanner: its list and position in DevicesConfig. */
  kind: 'hid' | 'serial'
  index: number
  /** Its label (configured, or derived from ids / path). */
  device: string
  status: 'connected' | 'disconnected' | 'reopening' | 'error'
  message?: string
  at: EpochMs
}

export interface DeviceListing {
  hid: { path: string; vendorId: number; productId: number; product: string | null; kind: string }[]
  serial: { path: string; kind: string; manufacturer: string | null }[]
  /** Why a list could not be read; the renderer says it in the user's language, the detail is for a manager on demand. */
  problems: DeviceListProblem[]
}

/**
 * - `serialToolMissing`: Linux lists serial ports with `udevadm` (package `udev`), which a minimal system lacks;
 *   the port path can still be typed by hand.
 * - `serialListFailed` / `hidListFailed`: any other failure of the OS listing (e.g. libusb missing for HID).
 */
export type DeviceListProblemCode = 'serialToolMissing' | 'serialListFailed' | 'hidListFailed'

export interface DeviceListProblem {
  code: DeviceListProblemCode
  /** The operating system's own words, for the details a manager may open. */
  detail: string
}
