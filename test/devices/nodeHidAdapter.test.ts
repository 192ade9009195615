/** The real adapter over a mocked node-hid module: field mapping and error wording. */
import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'

const openMock = vi.fn()
vi.mock('node-hid', () => ({
  devicesAsync: async () => [
    {
      vendorId: 0x0c2e,
      productId: 0x0b87,
      path: '/dev/hidraw3',
      usagePage: 0x8c,
      usage: 2,
      release: 1,
      interface: 0
    },
    { vendorId: 0x0c2e, productId: 0x0b87, release: 1, interface: 1 }
  ],
  HIDAsync: { open: (...args: unknown[]) => openMock(...args) },
  getHidapiVersion: () => '0.15.0'
}))

const { createNodeHidApi } = await import('../../src/main/devices/hid/nodeHidApi')

describe('createNodeHidApi', () => {
  it('maps node-hid infos and drops entries without a path', async () => {
    expect(await createNodeHidApi().devicesAsync()).toEqual([
      { vendorId: 0x0c2e, productId: 0x0b87, path: '/dev/hidraw3', usagePage: 0x8c, usage: 2 }
    ])
  })

  it('opens by path, exclusive unless asked otherwise', async () => {
    const device = Object.assign(new EventEmitter(), { close: async () => undefined })
    openMock.mockResolvedValueOnce(device)
    expect(await createNodeHidApi().open('/dev/hidraw3')).toBe(device)
    expect(openMock).toHaveBeenLastCalledWith('/dev/hidraw3', { nonExclusive: false })
  })

  it('adds the udev / Input Monitoring hint to a permission failure', async () => {
    openMock.mockRejectedValueOnce(
      new Error("Failed to open a device with path '/dev/hidraw3': Permission denied")
    )
    await expect(createNodeHidApi({ nonExclusive: true }).open('/dev/hidraw3')).rejects.toThrow(
      /^Cannot open HID device \/dev\/hidraw3: .*Permission denied \(Linux: install the udev rule/
    )
    expect(openMock).toHaveBeenLastCalledWith('/dev/hidraw3', { nonExclusive: true })
  })
})
