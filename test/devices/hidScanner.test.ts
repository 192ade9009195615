import { afterEach, describe, expect, it } from 'vitest'
import { HidScanner } from '../../src/main/devices/hid/hidScanner'
import type { HidDeviceInfo } from '../../src/main/devices/hid/hidApi'
import type { HidScannerConfigInput } from '../../src/shared/scannerConfig'
import { nextStatus, record } from './support/events'
import { FakeClock } from './support/fakeClock'
import { FakeHidApi } from './support/fakeHid'
import { honeywellLabel, honeywellReport, KEY, keys, newlandReport, typedDigits } from './fixtures/hidReports'

const HONEYWELL_POS: HidDeviceInfo = {
  vendorId: 0x0c2e,
  productId: 0x0b87,
  path: '/dev/hidraw3',
  usagePage: 0x8c,
  usage: 0x02,
  product: 'Honeywell Scanning and Mobility'
}
/** The management collection of the same scanner: listed first, must not be opened. */
const HONEYWELL_MGMT: HidDeviceInfo = {
  ...HONEYWELL_POS,
  path: '/dev/hidraw2',
  usagePage: 0xff8c,
  usage: 0x01
}
const NEWLAND_POS: HidDeviceInfo = {
  vendorId: 0x1eab,
  productId: 0x0d10,
  path: '/dev/hidraw5',
  usagePage: 0x8c
}
const KEYBOARD: HidDeviceInfo = {
  vendorId: 0x05e0,
  productId: 0x1200,
  path: '/dev/hidraw7',
  usagePage: 1,
  usage: 6
}

const QR_60 = 'https://wx.example.cn/r?code=012345678901&card_id=pFS7Fjg8kV'

let scanner: HidScanner | undefined
afterEach(async () => {
  await scanner?.stop()
  scanner = undefined
})

function setup(config: HidScannerConfigInput, devices: HidDeviceInfo[]) {
  const api = new FakeHidApi(devices)
  const clock = new FakeClock()
  scanner = new HidScanner({ reopen: { initialMs: 500, maxMs: 4_000 }, ...config }, { api, clock })
  return { api, clock, scanner, events: record(scanner) }
}

describe('HidScanner', () => {
  it('opens the HID POS collection, not the vendor management one with the same VID/PID', async () => {
    const { api, scanner, events } = setup({ vendorId: 0x0c2e }, [HONEYWELL_MGMT, HONEYWELL_POS])
    await scanner.start()
    expect(api.current.path).toBe('/dev/hidraw3')
    expect(events.statuses.map((s) => s.status)).toEqual(['connected'])
    expect(scanner.device).toBe('HID 0C2E:*')
  })

  it('emits a scan event for a QR split over two reports', async () => {
    const { api, clock, scanner, events } = setup({ vendorId: '0x0C2E', productId: '0b87' }, [HONEYWELL_POS])
    await scanner.start()
    for (const report of honeywellLabel(QR_60)) api.current.report(report)
    expect(events.scans).toEqual([
      {
        source: 'hid',
        device: 'HID 0C2E:0B87',
        raw: QR_60,
        normalized: { kind: 'code', code: '012345678901', cardId: 'pFS7Fjg8kV' },
        at: clock.now()
      }
    ])
  })

  it('reads a Newland scanner with its own layout', async () => {
    const { api, scanner, events } = setup({ vendorId: 0x1eab, label: 'Newland FM420' }, [NEWLAND_POS])
    await scanner.start()
    api.current.report(newlandReport('000123456789\r'))
    expect(events.scans.map((s) => [s.device, s.normalized])).toEqual([
      ['Newland FM420', { kind: 'code', code: '000123456789' }]
    ])
  })

  it('decodes a keyboard-protocol scanner and flushes a scan without Enter after idle time', async () => {
    const { api, clock, scanner, events } = setup({ vendorId: 0x05e0, idleFlushMs: 200 }, [KEYBOARD])
    await scanner.start()
    for (const report of typedDigits('6957842208856')) api.current.report(report)
    expect(events.scans.map((s) => s.normalized)).toEqual([{ kind: 'code', code: '6957842208856' }])
    for (const report of typedDigits('110201201245').slice(0, -2)) api.current.report(report)
    expect(events.scans).toHaveLength(1)
    clock.advance(199)
    expect(events.scans).toHaveLength(1)
    clock.advance(1)
    expect(events.scans.map((s) => s.normalized)).toEqual([
      { kind: 'code', code: '6957842208856' },
      { kind: 'code', code: '110201201245' }
    ])
  })

  it('reports garbage through the normalizer instead of failing', async () => {
    const { api, scanner, events } = setup({ vendorId: 0x0c2e }, [HONEYWELL_POS])
    await scanner.start()
    api.current.report(honeywellReport([0xff, 0xfe, 0x01, 0x02]))
    expect(events.scans[0]?.normalized).toMatchObject({ rejected: true, reason: 'BINARY_GARBAGE' })
    expect(events.scans[0]?.raw).toBe('\\uFFFD\\uFFFD\\x01\\x02')
  })

  it('reports an unplug, polls the device list with back-off and reopens when the scanner is back', async () => {
    const { api, clock, scanner, events } = setup({ vendorId: 0x0c2e, productId: 0x0b87 }, [HONEYWELL_POS])
    await scanner.start()
    const first = api.current

    let reopening = nextStatus(scanner, 'reopening')
    api.unplug(HONEYWELL_POS.path)
    expect(await reopening).toMatchObject({ attempt: 1, retryInMs: 500 })
    expect(events.statuses.map((s) => s.status)).toEqual(['connected', 'disconnected', 'reopening'])
    expect(events.statuses[1]?.message).toBe('could not read from HID device')
    expect(first.closed).toBe(true)

    const listedBefore = api.listCalls
    reopening = nextStatus(scanner, 'reopening')
    clock.advance(500)
    expect(await reopening).toMatchObject({
      attempt: 2,
      retryInMs: 1_000,
      message: 'HID 0C2E:0B87 is not connected'
    })
    expect(api.listCalls).toBe(listedBefore + 1)

    api.plug(HONEYWELL_POS)
    const connected = nextStatus(scanner, 'connected')
    clock.advance(1_000)
    await connected
    expect(api.opened).toHaveLength(2)

    api.current.report(honeywellReport('110201201245'))
    expect(events.scans.map((s) => s.normalized)).toEqual([{ kind: 'code', code: '110201201245' }])
    // Reports from the old, closed handle must not reach anyone.
    first.report(honeywellReport('999999999999'))
    expect(events.scans).toHaveLength(1)
  })

  it('keeps retrying when the scanner is missing at start, up to the back-off cap', async () => {
    const { api, clock, scanner, events } = setup({ vendorId: 0x0c2e }, [])
    await scanner.start()
    for (const delay of [500, 1_000, 2_000, 4_000]) {
      const next = nextStatus(scanner, 'reopening')
      clock.advance(delay)
      await next
    }
    expect(events.statuses.map((s) => s.retryInMs)).toEqual([500, 1_000, 2_000, 4_000, 4_000])
    api.plug(HONEYWELL_POS)
    const connected = nextStatus(scanner, 'connected')
    clock.advance(4_000)
    await connected
  })

  it('reports an open failure such as a permission problem as an error, and retries', async () => {
    const { api, clock, scanner, events } = setup({ path: '/dev/hidraw3' }, [HONEYWELL_POS])
    api.openError = new Error('Cannot open HID device /dev/hidraw3: Permission denied')
    await scanner.start()
    expect(events.statuses[0]).toMatchObject({
      status: 'error',
      message: expect.stringContaining('Permission')
    })
    api.openError = undefined
    const connected = nextStatus(scanner, 'connected')
    clock.advance(500)
    await connected
  })

  it('stops cleanly: closes the device, cancels the pending reopen, emits nothing more', async () => {
    const { api, clock, scanner, events } = setup({ vendorId: 0x0c2e }, [HONEYWELL_POS])
    await scanner.start()
    const device = api.current
    await scanner.stop()
    expect(device.closed).toBe(true)
    expect(events.statuses.at(-1)).toMatchObject({ status: 'disconnected', message: 'stopped' })
    device.report(honeywellReport('110201201245'))
    expect(events.scans).toHaveLength(0)

    await scanner.start()
    const reopening = nextStatus(scanner, 'reopening')
    api.unplug(HONEYWELL_POS.path)
    await reopening
    await scanner.stop()
    expect(clock.pendingDelays()).toEqual([])
  })

  it('gives the device back when stop() runs while an open is in flight', async () => {
    const { api, scanner, events } = setup({ vendorId: 0x0c2e }, [HONEYWELL_POS])
    let letOpen: () => void = () => undefined
    api.openGate = new Promise((resolve) => (letOpen = resolve))
    const starting = scanner.start()
    await scanner.stop()
    letOpen()
    await starting
    expect(api.current.closed).toBe(true)
    expect(events.statuses).toEqual([])
  })

  it('counts an Enter held over two reports once', async () => {
    const { api, scanner, events } = setup({ vendorId: 0x05e0, protocol: 'keyboard' }, [KEYBOARD])
    await scanner.start()
    for (const report of typedDigits('42').slice(0, -1)) api.current.report(report)
    api.current.report(keys(0, KEY.enter))
    expect(events.scans.map((s) => s.normalized)).toEqual([{ kind: 'code', code: '42' }])
  })
})
