/**
 * A scanner on USB HID: HID POS (page 0x8C) or a keyboard-protocol device read raw (Linux with udev only;
 * Windows and macOS keep keyboards to themselves). Opens the configured collection, decodes its reports,
 * and reopens it after an unplug by polling the device list with back-off.
 */
import { systemClock, type Clock, type TimerHandle } from '../../clock/clock'
import { DeviceAbsentError, errorMessage, ReconnectingScanner } from '../reconnectingScanner'
import { hidScannerKind, selectHidDevice } from './deviceMatch'
import type { HidApi, HidDeviceInfo, HidHandle } from './hidApi'
import {
  hidScannerConfigSchema,
  type HidScannerConfig,
  type HidScannerConfigInput
} from '../../../shared/scannerConfig'
import { HidPosAssembler } from './hidPosAssembler'
import { KeyboardReportDecoder } from './keyboardReport'

export interface HidScannerOptions {
  api: HidApi
  clock?: Clock
}

const hex4 = (n: number): string => n.toString(16).toUpperCase().padStart(4, '0')

function defaultLabel(config: HidScannerConfig): string {
  if (config.label !== undefined) return config.label
  if (config.path !== undefined) return `HID ${config.path}`
  const product = config.productId === undefined ? '*' : hex4(config.productId)
  return `HID ${hex4(config.vendorId ?? 0)}:${product}`
}

/** Boot keyboard reports are 8 bytes (9 with a report ID); HID POS reports are 63–64. */
const looksLikeKeyboardReport = (report: Uint8Array): boolean => report.length === 8 || report.length === 9

export class HidScanner extends ReconnectingScanner {
  private readonly config: HidScannerConfig
  private readonly api: HidApi
  private handle: HidHandle | undefined
  private protocol: 'hid-pos' | 'keyboard' | 'auto' = 'auto'
  private readonly hidPos = new HidPosAssembler()
  private readonly keyboard = new KeyboardReportDecoder()
  private idleTimer: TimerHandle | undefined

  constructor(config: HidScannerConfigInput, options: HidScannerOptions) {
    const parsed = hidScannerConfigSchema.parse(config)
    const clock = options.clock ?? systemClock
    super({
      source: 'hid',
      device: defaultLabel(parsed),
      clock,
      reopen: parsed.reopen,
      normalizer: parsed.normalizer
    })
    this.config = parsed
    this.api = options.api
  }

  protected async openDevice(connection: number): Promise<void> {
    const info = selectHidDevice(await this.api.devicesAsync(), this.config)
    if (info === undefined) throw new DeviceAbsentError(`${this.device} is not connected`)
    const handle = await this.api.open(info.path)
    this.handle = handle
    this.protocol = this.protocolFor(info)
    this.hidPos.reset()
    this.keyboard.reset()
    handle.on('data', (report) => this.onReport(report))
    handle.on('error', (error) => this.deviceLost(connection, errorMessage(error)))
    handle.on('close', () => this.deviceLost(connection, 'device closed'))
  }

  protected async closeDevice(): Promise<void> {
    this.cancelIdleFlush()
    const handle = this.handle
    this.handle = undefined
    if (handle === undefined) return
    handle.removeAllListeners()
    // node-hid may still report the read failure of an unplugged device; an unheard 'error' would crash.
    handle.on('error', () => undefined)
    try {
      await handle.close()
    } catch {
      // Closing a device that is already gone fails; it is closed either way.
    }
  }

  private protocolFor(info: HidDeviceInfo): 'hid-pos' | 'keyboard' | 'auto' {
    if (this.config.protocol !== 'auto') return this.config.protocol
    const kind = hidScannerKind(info)
    return kind === 'other' ? 'auto' : kind
  }

  private onReport(data: Uint8Array): void {
    const report = new Uint8Array(data)
    const keyboard =
      this.protocol === 'keyboard' || (this.protocol === 'auto' && looksLikeKeyboardReport(report))
    if (!keyboard) {
      const label = this.hidPos.push(report, this.clock.now())
      if (label !== undefined) this.emitScan(label.text)
      return
    }
    for (const scan of this.keyboard.push(report)) this.emitScan(scan)
    this.scheduleIdleFlush()
  }

  private scheduleIdleFlush(): void {
    this.cancelIdleFlush()
    const idleMs = this.config.idleFlushMs
    if (idleMs === undefined || this.keyboard.pendingChars === 0) return
    this.idleTimer = this.clock.setTimeout(() => {
      this.idleTimer = undefined
      const scan = this.keyboard.flush()
      if (scan !== undefined) this.emitScan(scan)
    }, idleMs)
  }

  private cancelIdleFlush(): void {
    if (this.idleTimer !== undefined) this.clock.clearTimeout(this.idleTimer)
    this.idleTimer = undefined
  }
}
