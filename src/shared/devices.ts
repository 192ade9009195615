/** Scanner devices as the screens see them. */
import type { LocalizedText, ScanSource } from './scan'
import type { EpochMs } from './time'

/** The configuration the devices page edits (validated in main with the device schemas). */
export interface DevicesConfig {
  hid: unknown[]
  serial: unknown[]
}

/** A scan from a HID or serial scanner, announced to every screen; the counter looks it up by scanId. */
export interface DeviceScanNotice {
  scanId: string
  source: ScanSource
  device: string
  /** Escaped for display. */
  raw: string
  at: EpochMs
  /** Set when the normalizer refused the scan (garbage, IME junk, overlong frame). */
  rejected: LocalizedText | null
}

export interface DeviceStatus {
  device: string
  status: 'connected' | 'disconnected' | 'reopening' | 'error'
  message?: string
  at: EpochMs
}

export interface DeviceListing {
  hid: { path: string; vendorId: number; productId: number; product: string | null; kind: string }[]
  serial: { path: string; kind: string; manufacturer: string | null }[]
  /** Why a list could not be read (e.g. libusb missing), in plain words. */
  problems: string[]
}
