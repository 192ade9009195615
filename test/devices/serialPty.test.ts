/**
 * SerialScanner over a real pseudo-terminal pair (socat): the scanner reads one end, the test plays the
 * scanner hardware on the other. Covers what a mock binding cannot: real chunking, real unplug errors.
 */
import { once } from 'node:events'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SerialPort } from 'serialport'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SerialScanner } from '../../src/main/devices/serial/serialScanner'
import { createSystemSerialPort, type SerialPortLike } from '../../src/main/devices/serial/serialPortLike'
import type { SerialScannerConfigInput } from '../../src/shared/scannerConfig'
import type { ScanEvent } from '../../src/shared/scan'
import { nextStatus, record, type Recorder } from './support/events'
import { FakeClock } from './support/fakeClock'
import { pollUntil, startSocatPair, type SocatPair } from './support/socatPair'

async function openHost(path: string): Promise<SerialPort> {
  const port = new SerialPort({ path, baudRate: 9600, autoOpen: false })
  await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())))
  return port
}

async function send(port: SerialPort, data: string | Uint8Array): Promise<void> {
  await new Promise<void>((resolve, reject) =>
    port.write(data, (error) => (error ? reject(error) : resolve()))
  )
  await new Promise<void>((resolve, reject) => port.drain((error) => (error ? reject(error) : resolve())))
}

async function closeHost(port: SerialPort | undefined): Promise<void> {
  if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()))
}

/** A pty pair, a SerialScanner on one end (its real ports recorded) and a host port on the other. */
class PtyRig {
  dir = ''
  pair: SocatPair | undefined
  host: SerialPort | undefined
  readonly ports: SerialPortLike[] = []
  scanner!: SerialScanner
  events!: Recorder

  async start(config: Partial<SerialScannerConfigInput>, clock?: FakeClock): Promise<void> {
    this.dir = await mkdtemp(join(tmpdir(), 'hexiao-pty-'))
    this.pair = await startSocatPair(this.dir)
    this.scanner = new SerialScanner(
      { path: this.pair.scannerSide, reopen: { initialMs: 50, maxMs: 200 }, ...config },
      {
        ...(clock === undefined ? {} : { clock }),
        createPort: (options) => {
          const port = createSystemSerialPort(options)
          this.ports.push(port)
          return port
        }
      }
    )
    this.events = record(this.scanner)
    const connected = nextStatus(this.scanner, 'connected')
    await this.scanner.start()
    await connected
    this.host = await openHost(this.pair.hostSide)
  }

  /** Scans that arrive after `from`, waiting (with a deadline) until there are `count` of them. */
  async scansAfter(from: number, count: number): Promise<ScanEvent[]> {
    return (await this.events.scansReach(from + count)).slice(from)
  }

  async stop(): Promise<void> {
    await this.scanner?.stop()
    await closeHost(this.host)
    await this.pair?.stop()
    if (this.dir !== '') await rm(this.dir, { recursive: true, force: true })
  }
}

describe('SerialScanner on a real pty pair: framing', () => {
  const rig = new PtyRig()
  beforeAll(() => rig.start({ maxFrameBytes: 64 }))
  afterAll(() => rig.stop())

  it('reads a whole frame', async () => {
    const from = rig.events.scans.length
    await send(rig.host!, '110201201245\r\n')
    const [scan] = await rig.scansAfter(from, 1)
    expect(scan).toMatchObject({ source: 'serial', device: rig.pair!.scannerSide, raw: '110201201245' })
    expect(scan?.normalized).toEqual({ kind: 'code', code: '110201201245' })
  })

  it('joins a frame written in two halves', async () => {
    const from = rig.events.scans.length
    const port = rig.ports.at(-1)! as unknown as SerialPort
    const firstHalf = once(port, 'data')
    await send(rig.host!, '000123')
    await firstHalf
    expect(rig.events.scans).toHaveLength(from)
    await send(rig.host!, '456789\r')
    const scans = await rig.scansAfter(from, 1)
    expect(scans.map((s) => s.normalized)).toEqual([{ kind: 'code', code: '000123456789' }])
  })

  it('splits several frames in one write, in order', async () => {
    const from = rig.events.scans.length
    await send(rig.host!, '111111111111\r222222222222\r\n333333333333\r')
    const scans = await rig.scansAfter(from, 3)
    expect(scans.map((s) => s.normalized)).toEqual(
      ['111111111111', '222222222222', '333333333333'].map((code) => ({ kind: 'code', code }))
    )
  })

  it('reports garbage bytes as a rejected scan and keeps reading', async () => {
    const from = rig.events.scans.length
    await send(rig.host!, Uint8Array.from([0x00, 0xff, 0xfe, 0x01, 0x0d]))
    await send(rig.host!, '6957842208856\r')
    const [garbage, next] = await rig.scansAfter(from, 2)
    expect(garbage?.raw).toBe('\\x00\\uFFFD\\uFFFD\\x01')
    expect(garbage?.normalized).toMatchObject({ rejected: true, reason: 'BINARY_GARBAGE' })
    expect(next?.normalized).toEqual({ kind: 'code', code: '6957842208856' })
  })

  it('reports a frame that never ends as overflow and delivers no code from it', async () => {
    const from = rig.events.scans.length
    await send(rig.host!, '9'.repeat(100))
    await send(rig.host!, '\r000123456789\r')
    const [overflow, next] = await rig.scansAfter(from, 2)
    expect(overflow?.normalized).toMatchObject({ rejected: true, reason: 'FRAME_OVERFLOW' })
    expect(overflow?.raw).toBe('9'.repeat(64))
    expect(next?.normalized).toEqual({ kind: 'code', code: '000123456789' })
  })
})

describe('SerialScanner on a real pty pair: idle timeout', () => {
  const rig = new PtyRig()
  const clock = new FakeClock()
  beforeAll(() => rig.start({ idleTimeoutMs: 150 }, clock))
  afterAll(() => rig.stop())

  it('ends a frame without suffix after the configured silence', async () => {
    const port = rig.ports.at(-1)! as unknown as SerialPort
    let received = 0
    port.on('data', (chunk: Buffer) => (received += chunk.length))
    await send(rig.host!, '110201201245')
    await pollUntil('12 bytes on the scanner side', () => received === 12)
    clock.advance(149)
    expect(rig.events.scans).toHaveLength(0)
    clock.advance(1)
    expect(rig.events.scans.map((s) => s.normalized)).toEqual([{ kind: 'code', code: '110201201245' }])
  })
})

describe('SerialScanner on a real pty pair: unplug and replug', () => {
  const rig = new PtyRig()
  beforeAll(() => rig.start({}))
  afterAll(() => rig.stop())

  it('reports the port gone, retries, and reads again once the same path is back', async () => {
    const { scanner } = rig
    await send(rig.host!, '111111111111\r')
    await rig.scansAfter(0, 1)

    await closeHost(rig.host)
    // How soon Linux reports a vanished pty to serialport depends on load; allow it time (a wait, not a timing claim).
    const disconnected = nextStatus(scanner, 'disconnected', 20_000)
    const reopening = nextStatus(scanner, 'reopening', 20_000)
    await rig.pair!.stop()
    expect((await disconnected).message).toBeTruthy()
    const firstRetry = await reopening
    expect(firstRetry.attempt).toBe(1)
    const secondRetry = await nextStatus(scanner, 'reopening')
    expect(secondRetry).toMatchObject({ attempt: 2, message: expect.stringMatching(/No such file/) })
    expect(scanner.isConnected).toBe(false)

    const connected = nextStatus(scanner, 'connected')
    rig.pair = await startSocatPair(rig.dir)
    await connected
    rig.host = await openHost(rig.pair.hostSide)
    const from = rig.events.scans.length
    await send(rig.host, '222222222222\r')
    const [scan] = await rig.scansAfter(from, 1)
    expect(scan?.normalized).toEqual({ kind: 'code', code: '222222222222' })
    expect(rig.events.statuses.map((s) => s.status)).toEqual(
      expect.arrayContaining(['connected', 'disconnected', 'reopening', 'connected'])
    )
  })
})
