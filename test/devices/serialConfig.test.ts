import { describe, expect, it } from 'vitest'
import { listSerialPorts } from '../../src/main/devices/serial/listSerialPorts'
import { serialScannerConfigSchema } from '../../src/main/devices/serial/serialConfig'

const firstMessage = (input: unknown): string | undefined =>
  serialScannerConfigSchema.safeParse(input).error?.issues[0]?.message

describe('serialScannerConfigSchema', () => {
  it('fills 9600 8N1, CR framing and a 512-byte frame limit', () => {
    expect(serialScannerConfigSchema.parse({ path: ' /dev/ttyACM0 ' })).toEqual({
      path: '/dev/ttyACM0',
      baudRate: 9600,
      dataBits: 8,
      parity: 'none',
      stopBits: 1,
      delimiter: 'CR',
      prefix: '',
      suffix: '',
      maxFrameBytes: 512,
      reopen: { initialMs: 500, maxMs: 10_000 },
      normalizer: { stripAimId: true, maxLength: 20, maxEncryptCodeLength: 512, maxUrlLength: 2048 }
    })
  })

  it('accepts a byte delimiter and an idle timeout', () => {
    const config = serialScannerConfigSchema.parse({
      path: 'COM3',
      delimiter: { byte: 3 },
      idleTimeoutMs: 300
    })
    expect(config).toMatchObject({ delimiter: { byte: 3 }, idleTimeoutMs: 300 })
  })

  it.each([
    [{}, '请填写串口路径'],
    [{ path: '' }, 'Serial port path is required'],
    [{ path: 'COM3', baudRate: 96.5 }, 'whole number'],
    [{ path: 'COM3', baudRate: 0 }, '300'],
    [{ path: 'COM3', dataBits: 9 }, 'dataBits must be 5, 6, 7 or 8'],
    [{ path: 'COM3', parity: 'odd-ish' }, 'parity must be'],
    [{ path: 'COM3', stopBits: 3 }, '停止位'],
    [{ path: 'COM3', delimiter: 'ETX' }, "delimiter must be 'CR', 'LF', 'CRLF'"],
    [{ path: 'COM3', delimiter: { byte: 300 } }, '0–255'],
    [{ path: 'COM3', maxFrameBytes: 2 }, 'maxFrameBytes'],
    [{ path: 'COM3', idleTimeoutMs: 1 }, 'idleTimeoutMs']
  ])('explains %j', (input, expected) => {
    expect(firstMessage(input)).toContain(expected)
  })
})

describe('listSerialPorts', () => {
  it('puts USB scanners before on-board UARTs and keeps the stable by-id name', async () => {
    const listed = await listSerialPorts(async () => [
      { path: '/dev/ttyS0', manufacturer: undefined, serialNumber: undefined, pnpId: undefined },
      { path: '/dev/ttyUSB0', vendorId: '1a86', productId: '7523' },
      { path: '/dev/ttyACM0', vendorId: '0c2e', productId: '0b81', pnpId: 'usb-Honeywell_Scanner-if00' }
    ])
    expect(listed).toEqual([
      {
        path: '/dev/ttyACM0',
        kind: 'usb-cdc',
        vendorId: '0c2e',
        productId: '0b81',
        pnpId: 'usb-Honeywell_Scanner-if00'
      },
      { path: '/dev/ttyUSB0', kind: 'usb-serial', vendorId: '1a86', productId: '7523' },
      { path: '/dev/ttyS0', kind: 'onboard' }
    ])
  })

  it('lists the ports of this machine through serialport', async () => {
    const listed = await listSerialPorts()
    expect(Array.isArray(listed)).toBe(true)
    for (const port of listed) expect(port.path).toMatch(/^(\/dev\/|COM)/)
  })
})
