import { describe, expect, it } from 'vitest'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { listSerialPorts, listSerialPortsOrProblem } from '../../src/main/devices/serial/listSerialPorts'
import { en } from '../../src/shared/i18n/en'
import { zhCN } from '../../src/shared/i18n/zh-CN'
import { serialScannerConfigSchema } from '../../src/shared/scannerConfig'

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
    [{}, 'Serial port path is required'],
    [{ path: '' }, 'Serial port path is required'],
    [{ path: 'COM3', baudRate: 96.5 }, 'whole number'],
    [{ path: 'COM3', baudRate: 0 }, '300'],
    [{ path: 'COM3', dataBits: 9 }, 'dataBits must be 5, 6, 7 or 8'],
    [{ path: 'COM3', parity: 'odd-ish' }, 'parity must be'],
    [{ path: 'COM3', stopBits: 3 }, 'stopBits must be 1, 1.5 or 2'],
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
    // On Linux this runs `udevadm info -e`: .ci/run installs the udev package for it.
    const { ports, problem } = await listSerialPortsOrProblem()
    expect(problem, 'install the udev package (udevadm) to list serial ports').toBeNull()
    for (const port of ports) expect(port.path).toMatch(/^(\/dev\/|COM)/)
  })

  it.runIf(process.platform === 'linux')(
    'says in plain words that udevadm is missing when it is not on PATH',
    async () => {
      const saved = process.env.PATH
      process.env.PATH = mkdtempSync(join(tmpdir(), 'no-udevadm-'))
      try {
        const { ports, problem } = await listSerialPortsOrProblem()
        expect(ports).toEqual([])
        expect(problem).toMatchObject({ code: 'serialToolMissing' })
        expect(problem?.detail).toMatch(/udevadm/)
        expect(zhCN.devices.listProblem.serialToolMissing).toMatch(/udevadm（udev 软件包）.*手动输入串口路径/)
        expect(en.devices.listProblem.serialToolMissing).toMatch(
          /udevadm \(package udev\).*type the port path/
        )
      } finally {
        process.env.PATH = saved
      }
    }
  )

  it('reports any other listing failure as serialListFailed with the detail for IT', async () => {
    const { problem } = await listSerialPortsOrProblem(() =>
      Promise.reject(new Error('EACCES /sys/class/tty'))
    )
    expect(problem).toEqual({ code: 'serialListFailed', detail: 'EACCES /sys/class/tty' })
  })
})
