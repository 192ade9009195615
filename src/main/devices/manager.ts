/**
 * Runs the scanners configured for this station (HID and serial) and hands their scans to the
 * screens: every scan is kept here for a minute under an id and announced as a 'device.scan'
 * event; the counter asks for a look-up by that id, so the exact bytes the device delivered
 * (already normalised in main) are what gets decided — nothing is re-typed or re-escaped.
 */
import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import type { ScanEvent } from '../../shared/scan'
import type { DeviceScanNotice, DevicesConfig, DeviceStatus } from '../../shared/devices'
import { HidScanner } from './hid/hidScanner'
import type { HidApi } from './hid/hidApi'
import type { Scanner } from './scanner'
import {
  DevicesConfigSchema,
  type hidScannerConfigSchema,
  type serialScannerConfigSchema
} from '../../shared/scannerConfig'
import { SerialScanner } from './serial/serialScanner'

const KEEP_SCANS_MS = 60_000

export interface DeviceManagerOptions {
  /** Loaded lazily: node-hid needs libusb, and a station without HID scanners must not need it. */
  hidApi: () => HidApi
  createScanner?: (kind: 'hid' | 'serial', config: unknown) => Scanner
  onScan: (notice: DeviceScanNotice) => void
  onStatus: (status: DeviceStatus) => void
  now?: () => number
}

export class DeviceManager {
  private scanners: Scanner[] = []
  /** By position in the configuration ('serial:0'), so two scanners with one label stay apart. */
  private readonly statuses = new Map<string, DeviceStatus>()
  private readonly recent = new Map<string, ScanEvent>()
  private readonly now: () => number

  constructor(private readonly options: DeviceManagerOptions) {
    this.now = options.now ?? Date.now
  }

  /** Stops what runs and starts what the configuration names. */
  async apply(config: DevicesConfig): Promise<void> {
    // Validate first: a configuration that cannot run must not stop the scanners that do.
    const parsed = DevicesConfigSchema.parse(config)
    await this.stop()
    // Statuses belong to the scanners just stopped; the new ones report their own as they start.
    this.statuses.clear()
    const create = this.options.createScanner ?? ((kind, c) => this.createReal(kind, c))
    const slots = [
      ...parsed.hid.map((c, index) => ({ kind: 'hid' as const, index, scanner: create('hid', c) })),
      ...parsed.serial.map((c, index) => ({ kind: 'serial' as const, index, scanner: create('serial', c) }))
    ]
    this.scanners = slots.map((s) => s.scanner)
    for (const { kind, index, scanner } of slots) {
      scanner.on('scan', (event) => this.deliver(event))
      scanner.on('status', (event) => {
        const status: DeviceStatus = {
          kind,
          index,
          device: event.device,
          status: event.status,
          at: event.at,
          ...(event.message !== undefined ? { message: event.message } : {})
        }
        // Stopping the old scanners reports them disconnected after the clear above: not theirs to keep.
        if (!this.scanners.includes(scanner)) return
        this.statuses.set(`${kind}:${index}`, status)
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

  statusList(): DeviceStatus[] {
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
      normalized: event.normalized,
      rejected:
        'rejected' in event.normalized
          ? { reason: event.normalized.reason, params: event.normalized.params }
          : null
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
