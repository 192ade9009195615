/**
 * The part of serialport's SerialPort the scanner uses, so tests can hand in SerialPortMock or a fake and
 * the real port is created in one place.
 */
import { SerialPort } from 'serialport'

export interface SerialOpenOptions {
  path: string
  baudRate: number
  dataBits: 5 | 6 | 7 | 8
  parity: 'none' | 'even' | 'odd' | 'mark' | 'space'
  stopBits: 1 | 1.5 | 2
}

export interface SerialPortLike {
  readonly isOpen: boolean
  open(callback: (error: Error | null) => void): void
  close(callback?: (error?: Error | null) => void): void
  on(event: 'data', listener: (chunk: Buffer) => void): unknown
  on(event: 'close', listener: (error?: (Error & { disconnected?: boolean }) | null) => void): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
  removeAllListeners(): unknown
}

export type SerialPortFactory = (options: SerialOpenOptions) => SerialPortLike

/** autoOpen off: the scanner opens explicitly so an open failure reaches its callback, not an 'error' event. */
export const createSystemSerialPort: SerialPortFactory = (options) =>
  new SerialPort({ ...options, autoOpen: false })
