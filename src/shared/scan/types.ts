/**
 * What one scan becomes after normalisation. Every input kind (wedge, HID, serial, camera, manual) ends up
 * as one of these shapes, so the redemption path never sees raw scanner bytes.
 */
import type { EpochMs } from '../time'

export type ScanSource = 'wedge' | 'hid' | 'serial' | 'camera' | 'manual'

/** A plain code (kept as an opaque string: leading zeros matter) or an encrypt_code that needs decrypting. */
export type NormalizedScan =
  | { kind: 'code'; code: string; cardId?: string }
  | { kind: 'encrypted'; encryptCode: string; cardId?: string }

export type ScanRejectReason =
  | 'EMPTY'
  | 'TOO_LONG'
  | 'BINARY_GARBAGE'
  | 'IME_MANGLED'
  | 'NON_ASCII'
  | 'INVALID_CHARACTERS'
  | 'MALFORMED_URL'
  | 'URL_WITHOUT_CODE'
  | 'BAD_ENCRYPT_CODE'
  | 'BAD_CARD_ID'
  | 'FRAME_OVERFLOW'

/** The values a refusal's words use (the catalogue's `scanReject.<reason>`). */
export interface RejectParams {
  /** The limit that was exceeded (characters or bytes), for TOO_LONG and FRAME_OVERFLOW. */
  max?: number
}

/** A refused scan: a code and params, never words; scanRejectText says it in the reader's language. */
export interface RejectedScan {
  rejected: true
  reason: ScanRejectReason
  params: RejectParams
}

export type ScanResult = NormalizedScan | RejectedScan

export interface ScanEvent {
  source: ScanSource
  /** A human label of the device, e.g. 'HID 0C2E:0B87' or '/dev/ttyACM0'; logged with every scan. */
  device: string
  /** The raw input with control characters made visible (\r, \x1D), for logs and the diagnostics screen. */
  raw: string
  normalized: ScanResult
  at: EpochMs
}

export const isRejectedScan = (result: ScanResult): result is RejectedScan => 'rejected' in result
