/**
 * A scanner or scan box (扫码盒子) on a serial / USB-CDC port. Frames the byte stream, turns frames into
 * scans through the normalizer (garbage and overlong frames become rejected scans, never crashes), and
 * reopens the port with back-off after an unplug until the path is back.
 */
import { rejectScan } from '../../../shared/scan'
import { systemClock, type Clock, type TimerHandle } from '../../clock/clock'
import { DeviceAbsentError, errorMessage, ReconnectingScanner } from '../reconnectingScanner'
import {
  serialScannerConfigSchema,
  type SerialScannerConfig,
  type SerialScannerConfigInput
} from '../../../shared/scannerConfig'
import { SerialFramer, type SerialFrame } from './serialFramer'
import { createSystemSerialPort, type SerialPortFactory, type SerialPortLike } from './serialPortLike'

export interface SerialScannerOptions {
  clock?: Clock
  createPort?: SerialPortFactory
}

/** Open errors that mean "not plugged in (yet)" on Linux, macOS and Windows. */
const ABSENT = /ENOENT|No such file|cannot find|File not found|not found/i

const decode = (bytes: Uint8Array): string => Buffer.from(bytes).toString('utf8')

export class SerialScanner extends ReconnectingScanner {
  private readonly config: SerialScannerConfig
  private readonly createPort: SerialPortFactory
  private readonly framer: SerialFramer
  private port: SerialPortLike | undefined
  private idleTimer: TimerHandle | undefined

  constructor(config: SerialScannerConfigInput, options: SerialScannerOptions = {}) {
    const parsed = serialScannerConfigSchema.parse(config)
    super({
      source: 'serial',
      device: parsed.label ?? parsed.path,
      clock: options.clock ?? systemClock,
      reopen: parsed.reopen,
      normalizer: { ...parsed.normalizer, prefix: parsed.prefix, suffix: parsed.suffix }
    })
    this.config = parsed
    this.createPort = options.createPort ?? createSystemSerialPort
    this.framer = new SerialFramer({ delimiter: parsed.delimiter, maxFrameBytes: parsed.maxFrameBytes })
  }

  protected async openDevice(connection: number): Promise<void> {
    const { path, baudRate, dataBits, parity, stopBits } = this.config
    const port = this.createPort({ path, baudRate, dataBits, parity, stopBits })
    port.on('error', (error) => {
      if (!port.isOpen) this.deviceLost(connection, errorMessage(error))
      else this.emitStatus('error', { message: errorMessage(error) })
    })
    try {
      await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())))
    } catch (error) {
      port.removeAllListeners()
      const message = errorMessage(error)
      throw ABSENT.test(message) ? new DeviceAbsentError(message) : error
    }
    this.port = port
    this.framer.reset()
    port.on('data', (chunk) => this.onChunk(chunk))
    port.on('close', (error) => this.deviceLost(connection, error ? errorMessage(error) : 'port closed'))
  }

  protected async closeDevice(): Promise<void> {
    this.cancelIdleFlush()
    const port = this.port
    this.port = undefined
    if (port === undefined) return
    port.removeAllListeners()
    port.on('error', () => undefined)
    if (!port.isOpen) return
    await new Promise<void>((resolve) => port.close(() => resolve()))
  }

  private onChunk(chunk: Uint8Array): void {
    this.emitFrames(this.framer.push(chunk))
    this.cancelIdleFlush()
    const idleMs = this.config.idleTimeoutMs
    if (idleMs === undefined || this.framer.pendingBytes === 0) return
    this.idleTimer = this.clock.setTimeout(() => {
      this.idleTimer = undefined
      this.emitFrames(this.framer.flush())
    }, idleMs)
  }

  private emitFrames(frames: SerialFrame[]): void {
    for (const frame of frames) {
      const raw = decode(frame.bytes)
      if (frame.kind === 'frame') this.emitScan(raw)
      else this.emitScanResult(raw, rejectScan('FRAME_OVERFLOW', { max: this.config.maxFrameBytes }))
    }
  }

  private cancelIdleFlush(): void {
    if (this.idleTimer !== undefined) this.clock.clearTimeout(this.idleTimer)
    this.idleTimer = undefined
  }
}
