/**
 * Runs the scanners configured for this station (HID and serial) and hands their scans to the
 * screens: every scan is kept here for a minute under an id and announced as a 'device.scan'
 * event; the counter asks for a look-up by that id, so the exact bytes the device delivered
 * (already normalised in main) are what gets decided — nothing is re-typed or re-escaped.
 */
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import type { ScanEvent } from '../../shared/scan'
import type { DeviceScanNotice, DevicesConfig } from '../../shared/devices'
import { hidScannerConfigSchema } from './hid/hidConfig'
import { HidScanner } from './hid/hidScanner'
import type { HidApi } from './hid/hidApi'
import type { Scanner, ScannerStatusEvent } from './scanner'
import { serialScannerConfigSchema } from './serial/serialConfig'
import { SerialScanner } from './serial/serialScanner'

export const DevicesConfigSchema = z
  .object({
    hid: z.array(hidScannerConfigSchema).max(8).default([]),
    serial: z.array(serialScannerConfigSchema).max(8).default([])
  })
  .strict()

const KEEP_SCANS_MS = 60_000

export interface DeviceManagerOptions {
  /** Loaded lazily: node-hid needs libusb, and a station without HID scanners must not need it. */
  hidApi: () => HidApi
  createScanner?: (kind: 'hid' | 'serial', config: unknown) => Scanner
  onScan: (notice: DeviceScanNotice) => void
  onStatus: (status: ScannerStatusEvent) => void
  now?: () => number
}

export class DeviceManager {
  private scanners: Scanner[] = []
  private readonly statuses = new Map<string, ScannerStatusEvent>()
  private readonly recent = new Map<string, ScanEvent>()
  private readonly now: () => number

  constructor(private readonly options: DeviceManagerOptions) {
    this.now = options.now ?? Date.now
  }

  /** Stops what runs and starts what the configuration names. */
  async apply(config: DevicesConfig): Promise<void> {
    await this.stop()
    const parsed = DevicesConfigSchema.parse(config)
    const create = this.options.createScanner ?? ((kind, c) => this.createReal(kind, c))
    this.scanners = [
      ...parsed.hid.map((c) => create('hid', c)),
      ...parsed.serial.map((c) => create('serial', c))
    ]
    for (const scanner of this.scanners) {
      scanner.on('scan', (event) => this.deliver(event))
      scanner.on('status', (status) => {
        this.statuses.set(status.device, status)
        this.options.onStatus(status)
      })
      await scanner.start()
    }
  }

  async stop(): Promise<void> {
    const running = this.scanners
    this.scanners = []
    await Promise.all(running.map((s) => s.stop()))
  }

  statusList(): ScannerStatusEvent[] {
    return [...this.statuses.values()]
  }

  /** The scan behind a 'device.scan' notice, once; null when unknown or older than a minute. */
  take(scanId: string): ScanEvent | null {
    this.sweep()
    const event = this.recent.get(scanId) ?? null
    this.recent.delete(scanId)
    return event
  }

  private deliver(event: ScanEvent): void {
    this.sweep()
    const scanId = randomUUID()
    this.recent.set(scanId, event)
    this.options.onScan({
      scanId,
      source: event.source,
      device: event.device,
      raw: event.raw,
      at: event.at,
      rejected: 'rejected' in event.normalized ? event.normalized.message : null
    })
  }

  private sweep(): void {
    const cutoff = this.now() - KEEP_SCANS_MS
    for (const [id, event] of this.recent) if (event.at < cutoff) this.recent.delete(id)
  }

  private createReal(kind: 'hid' | 'serial', config: unknown): Scanner {
    return kind === 'hid'
      ? new HidScanner(config as z.input<typeof hidScannerConfigSchema>, { api: this.options.hidApi() })
      : new SerialScanner(config as z.input<typeof serialScannerConfigSchema>)
  }
}
