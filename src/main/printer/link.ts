/**
 * A connection to the printer for one job or one status check: send bytes, ask a real-time status. Opened
 * per use and closed after: a network printer on port 9100 serves one connection at a time (the till's
 * other software may need it), and a serial port left open would keep the port locked. The one place the
 * real transports are created; tests use them too, against a fake printer on loopback or a socat pty.
 */
import { Socket } from 'node:net'
import { open as openFile } from 'node:fs/promises'
import { SerialPort } from 'serialport'
import type { PrinterConnection } from '../../shared/printer'
import { realTimeStatus } from './escpos'

export interface PrinterLink {
  /** false when the transport cannot read an answer (a printer device node written blind). */
  readonly canAsk: boolean
  /** Sends DLE EOT n and resolves with the printer's one-byte answer, or null after the deadline. */
  ask(n: 1 | 2 | 4): Promise<number | null>
  write(bytes: Buffer): Promise<void>
  close(): Promise<void>
}

export interface LinkTimeouts {
  connectMs: number
  answerMs: number
  /** A paper still not taken after this long (a printer that stopped reading) fails as offline. */
  writeMs: number
}

export const DEFAULT_TIMEOUTS: LinkTimeouts = { connectMs: 3_000, answerMs: 1_000, writeMs: 15_000 }

export type PrinterConnector = (connection: PrinterConnection, timeouts: LinkTimeouts) => Promise<PrinterLink>

/** Bytes the printer sent, handed to whoever asked; anything unasked (automatic status back) is dropped. */
class Answers {
  private waiting: ((byte: number | null) => void) | null = null

  push(chunk: Buffer): void {
    const resolve = this.waiting
    if (resolve && chunk.length > 0) {
      this.waiting = null
      resolve(chunk[chunk.length - 1] ?? null)
    }
  }

  next(answerMs: number): Promise<number | null> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting = null
        resolve(null)
      }, answerMs)
      this.waiting = (byte) => {
        clearTimeout(timer)
        resolve(byte)
      }
    })
  }

  /** The link closed or broke: whoever waits gets no answer now instead of at the deadline. */
  fail(): void {
    const resolve = this.waiting
    this.waiting = null
    resolve?.(null)
  }
}

/** A two-way link (network, serial): it can ask the printer's real-time status and read the answer. */
function askingLink(answers: Answers, write: (bytes: Buffer) => Promise<void>, t: LinkTimeouts) {
  return {
    canAsk: true,
    ask: async (n: Parameters<typeof realTimeStatus>[0]) => {
      // Listen before asking: a quick printer answers before write() returns.
      const answer = answers.next(t.answerMs)
      await write(realTimeStatus(n))
      return answer
    },
    write
  } satisfies Omit<PrinterLink, 'close'>
}

async function networkLink(host: string, port: number, t: LinkTimeouts): Promise<PrinterLink> {
  const socket = new Socket()
  const answers = new Answers()
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.destroy()
      reject(new Error(`no connection to ${host}:${port} within ${t.connectMs} ms`))
    }, t.connectMs)
    socket.once('error', (err) => {
      clearTimeout(timer)
      reject(err)
    })
    socket.connect(port, host, () => {
      clearTimeout(timer)
      resolve()
    })
  })
  let lost: Error | null = null
  socket.on('error', (err) => {
    lost = err
    answers.fail()
  })
  socket.on('close', () => answers.fail())
  socket.on('data', (chunk: Buffer) => answers.push(chunk))
  const write = (bytes: Buffer) =>
    new Promise<void>((resolve, reject) => {
      if (lost) return reject(lost)
      socket.write(bytes, (err) => (err ? reject(err) : resolve()))
    })
  return {
    ...askingLink(answers, write, t),
    // end() lets the last bytes go; a printer that stopped reading never lets it finish, so destroy after a grace.
    close: () =>
      new Promise<void>((resolve) => {
        if (socket.destroyed) return resolve()
        const force = setTimeout(() => socket.destroy(), 2_000)
        socket.once('close', () => {
          clearTimeout(force)
          resolve()
        })
        socket.end()
      })
  }
}

async function serialLink(path: string, baudRate: number, t: LinkTimeouts): Promise<PrinterLink> {
  const port = new SerialPort({ path, baudRate, dataBits: 8, parity: 'none', stopBits: 1, autoOpen: false })
  const answers = new Answers()
  await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())))
  port.on('data', (chunk: Buffer) => answers.push(chunk))
  port.on('error', () => answers.fail())
  port.on('close', () => answers.fail())
  const write = (bytes: Buffer) =>
    new Promise<void>((resolve, reject) =>
      port.write(bytes, (err) => (err ? reject(err) : port.drain((e) => (e ? reject(e) : resolve()))))
    )
  return {
    ...askingLink(answers, write, t),
    close: () =>
      new Promise<void>((resolve) => {
        if (!port.isOpen) return resolve()
        port.close(() => resolve())
      })
  }
}

/** A printer node (Linux /dev/usb/lp0, a Windows shared printer path): written, not read. */
async function deviceLink(path: string): Promise<PrinterLink> {
  const file = await openFile(path, 'w')
  return {
    canAsk: false,
    ask: () => Promise.resolve(null),
    write: async (bytes) => {
      await file.write(bytes)
    },
    close: () => file.close().catch(() => {})
  }
}

export const systemConnector: PrinterConnector = (connection, timeouts) => {
  switch (connection.kind) {
    case 'network':
      return networkLink(connection.host, connection.port, timeouts)
    case 'serial':
      return serialLink(connection.path, connection.baudRate, timeouts)
    case 'device':
      return deviceLink(connection.path)
  }
}
