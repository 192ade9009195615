import { describe, expect, it } from 'vitest'
import { listHidScanners, selectHidDevice } from '../../src/main/devices/hid/deviceMatch'
import type { HidDeviceInfo } from '../../src/main/devices/hid/hidApi'
import { hidScannerConfigSchema } from '../../src/shared/scannerConfig'
import { FakeHidApi } from './support/fakeHid'

const info = (path: string, extra: Partial<HidDeviceInfo>): HidDeviceInfo => ({
  vendorId: 0x0c2e,
  productId: 0x0b87,
  path,
  ...extra
})

const MGMT = info('/dev/hidraw2', { usagePage: 0xff8c, usage: 1 })
const POS = info('/dev/hidraw3', { usagePage: 0x8c, usage: 2 })
const KBD = info('/dev/hidraw4', { usagePage: 1, usage: 6, productId: 0x0b01 })
const MOUSE = info('/dev/hidraw9', { vendorId: 0x046d, usagePage: 1, usage: 2 })

describe('selectHidDevice', () => {
  it('prefers usage page 0x8C over a keyboard and never picks a vendor page', () => {
    expect(selectHidDevice([MGMT, KBD, POS], { vendorId: 0x0c2e })?.path).toBe('/dev/hidraw3')
    expect(selectHidDevice([MGMT, KBD], { vendorId: 0x0c2e })?.path).toBe('/dev/hidraw4')
    expect(selectHidDevice([MGMT], { vendorId: 0x0c2e })).toBeUndefined()
  })

  it('matches the product id when configured', () => {
    expect(selectHidDevice([POS, KBD], { vendorId: 0x0c2e, productId: 0x0b01 })?.path).toBe('/dev/hidraw4')
  })

  it('accepts a device whose usage page the platform does not report', () => {
    expect(selectHidDevice([info('/dev/hidraw1', {})], { vendorId: 0x0c2e })?.path).toBe('/dev/hidraw1')
  })

  it('honours an explicit usage page or path', () => {
    expect(selectHidDevice([POS, MGMT], { vendorId: 0x0c2e, usagePage: 0xff8c })?.path).toBe('/dev/hidraw2')
    expect(selectHidDevice([POS, MGMT], { path: '/dev/hidraw2' })?.path).toBe('/dev/hidraw2')
    expect(selectHidDevice([POS], { path: '/dev/hidraw8' })).toBeUndefined()
  })
})

describe('listHidScanners', () => {
  it('offers HID POS devices first, then keyboards, and hides everything else', async () => {
    const listed = await listHidScanners(new FakeHidApi([MOUSE, KBD, MGMT, POS]))
    expect(listed.map((d) => [d.path, d.kind])).toEqual([
      ['/dev/hidraw3', 'hid-pos'],
      ['/dev/hidraw4', 'keyboard']
    ])
  })
})

describe('hidScannerConfigSchema', () => {
  it('accepts ids as numbers or hex strings and fills defaults', () => {
    const config = hidScannerConfigSchema.parse({ vendorId: '0x0C2E', productId: '0b87' })
    expect(config).toMatchObject({ vendorId: 0x0c2e, productId: 0x0b87, protocol: 'auto' })
    expect(config.reopen).toEqual({ initialMs: 500, maxMs: 10_000 })
    expect(config.normalizer.maxLength).toBe(20)
  })

  it('explains a missing device selector and a bad id', () => {
    const empty = hidScannerConfigSchema.safeParse({})
    expect(empty.error?.issues[0]?.message).toContain('vendorId')
    const bad = hidScannerConfigSchema.safeParse({ vendorId: 'honeywell' })
    expect(bad.error?.issues[0]?.message).toContain('0x0C2E')
    const reopen = hidScannerConfigSchema.safeParse({
      vendorId: 1,
      reopen: { initialMs: 5_000, maxMs: 1_000 }
    })
    expect(reopen.error?.issues[0]?.message).toContain('reopen.maxMs')
  })
})
