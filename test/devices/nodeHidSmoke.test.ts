/**
 * Loads the real node-hid binary (no HID device exists on CI: no /dev/uhid). Proves the prebuild and
 * libusb-1.0 are installed and that the adapter turns node-hid failures into clear errors.
 */
import { HIDAsync } from 'node-hid'
import { describe, expect, it } from 'vitest'
import { HidScanner } from '../../src/main/devices/hid/hidScanner'
import { createNodeHidApi, hidapiVersion } from '../../src/main/devices/hid/nodeHidApi'
import { nextStatus } from './support/events'

/** Not assigned to any vendor in usb.ids, so it cannot be plugged in on a developer machine either. */
const MISSING_VID = 0xfff0
const MISSING_PID = 0xfff1

describe('node-hid (real binary)', () => {
  it('reports the hidapi version', () => {
    expect(hidapiVersion()).toMatch(/^\d+\.\d+\.\d+/)
  })

  it('lists devices as an array of infos with paths', async () => {
    const devices = await createNodeHidApi().devicesAsync()
    expect(Array.isArray(devices)).toBe(true)
    for (const d of devices) expect(typeof d.path).toBe('string')
  })

  it('throws a clear error for a VID/PID that is not connected', async () => {
    await expect(HIDAsync.open(MISSING_VID, MISSING_PID)).rejects.toThrow(
      /No HID devices with requested VID\/PID found/
    )
  })

  it('names the path when the adapter cannot open a device', async () => {
    await expect(createNodeHidApi().open('/dev/hidraw-does-not-exist')).rejects.toThrow(
      /^Cannot open HID device \/dev\/hidraw-does-not-exist: /
    )
  })

  it('lets a HidScanner over the real API wait for a scanner that is not there', async () => {
    const scanner = new HidScanner(
      { vendorId: MISSING_VID, productId: MISSING_PID },
      { api: createNodeHidApi() }
    )
    const reopening = nextStatus(scanner, 'reopening')
    await scanner.start()
    expect(await reopening).toMatchObject({ message: 'HID FFF0:FFF1 is not connected', attempt: 1 })
    await scanner.stop()
  })
})
