/**
 * A Scanner driven by hand, for tests of whatever consumes scans (the redemption flow, IPC wiring, UI
 * events) and for the training mode. Scans go through the real normalizer.
 */
import { EventEmitter } from 'node:events'
import {
  createScanEvent,
  DEFAULT_NORMALIZER_CONFIG,
  type NormalizerConfig,
  type ScanSource
} from '../../shared/scan'
import type { Scanner, ScannerEvents, ScannerState } from './scanner'

export class FakeScanner extends EventEmitter<ScannerEvents> implements Scanner {
  running = false

  constructor(
    readonly device = 'fake scanner',
    private readonly source: ScanSource = 'hid',
    private readonly normalizer: NormalizerConfig = DEFAULT_NORMALIZER_CONFIG,
    private readonly now: () => number = Date.now
  ) {
    super()
  }

  async start(): Promise<void> {
    this.running = true
    this.setStatus('connected')
  }

  async stop(): Promise<void> {
    if (!this.running) return
    this.running = false
    this.setStatus('disconnected', 'stopped')
  }

  /** Delivers a scan as if the device had read it (ignored while stopped, like a real device). */
  scan(raw: string): void {
    if (!this.running) return
    this.emit(
      'scan',
      createScanEvent({ source: this.source, device: this.device, at: this.now() }, raw, this.normalizer)
    )
  }

  setStatus(status: ScannerState, message?: string): void {
    this.emit('status', {
      device: this.device,
      status,
      ...(message === undefined ? {} : { message }),
      at: this.now()
    })
  }
}
