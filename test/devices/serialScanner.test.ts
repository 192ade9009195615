/** SerialScanner logic over a fake port and a fake clock; the real-pty behaviour is in serialPty.test.ts. */
import { afterEach, describe, expect, it } from 'vitest'
import { SerialScanner } from '../../src/main/devices/serial/serialScanner'
import type { SerialScannerConfigInput } from '../../src/shared/scannerConfig'
import { nextStatus, record } from './support/events'
import { FakeClock } from './support/fakeClock'
import { FakeSerialPorts } from './support/fakeSerial'

let scanner: SerialScanner | undefined
afterEach(async () => {
  await scanner?.stop()
  scanner = undefined
})

function setup(config: Partial<SerialScannerConfigInput> = {}) {
  const ports = new FakeSerialPorts()
  const clock = new FakeClock()
  scanner = new SerialScanner(
    { path: '/dev/ttyACM0', reopen: { initialMs: 250, maxMs: 2_000 }, ...config },
    { clock, createPort: ports.factory }
  )
  return { ports, clock, scanner, events: record(scanner) }
}

describe('SerialScanner', () => {
  it('opens the port with the configured line settings', async () => {
    const { ports, scanner, events } = setup({ baudRate: 115200, parity: 'odd', dataBits: 7, stopBits: 2 })
    await scanner.start()
    expect(ports.current.options).toEqual({
      path: '/dev/ttyACM0',
      baudRate: 115200,
      dataBits: 7,
      parity: 'odd',
      stopBits: 2
    })
    expect(events.statuses.map((s) => s.status)).toEqual(['connected'])
  })

  it('strips the configured prefix and suffix through the normalizer', async () => {
    const { ports, scanner, events } = setup({ prefix: '#', suffix: '$' })
    await scanner.start()
    ports.current.receive('#000123456789$\r')
    expect(events.scans.map((s) => [s.source, s.device, s.normalized])).toEqual([
      ['serial', '/dev/ttyACM0', { kind: 'code', code: '000123456789' }]
    ])
  })

  it('ends a frame after the idle timeout when the scanner sends no suffix', async () => {
    const { ports, clock, scanner, events } = setup({ idleTimeoutMs: 300 })
    await scanner.start()
    ports.current.receive('1102012')
    clock.advance(200)
    ports.current.receive('01245')
    clock.advance(299)
    expect(events.scans).toHaveLength(0)
    clock.advance(1)
    expect(events.scans.map((s) => s.normalized)).toEqual([{ kind: 'code', code: '110201201245' }])
    expect(clock.pendingDelays()).toEqual([])
  })

  it('reports an overlong frame as a rejected scan, not a code', async () => {
    const { ports, scanner, events } = setup({ maxFrameBytes: 16 })
    await scanner.start()
    ports.current.receive(`${'1'.repeat(40)}\r000123456789\r`)
    expect(events.scans.map((s) => s.normalized)).toEqual([
      {
        rejected: true,
        reason: 'FRAME_OVERFLOW',
        params: { max: 16 }
      },
      { rejected: true, reason: 'FRAME_OVERFLOW', params: { max: 16 } },
      { kind: 'code', code: '000123456789' }
    ])
  })

  it('waits for a port that does not exist yet, reporting reopening with back-off', async () => {
    const { ports, clock, scanner, events } = setup()
    ports.openError = new Error('Error: No such file or directory, cannot open /dev/ttyACM0')
    await scanner.start()
    const second = nextStatus(scanner, 'reopening')
    clock.advance(250)
    await second
    expect(events.statuses.map((s) => [s.status, s.attempt, s.retryInMs])).toEqual([
      ['reopening', 1, 250],
      ['reopening', 2, 500]
    ])
    ports.openError = undefined
    const connected = nextStatus(scanner, 'connected')
    clock.advance(500)
    await connected
  })

  it('reports a port it may not open (permissions, lock) as an error and keeps trying', async () => {
    const { ports, scanner, events } = setup()
    ports.openError = new Error('Error: Permission denied, cannot open /dev/ttyACM0')
    await scanner.start()
    expect(events.statuses[0]).toMatchObject({
      status: 'error',
      message: expect.stringContaining('Permission denied')
    })
  })

  it('treats a disconnect close as an unplug and reopens the same path', async () => {
    const { ports, clock, scanner, events } = setup()
    await scanner.start()
    const first = ports.current
    first.receive('12345')
    const reopening = nextStatus(scanner, 'reopening')
    first.unplug()
    await reopening
    expect(events.statuses.map((s) => [s.status, s.message])).toEqual([
      ['connected', undefined],
      ['disconnected', 'Input/output error'],
      ['reopening', 'Input/output error']
    ])
    const connected = nextStatus(scanner, 'connected')
    clock.advance(250)
    await connected
    // The half frame from before the unplug must not be glued to the first frame after it.
    ports.current.receive('110201201245\r')
    expect(events.scans.map((s) => s.normalized)).toEqual([{ kind: 'code', code: '110201201245' }])
  })

  it('reports a port error while open without dropping the connection', async () => {
    const { ports, scanner, events } = setup()
    await scanner.start()
    ports.current.emit('error', new Error('Writing to COM port (GetOverlappedResult): Unknown error code 31'))
    expect(events.statuses.map((s) => s.status)).toEqual(['connected', 'error'])
    expect(scanner.isConnected).toBe(true)
  })
})
