/**
 * The keyboard-wedge listener in Chromium against the built host, driven by real key events: scanner
 * bursts are recognised exactly once and never land in a focused field; human typing is never a scan.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, screenshot } from './support/browser'
import { blurAll, openDevicesPage } from './support/devicesPage'
import { startHostProcess, type HostProcess } from './support/host'
import { recordKeyTimes, typeLikeDevice, typeThroughIme, type KeySpeed } from './support/keyboard'

let host: HostProcess
let browser: Browser
let page: Page
let keySpeed: () => Promise<KeySpeed>

const SCANNER = 4 // ms between key down and up: about 6–10 ms per key in total
const HUMAN = 90

const count = async () => Number(await page.getByTestId('scan-count').textContent())
const lastRaw = () => page.getByTestId('last-scan-raw').textContent()
const field = () => page.getByTestId('scan-test-field')
// The test tsconfig has no DOM library: reach the page's document structurally.
const fieldFocused = () =>
  field().evaluate(
    (el) => el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement
  )

async function expectScan(before: number, raw: string) {
  await expect.poll(count).toBe(before + 1)
  expect(await lastRaw()).toBe(raw)
  expect(await page.getByTestId('last-scan-source').getAttribute('data-source')).toBe('wedge')
  expect(await page.getByTestId('last-scan-device').textContent()).toBe('keyboard')
}

beforeAll(async () => {
  host = await startHostProcess()
  browser = await launchBrowser()
  page = await browser.newPage({ viewport: { width: 1366, height: 900 } })
  await openDevicesPage(page, host.url)
  keySpeed = await recordKeyTimes(page)
})

afterAll(async () => {
  await browser?.close()
  await host?.stop()
})

describe('keyboard wedge in Chromium', () => {
  it('recognises a scan when no field has focus', async () => {
    await blurAll(page)
    const before = await count()
    await typeLikeDevice(page, '012345678905', { delay: SCANNER })
    console.log('scanner speed seen by Chromium (ms/key):', await keySpeed())
    await expectScan(before, '012345678905\\r')
  })

  it('keeps a burst out of the focused field, and keeps what the cashier typed', async () => {
    await field().click()
    await field().fill('')
    await typeLikeDevice(page, '88.50', { delay: HUMAN, suffix: null })
    console.log('human speed seen by Chromium (ms/key):', await keySpeed())
    const before = await count()
    await typeLikeDevice(page, '987654321098', { delay: SCANNER })
    await expectScan(before, '987654321098\\r')
    expect(await field().inputValue()).toBe('88.50')
    await expect.poll(fieldFocused).toBe(true)
    await screenshot(page, 'wedge-field')
  })

  it('never takes human typing (even a 12-digit code and Enter) for a scan', async () => {
    await field().fill('')
    await field().click()
    const before = await count()
    await typeLikeDevice(page, '012345678905', { delay: HUMAN })
    expect(await field().inputValue()).toBe('012345678905')
    // A marker scan afterwards: once it shows, anything the typing caused would have shown too, so the
    // count proves the typing produced no scan (no sleeping and hoping).
    await typeLikeDevice(page, '000011112222', { delay: SCANNER })
    await expectScan(before, '000011112222\\r')
    expect(await field().inputValue()).toBe('012345678905')
  })

  it('reads upper-case letters typed with Shift, in and out of the field', async () => {
    await field().fill('')
    await field().click()
    let before = await count()
    await typeLikeDevice(page, 'CPN-AB12CD34', { delay: SCANNER })
    await expectScan(before, 'CPN-AB12CD34\\r')
    expect(await field().inputValue()).toBe('')
    await blurAll(page)
    before = await count()
    await typeLikeDevice(page, 'XYZ-0042-QQ', { delay: SCANNER })
    await expectScan(before, 'XYZ-0042-QQ\\r')
  })

  it('handles a scanner that ends with Tab: focus stays, nothing leaks', async () => {
    await field().fill('7')
    await field().click()
    const before = await count()
    await typeLikeDevice(page, '555566667777', { delay: SCANNER, suffix: 'Tab' })
    await expectScan(before, '555566667777\\t')
    expect(await field().inputValue()).toBe('7')
    expect(await fieldFocused()).toBe(true)
  })

  it('recognises back-to-back scans each exactly once', async () => {
    await field().fill('')
    await field().click()
    const before = await count()
    for (const code of ['111122223333', '444455556666', '777788889999']) {
      await typeLikeDevice(page, code, { delay: SCANNER })
      await expect.poll(lastRaw).toBe(`${code}\\r`)
    }
    expect(await count()).toBe(before + 3)
    expect(await field().inputValue()).toBe('')
  })

  it('reads a scan through a Chinese input method and undoes the composition it left in the field', async () => {
    await field().fill('12')
    await field().click()
    const before = await count()
    await typeThroughIme(page, 'abc123def456')
    await expectScan(before, 'abc123def456\\r')
    await expect.poll(() => field().inputValue()).toBe('12')
  })
})
