/**
 * The open → read → lost → reopen loop shared by HID and serial scanners. A cashier unplugs a scanner,
 * plugs it into another port, or the OS suspends USB; the station must come back by itself and say what
 * it is doing, without anyone restarting the app.
 */
import { EventEmitter } from 'node:events'
import {
  createScanEvent,
  scanEventOf,
  type NormalizerConfig,
  type ScanEvent,
  type ScanResult,
  type ScanSource
} from '../../shared/scan'
import type { ReopenPolicy } from '../../shared/scannerConfig'
import type { Clock, TimerHandle } from '../clock/clock'
import { reopenDelay } from './reopen'
import type { Scanner, ScannerEvents, ScannerState } from './scanner'

/** Thrown by openDevice when the device is simply not there (yet): reported as 'reopening', not 'error'. */
export class DeviceAbsentError extends Error {
  override readonly name = 'DeviceAbsentError'
}

export const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : String(error)

export interface ReconnectingScannerSettings {
  source: ScanSource
  device: string
  clock: Clock
  reopen: ReopenPolicy
  normalizer: NormalizerConfig
}

export abstract class ReconnectingScanner extends EventEmitter<ScannerEvents> implements Scanner {
  readonly device: string
  protected readonly clock: Clock
  private readonly settings: ReconnectingScannerSettings
  private running = false
  private attempts = 0
  private reopenTimer: TimerHandle | undefined
  /** Increments on every successful open; a loss reported for an older connection is ignored. */
  private connection = 0
  private connected = false

  protected constructor(settings: ReconnectingScannerSettings) {
    super()
    this.settings = settings
    this.device = settings.device
    this.clock = settings.clock
  }

  /** Opens the device and wires its events; throws DeviceAbsentError when it is not present. */
  protected abstract openDevice(connection: number): Promise<void>
  /** Releases the device; must not throw and must tolerate a device that is already gone. */
  protected abstract closeDevice(): Promise<void>

  async start(): Promise<void> {
    if (this.running) return
    this.running = true
    this.attempts = 0
    await this.attemptOpen()
  }

  async stop(): Promise<void> {
    if (!this.running) return
    this.running = false
    this.cancelReopen()
    const wasConnected = this.connected
    this.connected = false
    await this.closeDevice()
    if (wasConnected) this.emitStatus('disconnected', { message: 'stopped' })
  }

  get isConnected(): boolean {
    return this.connected
  }

  /** Subclasses call this when the device reports an error or closes under us. */
  protected deviceLost(connection: number, reason: string): void {
    if (!this.running || connection !== this.connection || !this.connected) return
    this.connected = false
    this.emitStatus('disconnected', { message: reason })
    void this.closeDevice().then(() => this.scheduleReopen(reason, 'reopening'))
  }

  protected emitScan(raw: string): void {
    this.emit('scan', createScanEvent(this.origin(), raw, this.settings.normalizer))
  }

  protected emitScanResult(raw: string, result: ScanResult): void {
    this.emit('scan', scanEventOf(this.origin(), raw, result))
  }

  protected emitStatus(
    status: ScannerState,
    extra: { message?: string; attempt?: number; retryInMs?: number } = {}
  ) {
    this.emit('status', { device: this.device, status, ...extra, at: this.clock.now() })
  }

  private origin(): Pick<ScanEvent, 'source' | 'device' | 'at'> {
    return { source: this.settings.source, device: this.device, at: this.clock.now() }
  }

  private async attemptOpen(): Promise<void> {
    this.reopenTimer = undefined
    const connection = this.connection + 1
    try {
      await this.openDevice(connection)
    } catch (error) {
      if (!this.running) return
      const state = error instanceof DeviceAbsentError ? 'reopening' : 'error'
      this.scheduleReopen(errorMessage(error), state)
      return
    }
    if (!this.running) {
      // stop() ran while the open was in flight: give the device back instead of leaking it.
      await this.closeDevice()
      return
    }
    this.connection = connection
    this.connected = true
    this.attempts = 0
    this.emitStatus('connected')
  }

  private scheduleReopen(reason: string, state: 'reopening' | 'error'): void {
    if (!this.running || this.reopenTimer !== undefined) return
    this.attempts += 1
    const retryInMs = reopenDelay(this.attempts, this.settings.reopen)
    this.emitStatus(state, { message: reason, attempt: this.attempts, retryInMs })
    this.reopenTimer = this.clock.setTimeout(() => void this.attemptOpen(), retryInMs)
  }

  private cancelReopen(): void {
    if (this.reopenTimer !== undefined) this.clock.clearTimeout(this.reopenTimer)
    this.reopenTimer = undefined
  }
}
