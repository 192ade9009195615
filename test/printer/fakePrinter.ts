/**
 * A fake ESC/POS printer that answers real-time status (DLE EOT n) as the hardware does, over a TCP server
 * on loopback (a network printer on port 9100) or the far end of a socat pty pair (a serial printer).
 * `state` picks its answers; 'silent' never answers (a printer switched off behind a live connection).
 */
import { createServer, type Server, type Socket } from 'node:net'
import { SerialPort } from 'serialport'

export type FakeState = 'ready' | 'paperLow' | 'paperOut' | 'coverOpen' | 'error' | 'silent'

/** The three answer bytes (n=1 printer, n=2 offline cause, n=4 roll paper) for each state. */
const ANSWERS: Record<Exclude<FakeState, 'silent'>, Record<number, number>> = {
  ready: { 1: 0x12, 2: 0x12, 4: 0x12 },
  paperLow: { 1: 0x12, 2: 0x12, 4: 0x1e },
  paperOut: { 1: 0x1a, 2: 0x32, 4: 0x72 },
  coverOpen: { 1: 0x1a, 2: 0x16, 4: 0x12 },
  // an auto-cutter or unrecoverable error: offline, cause bit 6
  error: { 1: 0x1a, 2: 0x52, 4: 0x12 }
}

/** Finds DLE EOT n in what arrived and answers each (a status query is 3 bytes that can split across chunks). */
class StatusResponder {
  private tail = Buffer.alloc(0)
  constructor(
    private readonly state: () => FakeState,
    private readonly reply: (byte: number) => void
  ) {}

  feed(chunk: Buffer): void {
    const data = Buffer.concat([this.tail, chunk])
    let i = 0
    for (; i + 2 < data.length; i++) {
      if (data[i] === 0x10 && data[i + 1] === 0x04) {
        const state = this.state()
        const answer = state === 'silent' ? undefined : ANSWERS[state][data[i + 2]!]
        if (answer !== undefined) this.reply(answer)
        i += 2
      }
    }
    this.tail = data.subarray(Math.max(i, data.length - 2))
  }
}

export class FakeNetworkPrinter {
  state: FakeState = 'ready'
  /** Everything each connection sent, one entry per closed connection. */
  readonly sessions: Buffer[] = []
  private server: Server | null = null
  private readonly sockets = new Set<Socket>()
  port = 0

  async start(): Promise<void> {
    this.server = createServer((socket) => {
      this.sockets.add(socket)
      const chunks: Buffer[] = []
      const responder = new StatusResponder(
        () => this.state,
        (byte) => socket.write(Buffer.from([byte]))
      )
      socket.on('data', (chunk: Buffer) => {
        chunks.push(chunk)
        responder.feed(chunk)
      })
      socket.on('error', () => {})
      socket.on('close', () => {
        this.sockets.delete(socket)
        this.sessions.push(Buffer.concat(chunks))
      })
    })
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    const address = this.server.address()
    this.port = typeof address === 'object' && address ? address.port : 0
  }

  /** No connection open: every session so far is in `sessions` (a job is marked done before its link closes). */
  idle(): boolean {
    return this.sockets.size === 0
  }

  /** Sessions that carried more than status queries: the papers printed. */
  printed(): Buffer[] {
    return this.sessions.filter((s) => s.some((byte) => byte === 0x1b))
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy()
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()))
  }
}

/** The printer's end of a pty pair: everything received in one buffer, status answered. */
export class FakeSerialPrinter {
  state: FakeState = 'ready'
  private port: SerialPort | null = null
  private readonly chunks: Buffer[] = []

  async start(path: string): Promise<void> {
    const port = new SerialPort({ path, baudRate: 9600, autoOpen: false })
    await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())))
    const responder = new StatusResponder(
      () => this.state,
      (byte) => port.write(Buffer.from([byte]))
    )
    port.on('data', (chunk: Buffer) => {
      this.chunks.push(chunk)
      responder.feed(chunk)
    })
    this.port = port
  }

  received(): Buffer {
    return Buffer.concat(this.chunks)
  }

  clear(): void {
    this.chunks.length = 0
  }

  async stop(): Promise<void> {
    const port = this.port
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()))
  }
}
