/**
 * The devices page in Chromium against the built host: a serial scanner is configured from the page over a
 * real socat pseudo-terminal, its scans show raw and normalized with the device's name, its status follows
 * the port disappearing; a slow keyboard scanner is calibrated from a test scan and then recognised; an
 * input method during calibration is reported with the HID POS / serial advice; the configuration is kept
 * in the station database across a restart of the host.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startSocatPair, type SocatPair } from '../devices/support/socatPair'
import { launchBrowser, screenshot } from './support/browser'
import { blurAll, openDevicesPage } from './support/devicesPage'
import { startHostProcess, type HostProcess } from './support/host'
import { typeLikeDevice, typeThroughIme } from './support/keyboard'

let host: HostProcess
let browser: Browser
let page: Page
let pair: SocatPair | null = null
const dataDir = mkdtempSync(join(tmpdir(), 'hexiao-devices-'))

const count = async () => Number(await page.getByTestId('scan-count').textContent())
const lastRaw = () => page.getByTestId('last-scan-raw').textContent()
const normalized = () => page.getByTestId('last-scan-normalized')
const tab = (name: RegExp) => page.getByRole('tab', { name })

beforeAll(async () => {
  host = await startHostProcess({ dataDir })
  browser = await launchBrowser(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'])
  page = await browser.newPage({ viewport: { width: 1366, height: 1000 } })
  await openDevicesPage(page, host.url)
})

afterAll(async () => {
  await browser?.close()
  await host?.stop()
  await pair?.stop()
})

describe('the devices page', () => {
  it('shows what a keyboard scan arrived as and what the normalizer made of it', async () => {
    expect(await page.getByTestId('device-status').getAttribute('data-state')).toBe('none')
    await blurAll(page)
    const before = await count()
    await typeLikeDevice(page, '012345678905', { delay: 4 })
    await expect.poll(count).toBe(before + 1)
    expect(await lastRaw()).toBe('012345678905\\r')
    await expect.poll(() => normalized().getAttribute('data-kind')).toBe('code')
    // Leading zero kept: a code is never a number.
    expect(await page.getByTestId('last-scan-normalized-value').textContent()).toBe('012345678905')
  })

  it('configures a serial scanner, shows its scans and status, and notices the port vanish', async () => {
    pair = await startSocatPair(mkdtempSync(join(tmpdir(), 'hexiao-pty-')))
    await tab(/串口/).click()
    await page.getByTestId('serial-add-manual').click()
    const card = page.getByTestId('serial-config').first()
    await card.getByTestId('serial-path').fill(pair.hostSide)
    await card.getByLabel('名称').fill('收银台扫码盒')
    await page.getByTestId('devices-save').click()
    await expect
      .poll(() => card.getByTestId('device-row-status').getAttribute('data-state'), { timeout: 15_000 })
      .toBe('connected')
    await expect.poll(() => page.getByTestId('device-status').getAttribute('data-state')).toBe('ok')

    const before = await count()
    writeFileSync(pair.scannerSide, '000123456789\r')
    await expect.poll(count, { timeout: 10_000 }).toBe(before + 1)
    expect(await page.getByTestId('last-scan-source').getAttribute('data-source')).toBe('serial')
    expect(await page.getByTestId('last-scan-device').textContent()).toBe('收银台扫码盒')
    expect(await lastRaw()).toBe('000123456789')
    expect(await page.getByTestId('last-scan-normalized-value').textContent()).toBe('000123456789')

    writeFileSync(pair.scannerSide, Buffer.from([0x00, 0x01, 0xff, 0xfe, 0x0d]))
    await expect.poll(count, { timeout: 10_000 }).toBe(before + 2)
    expect(await normalized().getAttribute('data-kind')).toBe('rejected')
    expect(await normalized().textContent()).not.toBe('')
    await screenshot(page, 'devices-serial')

    await pair.stop()
    pair = null
    // Linux reports the vanished pty late on a loaded machine.
    await expect
      .poll(() => card.getByTestId('device-row-status').getAttribute('data-state'), { timeout: 20_000 })
      .not.toBe('connected')
    await expect.poll(() => page.getByTestId('device-status').getAttribute('data-state')).toBe('down')
  })

  it('calibrates a slow keyboard scanner so its scans are recognised', async () => {
    await tab(/键盘模式/).click()
    await blurAll(page)
    // ~55 ms per key: slower than the default 35 ms rule, so this is typing, not a scan.
    const before = await count()
    await typeLikeDevice(page, 'SLOW12345678', { delay: 50 })
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(await count()).toBe(before)

    await page.getByTestId('wedge-calibrate').click()
    await page.getByTestId('wedge-recording').waitFor()
    await typeLikeDevice(page, 'SLOW12345678', { delay: 50 })
    const result = page.getByTestId('wedge-result')
    await result.waitFor()
    expect(await result.textContent()).toContain('SLOW12345678')
    await page.getByTestId('wedge-apply').click()
    const calibrated = Number(await page.getByTestId('wedge-avg').inputValue())
    expect(calibrated).toBeGreaterThan(35)

    // The scan test already uses the draft; saving keeps it for the counter.
    await blurAll(page)
    await typeLikeDevice(page, 'SLOW12345678', { delay: 50 })
    await expect.poll(count).toBe(before + 1)
    expect(await lastRaw()).toBe('SLOW12345678\\r')
    await page.getByTestId('devices-save').click()
    await expect.poll(() => page.getByTestId('devices-save').isDisabled()).toBe(true)
  })

  it('reports an input method during calibration with the HID POS / serial advice', async () => {
    await page.getByTestId('wedge-calibrate').click()
    await page.getByTestId('wedge-recording').waitFor()
    await typeThroughIme(page, 'abc123def456')
    await page.getByTestId('wedge-result').waitFor()
    const warnings = await page
      .getByTestId('wedge-warning')
      .evaluateAll((els) =>
        els.map((el) => (el as unknown as { dataset: { warning: string } }).dataset.warning)
      )
    expect(warnings).toContain('imeActive')
    expect(await page.getByTestId('wedge-section').textContent()).toContain('HID POS')
    await screenshot(page, 'devices-wedge-ime')
  })

  it('lists a camera and keeps the whole configuration across a restart', async () => {
    await tab(/摄像头/).click()
    await page.getByTestId('camera-section').waitFor()
    await host.stop()
    host = await startHostProcess({ dataDir })
    await openDevicesPage(page, host.url)
    await tab(/键盘模式/).click()
    expect(Number(await page.getByTestId('wedge-avg').inputValue())).toBeGreaterThan(35)
    await tab(/串口/).click()
    expect(await page.getByTestId('serial-config').count()).toBe(1)
    expect(await page.getByTestId('serial-path').inputValue()).toContain('ttyB')
  })
})
