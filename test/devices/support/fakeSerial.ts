import { EventEmitter } from 'node:events'
import type { SerialOpenOptions, SerialPortLike } from '../../../src/main/devices/serial/serialPortLike'

/** Behaves like serialport's SerialPort for open/close/data; the test injects bytes and unplugs. */
export class FakeSerialPort extends EventEmitter implements SerialPortLike {
  isOpen = false

  constructor(
    readonly options: SerialOpenOptions,
    private readonly openError: Error | undefined
  ) {
    super()
  }

  open(callback: (error: Error | null) => void): void {
    if (this.openError) return callback(this.openError)
    this.isOpen = true
    callback(null)
  }

  close(callback?: (error?: Error | null) => void): void {
    this.isOpen = false
    this.emit('close', null)
    callback?.(null)
  }

  receive(text: string | Uint8Array): void {
    this.emit('data', Buffer.from(text))
  }

  /** What serialport does when a read fails on an unplugged device. */
  unplug(): void {
    this.isOpen = false
    this.emit('close', Object.assign(new Error('Input/output error'), { disconnected: true }))
  }
}

export class FakeSerialPorts {
  readonly created: FakeSerialPort[] = []
  openError: Error | undefined

  readonly factory = (options: SerialOpenOptions): FakeSerialPort => {
    const port = new FakeSerialPort(options, this.openError)
    this.created.push(port)
    return port
  }

  get current(): FakeSerialPort {
    const port = this.created.at(-1)
    if (port === undefined) throw new Error('no port was created')
    return port
  }
}
