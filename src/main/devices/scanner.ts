/**
 * The one shape every main-process scanner has (HID, serial, the fake), so the app wires scans and device
 * status to the renderer without knowing which kind of device is plugged in.
 */
import type { ScanEvent } from '../../shared/scan'
import type { EpochMs } from '../../shared/time'

export type ScannerState = 'connected' | 'disconnected' | 'reopening' | 'error'

export interface ScannerStatusEvent {
  device: string
  status: ScannerState
  /** Why, in words for logs and the settings screen (e.g. the OS error, 'stopped'). */
  message?: string
  /** For 'reopening': which attempt is scheduled and when it runs. */
  attempt?: number
  retryInMs?: number
  at: EpochMs
}

export interface ScannerEvents {
  scan: [ScanEvent]
  status: [ScannerStatusEvent]
}

export interface Scanner {
  /** Stable label used in every event, e.g. 'HID 0C2E:0B87' or '/dev/ttyACM0'. */
  readonly device: string
  /** Opens the device, or keeps retrying in the background until it appears. Resolves after the first try. */
  start(): Promise<void>
  /** Closes the device and cancels any pending reopen. Safe to call more than once. */
  stop(): Promise<void>
  on<E extends keyof ScannerEvents>(event: E, listener: (...args: ScannerEvents[E]) => void): this
  off<E extends keyof ScannerEvents>(event: E, listener: (...args: ScannerEvents[E]) => void): this
}
